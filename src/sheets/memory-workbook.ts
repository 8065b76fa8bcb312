import { type CalendarDate, dateParts } from '../core/calendar-date';
import type { GridRange, GridValue, StyledRange, TabLayout } from '../core/grid';
import { highlightOf, type Highlight } from '../core/highlights';
import {
  type ApprovalWrites,
  type BlockReads,
  checkBlock,
  freeTabName,
  sameTabName,
  type CellBlock,
  type RawCell,
  type ReadOptions,
  type TabAnnotations,
  type TabData,
  type TabUnmarking,
  type Workbook,
  type WriteCell,
} from './workbook';
import { pushAll } from '../core/arrays';

/**
 * An in-memory workbook for tests and for the preview. Each tab is a grid of cells with values, notes and a user's own
 * fills and bold, merges, and what the port marks as ours (a status column, colouring rules, a generated tab). It
 * behaves like the Sheets adapter, strictly: a string that starts with `=` is text, blanks read as `''`, a Date is
 * handed out as a copy, and it throws where Sheets throws (bad coordinates, arrays whose sizes do not match the range)
 * and where the port's promise would break (writing over a user's value, through a merge, or over a user's tab).
 */

/** Everything stored for one tab, as copies: what tests look at. Grids are trimmed to the last non-default cell. */
export interface TabSnapshot {
  name: string;
  values: RawCell[][];
  notes: string[][];
  /** The user's own fills (the port never writes them). */
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  merges: GridRange[];
  styles: StyledRange[];
  columnWidths: number[];
  frozenRows: number;
  landscape: boolean;
  /** Our status column (1-based), by its marker; null when none. */
  ownedColumn: number | null;
  /** Our colouring rules, keyed to the status column; null when none. */
  highlights: { statusColumn: number; firstRow: number; rules: Highlight[] } | null;
  /** A tab we generated (found by our marker, whatever its name now). */
  generated: boolean;
  printTitleRows: { first: number; last: number } | null;
  pageBreaks: number[];
}

type MemoryTab = TabSnapshot;

export interface MemoryWorkbookOptions {
  /** The zone the Date cells are midnights in; 'UTC' unless given (tests build dates with `Date.UTC`). */
  dateTimeZone?: string;
  /** User notes already on the tabs, by tab, as grids from A1 (row 0 is spreadsheet row 1; '' for none). */
  notes?: Record<string, string[][]>;
}

export class MemoryWorkbook implements Workbook, BlockReads {
  readonly dateTimeZone: string;
  private readonly tabs: MemoryTab[] = [];
  /** Cells handed out by readTab and readBlock (values and notes each count), for tests of what an action reads. */
  cellsRead = 0;

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

  /** An independent copy, as it is now (a test edits one checked workbook many ways without checking it again). */
  clone(): MemoryWorkbook {
    const copy = new MemoryWorkbook({ dateTimeZone: this.dateTimeZone });
    pushAll(copy.tabs, structuredClone(this.tabs));
    return copy;
  }

  tabNames(): string[] {
    return this.tabs.map((tab) => tab.name);
  }

  readTab(name: string, options: ReadOptions = {}): TabData | null {
    const tab = this.find(name);
    if (!tab) return null;
    const { rows, columns } = usedSize(tab.values);
    const values = rectangle(rows, columns, (r, c) => readCell(tab.values[r]?.[c]));
    const merges = options.valuesOnly ? [] : tab.merges.filter((m) => m.row < rows && m.column < columns).map((m) => ({ ...m }));
    const base = { values, merges, ownedColumn: options.valuesOnly ? null : tab.ownedColumn };
    this.cellsRead += rows * columns * (options.notes ? 2 : 1);
    if (!options.notes) return base;
    return { ...base, notes: rectangle(rows, columns, (r, c) => tab.notes[r]?.[c] ?? '') };
  }

  readLayout(name: string): { rows: number; columns: number; merges: GridRange[]; ownedColumn: number | null } | null {
    const tab = this.find(name);
    if (!tab) return null;
    const { rows, columns } = usedSize(tab.values);
    return { rows, columns, merges: tab.merges.filter((m) => m.row < rows && m.column < columns).map((m) => ({ ...m })), ownedColumn: tab.ownedColumn };
  }

