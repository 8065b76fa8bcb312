/**
 * Reading dates from cells: spreadsheet dates, serial numbers and text typed in Vietnamese day-first order.
 *
 * Everything ends as a CalendarDate. Text is always read day/month/year, as Vietnamese write it ("5/6/2023" is
 * 5 June); month-first is never guessed, because a wrong guess silently moves a trip by months.
 */
import { memoize } from './memo';
import { calendarDate, dateParts, fromSerial, toSerial, type CalendarDate } from './calendar-date';
import { foldKey } from './text';

export type DateParse = { ok: true; date: CalendarDate } | { ok: false; reason: DateRejection };

export type RangeParse = { ok: true; from: CalendarDate; to: CalendarDate } | { ok: false; reason: DateRejection };

/** 'empty': nothing typed; 'invalid': not a date at all; 'impossible': shaped like a date that does not exist (31/02/2023, 13/13/2023). */
export type DateRejection = 'empty' | 'invalid' | 'impossible';

export interface DateCellOptions {
  /** The zone a `Date` value was read in: the spreadsheet's zone for Sheets, 'UTC' for exceljs. */
  timeZone: string;
  /** The year given to text such as `5/6` that has none. Without it, such text is invalid. */
  defaultYear?: number;
}

const EMPTY: DateParse & RangeParse = { ok: false, reason: 'empty' };
const INVALID: DateParse & RangeParse = { ok: false, reason: 'invalid' };
const IMPOSSIBLE: DateParse & RangeParse = { ok: false, reason: 'impossible' };

const FIRST_SERIAL = toSerial(calendarDate(1900, 1, 1)!);
const LAST_SERIAL = toSerial(calendarDate(9999, 12, 31)!);

/** The date in a cell value as a spreadsheet library returns it: a `Date`, a serial number, text, or nothing. */
export function parseDateCell(value: unknown, options: DateCellOptions): DateParse {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return parseDayFirstDate(value, options.defaultYear);
  if (typeof value === 'number') return dateOfSerial(value);
  if (value instanceof Date) {
    const date = calendarDateOrNullOfInstant(value, options.timeZone);
    return date === null ? INVALID : { ok: true, date };
  }
  return INVALID;
}

/** Serial numbers count days since 1899-12-30; a fraction is the time of day and does not change the date. */
function dateOfSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < FIRST_SERIAL || serial >= LAST_SERIAL + 1) return INVALID;
  return { ok: true, date: fromSerial(serial) };
}

/**
 * The calendar date of an instant as seen in `timeZone` (an IANA name such as 'Asia/Ho_Chi_Minh').
 * Throws a RangeError for an invalid Date, a date outside the years 1900–9999, or an unknown zone.
 */
export function calendarDateOfInstant(date: Date, timeZone: string): CalendarDate {
  const result = calendarDateOrNullOfInstant(date, timeZone);
  if (result === null) throw new RangeError(`No calendar date for ${String(date)} in ${timeZone}`);
  return result;
}

/** The project's one time zone: dates are calendar dates in Vietnam (1+2 DOMAIN "Counting days"). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Today in Vietnam at the instant `now`, which the edge reads from its clock (core never reads a clock). */
export function todayInVietnam(now: Date): CalendarDate {
  return calendarDateOfInstant(now, VIETNAM_TIME_ZONE);
}

function calendarDateOrNullOfInstant(date: Date, timeZone: string): CalendarDate | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  if (timeZone === 'UTC') return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return zonedDateOf(timeZone)(time);
}

const zonedDateOfByZone = new Map<string, (time: number) => CalendarDate | null>();

/** Per zone, a memoized instant → calendar date: sheets hold the same few hundred dates many times over. */
function zonedDateOf(timeZone: string): (time: number) => CalendarDate | null {
  let fn = zonedDateOfByZone.get(timeZone);
  if (!fn) {
    fn = memoize((time: number) => zonedCalendarDate(new Date(time), timeZone));
    zonedDateOfByZone.set(timeZone, fn);
  }
  return fn;
}

