import { a1Of, parseA1, splitSheetName } from './a1';
import { BLANK, blankCell, type Cell, hasContent } from './cells';
import {
  conditionHolds,
  copyState,
  describeRule,
  FakeConditionalFormatRule,
  ruleAfter,
  ruleCovers,
  type RuleSnapshot,
  type RuleState,
} from './conditional-format';
import type { FakeContext } from './context';
import {
  addMetadata,
  describeMetadata,
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  followDimensionChange,
  metadataArguments,
  type MetadataSnapshot,
} from './developer-metadata';
import { type DimensionChange, referencedSheets } from './dimension';
import { ProtectionTypeEnum } from './enums';
import { fakeUsageError, gasError, MESSAGES } from './errors';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, type ChartSnapshot } from './charts';
import { FakeFilter } from './filter';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { FakeRangeList } from './range-list';
import type { FakeSpreadsheet } from './spreadsheet';

type Api = GoogleAppsScript.Spreadsheet.Sheet;
type Implemented =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'clearConditionalFormatRules'
  | 'copyTo'
  | 'createDeveloperMetadataFinder'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFilter'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isRowHiddenByFilter'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setRowHeights'
  | 'setTabColor'
  | 'showSheet';

export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function intersects(a: Box, b: Box): boolean {
  return a.row <= b.row + b.numRows - 1 && b.row <= a.row + a.numRows - 1 && a.column <= b.column + b.numColumns - 1 && b.column <= a.column + a.numColumns - 1;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/** "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets" (Google Drive help, files you can store). */
export const MAX_COLUMNS = 18_278;
export const MAX_CELLS = 10_000_000;

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

function checkInteger(method: string, ...values: unknown[]): void {
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw gasError(MESSAGES.signature(values.map((x) => typeof x).join(','), method));
    }
    if (!Number.isInteger(v)) {
      throw fakeUsageError(`${method} got ${v}: pass whole numbers (what Apps Script does with fractions is not modelled)`);
    }
  }
}

/** What a test sees of a sheet, in the shapes Apps Script reads them. */
export interface SheetSnapshot {
  name: string;
  values: unknown[][];
  formulas: string[][];
  displayValues: string[][];
  notes: string[][];
  backgrounds: string[][];
  fontWeights: string[][];
  numberFormats: string[][];
  validations: ({ criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string } | null)[][];
  merges: string[];
  frozenRows: number;
  frozenColumns: number;
  protections: { type: 'SHEET' | 'RANGE'; description: string; warningOnly: boolean; range: string | null }[];
  columnWidths: Record<number, number>;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  tabColor: string | null;
  /** Developer metadata on this sheet and on its rows and columns, in the order it was added. */
  developerMetadata: MetadataSnapshot[];
  /** Conditional-format rules in priority order (the first that holds for a cell is the one the user sees). */
  conditionalFormats: RuleSnapshot[];
  charts: ChartSnapshot[];
}

/** What a person sees in a cell once conditional formatting is applied. */
export interface EffectiveFormat {
  background: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  /** Index of the conditional-format rule that decided it, or null when none holds. */
  rule: number | null;
}

