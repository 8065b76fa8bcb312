import { type CalendarDate, dateParts } from '../core/calendar-date';
import type { GridRange, GridValue, StyledRange, TabLayout } from '../core/grid';
import type { RawCell, TabAnnotations, TabData, Workbook, WriteCell } from './workbook';

/**
 * An in-memory workbook for tests and for the preview: each tab is a grid of cells with the values, notes,
 * backgrounds and font weights the port can read or write, plus what a generated tab carries (merges, styles,
 * widths, frozen rows). It behaves like the Sheets adapter will, strictly: a string that starts with `=` is text
 * (the Sheets adapter must write it as text too), blanks read as `''`, a Date is handed out as a copy, and it throws
 * where Sheets throws (bad coordinates, arrays whose sizes do not match the range).
 */

/** Everything stored for one tab, as copies: what tests look at. Grids are trimmed to the last non-default cell. */
export interface TabSnapshot {
  name: string;
  values: RawCell[][];
  notes: string[][];
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  merges: GridRange[];
  styles: StyledRange[];
  columnWidths: number[];
  frozenRows: number;
  landscape: boolean;
}

/** What the workbook stores per tab: the same fields a snapshot copies out. */
type MemoryTab = TabSnapshot;

export interface MemoryWorkbookOptions {
  /** The zone the Date cells are midnights in; 'UTC' unless given (tests build dates with `Date.UTC`). */
  dateTimeZone?: string;
  /** User notes already on the tabs, by tab, as grids from A1 (row 0 is spreadsheet row 1; '' for none). */
  notes?: Record<string, string[][]>;
}

export class MemoryWorkbook implements Workbook {
  readonly dateTimeZone: string;
  private readonly tabs: MemoryTab[] = [];

  constructor(options: { dateTimeZone?: string } = {}) {
    this.dateTimeZone = options.dateTimeZone ?? 'UTC';
  }

  /** A workbook whose tabs hold these values (row 0 is spreadsheet row 1), in the order of the record's keys. */
  static fromTabs(tabs: Record<string, RawCell[][]>, options: MemoryWorkbookOptions = {}): MemoryWorkbook {
    const workbook = new MemoryWorkbook(options.dateTimeZone === undefined ? {} : { dateTimeZone: options.dateTimeZone });
    for (const [name, values] of Object.entries(tabs)) {
      const tab = workbook.insertTab(name);
      values.forEach((row, r) => row.forEach((value, c) => setAt(tab.values, r, c, copyCell(value), null)));
      (options.notes?.[name] ?? []).forEach((row, r) => row.forEach((note, c) => setAt(tab.notes, r, c, note, '')));
    }
    return workbook;
  }

  tabNames(): string[] {
    return this.tabs.map((tab) => tab.name);
  }

  readTab(name: string, options: { notes?: boolean } = {}): TabData | null {
    const tab = this.find(name);
    if (!tab) return null;
    const { rows, columns } = usedSize(tab.values);
    const values = rectangle(rows, columns, (r, c) => readCell(tab.values[r]?.[c]));
    if (!options.notes) return { values };
    const notes = rectangle(rows, columns, (r, c) => tab.notes[r]?.[c] ?? '');
    return { values, notes };
  }

  annotateTab(a: TabAnnotations): void {
    const tab = this.require(a.tab);
    const width = checkAnnotations(a);
    const rows = a.statuses.length;

    setAt(tab.values, a.headerRow - 1, a.statusColumn - 1, a.statusCaption, null);
    a.statuses.forEach((status, i) => setAt(tab.values, a.firstRow - 1 + i, a.statusColumn - 1, status, null));
    for (let i = 0; i < rows; i++) {
      const r = a.firstRow - 1 + i;
      for (let c = 0; c < width; c++) {
        setAt(tab.backgrounds, r, c, a.backgrounds[i]![c]!, null);
        setAt(tab.notes, r, c, a.notes[i]![c]!, '');
        if (a.fontWeights) setAt(tab.fontWeights, r, c, a.fontWeights[i]![c]!, 'normal');
      }
    }
  }

