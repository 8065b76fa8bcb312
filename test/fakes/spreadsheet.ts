import { splitSheetName } from './a1';
import { DateValue, parseInput } from './cells';
import { FakeContext } from './context';
import { isDateObject, isValidTimeZone } from './dates';
import {
  addMetadata,
  describeMetadata,
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  type MetadataRecord,
  metadataArguments,
  type MetadataSnapshot,
} from './developer-metadata';
import { fakeUsageError, gasError, MESSAGES } from './errors';
import type { FakeRange } from './range';
import { FakeSheet, MAX_CELLS } from './sheet';

type Api = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Implemented =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDeveloperMetadata'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSheet'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export interface FakeSpreadsheetOptions {
  id?: string;
  name?: string;
  /** Default 'en_US', the locale of a new Google account outside Vietnam: the pitfall we test for. */
  locale?: string;
  /** Default 'America/New_York' (Sheets' default for such an account). */
  timeZone?: string;
  /** Names of the tabs of an empty spreadsheet; default ['Sheet1']. */
  sheetNames?: string[];
  /** See FakeSpreadsheet.undocumented. */
  undocumented?: Partial<UndocumentedBehaviour>;
}

/**
 * Behaviours Google's documentation leaves open, each with the reading the fakes take by default and the other one, so
 * that a test can run the add-on both ways (the code must work either way).
 */
export interface UndocumentedBehaviour {
  /**
   * 'locale' (default): a condition's formula is parsed "as if the user typed into a cell" (Sheets API), with the
   * spreadsheet locale's argument separator (`;` in vi_VN). 'en_US': parsed with `,` whatever the locale. 'none': a
   * formula never holds (a spreadsheet where custom formulas fail, whatever their syntax).
   */
  formulaSyntax: 'locale' | 'en_US' | 'none';
  /**
   * True (default): a rule range given in A1 notation with an open edge (`A2:R`) stays open and grows with the sheet,
   * as the Sheets API's GridRange does. False: Apps Script closes it at the sheet's current edge.
   */
  openRuleRanges: boolean;
  /**
   * True (default): Sheet.clear() leaves merged cells merged. Its reference says it clears "content and formatting";
   * whether a merge is formatting is not said, so the fake keeps them, the reading that breaks a careless re-merge.
   */
  clearKeepsMerges: boolean;
  /**
   * True (default): a copy of a sheet (Sheet.copyTo, the tab menu's "Duplicate") carries the developer metadata of the
   * sheet and of its rows and columns. Neither reference says; the fake takes the reading that can fool a marker.
   */
  copiesKeepMetadata: boolean;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

let nextId = 1;

/** A seeded cell: as stored, no parsing (a seeded '05/06/2023' stays text; use typeText to simulate typing). */
function seedValue(v: unknown): string | number | boolean | DateValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (isDateObject(v)) return new DateValue(v.getTime());
  throw fakeUsageError(`cannot seed a cell with ${Object.prototype.toString.call(v)}`);
}

export interface FakeSpreadsheet extends Omit<Api, Implemented> {}
export class FakeSpreadsheet implements Pick<Api, Implemented> {
  readonly id: string;
  name: string;
  locale: string;
  timeZone: string;
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet;
  activeRange: FakeRange | null = null;
  /** Every range of the last multi-range selection (RangeList.activate); empty otherwise. */
  activeRangeList: FakeRange[] = [];
  readonly toasts: Toast[] = [];
  /** Replaced by the environment that adopts this spreadsheet, so all fakes share one counter and clock. */
  ctx: FakeContext = new FakeContext();
  private nextSheetId = 0;
  /** Every piece of developer metadata in the file, wherever it lives, in the order it was added. */
  developerMetadata: MetadataRecord[] = [];
  private metadataSeed = 0x5eed;
  readonly undocumented: UndocumentedBehaviour;

