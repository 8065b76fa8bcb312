import { dateToSerial, instantOf, isDateObject, serialToDate, wallTime } from './dates';
import type { FakeDataValidation } from './data-validation';

/** A date cell, stored as the instant; every read hands out a fresh Date (Apps Script never shares them). */
export class DateValue {
  constructor(readonly ms: number) {}
}

export type StoredValue = string | number | boolean | DateValue;

export interface BorderEdge {
  color: string;
  style: string;
}

export interface Cell {
  /** '' when empty; for a formula cell, the last computed result ('' unless a test sets one). */
  value: StoredValue;
  /** '=…' or ''. */
  formula: string;
  note: string;
  /** null = no fill (reads as '#ffffff'). */
  background: string | null;
  fontWeight: 'bold' | 'normal';
  fontStyle: 'italic' | 'normal';
  fontColor: string;
  fontSize: number;
  fontFamily: string;
  numberFormat: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrap: boolean;
  validation: FakeDataValidation | null;
  borderTop: BorderEdge | null;
  borderLeft: BorderEdge | null;
  borderBottom: BorderEdge | null;
  borderRight: BorderEdge | null;
}

/** What Sheets reports for a cell nobody formatted. */
export const GENERAL_FORMAT = '0.###############';

export function blankCell(): Cell {
  return {
    value: '',
    formula: '',
    note: '',
    background: null,
    fontWeight: 'normal',
    fontStyle: 'normal',
    fontColor: '#000000',
    fontSize: 10,
    fontFamily: 'Arial',
    numberFormat: GENERAL_FORMAT,
    horizontalAlignment: 'general',
    verticalAlignment: 'bottom',
    wrap: false,
    validation: null,
    borderTop: null,
    borderLeft: null,
    borderBottom: null,
    borderRight: null,
  };
}

export const BLANK: Readonly<Cell> = Object.freeze(blankCell());

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}

// ---------------------------------------------------------------- locales

export interface LocaleRules {
  /** Typed dates: month first (en_US) or day first (vi_VN and most of the world). */
  order: 'MDY' | 'DMY';
  decimal: '.' | ',';
  group: ',' | '.' | ' ';
  /** Display of a date cell whose number format is general (our choice; Sheets picks the locale's short date). */
  dateFormat: string;
  dateTimeFormat: string;
}

const MONTH_FIRST = new Set(['en_US', 'en_PH', 'en_CA', 'es_US', 'fil_PH']);
const DECIMAL_COMMA = /^(vi|fr|de|es|it|pt|ru|id|nl|pl|tr|cs|da|fi|nb|sv|uk|ro|hu|el)(_|$)/;

export function localeRules(locale: string): LocaleRules {
  const monthFirst = MONTH_FIRST.has(locale) || locale === 'en';
  const comma = DECIMAL_COMMA.test(locale);
  return {
    order: monthFirst ? 'MDY' : 'DMY',
    decimal: comma ? ',' : '.',
    group: comma ? '.' : ',',
    dateFormat: monthFirst ? 'M/d/yyyy' : 'dd/MM/yyyy',
    dateTimeFormat: monthFirst ? 'M/d/yyyy H:mm:ss' : 'dd/MM/yyyy H:mm:ss',
  };
}

// ---------------------------------------------------------------- what a typed or written string becomes

