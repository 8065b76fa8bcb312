import { foldKey } from './text';

/**
 * Every column the sheets use: its caption as we write it, the synonyms people type, and whether it is required.
 * One table, read by header detection, by validation messages and by the set-up that creates the tabs.
 */

export interface ColumnSpec<K extends string = string> {
  key: K;
  caption: string;
  synonyms: readonly string[];
  /** Captions that begin so, whatever follows (the seed forms' long captions). */
  prefixes?: readonly string[];
  required: boolean;
  /** The key of a column that stands in for this required one (Từ ngày/Đến ngày ← Thời gian cụ thể). */
  satisfiedBy?: string;
  /**
   * Created by the set-up and `dicoso init`: always (the default), never (false: a column read only when a sheet has
   * it), or only under the presets whose document keeps that step ('rating': Kiên Giang's rating, 06-HD §V;
   * 'deadlines': a registration deadline to lift).
   */
  inTemplate?: boolean | 'rating' | 'deadlines';
  /** Pixel width the set-up gives the column. */
  width: number;
}

function column<K extends string>(
  key: K,
  caption: string,
  synonyms: string[],
  required = false,
  width = 120,
  extra: Partial<ColumnSpec<K>> = {},
): ColumnSpec<K> {
  return { key, caption, synonyms, required, width, ...extra };
}

export const ROSTER_COLUMNS = [
  column('stt', 'STT', ['số thứ tự', 'tt'], false, 48),
  column('name', 'Họ và tên', ['họ tên', 'tên', 'họ và tên cán bộ', 'cán bộ', 'tên cán bộ'], true, 190),
  column('position', 'Chức vụ', ['chức danh', 'chức vụ hiện tại'], false, 150),
  column('ban', 'Ban/Văn phòng', ['ban', 'ban, văn phòng', 'ban / văn phòng', 'đơn vị', 'phòng ban', 'ban văn phòng', 'văn phòng'], true, 170),
  column('group', 'Nhóm đối tượng', ['nhóm', 'đối tượng', 'nhóm cán bộ'], false, 130),
  column('email', 'Email', ['e-mail', 'thư điện tử', 'địa chỉ email', 'gmail'], false, 200),
  column('exemption', 'Miễn (lý do)', ['miễn', 'lý do miễn', 'không áp dụng', 'miễn đi cơ sở', 'miễn (lý do)'], false, 170),
  column('waiver', 'Miễn chuyên đề (văn bản)', ['miễn chuyên đề', 'văn bản miễn chuyên đề', 'miễn đợt chuyên đề'], false, 190),
  column('startDate', 'Ngày bắt đầu', ['ngày nhận công tác', 'bắt đầu', 'ngày vào', 'ngày bắt đầu công tác'], false, 110),
  // 06-HD §V.2: "có văn bản nhắc nhở của đơn vị thường trực" makes registered trips left undone a reason for Không đạt.
  column(
    'reminder',
    'Văn bản nhắc nhở',
    ['nhắc nhở', 'văn bản nhắc', 'công văn nhắc nhở', 'nhắc nhở (văn bản)', 'văn bản nhắc nhở của thường trực'],
    false,
    170,
    {
      inTemplate: 'rating',
    },
  ),
] as const;

