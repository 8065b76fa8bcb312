import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { dateParts } from '../core/calendar-date';
import type { CellStyle, GridRange, TabLayout } from '../core/grid';
import { UserError } from '../core/user-error';
import { checkAnnotations } from '../sheets/memory-workbook';
import type { RawCell, TabAnnotations, TabData, Workbook, WriteCell } from '../sheets/workbook';
import { sniffInput, type UnreadableKind } from './input-file';
import { isOsError, osErrorMessage } from './os-errors';
import { unkeptParts } from './unkept-parts';

/**
 * The Workbook port over an .xlsx file (exceljs), for the `dicoso` command.
 *
 * exceljs pitfalls this adapter works around:
 * - After loading, cells that had the same style in the file share one style object (and one font/fill object), so
 *   `cell.fill = …` would repaint every cell of that style. We always give a cell a fresh style object.
 * - A merged cell's slaves report the master's value; Sheets gives '' there, and so do we.
 * - There is no public way to delete a note (see setNote).
 * - A note on a cell with no value and no style is lost on load (exceljs attaches notes to the cells it reads).
 * - Only `{ formula }` makes a formula: a string such as '=SUM(A1)' is written as text, which is what the port
 *   requires (a user's or a form's text must never be evaluated).
 */

/**
 * The file could not be opened as an .xlsx workbook; `message` is Vietnamese, for the person running the command.
 * A UserError (and keeps its `name`, which isUserError checks), so the CLI prints the message as it is.
 */
