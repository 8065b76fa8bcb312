/**
 * Every Vietnamese sentence the rules produce, built from the values it names. Wording lives here only, so it stays
 * consistent and can be reviewed in one place. Row messages name the cell's value and what would be right.
 */
import { formatDayFirst, type CalendarDate } from './calendar-date';
import { CONTENT_KIND_LABELS, type ContentKind } from './vocabulary';

/** What each input tab holds, as a message names it ("Không tìm thấy tab danh sách cán bộ"). */
const TAB_ROLES = { roster: 'danh sách cán bộ', trips: 'các đợt đi cơ sở' } as const;
type TabRole = keyof typeof TAB_ROLES;

const q = (value: unknown): string => `“${display(value)}”`;

/** A cell value as the user sees it in a message (dates day-first, trimmed, shortened). */
export function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return Number.isNaN(d.getTime()) ? 'ngày không hợp lệ' : `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
  }
  const text = String(value).trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export const messages = {
  missingTab: (role: TabRole, looked: readonly string[], found: readonly string[] = []) =>
    `Không tìm thấy tab ${TAB_ROLES[role]}. Hãy đặt tên một tab là “${looked[0]}”` +
    (found.length ? ` (bảng tính đang có: ${found.map((t) => `“${t}”`).join(', ')})` : '') +
    '; hoặc tạo tab mẫu bằng menu Khởi tạo bảng tính (Google Trang tính) hay lệnh dicoso init (tệp .xlsx).',
  /** `fromFlag`: the year checked came from `--year`; `sheetYear`: the Năm the Cài đặt tab writes (null: none). */
  yearElsewhere: (checked: number, year: number, outside: number, total: number, fromFlag: boolean, sheetYear: number | null) =>
    `Đang kiểm tra năm ${checked}${fromFlag ? ` (theo --year ${checked})` : ''} nhưng ${outside}/${total} đợt nằm ngoài kỳ tính, phần lớn thuộc năm ${year}: các đợt đó không được tính. ` +
    (!fromFlag
      ? `Nếu bảng tính là của năm ${year}, hãy ghi Năm ${year} ở tab Cài đặt (hoặc thêm --year ${year} khi dùng lệnh dicoso).`
      : sheetYear === year
        ? `Nếu bảng tính là của năm ${year}, hãy bỏ --year ${checked}: tab Cài đặt đã ghi Năm ${year}.`
        : `Nếu bảng tính là của năm ${year}, hãy ghi --year ${year}.`),
  unknownLeaderBan: (ban: string, rosterTab: string) =>
    `Có email lãnh đạo cho “${ban}” nhưng tab ${rosterTab} không có ban nào tên như vậy: thư của ban đó sẽ không tới địa chỉ này. Hãy ghi tên ban đúng như ở tab ${rosterTab}.`,
  exampleRows: (tab: string, rows: readonly number[]) =>
    `Tab “${tab}” có ${rows.length === 1 ? `dòng ví dụ (STT “VD”, dòng ${rows[0]})` : `${rows.length} dòng ví dụ (STT “VD”, dòng ${rows.join(', ')})`}: không được tính. Khi nhập số liệu thật, hãy xóa dòng ví dụ hoặc ghi số thứ tự vào cột STT.`,
  unreadTab: (tab: string, role: TabRole, read: string) =>
    `Tab “${tab}” có tên như tab ${TAB_ROLES[role]} nhưng không được đọc: chỉ tab “${read}” được kiểm tra. ` +
    `Nếu tab này cũng ghi ${TAB_ROLES[role]} (ví dụ mỗi ban một tab), hãy chép các dòng sang tab “${read}”; nếu không, hãy đổi tên tab.`,
  missingColumns: (tab: string, columns: readonly { caption: string; synonyms: readonly string[] }[], standIn: string | null, searched: number) =>
    `Tab “${tab}” thiếu cột bắt buộc: ${columns
      .map(
        (c) =>
          `“${c.caption}”${
            c.synonyms.length
              ? ` (hoặc ${c.synonyms
                  .slice(0, 3)
                  .map((s) => `“${s}”`)
                  .join(', ')})`
              : ''
          }`,
      )
      .join('; ')}.${
      standIn ? ` Cũng có thể dùng một cột “${standIn}” ghi cả khoảng ngày trong một ô, ví dụ “Từ ngày 01/4/2023 – 01/5/2023”.` : ''
    } Tiện ích tìm tiêu đề cột trong ${searched} dòng đầu của tab.`,
  noHeader: (tab: string, captions: readonly string[], searched: number) =>
    `Tab “${tab}” không có dòng tiêu đề: trong ${searched} dòng đầu không thấy các cột ${captions.map((c) => `“${c}”`).join(', ')}.`,
  missingValue: (caption: string) => `Thiếu ${caption}.`,
  dateInvalid: (caption: string, value: unknown) => `${caption} ${q(value)} không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/06/2023.`,
  dateImpossible: (caption: string, value: unknown) =>
    `${caption} ${q(value)} không tồn tại trong lịch. Hãy kiểm tra lại ngày và tháng (nhập theo ngày/tháng/năm).`,
  dateOrder: (from: CalendarDate, to: CalendarDate) => `Đến ngày ${formatDayFirst(to)} trước Từ ngày ${formatDayFirst(from)}. Hãy đổi lại cho đúng thứ tự.`,
  daysInvalid: (value: unknown) => `Số ngày ${q(value)} không hợp lệ: cần một số nguyên dương, ví dụ 5.`,
  daysExceedWindow: (days: number, window: number, from: CalendarDate, to: CalendarDate) =>
    `Số ngày ${days} lớn hơn số ngày từ ${formatDayFirst(from)} đến ${formatDayFirst(to)} (${window} ngày). Hãy sửa Số ngày hoặc thời gian.`,
  unknownCadre: (name: string, suggestion: string | null) =>
    `Không có cán bộ ${q(name)} trong tab Cán bộ.${suggestion ? ` Có phải: ${suggestion}?` : ' Hãy thêm cán bộ vào tab Cán bộ hoặc sửa lại tên.'}`,
  cadreRowHasErrors: (name: string, row: number) =>
    `Cán bộ ${q(name)} ở dòng ${row} của tab Cán bộ chưa được tính vì dòng đó có lỗi. Hãy sửa dòng ${row}; đợt này được tính khi dòng ấy đúng.`,
  ambiguousCadre: (name: string, bans: readonly string[], written = '') =>
    `Có ${bans.length} cán bộ tên ${q(name)} (${bans.join('; ')}). ` +
    (written
      ? `Ban/Văn phòng ${q(written)} ghi ở dòng này không khớp ban nào trong số đó: hãy ghi đúng tên ban như ở tab Cán bộ.`
      : 'Hãy ghi Ban/Văn phòng của cán bộ ở dòng này.'),
  unknownContent: (value: unknown, choices: readonly string[]) => `Nội dung ${q(value)} không thuộc danh mục. Chọn một trong: ${choices.join('; ')}.`,
  unknownContentNumber: (number: string, choices: readonly string[]) => `Danh mục nội dung không có mục ${number}. Chọn một trong: ${choices.join('; ')}.`,
  contentOtherNumbering: (number: string, title: string, kind: ContentKind, ownNumber: string | null) =>
    `Số mục ${number} là cách đánh số của bộ quy định ${title}; đã tính là “${CONTENT_KIND_LABELS[kind]}”${
      ownNumber ? ` (mục ${ownNumber} của bộ quy định đang dùng)` : ''
    }. Nếu không đúng, hãy ghi số mục theo bộ quy định đang dùng.`,
  rangeInvalid: (caption: string, value: unknown) =>
    `${caption} ${q(value)} không đọc được thành khoảng ngày. Hãy ghi ví dụ “Từ ngày 01/4/2023 – 01/5/2023” hoặc “01/4/2023 - 01/5/2023”.`,
  rangeWithoutEnd: (caption: string, value: unknown) =>
    `${caption} ${q(value)} thiếu ngày kết thúc. Hãy ghi đủ hai ngày, ví dụ “Từ ngày 01/4/2023 – 01/5/2023”.`,
  overdueRegistration: (to: CalendarDate, status: string) =>
    `Đợt “${status}” đã qua ngày kết thúc ${formatDayFirst(to)} nhưng chưa đánh dấu “Đã thực hiện”: chưa được tính là đã đi, cũng không còn tính vào dự kiến. Nếu đã đi, hãy ghi “Đã thực hiện”; nếu không đi, ghi “Hủy”.`,
  doneBeforeStart: (from: CalendarDate) =>
    `Đợt ghi “Đã thực hiện” nhưng chưa tới ngày bắt đầu ${formatDayFirst(from)}: tạm tính là dự kiến, chưa tính là đã đi. Hãy sửa lại ngày hoặc trạng thái.`,
  unknownStatus: (value: unknown) => `Trạng thái ${q(value)} không hợp lệ. Chọn: Đăng ký, Đã duyệt, Đã thực hiện hoặc Hủy (để trống: tự tính theo ngày).`,
  duplicateRow: (otherRow: number) => `Trùng với dòng ${otherRow} (cùng cán bộ, nội dung và thời gian). Nếu nhập hai lần, hãy xóa hoặc Hủy một dòng.`,
  overlap: (otherRow: number, from: CalendarDate, to: CalendarDate) =>
    `Thời gian trùng với dòng ${otherRow} (${formatDayFirst(from)}–${formatDayFirst(to)}); những ngày trùng chỉ được tính một lần.`,
  outsidePeriod: (start: CalendarDate, end: CalendarDate, whole: boolean) =>
    whole
      ? `Đợt này nằm ngoài kỳ tính ${formatDayFirst(start)}–${formatDayFirst(end)} nên không được tính.`
      : `Một phần đợt này nằm ngoài kỳ tính ${formatDayFirst(start)}–${formatDayFirst(end)}; chỉ tính phần trong kỳ.`,
  roundLength: (label: string, days: number, min: number | null, max: number | null) =>
    `Đợt ${label} ${days} ngày không đạt yêu cầu ${boundsText(min, max)}: vẫn tính ngày nhưng không tính là đợt ${label} hợp lệ.`,
  roundsBackToBack: (label: string, otherRow: number) => `Đợt ${label} liền kề với đợt ở dòng ${otherRow}: hai đợt liên tiếp chỉ tính là một đợt.`,
  duplicateCadre: (otherRow: number) => `Cán bộ này đã có ở dòng ${otherRow} cùng Ban/Văn phòng. Dòng này không được tính; hãy xóa dòng trùng.`,
  groupUnknown: (value: unknown, inferred: string) =>
    `Nhóm đối tượng ${q(value)} không rõ; tạm tính là ${inferred} theo Chức vụ. Chọn: Thường trực, Lãnh đạo ban hoặc Chuyên viên.`,
  levelUnknown: (value: unknown, levels: readonly string[]) => `Cấp ${q(value)} không thuộc danh mục: ${levels.join(', ')}.`,
  scoreInvalid: (value: unknown) => `Điểm ${q(value)} không hợp lệ: cần một số từ 0 đến 100.`,
} as const;

export function boundsText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min}–${max} ngày`;
  if (min !== null) return `tối thiểu ${min} ngày`;
  if (max !== null) return `tối đa ${max} ngày`;
  return '';
}