export interface ParsedInput {
  value: StoredValue;
  formula: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseNumber(text: string, rules: LocaleRules): number | null {
  const d = escapeRe(rules.decimal);
  const g = escapeRe(rules.group);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?(%?)$`);
  const m = re.exec(text);
  if (!m) {
    const sci = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/.exec(text);
    return sci ? Number(text) : null;
  }
  const intPart = (m[2] ?? '').split(rules.group).join('');
  const n = Number(`${m[1]}${intPart}${m[3] ? '.' + m[3] : ''}`);
  return m[4] ? n / 100 : n;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseDate(text: string, rules: LocaleRules, timeZone: string): number | null {
  const time = '(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
  let y: number;
  let mo: number;
  let d: number;
  let rest: RegExpExecArray;
  const iso = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${time}$`).exec(text);
  if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    rest = iso;
  } else {
    const local = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{2}|\\d{4})${time}$`).exec(text);
    if (!local) return null;
    const a = Number(local[1]);
    const b = Number(local[3]);
    y = fullYear(local[4] ?? '');
    [mo, d] = rules.order === 'MDY' ? [a, b] : [b, a];
    // keep the time groups at the same place as in the ISO match
    rest = [local[0], '', '', '', local[5], local[6], local[7]] as unknown as RegExpExecArray;
  }
  if (!validDate(y, mo, d)) return null;
  const h = rest[4] ? Number(rest[4]) : 0;
  const mi = rest[5] ? Number(rest[5]) : 0;
  const s = rest[6] ? Number(rest[6]) : 0;
  if (h > 23 || mi > 59 || s > 59) return null;
  return instantOf(timeZone, y, mo, d, h, mi, s);
}

/**
 * A string as Sheets stores it when a person types it, or a script writes it with setValue(s): a leading `=` makes a
 * formula; a leading `'` forces text (the apostrophe is not part of the value); numbers, TRUE/FALSE and dates are
 * recognised by the spreadsheet's locale (`05/06/2023` is 6 May in en_US, 5 June in vi_VN); a leading `+`/`-` that
 * is not a number starts a formula (Sheets shows an error).
 */
export function parseInput(text: string, locale: string, timeZone: string): ParsedInput {
  if (text === '') return { value: '', formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE', formula: '' };
  const rules = localeRules(locale);
  const n = parseNumber(trimmed, rules);
  if (n !== null) return { value: n, formula: '' };
  const date = parseDate(trimmed, rules, timeZone);
  if (date !== null) return { value: new DateValue(date), formula: '' };
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) {
    return { value: '#ERROR!', formula: `=${text}` };
  }
  return { value: text, formula: '' };
}

/** A value written by a script (setValue/setValues), or null when it cannot be written. */
export function coerceWrite(v: unknown, numberFormat: string, locale: string, timeZone: string): ParsedInput {
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (typeof v === 'number') return { value: v, formula: '' };
  if (typeof v === 'boolean') return { value: v, formula: '' };
  if (isDateObject(v)) return { value: new DateValue(v.getTime()), formula: '' };
  const text = typeof v === 'string' ? v : String(v);
  // A cell formatted as plain text keeps what is written, character for character.
  if (numberFormat === '@') return { value: text, formula: '' };
  return parseInput(text, locale, timeZone);
}

// ---------------------------------------------------------------- display values

function isGeneral(format: string): boolean {
  return format === '' || format === GENERAL_FORMAT || format.toLowerCase() === 'general';
}

/** Letters of a Sheets number format outside quotes and escapes. */
function formatLetters(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string): boolean {
  return /[dDyYhHsS]|[mM]/.test(formatLetters(format).replace(/am\/pm|a\/p/gi, 'h'));
}