function zonedCalendarDate(date: Date, timeZone: string): CalendarDate | null {
  let year = NaN;
  let month = NaN;
  let day = NaN;
  for (const part of dayFormatter(timeZone).formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return calendarDate(year, month, day);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one; a sheet has thousands of date cells.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Day, month and year as written; a missing part is left out (`5/6` has no year, the `1` of `1–5/6/2023` has only a day). */
interface DateParts {
  day: number;
  month?: number;
  year?: number;
}

const DATE_PATTERNS: readonly { pattern: RegExp; parts: (m: RegExpExecArray) => DateParts }[] = [
  // 2023-06-05: ISO, year first; unambiguous because the year has four digits.
  {
    pattern: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/,
    parts: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  // 5/6/2023, 05.06.23, 5 / 6, 5/6
  {
    pattern: /^(\d{1,2})\s*([/.])\s*(\d{1,2})(?:\s*\2\s*(\d{4}|\d{2}))?$/,
    parts: (m) => withYear({ day: Number(m[1]), month: Number(m[3]) }, m[4]),
  },
  // 5-6-2023, 5-6. No spaces here: a '-' with a space beside it separates the two dates of a range.
  {
    pattern: /^(\d{1,2})-(\d{1,2})(?:-(\d{4}|\d{2}))?$/,
    parts: (m) => withYear({ day: Number(m[1]), month: Number(m[2]) }, m[3]),
  },
  // ngày 5 tháng 6 năm 2023, 5 tháng 6, ngày 5 tháng 6/2023
  {
    pattern: /^(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*,?\s*(?:nam|[/.])\s*(\d{4}|\d{2}))?$/,
    parts: (m) => withYear({ day: Number(m[1]), month: Number(m[2]) }, m[3]),
  },
];
const DAY_ONLY = /^(\d{1,2})$/;
const LEADING_NGAY = /^ngay\s*/;

function withYear(parts: DateParts, yearText: string | undefined): DateParts {
  return yearText === undefined ? parts : { ...parts, year: fullYear(yearText) };
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** The parts of one date typed as text, already folded by foldKey; null when it is not shaped like a date. */
function datePartsOfFolded(folded: string, allowDayOnly: boolean): DateParts | null {
  const text = folded.replace(LEADING_NGAY, '');
  for (const { pattern, parts } of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m !== null) return parts(m);
  }
  const dayOnly = allowDayOnly ? DAY_ONLY.exec(text) : null;
  return dayOnly === null ? null : { day: Number(dayOnly[1]) };
}

function resolveParts(day: number, month: number, year: number): DateParse {
  const date = calendarDate(year, month, day);
  return date === null ? IMPOSSIBLE : { ok: true, date };
}

function resolveWithDefaultYear(parts: DateParts, defaultYear: number | undefined): DateParse {
  const year = parts.year ?? defaultYear;
  if (parts.month === undefined || year === undefined) return INVALID;
  return resolveParts(parts.day, parts.month, year);
}

/**
 * A date typed in Vietnamese day-first order: `5/6/2023`, `05/06/2023`, `5-6-2023`, `5.6.2023`, `5/6/23`,
 * `2023-06-05`, `ngày 5 tháng 6 năm 2023` (accents optional), or `5/6` when `defaultYear` is given.
 */
export function parseDayFirstDate(text: string, defaultYear?: number): DateParse {
  return parseDayFirstDateMemo(`${defaultYear ?? ''}|${text}`);
}

/** Sheets repeat the same typed dates many times: parse each distinct (default year, text) once. */
const parseDayFirstDateMemo = memoize((key: string): DateParse => {
  const bar = key.indexOf('|');
  const defaultYear = bar === 0 ? undefined : Number(key.slice(0, bar));
  return parseDayFirstDateUncached(key.slice(bar + 1), defaultYear);
});

function parseDayFirstDateUncached(text: string, defaultYear?: number): DateParse {
  const folded = foldKey(text);
  if (folded === '') return EMPTY;
  const parts = datePartsOfFolded(folded, false);
  return parts === null ? INVALID : resolveWithDefaultYear(parts, defaultYear);
}

const LEADING_TU = /^tu\b(?:\s*ngay\b)?\s*:?\s*/;
// A range separator that cannot be part of a date: a dash other than '-', '~', 'đến', or a '-' with a space beside it.
// A run of them ('– đến') counts as one.
// 'tới' and an arrow read as 'đến'; a 'ngày' after the separator ('đến ngày 05/4') belongs to it.
const SEPARATOR = String.raw`(?:->|[\u2012-\u2015\u2212~\u2192]|\bden\b|\btoi\b|(?<=\s)-|-(?=\s))`;
const RANGE_SEPARATOR = new RegExp(String.raw`\s*${SEPARATOR}(?:\s*${SEPARATOR})*(?:\s*ngay\b)?\s*:?\s*`, 'g');

/** Whether a folded text holds a range separator ('–', 'đến', ' - ' …), i.e. names an end, typed right or not. */
export function hasRangeSeparator(folded: string): boolean {
  return new RegExp(RANGE_SEPARATOR.source).test(folded);
}

/**
 * A window typed in one cell: `Từ ngày 01/6/2023 đến ngày 15/6/2023`, `01/6 – 15/6/2023`, `1–5/6/2023`,
 * `01/06/2023-15/06/2023`, `5-6-2023 - 10-6-2023`. The first side may leave out what the second side says
 * (`01/6 - 15/6/2023`: the year; `1–5/6/2023`: month and year). A single date is a one-day window.
 * The order of the two dates is not checked.
 */
export function parseDateRange(text: string, defaultYear?: number): RangeParse {
  const folded = foldKey(text).replace(LEADING_TU, '');
  if (folded === '') return EMPTY;
  const separators = [...folded.matchAll(RANGE_SEPARATOR)];
  if (separators.length > 1) return INVALID;
  const separator = separators[0];
  if (separator !== undefined) {
    const start = separator.index;
    return rangeOfSides(folded.slice(0, start), folded.slice(start + separator[0].length), defaultYear);
  }
  return rangeSplitAtBareHyphen(folded, defaultYear) ?? singleDayRange(folded, defaultYear);
}

/** `01/06/2023-15/06/2023`: the one split at a '-' that leaves a date on each side, or null when none or several do. */
function rangeSplitAtBareHyphen(folded: string, defaultYear: number | undefined): RangeParse | null {
  let found: RangeParse | null = null;
  let sawImpossible = false;
  for (let i = folded.indexOf('-'); i >= 0; i = folded.indexOf('-', i + 1)) {
    const range = rangeOfSides(folded.slice(0, i), folded.slice(i + 1), defaultYear);
    if (range.ok) {
      if (found !== null) return INVALID;
      found = range;
    } else if (range.reason === 'impossible') {
      sawImpossible = true;
    }
  }
  return found ?? (sawImpossible ? IMPOSSIBLE : null);
}

function singleDayRange(folded: string, defaultYear: number | undefined): RangeParse {
  const parts = datePartsOfFolded(folded, false);
  if (parts === null) return INVALID;
  const single = resolveWithDefaultYear(parts, defaultYear);
  return single.ok ? { ok: true, from: single.date, to: single.date } : single;
}

function rangeOfSides(fromText: string, toText: string, defaultYear: number | undefined): RangeParse {
  const fromParts = datePartsOfFolded(fromText.trim(), true);
  const toParts = datePartsOfFolded(toText.trim(), false);
  if (fromParts === null || toParts === null) return INVALID;
  const to = resolveWithDefaultYear(toParts, defaultYear);
  if (!to.ok) return to;
  const from = resolveFromSide(fromParts, to.date);
  return from.ok ? { ok: true, from: from.date, to: to.date } : from;
}

/**
 * The first date of a window, borrowing from the second what it leaves out. `25/12 – 05/01/2024` is read as
 * 25/12/2024 (after its end, which validation reports) rather than guessed into 2023: the same rule would turn a
 * swapped `20/7 – 10/6/2023` into an eleven-month window without anyone noticing.
 */
function resolveFromSide(parts: DateParts, to: CalendarDate): DateParse {
  const toParts = dateParts(to);
  return resolveParts(parts.day, parts.month ?? toParts.month, parts.year ?? toParts.year);
}
