import { memoize } from './memo';

/**
 * A calendar date with no time and no zone, carried as its ISO text `YYYY-MM-DD`.
 *
 * Trips are counted in whole calendar days in Asia/Ho_Chi_Minh. Carrying a JS `Date` around invites the classic
 * off-by-one (a midnight in UTC+7 is the previous day in UTC), so core never does: a `Date` is turned into a
 * `CalendarDate` once, at the edge, with the zone it was read in (see date-parse.ts). ISO text also crosses
 * `google.script.run` and JSON unchanged, and sorts correctly as a string.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date, or null when it does not exist (31/02, month 13, year outside 1900–9999). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as CalendarDate;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** Days since 1970-01-01: the form used for arithmetic and for day sets. */
export const dayNumber: (date: CalendarDate) => number = memoize((date: CalendarDate) => {
  const { year, month, day } = dateParts(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
});

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Length of the inclusive window from–to in days (1 when from = to; ≤ 0 when to is before from). */
export function daysInclusive(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: CalendarDate): Quarter {
  return (Math.floor((dateParts(date).month - 1) / 3) + 1) as Quarter;
}

export function quarterBounds(year: number, quarter: Quarter): { start: CalendarDate; end: CalendarDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    start: calendarDate(year, firstMonth, 1)!,
    end: calendarDate(year, lastMonth, daysInMonth(year, lastMonth))!,
  };
}

/** `05/06/2023`: Vietnamese day-first order, as the forms print it. */
export function formatDayFirst(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** `Từ ngày 01/06/2023 đến ngày 15/06/2023`: the "Thời gian cụ thể" cell of mẫu 2 and mẫu 3. */
export function formatTripWindow(from: CalendarDate, to: CalendarDate): string {
  return `Từ ngày ${formatDayFirst(from)} đến ngày ${formatDayFirst(to)}`;
}

/** Spreadsheet serial number (days since 1899-12-30, as Sheets and Excel count) of a date. */
export function toSerial(date: CalendarDate): number {
  return dayNumber(date) + SERIAL_EPOCH_OFFSET;
}

export function fromSerial(serial: number): CalendarDate {
  return fromDayNumber(Math.floor(serial) - SERIAL_EPOCH_OFFSET);
}

/** 1970-01-01 is serial 25569 in the 1899-12-30 system used by Sheets (and by Excel after 1 March 1900). */
export const SERIAL_EPOCH_OFFSET = 25_569;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