/** Reasons shown per cadre: short sentences, in the order a leader acts on them. */
export const reasons = {
  shortDays: (missing: number) => `Còn thiếu ${missing} ngày.`,
  shortDaysCovered: (done: number, required: number) => `Đã thực hiện ${done}/${required} ngày; các đợt đã đăng ký đủ bù phần còn thiếu.`,
  shortRounds: (missing: number, label: string, min: number | null, max: number | null) =>
    `Thiếu ${missing} đợt ${label} hợp lệ${min !== null || max !== null ? ` (${boundsText(min, max)})` : ''}.`,
  shortRoundsCovered: (done: number, required: number, label: string) =>
    `Đã thực hiện ${done}/${required} đợt ${label}; các đợt đã đăng ký đủ bù phần còn thiếu.`,
  shortLevel: (level: string, missing: number) => `Cấp ${level}: còn thiếu ${missing} ngày.`,
  waived: (document: string) => `Được miễn yêu cầu đợt chuyên đề (${document}).`,
  exempt: (reason: string) => `${reason.replace(/[.]+$/, '')}.`,
  noChiDoan: () => 'Chưa dự sinh hoạt chi đoàn (Hướng dẫn yêu cầu phải có).',
  chiDoanPlanned: () => 'Sinh hoạt chi đoàn: mới có trong các đợt đã đăng ký.',
  chiDoanUnclear: (count: number, number: string) =>
    `Chưa xác nhận được việc dự sinh hoạt chi đoàn: ${count} đợt mục ${number} không ghi rõ là sinh hoạt chi đoàn (ghi “sinh hoạt chi đoàn” ở nội dung hoặc cụ thể nội dung nếu đúng).`,
  missingLevels: (levels: readonly string[]) => `Chưa đi cơ sở ở ${levels.join(', ')} (Hướng dẫn yêu cầu phải có).`,
  levelsPlanned: (levels: readonly string[]) => `${levels.join(', ')}: mới có trong các đợt đã đăng ký.`,
  focus: (group: string, kinds: readonly string[]) => `${group} nên tập trung vào: ${kinds.join('; ')}.`,
  overdue: (count: number) => `${count} đợt đã qua ngày kết thúc nhưng chưa đánh dấu “Đã thực hiện”: không tính vào số ngày đã đi hay dự kiến.`,
  notDoneAtEnd: (count: number) => `${count} đợt đã đăng ký nhưng không thực hiện trong kỳ.`,
  notDoneReminded: (count: number, reminder: string) => `${count} đợt đã đăng ký nhưng không thực hiện, đã có văn bản nhắc nhở (${reminder}).`,
  notDoneNoReminder: (count: number) =>
    `${count} đợt đã đăng ký nhưng không thực hiện; chưa ghi văn bản nhắc nhở của Thường trực nên chưa tính là Không đạt (nếu đã có, ghi ở cột “Văn bản nhắc nhở”).`,
  notRegistered: (count: number) => `${count} đợt đã đi nhưng không có ngày đăng ký (không đăng ký theo tiến độ).`,
  lateRegistration: (count: number) => `${count} đợt đăng ký sau hạn.`,
  urgent: (count: number) => `${count} đợt là nhiệm vụ đột xuất có văn bản của Ban Thường vụ: không xét hạn đăng ký.`,
  notConfirmed: (count: number) => `${count} đợt chưa có xác nhận của cơ sở.`,
  notReported: (count: number) => `${count} đợt chưa báo cáo kết quả.`,
  unchecked: (steps: readonly string[]) => `Chưa kiểm tra được ${steps.join(', ')}: bảng tính không ghi.`,
  proRated: (required: number, subject: number, period: number) => `Yêu cầu tính theo thời gian áp dụng: ${required} ngày (${subject}/${period} ngày của kỳ).`,
  notStarted: (start: CalendarDate) => `Bắt đầu công tác từ ${formatDayFirst(start)}.`,
  excellent: (score: number) => `Có đợt chuyên đề có minh chứng, báo cáo đạt ${score} điểm.`,
} as const;