export interface FakeSheet extends Omit<Api, Implemented> {}
export class FakeSheet implements Pick<Api, Implemented> {
  /** rows[r-1][c-1]; undefined = never touched. */
  rows: (Cell | undefined)[][] = [];
  merges: Box[] = [];
  /** Charts survive clear(): they are neither content nor format. */
  charts: FakeEmbeddedChart[] = [];
  protections: FakeProtection[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  deleted = false;
  /** Conditional-format rules in priority order; getConditionalFormatRules hands out copies. */
  conditionalRules: RuleState[] = [];
  /** The sheet's filter (Range.createFilter), or null. */
  filter: FakeFilter | null = null;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  get ctx(): FakeContext {
    return this.spreadsheet.ctx;
  }

  private rec(method: string): void {
    this.ctx.calls.record(`Sheet.${method}`);
  }

  // ------------------------------------------------------------ storage (not counted; used by the other fakes)

  cellAt(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[column - 1];
    if (!c) {
      c = blankCell();
      r[column - 1] = c;
    }
    return c;
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((c) => hasContent(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** A range with Google's checks, not counted. */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    if (row < 1) throw gasError(MESSAGES.startRowTooSmall);
    if (column < 1) throw gasError(MESSAGES.startColumnTooSmall);
    if (numRows < 1) throw gasError(MESSAGES.rowsAtLeastOne);
    if (numColumns < 1) throw gasError(MESSAGES.columnsAtLeastOne);
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw gasError(MESSAGES.outsideSheet);
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  rangeA1(a1: string): FakeRange {
    const { sheetName, ref } = splitSheetName(a1);
    if (sheetName !== null && sheetName !== this.name) throw gasError(MESSAGES.rangeNotFound);
    const b = parseA1(ref, this.maxRows, this.maxColumns);
    const range = this.rangeAt(b.row, b.column, b.numRows, b.numColumns);
    return b.bounds ? new FakeRange(this, range.row, range.column, range.numRows, range.numColumns, b.bounds) : range;
  }

  /** Column `column` as `sheet.getRange('S:S')` gives it; not counted. */
  wholeColumn(column: number): FakeRange {
    return new FakeRange(this, 1, column, this.maxRows, 1, { startRow: false, endRow: false, startColumn: true, endColumn: true });
  }

  /** Row `row` as `sheet.getRange('3:3')` gives it; not counted. */
  wholeRow(row: number): FakeRange {
    return new FakeRange(this, row, 1, 1, this.maxColumns, { startRow: true, endRow: true, startColumn: false, endColumn: false });
  }

  private extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.rows.forEach((row, ri) => {
      row?.forEach((cell, ci) => {
        if (cell && !isBlankCell(cell)) {
          rows = Math.max(rows, ri + 1);
          columns = Math.max(columns, ci + 1);
        }
      });
    });
    return { rows, columns };
  }

  /** Everything a test may want to assert, read without counting calls. Covers every cell that is not blank. */
  snapshot(): SheetSnapshot {
    const { rows, columns } = this.extent();
    const grid = <T>(f: (cell: Cell) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => f(this.cellAt(r + 1, c + 1) ?? (BLANK as Cell))));
    const range = rows > 0 && columns > 0 ? new FakeRange(this, 1, 1, rows, columns) : null;
    return {
      name: this.name,
      values: range ? range.read((c) => range.outValue(c)) : [],
      formulas: grid((c) => c.formula),
      displayValues: range ? range.read((c) => range.display(c)) : [],
      notes: grid((c) => c.note),
      backgrounds: grid((c) => c.background ?? '#ffffff'),
      fontWeights: grid((c) => c.fontWeight),
      numberFormats: grid((c) => c.numberFormat),
      validations: grid((c) => c.validation?.describe() ?? null),
      merges: this.merges.map((m) => a1Of(m.row, m.column, m.numRows, m.numColumns)),
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      protections: this.protections.map((p) => p.describe()),
      columnWidths: Object.fromEntries(this.columnWidths),
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      hidden: this.hidden,
      tabColor: this.tabColor,
      developerMetadata: this.spreadsheet.developerMetadata.filter((r) => r.location.type !== 'SPREADSHEET' && r.location.sheet === this).map(describeMetadata),
      conditionalFormats: this.conditionalRules.map(describeRule),
      charts: this.charts.map((c) => c.snapshot()),
    };
  }

  /** Values as a plain grid of the data range (Dates as Dates), not counted. */
  values(): unknown[][] {
    return this.snapshot().values;
  }

  // ------------------------------------------------------------ Apps Script methods

  activate(): this {
    this.rec('activate');
    this.spreadsheet.activeSheet = this;
    this.hidden = false;
    return this;
  }

  appendRow(rowContents: any[]): this {
    this.rec('appendRow');
    if (!Array.isArray(rowContents)) throw gasError(MESSAGES.signature(typeof rowContents, 'SpreadsheetApp.Sheet.appendRow'));
    const row = this.lastRow() + 1;
    // appendRow grows the sheet when it is full, unlike setValues.
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    if (rowContents.length > 0) new FakeRange(this, row, 1, 1, rowContents.length).writeValues([rowContents]);
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    this.rec('autoResizeColumn');
    checkInteger('SpreadsheetApp.Sheet.autoResizeColumn', columnPosition);
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.rec('autoResizeColumns');
    checkInteger('SpreadsheetApp.Sheet.autoResizeColumns', startColumn, numColumns);
    return this;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    this.rec('clear');
    const contents = !options?.formatOnly || Boolean(options?.contentsOnly);
    const formats = !options?.contentsOnly || Boolean(options?.formatOnly);
    if (formats && !this.spreadsheet.undocumented.clearKeepsMerges) this.merges = [];
    for (const row of this.rows) {
      if (!row) continue;
      for (const cell of row) if (cell) clearCell(cell, { contents, formats, notes: false, validations: false });
    }
    return this;
  }

  /** "Copies the sheet to a given spreadsheet … The copied sheet is named 'Copy of [original name]'" (reference). */
  copyTo(spreadsheet: FakeSpreadsheet): FakeSheet {
    this.rec('copyTo');
    if (spreadsheet !== this.spreadsheet) throw fakeUsageError('copyTo another spreadsheet is not modelled');
    return spreadsheet.copyOf(this, `Copy of ${this.name}`);
  }

  clearContents(): this {
    this.rec('clearContents');
    for (const row of this.rows) for (const cell of row ?? []) if (cell) clearCell(cell, { contents: true });
    return this;
  }

  clearFormats(): this {
    this.rec('clearFormats');
    this.merges = [];
    for (const row of this.rows) for (const cell of row ?? []) if (cell) clearCell(cell, { formats: true });
    return this;
  }

  clearNotes(): this {
    this.rec('clearNotes');
    for (const row of this.rows) for (const cell of row ?? []) if (cell) cell.note = '';
    return this;
  }

  deleteRow(rowPosition: number): this {
    this.rec('deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): this {
    this.rec('deleteRows');
    this.removeRows(rowPosition, howMany);
    return this;
  }

  private removeRows(start: number, howMany: number, method = 'SpreadsheetApp.Sheet.deleteRows'): void {
    checkInteger(method, start, howMany);
    if (start < 1 || howMany < 1 || start + howMany - 1 > this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    if (this.maxRows - howMany <= this.frozenRows && start > this.frozenRows) throw gasError(MESSAGES.deleteAllNonFrozenRows);
    if (howMany >= this.maxRows) throw gasError(MESSAGES.deleteAllNonFrozenRows);
    this.rows.splice(start - 1, howMany);
    this.maxRows -= howMany;
    const end = start + howMany - 1;
    this.merges = this.merges.filter((m) => !(m.row >= start && m.row + m.numRows - 1 <= end)).map((m) => (m.row > end ? { ...m, row: m.row - howMany } : m));
    this.followChange({ dimension: 'ROWS', kind: 'delete', at: start, count: howMany });
  }

  deleteColumn(columnPosition: number): this {
    this.rec('deleteColumn');
    this.removeColumns(columnPosition, 1, 'SpreadsheetApp.Sheet.deleteColumn');
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.rec('deleteColumns');
    this.removeColumns(columnPosition, howMany);
  }

  private removeColumns(start: number, howMany: number, method = 'SpreadsheetApp.Sheet.deleteColumns'): void {
    checkInteger(method, start, howMany);
    if (start < 1 || howMany < 1 || start + howMany - 1 > this.maxColumns) {
      throw gasError(MESSAGES.columnsOutOfBounds);
    }
    for (const row of this.rows) row?.splice(start - 1, howMany);
    this.maxColumns -= howMany;
    // Merges follow their columns as they follow their rows in removeRows.
    const end = start + howMany - 1;
    this.merges = this.merges
      .filter((m) => !(m.column >= start && m.column + m.numColumns - 1 <= end))
      .map((m) => (m.column > end ? { ...m, column: m.column - howMany } : m));
    this.followChange({ dimension: 'COLUMNS', kind: 'delete', at: start, count: howMany });
  }

  /** Developer metadata and conditional-format rules follow inserted and deleted rows and columns. */
  private followChange(change: DimensionChange): void {
    followDimensionChange(this.spreadsheet, this, change);
    this.conditionalRules = this.conditionalRules.flatMap((rule) => ruleAfter(rule, change) ?? []);
  }

  getColumnWidth(columnPosition: number): number {
    this.rec('getColumnWidth');
    checkInteger('SpreadsheetApp.Sheet.getColumnWidth', columnPosition);
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw gasError(MESSAGES.columnsOutOfBounds);
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  getDataRange(): FakeRange {
    this.rec('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  getFrozenColumns(): number {
    this.rec('getFrozenColumns');
    return this.frozenColumns;
  }

  getFrozenRows(): number {
    this.rec('getFrozenRows');
    return this.frozenRows;
  }

  getIndex(): number {
    this.rec('getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getLastColumn(): number {
    this.rec('getLastColumn');
    return this.lastColumn();
  }

  getLastRow(): number {
    this.rec('getLastRow');
    return this.lastRow();
  }

  getMaxColumns(): number {
    this.rec('getMaxColumns');
    return this.maxColumns;
  }

  getMaxRows(): number {
    this.rec('getMaxRows');
    return this.maxRows;
  }

  getName(): string {
    this.rec('getName');
    return this.name;
  }

  getParent(): FakeSpreadsheet {
    this.rec('getParent');
    return this.spreadsheet;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    this.rec('getProtections');
    if (type !== ProtectionTypeEnum.SHEET && type !== ProtectionTypeEnum.RANGE) {
      throw gasError(MESSAGES.signature(typeof type, 'SpreadsheetApp.Sheet.getProtections'));
    }
    return this.protections.filter((p) => p.type === String(type));
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.rec('getRange');
    if (typeof a1OrRow === 'string') {
      if (column !== undefined) throw gasError(MESSAGES.signature('String,number', 'SpreadsheetApp.Sheet.getRange'));
      return this.rangeA1(a1OrRow);
    }
    if (column === undefined) throw gasError(MESSAGES.signature('number', 'SpreadsheetApp.Sheet.getRange'));
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    checkInteger('SpreadsheetApp.Sheet.getRange', a1OrRow, column, nr, nc);
    return this.rangeAt(a1OrRow, column, nr, nc);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    this.rec('getRangeList');
    if (!Array.isArray(a1Notations) || a1Notations.some((a) => typeof a !== 'string')) {
      throw gasError(MESSAGES.signature(typeof a1Notations, 'SpreadsheetApp.Sheet.getRangeList'));
    }
    return new FakeRangeList(
      this,
      a1Notations.map((a1) => this.rangeA1(a1)),
    );
  }

  getRowHeight(rowPosition: number): number {
    this.rec('getRowHeight');
    checkInteger('SpreadsheetApp.Sheet.getRowHeight', rowPosition);
    if (rowPosition < 1 || rowPosition > this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  getSheetId(): number {
    this.rec('getSheetId');
    return this.sheetId;
  }

  getTabColor(): string | null {
    this.rec('getTabColor');
    return this.tabColor;
  }

  hideSheet(): this {
    this.rec('hideSheet');
    const visible = this.spreadsheet.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this) throw gasError(MESSAGES.hideAllSheets);
    this.hidden = true;
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.rec('insertColumnAfter');
    this.addColumns(afterPosition, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.rec('insertColumnsAfter');
    this.addColumns(afterPosition, howMany);
    return this;
  }

  insertColumnBefore(beforePosition: number): this {
    this.rec('insertColumnBefore');
    this.addColumnsBefore(beforePosition, 1, 'SpreadsheetApp.Sheet.insertColumnBefore');
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.rec('insertColumnsBefore');
    this.addColumnsBefore(beforePosition, howMany, 'SpreadsheetApp.Sheet.insertColumnsBefore');
    return this;
  }

  /** "Inserts … blank columns in a sheet starting at the specified location": `insertColumns(1)` shifts every column right. */
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.rec('insertColumns');
    this.addColumnsBefore(columnIndex, numColumns ?? 1, 'SpreadsheetApp.Sheet.insertColumns');
  }

  private addColumns(after: number, howMany: number): void {
    checkInteger('SpreadsheetApp.Sheet.insertColumnsAfter', after, howMany);
    if (after < 1 || after > this.maxColumns) throw gasError(MESSAGES.columnsOutOfBounds);
    if (howMany < 1) throw gasError(MESSAGES.columnsAtLeastOne);
    this.spliceColumns(after + 1, howMany);
  }

  private addColumnsBefore(before: number, howMany: number, method: string): void {
    checkInteger(method, before, howMany);
    if (before < 1 || before > this.maxColumns) throw gasError(MESSAGES.columnsOutOfBounds);
    if (howMany < 1) throw gasError(MESSAGES.columnsAtLeastOne);
    this.spliceColumns(before, howMany);
  }

  /** New blank columns at `at` … at+howMany-1; what was at `at` moves right. */
  private spliceColumns(at: number, howMany: number): void {
    if (this.maxColumns + howMany > MAX_COLUMNS) throw gasError(MESSAGES.columnLimit(MAX_COLUMNS));
    this.spreadsheet.checkCellLimit(this.maxRows * howMany);
    const after = at - 1;
    for (const row of this.rows) {
      if (row && row.length > after) row.splice(after, 0, ...new Array<Cell | undefined>(howMany));
    }
    this.maxColumns += howMany;
    this.merges = this.merges.map((m) => (m.column > after ? { ...m, column: m.column + howMany } : m));
    const widths = new Map<number, number>();
    for (const [c, w] of this.columnWidths) widths.set(c > after ? c + howMany : c, w);
    this.columnWidths = widths;
    this.followChange({ dimension: 'COLUMNS', kind: 'insert', at, count: howMany });
  }

  insertRowAfter(afterPosition: number): this {
    this.rec('insertRowAfter');
    this.addRows(afterPosition, 1);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.rec('insertRowsAfter');
    this.addRows(afterPosition, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.rec('insertRowBefore');
    this.addRowsBefore(beforePosition, 1, 'SpreadsheetApp.Sheet.insertRowBefore');
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.rec('insertRowsBefore');
    this.addRowsBefore(beforePosition, howMany, 'SpreadsheetApp.Sheet.insertRowsBefore');
    return this;
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.rec('insertRows');
    this.addRowsBefore(rowIndex, numRows ?? 1, 'SpreadsheetApp.Sheet.insertRows');
  }

  private addRows(after: number, howMany: number): void {
    checkInteger('SpreadsheetApp.Sheet.insertRowsAfter', after, howMany);
    if (after < 1 || after > this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    if (howMany < 1) throw gasError(MESSAGES.rowsAtLeastOne);
    this.spliceRows(after + 1, howMany);
  }

  private addRowsBefore(before: number, howMany: number, method: string): void {
    checkInteger(method, before, howMany);
    if (before < 1 || before > this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    if (howMany < 1) throw gasError(MESSAGES.rowsAtLeastOne);
    this.spliceRows(before, howMany);
  }

  private spliceRows(at: number, howMany: number): void {
    this.spreadsheet.checkCellLimit(this.maxColumns * howMany);
    const after = at - 1;
    if (this.rows.length > after) this.rows.splice(after, 0, ...new Array<(Cell | undefined)[]>(howMany));
    this.maxRows += howMany;
    this.merges = this.merges.map((m) => (m.row > after ? { ...m, row: m.row + howMany } : m));
    this.followChange({ dimension: 'ROWS', kind: 'insert', at, count: howMany });
  }

  // ------------------------------------------------------------ what a person does (not counted)

  /** A person inserts `howMany` columns before column `before` (Insert › Column left). Not a script call. */
  insertColumnsAsUser(before: number, howMany = 1): void {
    this.asUser(() => this.addColumnsBefore(before, howMany, 'insertColumnsAsUser'));
  }

  /** A person deletes columns start … start+howMany-1. Not a script call. */
  deleteColumnsAsUser(start: number, howMany = 1): void {
    this.asUser(() => this.removeColumns(start, howMany, 'deleteColumnsAsUser'));
  }

  /** A person inserts `howMany` rows above row `before`. Not a script call. */
  insertRowsAsUser(before: number, howMany = 1): void {
    this.asUser(() => this.addRowsBefore(before, howMany, 'insertRowsAsUser'));
  }

  /** A person deletes rows start … start+howMany-1. Not a script call. */
  deleteRowsAsUser(start: number, howMany = 1): void {
    this.asUser(() => this.removeRows(start, howMany, 'deleteRowsAsUser'));
  }

  private asUser(action: () => void): void {
    try {
      action();
    } catch (e) {
      throw fakeUsageError(`a person cannot do that here: ${(e as Error).message}`);
    }
  }

  // ------------------------------------------------------------ developer metadata

  /** addDeveloperMetadata(key[, value][, visibility]) on the sheet itself. */
  addDeveloperMetadata(key: string, ...rest: any[]): this {
    this.rec('addDeveloperMetadata');
    addMetadata(this.spreadsheet, metadataArguments('SpreadsheetApp.Sheet.addDeveloperMetadata', [key, ...rest]), { type: 'SHEET', sheet: this });
    return this;
  }

  /** Metadata on this sheet and on its rows and columns (reference: "within the scope of this sheet"). */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.spreadsheet, { kind: 'sheet', sheet: this });
  }

  /**
   * Only the metadata on the sheet itself (reference: "Get all developer metadata associated with this sheet"; gas-fakes'
   * live test finds one entry after adding metadata to the sheet, a row and a column).
   */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata');
    return this.spreadsheet.developerMetadata
      .filter((r) => r.location.type === 'SHEET' && r.location.sheet === this)
      .map((r) => new FakeDeveloperMetadata(this.spreadsheet, r));
  }

  // ------------------------------------------------------------ charts

  newChart(): FakeEmbeddedChartBuilder {
    this.rec('newChart');
    return new FakeEmbeddedChartBuilder(this.ctx);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.rec('insertChart');
    if (!(chart instanceof FakeEmbeddedChart)) throw gasError(MESSAGES.signature(typeof chart, 'SpreadsheetApp.Sheet.insertChart'));
    this.charts.push(chart);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.rec('getCharts');
    return [...this.charts];
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.rec('removeChart');
    this.charts = this.charts.filter((c) => c.state.id !== chart.state.id);
  }

  // ------------------------------------------------------------ conditional formatting

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.rec('getConditionalFormatRules');
    return this.conditionalRules.map((rule) => new FakeConditionalFormatRule(this.ctx, copyState(rule)));
  }

  /**
   * "Replaces all currently existing conditional format rules in the sheet with the input rules. Rules are evaluated
   * in their input order" (reference). A rule for another sheet's ranges is refused; so is a formula naming another
   * sheet, with the message Sheets gives when the rules are set.
   */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.rec('setConditionalFormatRules');
    const method = 'SpreadsheetApp.Sheet.setConditionalFormatRules';
    if (!Array.isArray(rules)) throw gasError(MESSAGES.signature(typeof rules, method));
    for (const rule of rules) {
      if (!(rule instanceof FakeConditionalFormatRule)) throw gasError(MESSAGES.signature(typeof rule, method));
      if (rule.state.ranges.some((r) => r.sheet !== this)) throw gasError(MESSAGES.cfRuleOfOtherSheet);
      const formula = rule.state.criteria === 'CUSTOM_FORMULA' ? String(rule.state.values[0] ?? '') : '';
      if (referencedSheets(formula).some((name) => name !== this.name)) throw gasError(MESSAGES.cfOtherSheetReference);
    }
    this.conditionalRules = rules.map((rule) => copyState(rule.state));
  }

  clearConditionalFormatRules(): void {
    this.rec('clearConditionalFormatRules');
    this.conditionalRules = [];
  }

  /**
   * What a person sees in a cell: its own background, font colour, weight and style, overridden by the first
   * conditional-format rule (in priority order) that covers the cell and holds there. A cell under a merge shows the
   * merge's upper-left cell. Not counted. Throws a FakeUsageError for a custom formula the fake cannot evaluate (see
   * formulaHolds in conditional-format.ts).
   */
  effectiveFormat(a1OrRow: string | number, column?: number): EffectiveFormat {
    let row: number;
    let col: number;
    if (typeof a1OrRow === 'string') {
      const r = this.rangeA1(a1OrRow);
      row = r.row;
      col = r.column;
    } else {
      if (column === undefined) throw fakeUsageError('effectiveFormat(row, column) needs a column');
      row = a1OrRow;
      col = column;
    }
    const merge = this.merges.find((m) => row >= m.row && row < m.row + m.numRows && col >= m.column && col < m.column + m.numColumns);
    if (merge) {
      row = merge.row;
      col = merge.column;
    }
    const cell = this.cellAt(row, col) ?? (BLANK as Cell);
    const seen: EffectiveFormat = {
      background: cell.background ?? '#ffffff',
      fontColor: cell.fontColor,
      bold: cell.fontWeight === 'bold',
      italic: cell.fontStyle === 'italic',
      rule: null,
    };
    const index = this.conditionalRules.findIndex((rule) => ruleCovers(rule, row, col) && conditionHolds(this, rule, row, col));
    if (index < 0) return seen;
    const f = this.conditionalRules[index]!.format;
    return {
      background: f.background ?? seen.background,
      fontColor: f.fontColor ?? seen.fontColor,
      bold: f.bold ?? seen.bold,
      italic: f.italic ?? seen.italic,
      rule: index,
    };
  }

  /** The backgrounds a person sees over a range (`'A2:S20'`), conditional formatting applied. Not counted. */
  effectiveBackgrounds(a1: string): string[][] {
    const r = this.rangeA1(a1);
    return Array.from({ length: r.numRows }, (_, i) =>
      Array.from({ length: r.numColumns }, (_, j) => this.effectiveFormat(r.row + i, r.column + j).background),
    );
  }

  /**
   * Cells hidden under a merge that still hold a value or formula, in A1. Sheets keeps a merge's value in its upper-left
   * cell only and shows nothing else; the fake keeps whatever a script writes into the other cells (no public source
   * says Sheets refuses such a write) and lists it here, so a test can insist nothing was hidden. Not counted.
   */
  hiddenUnderMerges(): string[] {
    const hidden: string[] = [];
    for (const m of this.merges) {
      for (let r = m.row; r < m.row + m.numRows; r++) {
        for (let c = m.column; c < m.column + m.numColumns; c++) {
          if ((r !== m.row || c !== m.column) && hasContent(this.cellAt(r, c))) hidden.push(a1Of(r, c, 1, 1));
        }
      }
    }
    return hidden;
  }

  getFilter(): FakeFilter | null {
    this.rec('getFilter');
    return this.filter;
  }

  /** Whether the sheet's filter hides this row (its criteria read as filter.ts says). */
  isRowHiddenByFilter(rowPosition: number): boolean {
    this.rec('isRowHiddenByFilter');
    checkInteger('SpreadsheetApp.Sheet.isRowHiddenByFilter', rowPosition);
    return this.filter?.hides(rowPosition) ?? false;
  }

  isSheetHidden(): boolean {
    this.rec('isSheetHidden');
    return this.hidden;
  }

  protect(): FakeProtection {
    this.rec('protect');
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return existing;
    const p = new FakeProtection(this, 'SHEET', null);
    this.protections.push(p);
    return p;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.rec('setColumnWidth');
    checkInteger('SpreadsheetApp.Sheet.setColumnWidth', columnPosition, width);
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw gasError(MESSAGES.columnsOutOfBounds);
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.rec('setColumnWidths');
    checkInteger('SpreadsheetApp.Sheet.setColumnWidths', startColumn, numColumns, width);
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.maxColumns) {
      throw gasError(MESSAGES.columnsOutOfBounds);
    }
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  setFrozenColumns(columns: number): void {
    this.rec('setFrozenColumns');
    checkInteger('SpreadsheetApp.Sheet.setFrozenColumns', columns);
    if (columns < 0 || columns >= this.maxColumns) throw gasError(MESSAGES.columnsOutOfBounds);
    this.frozenColumns = columns;
  }

  setFrozenRows(rows: number): void {
    this.rec('setFrozenRows');
    checkInteger('SpreadsheetApp.Sheet.setFrozenRows', rows);
    if (rows < 0 || rows >= this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    this.frozenRows = rows;
  }

  setName(name: string): this {
    this.rec('setName');
    if (typeof name !== 'string') throw gasError(MESSAGES.signature(typeof name, 'SpreadsheetApp.Sheet.setName'));
    if (name === this.name) return this;
    this.spreadsheet.assertNameFree(name, this);
    this.name = name;
    return this;
  }

  setRowHeight(rowPosition: number, height: number): this {
    this.rec('setRowHeight');
    checkInteger('SpreadsheetApp.Sheet.setRowHeight', rowPosition, height);
    if (rowPosition < 1 || rowPosition > this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    this.rowHeights.set(rowPosition, height);
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.rec('setRowHeights');
    checkInteger('SpreadsheetApp.Sheet.setRowHeights', startRow, numRows, height);
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this.maxRows) throw gasError(MESSAGES.rowsOutOfBounds);
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights.set(r, height);
    return this;
  }

  setTabColor(color: string | null): this {
    this.rec('setTabColor');
    this.tabColor = color === null ? null : String(color).toLowerCase();
    return this;
  }

  showSheet(): this {
    this.rec('showSheet');
    this.hidden = false;
    return this;
  }
}

export function clearCell(cell: Cell, what: { contents?: boolean; formats?: boolean; notes?: boolean; validations?: boolean }): void {
  const blank = BLANK;
  if (what.contents) {
    cell.value = '';
    cell.formula = '';
  }
  if (what.notes) cell.note = '';
  if (what.validations) cell.validation = null;
  if (what.formats) {
    cell.background = blank.background;
    cell.fontWeight = blank.fontWeight;
    cell.fontStyle = blank.fontStyle;
    cell.fontColor = blank.fontColor;
    cell.fontSize = blank.fontSize;
    cell.fontFamily = blank.fontFamily;
    cell.numberFormat = blank.numberFormat;
    cell.horizontalAlignment = blank.horizontalAlignment;
    cell.verticalAlignment = blank.verticalAlignment;
    cell.wrap = blank.wrap;
    cell.borderTop = null;
    cell.borderLeft = null;
    cell.borderBottom = null;
    cell.borderRight = null;
  }
}

export function isBlankCell(cell: Cell): boolean {
  return (Object.keys(BLANK) as (keyof Cell)[]).every((k) => cell[k] === BLANK[k]);
}
