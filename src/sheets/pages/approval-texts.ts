import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';

/**
 * What the server tells the Duyệt đăng ký page (its own labels are in src/ui/duyet/texts.ts): the queues' titles and
 * lines, why a person may only look, and what a decision did. Pure, so the page bundles it too.
 */
export const approvalPageTexts = {
  banTitle: (ban: string) => `Chờ ${ban} duyệt`,
  banIntro:
    'Đăng ký của cán bộ trong ban, chờ lãnh đạo ban duyệt (mẫu 1 “Lãnh đạo Ban/Văn phòng phê duyệt”). Duyệt xong, đăng ký vào danh sách gửi ban tổng hợp.',
  compileTitle: (department: string) => `Danh sách các ban gửi ${department}`,
  compileIntro: (department: string) =>
    `Từng ban theo đợt: danh sách đã đủ chưa, gửi đúng hạn chưa. ${department} ghi phê duyệt của Thường trực khi có thông báo, hoặc trả lại đăng ký cần sửa.`,
  approveTitle: 'Chờ Thường trực phê duyệt',
  approveIntro: 'Các đăng ký lãnh đạo ban đã duyệt và gửi ban tổng hợp (mẫu 2 “Phê duyệt của Lãnh đạo Tỉnh đoàn”).',
  readOnlyTitle: 'Đăng ký đang chờ duyệt',

  // ---- why a person may only look
  noAccount:
    'Google không cho tiện ích biết tài khoản của anh/chị (thường do đăng nhập nhiều tài khoản, hoặc tài khoản ngoài miền của bảng tính), nên chỉ xem được, không duyệt được. Hãy mở bảng tính trong cửa sổ chỉ đăng nhập một tài khoản.',
  noRole: (user: string, department: string) =>
    `Tài khoản ${user} không có trong danh sách người duyệt, nên chỉ xem được. Người duyệt là: lãnh đạo ban (Trưởng ban, Phó Trưởng ban, Chánh, Phó Chánh Văn phòng) có email ở cột Email của tab Cán bộ hoặc ở mục “Email lãnh đạo <ban>” của Cài đặt; ${department} (mục “Email BTC-KT”); Thường trực (mục “Email Thường trực”).`,
  notKept: (tab: string, captions: readonly string[], status: { caption: string; letter: string } | null) =>
    `Tab “${tab}” chưa có cột duyệt, nên chưa ghi được quyết định duyệt (đăng ký vẫn được kiểm tra như trước). Để duyệt trong tiện ích, thêm các cột đúng tiêu đề: ${captions.map((c) => `“${c}”`).join(', ')}` +
    (status
      ? `, chèn vào bên trái cột ${status.letter} (“${status.caption}”, cột của tiện ích): bấm chuột phải vào tiêu đề cột ${status.letter}, chọn Chèn cột bên trái.`
      : ', ở các cột trống ngay sau cột cuối của bảng.') +
    ' Tiện ích không tự thêm cột vào bảng của anh/chị.',
  missingFor: (tab: string, captions: readonly string[]) => `Để ghi quyết định này, tab “${tab}” cần thêm cột ${captions.map((c) => `“${c}”`).join(' hoặc ')}.`,

  // ---- a round's deadlines and a Ban's list
  deadline: (label: string, date: CalendarDate, daysLeft: number) =>
    `${label}: hạn ${formatDayFirst(date)}${daysLeft > 0 ? ` (còn ${daysLeft} ngày)` : daysLeft === 0 ? ' (hôm nay)' : ` (đã quá ${-daysLeft} ngày)`}`,
  banList: (approved: number, total: number) => `Ban đã duyệt ${approved}/${total} đợt`,
  waitingBan: (n: number) => `còn ${n} đợt chờ ban duyệt`,
  returned: (n: number) => `${n} đợt bị trả lại`,
  noticed: (n: number) => `${n} đợt đã phê duyệt`,
  sentOn: (date: CalendarDate) => `gửi ngày ${formatDayFirst(date)}`,
  onTime: 'đúng hạn',
  sentLate: (deadline: CalendarDate) => `sau hạn ${formatDayFirst(deadline)}`,
  overdue: 'đã quá hạn, chưa đủ',
  typed: 'gõ tay, không ghi tài khoản',

  // ---- what a decision did
  trail: {
    ban: 'Ban duyệt',
    notice: (number: string) => (number ? `Phê duyệt (thông báo ${number})` : 'Phê duyệt'),
    returned: (reason: string) => `Trả lại: ${reason}`,
  },
  written: (n: number, what: 'approve' | 'return', notice: boolean) => `Đã ${what === 'return' ? 'trả lại' : notice ? 'phê duyệt' : 'duyệt'} ${n} đợt.`,
  already: (row: number, state: string) => `Dòng ${row} không cần ghi lại: ${state}`,
  changed: (rows: readonly number[]) =>
    `${rows.length === 1 ? 'Dòng' : 'Các dòng'} ${rows.join(', ')} đã có người sửa sau khi trang được tải, nên không ghi đè; trang đã tải lại ${rows.length === 1 ? 'dòng đó' : 'các dòng đó'}, hãy xem lại rồi quyết định.`,
  notThisStep: (row: number, state: string) => `Dòng ${row} không ở bước này: ${state}`,
  notYourBan: (row: number, ban: string) => `Dòng ${row} là đăng ký của ${ban}, không thuộc ban anh/chị duyệt.`,
  gone: (row: number) => `Dòng ${row} không còn là một đăng ký đọc được (đã xóa, dời chỗ hoặc đang có lỗi).`,
  refusedLate: (row: number, why: string) => `Dòng ${row} không phê duyệt: ${why}`,
  needReason: 'Cần ghi lý do trả lại.',
  needNotice: 'Cần ghi số thông báo phê duyệt (bảng tính không có cột ngày thông báo).',
  noRoleFor: 'Tài khoản của anh/chị không giữ vai trò này nên không ghi được. Hãy tải lại trang.',
} as const;