  readBlock(
    name: string,
    row: number,
    column: number,
    rows: number,
    columns: number,
    options: { notes?: boolean; values?: boolean } = {},
  ): { values: RawCell[][]; notes?: string[][] } {
    const tab = this.require(name);
    requirePosition(row, column, 'readBlock');
    if (rows < 1 || columns < 1) throw new Error(`readBlock: ${rows}×${columns} is not a block`);
    const withValues = options.values !== false;
    this.cellsRead += rows * columns * ((options.notes ? 1 : 0) + (withValues ? 1 : 0));
    const values = withValues ? rectangle(rows, columns, (r, c) => readCell(tab.values[row - 1 + r]?.[column - 1 + c])) : [];
    if (!options.notes) return { values };
    return { values, notes: rectangle(rows, columns, (r, c) => tab.notes[row - 1 + r]?.[column - 1 + c] ?? '') };
  }

  annotateTab(a: TabAnnotations): void {
    const tab = this.require(a.tab);
    if (tab.generated) throw new Error(`annotateTab '${a.tab}': a generated tab is not an input tab`);
    requirePosition(1, a.statusColumn, 'annotateTab statusColumn');
    // Everything is checked before anything is written: a bad call leaves the tab as it was.
    for (const block of a.notes) checkBlock(block, 'notes');
    for (const block of a.statusCells) {
      checkBlock(block, 'statusCells');
      if (block.column !== a.statusColumn || block.values.some((row) => row.length !== 1)) {
        throw new Error(`annotateTab '${a.tab}': status cells must be one column, our column ${a.statusColumn}`);
      }
      block.values.forEach((_, i) => {
        const r = block.row - 1 + i;
        if (this.mergedAway(tab, r, a.statusColumn - 1)) throw new Error(`annotateTab '${a.tab}': writing through a merge at row ${r + 1}`);
      });
    }
    if (tab.ownedColumn === null) {
      // Marking a column as ours: it must hold nothing of the user's, or the next run would overwrite it.
      const taken = tab.values.findIndex((row) => !isBlank(row?.[a.statusColumn - 1]));
      if (taken >= 0) throw new Error(`annotateTab '${a.tab}': column ${a.statusColumn} holds a user value at row ${taken + 1}`);
      tab.ownedColumn = a.statusColumn;
    } else if (tab.ownedColumn !== a.statusColumn) {
      throw new Error(`annotateTab '${a.tab}': our column is ${tab.ownedColumn}, not ${a.statusColumn}`);
    }
    for (const block of a.statusCells)
      block.values.forEach(([text], i) => setAt(tab.values, block.row - 1 + i, a.statusColumn - 1, text === '' ? null : text!, null));
    for (const block of a.notes) this.writeNotes(tab, block);
    if (a.highlights) tab.highlights = { statusColumn: a.statusColumn, firstRow: a.highlights.firstRow, rules: a.highlights.rules.map((r) => ({ ...r })) };
  }