export class WorkbookReadError extends UserError {
  constructor(
    message: string,
    readonly path: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The workbook could not be written; `message` is Vietnamese. */
export class WorkbookWriteError extends UserError {
  constructor(
    message: string,
    readonly path: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

// The user-facing wording of this adapter, in one place (file-system refusals: os-errors.ts).
const corrupt = (file: string) =>
  `Không đọc được tệp '${file}': tệp Excel bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở và lưu lại tệp bằng Excel rồi thử lại.`;
const SAVE_AS_XLSX = 'Hãy mở tệp bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng "Excel Workbook (.xlsx)", rồi chạy lại với tệp .xlsx.';
const say = {
  empty: (file: string) => `Không đọc được tệp '${file}': tệp rỗng (0 byte).`,
  xls: (file: string) => `Không đọc được tệp '${file}': đây là tệp Excel cũ (.xls, Excel 97–2003). ${SAVE_AS_XLSX}`,
  encrypted: (file: string) =>
    `Không đọc được tệp '${file}': tệp được đặt mật khẩu (mã hóa) nên không đọc được nội dung. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ Sổ làm việc → Mã hóa bằng Mật khẩu, xóa mật khẩu rồi bấm OK), lưu lại rồi chạy lại.`,
  'ole-other': (file: string) =>
    `Không đọc được tệp '${file}': đây là tệp Office kiểu cũ nhưng không phải bảng tính Excel (có thể là tài liệu Word .doc hay PowerPoint .ppt). Hãy kiểm tra lại tên tệp.`,
  'ole-damaged': (file: string) =>
    `Không đọc được tệp '${file}': tệp có dạng tệp Office kiểu cũ (như tệp Excel cũ (.xls)) nhưng bị hỏng. ${SAVE_AS_XLSX}`,
  ods: (file: string) =>
    `Không đọc được tệp '${file}': đây là bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice, không phải tệp Excel (.xlsx). Hãy mở tệp bằng LibreOffice Calc, lưu lại dưới dạng "Excel 2007-365 (.xlsx)", rồi chạy lại với tệp .xlsx.`,
  xlsb: (file: string) => `Không đọc được tệp '${file}': đây là sổ làm việc nhị phân của Excel (.xlsb). ${SAVE_AS_XLSX}`,
  'zip-other': (file: string) =>
    `Không đọc được tệp '${file}': đây là tệp nén (zip) nhưng không phải bảng tính Excel (.xlsx); có thể là tài liệu Word (.docx) hay một tệp nén thường. Hãy kiểm tra lại tên tệp.`,
  'zip-damaged': corrupt,
  csv: (file: string) =>
    `Không đọc được tệp '${file}': đây không phải tệp Excel (.xlsx) mà là tệp văn bản (CSV). Tệp CSV chỉ chứa một bảng, không có các tab Cán bộ và Đi cơ sở: hãy tạo bảng tính mới bằng "dicoso init <tên-tệp>.xlsx", dán dữ liệu vào đúng tab, rồi kiểm tra tệp .xlsx đó.`,
  html: (file: string) =>
    `Không đọc được tệp '${file}': đây là một trang web (HTML) mang tên tệp Excel; nhiều phần mềm xuất "Excel" theo cách này. ${SAVE_AS_XLSX}`,
  'xml-spreadsheet': (file: string) => `Không đọc được tệp '${file}': đây là bảng tính dạng XML của Excel 2003. ${SAVE_AS_XLSX}`,
  other: (file: string) => `Không đọc được tệp '${file}': đây không phải tệp Excel (.xlsx).`,
  corrupt,
  noSheets: (file: string) => `Không đọc được tệp '${file}': tệp không có trang tính nào.`,
} satisfies Record<UnreadableKind, (file: string) => string> & Record<string, (file: string) => string>;

const LIST_TAB = 'DanhMuc';
/** Excel refuses an inline list source (`"a,b,c"`) longer than 255 characters. */
const INLINE_LIST_LIMIT = 255;
/** Excel's "Narrow" margins, in inches. */
const NARROW_MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
const A4 = 9;
/** Excel's default font, written out whole so that a styled cell never carries a font without a size or name. */
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, family: 2 };
const PIXELS_PER_CHARACTER = 7;
/** How appended date cells are shown (the port: dd/MM/yyyy). */
const DATE_FORMAT = 'dd/mm/yyyy';

export class XlsxWorkbook implements Workbook {
  /** exceljs reads and writes dates as UTC midnights. */
  readonly dateTimeZone = 'UTC';

  private constructor(private readonly workbook: ExcelJS.Workbook) {}

  /**
   * What this workbook's file holds that the writer cannot carry over to a saved copy (charts, pivot tables, …), in
   * Vietnamese; set by `load`. The CLI names them before it writes.
   */
  unkept: readonly string[] = [];

  /** Opens an .xlsx file; rejects with a WorkbookReadError the person can act on. */
  static async load(path: string): Promise<XlsxWorkbook> {
    const file = basename(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (!isOsError(error)) throw error;
      throw new WorkbookReadError(osErrorMessage(error.code, file, 'read'), path, error);
    }
    const input = sniffInput(bytes);
    if (input.kind !== 'xlsx') throw new WorkbookReadError(say[input.kind](file), path);

    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new WorkbookReadError(say.corrupt(file), path, error);
    }
    // A zip with a workbook part and no sheet in it.
    if (workbook.worksheets.length === 0) throw new WorkbookReadError(say.noSheets(file), path);
    repairLoadedTables(workbook);
    const book = new XlsxWorkbook(workbook);
    book.unkept = unkeptParts(bytes, input.entries);
    return book;
  }

  /** A workbook with no tabs, for `dicoso init`. */
  static createEmpty(): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'dicoso';
    return new XlsxWorkbook(workbook);
  }

  /**
   * Writes the workbook (to a temporary file first, so a failed write never leaves half a file behind). A refusal by
   * the system (full disk, no permission, a folder in the way) rejects with a WorkbookWriteError naming `path`.
   */
  async save(path: string): Promise<void> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, new Uint8Array(buffer as ArrayBuffer));
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      if (!isOsError(error)) throw error;
      throw new WorkbookWriteError(osErrorMessage(error.code, path, 'write'), path, error);
    }
  }

  tabNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  readTab(name: string, options: { notes?: boolean } = {}): TabData | null {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) return null;
    const { found, rows, columns } = usedCells(ws);
    const values: RawCell[][] = Array.from({ length: rows }, () => new Array<RawCell>(columns).fill(''));
    for (const f of found) values[f.row - 1]![f.column - 1] = f.value;
    if (!options.notes) return { values };

    const notes: string[][] = Array.from({ length: rows }, () => new Array<string>(columns).fill(''));
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > rows) return;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (c > columns) return;
        const note = noteText(cell.note);
        if (note !== '') notes[r - 1]![c - 1] = note;
      });
    });
    return { values, notes };
  }

  annotateTab(a: TabAnnotations): void {
    const ws = this.workbook.getWorksheet(a.tab);
    if (!ws) throw new Error(`No tab named '${a.tab}'`);
    const width = checkAnnotations(a);

    writeText(ws.getCell(a.headerRow, a.statusColumn), a.statusCaption);
    a.statuses.forEach((status, i) => writeText(ws.getCell(a.firstRow + i, a.statusColumn), status));

    for (let i = 0; i < a.statuses.length; i++) {
      const r = a.firstRow + i;
      for (let c = 1; c <= width; c++) {
        const background = a.backgrounds[i]![c - 1]!;
        const note = a.notes[i]![c - 1]!;
        // Absent font weights: leave them alone (undefined below means "no change").
        const bold = a.fontWeights ? a.fontWeights[i]![c - 1] === 'bold' : undefined;
        // Cells nobody has touched and that we leave plain stay uncreated: a 5,000-row tab stays cheap.
        const existing = ws.findCell(r, c);
        if (!existing && background === null && note === '' && !bold) continue;
        const cell = existing ?? ws.getCell(r, c);

        const fill = background === null ? undefined : solidFill(background);
        if (!sameFill(cell.fill, fill)) restyle(cell, { fill });
        if (bold !== undefined && Boolean(cell.font?.bold) !== bold) restyle(cell, { font: { ...(cell.font ?? BASE_FONT), bold } });
        if (noteText(cell.note) !== note) setNote(cell, note);
      }
    }
  }

  appendRows(tab: string, rows: WriteCell[][]): number {
    const ws = this.requireSheet(tab);
    const first = usedCells(ws).rows + 1;
    rows.forEach((row, i) =>
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = ws.getCell(first + i, c + 1);
        if (typeof value === 'object') {
          const { year, month, day } = dateParts(value.date);
          cell.value = new Date(Date.UTC(year, month - 1, day));
          cell.style = { ...cell.style, numFmt: DATE_FORMAT };
        } else {
          // Only `{ formula }` makes a formula in exceljs: a string is always written as text.
          cell.value = value;
        }
      }),
    );
    return first;
  }

  writeGeneratedTab(layout: TabLayout): void {
    if (layout.name.length > 31) throw new Error(`Excel tab names have at most 31 characters: '${layout.name}'`);
    const height = layout.values.length;
    const width = layout.values[0]?.length ?? 0;
    layout.values.forEach((row, r) => {
      if (row.length !== width) throw new Error(`writeGeneratedTab '${layout.name}': row ${r + 1} has ${row.length} cells, expected ${width}`);
    });

    const previous = this.workbook.getWorksheet(layout.name);
    const orderNo = previous ? orderOf(previous) : undefined;
    if (previous) this.workbook.removeWorksheet(previous.id);
    const ws = this.workbook.addWorksheet(layout.name, {
      pageSetup: {
        paperSize: A4,
        orientation: layout.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: NARROW_MARGINS,
      },
      views: layout.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: layout.frozenRows, topLeftCell: `A${layout.frozenRows + 1}` }] : [],
    });
    // exceljs writes tabs in `orderNo` order, so the new tab takes the old one's place.
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

    layout.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        ws.getCell(r + 1, c + 1).value = value;
      }),
    );

    // Overlapping style ranges combine, later ranges winning property by property, as successive Sheets calls do.
    const styles = new Map<number, CellStyle>();
    for (const { range, style } of layout.styles) {
      requireInside(layout.name, range, height, width, 'style range');
      forEachCell(range, (r, c) => {
        const key = r * width + c;
        styles.set(key, { ...styles.get(key), ...style });
      });
    }
    for (const [key, style] of styles) {
      const cell = ws.getCell(Math.floor(key / width) + 1, (key % width) + 1);
      cell.style = excelStyle(style);
    }

    // Merged without copying the master's style: each cell keeps its own borders, as in Sheets.
    for (const m of layout.merges) {
      requireInside(layout.name, m, height, width, 'merge');
      if (m.rows === 1 && m.columns === 1) continue;
      ws.mergeCellsWithoutStyle(m.row + 1, m.column + 1, m.row + m.rows, m.column + m.columns);
    }

    layout.columnWidths.forEach((px, i) => {
      ws.getColumn(i + 1).width = Math.round((px / PIXELS_PER_CHARACTER) * 100) / 100;
    });
    setWrappedRowHeights(ws, layout, styles);
  }

  /**
   * A dropdown on `column` (1-based) for rows firstRow…lastRow. Excel caps an inline list at 255 characters and
   * cannot quote a comma inside one, so a longer list (or one with commas or quotes) goes to the hidden tab
   * "DanhMuc" and the rule points at that range. Typing another value is allowed, with a warning: the checker accepts
   * variants (no accents, numbers) that a strict dropdown would refuse.
   */
  addListValidation(tab: string, column: number, firstRow: number, lastRow: number, values: string[]): void {
    const ws = this.requireSheet(tab);
    if (values.length === 0) throw new Error('addListValidation: empty list');
    if (firstRow < 1 || lastRow < firstRow || column < 1) throw new Error(`addListValidation: bad range rows ${firstRow}…${lastRow}, column ${column}`);
    const joined = values.join(',');
    const inline = joined.length <= INLINE_LIST_LIMIT && values.every((v) => !v.includes(',') && !v.includes('"'));
    const formula = inline ? `"${joined}"` : this.listRange(values);
    const letter = ws.getColumn(column).letter;
    dataValidations(ws).add(`${letter}${firstRow}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Giá trị ngoài danh sách',
      error: 'Giá trị này không có trong danh sách. Vẫn giữ?',
    });
  }

  /** A number format (e.g. `dd/mm/yyyy`, `@`) on a whole column (1-based), also for rows typed in later. */
  setColumnFormat(tab: string, column: number, numFmt: string): void {
    const ws = this.requireSheet(tab);
    const col = ws.getColumn(column);
    // Fresh objects: the column's and cells' style objects may be shared with others (see the header comment).
    col.style = { ...col.style, numFmt };
    col.eachCell({ includeEmpty: false }, (cell) => {
      cell.style = { ...cell.style, numFmt };
    });
  }

  /** The exceljs workbook, for tests and for what the port does not cover. */
  get excel(): ExcelJS.Workbook {
    return this.workbook;
  }

  private requireSheet(tab: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(tab);
    if (!ws) throw new Error(`No tab named '${tab}'`);
    return ws;
  }

  /** An absolute reference to a column of the hidden list tab holding exactly these values (added when missing). */
  private listRange(values: string[]): string {
    const ws = this.workbook.getWorksheet(LIST_TAB) ?? this.workbook.addWorksheet(LIST_TAB, { state: 'hidden' });
    let column = 1;
    for (; column <= Math.max(ws.columnCount, 0); column++) {
      const held: string[] = [];
      ws.getColumn(column).eachCell({ includeEmpty: false }, (cell) => {
        held.push(String(rawCellOf(cell.value)));
      });
      if (held.length === 0) break;
      if (held.length === values.length && held.every((v, i) => v === values[i])) return reference(ws.getColumn(column).letter, values.length);
    }
    values.forEach((v, i) => writeText(ws.getCell(i + 1, column), v));
    return reference(ws.getColumn(column).letter, values.length);
  }
}

/** exceljs has `worksheet.dataValidations` (and adds a range in one entry) but its typings leave it out. */
function dataValidations(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void; model: Record<string, ExcelJS.DataValidation | undefined> } {
  return (ws as unknown as { dataValidations: ReturnType<typeof dataValidations> }).dataValidations;
}

/** The cells holding a value (merge slaves excluded, as Sheets reads '' there) and the data range's size. */
function usedCells(ws: ExcelJS.Worksheet): { found: { row: number; column: number; value: RawCell }[]; rows: number; columns: number } {
  const found: { row: number; column: number; value: RawCell }[] = [];
  let rows = 0;
  let columns = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = rawCellOf(cell.value);
      if (value === '') return;
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
      found.push({ row: r, column: c, value });
    });
  });
  return { found, rows, columns };
}

function reference(letter: string, rows: number): string {
  return `${LIST_TAB}!$${letter}$1:$${letter}$${rows}`;
}

/**
 * Tables as exceljs loads them cannot always be written back: a table without `tableStyleInfo` (optional in the
 * format; LibreOffice writes none) makes the writer throw, and a filter button that the file shows by leaving out its
 * `filterColumn` (what Excel writes) would be written as hidden. Give both their meaning in the file.
 */
function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { table?: LoadedTable }> }).tables ?? {};
    for (const { table } of Object.values(tables)) {
      if (!table) continue;
      table.style ??= { showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
      if (table.autoFilterRef) for (const column of table.columns ?? []) column.filterButton ??= true;
    }
  }
}

interface LoadedTable {
  style?: object | null;
  autoFilterRef?: string;
  columns?: { filterButton?: boolean }[];
}

/** An exceljs cell value as Sheets' getValues would give it. */
export function rawCellOf(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  // Formulas and shared formulas: the cached result; none (never calculated) reads as blank.
  if ('formula' in value || 'sharedFormula' in value) return rawCellOf(value.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) return rawCellOf(value.text as ExcelJS.CellValue);
  if ('text' in value) return rawCellOf((value as { text: ExcelJS.CellValue }).text);
  return '';
}

function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * exceljs has no way to delete a note: `cell.note = undefined` writes an empty one. The note lives in the cell's
 * `_comment`, and a cell loaded from a file also keeps the loaded comment in its value's model, which `cell.model`
 * hands back on save; both must go.
 */
function setNote(cell: ExcelJS.Cell, note: string): void {
  if (note !== '') {
    cell.note = note;
    return;
  }
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete internals._comment;
  if (internals._value?.model) delete internals._value.model.comment;
}

/** Writes a status as text whatever it looks like; a blank clears the cell. */
function writeText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text === '' ? null : text;
}

/** Replaces the cell's style with a fresh object: style objects loaded from a file are shared between cells. */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  const next: Partial<ExcelJS.Style> = { ...cell.style, ...change };
  for (const key of Object.keys(change) as (keyof ExcelJS.Style)[]) if (change[key] === undefined) delete next[key];
  cell.style = next;
}

function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: '${hex}'`);
  return `FF${m[1]!.toUpperCase()}`;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

function sameFill(a: ExcelJS.Fill | undefined, b: ExcelJS.Fill | undefined): boolean {
  const key = (f: ExcelJS.Fill | undefined) => (f && f.type === 'pattern' && f.pattern !== 'none' ? `${f.pattern}:${f.fgColor?.argb ?? ''}` : '');
  return key(a) === key(b);
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { ...BASE_FONT };
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontFamily !== undefined) font.name = style.fontFamily;
  if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
  out.font = font;
  if (style.background !== undefined) out.fill = solidFill(style.background);
  if (style.horizontalAlignment || style.verticalAlignment || style.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
    if (style.verticalAlignment) alignment.vertical = style.verticalAlignment;
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    out.alignment = alignment;
  }
  if (style.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat !== undefined) out.numFmt = style.numberFormat;
  return out;
}

