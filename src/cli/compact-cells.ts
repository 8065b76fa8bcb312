import type ExcelJS from 'exceljs';
import Row from 'exceljs/lib/doc/row.js';
import utils from 'exceljs/lib/utils/utils.js';
import { dateOfSerial } from './exceljs-dates';

/**
 * Plain cells held outside exceljs's Cell objects. exceljs keeps every cell as a Cell with its own value object,
 * address and style (about 320 bytes): a national trips tab (100,000 rows × 18 columns) costs 450 MB before anything
 * is written, and 300,000 trips do not fit in 2 GB. A plain cell (a number, a text, a true/false, an error, or an
 * empty cell with a format) carries nothing but its column, its value and a style number, so it is kept here as three
 * array slots (about 24 bytes) until the file is written, when xlsx-io.ts renders it with exceljs's own row writer.
 *
 * What ties a cell to the rest of the sheet stays an exceljs Cell: formulas (shared formulas are numbered in order),
 * notes, hyperlinks and merged cells; xlsx-io.ts keeps a whole row as exceljs's whenever one of its cells is such a
 * cell. A cell the adapter writes is turned into an exceljs Cell first (`materializeCell`), with the style and value
 * exceljs would have given it had it loaded the file itself, so every write behaves exactly as before.
 */

/** exceljs's ValueType numbers (doc/enums.js). */
export const ValueType = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Formula: 6, RichText: 8, Boolean: 9, Error: 10 } as const;

/** How a compact cell's value is held: the kind is stored with its style slot as `kind + 8 × slot`. */
export const Kind = { Null: 0, Number: 1, SharedString: 2, Text: 3, Boolean: 4, Error: 5 } as const;
type KindCode = (typeof Kind)[keyof typeof Kind];

export interface RowAttributes {
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  collapsed?: boolean;
  /** Style slot of the row's own format (0: none). */
  style: number;
}

export interface CompactRow {
  number: number;
  attributes: RowAttributes | null;
  /** Flat triples, columns ascending: column (1-based), `kind + 8 × style slot`, value. */
  cells: unknown[];
}

export class CompactSheet {
  /** By row number − 1. */
  readonly rows: (CompactRow | undefined)[] = [];

  /** Adds a cell at the end of its row (rows and columns must come in ascending order, as in a sheet's XML). */
  push(row: number, column: number, kind: KindCode, style: number, value: unknown): void {
    const target = (this.rows[row - 1] ??= { number: row, attributes: null, cells: [] });
    target.cells.push(column, kind + 8 * style, value);
  }

  /** The triple index of a cell in its row, or −1. */
  static find(row: CompactRow, column: number): number {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i += 3) {
      const c = cells[i] as number;
      if (c === column) return i;
      if (c > column) return -1;
    }
    return -1;
  }

  cellCount(): number {
    let n = 0;
    for (const row of this.rows) if (row) n += row.cells.length / 3;
    return n;
  }
}

/**
 * The compact cells of one workbook: per sheet, with the style slots and shared strings they refer to. Slots below
 * `inputStyles` are the file's own style numbers (exceljs's shared style object for each); later slots are styles
 * the adapter registers for the tabs it generates.
 */
export class CompactBook {
  private readonly sheets = new WeakMap<ExcelJS.Worksheet, CompactSheet>();
  private readonly slots: (object | null)[] = [null];
  private readonly slotOf = new Map<object, number>();
  private readonly dateSlot: boolean[] = [false];
  private sharedStrings: readonly unknown[] = [];
  private date1904 = false;
  /** Slots from here on are the adapter's own styles (shared by its cells until one becomes an exceljs Cell). */
  private inputStyles = 1;
  private readonly mergedSlots = new Map<string, number>();

  /** Called once the file is loaded: the file's styles, shared strings and date system. */
  setInput(styles: (object | null)[], sharedStrings: readonly unknown[], date1904: boolean): void {
    this.slots.length = 0;
    this.dateSlot.length = 0;
    styles.forEach((style, i) => {
      this.slots[i] = i === 0 ? null : style;
      this.dateSlot[i] = i !== 0 && style !== null && utils.isDateFmt((style as { numFmt?: string }).numFmt);
    });
    if (this.slots.length === 0) {
      this.slots.push(null);
      this.dateSlot.push(false);
    }
    this.inputStyles = this.slots.length;
    this.sharedStrings = sharedStrings;
    this.date1904 = date1904;
  }

  attach(ws: ExcelJS.Worksheet, sheet: CompactSheet): void {
    this.sheets.set(ws, sheet);
  }

  sheet(ws: ExcelJS.Worksheet): CompactSheet | undefined {
    return this.sheets.get(ws);
  }

