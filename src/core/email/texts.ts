import { formatDayFirst, type CalendarDate, type Quarter } from '../calendar-date';
import { periodName } from '../quarter-name';

/**
 * Everything the add-on says about its emails, outside the emails themselves (their words are composed in
 * compose.ts): why one did not go, what "Gửi bù" did, how the settings page names a failed email and the schedule's
 * state, and what the daily run records. Built by functions with the values they name.
 */
export const emailTexts = {
  /** The sender's display name on every email the add-on sends. */
  senderName: 'Tiện ích 1+2 Tỉnh đoàn',
  /** Stands for the recipient's address in the mail service's words kept in the sent-log (the address is never kept). */
  addressPlaceholder: '[địa chỉ]',

  // ---- why an email did not go (kept in the sent-log, listed on the settings page)
  noLeaderAddress: (ban: string) => `${ban} chưa có email lãnh đạo: thêm ở cột Email của tab Cán bộ hoặc trong Cài đặt.`,
  badAddress: (address: string) => `Địa chỉ email “${address}” không hợp lệ nên thư không được gửi.`,
  refusedAddress: (address: string) => `Google không nhận địa chỉ “${address}”; hãy kiểm tra lại địa chỉ này.`,
  tooLarge: 'Thư vượt giới hạn dung lượng của Google nên không gửi được.',
  rejected: (code: string) => `Google từ chối gửi thư này (mã lỗi ${code}, báo người quản trị tiện ích nếu lặp lại).`,
  serviceError: (code: string) => `Dịch vụ gửi thư của Google báo một lỗi chưa rõ (mã lỗi ${code}, báo người quản trị tiện ích nếu lặp lại).`,
  quotaLost: 'Tài khoản đã hết hạn mức gửi email trong ngày, đến hết thời hạn gửi bù.',
  serviceDown: (detail: string) => `Dịch vụ gửi thư của Google lỗi liên tiếp (${detail}) đến hết thời hạn gửi bù.`,
  crashed: (message: string) => `Lần chạy bị dừng giữa chừng do lỗi: ${message}`,
  missedWindow: (due: CalendarDate, lastDay: CalendarDate) =>
    `Lịch gửi hằng ngày không chạy, hoặc bị dừng giữa chừng, trong cả thời hạn gửi (${formatDayFirst(due)}–${formatDayFirst(lastDay)}).`,
  noUser: 'Không xác định được email của anh/chị (tài khoản khác miền hoặc chưa cấp quyền), nên chưa gửi thử được.',
  noQuota: 'Tài khoản đã hết hạn mức gửi email hôm nay; hãy gửi thử lại vào ngày mai.',

  // ---- "Gửi bù"
  resendNothing: 'Không còn báo cáo quý nào cần gửi bù.',
  resendDone: (sent: number, left: number, quota: boolean) =>
    [
      sent > 0 ? `Đã gửi bù ${sent} thư báo cáo quý.` : 'Chưa gửi bù được thư nào.',
      left > 0
        ? `Còn ${left} thư chưa gửi được${quota ? ' vì tài khoản đã hết hạn mức gửi email hôm nay; hãy gửi bù lại vào ngày mai' : ''}: xem lý do trong danh sách.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),

  // ---- a failed email as the settings page names it
  provinceSummary: (quarter: Quarter, year: number) => `Thư tổng hợp ${periodName({ quarter, year })} toàn tỉnh`,
  banSummary: (quarter: Quarter, year: number) => `Thư tổng hợp ${periodName({ quarter, year })} của ban`,
  /** The deadline a reminder was for, named as such: not to be read as the day it should have gone. */
  reminder: (date: string, label: string) => `Thư nhắc hạn “${label}” (hạn ${date})`,
  someReminder: 'Thư nhắc hạn',
  approvalReminder: (due: string) => `Thư nhắc duyệt đăng ký ngày ${due}`,
  noProvinceSummary: (department: string) =>
    `Chưa có Email ${department}: thư tổng hợp toàn tỉnh hằng quý sẽ không gửi cho ai. Thêm địa chỉ ở ô “Email ${department}” bên trên rồi bấm Lưu.`,
  unsent: (n: number) => `Có ${n} thư không được gửi và sẽ không tự gửi lại: xem danh sách bên dưới.`,

  // ---- the daily schedule's state (settings page)
  scheduleOff: 'Chưa bật gửi email tự động.',
  scheduleOn: (by: string) => `Đang bật: mỗi sáng khoảng 7 giờ tiện ích kiểm tra và gửi thư đến hạn${by ? ` (cài bởi ${by})` : ''}.`,
  scheduleMissing: 'Lịch gửi hằng ngày đã bị xóa (không còn trong tài khoản của anh/chị). Hãy cài lại.',
  scheduleStale: (hours: number) => `Lịch gửi không chạy đã ${hours} giờ: có thể Google đã tắt lịch (ví dụ người cài mất quyền truy cập). Hãy cài lại.`,
  scheduleFailing: (n: number) => `${n} lần chạy gần nhất đều lỗi. Xem lỗi bên dưới, sửa rồi cài lại lịch.`,
  scheduleLeftOver: 'Đã tắt gửi email trong Cài đặt nhưng lịch chạy hằng ngày vẫn còn; hãy tắt lại để gỡ lịch.',
  otherTimeTrigger:
    'Không tạo được lịch gửi hằng ngày: tài khoản của anh/chị đã có một lịch chạy theo giờ khác của tiện ích trong bảng tính này ' +
    '(mỗi tiện ích chỉ được một lịch như vậy cho mỗi người, mỗi bảng tính). Hãy xóa lịch đó trong Tiện ích mở rộng → Apps Script → Trình kích hoạt, rồi bật lại.',
  notExactlyOne: (n: number) => `Cài lịch gửi chưa thành công (thấy ${n} lịch thay vì 1). Hãy tắt rồi bật lại lịch gửi.`,

  // ---- what the daily run records, and the test email
  ran: (o: { state: 'disabled' | 'nothing-due' | 'sent'; sent: number; deferred: number; stoppedBy: 'quota' | 'service' | null; unsent: number }) => {
    if (o.state === 'disabled') return 'Gửi email tự động đang tắt trong Cài đặt.';
    return [
      o.state === 'nothing-due' ? 'Không có thư nào đến hạn.' : `Đã gửi ${o.sent} thư.`,
      o.deferred > 0
        ? `${o.deferred} thư để lần chạy sau (${o.stoppedBy === 'service' ? 'dịch vụ gửi thư của Google đang lỗi' : 'hết hạn mức gửi email hôm nay'}).`
        : '',
      o.unsent > 0 ? `${o.unsent} thư không gửi được (xem danh sách trong Cài đặt).` : '',
    ]
      .filter(Boolean)
      .join(' ');
  },
  runStopped: (message: string) => `Lần chạy bị dừng: ${message}`,
  testSent: (subject: string, to: string) => `Đã gửi thư thử “${subject}” tới ${to}. Thư thật vẫn được gửi đúng hạn theo lịch.`,
} as const;
