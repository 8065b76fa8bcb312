/**
 * Wall-clock arithmetic in IANA zones (via Intl), Java SimpleDateFormat patterns for Utilities.formatDate, and the
 * Sheets serial-number epoch. No dependency on the host's zone: tests run the same in Hà Nội and in CI.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall time of an instant in a zone. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Offset of the zone at an instant, in ms (local − UTC). */
export function zoneOffset(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - ms;
}

/** The instant at which the zone's clocks show this wall time (the earlier one in a DST overlap). */
export function instantOf(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = asUtc - zoneOffset(asUtc, timeZone);
  guess = asUtc - zoneOffset(guess, timeZone);
  return guess;
}

const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XXX' | 'z'): string {
  const minutes = Math.round(offsetMs / 60000);
  if (style === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'XXX') return minutes === 0 ? 'Z' : `${sign}${h}:${m}`;
  if (style === 'z') return `GMT${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

/**
 * Java SimpleDateFormat, the subset scripts use: y M d E H h k K m s S a Z X z, quoted literals ('' is a quote).
 * Throws like Java for letters it does not know (Utilities.formatDate rejects them too).
 */
export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated quote in pattern "${pattern}"`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS_LONG[w.month - 1] : n === 3 ? MONTHS_LONG[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS_LONG[w.weekday] : DAYS_LONG[w.weekday]!.slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(zoneOffset(ms, timeZone), 'Z');
        break;
      case 'X':
        out += offsetText(zoneOffset(ms, timeZone), n >= 3 ? 'XXX' : 'X');
        break;
      case 'z':
        out += offsetText(zoneOffset(ms, timeZone), 'z');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Sheets serial numbers count days from 30 Dec 1899 in the spreadsheet's zone. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function dateToSerial(ms: number, timeZone: string): number {
  return (ms + zoneOffset(ms, timeZone) - SERIAL_EPOCH_UTC) / 86_400_000;
}

export function serialToDate(serial: number, timeZone: string): number {
  const wallUtc = SERIAL_EPOCH_UTC + Math.round(serial * 86_400_000);
  const d = new Date(wallUtc);
  return instantOf(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

export function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