  constructor(options: FakeSpreadsheetOptions = {}) {
    this.undocumented = { formulaSyntax: 'locale', openRuleRanges: true, clearKeepsMerges: true, copiesKeepMetadata: true, ...options.undocumented };
    this.id = options.id ?? `fake-spreadsheet-${nextId++}`;
    this.name = options.name ?? 'Untitled spreadsheet';
    this.locale = options.locale ?? 'en_US';
    this.timeZone = options.timeZone ?? 'America/New_York';
    if (!isValidTimeZone(this.timeZone)) throw fakeUsageError(`unknown time zone ${this.timeZone}`);
    for (const name of options.sheetNames ?? ['Sheet1']) this.addSheet(name);
    this.activeSheet = this.sheets[0] as FakeSheet;
  }

  /** Tabs seeded from 2-D arrays (ragged rows are padded with ''). Values are stored as given, never parsed. */
  static fromTabs(tabs: Record<string, unknown[][]>, options: Omit<FakeSpreadsheetOptions, 'sheetNames'> = {}): FakeSpreadsheet {
    const names = Object.keys(tabs);
    const ss = new FakeSpreadsheet({ ...options, sheetNames: names.length ? names : ['Sheet1'] });
    for (const name of names) ss.seed(name, tabs[name] ?? []);
    return ss;
  }

  /** Writes stored values into a tab from A1, growing it if needed; not counted, nothing parsed. */
  seed(tab: string, rows: unknown[][]): FakeSheet {
    const sheet = this.sheetNamed(tab) ?? this.addSheet(tab);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    sheet.maxRows = Math.max(sheet.maxRows, rows.length);
    sheet.maxColumns = Math.max(sheet.maxColumns, width);
    rows.forEach((line, r) => {
      line.forEach((v, c) => {
        const value = seedValue(v);
        if (value === '' && !sheet.cellAt(r + 1, c + 1)) return;
        sheet.ensureCell(r + 1, c + 1).value = value;
      });
    });
    return sheet;
  }

  /**
   * What a person typing `text` into a cell gets: parsed by this spreadsheet's locale and zone (in en_US
   * '05/06/2023' is 6 May, in vi_VN 5 June), `=` makes a formula, `'` forces text. `a1` may name a tab
   * (`'Cán bộ'!C2`); without one, the active tab. Not counted (it is not a script call).
   */
  typeText(a1: string, text: string): void {
    const { sheetName, ref } = splitSheetName(a1);
    const sheet = sheetName === null ? this.activeSheet : this.sheetNamed(sheetName);
    if (!sheet) throw fakeUsageError(`no tab named ${sheetName}`);
    const range = sheet.rangeA1(ref);
    for (let r = 0; r < range.numRows; r++) {
      for (let c = 0; c < range.numColumns; c++) {
        const cell = sheet.ensureCell(range.row + r, range.column + c);
        const parsed = cell.numberFormat === '@' ? { value: text, formula: '' } : parseInput(text, this.locale, this.timeZone);
        cell.value = parsed.value;
        cell.formula = parsed.formula;
      }
    }
  }

  /** Sets what a formula cell shows (the fake does not compute formulas). Not counted. */
  setFormulaResult(a1: string, value: string | number | boolean | Date): void {
    const { sheetName, ref } = splitSheetName(a1);
    const sheet = sheetName === null ? this.activeSheet : this.sheetNamed(sheetName);
    if (!sheet) throw fakeUsageError(`no tab named ${sheetName}`);
    const range = sheet.rangeA1(ref);
    const cell = sheet.cellAt(range.row, range.column);
    if (!cell || !cell.formula) throw fakeUsageError(`${a1} holds no formula`);
    cell.value = seedValue(value);
  }

  /**
   * A fresh metadata id. The Sheets API: a "spreadsheet-scoped unique ID … randomly generated and assigned. Must be
   * positive." The fake's look random and repeat from run to run.
   */
  nextMetadataId(): number {
    for (;;) {
      this.metadataSeed = (Math.imul(this.metadataSeed, 1103515245) + 12345) >>> 1;
      const id = this.metadataSeed % 2_000_000_000;
      if (id > 0 && !this.developerMetadata.some((r) => r.id === id)) return id;
    }
  }

  /** Every piece of developer metadata, with the tab it lives on (null for the spreadsheet); not counted. */
  metadataSnapshot(): (MetadataSnapshot & { tab: string | null })[] {
    return this.developerMetadata.map((r) => ({
      ...describeMetadata(r),
      tab: r.location.type === 'SPREADSHEET' ? null : r.location.sheet.name,
    }));
  }

