/**
 * Every sentence the add-on's own shell shows (menus, alerts, toasts); the rules' messages live in core/messages.ts.
 * Built by functions with the values they name, so wording stays consistent and reviewable in one place.
 */

export const MENU = {
  setup: 'Khởi tạo bảng tính',
  check: 'Kiểm tra dữ liệu',
  progress: 'Tiến độ cán bộ',
  tripForm: 'Nhập đợt đi cơ sở',
  approvals: 'Duyệt đăng ký',
  mau1: 'Tạo mẫu 1…',
  mau2: 'Tạo mẫu 2…',
  mau3: 'Tạo mẫu 3…',
  forms: 'Tạo biểu mẫu',
  settings: 'Cài đặt',
  testSummary: 'Gửi thử báo cáo quý',
  clearMarks: 'Xóa đánh dấu của tiện ích',
  helpMenu: 'Trợ giúp',
  help: 'Hướng dẫn',
  selfCheck: 'Kiểm tra môi trường',
} as const;

export const TITLE = '1+2 Đi cơ sở';

/** Vietnamese thousands separator: 1.200. */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export const texts = {
  busy: 'Một người khác đang chạy thao tác này trên bảng tính. Vui lòng đợi ít phút rồi thử lại.',
  settingsTooLarge: (bytes: number, max: number) =>
    `Cài đặt quá dài để lưu (${count(Math.ceil(bytes / 1024))} KB, tối đa ${count(max / 1024)} KB). ` +
    'Hãy bớt những địa chỉ email hoặc tên ban không cần trong phần Người nhận email, rồi lưu lại.',
  noColumnLeft: (tab: string, cell: string, what: string) =>
    `Tab “${tab}” có dữ liệu tới ô ${cell}, cột cuối cùng Google Trang tính cho phép (cột ZZZ), nên không còn cột trống bên phải để ghi ${what}. ` +
    `Hãy chuyển hoặc xóa giá trị ở ô ${cell} (và các cột trống thừa ở cuối tab), rồi chạy lại. Tiện ích chưa ghi gì vào tab này.`,
  noCellsLeft: (tab: string, what: string) =>
    `Bảng tính đã gần tới giới hạn 10 triệu ô của Google, nên không thêm được chỗ cho ${what} ở tab “${tab}”. ` +
    'Hãy xóa bớt các hàng, cột trống thừa hoặc các tab không dùng, rồi chạy lại.',
  statusColumnWhat: 'cột kết quả kiểm tra',
  appendWhat: 'dòng mới',
  propertiesFull:
    'Bộ nhớ của tiện ích trong bảng tính này đã đầy (Google cho mỗi bảng tính 500 KB), nên chưa lưu được. ' +
    'Hãy chạy “Kiểm tra môi trường” (menu Trợ giúp) để xem phần nào chiếm chỗ, rồi báo người quản trị tiện ích.',
  pageMissing: (title: string, file: string) =>
    `Trang “${title}” chưa có trong bản cài đặt này của tiện ích (thiếu tệp ${file}.html). ` +
    'Hãy báo người quản trị cập nhật tiện ích (npm run push), rồi tải lại bảng tính và thử lại.',

  reading: 'Đang đọc dữ liệu trong bảng tính…',
  checking: (rows: number) => `Đang kiểm tra ${count(rows)} dòng…`,
  checked: (c: { verdicts: readonly { label: string; count: number }[]; rowsLeftOut: number; warnings: number }) =>
    `Cán bộ: ${c.verdicts.length ? c.verdicts.map((v) => `${v.label} ${count(v.count)}`).join('; ') : 'chưa có'}. ` +
    `Dòng có lỗi (chưa tính): ${count(c.rowsLeftOut)}; lưu ý: ${count(c.warnings)}. Xem cột “Kết quả kiểm tra” và tab “Tổng hợp 1+2”.`,
  checkedTitle: 'Đã kiểm tra xong',
  localeWarning: (locale: string) =>
    `Bảng tính đang dùng khu vực “${locale}”: ngày gõ vào như “05/06/2023” bị hiểu là ngày 6 tháng 5. ` +
    'Hãy chạy “Khởi tạo bảng tính” để đặt khu vực Việt Nam, rồi kiểm tra lại các ngày đã nhập.',
  settingsProblems: (problems: readonly string[]) =>
    `Kiểm tra đã chạy, nhưng cần lưu ý:\n\n• ${problems.join('\n• ')}\n\nPhần cài đặt sửa trong tab “Cài đặt” hoặc menu Cài đặt.`,

  formDialogTitle: (form: 'mau1' | 'mau2' | 'mau3') =>
    form === 'mau1' ? 'Tạo mẫu 1 – Bản đăng ký cá nhân' : form === 'mau2' ? 'Tạo mẫu 2 – Đăng ký đi cơ sở' : 'Tạo mẫu 3 – Kết quả đi cơ sở theo quý',
  localeTitle: 'Định dạng ngày của bảng tính',
  localeQuestion: (locale: string, zone: string) =>
    `Bảng tính này đang dùng ngôn ngữ/khu vực “${locale}” và múi giờ “${zone}”. ` +
    (locale === 'vi_VN'
      ? ''
      : `Với khu vực này, Google Trang tính hiểu ngày gõ vào như “05/06/2023” là ngày 6 tháng 5 (tháng trước, ngày sau), không phải 5 tháng 6. `) +
    'Để ngày được hiểu theo thứ tự ngày/tháng/năm và tính đúng theo giờ Việt Nam, nên đặt khu vực Việt Nam (vi_VN) và múi giờ Asia/Ho_Chi_Minh.\n\n' +
    'Đặt ngay bây giờ? (Dữ liệu đã nhập không bị thay đổi; ngày đã gõ trước đây nên được kiểm tra lại.)',
  localeSet: 'Đã đặt khu vực Việt Nam (vi_VN) và múi giờ Asia/Ho_Chi_Minh.',
  localeKept: 'Giữ nguyên khu vực hiện tại: hãy gõ ngày theo dạng năm-tháng-ngày (2023-06-05) để tránh nhầm ngày và tháng.',
  setupTitle: 'Khởi tạo bảng tính',
  setupDone: (created: readonly string[], validated: readonly string[], skipped: readonly string[], localeNote: string) =>
    [
      created.length ? `Đã tạo tab: ${created.map((t) => `“${t}”`).join(', ')}.` : 'Các tab cần thiết đã có sẵn; không tạo tab mới.',
      validated.length ? `Đã thêm danh sách chọn và kiểm tra ngày cho: ${validated.join('; ')}.` : '',
      skipped.length ? skipped.join(' ') : '',
      'Dữ liệu đã nhập được giữ nguyên.',
      localeNote,
    ]
      .filter(Boolean)
      .join('\n\n'),
  setupNoHeader: (tab: string) => `Tab “${tab}” chưa có dòng tiêu đề nhận ra được nên chưa thêm danh sách chọn.`,
  /** What a generated tab's sheet protection says; warning-only, so a person can still edit after a prompt. */
  generatedTabProtection: 'Tab này do tiện ích tạo; sửa tay sẽ bị ghi đè',
  listHelp: (caption: string) => `Chọn ${caption || 'giá trị'} trong danh sách.`,
  dateHelp: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/06/2023.',

  checkedRenamed: (wanted: string, used: string) =>
    `Bảng tính đã có một tab “${wanted}” của anh/chị nên tiện ích không ghi vào đó; bảng tổng hợp được ghi vào tab “${used}”.`,
  clearTitle: 'Xóa đánh dấu của tiện ích',
  clearQuestion: (generated: readonly string[]) =>
    'Tiện ích sẽ gỡ mọi thứ nó đã ghi trên các tab của anh/chị: cột “Kết quả kiểm tra”, cột “Kết quả 1+2”, các dòng ghi chú ' +
    'bắt đầu bằng [1+2] và màu đánh dấu. Giá trị, định dạng, ghi chú riêng của anh/chị được giữ nguyên.' +
    (generated.length
      ? `\n\nXóa luôn các tab do tiện ích tạo (${generated.map((t) => `“${t}”`).join(', ')})?\nCó: xóa các tab đó. Không: giữ các tab đó.`
      : '\n\nTiếp tục?'),
  clearDone: (tabs: readonly string[], deleted: readonly string[]) =>
    [
      tabs.length ? `Đã gỡ đánh dấu trên: ${tabs.map((t) => `“${t}”`).join(', ')}.` : 'Không có đánh dấu nào của tiện ích trên các tab.',
      deleted.length ? `Đã xóa các tab: ${deleted.map((t) => `“${t}”`).join(', ')}.` : '',
      'Dữ liệu và định dạng của anh/chị được giữ nguyên.',
    ]
      .filter(Boolean)
      .join('\n\n'),
} as const;
