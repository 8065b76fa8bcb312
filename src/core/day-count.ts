import { dayNumber, daysInclusive, maxDate, minDate, type CalendarDate } from './calendar-date';
import type { Period } from './model';

/** The part of a trip that counts: its window clipped to the period, and its declared days clipped to that. */
export interface CountedWindow {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
}

export interface DatedTrip {
  from: CalendarDate;
  to: CalendarDate;
  declaredDays: number | null;
}

/** Null when the trip lies wholly outside the period. */
export function countedWindow(trip: DatedTrip, period: Period): CountedWindow | null {
  const from = maxDate(trip.from, period.start);
  const to = minDate(trip.to, period.end);
  if (to < from) return null;
  const window = daysInclusive(from, to);
  return { from, to, days: Math.min(trip.declaredDays ?? daysInclusive(trip.from, trip.to), window) };
}

/**
 * Counted days of a set of trips (DOMAIN "Counting days"): the smaller of the sum of declared days and the number of
 * distinct calendar days covered, so overlapping trips are not counted twice and declared days never exceed the
 * time actually spent away.
 */
export function countedDays(windows: readonly CountedWindow[]): number {
  if (windows.length === 0) return 0;
  let declared = 0;
  for (const w of windows) declared += w.days;
  return Math.min(declared, unionLength(windows));
}

/** Number of distinct calendar days in the union of the windows. */
export function unionLength(windows: readonly { from: CalendarDate; to: CalendarDate }[]): number {
  if (windows.length === 0) return 0;
  const spans = windows.map((w) => [dayNumber(w.from), dayNumber(w.to)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = spans[0]![0];
  let end = spans[0]![1];
  for (const [s, e] of spans) {
    if (s > end) {
      total += end - start + 1;
      start = s;
      end = e;
    } else if (e > end) end = e;
  }
  return total + end - start + 1;
}
