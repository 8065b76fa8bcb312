import { calendarDateOfInstant, VIETNAM_TIME_ZONE } from '../core/date-parse';
import type { CalendarDate } from '../core/calendar-date';

/**
 * Calendar days without Intl's time-zone data, whose presence in Apps Script's runtime is not documented
 * (Utilities.formatDate is the documented way to see an instant in a zone).
 *
 * Sheets hands out a date cell as the midnight, in the spreadsheet's zone, that starts its day. A midnight is recognised
 * by arithmetic alone: the zone's offset o makes t = day × 24 h − o, so o ≡ −t (mod 24 h), and of the two candidates
 * in the range offsets take (−12 h … +14 h) the one equal to the zone's usual offset (within an hour, for summer time,
 * outside Vietnam) is it. The usual offset is Vietnam's own (UTC+7, without summer time since 13 June 1975: IANA tz
 * database), or for another zone one Utilities.formatDate(…, 'Z') per execution; a value that is no midnight (a date
 * with a time) is placed by that usual offset.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VIETNAM_OFFSET = 7 * HOUR;

/** Today's calendar date in Vietnam, by arithmetic on the instant (core's UTC path: no Intl). */
export function todayInVietnamByOffset(now: Date): CalendarDate {
  return calendarDateOfInstant(new Date(now.getTime() + VIETNAM_OFFSET), 'UTC');
}

export class SheetDates {
  private usual: number | null = null;

  constructor(private readonly zone: () => string) {}

  /** The cell's calendar day, as a Date at that day's UTC midnight (the form the 'UTC' zone reads). */
  utcMidnight(date: Date): Date {
    const t = date.getTime();
    if (Number.isNaN(t)) return date;
    const usual = this.usualOffset(date);
    // Vietnam keeps one offset all year; elsewhere a midnight's may be an hour off the usual one (summer time).
    const slack = this.zone() === VIETNAM_TIME_ZONE ? 0 : HOUR;
    const r = (((-t % DAY) + DAY) % DAY) as number;
    const offset = [r, r - DAY].find((o) => Math.abs(o - usual) <= slack);
    const day = offset === undefined ? Math.floor((t + usual) / DAY) : Math.round((t + offset) / DAY);
    return new Date(day * DAY);
  }

  /** Every Date of the grid as its day's UTC midnight (the grid is changed in place and returned). */
  utcMidnights<T>(values: T[][]): T[][] {
    for (const row of values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (Object.prototype.toString.call(v) === '[object Date]') row[c] = this.utcMidnight(v as unknown as Date) as unknown as T;
      }
    }
    return values;
  }

  private usualOffset(sample: Date): number {
    if (this.usual === null) {
      const zone = this.zone();
      this.usual = zone === VIETNAM_TIME_ZONE ? VIETNAM_OFFSET : offsetOf(Utilities.formatDate(sample, zone, 'Z'));
    }
    return this.usual;
  }
}

/** "+0700", "-0330" (SimpleDateFormat's Z) in ms. */
export function offsetOf(z: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z.trim());
  if (!m) return 0;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === '-' ? -ms : ms;
}
