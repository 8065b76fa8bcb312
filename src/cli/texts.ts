import { formatDayFirst, type CalendarDate } from '../core/calendar-date';
import { PRESET_IDS } from '../core/presets';

export const USAGE = `Cách dùng:
  dicoso check <bảng-tính.xlsx> [--preset kien-giang-2023|tay-ninh-2023|ha-nam-2022] [--year YYYY]
               [--today YYYY-MM-DD] [--quarter 1-4] [--ban "<tên ban>"] [--out <kết-quả.xlsx>] [--json]
               [--mau1 "<họ tên cán bộ hoặc tên ban>"]
  dicoso init <bảng-tính-mới.xlsx> [--preset …] [--year YYYY] [--province "<tên tỉnh>"]
  dicoso email-preview <bảng-tính.xlsx> --quarter 1-4 [--ban "<tên ban>"] --out <thư-mục> [--today YYYY-MM-DD]
  dicoso tong-hop <tỉnh-a.xlsx> <tỉnh-b.xlsx> … --out <toàn-quốc.xlsx> [--year YYYY] [--today YYYY-MM-DD] [--preset …]
  dicoso --help`;

/** What each option needs, said when it is given without it. */
const MISSING_VALUE: Record<string, string> = {
  '--out': 'cần tên tệp kết quả, ví dụ --out ket-qua.xlsx (với email-preview: tên thư mục, ví dụ --out thu).',
  '--ban': 'cần tên một ban, ví dụ --ban "Ban Tuyên giáo" (tên có dấu cách đặt trong ngoặc kép).',
  '--today': 'cần một ngày dạng YYYY-MM-DD, ví dụ --today 2023-11-15.',
  '--quarter': 'cần số quý 1, 2, 3 hoặc 4, ví dụ --quarter 4.',
  '--mau1': 'cần họ tên một cán bộ hoặc tên một ban, ví dụ --mau1 "Nguyễn Văn An".',
  '--year': 'cần một năm, ví dụ --year 2023.',
  '--preset': `cần tên một bộ quy định (${PRESET_IDS.join(', ')}), ví dụ --preset ${PRESET_IDS[0]}.`,
  '--province': 'cần tên tỉnh, ví dụ --province "Kiên Giang".',
};

/**
 * What the `dicoso` command says: refusals, warnings and the printed summary's sentences, built by functions with
 * the values they name. (The system errors' wording is in os-errors.ts, the reading of a
 * file that is not an .xlsx in xlsx-workbook.ts.)
 */
