import type { Period, Trip } from './model';

export interface YearElsewhere {
  /** The year most of the sheet's trips fall in. */
  year: number;
  /** Trips outside the period checked, and all trips (cancelled ones left out). */
  outside: number;
  total: number;
}

/**
 * When most of a sheet's trips lie outside the period checked, the year they lie in: a 2023 sheet checked in January
 * 2024 without a Năm in its Cài đặt tab is checked as 2024, and its trips would each get a warning while every cadre
 * shows 0 days. Null when most trips are inside the period.
 */
export function tripsYearElsewhere(trips: readonly Trip[], period: Period): YearElsewhere | null {
  const live = trips.filter((t) => t.status !== 'cancelled');
  const byYear = new Map<number, number>();
  let outside = 0;
  for (const t of live) {
    if (t.to >= period.start && t.from <= period.end) continue;
    outside++;
    const year = Number(t.from.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
  }
  if (outside * 2 <= live.length) return null;
  const [year] = [...byYear].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  return { year, outside, total: live.length };
}
