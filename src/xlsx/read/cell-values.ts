import type { RawCell } from '../../sheets/workbook';

/**
 * A cell's value as Sheets' getValues would give it, from what the cell element holds (ECMA-376 Part 1 §18.3.1.4,
 * ST_CellType §18.18.11): numbers, dates (a number under a date format, or an ISO `t="d"` cell), text (shared,
 * inline, a formula's text result), TRUE/FALSE, and errors as their text. A formula reads as its cached result; one
 * never calculated (no `<v>`) reads as blank.
 */

export interface CellContext {
  sharedStrings: readonly string[];
  /** By style index: shows a date. */
  dateStyle: readonly boolean[];
  date1904: boolean;
}

/** `t` (the cell's type attribute), `s` (its style), its `<v>` text (or inline text for `inlineStr`). */
export function cellValue(type: string | undefined, style: number, text: string | null, context: CellContext): RawCell {
  if (text === null) return '';
  switch (type) {
    case 's': {
      const found = context.sharedStrings[Number.parseInt(text, 10)];
      return found ?? '';
    }
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return Number.parseInt(text, 10) !== 0;
    case 'e':
      return text;
    case 'd':
      return isoInstant(text) ?? text;
    default: {
      if (text === '') return '';
      const n = Number.parseFloat(text);
      if (Number.isNaN(n)) return '';
      return context.dateStyle[style] ? dateOfSerial(n, context.date1904) : n;
    }
  }
}

/** A date serial as the instant it names, in UTC (Excel's dates have no zone); 1904-based when the workbook says so. */
export function dateOfSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The serial of a UTC instant, 1900-based. */
export function serialOfDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}

/**
 * ISO 8601 as a `t="d"` cell holds it (§18.17.4.1): a date, a date and time, or a time of day; no zone means the
 * time as written, which is how dates are held here (as UTC).
 */
export function isoInstant(text: string): Date | null {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const [year, month, day] = m[1] === undefined ? [1899, 12, 30] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let time = Date.UTC(year, month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
  const zone = m[8];
  if (zone && zone !== 'Z') time -= (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}
