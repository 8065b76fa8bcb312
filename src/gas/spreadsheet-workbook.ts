import { dayNumber } from '../core/calendar-date';
import { columnLetter, gridRangeOf, parseRange } from '../core/a1';
import { layoutStructureKey, type CellStyle, type GridRange, type GridValue, type TabLayout } from '../core/grid';
import {
  type ApprovalWrites,
  checkBlock,
  freeTabName,
  sameTabName,
  type BlockReads,
  type RawCell,
  type ReadOptions,
  type TabAnnotations,
  type TabData,
  type TabUnmarking,
  type Workbook,
  type WriteCell,
} from '../sheets/workbook';
import { addColumns, addRows } from './grid-limits';
import { SheetDates } from './sheet-dates';
import { texts } from './texts';
import { buildOurRules, isOurRule, ruleSignature, storedFormulaSeparator, type RulePlan, type SeparatorChoice } from './highlight-rules';
import { maxOf } from '../core/arrays';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata keys: on our status column (value: the signature of our rules), on a sheet we generated. */
export const STATUS_KEY = 'dicoso.status-column';
export const TAB_KEY = 'dicoso.generated-tab';

interface StatusMarker {
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  column: number;
  value: string | null;
}

/** How every date cell we write is shown. */
export const DATE_FORMAT = 'dd/MM/yyyy';

/** Serial day 0 of Sheets (and Excel after 1900-03-01): 1899-12-30. */
const SERIAL_EPOCH_DAY = -25569;

/**
 * The Workbook port over SpreadsheetApp. Every method makes a fixed number of calls, whatever the number of rows:
 * one getValues (and one getNotes) per tab read, one setter per property per block written. The call budgets are
 * asserted in test/gas with the strict fakes, for 10, 100 and 2,000 cadres.
 */
export class SpreadsheetWorkbook implements Workbook, BlockReads {
  private sheets: Map<string, Sheet> | null = null;
  private zone: string | null = null;
  /** Our generated tabs by name, with their marker (null for one made in this execution). */
  private generated: Map<string, GoogleAppsScript.Spreadsheet.DeveloperMetadata | null> | null = null;
  /** Per tab asked about: whether it is ours, its marker (null for one made in this execution) and layout's key. */
  private readonly tabMarkers = new Map<string, { marker: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null; structure: string } | null>();
  private readonly markers = new Map<string, StatusMarker | null>();
  private separator: SeparatorChoice | null = null;
  /** Per tab read: how many rows its data reached (from the values already read, no call). */
  private readonly dataRows = new Map<string, number>();

  constructor(readonly spreadsheet: Spreadsheet) {}

  /**
   * Sheets hands out date cells as midnights in the spreadsheet's zone (not the script's); this adapter hands them on
   * as UTC midnights of the same calendar days (sheet-dates.ts), so nothing downstream needs Intl's zone data.
   */
  readonly dateTimeZone = 'UTC';
  private readonly dates = new SheetDates(() => {
    this.zone ??= this.spreadsheet.getSpreadsheetTimeZone();
    return this.zone;
  });

  tabNames(): string[] {
    return [...this.sheetMap().keys()];
  }

  /** The sheet of a tab, or null; from one getSheets() per workbook. */
  sheet(name: string): Sheet | null {
    return this.sheetMap().get(name) ?? null;
  }

