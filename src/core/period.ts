import { addDays, calendarDate, dayNumber, daysInclusive, quarterBounds, type CalendarDate, type Quarter } from './calendar-date';
import type { Period } from './model';
import { summaryDayOf, type Deadline, type Policy } from './policy';

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

export interface DeadlineDay {
  /** The date the document writes ("trước ngày 20/12", "trước ngày mùng 5"). */
  date: CalendarDate;
  /** The last day on time: the date itself, or the day before where the document says "before" it (Hà Nam). */
  lastDay: CalendarDate;
  quarter: Quarter | null;
}

/**
 * Every date a deadline falls on in a policy year (one for yearly deadlines, four for quarterly ones); none in a year
 * the document sets apart with no date (Kiên Giang 2023's Đợt 1 approval).
 */
export function deadlineDates(deadline: Deadline, year: number): DeadlineDay[] {
  const day = (date: CalendarDate, quarter: Quarter | null): DeadlineDay => ({ date, lastDay: deadline.before ? addDays(date, -1) : date, quarter });
  const key = String(year);
  if (key in deadline.byYear) {
    const fixed = deadline.byYear[key];
    return fixed ? [day(fixed as CalendarDate, null)] : [];
  }
  const when = deadline.when;
  if (when.type === 'yearly') return [day(monthDayIn(year + when.yearOffset, when.monthDay), null)];
  return ([1, 2, 3, 4] as const).map((quarter) => day(quarterDay(year, quarter, when.monthOfQuarter, when.day), quarter));
}

export function quarterDay(year: number, quarter: Quarter, monthOfQuarter: 1 | 3, day: number | 'last'): CalendarDate {
  const bounds = quarterBounds(year, quarter);
  if (monthOfQuarter === 3 && day === 'last') return bounds.end;
  const month = (quarter - 1) * 3 + monthOfQuarter;
  if (day === 'last') return addDays(calendarDate(year, month + 1, 1)!, -1);
  return calendarDate(year, month, day) ?? addDays(calendarDate(year, month + 1, 1)!, -1);
}

/** The day the quarterly summary email goes for a quarter (policy.ts summaryDayOf: never a deadline the document lacks). */
export function quarterlySummaryDate(policy: Policy, year: number, quarter: Quarter): CalendarDate {
  return quarterDay(year, quarter, 3, summaryDayOf(policy));
}

/** The trips a deadline is about: its `covers`, else its quarter, else the whole period. */
export function deadlineCoverage(deadline: Deadline, year: number, quarter: Quarter | null, period: Period): Period {
  if (deadline.covers) return { start: monthDayIn(year, deadline.covers.start), end: monthDayIn(year, deadline.covers.end) };
  if (quarter !== null) return quarterBounds(year, quarter);
  return period;
}

/**
 * The registration deadline that applies to a trip starting on `start`: among registration deadlines whose
 * coverage includes it, the personal form's (mẫu 1) when there is one, else the earliest. Null when none applies.
 * The date returned is the last day on time.
 */
export function registrationDeadlineFor(policy: Policy, year: number, start: CalendarDate): CalendarDate | null {
  const candidates: { date: CalendarDate; personal: boolean }[] = [];
  for (const deadline of policy.deadlines) {
    if (deadline.kind !== 'registration') continue;
    if (deadline.covers) {
      if (start < monthDayIn(year, deadline.covers.start) || start > monthDayIn(year, deadline.covers.end)) continue;
    }
    for (const { lastDay, quarter } of deadlineDates(deadline, year)) {
      if (quarter !== null) {
        const bounds = quarterBounds(year, quarter);
        if (start < bounds.start || start > bounds.end) continue;
      }
      candidates.push({ date: lastDay, personal: deadline.form === 'mau1' });
    }
  }
  const pool = candidates.some((c) => c.personal) ? candidates.filter((c) => c.personal) : candidates;
  if (pool.length === 0) return null;
  return pool.reduce((a, b) => (dayNumber(b.date) < dayNumber(a.date) ? b : a)).date;
}

/** The document's own quarterly report of a quarter (Tây Ninh's mẫu 3, Hà Nam's báo cáo thu hoạch), or null (Kiên Giang). */
export function documentQuarterlyReport(policy: Policy, year: number, quarter: Quarter): { label: string; date: CalendarDate; form: Deadline['form'] } | null {
  for (const deadline of policy.deadlines) {
    if (deadline.kind !== 'report' || deadline.when.type !== 'quarterly') continue;
    const day = deadlineDates(deadline, year).find((d) => d.quarter === quarter);
    if (day) return { label: deadline.label, date: day.lastDay, form: deadline.form };
  }
  return null;
}
