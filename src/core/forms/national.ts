import { formatDayFirst, type CalendarDate } from '../calendar-date';
import { COLORS, verdictBackground } from '../colors';
import type { TabLayout } from '../grid';
import { emptyCounts, type VerdictCounts } from './dashboard';
import { verdictGroupLabel, VERDICTS, type Verdict } from '../verdict';
import { LayoutBuilder } from './layout-builder';

/**
 * The national roll-up (`dicoso tong-hop`): one workbook made from every province's own file. Counts per province
 * and per Ban use the same verdicts as each province's Tổng hợp 1+2 tab, each cadre in exactly one column; the
 * columns are the verdicts some province has (provinces follow different documents and may be at another phase).
 */

export interface RollupCounts {
  cadres: number;
  counts: VerdictCounts;
}

export interface RollupProvince {
  province: string;
  file: string;
  presetTitle: string;
  counts: RollupCounts;
  bans: (RollupCounts & { ban: string })[];
  short: {
    ban: string;
    name: string;
    verdict: Verdict;
    verdictLabel: string;
    daysDone: number;
    daysProjected: number;
    requiredDays: number;
    roundsDone: number;
    roundsRequired: number;
    reasons: string;
  }[];
  errorRows: number;
}

export interface RollupInput {
  year: number;
  today: CalendarDate;
  provinces: readonly RollupProvince[];
  skipped: readonly { file: string; reason: string }[];
}

export const ROLLUP_TABS = { provinces: 'Toàn quốc', bans: 'Theo ban', short: 'Chưa đủ cuối kỳ', skipped: 'Tệp bỏ qua' } as const;

/** The sum of several Bans' or provinces' counts. */
export function addCounts(rows: readonly RollupCounts[]): RollupCounts {
  const out: RollupCounts = { cadres: 0, counts: emptyCounts() };
  for (const r of rows) {
    out.cadres += r.cadres;
    for (const v of VERDICTS) out.counts[v] += r.counts[v];
  }
  return out;
}

/** The verdicts some province has, in the verdicts' order: the columns of the roll-up. */
export function rollupVerdicts(provinces: readonly RollupProvince[]): Verdict[] {
  const all = addCounts(provinces.map((p) => p.counts));
  return VERDICTS.filter((v) => all.counts[v] > 0);
}

/** Provinces follow different documents: a column names the verdict in words that fit all of them. */
const countCaptions = (verdicts: readonly Verdict[]) => ['Cán bộ', ...verdicts.map((v) => verdictGroupLabel(v, null))];
const countCells = (c: RollupCounts, verdicts: readonly Verdict[]) => [c.cadres, ...verdicts.map((v) => c.counts[v])];

function title(b: LayoutBuilder, input: RollupInput, heading: string): void {
  b.spanRow(heading, { bold: true, fontSize: 14, horizontalAlignment: 'center' });
  b.spanRow(
    `Chủ trương “1+2” năm ${input.year} · ${input.provinces.length} tỉnh, thành · tính đến ngày ${formatDayFirst(input.today)}` +
      (input.skipped.length > 0 ? ` · ${input.skipped.length} tệp bỏ qua (xem tab “${ROLLUP_TABS.skipped}”)` : ''),
    { italic: true, horizontalAlignment: 'center' },
  );
  b.row();
}

function table(b: LayoutBuilder, header: number, rows: number, numbersFrom: number): void {
  b.style(
    { row: header, column: 0, rows: 1, columns: b.width },
    { bold: true, background: COLORS.header, horizontalAlignment: 'center', verticalAlignment: 'middle', wrap: true },
  );
  b.style({ row: header, column: 0, rows: rows + 1, columns: b.width }, { border: true, verticalAlignment: 'top' });
  if (rows > 0) b.style({ row: header + 1, column: numbersFrom, rows, columns: b.width - numbersFrom }, { horizontalAlignment: 'center' });
}

export function buildRollupTabs(input: RollupInput): TabLayout[] {
  const tabs = [provincesTab(input), bansTab(input), shortTab(input)];
  if (input.skipped.length > 0) tabs.push(skippedTab(input));
  return tabs;
}