  readTab(name: string, options: ReadOptions = {}): TabData | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const values = this.dates.utcMidnights(range.getValues() as RawCell[][]);
    // An empty sheet's data range is A1 alone, holding ''.
    const empty = values.length === 1 && values[0]!.length === 1 && values[0]![0] === '';
    this.dataRows.set(name, empty ? 0 : values.length);
    const merges = empty || options.valuesOnly ? [] : range.getMergedRanges().map((m) => gridRangeOfA1(m.getA1Notation()));
    const data: TabData = { values: empty ? [] : values, merges, ownedColumn: options.valuesOnly ? null : this.ownedColumn(sheet, name) };
    if (!options.notes) return data;
    return { ...data, notes: empty ? [] : range.getNotes() };
  }

  readLayout(name: string): { rows: number; columns: number; merges: GridRange[]; ownedColumn: number | null } | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const merges = range.getMergedRanges().map((m) => gridRangeOfA1(m.getA1Notation()));
    return { rows: range.getNumRows(), columns: range.getNumColumns(), merges, ownedColumn: this.ownedColumn(sheet, name) };
  }

  readBlock(
    name: string,
    row: number,
    column: number,
    rows: number,
    columns: number,
    options: { notes?: boolean; values?: boolean } = {},
  ): { values: RawCell[][]; notes?: string[][] } {
    const range = this.requireSheet(name).getRange(row, column, rows, columns);
    const values = options.values === false ? [] : this.dates.utcMidnights(range.getValues() as RawCell[][]);
    return options.notes ? { values, notes: range.getNotes() } : { values };
  }

  annotateTab(a: TabAnnotations): void {
    const sheet = this.requireSheet(a.tab);
    if (this.tabMarker(a.tab)) throw new Error(`annotateTab '${a.tab}': a generated tab is not an input tab`);
    if (a.statusCells.length > 0 || a.notes.length > 0) {
      const widest = maxOf(
        a.notes.map((n) => n.column + (n.values[0]?.length ?? 0) - 1),
        a.statusColumn,
      );
      const maxColumns = sheet.getMaxColumns();
      if (widest > maxColumns) addColumns(sheet, a.tab, maxColumns, widest - maxColumns, texts.statusColumnWhat);
    }

    // The rules' signature lives in our column's marker: a re-run with the same rules makes no call for them.
    const plan: RulePlan | null = a.highlights
      ? {
          statusColumn: a.statusColumn,
          firstRow: a.highlights.firstRow,
          rules: a.highlights.rules,
          separator: this.separatorChoice(),
          dataRows: this.dataRows.get(a.tab) ?? sheet.getMaxRows(),
        }
      : null;
    const signature = plan ? ruleSignature(plan) : '';
    const marker = this.statusMarker(sheet, a.tab);
    if (marker === null) {
      sheet.getRange(`${columnLetter(a.statusColumn)}:${columnLetter(a.statusColumn)}`).addDeveloperMetadata(STATUS_KEY, signature);
      this.markers.delete(a.tab);
    } else if (marker.column !== a.statusColumn) throw new Error(`annotateTab '${a.tab}': our column is ${marker.column}, not ${a.statusColumn}`);

    for (const block of a.statusCells) checkBlock(block, 'statusCells');
    for (const block of a.statusCells) {
      sheet.getRange(block.row, a.statusColumn, block.values.length, 1).setValues(block.values.map(([text]) => [asText(text ?? '')]));
    }
    for (const block of a.notes) checkBlock(block, 'notes');
    for (const block of a.notes) sheet.getRange(block.row, block.column, block.values.length, block.values[0]!.length).setNotes(block.values);
    if (plan && (marker === null || marker.value !== signature)) {
      this.replaceOurRules(sheet, a.statusColumn, plan);
      if (marker !== null) {
        marker.metadata.setValue(signature);
        marker.value = signature;
      }
    }
  }

  unmarkTab(u: TabUnmarking): void {
    const sheet = this.requireSheet(u.tab);
    this.replaceOurRules(sheet, this.statusMarker(sheet, u.tab)?.column ?? null, null);
    if (u.statusColumn !== null) {
      const marker = this.statusMarker(sheet, u.tab);
      if (marker?.column !== u.statusColumn) throw new Error(`unmarkTab '${u.tab}': column ${u.statusColumn} is not ours`);
      const column = sheet.getRange(1, u.statusColumn, sheet.getMaxRows(), 1);
      column.clearContent();
      column.clearNote();
      marker.metadata.remove();
      this.markers.delete(u.tab);
    }
    for (const block of u.notes) checkBlock(block, 'notes');
    for (const block of u.notes) sheet.getRange(block.row, block.column, block.values.length, block.values[0]!.length).setNotes(block.values);
  }

  /**
   * Dates are written as serial numbers (days since 30/12/1899) with the dd/MM/yyyy format: a serial names a
   * calendar day with no zone, whereas a Date is an instant Sheets converts into the spreadsheet's zone, so writing
   * one would need that zone's midnight and would shift by a day whenever script and spreadsheet zones disagree.
   */
  appendRows(tab: string, rows: WriteCell[][]): number {
    const sheet = this.requireSheet(tab);
    const first = sheet.getLastRow() + 1;
    if (rows.length === 0) return first;
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (width === 0) return first;
    const last = first + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (last > maxRows) addRows(sheet, tab, maxRows, last - maxRows, texts.appendWhat);
    const maxColumns = sheet.getMaxColumns();
    if (width > maxColumns) addColumns(sheet, tab, maxColumns, width - maxColumns, texts.appendWhat);

    let hasDate = false;
    const values = rows.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row[c];
        if (cell === undefined || cell === null) return '';
        if (typeof cell === 'object') {
          hasDate = true;
          return dayNumber(cell.date) - SERIAL_EPOCH_DAY;
        }
        return typeof cell === 'string' ? asText(cell) : cell;
      }),
    );
    const range = sheet.getRange(first, 1, rows.length, width);
    range.setValues(values);
    if (hasDate) {
      // Keep the formats already on the row (a column formatted by set-up, a user's own) except on our date cells.
      const formats = range.getNumberFormats();
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell !== null && typeof cell === 'object') formats[r]![c] = DATE_FORMAT;
        }),
      );
      range.setNumberFormats(formats);
    }
    return first;
  }

  /** One range over the row's whole width: its values and notes cleared in two calls, its formats and validation kept. */
  clearRow(tab: string, row: number): void {
    const sheet = this.requireSheet(tab);
    if (!Number.isInteger(row) || row < 1) throw new Error(`clearRow '${tab}': row ${row} must be an integer ≥ 1`);
    if (row > sheet.getMaxRows()) return;
    const range = sheet.getRange(row, 1, 1, sheet.getMaxColumns());
    range.clearContent();
    range.clearNote();
  }

  /**
   * A decision in one batch: each column's cells as one RangeList (consecutive rows as one range) given its one value,
   * two calls, three for a date (its format); each block of notes one setNotes. RangeList.setValue "sets the value for
   * each Range in the RangeList" (developers.google.com/apps-script/reference/spreadsheet/range-list#setvaluevalue).
   * Dates are serials with the dd/MM/yyyy format, as appendRows writes them.
   */
  writeApprovals(w: ApprovalWrites): void {
    const sheet = this.requireSheet(w.tab);
    if (this.tabMarker(w.tab)) throw new Error(`writeApprovals '${w.tab}': a generated tab is not an input tab`);
    for (const block of w.notes) checkBlock(block, 'notes');
    for (const { column, value, rows } of w.columns) {
      if (rows.length === 0) continue;
      const letter = columnLetter(column);
      const list = sheet.getRangeList(rowBlocks(rows).map(([from, to]) => (from === to ? `${letter}${from}` : `${letter}${from}:${letter}${to}`)));
      if (typeof value === 'object') {
        // The format first: a serial written into a cell formatted as text would stay a number in words.
        list.setNumberFormat(DATE_FORMAT);
        list.setValue(dayNumber(value.date) - SERIAL_EPOCH_DAY);
      } else list.setValue(asText(value));
    }
    for (const block of w.notes) sheet.getRange(block.row, block.column, block.values.length, block.values[0]!.length).setNotes(block.values);
  }

  writeGeneratedTab(layout: TabLayout): string {
    const height = layout.values.length;
    const width = layout.values[0]?.length ?? 0;
    if (height < 1 || width < 1) throw new Error(`writeGeneratedTab '${layout.name}': empty layout`);
    layout.values.forEach((row, r) => {
      if (row.length !== width) throw new Error(`writeGeneratedTab '${layout.name}': row ${r + 1} has ${row.length} cells, expected ${width}`);
    });

    // Only the tabs named like the one we write are asked whether they are ours (one call each, not a search).
    const names = this.tabNames();
    const name = freeTabName(layout.name, (n) => names.some((t) => sameTabName(t, n) && !this.tabMarker(t)));
    const existing = names.find((t) => sameTabName(t, name));
    // Our marker on the tab holds the key of its structure: the same structure again needs its values only.
    const structure = layoutStructureKey(layout);
    const values = layout.values.map((row) => row.map(writable));
    let sheet: Sheet;
    if (existing === undefined) {
      sheet = this.insertTab(name);
      sheet.addDeveloperMetadata(TAB_KEY, tabStamp(sheet.getSheetId(), structure));
      this.tabMarkers.set(name, { marker: null, structure });
      this.generated?.set(name, null);
    } else {
      sheet = this.requireSheet(existing);
      const ours = this.tabMarker(existing);
      const marker = ours?.marker ?? null;
      if (ours?.structure === structure) {
        sheet.getRange(1, 1, height, width).setValues(values);
        return existing;
      }
      // clear() is documented to clear "content and formatting", without a word on merged cells: the old layout's
      // merges are broken apart first, so none is left over, nor in the way of the new layout's.
      sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
      sheet.clear();
      // The old layout's frozen rows could outnumber the new layout's rows, and Sheets will not delete frozen rows.
      sheet.setFrozenRows(0);
      marker?.setValue(tabStamp(sheet.getSheetId(), structure));
    }
    fitGrid(sheet, height, width);

    const all = sheet.getRange(1, 1, height, width);
    all.setValues(values);
    for (const m of layout.merges) rangeOf(sheet, m).merge();

    formatLayout(sheet, all, layout, height, width);
    for (const run of widthRuns(layout.columnWidths.slice(0, width))) sheet.setColumnWidths(run.start, run.count, run.width);
    sheet.setFrozenRows(layout.frozenRows);
    // Print set-up (A4 landscape, print titles, page breaks, row heights) has no Apps Script API: the forms freeze
    // through their captions and print from File › Print (docs/apps-script-assumptions.md, "Sheets prints …").
    if (existing !== undefined) for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    for (const chart of layout.charts ?? []) insertChart(sheet, chart);

    const protection = sheet.protect();
    protection.setDescription(texts.generatedTabProtection);
    protection.setWarningOnly(true);
    return existing ?? name;
  }

  /** The tabs we generated: their sheets carry our metadata, whatever they are called now. One finder per execution. */
  generatedTabs(): string[] {
    if (!this.generated) {
      this.generated = new Map();
      for (const m of this.spreadsheet.createDeveloperMetadataFinder().withKey(TAB_KEY).find()) {
        const sheet = m.getLocation().getSheet();
        if (sheet && stampedFor(m.getValue(), sheet)) this.generated.set(sheet.getName(), m);
      }
    }
    return this.tabNames().filter((name) => this.generated!.has(name));
  }

  deleteGeneratedTab(name: string): void {
    const sheet = this.requireSheet(name);
    if (!this.generatedTabs().includes(name)) throw new Error(`deleteGeneratedTab '${name}': not a tab we generated`);
    this.spreadsheet.deleteSheet(sheet);
    this.sheetMap().delete(name);
    this.generated?.delete(name);
    this.tabMarkers.delete(name);
  }

  /**
   * Whether a tab is one we generated, from its own sheet-level metadata (one call, plus one per entry to read its
   * key, and two to check that it was stamped for this very sheet): the spreadsheet-wide search (generatedTabs) costs
   * a search and four calls per generated tab.
   */
  private tabMarker(name: string): { marker: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null; structure: string } | null {
    if (!this.tabMarkers.has(name)) {
      const sheet = this.sheet(name);
      const marker = sheet?.getDeveloperMetadata().find((m) => m.getKey() === TAB_KEY) ?? null;
      const value = marker?.getValue() ?? null;
      this.tabMarkers.set(name, marker && sheet && stampedFor(value, sheet) ? { marker, structure: parseStamp(value).structure } : null);
    }
    return this.tabMarkers.get(name) ?? null;
  }

  // ---- Apps Script only: not part of the port ----

  /**
   * Selects these rows (1-based) of a tab, its used columns, in one call; consecutive rows become one block. Rows past
   * the tab's last row are left out. Returns how many rows were selected.
   */
  selectRows(tab: string, rows: readonly number[]): number {
    const sheet = this.requireSheet(tab);
    const last = sheet.getLastRow();
    const inside = rows.filter((r) => r <= last);
    if (inside.length === 0) return 0;
    const lastColumn = columnLetter(Math.max(1, sheet.getLastColumn()));
    sheet.getRangeList(rowBlocks(inside).map(([from, to]) => `A${from}:${lastColumn}${to}`)).activate();
    return inside.length;
  }

  /** A new tab at the end, kept in this adapter's tab list. */
  insertTab(name: string): Sheet {
    const sheet = this.spreadsheet.insertSheet(name, this.sheetMap().size);
    this.sheetMap().set(name, sheet);
    return sheet;
  }

  toast(message: string, title: string, seconds = 5): void {
    this.spreadsheet.toast(message, title, seconds);
  }

  private ownedColumn(sheet: Sheet, name: string): number | null {
    return this.statusMarker(sheet, name)?.column ?? null;
  }

  /** Our status column's metadata on this sheet (found once per execution), or null. */
  private statusMarker(sheet: Sheet, id: string): StatusMarker | null {
    if (!this.markers.has(id)) {
      const found = sheet.createDeveloperMetadataFinder().withKey(STATUS_KEY).find();
      const metadata = found[0];
      const column = metadata?.getLocation().getColumn();
      this.markers.set(id, metadata && column ? { metadata, column: column.getColumn(), value: metadata.getValue() } : null);
    }
    return this.markers.get(id) ?? null;
  }

  /** Our conditional-format rules replaced by the plan's (none: taken off); the user's rules keep their order, after ours. */
  private replaceOurRules(sheet: Sheet, ourColumn: number | null, plan: RulePlan | null): void {
    const existing = sheet.getConditionalFormatRules();
    const theirs = existing.filter((rule) => !isOurRule(rule, ourColumn));
    if (plan === null && theirs.length === existing.length) return;
    const ours = plan ? buildOurRules(sheet, plan) : [];
    sheet.setConditionalFormatRules([...ours, ...theirs]);
  }

  /** How our row formulas are written here (highlight-rules.ts): read once per execution, without a Sheets call. */
  private separatorChoice(): SeparatorChoice {
    this.separator ??= storedFormulaSeparator() ?? { locale: () => this.spreadsheet.getSpreadsheetLocale() };
    return this.separator;
  }

  private sheetMap(): Map<string, Sheet> {
    if (!this.sheets) {
      this.sheets = new Map();
      for (const s of this.spreadsheet.getSheets()) this.sheets.set(s.getName(), s);
    }
    return this.sheets;
  }

  private requireSheet(name: string): Sheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`No tab named '${name}'`);
    return sheet;
  }
}