/** Why a roster's exemption is or is not taken (exemptions.ts). */
export const exemptionMessages = {
  yearsAtOffice: (years: number, start: CalendarDate) => `Công tác tại cơ quan Tỉnh đoàn từ ${years} năm trở lên (từ ${formatDayFirst(start)})`,
  notListed: (typed: string, items: readonly { label: string }[], source: string) =>
    `Lý do miễn ${q(typed)} không thuộc danh sách được miễn (${source}): ${items.map((i) => i.label).join('; ')}. ` +
    'Cán bộ vẫn được đánh giá như mọi người; nếu đúng là một trường hợp trong danh sách, hãy ghi theo lời của văn bản.',
  needsDocument: (typed: string, source: string) =>
    `Lý do miễn ${q(typed)} chưa ghi văn bản cho phép: ${source} không có danh sách được miễn, nên cán bộ chỉ được miễn khi có văn bản của cấp có thẩm quyền ` +
    '(ví dụ “Quyết định số 12/QĐ-TĐTN”). Cán bộ vẫn được đánh giá như mọi người.',
  yearsNotReached: (typed: string, years: number, start: CalendarDate, reached: CalendarDate) =>
    `Lý do miễn ${q(typed)}: theo Ngày bắt đầu ${formatDayFirst(start)}, cán bộ đủ ${years} năm công tác từ ${formatDayFirst(reached)}, sau kỳ tính. ` +
    'Cán bộ vẫn được đánh giá như mọi người; nếu Ngày bắt đầu sai, hãy sửa lại.',
} as const;