  unmarkTab(u: TabUnmarking): void {
    const tab = this.require(u.tab);
    tab.highlights = null;
    if (u.statusColumn !== null) {
      if (tab.ownedColumn !== u.statusColumn) throw new Error(`unmarkTab '${u.tab}': column ${u.statusColumn} is not ours`);
      tab.values.forEach((row) => {
        if (row && row.length >= u.statusColumn!) row[u.statusColumn! - 1] = null;
      });
      tab.ownedColumn = null;
    }
    for (const block of u.notes) this.writeNotes(tab, block);
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

  clearRow(name: string, row: number): void {
    const tab = this.require(name);
    if (tab.generated) throw new Error(`clearRow '${name}': a generated tab is not an input tab`);
    requirePosition(row, 1, 'clearRow');
    const values = tab.values[row - 1];
    if (values) values.fill(null);
    const notes = tab.notes[row - 1];
    if (notes) notes.fill('');
  }

  writeApprovals(w: ApprovalWrites): void {
    const tab = this.require(w.tab);
    if (tab.generated) throw new Error(`writeApprovals '${w.tab}': a generated tab is not an input tab`);
    // Everything is checked before anything is written, as Sheets refuses a bad range before writing.
    for (const block of w.notes) checkBlock(block, 'notes');
    for (const { column, rows } of w.columns) {
      for (const row of rows) {
        requirePosition(row, column, 'writeApprovals');
        if (this.mergedAway(tab, row - 1, column - 1)) throw new Error(`writeApprovals '${w.tab}': writing through a merge at row ${row}`);
      }
    }
    for (const { column, value, rows } of w.columns) {
      const cell = typeof value === 'object' ? midnightIn(value.date, this.dateTimeZone) : value === '' ? null : value;
      for (const row of rows) setAt(tab.values, row - 1, column - 1, copyCell(cell), null);
    }
    for (const block of w.notes) this.writeNotes(tab, block);
  }

  writeGeneratedTab(layout: TabLayout): string {
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
    if (layout.frozenRows < 0 || layout.frozenRows > height)
      throw new Error(`writeGeneratedTab '${layout.name}': frozenRows ${layout.frozenRows} outside 0…${height}`);

    const name = freeTabName(layout.name, (n) => this.tabs.some((t) => sameTabName(t.name, n) && !t.generated));
    const tab = emptyTab(name);
    tab.generated = true;
    tab.values = layout.values.map((row) => row.map((v: GridValue) => (v === null ? null : v)));
    tab.merges = layout.merges.map((m) => ({ ...m }));
    tab.styles = layout.styles.map((s) => ({ range: { ...s.range }, style: { ...s.style } }));
    tab.columnWidths = [...layout.columnWidths];
    tab.frozenRows = layout.frozenRows;
    tab.landscape = layout.landscape;
    tab.printTitleRows = layout.printTitleRows ? { ...layout.printTitleRows } : null;
    tab.pageBreaks = [...(layout.pageBreaks ?? [])];
    const at = this.tabs.findIndex((t) => sameTabName(t.name, name));
    if (at >= 0) this.tabs[at] = tab;
    else this.tabs.push(tab);
    return name;
  }

  generatedTabs(): string[] {
    return this.tabs.filter((t) => t.generated).map((t) => t.name);
  }

  deleteGeneratedTab(name: string): void {
    const at = this.tabs.findIndex((t) => t.name === name);
    if (at < 0 || !this.tabs[at]!.generated) throw new Error(`deleteGeneratedTab '${name}': not a tab we generated`);
    this.tabs.splice(at, 1);
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
      ownedColumn: tab.ownedColumn,
      highlights: tab.highlights ? { ...tab.highlights, rules: tab.highlights.rules.map((r) => ({ ...r })) } : null,
      generated: tab.generated,
      printTitleRows: tab.printTitleRows ? { ...tab.printTitleRows } : null,
      pageBreaks: [...tab.pageBreaks],
    };
  }