function provincesTab(input: RollupInput): TabLayout {
  const verdicts = rollupVerdicts(input.provinces);
  const captions = countCaptions(verdicts);
  const b = new LayoutBuilder(4 + captions.length);
  title(b, input, 'TỔNG HỢP TOÀN QUỐC THỰC HIỆN CHỦ TRƯƠNG “1+2”');
  const header = b.row(['STT', 'Tỉnh, thành', 'Tệp', ...captions, 'Dòng có lỗi (chưa tính)']);
  input.provinces.forEach((p, i) => b.row([i + 1, p.province, p.file, ...countCells(p.counts, verdicts), p.errorRows]));
  const all = addCounts(input.provinces.map((p) => p.counts));
  const total = b.row(['', 'Toàn quốc', '', ...countCells(all, verdicts), input.provinces.reduce((n, p) => n + p.errorRows, 0)]);
  b.style({ row: total, column: 0, rows: 1, columns: b.width }, { bold: true, background: COLORS.total });
  table(b, header, input.provinces.length + 1, 3);
  return b.build(ROLLUP_TABS.provinces, [44, 160, 200, 70, ...verdicts.map(() => 90), 110], header + 1);
}

function bansTab(input: RollupInput): TabLayout {
  const verdicts = rollupVerdicts(input.provinces);
  const captions = countCaptions(verdicts);
  const b = new LayoutBuilder(3 + captions.length);
  title(b, input, 'TỔNG HỢP THEO TỈNH VÀ BAN');
  const header = b.row(['STT', 'Tỉnh, thành', 'Ban/Văn phòng', ...captions]);
  let rows = 0;
  for (const p of input.provinces) {
    const heading = b.row(['', p.province, 'Cả tỉnh', ...countCells(p.counts, verdicts)]);
    b.style({ row: heading, column: 0, rows: 1, columns: b.width }, { bold: true, background: COLORS.subheader });
    rows++;
    p.bans.forEach((ban, i) => {
      b.row([i + 1, p.province, ban.ban, ...countCells(ban, verdicts)]);
      rows++;
    });
  }
  table(b, header, rows, 3);
  return b.build(ROLLUP_TABS.bans, [44, 160, 260, 70, ...verdicts.map(() => 90)], header + 1);
}

function shortTab(input: RollupInput): TabLayout {
  const b = new LayoutBuilder(9);
  title(b, input, 'CÁN BỘ CHƯA ĐỦ YÊU CẦU ĐẾN CUỐI KỲ');
  const header = b.row([
    'STT',
    'Tỉnh, thành',
    'Ban/Văn phòng',
    'Họ và tên',
    'Kết luận',
    'Ngày đã thực hiện',
    'Ngày dự kiến / yêu cầu',
    'Đợt bắt buộc đã / yêu cầu',
    'Lý do',
  ]);
  let stt = 0;
  for (const p of input.provinces) {
    for (const c of p.short) {
      const r = b.row([
        ++stt,
        p.province,
        c.ban,
        c.name,
        c.verdictLabel,
        c.daysDone,
        `${c.daysProjected}/${c.requiredDays}`,
        `${c.roundsDone}/${c.roundsRequired}`,
        c.reasons,
      ]);
      b.style({ row: r, column: 4, rows: 1, columns: 1 }, { background: verdictBackground(c.verdict) });
    }
  }
  if (stt === 0) b.row(['', 'Không có cán bộ nào chưa đủ yêu cầu.']);
  const rows = Math.max(stt, 1);
  table(b, header, rows, 5);
  b.style({ row: header + 1, column: 8, rows, columns: 1 }, { wrap: true, horizontalAlignment: 'left' });
  return b.build(ROLLUP_TABS.short, [44, 140, 200, 180, 150, 80, 100, 100, 420], header + 1);
}

function skippedTab(input: RollupInput): TabLayout {
  const b = new LayoutBuilder(3);
  title(b, input, 'CÁC TỆP KHÔNG ĐỌC ĐƯỢC (CHƯA TÍNH)');
  const header = b.row(['STT', 'Tệp', 'Lý do']);
  input.skipped.forEach((s, i) => b.row([i + 1, s.file, s.reason]));
  table(b, header, input.skipped.length, 0);
  b.style({ row: header + 1, column: 1, rows: input.skipped.length, columns: 2 }, { horizontalAlignment: 'left', wrap: true });
  return b.build(ROLLUP_TABS.skipped, [44, 260, 620], header + 1);
}
