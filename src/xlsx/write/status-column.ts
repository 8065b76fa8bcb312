import { STATUS_COLUMN_WIDTH } from '../../core/columns';
import { cellLines, heightOfLines } from '../../core/print/row-heights';
import type { TextFont } from '../../core/print/text-width';
import type { CellWrite } from '../model';

/**
 * What the person's tab gets with our status column so that it prints readably: our texts wrap (in a format of
 * ours, where the cell has none of its own), the column gets our width where the file gives it none, and a row
 * whose height is automatic (no `customHeight`) is given the height our text needs. LibreOffice keeps the height
 * an .xlsx gives a row rather than fitting it to wrapped text, so without it only a result's first line would
 * show. A height the person set, a width they gave the column and their print set-up are left as they are.
 */
export interface StatusColumn {
  /** 1-based. */
  column: number;
  /** The cell format of our texts: wrapped, top-aligned. */
  style: () => number;
  /** The workbook's default font, which our texts are shown in. */
  font: TextFont;
}

/** Excel's column width unit: the widest digit of the default font, 7 pixels for Calibri 11. */
const PIXELS_PER_CHARACTER = 7;

/** Our status column's width in Excel's characters. */
export function statusColumnCharacters(): number {
  return Math.round((STATUS_COLUMN_WIDTH / PIXELS_PER_CHARACTER) * 100) / 100;
}

/** Our `<col>` for the status column, for a file that gives it no width. */
export function statusColXml(column: number, prefix: string): string {
  return `<${prefix}col min="${column}" max="${column}" width="${statusColumnCharacters()}" customWidth="1"/>`;
}

/** The height (points) a row needs for our text in it, given the column's width (in characters; null = ours). */
export function statusRowHeight(status: StatusColumn, writes: readonly [number, CellWrite][], widthInCharacters: number | null): number {
  const write = writes.find(([column]) => column === status.column)?.[1];
  if (write?.kind !== 'text' || write.text === '') return 0;
  const px = widthInCharacters === null ? STATUS_COLUMN_WIDTH : widthInCharacters * PIXELS_PER_CHARACTER;
  return heightOfLines(cellLines(write.text, px, status.font, true), status.font.size);
}
