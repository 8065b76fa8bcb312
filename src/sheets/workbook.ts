import type { CalendarDate } from '../core/calendar-date';
import type { GridRange, GridValue, TabLayout } from '../core/grid';
import type { Highlight } from '../core/highlights';

/**
 * The workbook port: the only way the workflow touches a spreadsheet. Apps Script (src/gas), exceljs (src/cli) and
 * the in-memory workbook (memory-workbook.ts) implement it. Every method works on whole tabs or whole blocks, so
 * batching is a property of the port: an adapter cannot fall into per-cell calls without breaking its own shape.
 *
 * Ownership is explicit: what the add-on writes on a user's tab (its status column, its lines in notes, its colouring
 * rules) and the tabs it generates carry a marker it owns (developer metadata in Sheets, a defined name or a formula
 * token in .xlsx). Nothing is ever recognised as ours by a caption or a tab name a person could also write.
 */

/** A cell as read: Sheets hands Dates for date cells, numbers, booleans, strings, and '' for blanks. */
export type RawCell = string | number | boolean | Date | null;

export interface TabData {
  /**
   * The tab's values from A1 to its last used row and column. Rows may be ragged: a row may end at its own last
   * value (a sparse .xlsx is read in memory proportional to its cells); a missing cell reads as ''.
   */
  values: RawCell[][];
  /** Notes of the same cells, '' where none, ragged likewise. Only read when asked for (it costs a call in Sheets). */
  notes?: string[][];
  /** The merged ranges that touch the values (0-based). A merge reads as its first cell: see core/merges.ts. */
  merges: GridRange[];
  /** The 1-based column of our status column on this tab, found by our marker; null when there is none. */
  ownedColumn: number | null;
}

export interface ReadOptions {
  notes?: boolean;
  valuesOnly?: boolean;
}

/** A block of cells from a 1-based top-left cell. */
export interface CellBlock<T> {
  row: number;
  column: number;
  values: T[][];
}

/**
 * What the workflow writes on a user's input tab, already reduced to what changes: cells of our status column, the
 * notes whose text differs, and the colouring rules. Adapters write these and nothing else.
 */
export interface TabAnnotations {
  tab: string;
  /** 1-based column of our status column; the adapter marks it as ours if it is not yet. */
  statusColumn: number;
  /**
   * Cells of our status column to write (caption and statuses), as blocks of consecutive rows (one for a whole
   * check; the live check writes only the rows it read); empty when none changes.
   */
  statusCells: readonly CellBlock<string>[];
  /**
   * The notes that change, one block per column from its first to its last change (each cell's whole note, the
   * user's part kept; unchanged cells inside a block keep theirs): a few hundred notes scattered over a national tab
   * then cost a column each, not the whole rectangle between them. Empty when none changes.
   */
  notes: readonly CellBlock<string>[];
  /** Our colouring rules, keyed to the status column, over rows firstRow…bottom of the tab; absent = leave ours as they are. */
  highlights?: { firstRow: number; rules: readonly Highlight[] };
}

/** What is left when our marks are taken off a tab: the notes to put back (their user part) and our column to empty. */
export interface TabUnmarking {
  tab: string;
  /** Our status column, to empty and unmark; null when the tab has none. */
  statusColumn: number | null;
  /** One block per column, as in TabAnnotations. */
  notes: readonly CellBlock<string>[];
}

/** What reading the input tabs needs of a workbook: analyze (workflow.ts) reads through it, and nothing else. */
export type TabSource = Pick<Workbook, 'tabNames' | 'readTab' | 'dateTimeZone'>;

/** A cell to write on an input tab: plain values, or a calendar date (each adapter writes its own date cell). */
export type WriteCell = GridValue | { date: CalendarDate };

/**
 * A decision of the approval page written on the trips tab, and nothing else: in each approval column it touches, one
 * value over the chosen rows (a decision has one account, one date, one notice number or reason: '' empties the
 * cell), and the note of each row's trail cell (its whole note, the person's part kept, our line appended). Blocks of
 * notes as in TabAnnotations: unchanged cells inside a block keep theirs.
 */
export interface ApprovalWrites {
  tab: string;
  /** Each column written (1-based), its value, and the rows (1-based, ascending) that take it. */
  columns: readonly { column: number; value: string | { date: CalendarDate }; rows: readonly number[] }[];
  notes: readonly CellBlock<string>[];
}

