import { lazy } from '../../core/lazy';
import type { CalendarDate } from '../../core/calendar-date';
import { findTab, TAB_NAMES } from '../../core/columns';
import { contentKindCaption } from '../../core/content';
import { calendarDateOfInstant } from '../../core/date-parse';
import { isDuplicateTrip, tripsOverlap } from '../../core/evaluate';
import { messages } from '../../core/messages';
import type { Cadre } from '../../core/model';
import { banKey, nameKey } from '../../core/names';
import type { Policy } from '../../core/policy';
import { checkTripInput, kindOptions, TripDraftFields, type RosterEntry, type TripField } from '../../core/trip-input';
import { UserError } from '../../core/user-error';
import { TRIP_STATUSES, TRIP_STATUS_LABELS, type ContentKind, type TripStatus } from '../../core/vocabulary';
import * as z from '../../core/zod-vi';
import { userPartOf } from '../notes';
import { RememberedReads } from '../remembered-reads';
import { analyzeContext, type PageContext, type ServerContext } from '../server-context';
import type { RawCell, WriteCell } from '../workbook';
import { userView, type Analysis } from '../workflow';
import { progressEntryOf, type ProgressEntry } from './progress';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';
import { maxOf } from '../../core/arrays';

/** Nhập đợt đi cơ sở (mẫu 1): the form's choices, and saving one trip. */

export interface TripFormPayload {
  roster: RosterEntry[];
  kinds: { code: ContentKind; label: string }[];
  statuses: { code: TripStatus; label: string }[];
  levels: string[];
  year: number;
  today: string;
  /** The resolved policy: the page runs checkTripInput with it, as the server does. */
  policy: Policy;
  /** The roster tab's name as the spreadsheet has it, for the page's messages. */
  rosterTab: string;
  warnings: string[];
}

export function getTripForm(ctx: ServerContext): TripFormPayload {
  const { analysis, warnings } = analyzeContext(ctx);
  return {
    roster: rosterEntries(analysis.roster.cadres),
    kinds: kindOptions(analysis.policy),
    statuses: TRIP_STATUSES.filter((s) => s !== 'cancelled').map((code) => ({ code, label: TRIP_STATUS_LABELS[code] })),
    levels: [...analysis.policy.levels],
    year: analysis.year,
    today: analysis.today,
    rosterTab: analysis.tabs.roster,
    policy: analysis.policy,
    warnings,
  };
}

function rosterEntries(cadres: readonly Cadre[]): RosterEntry[] {
  return cadres.filter((c) => c.name !== '' && c.ban !== '').map((c) => ({ name: c.name, ban: c.ban, group: c.group }));
}

/** The save call's input: the form's fields, and `force` once the person has seen the conflicts and chose "Vẫn lưu". */
export const SaveTripSchema = lazy(() =>
  z.pipe(
    z.transform((v: z.input<typeof TripDraftFields> & { force?: unknown }) => (typeof v === 'object' && v !== null ? v : {})),
    z.object({ ...TripDraftFields.shape, force: z._default(z.boolean({ message: pageTexts.badSwitch }), false) }),
  ),
);
export type SaveTripInput = z.input<typeof SaveTripSchema>;

/** A trip of the same cadre already on the trips tab that the new one repeats or overlaps. */
export interface TripConflict {
  row: number;
  /** The content as the preset shows it: "3.1. Theo chuyên đề". */
  kind: string;
  from: string;
  to: string;
  status: string;
  /** The same window and content: the checker would flag it as a duplicate row. */
  duplicate: boolean;
}

export type SaveTripResult =
  | {
      ok: true;
      tab: string;
      row: number;
      /** The row exactly as written (dates as { date }), for "Hoàn tác": undoTrip removes the row only while it reads so. */
      written: WriteCell[];
      progress: ProgressEntry | null;
    }
  | { ok: false; errors: Partial<Record<TripField, string>>; conflicts: TripConflict[] };

/**
 * Checks the trip again with the page's own function, then appends it in one write onto the trips tab, in that
 * tab's column order. Nothing is written when any field is wrong, nor, unless `force`, when the cadre already has a
 * trip it repeats or overlaps (the person sees those rows and chooses).
 */