/**
 * What a generated tab's marker holds: the id of the sheet it was written on, and its layout's key. A person's
 * "Duplicate" of the tab may carry the marker along (whether copies keep developer metadata is not documented), but
 * the copy is another sheet, with another id (Sheet.getSheetId), so it is not taken for ours.
 */
export function tabStamp(sheetId: number, structure: string): string {
  return `${sheetId}:${structure}`;
}

function parseStamp(value: string | null): { sheetId: number | null; structure: string } {
  const m = /^(-?\d+):(.*)$/.exec(value ?? '');
  // A marker from before the sheet id was kept holds the layout's key alone; it stays ours until written again.
  return m ? { sheetId: Number(m[1]), structure: m[2]! } : { sheetId: null, structure: value ?? '' };
}

function stampedFor(value: string | null, sheet: Sheet): boolean {
  const { sheetId } = parseStamp(value);
  return sheetId === null || sheetId === sheet.getSheetId();
}

/**
 * A string as written, so that Sheets keeps it as the same text: a leading apostrophe stops Sheets from reading
 * `=…`, `+…`, `-…`, `@…` as a formula and "1.3", "05/06/2023", "TRUE" as a number, date or boolean (by the
 * spreadsheet's locale). The apostrophe is not part of the stored value.
 */
export function asText(text: string): string {
  if (text === '') return text;
  const trimmed = text.trim();
  if (/^[=+\-@']/.test(text) || /^(true|false)$/i.test(trimmed)) return `'${text}`;
  if (/\d/.test(trimmed) && /^[\d\s.,/:%()-]+$/.test(trimmed)) return `'${text}`;
  return text;
}

function writable(value: GridValue): string | number | boolean {
  if (value === null) return '';
  return typeof value === 'string' ? asText(value) : value;
}

function rangeOf(sheet: Sheet, r: GridRange): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row + 1, r.column + 1, r.rows, r.columns);
}

