/**
 * The OAuth scopes appsscript.json asks for, each with what the add-on does with it, in the words the README's
 * deployment section and "Kiểm tra môi trường" use. test/gas/scopes.test.ts holds this list equal to the manifest's,
 * and test/gas/platform.test.ts shows each one needed (the add-on's tour without it is refused something).
 */
export const OAUTH_SCOPES: readonly { scope: string; purpose: string }[] = [
  {
    scope: 'https://www.googleapis.com/auth/spreadsheets',
    purpose:
      'Đọc và ghi bảng tính: kiểm tra, tô màu, ghi cột kết quả và tạo các tab mẫu; lịch gửi hằng ngày mở lại đúng bảng tính đã cài ' +
      '(lịch chạy nền của một tiện ích không có bảng tính đang mở, nên phải mở theo mã bảng tính).',
  },
  {
    scope: 'https://www.googleapis.com/auth/script.container.ui',
    purpose: 'Hiện menu, hộp thoại và thanh bên (Tiến độ, Nhập đợt, Duyệt đăng ký, Cài đặt) trong bảng tính.',
  },
  { scope: 'https://www.googleapis.com/auth/script.send_mail', purpose: 'Gửi thư báo cáo quý và thư nhắc hạn từ tài khoản của người cài lịch.' },
  { scope: 'https://www.googleapis.com/auth/script.scriptapp', purpose: 'Cài, kiểm tra và gỡ lịch chạy hằng ngày (trình kích hoạt theo thời gian).' },
  {
    scope: 'https://www.googleapis.com/auth/userinfo.email',
    purpose: 'Biết email của người đang dùng: gửi thư thử đúng người, ghi ai đã cài lịch gửi và nhận ra lịch của chính mình.',
  },
];

export const MANIFEST_SCOPES: readonly string[] = OAUTH_SCOPES.map((s) => s.scope);
