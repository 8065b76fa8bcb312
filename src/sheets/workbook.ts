import type { CalendarDate } from '../core/calendar-date';
import type { GridValue, TabLayout } from '../core/grid';

/**
 * The workbook port: the only way the workflow touches a spreadsheet. Apps Script (src/gas), exceljs (src/cli) and
 * the in-memory workbook (memory-workbook.ts) implement it. Every method works on whole tabs or whole blocks, so
 * batching is a property of the port: an adapter cannot fall into per-cell calls without breaking its own shape.
 */

/** A cell as read: Sheets hands Dates for date cells, numbers, booleans, strings, and '' for blanks. */
export type RawCell = string | number | boolean | Date | null;

export interface TabData {
  /** The tab's values from A1 to its last used row and column (the data range). */
  values: RawCell[][];
  /** Notes of the same range, '' where none. Only read when asked for (it costs a call in Sheets). */
  notes?: string[][];
}

/**
 * What the workflow writes on a user's input tab: its own status column, notes, backgrounds and font weights.
 * Rows are the data rows `firstRow … firstRow + rows.length - 1` (1-based spreadsheet rows); `width` columns from A.
 */
export interface TabAnnotations {
  tab: string;
  /** 1-based row of the header. The status caption is written there. */
  headerRow: number;
  /** 1-based row of the first annotated row (headerRow + 1). */
  firstRow: number;
  /** 1-based column of our status column (after the last used column, or where it already is). */
  statusColumn: number;
  statusCaption: string;
  /** One entry per annotated row. */
  statuses: string[];
  /** Per row, per column 1…width: a background colour or null for none (clears ours). */
  backgrounds: (string | null)[][];
  /** Per row, per column 1…width: the note to set, '' for none. The workflow has already kept the user's own notes. */
  notes: string[][];
  /** Per row, per column 1…width; absent = leave the font weights alone. */
  fontWeights?: ('bold' | 'normal')[][];
}

/** A cell to write on an input tab: plain values, or a calendar date (each adapter writes its own date cell). */
export type WriteCell = GridValue | { date: CalendarDate };

export interface Workbook {
  /** Names of the tabs, in order. */
  tabNames(): string[];
  /** The whole data range of a tab, or null when there is no such tab. */
  readTab(name: string, options?: { notes?: boolean }): TabData | null;
  /** Writes our status column, notes and formats on an input tab. Never changes a user value. */
  annotateTab(annotations: TabAnnotations): void;
  /**
   * Appends rows after the tab's last used row, in one write, and returns the first new row (1-based). Strings stay
   * text (never formulas); `{ date }` cells become real date cells shown dd/MM/yyyy.
   */
  appendRows(tab: string, rows: WriteCell[][]): number;
  /** Replaces (or creates) a generated tab, whole. */
  writeGeneratedTab(layout: TabLayout): void;
  /**
   * The zone in which this workbook's Date cells are midnights: the spreadsheet's zone in Sheets; 'UTC' for exceljs,
   * which stores dates as UTC midnights.
   */
  readonly dateTimeZone: string;
}