/**
 * Sizes a generated tab to its layout, plus one spare row (Sheets refuses to delete every non-frozen row): one call
 * at most each way, so a fresh 1,000-row sheet costs the same for a 10-row form as for a 2,000-row dashboard.
 */
function fitGrid(sheet: Sheet, height: number, width: number): void {
  const rows = height + 1;
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows) {
    sheet.deleteRows(rows + 1, maxRows - rows);
  } else if (maxRows < rows) {
    sheet.insertRowsAfter(maxRows, rows - maxRows);
  }
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > width) sheet.deleteColumns(width + 1, maxColumns - width);
  else if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
}

type Grid<T> = T[][] | null;

interface StyleGrids {
  background: Grid<string | null>;
  fontWeight: Grid<'bold' | 'normal'>;
  fontStyle: Grid<'italic' | 'normal'>;
  fontSize: Grid<number>;
  fontFamily: Grid<string | null>;
  fontColor: Grid<string>;
  horizontal: Grid<'left' | 'center' | 'right' | null>;
  vertical: Grid<'top' | 'middle' | 'bottom'>;
  wrap: Grid<boolean>;
}

/** Each style property that appears, rendered over the whole grid (later ranges win), defaults elsewhere. */
export function styleGrids(layout: TabLayout, height: number, width: number): StyleGrids {
  const has = (key: keyof CellStyle) => layout.styles.some((s) => s.style[key] !== undefined);
  const grid = <T>(key: keyof CellStyle, fill: T, pick: (style: CellStyle) => T | undefined): Grid<T> => {
    if (!has(key)) return null;
    const out: T[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => fill));
    for (const { range, style } of layout.styles) {
      const value = pick(style);
      if (value === undefined) continue;
      for (let r = range.row; r < range.row + range.rows && r < height; r++) {
        for (let c = range.column; c < range.column + range.columns && c < width; c++) out[r]![c] = value;
      }
    }
    return out;
  };
  return {
    background: grid<string | null>('background', null, (s) => s.background),
    fontWeight: grid<'bold' | 'normal'>('bold', 'normal', (s) => (s.bold === undefined ? undefined : s.bold ? 'bold' : 'normal')),
    fontStyle: grid<'italic' | 'normal'>('italic', 'normal', (s) => (s.italic === undefined ? undefined : s.italic ? 'italic' : 'normal')),
    fontSize: grid<number>('fontSize', 10, (s) => s.fontSize),
    fontFamily: grid<string | null>('fontFamily', null, (s) => s.fontFamily),
    fontColor: grid<string>('fontColor', '#000000', (s) => s.fontColor),
    horizontal: grid<'left' | 'center' | 'right' | null>('horizontalAlignment', null, (s) => s.horizontalAlignment),
    vertical: grid<'top' | 'middle' | 'bottom'>('verticalAlignment', 'bottom', (s) => s.verticalAlignment),
    wrap: grid<boolean>('wrap', false, (s) => s.wrap),
  };
}

