import { daysInclusive } from '../calendar-date';
import type { Cadre, Trip } from '../model';
import { banKey } from '../names';

/** Trips of the form's ban (or all), grouped by ban then by cadre, in the order the roster lists them. */
export function groupTrips(
  trips: readonly Trip[],
  cadres: readonly Cadre[],
  ban: string | null,
): { ban: string; cadres: { cadre: Cadre; trips: Trip[] }[] }[] {
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
