import { formatDayFirst, type CalendarDate } from '../calendar-date';
import { COLORS, statusBackground, statusIsBold } from '../colors';
import type { CadreEvaluation, CadreStatus, Evaluation } from '../evaluate';
import type { TabLayout } from '../grid';
import { RATING_LABELS, STATUS_LABELS } from '../messages';
import { banKey } from '../names';
import type { Policy } from '../policy';
import { CADRE_GROUP_LABELS } from '../vocabulary';
import { LayoutBuilder } from './layout-builder';

export const DASHBOARD_CAPTIONS = [
  'STT',
  'Ban/Văn phòng',
  'Họ và tên',
  'Nhóm',
  'Đã thực hiện (ngày)',
  'Dự kiến (ngày)',
  'Yêu cầu (ngày)',
  'Đợt đã thực hiện',
  'Đợt yêu cầu',
  'Tình trạng',
  'Xếp loại',
  'Lý do',
  'Dự báo cuối kỳ (ngày)',
] as const;
// Tình trạng fits “Thiếu ngày và chuyên đề” on one line (it was clipped at 150 px).
const WIDTHS = [44, 160, 180, 110, 90, 80, 80, 80, 70, 200, 90, 360, 100];

/** Cadres by status, each cadre in exactly one column: a Ban's, a province's, the nation's. */
export interface StatusCounts {
  cadres: number;
  ok: number;
  shortDays: number;
  shortRounds: number;
  shortBoth: number;
  exempt: number;
}

export interface BanTotals extends StatusCounts {
  ban: string;
  dat: number;
  khongDat: number;
  xuatSac: number;
}

/** Cadres sorted as Vietnamese lists are: by Ban, then by given name (the last word), then by full name. */
export function sortForReport(evaluations: readonly CadreEvaluation[]): CadreEvaluation[] {
  const collator = new Intl.Collator('vi', { sensitivity: 'base' });
  const givenName = (name: string) => name.trim().split(/\s+/).pop() ?? '';
  return [...evaluations].sort(
    (a, b) => collator.compare(a.ban, b.ban) || collator.compare(givenName(a.name), givenName(b.name)) || collator.compare(a.name, b.name) || a.cadre - b.cadre,
  );
}

const STATUS_FIELD: Record<CadreStatus, 'ok' | 'shortDays' | 'shortRounds' | 'shortBoth' | 'exempt'> = {
  ok: 'ok',
  'short-days': 'shortDays',
  'short-rounds': 'shortRounds',
  'short-both': 'shortBoth',
  exempt: 'exempt',
};

export function emptyTotals(ban: string): BanTotals {
  return { ban, cadres: 0, ok: 0, shortDays: 0, shortRounds: 0, shortBoth: 0, exempt: 0, dat: 0, khongDat: 0, xuatSac: 0 };
}

function count(t: BanTotals, e: CadreEvaluation): void {
  t.cadres++;
  t[STATUS_FIELD[e.status]]++;
  if (e.rating === 'dat') t.dat++;
  if (e.rating === 'khong-dat') t.khongDat++;
  if (e.rating === 'xuat-sac') t.xuatSac++;
}

/** Each Ban's counts, each cadre in exactly one status column (its evaluation's status). */
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
 * The Toàn tỉnh row: the province's counts with the same meaning of each status as banTotals. The dashboard, the
 * progress tiles, `dicoso check`, the add-on's toast and the emails all count with this one function.
 */
export function provinceCounts(evaluations: readonly CadreEvaluation[], label = 'Toàn tỉnh'): BanTotals {
  const all = emptyTotals(label);
  for (const e of evaluations) count(all, e);
  return all;
}

/**
 * Who lacks what: short of days (alone or with rounds), short of rounds (alone or with days), short of anything.
 * The progress page's tiles and filters select with these meanings.
 */
export function lacking(t: BanTotals): { days: number; rounds: number; any: number } {
  return { days: t.shortDays + t.shortBoth, rounds: t.shortRounds + t.shortBoth, any: t.shortDays + t.shortRounds + t.shortBoth };
}

export const DASHBOARD_TAB = 'Tổng hợp 1+2';