function orderOf(ws: ExcelJS.Worksheet): number {
  return (ws as unknown as { orderNo: number }).orderNo;
}

function forEachCell(range: GridRange, visit: (row: number, column: number) => void): void {
  for (let r = range.row; r < range.row + range.rows; r++) for (let c = range.column; c < range.column + range.columns; c++) visit(r, c);
}

function requireInside(tab: string, range: GridRange, height: number, width: number, what: string): void {
  if (range.row < 0 || range.column < 0 || range.rows < 1 || range.columns < 1 || range.row + range.rows > height || range.column + range.columns > width) {
    throw new Error(`writeGeneratedTab '${tab}': ${what} ${JSON.stringify(range)} is outside the ${height}×${width} grid`);
  }
}

const LINE_HEIGHT_POINTS = 15;
/** Average glyph width of Calibri 11 in pixels: enough to estimate how many lines a wrapped cell takes. */
const AVERAGE_GLYPH_PIXELS = 6.2;

/**
 * Sheets grows a row to fit wrapped text by itself; Excel and LibreOffice keep the stored height, so wrapped cells
 * would print over each other. Estimate each row's line count from its text and column widths instead.
 */
function setWrappedRowHeights(ws: ExcelJS.Worksheet, layout: TabLayout, styles: Map<number, CellStyle>): void {
  const width = layout.values[0]?.length ?? 0;
  const merged = new Set<number>();
  for (const m of layout.merges) forEachCell(m, (r, c) => merged.add(r * width + c));
  layout.values.forEach((row, r) => {
    let lines = 1;
    row.forEach((value, c) => {
      const style = styles.get(r * width + c);
      if (!style?.wrap || merged.has(r * width + c) || value === null || value === '') return;
      const columnPixels = Math.max(20, (layout.columnWidths[c] ?? 100) - 8);
      const glyph = AVERAGE_GLYPH_PIXELS * ((style.fontSize ?? 11) / 11) * (style.bold ? 1.1 : 1);
      const perLine = Math.max(1, Math.floor(columnPixels / glyph));
      const cellLines = String(value)
        .split('\n')
        .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil([...paragraph].length / perLine)), 0);
      lines = Math.max(lines, cellLines);
    });
    if (lines > 1) ws.getRow(r + 1).height = lines * LINE_HEIGHT_POINTS;
  });
}
