import { formatDayFirst, type CalendarDate } from '../calendar-date';
import { COLORS, verdictBackground, verdictIsBold } from '../colors';
import type { CadreEvaluation, Evaluation } from '../evaluate';
import type { TabLayout } from '../grid';
import { isBehind, isYearEnd, verdictGroupLabel, verdictsOf, VERDICTS, type Verdict } from '../verdict';
import { banKey } from '../names';
import type { Policy } from '../policy';
import { CADRE_GROUP_LABELS } from '../vocabulary';
import { LayoutBuilder } from './layout-builder';
import { APPROVAL_LABELS, approvalTexts, type ApprovalState } from '../approval';

/** The verdict column's caption: the requirements during the period, the year-end verdict after (06-HD §V; 001). */
export function verdictCaption(policy: Policy, yearEnd: boolean): string {
  if (!yearEnd) return 'Tình trạng';
  return policy.verdict === 'rating' ? 'Xếp loại' : 'Kết quả';
}

function dashboardCaptions(policy: Policy, yearEnd: boolean): string[] {
  return [
    'STT',
    'Ban/Văn phòng',
    'Họ và tên',
    'Nhóm',
    'Đã thực hiện (ngày)',
    'Dự kiến cuối kỳ (ngày)',
    'Yêu cầu (ngày)',
    'Đợt đã thực hiện',
    'Đợt yêu cầu',
    verdictCaption(policy, yearEnd),
    'Lý do',
  ];
}
// The verdict column fits “Thiếu ngày và chuyên đề” on one line (it was clipped at 150 px).
const WIDTHS = [44, 160, 180, 110, 90, 90, 80, 80, 70, 220, 420];

/** Cadres by verdict, each cadre in exactly one: a Ban's, a province's. */
export type VerdictCounts = Record<Verdict, number>;

export interface BanTotals {
  ban: string;
  cadres: number;
  counts: VerdictCounts;
}

/** Cadres sorted as Vietnamese lists are: by Ban, then by given name (the last word), then by full name. */
export function sortForReport(evaluations: readonly CadreEvaluation[]): CadreEvaluation[] {
  const collator = new Intl.Collator('vi', { sensitivity: 'base' });
  const givenName = (name: string) => name.trim().split(/\s+/).pop() ?? '';
  return [...evaluations].sort(
    (a, b) => collator.compare(a.ban, b.ban) || collator.compare(givenName(a.name), givenName(b.name)) || collator.compare(a.name, b.name) || a.cadre - b.cadre,
  );
}

export function emptyCounts(): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
}

export function emptyTotals(ban: string): BanTotals {
  return { ban, cadres: 0, counts: emptyCounts() };
}

function count(t: BanTotals, e: CadreEvaluation): void {
  t.cadres++;
  t.counts[e.verdict]++;
}

/** Each Ban's counts, each cadre in exactly one verdict. */
export function banTotals(evaluations: readonly CadreEvaluation[]): BanTotals[] {
  const totals = new Map<string, BanTotals>();
  for (const e of sortForReport(evaluations)) {
    const key = banKey(e.ban);
    const t = totals.get(key) ?? emptyTotals(e.ban);
    count(t, e);
    totals.set(key, t);
  }
  return [...totals.values()];
}

/**
 * The Toàn tỉnh row: the province's counts with the same meaning of each verdict as banTotals. The dashboard, the
 * progress tiles, `dicoso check`, the add-on's toast and the emails all count with this one function.
 */
export function provinceCounts(evaluations: readonly CadreEvaluation[], label = 'Toàn tỉnh'): BanTotals {
  const all = emptyTotals(label);
  for (const e of evaluations) count(all, e);
  return all;
}

/** Cadres behind (short of something, or not Đạt/Hoàn thành at year end): what "Chưa đủ" counts. */
export function behindCount(t: BanTotals): number {
  return VERDICTS.filter(isBehind).reduce((sum, v) => sum + t.counts[v], 0);
}

export const DASHBOARD_TAB = 'Tổng hợp 1+2';

/** A registration's Ban and where it stands, for the Tổng hợp tab's approval block. */
export interface RegistrationState {
  ban: string;
  state: ApprovalState;
}

/**
 * The per-cadre dashboard tab: one coloured row per cadre, then a totals block per Ban, and, where the sheet keeps
 * approvals, the registrations of each Ban by where they stand.
 */