  /** A new sheet's compact cells (a tab the adapter generates). */
  create(ws: ExcelJS.Worksheet): CompactSheet {
    const sheet = new CompactSheet();
    this.sheets.set(ws, sheet);
    return sheet;
  }

  /** The slot of a style object the adapter made (one object per distinct style: exceljs caches styles by object). */
  styleSlot(style: object): number {
    let slot = this.slotOf.get(style);
    if (slot === undefined) {
      slot = this.slots.length;
      this.slots.push(style);
      this.dateSlot.push(utils.isDateFmt((style as { numFmt?: string }).numFmt));
      this.slotOf.set(style, slot);
    }
    return slot;
  }

  style(slot: number): object | null {
    return this.slots[slot] ?? null;
  }

  /** The cell's value as exceljs would hold it after loading (dates as Date, shared strings resolved). */
  value(kindStyle: number, value: unknown): ExcelJS.CellValue {
    switch (kindStyle & 7) {
      case Kind.Null:
        return null;
      case Kind.Number:
        return this.dateSlot[kindStyle >> 3] ? utils.excelToDate(value as number, this.date1904) : (value as number);
      case Kind.SharedString:
        return this.sharedStrings[value as number] as ExcelJS.CellValue;
      case Kind.Text:
      case Kind.Boolean:
        return value as ExcelJS.CellValue;
      default:
        return { error: value } as ExcelJS.CellErrorValue;
    }
  }

  /** exceljs's ValueType of the cell once loaded. */
  type(kindStyle: number, value: unknown): number {
    switch (kindStyle & 7) {
      case Kind.Null:
        return ValueType.Null;
      case Kind.Number:
        return this.dateSlot[kindStyle >> 3] ? ValueType.Date : ValueType.Number;
      case Kind.SharedString:
        return isRich(this.sharedStrings[value as number]) ? ValueType.RichText : ValueType.String;
      case Kind.Text:
        return isRich(value) ? ValueType.RichText : ValueType.String;
      case Kind.Boolean:
        return ValueType.Boolean;
      default:
        return ValueType.Error;
    }
  }

  /**
   * The cell model exceljs's Row would hand its writer (address, type, value; style left to the caller). A date keeps
   * the serial it was read as (exceljs-dates.ts): for the writer (`forWriter`) as that number, with its date format;
   * for a Cell, as a Date that the writer writes back as that number.
   */
  cellModel(address: string, kindStyle: number, value: unknown, forWriter = false): { address: string; type: number; value: ExcelJS.CellValue } {
    if ((kindStyle & 7) === Kind.Number && this.dateSlot[kindStyle >> 3]) {
      return forWriter
        ? { address, type: ValueType.Number, value: value as number }
        : { address, type: ValueType.Date, value: dateOfSerial(value as number, this.date1904) };
    }
    return { address, type: this.type(kindStyle, value), value: this.value(kindStyle, value) };
  }

  /** Whether any sheet still holds compact cells. */
  sheetsOf(workbook: ExcelJS.Workbook): [ExcelJS.Worksheet, CompactSheet][] {
    const out: [ExcelJS.Worksheet, CompactSheet][] = [];
    for (const ws of workbook.worksheets) {
      const sheet = this.sheets.get(ws);
      if (sheet) out.push([ws, sheet]);
    }
    return out;
  }

  /** Every compact cell of a sheet, rows then columns ascending. */
  forEachCell(sheet: CompactSheet, visit: (row: number, column: number, value: ExcelJS.CellValue) => void): void {
    for (const row of sheet.rows) {
      if (!row) continue;
      const cells = row.cells;
      for (let i = 0; i < cells.length; i += 3) {
        const ks = cells[i + 1] as number;
        if ((ks & 7) === Kind.Null) continue;
        visit(row.number, cells[i] as number, this.value(ks, cells[i + 2]));
      }
    }
  }

  /**
   * Makes the cell an exceljs Cell (and its row an exceljs Row with the row's own height, format and visibility), as
   * exceljs would have made it on load; the cell leaves the compact store. A cell that is not compact is left alone.
   */
  materializeCell(ws: ExcelJS.Worksheet, row: number, column: number): void {
    const sheet = this.sheets.get(ws);
    const compact = sheet?.rows[row - 1];
    if (!sheet || !compact) return;
    const real = this.realRow(ws, compact);
    const at = CompactSheet.find(compact, column);
    if (at < 0) return;
    const ks = compact.cells[at + 1] as number;
    const value = compact.cells[at + 2];
    compact.cells.splice(at, 3);
    const address = `${ws.getColumn(column).letter}${row}`;
    const cell = (real as unknown as { getCellEx(a: { row: number; col: number; address: string }): ExcelJS.Cell }).getCellEx({ row, col: column, address });
    const slot = ks >> 3;
    const shared = this.style(slot);
    // A file's cells share one style object per style, as exceljs loads them; the adapter's own get their own copy.
    const style = shared && slot >= this.inputStyles ? { ...shared } : shared;
    (cell as unknown as { model: object }).model = { ...this.cellModel(address, ks, value), ...(style ? { style } : {}) };
  }