export const TRIP_COLUMNS = [
  column('stt', 'STT', ['số thứ tự', 'tt'], false, 48),
  column('name', 'Họ và tên', ['họ tên', 'tên', 'cán bộ', 'tên cán bộ', 'người đi', 'họ và tên cán bộ', 'họ tên cán bộ'], true, 180),
  column('ban', 'Ban/Văn phòng', ['ban', 'đơn vị', 'ban, văn phòng', 'ban / văn phòng', 'phòng ban', 'ban văn phòng'], false, 150),
  column('kind', 'Nội dung', ['nội dung đi cơ sở', 'loại nội dung', 'hình thức', 'nội dung đăng ký', 'mục'], true, 200),
  column('detail', 'Cụ thể nội dung', ['cụ thể nội dung đi cơ sở', 'nội dung cụ thể', 'chi tiết'], false, 220),
  // "Số ngày thực hiện", "Số ngày công tác", "Tổng số ngày": any caption about the number of days is the days column.
  column('days', 'Số ngày', ['số ngày đi', 'ngày', 'số ngày đi cơ sở', 'tổng số ngày'], false, 70, { prefixes: ['số ngày'] }),
  column('from', 'Từ ngày', ['từ', 'ngày đi', 'bắt đầu', 'ngày bắt đầu'], true, 100, { satisfiedBy: 'window' }),
  column('to', 'Đến ngày', ['đến', 'ngày về', 'kết thúc', 'ngày kết thúc'], true, 100, { satisfiedBy: 'window' }),
  // Seed 001's mẫu 1, 2 and 3 hold the whole range in one cell: "Từ ngày 01/4/2023 – 01/5/2023".
  column('window', 'Thời gian cụ thể', ['thời gian', 'thời gian đi', 'thời gian đi cơ sở', 'thời gian thực hiện'], false, 200, { inTemplate: false }),
  column('place', 'Địa điểm', ['nơi đến', 'địa bàn', 'đơn vị cơ sở'], false, 200),
  column('level', 'Cấp', ['cấp cơ sở', 'cấp đến'], false, 90),
  column('status', 'Trạng thái', ['tình trạng'], false, 110, { prefixes: ['trạng thái', 'tình trạng'] }),
  column('registeredOn', 'Ngày đăng ký', ['đăng ký ngày', 'ngày gửi đăng ký'], false, 100),
  // The approval steps (06-HD §IV bước 1–2; 001 mẫu 1 "Lãnh đạo Ban/Văn phòng phê duyệt", mẫu 2 "Phê duyệt của Lãnh đạo
  // Tỉnh đoàn"): the Ban's approval, the Thường trực's notice, a return with its reason. Optional: a sheet without them
  // needs no approval.
  column('banApprovedBy', 'Ban duyệt (người)', ['lãnh đạo ban duyệt', 'người duyệt', 'ban duyệt', 'lãnh đạo ban phê duyệt', 'trưởng ban duyệt'], false, 150),
  column('banApprovedOn', 'Ban duyệt (ngày)', ['ngày ban duyệt', 'ngày duyệt', 'ngày lãnh đạo ban duyệt'], false, 100),
  column('noticeNumber', 'Thông báo phê duyệt (số)', ['số thông báo', 'thông báo phê duyệt', 'số thông báo phê duyệt', 'văn bản phê duyệt'], false, 150),
  column('noticeDate', 'Thông báo phê duyệt (ngày)', ['ngày thông báo', 'ngày phê duyệt', 'ngày thông báo phê duyệt'], false, 110),
  column('returnReason', 'Trả lại (lý do)', ['trả lại', 'lý do trả lại', 'lý do không duyệt'], false, 180),
  // 06-HD §IV.1: "Ban Thường vụ Tỉnh đoàn sẽ xem xét, quyết định các trường hợp đi cơ sở theo nhiệm vụ đột xuất ngoài thời
  // hạn gửi đăng ký": the decision's number lifts the registration deadline for that row.
  column('urgent', 'Đột xuất (văn bản)', ['đột xuất', 'nhiệm vụ đột xuất', 'văn bản đột xuất', 'quyết định đột xuất', 'đột xuất (quyết định)'], false, 150, {
    inTemplate: 'deadlines',
  }),
  // 06-HD §IV bước 3–4 and §V: the base's confirmation, and a scored chuyên đề report with evidence for Xuất sắc.
  column('confirmed', 'Xác nhận cơ sở', ['xác nhận', 'cơ sở xác nhận', 'xác nhận của cơ sở'], false, 100, { inTemplate: 'rating' }),
  column('reported', 'Đã báo cáo', ['báo cáo', 'báo cáo kết quả'], false, 90),
  column('score', 'Điểm', ['điểm báo cáo', 'điểm chuyên đề', 'chấm điểm'], false, 60, { inTemplate: 'rating' }),
  column('evidence', 'Minh chứng', ['có minh chứng'], false, 160, { inTemplate: 'rating' }),
  column('result', 'Kết quả, đề xuất', ['kết quả', 'kết quả đề xuất', 'đề xuất', 'kết quả, đề xuất, kiến nghị'], false, 260, {
    prefixes: ['nêu khái quát những kết quả'],
  }),
] as const;

/**
 * The columns a new tab is made with under a policy: a column read only when a sheet has it (Thời gian cụ thể) is left
 * out, and so is a step the province's document does not keep (Kiên Giang's reminder letter under Tây Ninh).
 */
export function templateColumns<C extends ColumnSpec>(specs: readonly C[], keeps: { rating: boolean; deadlines: boolean }): C[] {
  return specs.filter((s) => (s.inTemplate === 'rating' ? keeps.rating : s.inTemplate === 'deadlines' ? keeps.deadlines : s.inTemplate !== false));
}

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];
export type TripColumnKey = (typeof TRIP_COLUMNS)[number]['key'];

export const TAB_NAMES = {
  roster: 'Cán bộ',
  trips: 'Đi cơ sở',
  settings: 'Cài đặt',
  dashboard: 'Tổng hợp 1+2',
} as const;

const TAB_SYNONYMS: Record<keyof typeof TAB_NAMES, string[]> = {
  roster: ['can bo', 'danh sach can bo', 'ds can bo', 'roster'],
  trips: ['di co so', 'dang ky di co so', 'cac dot di co so', 'dot di co so', 'trips'],
  settings: ['cai dat', 'thiet lap', 'settings'],
  dashboard: ['tong hop 1+2', 'tong hop 1 2'],
};

