import { lazy } from '../../core/lazy';
import { findTab, TAB_NAMES } from '../../core/columns';
import type { CadreEvaluation } from '../../core/evaluate';
import { banTotals, provinceCounts, sortForReport, type VerdictCounts } from '../../core/forms/dashboard';
import { messages } from '../../core/messages';
import { isYearEnd, verdictGroupLabel, verdictsOf, verdictTone, type Verdict, type VerdictTone } from '../../core/verdict';
import type { Cadre } from '../../core/model';
import { banKey, nameKey } from '../../core/names';
import { UserError } from '../../core/user-error';
import { CADRE_GROUP_LABELS, type CadreGroup } from '../../core/vocabulary';
import * as z from '../../core/zod-vi';
import { analyzeContext, type PageContext, type ServerContext } from '../server-context';
import { bansOf, tripApprovals, type Analysis } from '../workflow';
import { APPROVAL_LABELS, approvalTexts, type ApprovalState } from '../../core/approval';
import { PAGE_ACTIONS, pageTexts } from './texts';
import { NoInput, serverFunction } from './server-function';

/** Tiến độ 1+2: who is behind and why, and selecting a cadre's rows on the trips tab. */

export interface ProgressEntry {
  /** Position in the roster (stable within one payload). */
  id: number;
  name: string;
  ban: string;
  group: CadreGroup;
  groupLabel: string;
  daysDone: number;
  daysProjected: number;
  requiredDays: number;
  roundsDone: number;
  /** 0 when exempt or waived (the evaluation's own value). */
  roundsRequired: number;
  /** The one verdict (during the period the requirements, from its end the year-end verdict), its words and colour. */
  verdict: Verdict;
  verdictLabel: string;
  tone: VerdictTone;
  reasons: string[];
  /** The cadre's registrations by where they stand (where the sheet keeps approvals): "2 chờ Ban duyệt". */
  approvals: { state: ApprovalState; label: string; count: number }[];
  /** 1-based rows of this cadre's trips on the trips tab (rows with errors included), for selecting them. */
  tripRows: number[];
}

/**
 * Cadres by verdict, each in exactly one count, so the tiles add up to total: province-wide or for one Ban
 * (provinceCounts/banTotals in core/forms/dashboard.ts).
 */
export interface StatusCounts {
  total: number;
  counts: VerdictCounts;
}

/** A tile: the cadres of one verdict, in the words of the Tổng hợp tab. */
export interface Tile {
  verdict: Verdict;
  label: string;
  tone: VerdictTone;
}

/** One Ban: its tiles and its bar in the chart. */
export interface BanProgress {
  ban: string;
  counts: StatusCounts;
  /** Days done, each cadre counted up to their required days (the bar fills when everyone has enough). */
  done: number;
  /** Days registered ahead beyond those done, each cadre likewise up to their required days. */
  planned: number;
  /** The Ban's required days: each non-exempt cadre's required days, summed. */
  required: number;
}

export interface ProgressPayload {
  counts: StatusCounts;
  /** The verdicts of this phase of the year under the preset (verdict.ts verdictsOf), in order. */
  tiles: Tile[];
  /** Behind first (failed, short of both, of days, of rounds or places), then enough, then exempt; the furthest behind first. */
  cadres: ProgressEntry[];
  /** Each Ban in roster order. */
  bans: BanProgress[];
  period: { start: string; end: string };
  today: string;
  year: number;
  presetTitle: string;
  minDays: number;
  roundsLabel: string;
  tripsTab: string;
  rosterTab: string;
  /** Settings and Cài đặt tab problems, to show above the list. */
  warnings: string[];
}

const VERDICT_ORDER: readonly Verdict[] = [
  'khong-dat',
  'chua-hoan-thanh',
  'short-both',
  'short-days',
  'short-rounds',
  'short-place',
  'ok-planned',
  'ok',
  'dat',
  'xuat-sac',
  'hoan-thanh',
  'exempt',
];

