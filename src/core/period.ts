import { addDays, calendarDate, dayNumber, daysInclusive, quarterBounds, type CalendarDate, type Quarter } from './calendar-date';
import type { Period } from './model';
import type { Deadline, Policy } from './policy';

export function periodOf(policy: Policy, year: number): Period {
  return { start: monthDayIn(year, policy.period.start), end: monthDayIn(year, policy.period.end) };
}

export function periodLength(period: Period): number {
  return daysInclusive(period.start, period.end);
}

/** `MM-DD` in a year; 29 February falls back to the 28th in a common year. */
export function monthDayIn(year: number, monthDay: string): CalendarDate {
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  return calendarDate(year, month, day) ?? calendarDate(year, month, day - 1)!;
}

/** Every date a deadline falls on in a policy year (one for yearly deadlines, four for quarterly ones). */
export function deadlineDates(deadline: Deadline, year: number): { date: CalendarDate; quarter: Quarter | null }[] {
  const fixed = deadline.byYear[String(year)];
  if (fixed) return [{ date: fixed as CalendarDate, quarter: null }];
  const when = deadline.when;
  if (when.type === 'yearly') return [{ date: monthDayIn(year + when.yearOffset, when.monthDay), quarter: null }];
  return ([1, 2, 3, 4] as const).map((quarter) => ({ date: quarterDay(year, quarter, when.monthOfQuarter, when.day), quarter }));
}

export function quarterDay(year: number, quarter: Quarter, monthOfQuarter: 1 | 3, day: number | 'last'): CalendarDate {
  const bounds = quarterBounds(year, quarter);
  if (monthOfQuarter === 3 && day === 'last') return bounds.end;
  const month = (quarter - 1) * 3 + monthOfQuarter;
  if (day === 'last') return addDays(calendarDate(year, month + 1, 1)!, -1);
  return calendarDate(year, month, day) ?? addDays(calendarDate(year, month + 1, 1)!, -1);
}

/** The quarterly summary (mẫu 3) due date of a quarter. */
export function quarterlyReportDate(policy: Policy, year: number, quarter: Quarter): CalendarDate {
  return quarterDay(year, quarter, 3, policy.quarterlyReportDay);
}

/**
 * The registration deadline that applies to a trip starting on `start`: among registration deadlines whose
 * coverage includes it, the personal form's (mẫu 1) when there is one, else the earliest. Null when none applies.
 */
export function registrationDeadlineFor(policy: Policy, year: number, start: CalendarDate): CalendarDate | null {
  const candidates: { date: CalendarDate; personal: boolean }[] = [];
  for (const deadline of policy.deadlines) {
    if (deadline.kind !== 'registration') continue;
    if (deadline.covers) {
      if (start < monthDayIn(year, deadline.covers.start) || start > monthDayIn(year, deadline.covers.end)) continue;
    }
    for (const { date, quarter } of deadlineDates(deadline, year)) {
      if (quarter !== null) {
        const bounds = quarterBounds(year, quarter);
        if (start < bounds.start || start > bounds.end) continue;
      }
      candidates.push({ date, personal: deadline.form === 'mau1' });
    }
  }
  const pool = candidates.some((c) => c.personal) ? candidates.filter((c) => c.personal) : candidates;
  if (pool.length === 0) return null;
  return pool.reduce((a, b) => (dayNumber(b.date) < dayNumber(a.date) ? b : a)).date;
}