type StyleProperty = keyof StyleGrids | 'numberFormat';

/**
 * Each style property's cells that differ from Sheets' default, grouped by value as A1 rectangles: a run of equal
 * cells in a row, stretched down over the rows below that have the same run.
 */
export function styleRuns(
  layout: TabLayout,
  height: number,
  width: number,
): { property: Exclude<StyleProperty, 'background'>; value: unknown; a1s: string[] }[] {
  const grids: Partial<Record<StyleProperty, unknown[][] | null>> = {
    ...styleGrids(layout, height, width),
    numberFormat: numberFormatGrid(layout, height, width),
  };
  const defaults: Record<StyleProperty, unknown> = {
    background: null,
    fontWeight: 'normal',
    fontStyle: 'normal',
    fontSize: 10,
    fontFamily: null,
    fontColor: '#000000',
    horizontal: null,
    vertical: 'bottom',
    wrap: false,
    numberFormat: null,
  };
  const out: { property: Exclude<StyleProperty, 'background'>; value: unknown; a1s: string[] }[] = [];
  for (const property of Object.keys(defaults) as StyleProperty[]) {
    if (property === 'background') continue;
    const grid = grids[property];
    if (!grid) continue;
    const byValue = new Map<unknown, string[]>();
    // Open rectangles: the run [from, to] of `value` seen on the row above, and the row it started on.
    let open = new Map<string, { value: unknown; from: number; to: number; top: number }>();
    const close = (rect: { value: unknown; from: number; to: number; top: number }, bottom: number) => {
      const a1 = `${columnLetter(rect.from + 1)}${rect.top + 1}:${columnLetter(rect.to + 1)}${bottom + 1}`;
      (byValue.get(rect.value) ?? byValue.set(rect.value, []).get(rect.value)!).push(a1);
    };
    for (let r = 0; r <= height; r++) {
      const next = new Map<string, { value: unknown; from: number; to: number; top: number }>();
      const row = r < height ? grid[r]! : [];
      for (let c = 0; c < row.length;) {
        const value = row[c];
        let end = c;
        while (end + 1 < row.length && row[end + 1] === value) end++;
        if (value !== defaults[property]) {
          const key = `${c}:${end}:${String(value)}`;
          const above = open.get(key);
          next.set(key, above && above.value === value ? above : { value, from: c, to: end, top: r });
          if (above && above.value === value) open.delete(key);
        }
        c = end + 1;
      }
      for (const rect of open.values()) close(rect, r - 1);
      open = next;
    }
    for (const [value, a1s] of byValue) out.push({ property: property as Exclude<StyleProperty, 'background'>, value, a1s });
  }
  return out;
}

