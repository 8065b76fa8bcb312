import { daysInclusive } from '../calendar-date';
import { COLORS } from '../colors';
import type { GridValue } from '../grid';
import type { Cadre, Trip } from '../model';
import { banKey } from '../names';
import type { FormContext } from './frame';
import type { LayoutBuilder } from './layout-builder';

/** Trips of the form's ban (or all), grouped by ban then by cadre, in the order the roster lists them. */
export function groupTrips(trips: readonly Trip[], cadres: readonly Cadre[], ban: string | null): { ban: string; cadres: { cadre: Cadre; trips: Trip[] }[] }[] {
  const wanted = ban === null ? null : banKey(ban);
  const byCadre = new Map<number, Trip[]>();
  for (const trip of trips) {
    const cadre = cadres[trip.cadre];
    if (!cadre || (wanted !== null && banKey(cadre.ban) !== wanted)) continue;
    const list = byCadre.get(trip.cadre) ?? [];
    list.push(trip);
    byCadre.set(trip.cadre, list);
  }
  const groups = new Map<string, { ban: string; cadres: { cadre: Cadre; trips: Trip[] }[] }>();
  for (const cadre of cadres) {
    const list = byCadre.get(cadre.index);
    if (!list) continue;
    const key = banKey(cadre.ban);
    const group = groups.get(key) ?? { ban: cadre.ban, cadres: [] };
    group.cadres.push({ cadre, trips: list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.row - b.row)) });
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Days a trip lists on a form: declared, or the whole window. */
export function tripDays(trip: Trip): number {
  return trip.declaredDays ?? daysInclusive(trip.from, trip.to);
}

/**
 * The numbered body of mẫu 2 and mẫu 3: one row per trip, the STT and the cadre's name on their first trip only (no
 * merges in the body, so spreadsheet calls do not grow with rows), and a heading row per Ban when the form is for
 * all of them. Returns how many cadres and which trips it listed.
 */
export function addTripRows(
  b: LayoutBuilder,
  ctx: FormContext,
  trips: readonly Trip[],
  cells: (first: { stt: number; cadre: Cadre } | null, trip: Trip) => GridValue[],
): { cadres: number; trips: Trip[] } {
  let stt = 0;
  const listed: Trip[] = [];
  for (const group of groupTrips(trips, ctx.cadres, ctx.ban)) {
    if (ctx.ban === null) {
      const heading = b.row(['', group.ban]);
      b.style({ row: heading, column: 0, rows: 1, columns: b.width }, { bold: true, background: COLORS.subheader });
      // A Ban's heading never ends a page: it prints over its first row.
      b.keepWithPrevious(heading + 1);
    }
    for (const { cadre, trips: list } of group.cadres) {
      stt++;
      list.forEach((trip, i) => {
        listed.push(trip);
        b.row(cells(i === 0 ? { stt, cadre } : null, trip));
      });
    }
  }
  return { cadres: stt, trips: listed };
}
