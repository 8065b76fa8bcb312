import { daysInMonth, isCalendarDate, type CalendarDate, type Quarter } from '../core/calendar-date';
import { DEFAULT_PRESET, PRESET_IDS, type PresetId } from '../core/presets';
import { UserError } from '../core/user-error';

/**
 * Every option of the `dicoso` command, declared once: its name, the value it takes (as the usage shows it), what it
 * does and what it needs (said in Vietnamese when it is given without its value), and how its value is read. The
 * parser (args.ts), `--help` and the usage text (usage.ts) are all made from this table.
 */

export interface OptionSpec<T> {
  /** One letter for `-o` beside `--out`. */
  short?: string;
  /** The value as the usage writes it ('YYYY', '<kết-quả.xlsx>'); absent for an option that takes none. */
  value?: string;
  /** What the option does, for `--help`. */
  help: string;
  /** What the option needs, said when it is given without its value. */
  needs?: string;
  /** Reads the value; throws a UserError naming what is wrong. */
  parse: (raw: string) => T;
  /** May be given several times, each adding one (`--mau1 A --mau1 B`); any other option given twice is refused. */
  many?: true;
}

const option = <T>(spec: OptionSpec<T>) => spec;
/** An option that may be given several times (Flags holds the list). */
const many = <T>(spec: OptionSpec<T>) => ({ ...spec, many: true as const });
const flag = (help: string, short?: string) => option<boolean>({ help, ...(short ? { short } : {}), parse: () => true });

export const OPTIONS = {
  preset: option<PresetId>({
    value: PRESET_IDS.join('|'),
    help: `Bộ quy định áp dụng; thắng dòng “Bộ quy định” ở tab Cài đặt (không có cả hai thì dùng ${DEFAULT_PRESET}).`,
    needs: `cần tên một bộ quy định (${PRESET_IDS.join(', ')}), ví dụ --preset ${PRESET_IDS[0]}.`,
    parse: (raw) => {
      if (!(PRESET_IDS as readonly string[]).includes(raw)) throw new UserError(`--preset “${raw}” không có. Chọn: ${PRESET_IDS.join(', ')}.`);
      return raw as PresetId;
    },
  }),
  year: option<number>({
    value: 'YYYY',
    help: 'Năm thực hiện chủ trương cần xét; thắng dòng “Năm” ở tab Cài đặt (mặc định: năm của hôm nay).',
    needs: 'cần một năm, ví dụ --year 2023.',
    parse: (raw) => {
      const year = Number(raw);
      if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) throw new UserError(`--year “${raw}” không hợp lệ: cần một năm như 2023.`);
      return year;
    },
  }),
  today: option<CalendarDate>({
    value: 'YYYY-MM-DD',
    help: 'Tính như thể hôm nay là ngày này (mặc định: hôm nay theo giờ Việt Nam).',
    needs: 'cần một ngày dạng YYYY-MM-DD, ví dụ --today 2023-11-15.',
    parse: todayOf,
  }),
  quarter: option<Quarter>({
    value: '1-4',
    help: 'Quý của mẫu 3 và của thư báo cáo quý (mặc định: quý của hôm nay).',
    needs: 'cần số quý 1, 2, 3 hoặc 4, ví dụ --quarter 4.',
    parse: (raw) => {
      if (!/^[1-4]$/.test(raw)) throw new UserError(`--quarter “${raw}” không hợp lệ: chọn 1, 2, 3 hoặc 4.`);
      return Number(raw) as Quarter;
    },
  }),
  ban: option<string>({
    value: '"<tên ban>"',
    help: 'Chỉ một ban: tóm tắt, mẫu 2, mẫu 3 và thư của ban này (viết có dấu hay không dấu đều được).',
    needs: 'cần tên một ban, ví dụ --ban "Ban Tuyên giáo" (tên có dấu cách đặt trong ngoặc kép).',
    parse: (raw) => raw,
  }),
  mau1: many<string>({
    value: '"<họ tên cán bộ hoặc tên ban>"',
    help: 'Thêm bản đăng ký mẫu 1 của một cán bộ, hoặc của mọi cán bộ một ban; ghi nhiều lần để thêm nhiều bản (--mau1 "Nguyễn Văn An" --mau1 "Ban Tuyên giáo").',
    needs: 'cần họ tên một cán bộ hoặc tên một ban, ví dụ --mau1 "Nguyễn Văn An".',
    parse: (raw) => {
      if (raw.trim() === '') throw new UserError('--mau1 cần họ tên một cán bộ hoặc tên một ban, ví dụ --mau1 "Nguyễn Văn An".');
      return raw;
    },
  }),
  out: option<string>({
    short: 'o',
    value: '<tệp hoặc thư mục>',
    help: 'Nơi ghi kết quả: tệp .xlsx (check, tong-hop; mặc định của check: <tên-tệp>-ket-qua.xlsx cạnh tệp vào), hoặc thư mục chứa thư (email-preview).',
    needs: 'cần tên tệp kết quả, ví dụ --out ket-qua.xlsx (với email-preview: tên thư mục, ví dụ --out thu).',
    parse: (raw) => raw,
  }),
  json: flag('In kết quả kiểm tra dạng JSON (cho chương trình khác đọc) thay cho bảng tóm tắt; không kèm --out thì không ghi tệp kết quả.'),
  province: option<string>({
    value: '"<tên tỉnh>"',
    help: 'Tên tỉnh ghi trên các mẫu; thắng dòng “Tỉnh” ở tab Cài đặt.',
    needs: 'cần tên tỉnh, ví dụ --province "Kiên Giang".',
    parse: (raw) => raw,
  }),
  help: flag('In hướng dẫn này.', 'h'),
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The options given, each as its parsed value (a list for an option that may be given several times). */
export type Flags = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { many: true } ? ReturnType<(typeof OPTIONS)[K]['parse']>[] : ReturnType<(typeof OPTIONS)[K]['parse']>;
};

/** --today: a date written YYYY-MM-DD that exists (2023-02-30 is told it does not, not that its form is wrong). */
function todayOf(value: string): CalendarDate {
  if (isCalendarDate(value)) return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new UserError(`--today “${value}” không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2023-11-15.`);
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12)
    throw new UserError(`--today “${value}”: không có tháng ${month}. Ngày ghi theo thứ tự năm-tháng-ngày (YYYY-MM-DD), ví dụ 2023-11-15.`);
  if (year < 1900) throw new UserError(`--today “${value}”: năm phải từ 1900 đến 9999, ví dụ 2023-11-15.`);
  const days = daysInMonth(year, month);
  throw new UserError(
    `--today “${value}”: ngày này không có, tháng ${month} năm ${year} chỉ có ${days} ngày. Hãy ghi một ngày có thật, ví dụ ${year}-${String(month).padStart(2, '0')}-${days}.`,
  );
}