  appendRows(name: string, rows: WriteCell[][]): number {
    const tab = this.require(name);
    const first = usedSize(tab.values).rows + 1;
    rows.forEach((row, i) =>
      row.forEach((cell, c) => {
        const value = isDateCell(cell) ? midnightIn(cell.date, this.dateTimeZone) : cell;
        setAt(tab.values, first - 1 + i, c, value, null);
      }),
    );
    return first;
  }

  writeGeneratedTab(layout: TabLayout): void {
    const width = layout.values[0]?.length ?? 0;
    layout.values.forEach((row, r) => {
      if (row.length !== width) throw new Error(`writeGeneratedTab '${layout.name}': row ${r + 1} has ${row.length} cells, expected ${width}`);
    });
    const height = layout.values.length;
    const inside = (range: GridRange, what: string) => {
      if (range.row < 0 || range.column < 0 || range.rows < 1 || range.columns < 1 || range.row + range.rows > height || range.column + range.columns > width) {
        throw new Error(`writeGeneratedTab '${layout.name}': ${what} ${JSON.stringify(range)} is outside the ${height}×${width} grid`);
      }
    };
    layout.merges.forEach((m, i) => {
      inside(m, 'merge');
      layout.merges.slice(0, i).forEach((other) => {
        if (overlaps(m, other)) throw new Error(`writeGeneratedTab '${layout.name}': merges ${JSON.stringify(other)} and ${JSON.stringify(m)} overlap`);
      });
    });
    layout.styles.forEach((s) => inside(s.range, 'style range'));
    if (layout.frozenRows < 0 || layout.frozenRows > height) throw new Error(`writeGeneratedTab '${layout.name}': frozenRows ${layout.frozenRows} outside 0…${height}`);

    const tab = emptyTab(layout.name);
    tab.values = layout.values.map((row) => row.map((v: GridValue) => (v === null ? null : v)));
    tab.merges = layout.merges.map((m) => ({ ...m }));
    tab.styles = layout.styles.map((s) => ({ range: { ...s.range }, style: { ...s.style } }));
    tab.columnWidths = [...layout.columnWidths];
    tab.frozenRows = layout.frozenRows;
    tab.landscape = layout.landscape;
    const at = this.tabs.findIndex((t) => t.name === layout.name);
    if (at >= 0) this.tabs[at] = tab;
    else this.tabs.push(tab);
  }

  // ---- test helpers: not part of the port ----

  /** Everything stored for the tab, copied; throws when there is no such tab. */
  snapshot(name: string): TabSnapshot {
    const tab = this.require(name);
    return {
      name: tab.name,
      values: trimGrid<RawCell>(tab.values, null, (v) => v === null || v === '').map((row) => row.map(copyCell)),
      notes: trimGrid(tab.notes, '', (v) => v === ''),
      backgrounds: trimGrid<string | null>(tab.backgrounds, null, (v) => v === null),
      fontWeights: trimGrid<'bold' | 'normal'>(tab.fontWeights, 'normal', (v) => v === 'normal'),
      merges: tab.merges.map((m) => ({ ...m })),
      styles: tab.styles.map((s) => ({ range: { ...s.range }, style: { ...s.style } })),
      columnWidths: [...tab.columnWidths],
      frozenRows: tab.frozenRows,
      landscape: tab.landscape,
    };
  }

  /** Adds an empty tab at the end (as a person would); throws when the name is taken, like Sheets' insertSheet. */
  addTab(name: string): void {
    this.insertTab(name);
  }

  /** Types a value into a cell as a person would (1-based row and column). */
  setCell(name: string, row: number, column: number, value: RawCell): void {
    requirePosition(row, column, 'setCell');
    setAt(this.require(name).values, row - 1, column - 1, copyCell(value), null);
  }

  /** Puts a user note on a cell (1-based row and column). */
  setNote(name: string, row: number, column: number, note: string): void {
    requirePosition(row, column, 'setNote');
    setAt(this.require(name).notes, row - 1, column - 1, note, '');
  }

