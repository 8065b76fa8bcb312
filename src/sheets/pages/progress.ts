import { findTab, TAB_NAMES } from '../../core/columns';
import type { CadreEvaluation, CadreStatus, Rating } from '../../core/evaluate';
import { banTotals, provinceCounts, sortForReport, type BanTotals } from '../../core/forms/dashboard';
import { messages, RATING_LABELS, STATUS_LABELS } from '../../core/messages';
import type { Cadre } from '../../core/model';
import { banKey, nameKey } from '../../core/names';
import { UserError } from '../../core/user-error';
import { CADRE_GROUP_LABELS, type CadreGroup } from '../../core/vocabulary';
import * as z from '../../core/zod-vi';
import { analyzeContext, type PageContext, type ServerContext } from '../server-context';
import { bansOf, type Analysis } from '../workflow';
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
  status: CadreStatus;
  statusLabel: string;
  rating: Rating | null;
  ratingLabel: string;
  reasons: string[];
  forecastDays: number;
  /**
   * "Theo tốc độ hiện tại: khoảng 48/60 ngày vào 31/12", only where it tells something: '' for an exempt cadre, one
   * whose days are done, and outside the period (before it starts nothing is known; after it ends the days are final).
   */
  forecast: string;
  /** 1-based rows of this cadre's trips on the trips tab (rows with errors included), for selecting them. */
  tripRows: number[];
}

/**
 * Cadres by verdict, each in exactly one count (a cadre short of both is in shortBoth only), so the five add up to
 * total: the tiles of the page, province-wide or for one Ban (provinceCounts/banTotals in core/forms/dashboard.ts).
 */
export interface StatusCounts {
  total: number;
  ok: number;
  shortDays: number;
  shortRounds: number;
  shortBoth: number;
  exempt: number;
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
  /** Behind first: short of both, of days, of rounds, then on track, then exempt; the furthest behind first. */
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

const BEHIND_ORDER: Record<CadreStatus, number> = { 'short-both': 0, 'short-days': 1, 'short-rounds': 2, ok: 3, exempt: 4 };

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
    return { ban, counts: statusCounts(totals.get(banKey(ban))!), ...days };
  });
  return {
    counts: statusCounts(provinceCounts(evaluations)),
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

function statusCounts(t: BanTotals): StatusCounts {
  return { total: t.cadres, ok: t.ok, shortDays: t.shortDays, shortRounds: t.shortRounds, shortBoth: t.shortBoth, exempt: t.exempt };
}

function progressEntries(analysis: Analysis): ProgressEntry[] {
  const rowsByCadre = tripRowsByCadre(analysis);
  const reportOrder = sortForReport(analysis.evaluation.cadres);
  const shortfall = (e: CadreEvaluation) => (e.requiredDays > 0 ? (e.requiredDays - Math.min(e.daysProjected, e.requiredDays)) / e.requiredDays : 0);
  const sorted = [...reportOrder].sort((a, b) => BEHIND_ORDER[a.status] - BEHIND_ORDER[b.status] || shortfall(b) - shortfall(a));
  return sorted.map((e) => progressEntry(e, analysis, rowsByCadre.get(e.cadre) ?? []));
}

/** One cadre's card, from the evaluation as it is (nothing re-derived here). */
export function progressEntryOf(analysis: Analysis, cadre: number): ProgressEntry | null {
  const evaluation = analysis.evaluation.cadres.find((e) => e.cadre === cadre);
  return evaluation ? progressEntry(evaluation, analysis, tripRowsByCadre(analysis).get(cadre) ?? []) : null;
}

function progressEntry(e: CadreEvaluation, analysis: Analysis, tripRows: number[]): ProgressEntry {
  const { start, end } = analysis.period;
  const inPeriod = analysis.today >= start && analysis.today < end;
  const forecast = e.status !== 'exempt' && inPeriod && e.daysDone < e.requiredDays ? pageTexts.forecast(e.forecastDays, e.requiredDays, end) : '';
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
    status: e.status,
    statusLabel: STATUS_LABELS[e.status],
    rating: e.rating,
    ratingLabel: e.rating ? RATING_LABELS[e.rating] : '',
    reasons: e.reasons,
    forecastDays: e.forecastDays,
    forecast,
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
export const SelectTripRowsSchema = z.object({
  name: z.string(),
  rows: z.array(z.number().check(z.int(), z.gte(1, { message: pageTexts.badRows }))).check(z.maxLength(100_000, { message: pageTexts.badRows })),
});
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
  if (!tab) throw new UserError(messages.missingTab('các đợt đi cơ sở', [TAB_NAMES.trips]));
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