export interface Workbook {
  /** Names of the tabs, in order. */
  tabNames(): string[];
  /**
   * The whole data range of a tab, or null when there is no such tab. `valuesOnly` skips the merges and our marker
   * (a key/value tab such as Cài đặt needs neither; in Sheets each costs calls): they read as none.
   */
  readTab(name: string, options?: ReadOptions): TabData | null;
  /** Writes our status column, notes and colouring rules on an input tab. Never changes a user's value or format. */
  annotateTab(annotations: TabAnnotations): void;
  /** Takes our marks off an input tab: our rules, our status column (emptied and unmarked), our lines in notes. */
  unmarkTab(unmarking: TabUnmarking): void;
  /**
   * Appends rows after the tab's last used row, in one write, and returns the first new row (1-based). Strings stay
   * text (never formulas); `{ date }` cells become real date cells shown dd/MM/yyyy.
   */
  appendRows(tab: string, rows: WriteCell[][]): number;
  /**
   * Empties one row of an input tab: its values and its notes, in every column (our status cell included). The trip
   * form's "Hoàn tác" uses it on the row it appended, once it has checked that nobody changed that row. The row is
   * emptied, never deleted: deleting would renumber every row below it, rows other people may be looking at. An empty
   * row is not data: readers skip it, and when it is the last the next appended row fills it. Formats stay.
   */
  clearRow(tab: string, row: number): void;
  /**
   * Writes an approval decision (ApprovalWrites) in one batch: a fixed number of calls in Sheets, whatever the number
   * of rows (each column's cells as one list of ranges). Strings stay text; dates become date cells shown dd/MM/yyyy.
   */
  writeApprovals(writes: ApprovalWrites): void;
  /**
   * Writes a generated tab whole and returns its name. A tab of that name that is ours is replaced; one that is the
   * user's (any case) is left alone and ours takes the next free name, "Tổng hợp 1+2 (2)".
   */
  writeGeneratedTab(layout: TabLayout): string;
  /** The tabs we generated (found by our marker), in order. */
  generatedTabs(): string[];
  /** Deletes a tab we generated; throws for any other tab. */
  deleteGeneratedTab(name: string): void;
  /**
   * The zone in which this workbook's Date cells are midnights: the spreadsheet's zone in Sheets; 'UTC' for exceljs,
   * which stores dates as UTC midnights.
   */
  readonly dateTimeZone: string;
}

/**
 * Reading part of a tab, for the live check after an edit (live-check.ts): the Apps Script adapter and the in-memory
 * workbook implement it; the .xlsx adapter, which always reads whole files, does not.
 */
export interface BlockReads {
  /** A tab's size (its data range), merges and our column's marker, without reading its cells; null when no such tab. */
  readLayout(tab: string): { rows: number; columns: number; merges: GridRange[]; ownedColumn: number | null } | null;
  /**
   * A block of a tab (1-based, ≥ 1 row and column): its values (unless `values: false`) and its notes when asked;
   * cells past the data read as ''.
   */
  readBlock(
    tab: string,
    row: number,
    column: number,
    rows: number,
    columns: number,
    options?: { notes?: boolean; values?: boolean },
  ): { values: RawCell[][]; notes?: string[][] };
}

/** The name a generated tab takes when `wanted` is the user's: "Tổng hợp 1+2 (2)", kept within Excel's 31 characters. */
export function freeTabName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const base = wanted.length + suffix.length > 31 ? cutUtf16(wanted, 31 - suffix.length).trimEnd() : wanted;
    const name = `${base}${suffix}`;
    if (!taken(name)) return name;
  }
}

/**
 * Where writeGeneratedTab(layout named `wanted`) will write, and whether that replaces a tab we generated before:
 * the forms dialog asks before replacing. A user's tab of that name is never replaced (ours takes "… (2)").
 */
export function generatedTabTarget(workbook: Workbook, wanted: string): { name: string; replaces: boolean } {
  const ours = new Set(workbook.generatedTabs());
  const names = workbook.tabNames();
  const name = freeTabName(wanted, (n) => names.some((t) => sameTabName(t, n) && !ours.has(t)));
  return { name, replaces: names.some((t) => sameTabName(t, name) && ours.has(t)) };
}

/** Tab names compare as Sheets and Excel compare them: case does not make two tabs different. */
export function sameTabName(a: string, b: string): boolean {
  return tabNameKey(a) === tabNameKey(b);
}

export function tabNameKey(name: string): string {
  return name.toLocaleLowerCase('vi');
}

/** The first `units` UTF-16 units of the text (Excel's measure of a tab name), never half a surrogate pair. */
function cutUtf16(text: string, units: number): string {
  const cut = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Throws, as Sheets' setValues/setNotes do, when a block's coordinates are not ≥ 1 or its rows differ in width.
 * Every adapter checks with this, so a workflow bug shows up in the in-memory tests, not first in Sheets.
 */
export function checkBlock(block: CellBlock<unknown>, what: string): void {
  if (!Number.isInteger(block.row) || !Number.isInteger(block.column) || block.row < 1 || block.column < 1) {
    throw new Error(`${what}: row ${block.row}, column ${block.column} must be integers ≥ 1`);
  }
  const width = block.values[0]?.length ?? 0;
  if (block.values.length === 0 || width === 0) throw new Error(`${what}: an empty block`);
  block.values.forEach((row, i) => {
    if (row.length !== width) throw new Error(`${what}: row ${i + 1} has ${row.length} columns, expected ${width}`);
  });
}