function numberFormatGrid(layout: TabLayout, height: number, width: number): (string | null)[][] | null {
  if (!layout.styles.some((s) => s.style.numberFormat !== undefined)) return null;
  const out: (string | null)[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => null));
  for (const { range, style } of layout.styles) {
    if (style.numberFormat === undefined) continue;
    for (let r = range.row; r < range.row + range.rows && r < height; r++)
      for (let c = range.column; c < range.column + range.columns && c < width; c++) out[r]![c] = style.numberFormat;
  }
  return out;
}

function widthRuns(widths: readonly number[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    const px = Math.round(w);
    if (last && last.width === px && last.start + last.count === i + 1) last.count++;
    else runs.push({ start: i + 1, count: 1, width: px });
  });
  return runs;
}

/** Sorted, de-duplicated rows grouped into [from, to] blocks of consecutive rows. */
export function rowBlocks(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  const blocks: [number, number][] = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else blocks.push([r, r]);
  }
  return blocks;
}

/** "B3:D5" (or "C7", or "'Tab'!B3:D5") → a 0-based range. */
export function gridRangeOfA1(a1: string): GridRange {
  const range = parseRange(a1.replace(/^.*!/, ''));
  if (!range) throw new Error(`Not a cell reference: '${a1}'`);
  return gridRangeOf(range);
}

