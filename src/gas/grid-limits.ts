import { columnLetter } from '../core/a1';
import { UserError } from '../core/user-error';
import { texts } from './texts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Sheets' grid limits: "up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets" (Google Drive help,
 * "Files you can store in Google Drive"). A tab whose values reach column ZZZ has no column left for ours; a
 * spreadsheet near 10 million cells has no room for another column or row. Either stops the run with a Vietnamese
 * sentence naming the tab (and the cell at the edge), never with Sheets' own error half-way through a write.
 */
export const MAX_COLUMNS = 18_278;
export const MAX_CELLS = 10_000_000;

/**
 * Adds columns after the sheet's last (`maxColumns`, which the caller has read), or says in Vietnamese why there is no
 * room (`what`: what needs them).
 */
export function addColumns(sheet: Sheet, tab: string, maxColumns: number, howMany: number, what: string): void {
  if (maxColumns + howMany > MAX_COLUMNS) throw new UserError(texts.noColumnLeft(tab, lastColumnCell(sheet, maxColumns), what));
  grow(sheet, tab, what, () => sheet.insertColumnsAfter(maxColumns, howMany));
}

/** Adds rows after the sheet's last (`maxRows`), or says in Vietnamese that the spreadsheet is full. */
export function addRows(sheet: Sheet, tab: string, maxRows: number, howMany: number, what: string): void {
  grow(sheet, tab, what, () => sheet.insertRowsAfter(maxRows, howMany));
}

function grow(sheet: Sheet, tab: string, what: string, insert: () => void): void {
  try {
    insert();
  } catch (error) {
    // Told by the grid's size, not by Google's English words (Google translates its messages).
    if (cellCount(sheet.getParent()) + sheet.getMaxRows() > MAX_CELLS - sheet.getMaxColumns()) throw new UserError(texts.noCellsLeft(tab, what));
    throw error;
  }
}

/** Cells of every tab's grid, as the limit counts them. */
function cellCount(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  return spreadsheet.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

/** The A1 name of the first cell with a value in the sheet's last column (its first cell when none has). */
function lastColumnCell(sheet: Sheet, column: number): string {
  const rows = Math.max(1, sheet.getLastRow());
  const values = sheet.getRange(1, column, rows, 1).getValues();
  const row = values.findIndex(([v]) => v !== '' && v !== null) + 1;
  return `${columnLetter(column)}${row || 1}`;
}