function groupDigits(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatGeneralNumber(n: number, rules: LocaleRules): string {
  if (!Number.isFinite(n)) return String(n);
  let s = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  if (rules.decimal === ',') s = s.replace('.', ',');
  return s;
}

function formatPatternNumber(n: number, format: string, rules: LocaleRules): string {
  const section = format.split(';')[0] ?? format;
  const letters = formatLetters(section);
  const percent = letters.includes('%');
  const value = percent ? n * 100 : n;
  const dot = letters.indexOf('.');
  const decimals = dot < 0 ? 0 : (letters.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const requiredDecimals = dot < 0 ? 0 : (letters.slice(dot + 1).match(/0/g) ?? []).length;
  const grouped = /[0#?],[0#?]/.test(letters);
  let fixed = Math.abs(value).toFixed(decimals);
  let [intPart = '0', frac = ''] = fixed.split('.');
  while (frac.length > requiredDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (grouped) intPart = groupDigits(intPart, rules.group);
  fixed = frac ? `${intPart}${rules.decimal}${frac}` : intPart;
  const sign = value < 0 && Number(fixed.replace(/\D/g, '')) !== 0 ? '-' : '';
  return `${sign}${fixed}${percent ? '%' : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A Sheets date/time number format (d dd ddd dddd, m mm mmm mmmm / M…, yy yyyy, h hh H HH, s ss, am/pm). */
export function formatSheetsDate(ms: number, format: string, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  type Tok = { kind: 'lit'; text: string } | { kind: 'f'; ch: string; n: number; upper: boolean };
  const toks: Tok[] = [];
  let i = 0;
  const twelveHour = /am\/pm|a\/p/i.test(format);
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      toks.push({ kind: 'lit', text: format.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      toks.push({ kind: 'lit', text: format[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (/^am\/pm/i.test(format.slice(i))) {
      toks.push({ kind: 'lit', text: w.hour < 12 ? 'AM' : 'PM' });
      i += 5;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('dmyhs'.includes(lower)) {
      let n = 1;
      while ((format[i + n] ?? '').toLowerCase() === lower) n++;
      toks.push({ kind: 'f', ch: lower, n, upper: ch !== lower });
      i += n;
      continue;
    }
    toks.push({ kind: 'lit', text: ch });
    i++;
  }
  const fields = toks.filter((t): t is Extract<Tok, { kind: 'f' }> => t.kind === 'f');
  let out = '';
  for (const t of toks) {
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    const at = fields.indexOf(t);
    switch (t.ch) {
      case 'y':
        out += t.n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'd':
        out += t.n === 1 ? String(w.day) : t.n === 2 ? pad(w.day, 2) : t.n === 3 ? DAYS[w.weekday]!.slice(0, 3) : DAYS[w.weekday];
        break;
      case 'h':
        {
          const h = twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
          out += t.n >= 2 ? pad(h, 2) : String(h);
        }
        break;
      case 's':
        out += t.n >= 2 ? pad(w.second, 2) : String(w.second);
        break;
      case 'm': {
        const prev = fields[at - 1];
        const next = fields[at + 1];
        const minute = !t.upper && t.n <= 2 && (prev?.ch === 'h' || next?.ch === 's');
        if (minute) out += t.n === 2 ? pad(w.minute, 2) : String(w.minute);
        else if (t.n === 1) out += String(w.month);
        else if (t.n === 2) out += pad(w.month, 2);
        else if (t.n === 3) out += MONTHS[w.month - 1]!.slice(0, 3);
        else out += MONTHS[w.month - 1];
        break;
      }
    }
  }
  return out;
}

/** What getDisplayValues shows for a cell. */
export function displayOf(cell: Cell | undefined, locale: string, timeZone: string): string {
  if (!cell) return '';
  const v = cell.value;
  const format = cell.numberFormat;
  const rules = localeRules(locale);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof DateValue) {
    if (format === '@') return formatSheetsDate(v.ms, rules.dateFormat, timeZone);
    if (isGeneral(format)) {
      const w = wallTime(v.ms, timeZone);
      const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
      return formatSheetsDate(v.ms, midnight ? rules.dateFormat : rules.dateTimeFormat, timeZone);
    }
    if (isDateFormat(format)) return formatSheetsDate(v.ms, format, timeZone);
    return formatPatternNumber(dateToSerial(v.ms, timeZone), format, rules);
  }
  // number
  if (format === '@' || isGeneral(format)) return formatGeneralNumber(v, rules);
  if (isDateFormat(format)) return formatSheetsDate(serialToDate(v, timeZone), format, timeZone);
  return formatPatternNumber(v, format, rules);
}
