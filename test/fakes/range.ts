import { a1OfBounded, BOUNDED, type Bounds } from './a1';
import { BLANK, type BorderEdge, type Cell, coerceWrite, DateValue, displayOf, GENERAL_FORMAT, hasContent, isDateFormat } from './cells';
import { FakeDataValidation } from './data-validation';
import { FakeFilter } from './filter';
import { addMetadata, FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArguments, metadataOfRange } from './developer-metadata';
import { dateToSerial, isDateObject, serialToDate } from './dates';
import { BorderStyleEnum } from './enums';
import { fakeUsageError, gasError, MESSAGES } from './errors';
import { FakeProtection } from './protection';
import { type Box, clearCell, contains, FakeSheet, intersects } from './sheet';

type Api = GoogleAppsScript.Spreadsheet.Range;
type Implemented =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'createDeveloperMetadataFinder'
  | 'createFilter'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDeveloperMetadata'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontSizes'
  | 'getFontStyles'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getHeight'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignments'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'isEndColumnBounded'
  | 'isEndRowBounded'
  | 'isPartOfMerge'
  | 'isStartColumnBounded'
  | 'isStartRowBounded'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontSize'
  | 'setFontSizes'
  | 'setFontFamilies'
  | 'getFontFamilies'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'setWrap'
  | 'setWraps';

type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type HAlign = 'left' | 'center' | 'normal' | 'right';
type VAlign = 'top' | 'middle' | 'bottom';

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
};

/** Sheets reports colours as lowercase #rrggbb. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

/** A number format that is neither automatic, plain text nor a date/time: `0`, `#,##0.00`, `0%`… */
function isPlainNumberFormat(format: string): boolean {
  if (format === '' || format === GENERAL_FORMAT || format.toLowerCase() === 'general' || format === '@') return false;
  return !isDateFormat(format);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  if (typeof v === 'string') return 'String';
  if (isDateObject(v)) return 'Date';
  return typeof v;
}

