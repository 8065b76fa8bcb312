import { gasError, MESSAGES } from './errors';

export function columnLetter(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetter(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
}

/** `'Cán bộ'!A1:B2` → sheet name and the bare reference. Quotes inside a quoted name are doubled. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Which edges the A1 text named; `A:C` names no rows, `2:4` no columns, `A2:C` no last row. */
  bounds?: Bounds;
}

/**
 * Range.isStartRowBounded() and its three siblings: false where the A1 notation left an edge open, so the range runs
 * to the edge of the sheet (gas-fakes checks these against live Apps Script: `B:D` is not row-bounded, `3:5` is not
 * column-bounded). Ranges made from numbers are bounded on every side.
 */
export interface Bounds {
  startRow: boolean;
  endRow: boolean;
  startColumn: boolean;
  endColumn: boolean;
}

export const BOUNDED: Readonly<Bounds> = Object.freeze({ startRow: true, endRow: true, startColumn: true, endColumn: true });

/**
 * A1 notation as Range.getA1Notation() gives it: `B2:D5`, `D:F` for whole columns, `5:7` for whole rows (gas-fakes,
 * live-tested), `A2:C` for a range open at the bottom.
 */
export function a1OfBounded(row: number, column: number, numRows: number, numColumns: number, bounds: Bounds): string {
  const c1 = columnLetter(column);
  const c2 = columnLetter(column + numColumns - 1);
  const r2 = row + numRows - 1;
  if (!bounds.startColumn && !bounds.endColumn) return `${row}:${r2}`;
  if (!bounds.startRow && !bounds.endRow) return `${c1}:${c2}`;
  if (bounds.startRow && !bounds.endRow) return `${c1}${row}:${c2}`;
  if (bounds.startColumn && !bounds.endColumn) return `${c1}${row}:${r2}`;
  return a1Of(row, column, numRows, numColumns);
}

/**
 * A1, A1:C3, A:C (whole columns), 2:4 (whole rows), A2:C (to the last row). Absolute `$` marks are ignored.
 * Anything else: "Range not found", as Sheets says.
 */
export function parseA1(ref: string, maxRows: number, maxColumns: number): GridBox {
  const clean = ref.replace(/\$/g, '').trim().toUpperCase();
  const part = /^([A-Z]*)(\d*)$/;
  const [left = '', right] = clean.split(':');
  if (clean.split(':').length > 2) throw gasError(MESSAGES.rangeNotFound);
  const a = part.exec(left);
  const b = right === undefined ? a : part.exec(right);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw gasError(MESSAGES.rangeNotFound);
  if (right === undefined && (!a[1] || !a[2])) throw gasError(MESSAGES.rangeNotFound);
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : maxColumns;
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : maxRows;
  if (r1 < 1 || r2 < 1) throw gasError(MESSAGES.rangeNotFound);
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  const rowsNamed = [Boolean(a[2]), Boolean(b[2])];
  const columnsNamed = [Boolean(a[1]), Boolean(b[1])];
  const bounds: Bounds = {
    startRow: r1 <= r2 ? rowsNamed[0]! : rowsNamed[1]!,
    endRow: r1 <= r2 ? rowsNamed[1]! : rowsNamed[0]!,
    startColumn: c1 <= c2 ? columnsNamed[0]! : columnsNamed[1]!,
    endColumn: c1 <= c2 ? columnsNamed[1]! : columnsNamed[0]!,
  };
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1, bounds };
}