export function getProgress(ctx: ServerContext): ProgressPayload {
  const { analysis, warnings } = analyzeContext(ctx);
  const evaluations = analysis.evaluation.cadres;
  const totals = new Map(banTotals(evaluations).map((t) => [banKey(t.ban), t]));
  const bans = bansOf(analysis).map<BanProgress>((ban) => {
    const days = { done: 0, planned: 0, required: 0 };
    for (const e of evaluations) {
      if (banKey(e.ban) !== banKey(ban)) continue;
      const done = Math.min(e.daysDone, e.requiredDays);
      days.done += done;
      days.planned += Math.max(0, Math.min(e.daysProjected, e.requiredDays) - done);
      days.required += e.requiredDays;
    }
    const t = totals.get(banKey(ban))!;
    return { ban, counts: { total: t.cadres, counts: t.counts }, ...days };
  });
  const all = provinceCounts(evaluations);
  const tiles = verdictsOf(analysis.policy, isYearEnd(analysis.today, analysis.period.end)).map((verdict) => ({
    verdict,
    label: verdictGroupLabel(verdict, analysis.policy),
    tone: verdictTone(verdict),
  }));
  return {
    counts: { total: all.cadres, counts: all.counts },
    tiles,
    cadres: progressEntries(analysis),
    bans,
    period: { start: analysis.period.start, end: analysis.period.end },
    today: analysis.today,
    year: analysis.year,
    presetTitle: analysis.presetTitle,
    minDays: analysis.policy.minDays,
    roundsLabel: analysis.policy.rounds.label,
    tripsTab: analysis.tabs.trips,
    rosterTab: analysis.tabs.roster,
    warnings,
  };
}

/** Each cadre's registrations by approval state, in the process's order. */
function approvalsByCadre(analysis: Analysis): Map<number, ProgressEntry['approvals']> {
  const out = new Map<number, ProgressEntry['approvals']>();
  const order: ApprovalState[] = ['tra-lai', 'cho-ban-duyet', 'cho-tong-hop', 'da-phe-duyet'];
  const label = (state: ApprovalState) =>
    state === 'cho-tong-hop' ? approvalTexts.waitingCompile(analysis.policy.compilingDepartment) : APPROVAL_LABELS[state];
  for (const { trip, approval } of tripApprovals(analysis)) {
    if (approval.state === 'khong-can' || trip.status === 'cancelled') continue;
    const list = out.get(trip.cadre) ?? [];
    const entry = list.find((e) => e.state === approval.state);
    if (entry) entry.count++;
    else list.push({ state: approval.state, label: label(approval.state), count: 1 });
    out.set(trip.cadre, list);
  }
  for (const list of out.values()) list.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  return out;
}

function progressEntries(analysis: Analysis): ProgressEntry[] {
  const rowsByCadre = tripRowsByCadre(analysis);
  const approvals = approvalsByCadre(analysis);
  const reportOrder = sortForReport(analysis.evaluation.cadres);
  const shortfall = (e: CadreEvaluation) => (e.requiredDays > 0 ? (e.requiredDays - Math.min(e.daysProjected, e.requiredDays)) / e.requiredDays : 0);
  const rank = (e: CadreEvaluation) => VERDICT_ORDER.indexOf(e.verdict);
  const sorted = [...reportOrder].sort((a, b) => rank(a) - rank(b) || shortfall(b) - shortfall(a));
  return sorted.map((e) => progressEntry(e, rowsByCadre.get(e.cadre) ?? [], approvals.get(e.cadre) ?? []));
}

/** One cadre's card, from the evaluation as it is (nothing re-derived here). */
export function progressEntryOf(analysis: Analysis, cadre: number): ProgressEntry | null {
  const evaluation = analysis.evaluation.cadres.find((e) => e.cadre === cadre);
  return evaluation ? progressEntry(evaluation, tripRowsByCadre(analysis).get(cadre) ?? [], approvalsByCadre(analysis).get(cadre) ?? []) : null;
}