  /**
   * What a person sees in a cell (1-based): the first of our rules whose prefix its row's status begins with, where the
   * rule reaches the cell; else the user's own fill and weight.
   */
  seen(name: string, row: number, column: number): { background: string | null; bold: boolean } {
    const tab = this.require(name);
    const own = { background: tab.backgrounds[row - 1]?.[column - 1] ?? null, bold: tab.fontWeights[row - 1]?.[column - 1] === 'bold' };
    const h = tab.highlights;
    if (!h || row < h.firstRow || column > h.statusColumn) return own;
    const status = tab.values[row - 1]?.[h.statusColumn - 1];
    const rule = highlightOf(h.rules, typeof status === 'string' ? status : '');
    if (!rule || (rule.scope === 'status' && column !== h.statusColumn)) return own;
    return { background: rule.background, bold: rule.bold || own.bold };
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

  /** A user's own fill and weight on a cell (1-based). */
  setFormat(name: string, row: number, column: number, format: { background?: string | null; bold?: boolean }): void {
    requirePosition(row, column, 'setFormat');
    const tab = this.require(name);
    if (format.background !== undefined) setAt(tab.backgrounds, row - 1, column - 1, format.background, null);
    if (format.bold !== undefined) setAt(tab.fontWeights, row - 1, column - 1, format.bold ? 'bold' : 'normal', 'normal');
  }

  /** Merges cells as a person would (1-based top-left, size). */
  merge(name: string, row: number, column: number, rows: number, columns: number): void {
    requirePosition(row, column, 'merge');
    const range = { row: row - 1, column: column - 1, rows, columns };
    const tab = this.require(name);
    if (tab.merges.some((m) => overlaps(m, range))) throw new Error(`merge: ${JSON.stringify(range)} overlaps a merge`);
    tab.merges.push(range);
  }

  /** Inserts an empty column before `column` (1-based), as a person would: everything to its right moves, ours too. */
  insertColumn(name: string, column: number): void {
    const tab = this.require(name);
    for (const grid of [tab.values, tab.notes, tab.backgrounds, tab.fontWeights] as unknown[][][]) {
      for (const row of grid) if (row && row.length >= column) row.splice(column - 1, 0, null as never);
    }
    tab.values.forEach((row) => row && row.length >= column && (row[column - 1] = null));
    tab.notes.forEach((row) => row && row.length >= column && (row[column - 1] = ''));
    tab.backgrounds.forEach((row) => row && row.length >= column && (row[column - 1] = null));
    tab.fontWeights.forEach((row) => row && row.length >= column && (row[column - 1] = 'normal'));
    for (const m of tab.merges) {
      if (m.column >= column - 1) m.column++;
      else if (m.column + m.columns > column - 1) m.columns++;
    }
    if (tab.ownedColumn !== null && tab.ownedColumn >= column) tab.ownedColumn++;
    if (tab.highlights && tab.highlights.statusColumn >= column) tab.highlights.statusColumn++;
  }

  /** Renames a tab as a person would (a generated tab stays ours: the marker is on the tab, not in its name). */
  renameTab(from: string, to: string): void {
    if (this.tabs.some((t) => t.name !== from && sameTabName(t.name, to)))
      throw new Error(`A sheet with the name "${to}" already exists. Please enter another name.`);
    this.require(from).name = to;
  }

  private writeNotes(tab: MemoryTab, block: CellBlock<string>): void {
    checkBlock(block, 'notes');
    block.values.forEach((line, r) => line.forEach((note, c) => setAt(tab.notes, block.row - 1 + r, block.column - 1 + c, note, '')));
  }

  private mergedAway(tab: MemoryTab, r: number, c: number): boolean {
    return tab.merges.some((m) => r >= m.row && r < m.row + m.rows && c >= m.column && c < m.column + m.columns && (r !== m.row || c !== m.column));
  }

  private insertTab(name: string): MemoryTab {
    if (this.tabs.some((t) => sameTabName(t.name, name))) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
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

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isDateCell(cell: WriteCell): cell is { date: CalendarDate } {
  return typeof cell === 'object' && cell !== null;
}

/** The instant a date cell holds in Sheets: midnight of that date in the spreadsheet's zone. */
export function midnightIn(date: CalendarDate, timeZone: string): Date {
  const { year, month, day } = dateParts(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  if (timeZone === 'UTC') return new Date(utcMidnight);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMidnight));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // The zone's offset at that instant: its wall clock read as if it were UTC, minus the instant.
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return new Date(utcMidnight - (wall - utcMidnight));
}

function emptyTab(name: string): MemoryTab {
  return {
    name,
    values: [],
    notes: [],
    backgrounds: [],
    fontWeights: [],
    merges: [],
    styles: [],
    columnWidths: [],
    frozenRows: 0,
    landscape: false,
    ownedColumn: null,
    highlights: null,
    generated: false,
    printTitleRows: null,
    pageBreaks: [],
  };
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
      if (v !== null && v !== '' && v !== undefined) {
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

function overlaps(a: GridRange, b: GridRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}