export const cliTexts = {
  /** The command line's options. */
  args: {
    badOption: (option: string | undefined) => (option ? `Tùy chọn không hợp lệ: ${option}.\n${USAGE}` : `Tham số không hợp lệ.\n${USAGE}`),
    noCommand: (command: string) => `Không có lệnh “${command}”.\n${USAGE}`,
    noFile: (command: string) => `Thiếu tên tệp cho lệnh ${command}.\n${USAGE}`,
    extra: (rest: readonly string[]) => `Thừa tham số: ${rest.join(' ')}. Tên có dấu cách phải đặt trong ngoặc kép.\n${USAGE}`,
    badPreset: (value: string) => `--preset “${value}” không có. Chọn: ${PRESET_IDS.join(', ')}.`,
    badYear: (value: string) => `--year “${value}” không hợp lệ: cần một năm như 2023.`,
    badQuarter: (value: string) => `--quarter “${value}” không hợp lệ: chọn 1, 2, 3 hoặc 4.`,
    emailPreviewNeeds: `email-preview cần --quarter và --out.\n${USAGE}`,
    rollupNeedsOut: `tong-hop cần --out <tệp-tổng-hợp.xlsx>.\n${USAGE}`,
    rollupUnused: (unused: readonly string[]) =>
      `tong-hop không dùng ${unused.map((k) => `--${k}`).join(', ')}: mỗi tỉnh lấy tên tỉnh và kỳ tính từ tab Cài đặt của tệp mình.\n${USAGE}`,
    /** An option given last, or followed by another option, without its value. */
    missingValue: (option: string) => `${option} ${MISSING_VALUE[option] ?? 'cần một giá trị ngay sau nó.'}`,
    badDateFormat: (value: string) => `--today “${value}” không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2023-11-15.`,
    noSuchMonth: (value: string, month: number) =>
      `--today “${value}”: không có tháng ${month}. Ngày ghi theo thứ tự năm-tháng-ngày (YYYY-MM-DD), ví dụ 2023-11-15.`,
    noSuchDay: (value: string, year: number, month: number, days: number) =>
      `--today “${value}”: ngày này không có, tháng ${month} năm ${year} chỉ có ${days} ngày. Hãy ghi một ngày có thật, ví dụ ${year}-${String(month).padStart(2, '0')}-${days}.`,
    yearOutOfRange: (value: string) => `--today “${value}”: năm phải từ 1900 đến 9999, ví dụ 2023-11-15.`,
  },
  /** `dicoso tong-hop`. */
  rollup: {
    outIsInput: (out: string) => `--out '${out}' là một trong các tệp đầu vào: dicoso không ghi đè tệp anh/chị đưa vào. Hãy đặt tên khác cho --out.`,
    inFile: (file: string, message: string) => (message.includes(file) ? message : `Tệp '${file}': ${message}`),
    bug: (file: string, message: string) => `Tệp '${file}': lỗi ngoài dự kiến khi đọc (${message}); đã bỏ qua tệp này. Hãy báo lại kèm tệp.`,
    sameProvince: (file: string, province: string, first: string) =>
      `Tệp '${file}' là của ${province}, như tệp '${first}' đã đọc: bỏ qua để không tính hai lần. Nếu là hai tỉnh khác nhau, hãy ghi đúng tên tỉnh ở dòng “Tỉnh” của tab Cài đặt.`,
    otherYear: (file: string, fileYear: number, year: number) =>
      `Tệp '${file}' là của năm ${fileYear} (dòng “Năm” ở tab Cài đặt) còn bản tổng hợp là năm ${year}: bỏ qua để không cộng lẫn hai năm. ` +
      `Nếu tệp là của năm ${year}, hãy sửa dòng Năm ở tab Cài đặt thành ${year}; nếu cần tổng hợp năm ${fileYear}, hãy chạy tong-hop riêng cho các tệp năm đó với --year ${fileYear}.`,
    tripsElsewhere: (file: string, year: number, tripsYear: number, outside: number, total: number) =>
      `Tệp '${file}': ${outside}/${total} đợt đi cơ sở nằm ngoài kỳ tính năm ${year}, phần lớn thuộc năm ${tripsYear}: bỏ qua vì số liệu của tệp không phải của năm ${year}. ` +
      `Nếu tệp là của năm ${tripsYear}, hãy tổng hợp các tệp năm đó riêng, với --year ${tripsYear}; nếu là của năm ${year}, hãy sửa ngày của các đợt cho đúng.`,
    duplicate: (file: string) => `Tệp '${file}' được đưa vào hai lần: chỉ tính một lần.`,
    noneRead: (reasons: string[]) => `Không đọc được tệp nào nên không có gì để tổng hợp:\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
  },
  outIsInput: (out: string, file: string, given: boolean, defaultOut: string) =>
    given
      ? `--out '${out}' là chính tệp đầu vào '${file}': dicoso không ghi đè tệp anh/chị đưa vào. Hãy đặt tên khác cho --out, hoặc bỏ --out để ghi ra '${defaultOut}'.`
      : `Tệp kết quả mặc định '${out}' là chính tệp đầu vào '${file}' (qua một liên kết tắt): dicoso không ghi đè tệp anh/chị đưa vào. Hãy chọn chỗ ghi bằng --out.`,
  unkept: (parts: readonly string[], file: string, out: string) =>
    `Lưu ý: tệp kết quả '${out}' sẽ không có ${parts.join(', ')} của tệp '${file}': chương trình ghi tệp .xlsx không chép lại được các phần này. Tệp '${file}' không bị thay đổi: hãy giữ tệp gốc này nếu cần các phần đó. Các ô, ghi chú, định dạng, bảng và ảnh vẫn được chép sang.`,
  noBan: (wanted: string, roster: string, bans: string[]) => `Không có Ban “${wanted}” trong tab ${roster}. Các ban: ${bans.join('; ')}.`,
  noMau1: (wanted: string, roster: string) =>
    `--mau1 “${wanted}”: không có cán bộ nào tên như vậy (hoặc có nhiều người trùng tên) và cũng không có ban nào tên như vậy trong tab ${roster}. Hãy ghi đúng họ tên hoặc tên ban.`,
  inputExists: (file: string) => `Tệp “${file}” đã có. Chọn tên khác để không ghi đè dữ liệu.`,
  emailFile: (subject: string, to: string, text: string) => `Tiêu đề: ${subject}\nGửi tới: ${to || '(chưa có email)'}\n\n${text}\n`,

  // ---- the summary `dicoso check` prints
  title: (year: number, preset: string, ban: string | null) => `Chủ trương “1+2” năm ${year} · ${preset}${ban === null ? '' : ` · ${ban}`}`,
  period: (start: CalendarDate, end: CalendarDate, today: CalendarDate) =>
    `Kỳ tính ${formatDayFirst(start)}–${formatDayFirst(end)} · tính đến ngày ${formatDayFirst(today)}`,
  emptyRoster: (tab: string) =>
    `Chưa có cán bộ nào trong tab ${tab}: hãy nhập danh sách cán bộ (mỗi người một dòng, có Họ và tên và Ban/Văn phòng) rồi kiểm tra lại.`,
  notChecked: (checks: readonly string[]) => `Chưa xét được: ${checks.join(' ')}`,
  allExempt: (cadres: number) => `Không có cán bộ nào thuộc diện áp dụng: cả ${cadres} cán bộ đều được miễn.`,
  allOk: (applicable: number) => `Tất cả ${applicable} cán bộ thuộc diện áp dụng đều đủ yêu cầu.`,
  behindTitle: (n: number) => `Cán bộ chưa đủ yêu cầu (${n}):`,
  noIssues: (ban: string | null) => (ban === null ? 'Dữ liệu không có lỗi.' : `Dữ liệu của ${ban} không có lỗi.`),
  issuesTail: (ban: string | null) => ` trong dữ liệu${ban === null ? '' : ` của ${ban}`} (dòng có lỗi chưa được tính). Vài dòng đầu:`,
  moreIssues: (n: number) => `  … và ${n} mục khác: xem cột “Kết quả kiểm tra” trong tệp kết quả.`,
  elsewhere: (n: number) => `(${n} lỗi và lưu ý ở dòng của các ban khác không in ra; bỏ --ban để xem.)`,
};