/** What is wrong with the settings as stored or as the Cài đặt tab gives them (the run goes on with the rest). */
export const settingsMessages = {
  unreadable: 'Không đọc được cài đặt đã lưu; đang dùng cài đặt mặc định.',
  corrupt: 'Cài đặt đã lưu bị hỏng; đang dùng cài đặt mặc định. Hãy mở Cài đặt và lưu lại.',
  partlyInvalid: (dropped: readonly string[]) =>
    `Một số cài đặt đã lưu không hợp lệ nên không được dùng: ${dropped.join(' ')} Các cài đặt khác vẫn áp dụng; hãy mở Cài đặt và lưu lại.`,
  invalid: (errors: readonly string[]) => `Cài đặt chưa hợp lệ: ${errors.join(' ')}`,
  /** The addresses themselves, so that the person sees which of a list to fix. */
  badEmails: (addresses: readonly string[]) =>
    addresses.length === 1
      ? `“${addresses[0]}” không phải địa chỉ email hợp lệ.`
      : `Không phải địa chỉ email hợp lệ: ${addresses.map((a) => `“${a}”`).join(', ')}.`,
} as const;

/** Checks the rating could not make because the sheet does not keep that step (no column, or blank on every row). */
export const notChecked = {
  registeredOn: 'hạn đăng ký (cột “Ngày đăng ký”)',
  confirmed: 'xác nhận của cơ sở (cột “Xác nhận cơ sở”)',
  reported: 'báo cáo kết quả (cột “Đã báo cáo”)',
  excellence: 'mức Xuất sắc (cột “Điểm” và “Minh chứng”)',
  level: 'cấp đã đến (cột “Cấp”)',
  reminder: 'văn bản nhắc nhở (cột “Văn bản nhắc nhở” ở tab cán bộ)',
  sentence: (steps: readonly string[]) =>
    `Chưa kiểm tra được ${steps.join('; ')}: cột không có hoặc để trống ở mọi dòng, nên không cán bộ nào bị đánh giá Không đạt vì các bước này.`,
} as const;

/** Added to our status column's caption when a user's own column on the same tab already carries that caption. */
export const OWN_CAPTION_MARK = '(tiện ích)';
