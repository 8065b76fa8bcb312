import { columnLetter, columnNumber } from './a1';

/**
 * What inserting or deleting rows or columns does to the things that live at positions: developer metadata on a row
 * or column, the ranges of conditional-format rules and the references in their formulas.
 *
 * Sheets API reference, DeveloperMetadata: "if developer metadata is associated with row 5 and another row is then
 * subsequently inserted above row 5, that original metadata is still associated with the row it was first
 * associated with (what is now row 6). If the associated object is deleted then its metadata is deleted too."
 * Ranges follow the grid as a person sees it in Sheets: inserting before a range shifts it, inserting strictly inside
 * it grows it, inserting right after its last line leaves it alone; deleting lines shrinks it, deleting all of them
 * removes it.
 */
export interface DimensionChange {
  dimension: 'ROWS' | 'COLUMNS';
  kind: 'insert' | 'delete';
  /** insert: the new lines become at … at+count-1 (they go before the line that was at `at`). delete: the first line removed. */
  at: number;
  count: number;
}

/** A line's new position, or null when it was deleted. */
export function shiftLine(line: number, change: DimensionChange): number | null {
  const { kind, at, count } = change;
  if (kind === 'insert') return line >= at ? line + count : line;
  if (line < at) return line;
  if (line < at + count) return null;
  return line - count;
}

/** 1-based, inclusive; `end` null = to the edge of the sheet (A1 `A2:C`, `A:A`). An unbounded start is line 1. */
export interface Span {
  start: number;
  end: number | null;
  startBounded: boolean;
}

/** The span after the change, or null when every line of it was deleted. */
export function shiftSpan(span: Span, change: DimensionChange): Span | null {
  const { kind, at, count } = change;
  if (kind === 'insert') {
    const start = span.startBounded && span.start >= at ? span.start + count : span.start;
    const end = span.end !== null && span.end >= at ? span.end + count : span.end;
    return { ...span, start, end };
  }
  const last = at + count - 1;
  const start = !span.startBounded || span.start < at ? span.start : span.start > last ? span.start - count : at;
  const end = span.end === null ? null : span.end < at ? span.end : span.end > last ? span.end - count : at - 1;
  if (end !== null && end < start) return null;
  return { ...span, start, end };
}

/** The same text with the parts outside "string literals" rewritten. */
function outsideStrings(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}

const CELL_REF = /(^|[^A-Za-z0-9_.$!'])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
const COLUMN_RANGE = /(^|[^A-Za-z0-9_.$!'])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/g;

/**
 * A formula's A1 references after the change, as Sheets rewrites every formula: a reference to a moved cell follows
 * it (whether or not it has `$` marks, which only say how the reference is copied), a reference to a deleted cell
 * becomes #REF!. Understands cell references (`$S2`, `B$3`, `C4`) and whole-column ranges (`$S:$S`) outside string
 * literals; that covers the conditional-format formulas the fakes evaluate.
 *
 * A conditional-format formula is written for the top-left cell of its rule's first range (the anchor), and its
 * relative parts are offsets from whichever cell is being formatted. When the anchor's own row or column is deleted
 * the rule keeps its remaining cells and their offsets: `=$S2` on A2:S stays `=$S2` when row 2 is deleted, as it does
 * in Sheets, where deleting the first data row does not break a row-colouring rule. Pass `anchor` (the anchor's line
 * before the change and the first line of the shifted range) for that; without it every reference is a pointer.
 */
export function shiftFormula(formula: string, change: DimensionChange, anchor?: { line: number; movedTo: number }): string {
  const anchorDeleted = anchor !== undefined && shiftLine(anchor.line, change) === null;
  return outsideStrings(formula, (code) =>
    code
      .replace(COLUMN_RANGE, (whole, lead: string, d1: string, c1: string, d2: string, c2: string) => {
        if (change.dimension !== 'COLUMNS') return whole;
        const span = shiftSpan({ start: columnNumber(c1), end: columnNumber(c2), startBounded: true }, change);
        if (!span || span.end === null) return `${lead}#REF!`;
        return `${lead}${d1}${columnLetter(span.start)}:${d2}${columnLetter(span.end)}`;
      })
      .replace(CELL_REF, (whole, lead: string, d1: string, letters: string, d2: string, digits: string) => {
        const line = change.dimension === 'COLUMNS' ? columnNumber(letters) : Number(digits);
        const relative = change.dimension === 'COLUMNS' ? d1 === '' : d2 === '';
        const moved = shiftLine(line, change) ?? (anchorDeleted && relative ? anchor.movedTo + (line - anchor.line) : null);
        if (moved === null) return `${lead}#REF!`;
        if (moved === line) return whole;
        return change.dimension === 'COLUMNS' ? `${lead}${d1}${columnLetter(moved)}${d2}${digits}` : `${lead}${d1}${letters}${d2}${moved}`;
      }),
  );
}

/** The sheets a formula names outside string literals (`'Cán bộ'!A1`, `Sheet2!B:B`). */
export function referencedSheets(formula: string): string[] {
  const names: string[] = [];
  outsideStrings(formula, (code) => {
    const rest = code.replace(/'((?:[^']|'')*)'!/g, (_m, name: string) => {
      names.push(name.replace(/''/g, "'"));
      return ' ';
    });
    for (const m of rest.matchAll(/([\p{L}_][\p{L}\p{N}_.]*)!/gu)) names.push(m[1] as string);
    return code;
  });
  return names;
}
