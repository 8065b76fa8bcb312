import { COLORS } from './colors';
import { columnLetter } from './a1';
import type { VerdictKind } from './policy';
import { RATING_LABELS, VERDICT_WORDS } from './verdict';

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
export const STATUS_PREFIX = { error: 'Lỗi', warning: 'Lưu ý', valid: 'Hợp lệ', example: 'Dòng ví dụ: không được tính' } as const;

/** In every formula we write: `N("…")` is 0 for text in Sheets, Excel and LibreOffice alike, so it changes nothing. */
export const HIGHLIGHT_MARKER = 'N("dicoso 1+2")=0';

/**
 * The roster: a cadre's row in the colour of the one verdict (verdict.ts), by the words it begins with; an error row in
 * red. The first rule that matches wins, so a longer prefix comes before a shorter one it begins with. Only the words
 * of the phase can occur (the requirements during the period, the year-end verdict after), so only theirs are rules.
 */
export function rosterHighlights(verdict: VerdictKind, yearEnd: boolean): readonly Highlight[] {
  const error: Highlight = { prefix: STATUS_PREFIX.error, background: COLORS.error, bold: false, scope: 'row' };
  const exempt: Highlight = { prefix: VERDICT_WORDS.exempt, background: COLORS.exempt, bold: false, scope: 'row' };
  if (yearEnd && verdict === 'rating') {
    return [
      error,
      { prefix: RATING_LABELS['khong-dat'], background: COLORS.shortDays, bold: true, scope: 'row' },
      exempt,
      { prefix: RATING_LABELS['xuat-sac'], background: COLORS.ok, bold: true, scope: 'row' },
      { prefix: RATING_LABELS.dat, background: COLORS.ok, bold: false, scope: 'row' },
    ];
  }
  if (yearEnd) {
    return [
      error,
      { prefix: RATING_LABELS['chua-hoan-thanh'], background: COLORS.shortDays, bold: true, scope: 'row' },
      exempt,
      { prefix: RATING_LABELS['hoan-thanh'], background: COLORS.ok, bold: false, scope: 'row' },
    ];
  }
  return [
    error,
    // "Thiếu ngày và chuyên đề", "Thiếu ngày, chuyên đề và …": short of days and of more, in bold.
    { prefix: `${VERDICT_WORDS.short} ${VERDICT_WORDS.days} và`, background: COLORS.shortDays, bold: true, scope: 'row' },
    { prefix: `${VERDICT_WORDS.short} ${VERDICT_WORDS.days}`, background: COLORS.shortDays, bold: false, scope: 'row' },
    // Short of rounds or of a place requirement only.
    { prefix: VERDICT_WORDS.short, background: COLORS.shortRounds, bold: false, scope: 'row' },
    exempt,
    { prefix: VERDICT_WORDS.okPlanned, background: COLORS.planned, bold: false, scope: 'row' },
    { prefix: VERDICT_WORDS.ok, background: COLORS.ok, bold: false, scope: 'row' },
  ];
}

/** The trips tab: a row that is not counted (an error) in red; our status cell red or yellow. */
export const TRIP_HIGHLIGHTS: readonly Highlight[] = [
  { prefix: STATUS_PREFIX.error, background: COLORS.error, bold: false, scope: 'row' },
  { prefix: STATUS_PREFIX.warning, background: COLORS.warning, bold: false, scope: 'status' },
];

/** Every prefix a rule of ours starts with, whatever the preset and the phase: a text rule on our column with another is not ours. */
export function ourHighlightPrefixes(): Set<string> {
  const roster = (['rating', 'completion'] as const).flatMap((kind) => [false, true].flatMap((yearEnd) => rosterHighlights(kind, yearEnd)));
  return new Set([...roster, ...TRIP_HIGHLIGHTS].map((h) => h.prefix));
}

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
