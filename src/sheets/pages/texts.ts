/**
 * Every sentence the sidebars and dialogs show that is not a rule's own (those live in core/messages.ts): what the
 * server functions answer, and what the page bridge says when a call cannot be made. Pure, so the pages bundle it too.
 */
export const pageTexts = {
  unknownBan: (ban: string) => `Không có Ban/Văn phòng “${ban}” trong tab Cán bộ.`,
  unknownCadre: (name: string, ban: string) => `Không có cán bộ “${name}” của ${ban} trong tab Cán bộ.`,
  mau1Scope: 'Mẫu 1 cần một cán bộ hoặc một Ban/Văn phòng.',
  staleForms: (tabs: readonly string[]) =>
    `${tabs.length === 1 ? 'Tab' : 'Các tab'} ${tabs.map((t) => `“${t}”`).join(', ')} do tiện ích tạo không còn khớp dữ liệu hiện tại (dữ liệu đã sửa sau khi tạo, hoặc tab đã sửa tay): tạo lại mẫu đó trước khi in hoặc gửi.`,
  badForm: 'Chỉ tạo được mẫu 1, mẫu 2 hoặc mẫu 3.',
  badQuarter: 'Quý phải là 1, 2, 3 hoặc 4.',
  badSwitch: 'Giá trị bật/tắt không hợp lệ.',
  badRows: 'Danh sách dòng không hợp lệ.',
  settingsNotTable: 'Cài đặt phải là một bảng giá trị.',
  noTripsTable: 'Không tìm thấy dòng tiêu đề của tab các đợt đi cơ sở.',
  noTripsOf: (name: string) => `Chưa có đợt đi cơ sở nào của ${name} trong tab Đi cơ sở.`,
  rowGone: (row: number, tab: string) => `Tab “${tab}” không còn dòng ${row}: có thể dòng đã bị xóa. Hãy tìm đợt ấy trong tab.`,
  undoChanged: (row: number, tab: string) =>
    `Không hoàn tác: dòng ${row} của tab “${tab}” không còn đúng như lúc vừa lưu (đã có người sửa, thêm ghi chú, hoặc dòng đã bị xóa hay dời chỗ). ` +
    'Tiện ích không xóa dòng đã được sửa; nếu cần, hãy xóa đợt ấy trong tab.',
  /** A page sent what its server function does not take: a bug of the page, said without its details. */
  badInput: (problems: readonly string[]) => `Trang đã gửi dữ liệu không hợp lệ: ${problems.join(' ')}`,
  setInTab: (tab: string, row: number, key: string) => `Không lưu: mục “${key}” đang lấy từ tab “${tab}” (dòng ${row}); hãy sửa ở tab đó.`,
  /** The apology for a bug (the error itself is logged with console.error), naming what the person was doing. */
  unexpected: (action: string, code: string) =>
    `Xin lỗi, đã có lỗi ngoài dự kiến khi ${action.toLowerCase()}. Dữ liệu anh/chị đã nhập không bị thay đổi. ` +
    `Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy tải lại trang bảng tính rồi thử lại, hoặc báo cho người quản trị tiện ích mã lỗi ${code} và thời điểm xảy ra lỗi.`,
  notInSheets: 'Trang này cần được mở từ menu tiện ích trong Google Sheets (hoặc bằng npm run preview).',
  unknownFailure: 'Không gọi được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  /** Apps Script's own English failures (src/sheets/user-message.ts platformMessage), each with what to do. */
  platform: {
    authorize:
      'Google cần anh/chị cấp quyền lại cho tiện ích. Hãy mở menu Tiện ích mở rộng → 1+2 Đi cơ sở, chọn lại mục này và bấm “Cho phép” khi Google hỏi. ' +
      'Nếu trình duyệt đang đăng nhập nhiều tài khoản Google, hãy mở bảng tính trong cửa sổ chỉ đăng nhập một tài khoản.',
    permission: 'Tài khoản của anh/chị chưa có quyền sửa bảng tính này. Hãy nhờ chủ bảng tính chia sẻ quyền chỉnh sửa, rồi tải lại trang bảng tính.',
    retry: 'Google Trang tính đang bận hoặc trả lời chậm nên thao tác chưa xong. Hãy đợi một lát rồi thử lại.',
    timeLimit: 'Thao tác chạy quá 6 phút, thời gian tối đa Google cho phép, nên đã bị dừng. Hãy thử lại; nếu vẫn quá lâu, hãy báo người quản trị tiện ích.',
    connection: 'Không kết nối được với Google. Hãy kiểm tra kết nối mạng, tải lại trang bảng tính (F5) rồi thử lại.',
    reload: 'Tiện ích vừa được cập nhật. Hãy tải lại trang bảng tính (F5) rồi mở lại mục này từ menu.',
    quota:
      'Tài khoản đã dùng hết hạn mức Google cho phép trong một ngày (số thư gửi đi, thời gian chạy…). Hạn mức được cấp lại 24 giờ sau lần dùng đầu tiên: ' +
      'hãy thử lại vào ngày mai; thử lại ngay sẽ không được.',
    other: (code: string) =>
      `Google Trang tính báo một lỗi chưa rõ nên thao tác chưa xong. Hãy thử lại; nếu vẫn lỗi, hãy tải lại trang bảng tính (F5), hoặc báo người quản trị tiện ích mã lỗi ${code}.`,
  },
} as const;

/** What each server function is, in the words of the apology: "… khi tải tiến độ cán bộ". */
export const PAGE_ACTIONS = {
  progress: 'Tiến độ cán bộ',
  tripForm: 'Nhập đợt đi cơ sở',
  forms: 'Tạo biểu mẫu',
  settings: 'Cài đặt',
  email: 'Gửi email 1+2',
  approvals: 'Duyệt đăng ký',
} as const;