  /**
   * Writes a text (or, for '', empties the cell) as exceljs's `cell.value = text || null` would, without making the
   * cell a Cell: an existing cell keeps its style; a new one takes its row's and column's, as exceljs gives it.
   * False when the row is already exceljs's: the caller writes through an exceljs Cell then.
   */
  writeText(ws: ExcelJS.Worksheet, row: number, column: number, text: string): boolean {
    const sheet = this.sheets.get(ws);
    if (!sheet || (ws as unknown as { _rows: unknown[] })._rows[row - 1]) return false;
    const target = (sheet.rows[row - 1] ??= { number: row, attributes: null, cells: [] });
    const kind = text === '' ? Kind.Null : Kind.Text;
    const value = text === '' ? null : text;
    const cells = target.cells;
    let at = 0;
    while (at < cells.length && (cells[at] as number) < column) at += 3;
    if (at < cells.length && cells[at] === column) {
      cells[at + 1] = kind + 8 * ((cells[at + 1] as number) >> 3);
      cells[at + 2] = value;
    } else {
      cells.splice(at, 0, column, kind + 8 * this.newCellStyle(ws, target, column), value);
    }
    return true;
  }

  /** A compact row's height (a generated tab's wrapped rows); false when the row is exceljs's. */
  setRowHeight(ws: ExcelJS.Worksheet, row: number, points: number): boolean {
    const sheet = this.sheets.get(ws);
    if (!sheet || (ws as unknown as { _rows: unknown[] })._rows[row - 1]) return false;
    const target = (sheet.rows[row - 1] ??= { number: row, attributes: null, cells: [] });
    target.attributes = { ...(target.attributes ?? { style: 0 }), height: points };
    return true;
  }

  /** exceljs's Cell constructor: a new cell takes each part of its row's style, else its column's. */
  private newCellStyle(ws: ExcelJS.Worksheet, row: CompactRow, column: number): number {
    const rowStyle = (row.attributes && this.style(row.attributes.style)) as Partial<ExcelJS.Style> | null;
    const columnStyle = ws.getColumn(column).style as Partial<ExcelJS.Style> | undefined;
    const style: Partial<ExcelJS.Style> = {};
    for (const key of ['numFmt', 'font', 'alignment', 'border', 'fill', 'protection'] as const) {
      const part = rowStyle?.[key] || columnStyle?.[key];
      if (part) (style as Record<string, unknown>)[key] = part;
    }
    if (Object.keys(style).length === 0) return 0;
    const key = JSON.stringify(style);
    let slot = this.mergedSlots.get(key);
    if (slot === undefined) {
      slot = this.styleSlot(style);
      this.mergedSlots.set(key, slot);
    }
    return slot;
  }

  /** Every compact cell of a column made an exceljs Cell. */
  materializeColumn(ws: ExcelJS.Worksheet, column: number): void {
    const sheet = this.sheets.get(ws);
    if (!sheet) return;
    for (const row of sheet.rows) if (row && CompactSheet.find(row, column) >= 0) this.materializeCell(ws, row.number, column);
  }

  /** Every compact cell of every sheet made an exceljs Cell: the workbook is then an ordinary exceljs workbook. */
  materializeAll(workbook: ExcelJS.Workbook): void {
    for (const [ws] of this.sheetsOf(workbook)) this.materializeSheet(ws);
  }

  materializeSheet(ws: ExcelJS.Worksheet): void {
    const sheet = this.sheets.get(ws);
    if (!sheet) return;
    for (const row of sheet.rows) {
      if (!row) continue;
      this.realRow(ws, row);
      while (row.cells.length > 0) this.materializeCell(ws, row.number, row.cells[0] as number);
    }
    this.sheets.delete(ws);
  }

  /** The exceljs Row of a compact row, made with the row's attributes if it does not exist yet. */
  private realRow(ws: ExcelJS.Worksheet, compact: CompactRow): ExcelJS.Row {
    const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
    let real = rows[compact.number - 1];
    if (!real) {
      real = new Row(ws, compact.number);
      const a = compact.attributes;
      const style = a ? this.style(a.style) : null;
      // exceljs's Row model setter: the same attributes a loaded row gets.
      (real as unknown as { model: object }).model = {
        number: compact.number,
        cells: [],
        height: a?.height,
        hidden: a?.hidden,
        outlineLevel: a?.outlineLevel,
        collapsed: a?.collapsed,
        style: style ?? {},
      };
      rows[compact.number - 1] = real;
    }
    return real;
  }
}

function isRich(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'richText' in value;
}