/** The per-cadre dashboard tab: one coloured row per cadre, then a totals block per Ban. */
export function buildDashboard(evaluation: Evaluation, policy: Policy, today: CalendarDate, presetTitle: string): TabLayout {
  const b = new LayoutBuilder(DASHBOARD_CAPTIONS.length);
  b.spanRow('TỔNG HỢP THỰC HIỆN CHỦ TRƯƠNG “1+2”', { bold: true, fontSize: 14, horizontalAlignment: 'center' });
  b.spanRow(
    `Kỳ tính ${formatDayFirst(evaluation.period.start)}–${formatDayFirst(evaluation.period.end)} · ${presetTitle} · tối thiểu ${policy.minDays} ngày` +
      (policy.rounds.count > 0 ? `, ${policy.rounds.count} đợt ${policy.rounds.label}` : '') +
      ` · cập nhật ngày ${formatDayFirst(today)}`,
    { italic: true, horizontalAlignment: 'center' },
  );
  if (evaluation.notChecked.length > 0) b.spanRow(`Chưa xét được: ${evaluation.notChecked.join(' ')}`, { italic: true, fontColor: '#666666', wrap: true });
  b.row();
  const header = b.row([...DASHBOARD_CAPTIONS]);
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
      e.daysProjected,
      e.requiredDays,
      e.roundsDone,
      e.roundsRequired,
      STATUS_LABELS[e.status],
      e.rating ? RATING_LABELS[e.rating] : '',
      e.reasons.join(' '),
      e.exempt ? '' : e.forecastDays,
    ]);
    b.style({ row: r, column: 0, rows: 1, columns: b.width }, { background: statusBackground(e.status), bold: statusIsBold(e.status) });
  });
  const bodyRows = sorted.length;
  b.style({ row: header, column: 0, rows: bodyRows + 1, columns: b.width }, { border: true, verticalAlignment: 'top' });
  b.style({ row: header + 1, column: 9, rows: bodyRows, columns: 3 }, { wrap: true });
  b.printTitles(header);
  b.style({ row: header + 1, column: 4, rows: bodyRows, columns: 5 }, { horizontalAlignment: 'center' });
  b.style({ row: header + 1, column: 12, rows: bodyRows, columns: 1 }, { horizontalAlignment: 'center' });

  b.row();
  b.spanRow('TỔNG HỢP THEO BAN', { bold: true });
  const totalsCaptions = [
    '',
    'Ban/Văn phòng',
    'Số cán bộ',
    'Đủ',
    'Thiếu ngày',
    'Thiếu chuyên đề',
    'Thiếu cả hai',
    'Miễn',
    'Đạt',
    'Không đạt',
    'Xuất sắc',
    '',
    '',
  ];
  const totalsHeader = b.row(totalsCaptions);
  const totals = banTotals(evaluation.cadres);
  for (const t of totals) b.row(['', t.ban, t.cadres, t.ok, t.shortDays, t.shortRounds, t.shortBoth, t.exempt, t.dat, t.khongDat, t.xuatSac]);
  const all = provinceCounts(evaluation.cadres);
  const allRow = b.row(['', all.ban, all.cadres, all.ok, all.shortDays, all.shortRounds, all.shortBoth, all.exempt, all.dat, all.khongDat, all.xuatSac]);
  b.style({ row: totalsHeader, column: 1, rows: 1, columns: 10 }, { bold: true, background: COLORS.header, horizontalAlignment: 'center', wrap: true });
  b.style({ row: allRow, column: 1, rows: 1, columns: 10 }, { bold: true, background: COLORS.total });
  b.style({ row: totalsHeader, column: 1, rows: totals.length + 2, columns: 10 }, { border: true });
  b.style({ row: totalsHeader + 1, column: 2, rows: totals.length + 1, columns: 9 }, { horizontalAlignment: 'center' });
  // Each Ban as a bar of its cadres, split by the one verdict (Đủ, Thiếu ngày, Thiếu chuyên đề, Thiếu cả hai, Miễn).
  if (totals.length > 0) {
    const rows = totals.length + 1;
    b.chart({
      title: 'Cán bộ theo ban và tình trạng',
      labels: { row: totalsHeader, column: 1, rows, columns: 1 },
      series: { row: totalsHeader, column: 3, rows, columns: 5 },
      anchor: { row: totalsHeader, column: 11 },
    });
  }
  return b.build(DASHBOARD_TAB, WIDTHS, header + 1);
}