  /** The tab named so, or undefined; not counted. */
  sheetNamed(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A tab by name that must exist; not counted. For test assertions. */
  tab(name: string): FakeSheet {
    const s = this.sheetNamed(name);
    if (!s) throw fakeUsageError(`no tab named ${name}; tabs: ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  assertNameFree(name: string, except?: FakeSheet): void {
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === lower)) {
      throw gasError(MESSAGES.duplicateSheet(name));
    }
  }

  /** Every cell of every tab, as the 10-million-cell limit counts them (the grid, not the values). */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** Refuses what would take the spreadsheet past Sheets' 10 million cells. */
  checkCellLimit(added: number): void {
    if (this.cellCount() + added > MAX_CELLS) throw gasError(MESSAGES.cellLimit(MAX_CELLS));
  }

  /**
   * A person's "Duplicate" in the tab menu (Vietnamese interface): "Bản sao của <name>" right after the tab, its cells,
   * merges, widths and frozen rows (and, see copiesKeepMetadata, its developer metadata). Not counted.
   */
  duplicateAsUser(tab: string): FakeSheet {
    const sheet = this.sheetNamed(tab);
    if (!sheet) throw fakeUsageError(`no tab named ${tab}`);
    return this.copyOf(sheet, `Bản sao của ${tab}`, this.sheets.indexOf(sheet) + 1);
  }

  /** A copy of a sheet under a new name (Sheet.copyTo and duplicateAsUser). */
  copyOf(sheet: FakeSheet, name: string, index?: number): FakeSheet {
    const copy = this.addSheet(name, index);
    copy.maxRows = sheet.maxRows;
    copy.maxColumns = sheet.maxColumns;
    copy.rows = sheet.rows.map(
      (row) => row?.map((cell) => (cell ? { ...cell, value: cell.value instanceof DateValue ? new DateValue(cell.value.ms) : cell.value } : cell)) ?? [],
    );
    copy.merges = sheet.merges.map((m) => ({ ...m }));
    copy.columnWidths = new Map(sheet.columnWidths);
    copy.frozenRows = sheet.frozenRows;
    copy.frozenColumns = sheet.frozenColumns;
    if (this.undocumented.copiesKeepMetadata) {
      for (const record of [...this.developerMetadata]) {
        if (record.removed || record.location.type === 'SPREADSHEET' || record.location.sheet !== sheet) continue;
        addMetadata(this, { key: record.key, value: record.value, visibility: record.visibility }, { ...record.location, sheet: copy });
      }
    }
    return copy;
  }

  private addSheet(name: string, index?: number): FakeSheet {
    this.assertNameFree(name);
    const sheet = new FakeSheet(this, name, this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7919);
    this.nextSheetId++;
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  private rec(method: string): void {
    this.ctx.calls.record(`Spreadsheet.${method}`);
  }

  // ------------------------------------------------------------ Apps Script methods

  /** addDeveloperMetadata(key[, value][, visibility]) on the spreadsheet itself. */
  addDeveloperMetadata(key: string, ...rest: any[]): this {
    this.rec('addDeveloperMetadata');
    addMetadata(this, metadataArguments('SpreadsheetApp.Spreadsheet.addDeveloperMetadata', [key, ...rest]), { type: 'SPREADSHEET' });
    return this;
  }

  /** Every piece of metadata in the file. */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this, { kind: 'spreadsheet' });
  }

  /** Only the metadata on the spreadsheet itself (reference: "associated with the top-level spreadsheet"). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata');
    return this.developerMetadata.filter((r) => r.location.type === 'SPREADSHEET').map((r) => new FakeDeveloperMetadata(this, r));
  }

  deleteSheet(sheet: FakeSheet): void {
    this.rec('deleteSheet');
    if (!(sheet instanceof FakeSheet) || !this.sheets.includes(sheet)) {
      throw gasError(MESSAGES.signature(typeof sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet'));
    }
    if (this.sheets.length === 1) throw gasError(MESSAGES.removeAllSheets);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    // The Sheets API: "If the associated object is deleted then its metadata is deleted too."
    for (const r of this.developerMetadata) if (r.location.type !== 'SPREADSHEET' && r.location.sheet === sheet) r.removed = true;
    this.developerMetadata = this.developerMetadata.filter((r) => !r.removed);
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[0] as FakeSheet;
      this.activeRange = null;
    }
  }

  getActiveRange(): FakeRange {
    this.rec('getActiveRange');
    if (this.activeRange && this.activeRange.sheet === this.activeSheet) return this.activeRange;
    return this.activeSheet.rangeAt(1, 1);
  }

  getActiveSheet(): FakeSheet {
    this.rec('getActiveSheet');
    return this.activeSheet;
  }

  getId(): string {
    this.rec('getId');
    return this.id;
  }

  getName(): string {
    this.rec('getName');
    return this.name;
  }

  getNumSheets(): number {
    this.rec('getNumSheets');
    return this.sheets.length;
  }

  getRange(a1Notation: string): FakeRange {
    this.rec('getRange');
    if (typeof a1Notation !== 'string') {
      throw gasError(MESSAGES.signature(typeof a1Notation, 'SpreadsheetApp.Spreadsheet.getRange'));
    }
    const { sheetName, ref } = splitSheetName(a1Notation);
    const sheet = sheetName === null ? this.activeSheet : this.sheetNamed(sheetName);
    if (!sheet) throw gasError(MESSAGES.rangeNotFound);
    return sheet.rangeA1(ref);
  }

  getSheetById(id: number): FakeSheet | null {
    this.rec('getSheetById');
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.rec('getSheetByName');
    return this.sheetNamed(name) ?? null;
  }

  getSheets(): FakeSheet[] {
    this.rec('getSheets');
    return this.sheets.slice();
  }

  getSpreadsheetLocale(): string {
    this.rec('getSpreadsheetLocale');
    return this.locale;
  }

  getSpreadsheetTimeZone(): string {
    this.rec('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getUrl(): string {
    this.rec('getUrl');
    return this.getUrlQuietly();
  }

  /** The URL, not counted as a call (for the other fakes). */
  getUrlQuietly(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  insertSheet(
    nameOrIndexOrOptions?: string | number | { template?: GoogleAppsScript.Spreadsheet.Sheet },
    indexOrOptions?: number | { template?: GoogleAppsScript.Spreadsheet.Sheet },
    _options?: { template?: GoogleAppsScript.Spreadsheet.Sheet },
  ): FakeSheet {
    this.rec('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof nameOrIndexOrOptions === 'string') name = nameOrIndexOrOptions;
    else if (typeof nameOrIndexOrOptions === 'number') index = nameOrIndexOrOptions;
    if (typeof indexOrOptions === 'number') index = indexOrOptions;
    if ((nameOrIndexOrOptions && typeof nameOrIndexOrOptions === 'object') || (indexOrOptions && typeof indexOrOptions === 'object') || _options) {
      throw fakeUsageError('insertSheet with a template is not modelled');
    }
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > this.sheets.length)) {
      // ours: the wording for an index past the end was not found.
      throw gasError(MESSAGES.invalidArgument('sheetIndex'));
    }
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    // A new sheet is 1,000 rows by 26 columns, counted against the 10 million cells.
    this.checkCellLimit(1000 * 26);
    const sheet = this.addSheet(name, index);
    // The new sheet becomes the active one, as in Sheets.
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet;
  }

  rename(newName: string): void {
    this.rec('rename');
    this.name = String(newName);
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.rec('setActiveRange');
    this.activeSheet = range.sheet;
    this.activeRange = range;
    return range;
  }

  setActiveSheet(sheet: FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.rec('setActiveSheet');
    if (!this.sheets.includes(sheet)) throw gasError(MESSAGES.signature(typeof sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet'));
    this.activeSheet = sheet;
    sheet.hidden = false;
    return sheet;
  }

  setSpreadsheetLocale(locale: string): void {
    this.rec('setSpreadsheetLocale');
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) {
      throw gasError(MESSAGES.invalidArgument('locale'));
    }
    this.locale = locale;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.rec('setSpreadsheetTimeZone');
    if (typeof timezone !== 'string' || !isValidTimeZone(timezone)) throw gasError(MESSAGES.invalidArgument('timeZone'));
    this.timeZone = timezone;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.rec('toast');
    this.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? null });
  }
}