/** A rectangle of a sheet. Coordinates are 1-based, checked when the range is made. */
export interface FakeRange extends Omit<Api, Implemented> {}
export class FakeRange implements Pick<Api, Implemented> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    /** Which edges the A1 notation named (`S:S` names no rows); ranges made from numbers are bounded everywhere. */
    readonly bounds: Readonly<Bounds> = BOUNDED,
  ) {}

  private get ctx() {
    return this.sheet.ctx;
  }

  private rec(method: string): void {
    this.ctx.calls.record(`Range.${method}`);
  }

  private get size(): number {
    return this.numRows * this.numColumns;
  }

  private get box(): Box {
    return { row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns };
  }

  a1(): string {
    return a1OfBounded(this.row, this.column, this.numRows, this.numColumns, this.bounds);
  }

  /**
   * One whole column written as such (`S:S`): what Range.addDeveloperMetadata accepts. A range of the same cells made
   * from numbers (getRange(1, 19, maxRows, 1)) is refused in Sheets: an Apps Script project records that a row range
   * built "with explicit numRows/numCols (even when it covers the whole row width …) is treated as an 'arbitrary
   * range' and rejected", and that `4:4` is accepted. The fake follows that report.
   */
  isWholeColumn(): boolean {
    return this.numColumns === 1 && !this.bounds.startRow && !this.bounds.endRow;
  }

  /** One whole row written as such (`3:3`); see isWholeColumn. */
  isWholeRow(): boolean {
    return this.numRows === 1 && !this.bounds.startColumn && !this.bounds.endColumn;
  }

  // ------------------------------------------------------------ internal helpers (not counted)

  read<T>(f: (cell: Cell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        line.push(f(this.sheet.cellAt(this.row + r, this.column + c) ?? (BLANK as Cell)));
      }
      out.push(line);
    }
    return out;
  }

  private readCounted<T>(f: (cell: Cell) => T): T[][] {
    this.ctx.calls.cellsRead += this.size;
    return this.read(f);
  }

  private first<T>(f: (cell: Cell) => T): T {
    this.ctx.calls.cellsRead += 1;
    return f(this.sheet.cellAt(this.row, this.column) ?? (BLANK as Cell));
  }

  private eachCell(f: (cell: Cell, r: number, c: number) => void): void {
    this.ctx.calls.cellsWritten += this.size;
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) f(this.sheet.ensureCell(this.row + r, this.column + c), r, c);
    }
  }

  /** Google's shape checks for every 2-D setter, then one write per cell. */
  private writeGrid<T>(method: string, grid: unknown, f: (cell: Cell, v: T) => void): void {
    if (!Array.isArray(grid)) throw gasError(MESSAGES.signature(typeName(grid), `SpreadsheetApp.Range.${method}`));
    for (const line of grid) {
      if (!Array.isArray(line)) throw gasError(MESSAGES.signature(typeName(grid), `SpreadsheetApp.Range.${method}`));
    }
    if (grid.length !== this.numRows) throw gasError(MESSAGES.rowsMismatch(grid.length, this.numRows));
    for (const line of grid as unknown[][]) {
      if (line.length !== this.numColumns) throw gasError(MESSAGES.columnsMismatch(line.length, this.numColumns));
    }
    this.eachCell((cell, r, c) => f(cell, (grid as T[][])[r]![c]!));
  }

  /**
   * What getValues hands out. In Sheets a date is a number with a date format: a number cell formatted as a date
   * reads as a Date (midnight in the spreadsheet's zone), and a date cell given a plain number format reads as its
   * serial number.
   */
  outValue(cell: Cell): unknown {
    const v = cell.value;
    const zone = this.sheet.spreadsheet.timeZone;
    if (v instanceof DateValue) {
      return isPlainNumberFormat(cell.numberFormat) ? dateToSerial(v.ms, zone) : this.ctx.makeDate(v.ms);
    }
    if (typeof v === 'number' && isDateFormat(cell.numberFormat)) return this.ctx.makeDate(serialToDate(v, zone));
    return v;
  }

  display(cell: Cell): string {
    const ss = this.sheet.spreadsheet;
    return displayOf(cell, ss.locale, ss.timeZone);
  }

  private storeValue(cell: Cell, v: unknown): void {
    const ss = this.sheet.spreadsheet;
    const parsed = coerceWrite(v, cell.numberFormat, ss.locale, ss.timeZone);
    cell.value = parsed.value;
    cell.formula = parsed.formula;
  }

  /** setValues without the call count (appendRow and seeding use it). */
  writeValues(values: unknown[][]): void {
    this.writeGrid<unknown>('setValues', values, (cell, v) => this.storeValue(cell, v));
  }

  private checkEnum<T>(method: string, value: unknown, allowed: readonly T[]): void {
    if (value !== null && !allowed.includes(value as T)) {
      // ours: Apps Script rejects unknown keywords; its exact wording was not found.
      throw gasError(MESSAGES.invalidArgument(`${method}: ${String(value)}`));
    }
  }

  private checkMergeSafe(): void {
    for (const m of this.sheet.merges) {
      if (intersects(m, this.box) && !contains(this.box, m)) throw gasError(MESSAGES.mergePartial);
    }
  }

  private addMerge(box: Box): void {
    if (box.numRows === 1 && box.numColumns === 1) return;
    this.sheet.merges = this.sheet.merges.filter((m) => !contains(box, m));
    this.sheet.merges.push(box);
    // Merging keeps only the upper-left value.
    for (let r = 0; r < box.numRows; r++) {
      for (let c = 0; c < box.numColumns; c++) {
        if (r === 0 && c === 0) continue;
        const cell = this.sheet.cellAt(box.row + r, box.column + c);
        if (cell) clearCell(cell, { contents: true });
      }
    }
  }

  // ------------------------------------------------------------ geometry

  activate(): this {
    this.rec('activate');
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeRange = this;
    return this;
  }
  getA1Notation(): string {
    this.rec('getA1Notation');
    return this.a1();
  }
  getCell(row: number, column: number): FakeRange {
    this.rec('getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw gasError('Cell reference out of range');
    }
    return new FakeRange(this.sheet, this.row + row - 1, this.column + column - 1, 1, 1);
  }
  getColumn(): number {
    this.rec('getColumn');
    return this.column;
  }
  getHeight(): number {
    this.rec('getHeight');
    return this.numRows;
  }
  getLastColumn(): number {
    this.rec('getLastColumn');
    return this.column + this.numColumns - 1;
  }
  getLastRow(): number {
    this.rec('getLastRow');
    return this.row + this.numRows - 1;
  }
  getNumColumns(): number {
    this.rec('getNumColumns');
    return this.numColumns;
  }
  getNumRows(): number {
    this.rec('getNumRows');
    return this.numRows;
  }
  getRow(): number {
    this.rec('getRow');
    return this.row;
  }
  getSheet(): FakeSheet {
    this.rec('getSheet');
    return this.sheet;
  }
  getWidth(): number {
    this.rec('getWidth');
    return this.numColumns;
  }
  isStartRowBounded(): boolean {
    this.rec('isStartRowBounded');
    return this.bounds.startRow;
  }
  isEndRowBounded(): boolean {
    this.rec('isEndRowBounded');
    return this.bounds.endRow;
  }
  isStartColumnBounded(): boolean {
    this.rec('isStartColumnBounded');
    return this.bounds.startColumn;
  }
  isEndColumnBounded(): boolean {
    this.rec('isEndColumnBounded');
    return this.bounds.endColumn;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.rec('offset');
    return this.sheet.rangeAt(this.row + rowOffset, this.column + columnOffset, numRows ?? this.numRows, numColumns ?? this.numColumns);
  }

  // ------------------------------------------------------------ values

  getValues(): any[][] {
    this.rec('getValues');
    return this.readCounted((c) => this.outValue(c));
  }
  getValue(): any {
    this.rec('getValue');
    return this.first((c) => this.outValue(c));
  }
  getDisplayValues(): string[][] {
    this.rec('getDisplayValues');
    return this.readCounted((c) => this.display(c));
  }
  getDisplayValue(): string {
    this.rec('getDisplayValue');
    return this.first((c) => this.display(c));
  }
  setValues(values: any[][]): this {
    this.rec('setValues');
    this.writeValues(values);
    return this;
  }
  setValue(value: any): this {
    this.rec('setValue');
    if (Array.isArray(value)) {
      // Apps Script writes the array's string form; almost always a bug in the caller.
      throw fakeUsageError('setValue got an array: use setValues([[…]])');
    }
    this.eachCell((cell) => this.storeValue(cell, value));
    return this;
  }
  isBlank(): boolean {
    this.rec('isBlank');
    this.ctx.calls.cellsRead += this.size;
    return this.read((c) => hasContent(c)).every((line) => line.every((x) => !x));
  }
  getFormulas(): string[][] {
    this.rec('getFormulas');
    return this.readCounted((c) => c.formula);
  }
  getFormula(): string {
    this.rec('getFormula');
    return this.first((c) => c.formula);
  }
  setFormula(formula: string): this {
    this.rec('setFormula');
    this.eachCell((cell) => {
      cell.formula = formula;
      cell.value = '';
    });
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.rec('setFormulas');
    this.writeGrid<string>('setFormulas', formulas, (cell, f) => {
      cell.formula = f ?? '';
      cell.value = '';
    });
    return this;
  }

  // ------------------------------------------------------------ notes

  getNotes(): string[][] {
    this.rec('getNotes');
    return this.readCounted((c) => c.note);
  }
  getNote(): string {
    this.rec('getNote');
    return this.first((c) => c.note);
  }
  setNotes(notes: (string | null)[][]): this {
    this.rec('setNotes');
    this.writeGrid<string | null>('setNotes', notes, (cell, n) => {
      cell.note = n === null || n === undefined ? '' : String(n);
    });
    return this;
  }
  setNote(note: string | null): this {
    this.rec('setNote');
    this.eachCell((cell) => {
      cell.note = note === null || note === undefined ? '' : String(note);
    });
    return this;
  }
  clearNote(): this {
    this.rec('clearNote');
    this.eachCell((cell) => {
      cell.note = '';
    });
    return this;
  }

  // ------------------------------------------------------------ formats

  getBackgrounds(): string[][] {
    this.rec('getBackgrounds');
    return this.readCounted((c) => c.background ?? '#ffffff');
  }
  getBackground(): string {
    this.rec('getBackground');
    return this.first((c) => c.background ?? '#ffffff');
  }
  setBackgrounds(color: (string | null)[][]): this {
    this.rec('setBackgrounds');
    this.writeGrid<string | null>('setBackgrounds', color, (cell, v) => {
      cell.background = v === null || v === undefined || v === '' ? null : normalizeColor(String(v));
    });
    return this;
  }
  setBackground(color: string | null): this {
    this.rec('setBackground');
    const v = color === null || color === undefined || color === '' ? null : normalizeColor(String(color));
    this.eachCell((cell) => {
      cell.background = v;
    });
    return this;
  }
  getFontWeights(): FontWeight[][] {
    this.rec('getFontWeights');
    return this.readCounted((c) => c.fontWeight);
  }
  getFontWeight(): FontWeight {
    this.rec('getFontWeight');
    return this.first((c) => c.fontWeight);
  }
  setFontWeights(fontWeights: (FontWeight | null)[][]): this {
    this.rec('setFontWeights');
    for (const line of Array.isArray(fontWeights) ? fontWeights : []) {
      for (const w of Array.isArray(line) ? line : []) this.checkEnum('fontWeight', w, ['bold', 'normal']);
    }
    this.writeGrid<FontWeight | null>('setFontWeights', fontWeights, (cell, w) => {
      cell.fontWeight = w ?? 'normal';
    });
    return this;
  }
  setFontWeight(fontWeight: FontWeight | null): this {
    this.rec('setFontWeight');
    this.checkEnum('fontWeight', fontWeight, ['bold', 'normal']);
    this.eachCell((cell) => {
      cell.fontWeight = fontWeight ?? 'normal';
    });
    return this;
  }
  getFontStyles(): FontStyle[][] {
    this.rec('getFontStyles');
    return this.readCounted((c) => c.fontStyle);
  }
  setFontStyles(fontStyles: (FontStyle | null)[][]): this {
    this.rec('setFontStyles');
    this.writeGrid<FontStyle | null>('setFontStyles', fontStyles, (cell, s) => {
      this.checkEnum('fontStyle', s, ['italic', 'normal']);
      cell.fontStyle = s ?? 'normal';
    });
    return this;
  }
  setFontStyle(fontStyle: FontStyle | null): this {
    this.rec('setFontStyle');
    this.checkEnum('fontStyle', fontStyle, ['italic', 'normal']);
    this.eachCell((cell) => {
      cell.fontStyle = fontStyle ?? 'normal';
    });
    return this;
  }
  getFontColor(): string {
    this.rec('getFontColor');
    return this.first((c) => c.fontColor);
  }
  getFontColors(): string[][] {
    this.rec('getFontColors');
    return this.readCounted((c) => c.fontColor);
  }
  setFontColor(color: string | null): this {
    this.rec('setFontColor');
    this.eachCell((cell) => {
      cell.fontColor = color === null ? '#000000' : normalizeColor(String(color));
    });
    return this;
  }
  setFontColors(colors: any[][]): this {
    this.rec('setFontColors');
    this.writeGrid<string | null>('setFontColors', colors, (cell, v) => {
      cell.fontColor = v === null || v === undefined ? '#000000' : normalizeColor(String(v));
    });
    return this;
  }
  getFontSizes(): number[][] {
    this.rec('getFontSizes');
    return this.readCounted((c) => c.fontSize);
  }
  setFontSize(size: number): this {
    this.rec('setFontSize');
    if (typeof size !== 'number') throw gasError(MESSAGES.signature(typeName(size), 'SpreadsheetApp.Range.setFontSize'));
    this.eachCell((cell) => {
      cell.fontSize = size;
    });
    return this;
  }
  setFontSizes(sizes: number[][]): this {
    this.rec('setFontSizes');
    this.writeGrid<number>('setFontSizes', sizes, (cell, s) => {
      cell.fontSize = s;
    });
    return this;
  }
  /** A null font family resets the cell to the default (Arial), as Sheets documents for setFontFamilies. */
  setFontFamilies(fontFamilies: (string | null)[][]): this {
    this.rec('setFontFamilies');
    this.writeGrid<string | null>('setFontFamilies', fontFamilies, (cell, f) => {
      cell.fontFamily = f ?? 'Arial';
    });
    return this;
  }
  getFontFamilies(): string[][] {
    this.rec('getFontFamilies');
    return this.readCounted((c) => c.fontFamily);
  }
  getNumberFormats(): string[][] {
    this.rec('getNumberFormats');
    return this.readCounted((c) => c.numberFormat);
  }
  getNumberFormat(): string {
    this.rec('getNumberFormat');
    return this.first((c) => c.numberFormat);
  }
  setNumberFormat(numberFormat: string): this {
    this.rec('setNumberFormat');
    if (typeof numberFormat !== 'string') {
      throw gasError(MESSAGES.signature(typeName(numberFormat), 'SpreadsheetApp.Range.setNumberFormat'));
    }
    this.eachCell((cell) => {
      cell.numberFormat = numberFormat;
    });
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    this.rec('setNumberFormats');
    this.writeGrid<string>('setNumberFormats', numberFormats, (cell, f) => {
      cell.numberFormat = String(f);
    });
    return this;
  }
  getHorizontalAlignments(): string[][] {
    this.rec('getHorizontalAlignments');
    return this.readCounted((c) => c.horizontalAlignment);
  }
  setHorizontalAlignment(alignment: HAlign | null): this {
    this.rec('setHorizontalAlignment');
    this.checkEnum('horizontalAlignment', alignment, ['left', 'center', 'normal', 'right']);
    this.eachCell((cell) => {
      cell.horizontalAlignment = alignment === null || alignment === 'normal' ? 'general' : alignment;
    });
    return this;
  }
  setHorizontalAlignments(alignments: (HAlign | null)[][]): this {
    this.rec('setHorizontalAlignments');
    this.writeGrid<HAlign | null>('setHorizontalAlignments', alignments, (cell, a) => {
      this.checkEnum('horizontalAlignment', a, ['left', 'center', 'normal', 'right']);
      cell.horizontalAlignment = a === null || a === 'normal' ? 'general' : a;
    });
    return this;
  }
  getVerticalAlignments(): string[][] {
    this.rec('getVerticalAlignments');
    return this.readCounted((c) => c.verticalAlignment);
  }
  setVerticalAlignment(alignment: VAlign | null): this {
    this.rec('setVerticalAlignment');
    this.checkEnum('verticalAlignment', alignment, ['top', 'middle', 'bottom']);
    this.eachCell((cell) => {
      cell.verticalAlignment = alignment ?? 'bottom';
    });
    return this;
  }
  setVerticalAlignments(alignments: (VAlign | null)[][]): this {
    this.rec('setVerticalAlignments');
    this.writeGrid<VAlign | null>('setVerticalAlignments', alignments, (cell, a) => {
      this.checkEnum('verticalAlignment', a, ['top', 'middle', 'bottom']);
      cell.verticalAlignment = a ?? 'bottom';
    });
    return this;
  }
  getWraps(): boolean[][] {
    this.rec('getWraps');
    return this.readCounted((c) => c.wrap);
  }
  getWrap(): boolean {
    this.rec('getWrap');
    return this.first((c) => c.wrap);
  }
  setWrap(isWrapEnabled: boolean): this {
    this.rec('setWrap');
    this.eachCell((cell) => {
      cell.wrap = Boolean(isWrapEnabled);
    });
    return this;
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    this.rec('setWraps');
    this.writeGrid<boolean>('setWraps', isWrapEnabled, (cell, w) => {
      cell.wrap = Boolean(w);
    });
    return this;
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): this {
    this.rec('setBorder');
    for (const flag of [top, left, bottom, right, vertical, horizontal]) {
      if (flag !== null && typeof flag !== 'boolean') {
        throw gasError(MESSAGES.signature(typeName(flag), 'SpreadsheetApp.Range.setBorder'));
      }
    }
    if (style !== undefined && style !== null && !Object.values(BorderStyleEnum).includes(style)) {
      throw gasError(MESSAGES.signature(typeName(style), 'SpreadsheetApp.Range.setBorder'));
    }
    const edge: BorderEdge = {
      color: color ? normalizeColor(color) : '#000000',
      style: style ? String(style) : 'SOLID',
    };
    const apply = (flag: boolean | null): BorderEdge | null | undefined => (flag === null ? undefined : flag ? edge : null);
    const lastR = this.numRows - 1;
    const lastC = this.numColumns - 1;
    this.eachCell((cell, r, c) => {
      const t = apply(r === 0 ? top : horizontal);
      const b = apply(r === lastR ? bottom : horizontal);
      const l = apply(c === 0 ? left : vertical);
      const rt = apply(c === lastC ? right : vertical);
      if (t !== undefined) cell.borderTop = t;
      if (b !== undefined) cell.borderBottom = b;
      if (l !== undefined) cell.borderLeft = l;
      if (rt !== undefined) cell.borderRight = rt;
    });
    return this;
  }
  clearFormat(): this {
    this.rec('clearFormat');
    this.eachCell((cell) => clearCell(cell, { formats: true }));
    return this;
  }
  clearContent(): this {
    this.rec('clearContent');
    this.eachCell((cell) => clearCell(cell, { contents: true }));
    return this;
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): this {
    this.rec('clear');
    const only = options && (options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly);
    const what = only
      ? {
          contents: Boolean(options.contentsOnly),
          formats: Boolean(options.formatOnly),
          notes: Boolean(options.commentsOnly),
          validations: Boolean(options.validationsOnly),
        }
      : { contents: true, formats: true };
    if (what.formats) {
      this.checkMergeSafe();
      this.sheet.merges = this.sheet.merges.filter((m) => !contains(this.box, m));
    }
    this.eachCell((cell) => clearCell(cell, what));
    return this;
  }

  // ------------------------------------------------------------ merges

  merge(): this {
    this.rec('merge');
    this.checkMergeSafe();
    this.addMerge(this.box);
    return this;
  }
  mergeAcross(): this {
    this.rec('mergeAcross');
    this.checkMergeSafe();
    for (let r = 0; r < this.numRows; r++) {
      this.addMerge({ row: this.row + r, column: this.column, numRows: 1, numColumns: this.numColumns });
    }
    return this;
  }
  mergeVertically(): this {
    this.rec('mergeVertically');
    this.checkMergeSafe();
    for (let c = 0; c < this.numColumns; c++) {
      this.addMerge({ row: this.row, column: this.column + c, numRows: this.numRows, numColumns: 1 });
    }
    return this;
  }
  /** A filter over this range (its first row the header); a sheet holds one filter at most. */
  createFilter(): FakeFilter {
    this.rec('createFilter');
    if (this.sheet.filter) throw gasError(MESSAGES.filterExists);
    this.sheet.filter = new FakeFilter(this.sheet, this.box);
    return this.sheet.filter;
  }
  breakApart(): this {
    this.rec('breakApart');
    this.checkMergeSafe();
    this.sheet.merges = this.sheet.merges.filter((m) => !contains(this.box, m));
    return this;
  }
  isPartOfMerge(): boolean {
    this.rec('isPartOfMerge');
    return this.sheet.merges.some((m) => intersects(m, this.box));
  }
  getMergedRanges(): FakeRange[] {
    this.rec('getMergedRanges');
    return this.sheet.merges.filter((m) => intersects(m, this.box)).map((m) => new FakeRange(this.sheet, m.row, m.column, m.numRows, m.numColumns));
  }

  // ------------------------------------------------------------ developer metadata

  /**
   * Only on a whole column (`S:S`) or a whole row (`3:3`), written as such; see isWholeColumn. Anything else throws
   * Google's message (a single cell and a partial column included, as gas-fakes' live test shows).
   */
  addDeveloperMetadata(key: string, ...rest: any[]): this {
    this.rec('addDeveloperMetadata');
    const args = metadataArguments('SpreadsheetApp.Range.addDeveloperMetadata', [key, ...rest]);
    if (this.isWholeColumn()) addMetadata(this.sheet.spreadsheet, args, { type: 'COLUMN', sheet: this.sheet, index: this.column });
    else if (this.isWholeRow()) addMetadata(this.sheet.spreadsheet, args, { type: 'ROW', sheet: this.sheet, index: this.row });
    else throw gasError(MESSAGES.metadataArbitraryRange);
    return this;
  }

  /** Metadata "wholly contained within" this range: rows and columns it covers whole (reference). */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.sheet.spreadsheet, { kind: 'range', range: this });
  }

  /**
   * The metadata associated with this very range: a whole column's or a whole row's. A cell of that column gets none
   * (gas-fakes' live test: `G3` does not see the metadata of `G:G`).
   */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata');
    return metadataOfRange(this).map((r) => new FakeDeveloperMetadata(this.sheet.spreadsheet, r));
  }

  // ------------------------------------------------------------ validation and protection

  private checkRule(rule: unknown, method: string): FakeDataValidation | null {
    if (rule === null || rule === undefined) return null;
    if (!(rule instanceof FakeDataValidation)) {
      throw gasError(MESSAGES.signature(typeName(rule), `SpreadsheetApp.Range.${method}`));
    }
    return rule;
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this.rec('setDataValidation');
    const r = this.checkRule(rule, 'setDataValidation');
    this.eachCell((cell) => {
      cell.validation = r;
    });
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.rec('setDataValidations');
    this.writeGrid<FakeDataValidation | null>('setDataValidations', rules, (cell, rule) => {
      cell.validation = this.checkRule(rule, 'setDataValidations');
    });
    return this;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.rec('getDataValidations');
    return this.readCounted((c) => c.validation);
  }
  getDataValidation(): FakeDataValidation | null {
    this.rec('getDataValidation');
    return this.first((c) => c.validation);
  }
  clearDataValidations(): this {
    this.rec('clearDataValidations');
    this.eachCell((cell) => {
      cell.validation = null;
    });
    return this;
  }
  protect(): FakeProtection {
    this.rec('protect');
    const p = new FakeProtection(this.sheet, 'RANGE', this.box);
    this.sheet.protections.push(p);
    return p;
  }
}