/** The captions of our own status columns. Written only: a later run finds its column by its marker (workbook.ts). */
export const STATUS_CAPTIONS = { trips: 'Kết quả kiểm tra', roster: 'Kết quả 1+2' } as const;

/**
 * Our status column's width in pixels (about 45 characters), given in an .xlsx when it is first written and the
 * column has no width of its own. Its texts wrap inside it: a long result left to run over the empty cells to its
 * right widens the printed tab, and a tab fitted to one page's width then prints everything the smaller.
 */
export const STATUS_COLUMN_WIDTH = 320;

/** The tab that plays a role, by name, case- and diacritic-insensitively. */
export function findTab(tabNames: readonly string[], role: keyof typeof TAB_NAMES): string | null {
  return tabsForRole(tabNames, role)[0] ?? null;
}

/**
 * Every tab whose name says it plays a role, the one read first: our own name (“Đi cơ sở”), then a synonym
 * (“Đăng ký đi cơ sở”), then a name that begins with either (“Đi cơ sở 2023”, “Đi cơ sở - Ban Phong trào”), each
 * group in tab order. Only the first is read; the caller names the others, so a second trips tab is never ignored
 * without a word.
 */
export function tabsForRole(tabNames: readonly string[], role: keyof typeof TAB_NAMES): string[] {
  const own = foldCaption(TAB_NAMES[role]);
  const synonyms = new Set(TAB_SYNONYMS[role].map(foldCaption));
  const rank = (name: string): number => {
    const folded = foldCaption(name);
    if (folded === own) return 0;
    if (synonyms.has(folded)) return 1;
    return [own, ...synonyms].some((s) => folded.startsWith(`${s} `) || folded.startsWith(`${s}(`) || folded.startsWith(`${s}-`)) ? 2 : -1;
  };
  return tabNames
    .map((name, order) => ({ name, order, rank: rank(name) }))
    .filter((t) => t.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((t) => t.name);
}

export function foldCaption(text: string): string {
  return (
    foldKey(text)
      .replace(/\s*[*:]\s*$/, '')
      .replace(/\s*([/,])\s*/g, '$1 ')
      .replace(/\s+/g, ' ')
      // “Đăng kí”, “lí do”: the i spelling of ký/lý is as common as the y one.
      .replace(/\b([kl])i\b/g, '$1y')
      .trim()
  );
}

export interface HeaderMatch<K extends string> {
  /** 0-based index of the header row in the tab's values. */
  headerIndex: number;
  /** 0-based column of each found key. */
  columns: Partial<Record<K, number>>;
  missing: ColumnSpec<K>[];
}

/** Rows searched for the header: the seed forms put a title block of eight or more rows above it. */
export const HEADER_SEARCH_ROWS = 25;

/**
 * Finds the header row among the first rows: the row that names the most required columns (a column that stands in
 * for required ones counts as one; ties: the most columns). Captions match exactly after folding; a caption followed
 * by a remark ("Số ngày (tối đa 7)") matches too, and so does one that begins with a spec's prefix.
 */
export function detectHeader<K extends string>(values: readonly (readonly unknown[])[], specs: readonly ColumnSpec<K>[]): HeaderMatch<K> | null {
  const lookup = captionLookup(specs);
  let best: { index: number; columns: Partial<Record<K, number>>; required: number; total: number } | null = null;
  const rows = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let r = 0; r < rows; r++) {
    const row = values[r] ?? [];
    const columns: Partial<Record<K, number>> = {};
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      const folded = foldCaption(cell);
      const key = lookup.get(folded) ?? lookup.get(folded.replace(/\s*\(.*\)\s*$/, '')) ?? byPrefix(specs, folded);
      if (key !== undefined && columns[key] === undefined) columns[key] = c;
    }
    const found = Object.keys(columns) as K[];
    const required = found.filter((k) => specs.some((s) => (s.key === k && s.required) || s.satisfiedBy === k)).length;
    if (found.length < 2) continue;
    if (!best || required > best.required || (required === best.required && found.length > best.total)) {
      best = { index: r, columns, required, total: found.length };
    }
  }
  if (!best) return null;
  const has = (key: string | undefined) => key !== undefined && best!.columns[key as K] !== undefined;
  const missing = specs.filter((s) => s.required && !has(s.key) && !has(s.satisfiedBy));
  return { headerIndex: best.index, columns: best.columns, missing };
}

function byPrefix<K extends string>(specs: readonly ColumnSpec<K>[], folded: string): K | undefined {
  return specs.find((s) => s.prefixes?.some((p) => folded.startsWith(foldCaption(p))))?.key;
}

function captionLookup<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const spec of specs) {
    for (const text of [spec.caption, ...spec.synonyms]) {
      const folded = foldCaption(text);
      if (!map.has(folded)) map.set(folded, spec.key);
    }
  }
  return map;
}
