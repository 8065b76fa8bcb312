import { formatDayFirst, type CalendarDate } from '../core/calendar-date';

/**
 * What the `dicoso` command says: refusals, warnings and the printed summary's sentences, built by functions with
 * the values they name. (Each option's own wording is in options.ts; the system errors' in xlsx/os-errors.ts; what
 * the .xlsx adapter says about a file it cannot open or write in xlsx/texts.ts.)
 */
export const cliTexts = {
  error: (message: string) => `Lỗi: ${message}`,
  bug: (message: string) => `Lỗi ngoài dự kiến (lỗi của chương trình, không phải của dữ liệu): ${message}\nHãy báo lại kèm tệp đã dùng.`,
  about: 'dicoso: kiểm tra và tổng hợp chủ trương “1+2” đi cơ sở trên tệp Excel.',
  usageTitle: 'Cách dùng:',
  commandsTitle: 'Lệnh:',
  helpLines: ['  dicoso --help', '  dicoso <lệnh> --help'],
  optionsTitle: 'Tùy chọn:',
  /** The command line's options (each option's own wording is in options.ts, with the option). */
  args: {
    badOption: (option: string | undefined, usage: string) => (option ? `Tùy chọn không hợp lệ: ${option}.\n${usage}` : `Tham số không hợp lệ.\n${usage}`),
    noCommand: (command: string, usage: string) => `Không có lệnh “${command}”.\n${usage}`,
    noFile: (command: string, usage: string) => `Thiếu tên tệp cho lệnh ${command}.\n${usage}`,
    extra: (rest: readonly string[], usage: string) => `Thừa tham số: ${rest.join(' ')}. Tên có dấu cách phải đặt trong ngoặc kép.\n${usage}`,
    needs: (command: string, options: readonly string[], usage: string) => `${command} cần ${options.map((o) => `--${o}`).join(' và ')}.\n${usage}`,
    unused: (command: string, options: readonly string[], reason: string | undefined, usage: string) =>
      `${command} không dùng ${options.map((o) => `--${o}`).join(', ')}${reason ? `: ${reason}` : ''}.\n${usage}`,
    twice: (options: readonly string[]) => `${options.join(', ')} chỉ ghi một lần (nếu ghi hai lần, không biết nên dùng giá trị nào). Hãy bỏ bớt một lần ghi.`,
    /** An option given last, or followed by another option, without its value. */
    missingValue: (option: string, needs: string | undefined) => `${option} ${needs ?? 'cần một giá trị ngay sau nó.'}`,
  },
  written: (file: string, tabs: readonly string[]) => `Đã ghi ${file} (tab ${tabs.join(', ')}).`,
  refreshed: (tabs: readonly string[]) => `Tạo lại theo dữ liệu lần này (bản cũ không còn khớp): tab ${tabs.join(', ')}.`,
  created: (file: string, year: number) => `Đã tạo ${file}: tab Cán bộ, Đi cơ sở, Cài đặt (năm ${year}).`,
  emailsWritten: (files: readonly string[], folder: string) => `Đã ghi ${files.length} thư vào ${folder}:\n${files.map((f) => `  ${f}`).join('\n')}`,
  /** `dicoso tong-hop`. */
  rollup: {
    reading: (n: number, of: number, file: string) => `Đang đọc ${n}/${of}: ${file}`,
    skipped: (reason: string) => `Bỏ qua: ${reason}`,
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
    title: (provinces: number) => `Tổng hợp ${provinces} tỉnh, thành`,
    noneShort: 'Không có cán bộ nào chưa đủ yêu cầu.',
    /** `count` comes painted (red). */
    short: (count: string, tab: string) => `${count} cán bộ chưa đủ yêu cầu đến cuối kỳ (danh sách trong tab “${tab}”).`,
    noneRead: (reasons: string[]) => `Không đọc được tệp nào nên không có gì để tổng hợp:\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
  },
  outIsInput: (out: string, file: string, given: boolean, defaultOut: string) =>
    given
      ? `--out '${out}' là chính tệp đầu vào '${file}': dicoso không ghi đè tệp anh/chị đưa vào. Hãy đặt tên khác cho --out, hoặc bỏ --out để ghi ra '${defaultOut}'.`
      : `Tệp kết quả mặc định '${out}' là chính tệp đầu vào '${file}' (qua một liên kết tắt): dicoso không ghi đè tệp anh/chị đưa vào. Hãy chọn chỗ ghi bằng --out.`,
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
  banColumn: 'Ban/Văn phòng',
  provinceColumn: 'Tỉnh, thành',
  nationTotal: 'Toàn quốc',
  cadresColumn: 'Cán bộ',
  behindTitle: (n: number) => `Cán bộ chưa đủ yêu cầu (${n}):`,
  behindFigures: (e: { daysDone: number; requiredDays: number; roundsDone: number; roundsRequired: number; verdictLabel: string }) =>
    `${e.daysDone}/${e.requiredDays} ngày, ${e.roundsDone}/${e.roundsRequired} đợt · ${e.verdictLabel}`,
  /** Issues counted one by one (core/issues.ts issueCounts), as the list below them shows them. */
  errorCount: (n: number) => `${n} lỗi`,
  warningCount: (n: number) => `${n} lưu ý`,
  issueAt: (tab: string, row: number, column: string, message: string) => `${tab}, dòng ${row}, cột ${column}: ${message}`,
  noIssues: (ban: string | null) => (ban === null ? 'Dữ liệu không có lỗi.' : `Dữ liệu của ${ban} không có lỗi.`),
  issuesTail: (ban: string | null) => ` trong dữ liệu${ban === null ? '' : ` của ${ban}`} (dòng có lỗi chưa được tính). Vài dòng đầu:`,
  moreIssues: (n: number) => `  … và ${n} mục khác: xem cột “Kết quả kiểm tra” trong tệp kết quả.`,
  elsewhere: (n: number) => `(${n} lỗi và lưu ý ở dòng của các ban khác không in ra; bỏ --ban để xem.)`,
};