  private insertTab(name: string): MemoryTab {
    if (this.find(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const tab = emptyTab(name);
    this.tabs.push(tab);
    return tab;
  }

  private find(name: string): MemoryTab | undefined {
    return this.tabs.find((tab) => tab.name === name);
  }

  private require(name: string): MemoryTab {
    const tab = this.find(name);
    if (!tab) throw new Error(`No tab named '${name}'`);
    return tab;
  }
}

function isDateCell(cell: WriteCell): cell is { date: CalendarDate } {
  return typeof cell === 'object' && cell !== null;
}

/** The instant a date cell holds in Sheets: midnight of that date in the spreadsheet's zone. */
export function midnightIn(date: CalendarDate, timeZone: string): Date {
  const { year, month, day } = dateParts(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  if (timeZone === 'UTC') return new Date(utcMidnight);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(utcMidnight));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // The zone's offset at that instant: its wall clock read as if it were UTC, minus the instant.
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return new Date(utcMidnight - (wall - utcMidnight));
}

function emptyTab(name: string): MemoryTab {
  return { name, values: [], notes: [], backgrounds: [], fontWeights: [], merges: [], styles: [], columnWidths: [], frozenRows: 0, landscape: false };
}

function copyCell(value: RawCell | undefined): RawCell {
  if (value === undefined) return null;
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/** What Sheets' getValues gives for a stored cell: '' for blanks, a fresh Date for dates. */
function readCell(value: RawCell | undefined): RawCell {
  if (value === undefined || value === null) return '';
  return copyCell(value);
}

function setAt<T>(grid: T[][], r: number, c: number, value: T, fill: T): void {
  while (grid.length <= r) grid.push([]);
  const row = grid[r]!;
  while (row.length < c) row.push(fill);
  row[c] = value;
}

function usedSize(values: RawCell[][]): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    }),
  );
  return { rows, columns };
}

function rectangle<T>(rows: number, columns: number, cell: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
}

/** The grid made rectangular up to its last non-default cell, defaults filled in. */
function trimGrid<T>(grid: T[][], fill: T, isDefault: (v: T) => boolean): T[][] {
  let rows = 0;
  let columns = 0;
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== undefined && !isDefault(v)) {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    }),
  );
  return rectangle(rows, columns, (r, c) => {
    const v = grid[r]?.[c];
    return v === undefined ? fill : v;
  });
}

function requirePosition(row: number, column: number, what: string): void {
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
    throw new Error(`${what}: row ${row}, column ${column} must be integers ≥ 1`);
  }
}

/**
 * The annotation block's width (columns 1…width); throws, as Sheets' setValues/setBackgrounds/setNotes do, when
 * the coordinates are not ≥ 1 or the per-row arrays do not all have one row per status and one width.
 * Every adapter checks with this, so a workflow bug shows up in the in-memory tests, not first in Sheets.
 */
export function checkAnnotations(a: TabAnnotations): number {
  requirePosition(a.headerRow, a.statusColumn, 'annotateTab header/status');
  requirePosition(a.firstRow, 1, 'annotateTab firstRow');
  if (a.firstRow <= a.headerRow) throw new Error(`annotateTab: firstRow ${a.firstRow} is not below headerRow ${a.headerRow}`);
  const rows = a.statuses.length;
  const width = requireBlock('backgrounds', a.backgrounds, rows, undefined);
  requireBlock('notes', a.notes, rows, width);
  if (a.fontWeights) requireBlock('fontWeights', a.fontWeights, rows, width);
  return width;
}

/** The block's width; throws (as Sheets' setValues/setBackgrounds do) when it is not `rows` rows of one width. */
function requireBlock(what: string, block: unknown[][], rows: number, width: number | undefined): number {
  if (block.length !== rows) throw new Error(`annotateTab ${what}: ${block.length} rows, but ${rows} statuses`);
  const w = width ?? block[0]?.length ?? 0;
  block.forEach((row, i) => {
    if (row.length !== w) throw new Error(`annotateTab ${what}: row ${i + 1} has ${row.length} columns, expected ${w}`);
  });
  return w;
}

function overlaps(a: GridRange, b: GridRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}
