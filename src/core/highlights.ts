import { COLORS } from './colors';
import { columnLetter } from './columns';
import { STATUS_LABELS } from './messages';

/**
 * How the input tabs are coloured without touching a user's own formatting: conditional-format rules keyed to the
 * text of our status column. The user's fills, fonts and borders stay as they were underneath; removing our rules
 * (a re-run, or "Xóa đánh dấu của tiện ích") leaves exactly what the user had. Every rule's formula carries a marker
 * no person writes, so that we recognise our rules and only ours.
 */

/** The status text begins so → this look. The first rule that matches a row applies (Sheets' and Excel's order). */
export interface Highlight {
  prefix: string;
  background: string;
  bold: boolean;
  /** 'row': the row's columns from A to our status column; 'status': our status cell only. */
  scope: 'row' | 'status';
}

/** Our words at the start of a status cell (annotate.ts writes them). */
export const STATUS_PREFIX = { error: 'Lỗi', warning: 'Lưu ý', valid: 'Hợp lệ' } as const;

/** In every formula we write: `N("…")` is 0 for text in Sheets, Excel and LibreOffice alike, so it changes nothing. */
export const HIGHLIGHT_MARKER = 'N("dicoso 1+2")=0';

/** The roster: a cadre's row in the colour of the one verdict; an error row in red. Longest prefixes first. */
export const ROSTER_HIGHLIGHTS: readonly Highlight[] = [
  { prefix: STATUS_PREFIX.error, background: COLORS.error, bold: false, scope: 'row' },
  { prefix: STATUS_LABELS['short-both'], background: COLORS.shortDays, bold: true, scope: 'row' },
  { prefix: STATUS_LABELS['short-days'], background: COLORS.shortDays, bold: false, scope: 'row' },
  { prefix: STATUS_LABELS['short-rounds'], background: COLORS.shortRounds, bold: false, scope: 'row' },
  { prefix: STATUS_LABELS.exempt, background: COLORS.exempt, bold: false, scope: 'row' },
  { prefix: STATUS_LABELS.ok, background: COLORS.ok, bold: false, scope: 'row' },
];

/** The trips tab: a row that is not counted (an error) in red; our status cell red or yellow. */
export const TRIP_HIGHLIGHTS: readonly Highlight[] = [
  { prefix: STATUS_PREFIX.error, background: COLORS.error, bold: false, scope: 'row' },
  { prefix: STATUS_PREFIX.warning, background: COLORS.warning, bold: false, scope: 'status' },
];

/**
 * The rule's formula, without the leading '=' (Sheets wants it, the .xlsx file does not): true on a row whose status
 * cell begins with the prefix. Relative to the rule's top-left cell, which is on `firstRow`.
 */
export function highlightFormula(statusColumn: number, firstRow: number, prefix: string): string {
  // Our prefixes are NFC Vietnamese, one UTF-16 unit per character: JS length is what LEFT counts.
  const text = `"${prefix.normalize('NFC').replace(/"/g, '""')}"`;
  return `AND(${HIGHLIGHT_MARKER},LEFT($${columnLetter(statusColumn)}${firstRow},${prefix.normalize('NFC').length})=${text})`;
}

/** Whether a conditional-format formula is one of ours. */
export function isOurFormula(formula: string): boolean {
  return formula.includes(HIGHLIGHT_MARKER);
}

/** The highlight a status text gets, for tests and previews: what a person sees on that row. */
export function highlightOf(rules: readonly Highlight[], status: string): Highlight | null {
  return rules.find((rule) => status.startsWith(rule.prefix)) ?? null;
}
