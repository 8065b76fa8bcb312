import type { PageSection } from '../../core/settings-fields';

/** Every label of the Cài đặt page (the fields' own labels and hints are the settings table's: core/settings-fields.ts). */
export const settingsTexts = {
  title: 'Cài đặt',
  subtitle: 'Lưu trong bảng tính này; áp dụng cho mọi người dùng bảng tính.',
  formLabel: 'Cài đặt',
  fromTab: (tab: string, row: number, key: string) => `Lấy từ tab ${tab} (dòng ${row}, mục “${key}”): sửa giá trị ở tab đó.`,
  fromTabNote: (tab: string) => `Các ô ghi “Lấy từ tab ${tab}” theo giá trị trong tab ấy và không sửa được ở đây.`,
  leadersIntro: 'Lãnh đạo từng ban: để trống để dùng email trong tab Cán bộ (hiện mờ trong ô).',
  leaderFromRoster: (name: string) => `Theo tab Cán bộ: ${name}.`,
  leaderNoEmail: (name: string) => `${name} chưa có email trong tab Cán bộ.`,
  leaderMissing: 'Tab Cán bộ chưa ghi lãnh đạo của ban này.',
  presetChoice: (value: string) => `Theo bộ quy định (${value})`,
  noLimit: 'không giới hạn',
  needsSwitch: (switches: string) => `Dùng khi bật ${switches}.`,
  save: 'Lưu cài đặt',
  saving: 'Đang lưu…',
  errorsCount: (n: number) => (n === 1 ? 'Có 1 ô chưa hợp lệ:' : `Có ${n} ô chưa hợp lệ:`),
  errorsNote: 'Bấm Lưu vẫn lưu các ô khác; ô chưa hợp lệ không được lưu.',
  saved: 'Đã lưu cài đặt.',
  savedExcept: (n: number) => `Đã lưu cài đặt, trừ ${n} mục:`,
  /** What the save kept for a value it refused: the value now in force, as the field shows it. */
  notSaved: (typed: string, message: string, kept: string) => `${typed ? `Chưa lưu “${typed}”` : 'Chưa lưu'}: ${message} Đang dùng: ${kept}.`,
  keptPreset: 'giá trị của bộ quy định',
  keptBlank: 'để trống',
  scheduleOn: 'Đã lưu cài đặt và bật gửi email tự động.',
  scheduleOff: 'Đã lưu cài đặt và tắt gửi email tự động.',
  scheduleLoading: 'Đang tải trạng thái lịch gửi email…',
  lastRun: (when: string, ok: boolean, message: string) => `Lần chạy gần nhất: ${when} — ${ok ? 'xong' : 'lỗi'}: ${message}`,
  unsentTitle: (n: number) => `Thư chưa gửi được (${n})`,
  unsentCount: (what: string, n: number) => (n > 1 ? `${what} (${n} thư)` : what),
  to: 'Người nhận:',
  more: (n: number) => `và ${n} người nhận khác`,
  due: (date: string) => `Ngày cần gửi thư: ${date}`,
  dismiss: 'Bỏ khỏi danh sách',
  dismissing: 'Đang bỏ…',
  dismissLabel: (what: string) => `Bỏ “${what}” khỏi danh sách thư chưa gửi`,
  why: (message: string) => `Lý do: ${message}`,
  nextAddress: 'Sửa địa chỉ email (tab Cán bộ hoặc phần Người nhận email) để lần chạy sau gửi được.',
  nextRetry: 'Tiện ích sẽ gửi lại ở lần chạy sau.',
  nextNever: 'Đã quá thời hạn gửi: thư này sẽ không được gửi.',
  nextFixThenResend: 'Đã quá thời hạn tự gửi: sửa địa chỉ email rồi bấm “Gửi bù báo cáo quý”.',
  nextResend: 'Đã quá thời hạn tự gửi: bấm “Gửi bù báo cáo quý” để gửi ngay.',
  resend: 'Gửi bù báo cáo quý',
  resending: 'Đang gửi bù…',
  resendHint: (n: number) => `Gửi ngay ${n} thư báo cáo quý đã lỡ hạn; thư nào đã gửi thì không bao giờ gửi lại.`,
  reinstall: 'Cài lại lịch gửi',
  reinstalling: 'Đang cài lại…',
} as const;

/** The Kiểm tra môi trường section (self-check.ts). */
export const selfCheckTexts = {
  title: 'Kiểm tra môi trường',
  loading: 'Đang tải kết quả kiểm tra môi trường…',
  never: 'Chưa chạy. Trong menu Tiện ích mở rộng › 1+2 Đi cơ sở › Trợ giúp, chọn “Kiểm tra môi trường” (nên chạy một lần sau khi cài).',
  ran: (when: string, by: string, failed: number) =>
    `Chạy lúc ${when}${by ? ` bởi ${by}` : ''}: ${failed === 0 ? 'không có mục nào lỗi.' : `${failed} mục cần xử lý.`}`,
  passed: '✓',
  failed: '✗',
  pending: '…',
  advice: (text: string) => `Cần làm: ${text}`,
  triggerTitle: 'Lịch chạy nền',
  triggerWhen: (when: string, source: 'probe' | 'daily') => (source === 'probe' ? `Lần chạy thử lúc ${when}:` : `Lần chạy hằng ngày lúc ${when}:`),
  reload: 'Xem lại',
  reloading: 'Đang tải…',
} as const;

/** What a section says above its controls. */
export const SECTION_INTROS: Partial<Record<PageSection, string>> = {
  rules: 'Để trống một ô để dùng giá trị của bộ quy định (hiện mờ trong ô).',
  forms: 'Dòng “(Kèm theo Kế hoạch số …)” trên mẫu 2 và mẫu 3.',
};
