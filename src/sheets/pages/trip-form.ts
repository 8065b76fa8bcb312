import type { CalendarDate } from '../../core/calendar-date';
import { contentKindCaption } from '../../core/content';
import { messages } from '../../core/messages';
import type { Cadre } from '../../core/model';
import { banKey, nameKey } from '../../core/names';
import type { Policy } from '../../core/policy';
import { checkTripInput, kindOptions, TripDraftSchema, type RosterEntry, type TripDraft, type TripField } from '../../core/trip-input';
import { UserError } from '../../core/user-error';
import { TRIP_STATUSES, TRIP_STATUS_LABELS, type ContentKind, type TripStatus } from '../../core/vocabulary';
import { analyzeContext, type ServerContext } from '../server-context';
import type { WriteCell } from '../workbook';
import type { Analysis } from '../workflow';
import { progressEntryOf, type ProgressEntry } from './progress';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';

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
    policy: analysis.policy,
    warnings,
  };
}

function rosterEntries(cadres: readonly Cadre[]): RosterEntry[] {
  return cadres.filter((c) => c.name !== '' && c.ban !== '').map((c) => ({ name: c.name, ban: c.ban, group: c.group }));
}

export type SaveTripResult =
  | { ok: true; row: number; progress: ProgressEntry | null }
  | { ok: false; errors: Partial<Record<TripField, string>> };

/**
 * Checks the trip again with the page's own function, then appends it in one write onto the trips tab, in that
 * tab's column order. Nothing is written when any field is wrong.
 */
export function saveTrip(ctx: ServerContext, draft: TripDraft): SaveTripResult {
  const { analysis } = analyzeContext(ctx);
  const roster = rosterEntries(analysis.roster.cadres);
  if (draft.ban === '') {
    const namesakes = roster.filter((r) => nameKey(r.name) === nameKey(draft.name));
    if (namesakes.length > 1) return { ok: false, errors: { name: messages.ambiguousCadre(draft.name, namesakes.map((r) => r.ban)) } };
  }
  const check = checkTripInput(draft, roster, analysis.policy, analysis.year);
  const trip = check.trip;
  if (!trip) return { ok: false, errors: check.errors };

  const cadre = analysis.roster.cadres.find((c) => nameKey(c.name) === nameKey(trip.name) && (trip.ban === '' || banKey(c.ban) === banKey(trip.ban)))!;
  const table = analysis.trips.table;
  if (!table) throw new UserError(pageTexts.noTripsTable);
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
  const width = Math.max(...Object.keys(cells).map((key) => columns[key] ?? -1)) + 1;
  const row: WriteCell[] = Array.from({ length: width }, () => '');
  for (const [key, value] of Object.entries(cells)) {
    const c = columns[key];
    if (c !== undefined && value !== undefined) row[c] = value;
  }
  const written = ctx.workbook.appendRows(analysis.tabs.trips, [row]);
  return { ok: true, row: written, progress: progressEntryOf(analyzeContext(ctx).analysis, cadre.index) };
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
  saveTrip: serverFunction({ action: PAGE_ACTIONS.tripForm, input: TripDraftSchema, writes: true, run: saveTrip }),
};