/**
 * The tab is new or was just cleared, so every cell has Sheets' default format: only the cells that differ are
 * formatted, one RangeList per property and value (a national dashboard: a few hundred thousand cells fewer than a
 * grid per property). Backgrounds stay one grid: a form colours most of its rows, by status, so a RangeList per colour
 * would write as many cells and make the number of calls depend on which statuses the data holds.
 */
function formatLayout(sheet: Sheet, all: GoogleAppsScript.Spreadsheet.Range, layout: TabLayout, height: number, width: number): void {
  const backgrounds = styleGrids(layout, height, width).background;
  if (backgrounds) all.setBackgrounds(backgrounds);
  for (const { property, value, a1s } of styleRuns(layout, height, width)) setStyle(sheet.getRangeList(a1s), property, value);
  for (const s of layout.styles) {
    if (s.style.border) rangeOf(sheet, s.range).setBorder(true, true, true, true, true, true, '#000000', SpreadsheetApp.BorderStyle.SOLID);
  }
}

/** One style property's value on a RangeList. */
function setStyle(list: GoogleAppsScript.Spreadsheet.RangeList, property: Exclude<StyleProperty, 'background'>, value: unknown): void {
  switch (property) {
    case 'fontWeight':
      list.setFontWeight(value as 'bold');
      break;
    case 'fontStyle':
      list.setFontStyle(value as 'italic');
      break;
    case 'fontSize':
      list.setFontSize(value as number);
      break;
    case 'fontFamily':
      list.setFontFamily(value as string);
      break;
    case 'fontColor':
      list.setFontColor(value as string);
      break;
    case 'horizontal':
      list.setHorizontalAlignment(value as 'left' | 'center' | 'right');
      break;
    case 'vertical':
      list.setVerticalAlignment(value as 'top' | 'middle');
      break;
    case 'wrap':
      list.setWrap(true);
      break;
    case 'numberFormat':
      list.setNumberFormat(value as string);
      break;
  }
}

/** A layout's stacked bar chart, over its label and series ranges, anchored at its cell. */
function insertChart(sheet: Sheet, chart: NonNullable<TabLayout['charts']>[number]): void {
  const built = sheet
    .newChart()
    .addRange(rangeOf(sheet, chart.labels))
    .addRange(rangeOf(sheet, chart.series))
    .setNumHeaders(1)
    .setPosition(chart.anchor.row + 1, chart.anchor.column + 1, 0, 0)
    .asBarChart()
    .setStacked()
    .setTitle(chart.title)
    .build();
  sheet.insertChart(built);
}
