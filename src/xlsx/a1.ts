import { columnLetter } from '../core/columns';

/** A1 references as SpreadsheetML writes them (ECMA-376 Part 1 §18.18.62 ST_Ref), 1-based. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellAddress {
  row: number;
  column: number;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3", "$B$3" → { row: 3, column: 2 }; null when it is not a cell reference. */
export function parseCell(ref: string): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const column = columnNumber(m[1]!);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROWS && column >= 1 && column <= MAX_COLUMNS ? { row, column } : null;
}

/** "A1:C4" (or one cell) → its corners; null when it is not a range. */
export function parseRange(ref: string): CellRange | null {
  const [from, to = from] = ref.trim().split(':') as [string, string?];
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0xdf) - 64;
  return n;
}

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeRef(range: CellRange): string {
  const from = cellRef(range.top, range.left);
  const to = cellRef(range.bottom, range.right);
  return from === to ? from : `${from}:${to}`;
}

/** A tab's name as a formula writes it: quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