function progressEntry(e: CadreEvaluation, tripRows: number[], approvals: ProgressEntry['approvals']): ProgressEntry {
  return {
    id: e.cadre,
    name: e.name,
    ban: e.ban,
    group: e.group,
    groupLabel: CADRE_GROUP_LABELS[e.group],
    daysDone: e.daysDone,
    daysProjected: e.daysProjected,
    requiredDays: e.requiredDays,
    roundsDone: e.roundsDone,
    roundsRequired: e.roundsRequired,
    verdict: e.verdict,
    verdictLabel: e.verdictLabel,
    tone: verdictTone(e.verdict),
    reasons: e.reasons,
    approvals,
    tripRows,
  };
}

/** Trip rows per cadre: read trips by their cadre, rows with errors by the name (and Ban) written on them. */
function tripRowsByCadre(analysis: Analysis): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (cadre: number, row: number) => {
    const list = out.get(cadre) ?? [];
    if (!list.includes(row)) list.push(row);
    out.set(cadre, list);
  };
  for (const trip of analysis.trips.trips) add(trip.cadre, trip.row);
  const table = analysis.trips.table;
  if (table) {
    const nameColumn = table.header.columns.name;
    const banColumn = table.header.columns.ban;
    const values = analysis.raw.trips.values;
    const read = new Set(analysis.trips.trips.map((t) => t.row));
    let byName: Map<string, Cadre[]> | null = null;
    for (let i = table.firstDataIndex; i < values.length; i++) {
      if (read.has(i + 1) || nameColumn === undefined) continue;
      const name = nameKey(String(values[i]?.[nameColumn] ?? ''));
      if (name === '') continue;
      // Built on the first unread row only: most sheets have none.
      byName ??= groupBy(analysis.roster.cadres, (c) => nameKey(c.name));
      const ban = banColumn === undefined ? '' : banKey(String(values[i]?.[banColumn] ?? ''));
      const matches = (byName.get(name) ?? []).filter((c) => ban === '' || banKey(c.ban) === ban);
      if (matches.length === 1) add(matches[0]!.index, i + 1);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The rows a card lists (ProgressEntry.tripRows) and whose they are, for the message when there are none. */
export const SelectTripRowsSchema = lazy(() =>
  z.object({
    name: z.string(),
    rows: z.array(z.number().check(z.int(), z.gte(1, { message: pageTexts.badRows }))).check(z.maxLength(100_000, { message: pageTexts.badRows })),
  }),
);
export type SelectTripRowsInput = z.infer<typeof SelectTripRowsSchema>;

export interface SelectedTripRows {
  /** The trips tab the rows were selected on. */
  tab: string;
  /** How many rows were selected. */
  selected: number;
}

/**
 * Selects the rows the page shows for a cadre on the trips tab (Sheets only; the preview records the call). The page
 * already has the rows from getProgress: nothing is read again but the tab names.
 */
export function selectTripRows(ctx: PageContext, input: SelectTripRowsInput): SelectedTripRows {
  if (input.rows.length === 0) throw new UserError(pageTexts.noTripsOf(input.name));
  const tab = findTab(ctx.workbook.tabNames(), 'trips');
  if (!tab) throw new UserError(messages.missingTab('trips', [TAB_NAMES.trips]));
  return {
    tab,
    selected: ctx.host.selectRows(
      tab,
      [...new Set(input.rows)].sort((a, b) => a - b),
    ),
  };
}

export const progressFunctions = {
  getProgress: serverFunction({ action: PAGE_ACTIONS.progress, input: NoInput, writes: false, run: getProgress }),
  selectTripRows: serverFunction({ action: PAGE_ACTIONS.progress, input: SelectTripRowsSchema, writes: false, run: selectTripRows }),
};