export function saveTrip(ctx: ServerContext, input: z.output<typeof SaveTripSchema>): SaveTripResult {
  const { force, ...draft } = input;
  const source = new RememberedReads(ctx.workbook);
  const { analysis, stored } = analyzeContext(ctx, { source });
  const roster = rosterEntries(analysis.roster.cadres);
  if (draft.ban === '') {
    const namesakes = roster.filter((r) => nameKey(r.name) === nameKey(draft.name));
    if (namesakes.length > 1)
      return {
        ok: false,
        errors: {
          name: messages.ambiguousCadre(
            draft.name,
            namesakes.map((r) => r.ban),
          ),
        },
        conflicts: [],
      };
  }
  const check = checkTripInput(draft, roster, analysis.policy, analysis.year);
  const trip = check.trip;
  if (!trip) return { ok: false, errors: check.errors, conflicts: [] };

  const cadre = analysis.roster.cadres.find((c) => nameKey(c.name) === nameKey(trip.name) && (trip.ban === '' || banKey(c.ban) === banKey(trip.ban)))!;
  const table = analysis.trips.table;
  if (!table) throw new UserError(pageTexts.noTripsTable);
  if (!force) {
    const window = { from: trip.from as CalendarDate, to: trip.to as CalendarDate, kind: trip.kind };
    const conflicts = analysis.trips.trips
      .filter((t) => t.cadre === cadre.index && t.status !== 'cancelled' && tripsOverlap(t, window))
      .map<TripConflict>((t) => ({
        row: t.row,
        kind: contentKindCaption(t.kind, analysis.policy),
        from: t.from,
        to: t.to,
        status: TRIP_STATUS_LABELS[t.status],
        duplicate: isDuplicateTrip(t, window),
      }));
    if (conflicts.length > 0) return { ok: false, errors: {}, conflicts };
  }
  const cells: Partial<Record<string, WriteCell>> = {
    stt: nextStt(analysis),
    name: cadre.name,
    ban: cadre.ban,
    kind: contentKindCaption(trip.kind, analysis.policy),
    detail: trip.detail,
    days: trip.days === '' ? '' : Number(trip.days),
    from: { date: trip.from as CalendarDate },
    to: { date: trip.to as CalendarDate },
    place: trip.place,
    level: trip.level,
    status: TRIP_STATUS_LABELS[trip.status],
  };
  const columns = table.header.columns as Partial<Record<string, number>>;
  const width = maxOf(Object.keys(cells).map((key) => columns[key] ?? -1)) + 1;
  const row: WriteCell[] = Array.from({ length: width }, () => '');
  for (const [key, value] of Object.entries(cells)) {
    const c = columns[key];
    if (c !== undefined && value !== undefined) row[c] = value;
  }
  const written = ctx.workbook.appendRows(analysis.tabs.trips, [row]);
  // The card after the save, from the reads already made and the row just written: nothing is read again.
  source.appended(analysis.tabs.trips, written, row);
  const after = analyzeContext(ctx, { source, stored }).analysis;
  return { ok: true, tab: analysis.tabs.trips, row: written, written: row, progress: progressEntryOf(after, cadre.index) };
}

function tripsTabOf(ctx: ServerContext): string {
  const tab = findTab(ctx.workbook.tabNames(), 'trips');
  if (!tab) throw new UserError(messages.missingTab('trips', [TAB_NAMES.trips]));
  return tab;
}

const rowNumber = lazy(() => z.number({ message: pageTexts.badRows }).check(z.int({ message: pageTexts.badRows }), z.gte(1, { message: pageTexts.badRows })));

export const OpenTripRowSchema = lazy(() => z.object({ row: rowNumber }));

/** "Mở dòng N": selects the row just saved on the trips tab (Sheets only; the preview records the call). */
export function openTripRow(ctx: PageContext, input: z.output<typeof OpenTripRowSchema>): { tab: string; row: number } {
  const tab = tripsTabOf(ctx);
  if (ctx.host.selectRows(tab, [input.row]) === 0) throw new UserError(pageTexts.rowGone(input.row, tab));
  return { tab, row: input.row };
}

/** The row as saveTrip answered it; any other value simply fails the comparison, so nothing is emptied. */
export const UndoTripSchema = lazy(() => z.object({ row: rowNumber, written: z.array(z.unknown()).check(z.maxLength(200, { message: pageTexts.badRows })) }));

/**
 * "Hoàn tác": empties the row saveTrip wrote, only while it still reads exactly as written (our status column and our
 * notes aside) and carries no note of a person's: a row someone changed, or another trip that has moved into that
 * row, is never touched. The row is emptied, not deleted, so no other row moves (workbook.clearRow).
 */
export function undoTrip(ctx: ServerContext, input: z.output<typeof UndoTripSchema>): { tab: string; row: number } {
  const tab = tripsTabOf(ctx);
  const data = ctx.workbook.readTab(tab, { notes: true });
  const cells = data ? userView(data)[input.row - 1] : undefined;
  const notes = data?.notes?.[input.row - 1] ?? [];
  const unchanged =
    cells !== undefined &&
    readsAsWritten(cells, input.written as WriteCell[], ctx.workbook.dateTimeZone) &&
    notes.every((note) => userPartOf(note ?? '') === '');
  if (!unchanged) throw new UserError(pageTexts.undoChanged(input.row, tab));
  ctx.workbook.clearRow(tab, input.row);
  return { tab, row: input.row };
}

/** Whether a row reads as the cells written into it: every written cell the same, every other cell blank. */
function readsAsWritten(cells: readonly RawCell[], written: readonly WriteCell[], timeZone: string): boolean {
  const width = Math.max(cells.length, written.length);
  for (let c = 0; c < width; c++) {
    const expected = written[c] ?? '';
    const actual = cells[c] ?? '';
    if (expected !== null && typeof expected === 'object') {
      if (!(actual instanceof Date) || calendarDateOfInstant(actual, timeZone) !== (expected as { date?: unknown }).date) return false;
    } else if (expected === '' || expected === null) {
      if (actual !== '' && actual !== null) return false;
    } else if (actual !== expected) return false;
  }
  return true;
}

/** The next STT: one more than the largest number in the column (0 when there is none). */
function nextStt(analysis: Analysis): number | '' {
  const table = analysis.trips.table;
  const c = table?.header.columns.stt;
  if (!table || c === undefined) return '';
  let max = 0;
  for (let i = table.firstDataIndex; i < analysis.raw.trips.values.length; i++) {
    const v = analysis.raw.trips.values[i]?.[c];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isFinite(n) && n > max) max = n;
  }
  return max + 1;
}

export const tripFormFunctions = {
  getTripForm: serverFunction({ action: PAGE_ACTIONS.tripForm, input: NoInput, writes: false, run: getTripForm }),
  saveTrip: serverFunction({ action: PAGE_ACTIONS.tripForm, input: SaveTripSchema, writes: true, run: saveTrip }),
  openTripRow: serverFunction({ action: PAGE_ACTIONS.tripForm, input: OpenTripRowSchema, writes: false, run: openTripRow }),
  undoTrip: serverFunction({ action: PAGE_ACTIONS.tripForm, input: UndoTripSchema, writes: true, run: undoTrip }),
};
