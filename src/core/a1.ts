import type { GridRange } from './grid';

/**
 * A1 references, 1-based: the one place column letters and cell references are read and written, for Sheets' A1
 * notation and SpreadsheetML's ST_Ref alike (ECMA-376 Part 1 §18.18.62): "B3", "$B$3", "A1:C4". Each grid's limits
 * are its adapter's (src/xlsx/a1.ts for .xlsx).
 */

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

/** The largest row and column a reference may name; past them it is not a reference of that grid. */
export interface GridLimits {
  rows: number;
  columns: number;
}

const UNBOUNDED: GridLimits = { rows: Number.POSITIVE_INFINITY, columns: Number.POSITIVE_INFINITY };

/** "A", "B", …, "Z", "AA": a column's letters. */
export function columnLetter(column1: number): string {
  let n = column1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AB" → 28, in either case. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0xdf) - 64;
  return n;
}

/** "B3", "$B$3" → { row: 3, column: 2 }; null when it is not a cell reference within the limits. */
export function parseCell(ref: string, limits: GridLimits = UNBOUNDED): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const column = columnNumber(m[1]!);
  const row = Number(m[2]);
  return row >= 1 && row <= limits.rows && column >= 1 && column <= limits.columns ? { row, column } : null;
}

/** "A1:C4" (or one cell) → its corners; null when it is not a range within the limits. */
export function parseRange(ref: string, limits: GridLimits = UNBOUNDED): CellRange | null {
  const [from, to = from] = ref.trim().split(':') as [string, string?];
  const a = parseCell(from, limits);
  const b = parseCell(to, limits);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "A1:C4", or "A1" for one cell. */
export function rangeRef(range: CellRange): string {
  const from = cellRef(range.top, range.left);
  const to = cellRef(range.bottom, range.right);
  return from === to ? from : `${from}:${to}`;
}

/** The same cells as a 0-based GridRange (core/grid.ts), the shape of merges and layouts. */
export function gridRangeOf(range: CellRange): GridRange {
  return { row: range.top - 1, column: range.left - 1, rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 };
}
