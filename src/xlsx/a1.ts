import { parseCell as parseA1Cell, parseRange as parseA1Range, type CellAddress, type CellRange, type GridLimits } from '../core/a1';

/** The worksheet grid of .xlsx (Excel's limits): 1,048,576 rows, 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const WORKSHEET: GridLimits = { rows: MAX_ROWS, columns: MAX_COLUMNS };

/** A cell reference of a worksheet part ("B3", "$B$3"); null when it is not one or lies outside the grid. */
export function parseCell(ref: string): CellAddress | null {
  return parseA1Cell(ref, WORKSHEET);
}

/** A range of a worksheet part ("A1:C4", or one cell); null when it is not one or lies outside the grid. */
export function parseRange(ref: string): CellRange | null {
  return parseA1Range(ref, WORKSHEET);
}

/** The column of a cell reference held in bytes ("AB12" → 28): core/a1.ts columnNumber without decoding the text. */
export function columnOfBytes(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = bytes[i]! & 0xdf;
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/** A tab's name as a formula writes it: quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