export function buildDashboard(
  evaluation: Evaluation,
  policy: Policy,
  today: CalendarDate,
  presetTitle: string,
  registrations: readonly RegistrationState[] = [],
): TabLayout {
  const yearEnd = isYearEnd(today, evaluation.period.end);
  const captions = dashboardCaptions(policy, yearEnd);
  const b = new LayoutBuilder(captions.length);
  b.spanRow('TỔNG HỢP THỰC HIỆN CHỦ TRƯƠNG “1+2”', { bold: true, fontSize: 14, horizontalAlignment: 'center' });
  b.spanRow(
    `Kỳ tính ${formatDayFirst(evaluation.period.start)}–${formatDayFirst(evaluation.period.end)} · ${presetTitle} · tối thiểu ${policy.minDays} ngày` +
      (policy.rounds.count > 0 ? `, ${policy.rounds.count} đợt ${policy.rounds.label}` : '') +
      ` · cập nhật ngày ${formatDayFirst(today)}`,
    { italic: true, horizontalAlignment: 'center' },
  );
  if (evaluation.notChecked.length > 0) b.spanRow(evaluation.notChecked.join(' '), { italic: true, fontColor: '#666666', wrap: true });
  b.row();
  const header = b.row(captions);
  b.style(
    { row: header, column: 0, rows: 1, columns: b.width },
    { bold: true, background: COLORS.header, horizontalAlignment: 'center', verticalAlignment: 'middle', wrap: true },
  );
  const sorted = sortForReport(evaluation.cadres);
  sorted.forEach((e, i) => {
    const r = b.row([
      i + 1,
      e.ban,
      e.name,
      CADRE_GROUP_LABELS[e.group],
      e.daysDone,
      e.exempt ? '' : e.daysProjected,
      e.requiredDays,
      e.roundsDone,
      e.roundsRequired,
      e.verdictLabel,
      e.reasons.join(' '),
    ]);
    b.style({ row: r, column: 0, rows: 1, columns: b.width }, { background: verdictBackground(e.verdict), bold: verdictIsBold(e.verdict) });
  });
  const bodyRows = sorted.length;
  b.style({ row: header, column: 0, rows: bodyRows + 1, columns: b.width }, { border: true, verticalAlignment: 'top' });
  b.style({ row: header + 1, column: 9, rows: bodyRows, columns: 2 }, { wrap: true });
  b.printTitles(header);
  b.style({ row: header + 1, column: 4, rows: bodyRows, columns: 5 }, { horizontalAlignment: 'center' });
  addBanTotals(b, evaluation, policy, yearEnd);
  addRegistrationStates(b, registrations, policy);
  return b.build(DASHBOARD_TAB, WIDTHS, header + 1);
}

/** "TỔNG HỢP THEO BAN": each Ban's cadres by verdict, the province's row, and a chart of them. */
function addBanTotals(b: LayoutBuilder, evaluation: Evaluation, policy: Policy, yearEnd: boolean): void {
  const verdicts = verdictsOf(policy, yearEnd);
  b.row();
  b.spanRow('TỔNG HỢP THEO BAN', { bold: true });
  const pad = Array.from({ length: b.width - 3 - verdicts.length }, () => '');
  const totalsHeader = b.row(['', 'Ban/Văn phòng', 'Số cán bộ', ...verdicts.map((v) => verdictGroupLabel(v, policy)), ...pad]);
  const totals = banTotals(evaluation.cadres);
  const line = (t: BanTotals) => ['', t.ban, t.cadres, ...verdicts.map((v) => t.counts[v]), ...pad];
  for (const t of totals) b.row(line(t));
  const allRow = b.row(line(provinceCounts(evaluation.cadres)));
  const columns = 2 + verdicts.length;
  b.style({ row: totalsHeader, column: 1, rows: 1, columns }, { bold: true, background: COLORS.header, horizontalAlignment: 'center', wrap: true });
  b.style({ row: allRow, column: 1, rows: 1, columns }, { bold: true, background: COLORS.total });
  b.style({ row: totalsHeader, column: 1, rows: totals.length + 2, columns }, { border: true });
  b.style({ row: totalsHeader + 1, column: 2, rows: totals.length + 1, columns: columns - 1 }, { horizontalAlignment: 'center' });
  // Each Ban as a bar of its cadres, split by the one verdict.
  if (totals.length > 0) {
    const rows = totals.length + 1;
    b.chart({
      title: 'Cán bộ theo ban và kết luận',
      labels: { row: totalsHeader, column: 1, rows, columns: 1 },
      series: { row: totalsHeader, column: 3, rows, columns: verdicts.length },
      anchor: { row: totalsHeader, column: b.width - 1 },
    });
  }
}

const COUNTED_STATES = ['cho-ban-duyet', 'cho-tong-hop', 'da-phe-duyet', 'tra-lai'] as const;

/** "ĐĂNG KÝ THEO BƯỚC DUYỆT": each Ban's registrations waiting for the Ban, for the compiling department, approved, returned. */
function addRegistrationStates(b: LayoutBuilder, registrations: readonly RegistrationState[], policy: Policy): void {
  const kept = registrations.filter((r) => r.state !== 'khong-can');
  if (kept.length === 0) return;
  b.row();
  b.spanRow('ĐĂNG KÝ THEO BƯỚC DUYỆT', { bold: true });
  const labels = COUNTED_STATES.map((state) => (state === 'cho-tong-hop' ? approvalTexts.waitingCompile(policy.compilingDepartment) : APPROVAL_LABELS[state]));
  const pad = Array.from({ length: b.width - 3 - labels.length }, () => '');
  const header = b.row(['', 'Ban/Văn phòng', 'Số đợt', ...labels, ...pad]);
  const byBan = new Map<string, { ban: string; counts: Record<(typeof COUNTED_STATES)[number], number> }>();
  for (const r of kept) {
    const entry = byBan.get(banKey(r.ban)) ?? { ban: r.ban, counts: { 'cho-ban-duyet': 0, 'cho-tong-hop': 0, 'da-phe-duyet': 0, 'tra-lai': 0 } };
    entry.counts[r.state as (typeof COUNTED_STATES)[number]]++;
    byBan.set(banKey(r.ban), entry);
  }
  const rows = [...byBan.values()].sort((x, y) => x.ban.localeCompare(y.ban, 'vi'));
  for (const e of rows) b.row(['', e.ban, COUNTED_STATES.reduce((n, st) => n + e.counts[st], 0), ...COUNTED_STATES.map((st) => e.counts[st]), ...pad]);
  const columns = 2 + labels.length;
  b.style({ row: header, column: 1, rows: 1, columns }, { bold: true, background: COLORS.header, horizontalAlignment: 'center', wrap: true });
  b.style({ row: header, column: 1, rows: rows.length + 1, columns }, { border: true });
  b.style({ row: header + 1, column: 2, rows: rows.length, columns: columns - 1 }, { horizontalAlignment: 'center' });
}
