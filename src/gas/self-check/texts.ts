import { count } from '../texts';

/** Every sentence of "Kiểm tra môi trường": the probes' titles, what each found, and what to do when one fails. */

const kb = (bytes: number) => `${count(Math.ceil(bytes / 1024))} KB`;

export const selfCheckTexts = {
  menu: 'Kiểm tra môi trường',
  helpMenu: 'Trợ giúp',
  title: 'Kiểm tra môi trường',
  running: 'Đang kiểm tra môi trường của tiện ích trong bảng tính này…',
  scratchTab: (id: string) => `Kiểm tra môi trường (tạm) ${id}`,

  scopes: {
    title: 'Quyền đã cấp cho tiện ích',
    ok: (n: number) => `Đã cấp đủ ${n} quyền tiện ích cần.`,
    missing: (purposes: readonly string[]) => `Còn thiếu quyền: ${purposes.join(' ')}`,
    advice:
      'Mở lại một mục trong menu tiện ích: Google sẽ hỏi cấp quyền, hãy đánh dấu chọn mọi ô rồi bấm Cho phép. ' +
      'Nếu tài khoản do cơ quan quản lý, nhờ người quản trị Google Workspace cho phép tiện ích.',
    unknown: 'Google không cho biết từng quyền đã cấp; tiện ích vẫn chạy được các phần còn lại của bài kiểm tra.',
  },
  email: {
    title: 'Đọc được email của người dùng',
    ok: (email: string) => `Email của anh/chị: ${email}.`,
    missing: 'Google không cho tiện ích biết email của anh/chị.',
    advice:
      'Thư thử sẽ không gửi được và lịch gửi không ghi được ai đã cài. Hãy cấp quyền “xem địa chỉ email” khi Google hỏi; ' +
      'nếu tài khoản thuộc một tổ chức khác với chủ bảng tính, hãy để người cùng tổ chức với chủ bảng tính cài lịch gửi.',
  },
  locale: {
    title: 'Khu vực và múi giờ của bảng tính',
    ok: 'Việt Nam (vi_VN), giờ Asia/Ho_Chi_Minh: ngày gõ vào được hiểu theo ngày/tháng/năm.',
    wrong: (locale: string, zone: string) => `Khu vực “${locale}”, múi giờ “${zone}”: ngày gõ như 05/06/2023 có thể bị hiểu sai.`,
    advice: 'Chạy “Khởi tạo bảng tính” và chọn Có để đặt khu vực Việt Nam, rồi kiểm tra lại các ngày đã nhập.',
  },
  rules: {
    title: 'Tô màu theo cột kết quả',
    ok: (separator: string) =>
      `Quy tắc tô màu của tiện ích được nhận và tính đúng trên một tab tạm (công thức dùng dấu “${separator}” giữa các đối số); tab tạm đã xóa.`,
    okOther: (separator: string) =>
      `Quy tắc tô màu được nhận; công thức tô cả dòng chỉ đúng với dấu “${separator}” giữa các đối số, tiện ích sẽ dùng dấu này từ lần kiểm tra tới.`,
    noFormula: 'Ô kết quả vẫn được tô màu, nhưng công thức tô cả dòng không chạy được trong bảng tính này: từ lần kiểm tra tới tiện ích chỉ tô ô kết quả.',
    notAccepted: (what: string) => `Google không nhận quy tắc tô màu của tiện ích: ${what}`,
    advice: 'Chạy lại “Kiểm tra dữ liệu” sau bài kiểm tra này. Nếu vẫn không thấy màu ở cột kết quả, hãy báo người quản trị tiện ích kèm ảnh chụp.',
    leftover: (tabs: readonly string[]) => `Không xóa được tab tạm ${tabs.map((t) => `“${t}”`).join(', ')}: hãy xóa tay.`,
  },
  metadata: {
    title: 'Đánh dấu của tiện ích trong bảng tính',
    ok: 'Tiện ích ghi và tìm lại được đánh dấu của mình (cột kết quả, các tab do tiện ích tạo).',
    copies: (kept: boolean) =>
      kept
        ? ' Bản sao của một tab (Nhân bản) mang theo đánh dấu; tiện ích nhận ra bản sao theo mã tab nên không nhầm là tab của mình.'
        : ' Bản sao của một tab (Nhân bản) không mang theo đánh dấu.',
    lost: 'Tiện ích ghi đánh dấu nhưng không tìm lại được: cột kết quả có thể bị ghi thêm lần nữa, tab mẫu có thể bị tạo trùng.',
    advice: 'Hãy báo người quản trị tiện ích. Trong lúc chờ, tránh chạy “Kiểm tra dữ liệu” nhiều lần liền nhau.',
  },
  trigger: {
    title: 'Lịch chạy nền (không có ai mở bảng tính)',
    pending: 'Đã hẹn một lần chạy thử sau khoảng 1 phút: mở lại trang Cài đặt sau 2–3 phút để xem kết quả.',
    daily: 'Lịch gửi hằng ngày đang cài: kết quả lần chạy tới của nó sẽ hiện ở trang Cài đặt.',
    cannot: (message: string) => `Không hẹn được lần chạy thử: ${message}`,
    cannotAdvice: 'Xóa các lịch chạy khác của tiện ích trong Tiện ích mở rộng → Apps Script → Trình kích hoạt, rồi chạy lại bài kiểm tra.',
    ok: (how: string, lock: string) => `Lần chạy nền tìm được bảng tính (${how}), đọc được cài đặt và khóa được (${lock}).`,
    active: 'bảng tính đang mở',
    opened: 'mở theo mã bảng tính',
    documentLock: 'khóa của bảng tính',
    userLock: 'khóa của người cài',
    noSpreadsheet: 'Lần chạy nền không tìm được bảng tính.',
    noProperties: 'Lần chạy nền không đọc được cài đặt lưu trong bảng tính.',
    noLock: 'Lần chạy nền không khóa được (một lần chạy khác đang giữ khóa).',
    advice:
      'Lịch gửi hằng ngày sẽ không gửi được thư. Kiểm tra lại quyền (mục đầu tiên), rồi tắt và bật lại lịch gửi trong trang Cài đặt; ' +
      'nếu vẫn lỗi, hãy báo người quản trị tiện ích.',
  },
  properties: {
    title: 'Bộ nhớ cài đặt (Properties)',
    ok: (document: number, largest: number, user: number) =>
      `Bảng tính dùng ${kb(document)}/500 KB (giá trị lớn nhất ${kb(largest)}/9 KB); của riêng anh/chị ${kb(user)}/500 KB.`,
    nearlyFull: (document: number) => `Bộ nhớ cài đặt của bảng tính đã dùng ${kb(document)}/500 KB.`,
    advice: 'Hãy báo người quản trị tiện ích: nhật ký thư đã gửi của các năm trước có thể được dọn bớt.',
  },
  mail: {
    title: 'Hạn mức gửi thư hôm nay',
    ok: (n: number) => `Hôm nay còn gửi được ${count(n)} thư.`,
    low: (n: number) => `Hôm nay chỉ còn gửi được ${count(n)} thư.`,
    advice:
      'Google giới hạn số người nhận mỗi ngày (100 với tài khoản cá nhân, 1.500 với Google Workspace). Thư chưa gửi được sẽ được gửi tiếp hôm sau; ' +
      'nên để tài khoản Google Workspace của cơ quan cài lịch gửi.',
  },
  failed: (message: string) => `Không kiểm tra được: ${message}`,

  summary: (lines: readonly string[], stored: boolean) =>
    `${lines.join('\n\n')}\n\n${stored ? 'Kết quả đã được lưu và hiện trong trang Cài đặt (mục Kiểm tra môi trường).' : ''}`.trim(),
  line: (ok: boolean | null, title: string, detail: string, advice: string) =>
    `${ok === null ? '…' : ok ? '✓' : '✗'} ${title}: ${detail}${ok === false && advice ? `\n   → ${advice}` : ''}`,
} as const;
