import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { ValueType as ExcelValueType, Workbook as ExcelWorkbook } from './exceljs-core';
import { dateParts } from '../core/calendar-date';
import type { CellStyle, GridRange, TabLayout } from '../core/grid';
import { UserError } from '../core/user-error';
import { highlightFormula, isOurFormula } from '../core/highlights';
import { keepDatesAsRead } from './exceljs-dates';
import { keepNotesOnEmptyCells } from './exceljs-notes';
import {
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
} from '../sheets/workbook';
import { sniffInput, type UnreadableKind } from './input-file';
import { isOsError, osErrorMessage } from './os-errors';
import { describeUnkept, findUnkept, type UnkeptPart } from './unkept-parts';
import { CompactBook, Kind } from './compact-cells';
import { loadCompact, writeCompact } from './xlsx-io';
import type { KeptWorkbookParts } from './workbook-parts';

/**
 * The Workbook port over an .xlsx file (exceljs), for the `dicoso` command.
 *
 * exceljs pitfalls this adapter works around:
 * - After loading, cells that had the same style in the file share one style object (and one font/fill object), so
 *   `cell.fill = …` would repaint every cell of that style. We always give a cell a fresh style object.
 * - A merged cell's slaves report the master's value; Sheets gives '' there, and so do we.
 * - There is no public way to delete a note (see setNote).
 * - A note on a cell with no value and no style is lost on load (exceljs attaches notes to the cells it reads):
 *   exceljs-notes.ts adds those cells before exceljs reconciles.
 * - Only `{ formula }` makes a formula: a string such as '=SUM(A1)' is written as text, which is what the port
 *   requires (a user's or a form's text must never be evaluated).
 *
 * A loaded workbook keeps its plain cells outside exceljs (compact-cells.ts) and is read and written in a stream
 * (xlsx-io.ts), so a national file fits in memory; every method below reads both kinds of cell and turns a compact
 * cell into an exceljs Cell before writing it. `engine: 'exceljs'` loads and saves with exceljs alone (the earlier
 * path, kept to compare the two in test/cli/engines.test.ts).
 */

export interface LoadOptions {
  engine?: 'compact' | 'exceljs';
}

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
  'ole-damaged': (file: string) => `Không đọc được tệp '${file}': tệp có dạng tệp Office kiểu cũ (như tệp Excel cũ (.xls)) nhưng bị hỏng. ${SAVE_AS_XLSX}`,
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
/** Our defined names: `_dicoso_status_1` on our status column's header cell, `_dicoso_tab_1` on A1 of a tab we made. */
const MARK_PREFIX = '_dicoso_';
const STATUS_MARK = `${MARK_PREFIX}status_`;
const TAB_MARK = `${MARK_PREFIX}tab_`;
/** The hidden tab holding long dropdown lists (`dicoso init`): ours, but not a generated form. */
const LIST_MARK = `${MARK_PREFIX}list_`;
const EXCEL_MAX_ROWS = 1048576;
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

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** The plain cells held outside exceljs; null for a new workbook or the exceljs engine. */
    private readonly compact: CompactBook | null = null,
    /** What the file holds that exceljs does not carry and the streaming writer puts back (workbook-parts.ts). */
    private readonly kept: KeptWorkbookParts | null = null,
  ) {}

  /** What this workbook's file holds that the writer cannot carry over to a saved copy; found by `load`. */
  private unkeptFound: readonly UnkeptPart[] = [];
  /** The tabs of ours this run wrote anew or deleted: what the file had on them is replaced, not lost. */
  private readonly rewritten: string[] = [];

  /**
   * What a saved copy will lack of the file read (charts, pivot tables, …), in Vietnamese, leaving out what was only
   * on a tab of ours this run wrote anew or deleted. The CLI names them just before it writes.
   */
  unkept(): string[] {
    return describeUnkept(this.unkeptFound, (tab) => this.rewritten.some((t) => sameTabName(t, tab)));
  }

  /** Opens an .xlsx file; rejects with a WorkbookReadError the person can act on. */
  static async load(path: string, options: LoadOptions = {}): Promise<XlsxWorkbook> {
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

    keepNotesOnEmptyCells();
    keepDatesAsRead();
    let workbook = new ExcelWorkbook();
    let compact: CompactBook | null = null;
    let kept: KeptWorkbookParts | null = null;
    try {
      if (options.engine === 'exceljs') await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      else ({ workbook, compact, kept } = await loadCompact(bytes, input.entries));
    } catch (error) {
      throw new WorkbookReadError(say.corrupt(file), path, error);
    }
    // A zip with a workbook part and no sheet in it.
    if (workbook.worksheets.length === 0) throw new WorkbookReadError(say.noSheets(file), path);
    repairLoadedTables(workbook);
    const book = new XlsxWorkbook(workbook, compact, kept);
    book.unkeptFound = findUnkept(bytes, input.entries);
    return book;
  }

  /** A workbook with no tabs, for `dicoso init`. */
  static createEmpty(): XlsxWorkbook {
    const workbook = new ExcelWorkbook();
    workbook.creator = 'dicoso';
    return new XlsxWorkbook(workbook);
  }

  /**
   * Writes the workbook (to a temporary file first, so a failed write never leaves half a file behind). A refusal by
   * the system (full disk, no permission, a folder in the way) rejects with a WorkbookWriteError naming `path`.
   */
  async save(path: string): Promise<void> {
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      if (this.compact) await writeCompact(this.workbook, this.compact, temporary, this.kept);
      else await writeFile(temporary, new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer));
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

  /**
   * Values and notes as ragged rows holding only the cells in use, so a sheet with one far cell (XFD1048576) costs
   * what its cells cost, not rows × columns. Merged cells other than a merge's first read '' (as in Sheets).
   */
  readTab(name: string, options: ReadOptions = {}): TabData | null {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) return null;
    const values: RawCell[][] = [];
    const notes: string[][] = [];
    forEachStoredCell(ws, (cell, r, c) => {
      if (cell.type !== ExcelValueType.Merge && cell.type !== ExcelValueType.Null) {
        const value = rawCellOf(cell.value);
        if (value !== '') (values[r - 1] ??= [])[c - 1] = value;
      }
      if (options.notes) {
        const note = noteText(cell.note);
        if (note !== '') (notes[r - 1] ??= [])[c - 1] = note;
      }
    });
    // Compact cells carry no note (a cell with a note is always exceljs's).
    const compact = this.compact?.sheet(ws);
    if (compact) {
      this.compact!.forEachCell(compact, (r, c, cellValue) => {
        const value = rawCellOf(cellValue);
        if (value !== '') (values[r - 1] ??= [])[c - 1] = value;
      });
    }
    const data: TabData = {
      values: dense(values, ''),
      merges: options.valuesOnly ? [] : mergesOf(ws),
      ownedColumn: options.valuesOnly ? null : this.ownedColumn(name),
    };
    return options.notes ? { ...data, notes: dense(notes, '') } : data;
  }

  annotateTab(a: TabAnnotations): void {
    const ws = this.requireSheet(a.tab);
    // An input tab nobody set up for printing prints A4 landscape, fitted to the page's width (not 49 pages of
    // US Letter portrait); a paper size the user chose is theirs and stays.
    if (ws.pageSetup.paperSize === undefined) {
      ws.pageSetup = { ...ws.pageSetup, paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    }
    if (this.isGenerated(a.tab)) throw new Error(`annotateTab '${a.tab}': a generated tab is not an input tab`);
    const owned = this.ownedColumn(a.tab);
    if (owned === null) this.mark(STATUS_MARK, a.tab, 1, a.statusColumn);
    else if (owned !== a.statusColumn) throw new Error(`annotateTab '${a.tab}': our column is ${owned}, not ${a.statusColumn}`);
    for (const block of a.statusCells) checkBlock(block, 'statusCells');
    for (const block of a.statusCells) {
      block.values.forEach(([text], i) => {
        const row = block.row + i;
        if (!this.compact?.writeText(ws, row, a.statusColumn, text ?? '')) writeText(this.cellToWrite(ws, row, a.statusColumn), text ?? '');
      });
    }
    for (const block of a.notes) this.writeNotes(ws, block);
    if (a.highlights) {
      removeOurRules(ws);
      const { firstRow, rules } = a.highlights;
      const letter = ws.getColumn(a.statusColumn).letter;
      rules.forEach((rule, i) => {
        const ref = rule.scope === 'row' ? `A${firstRow}:${letter}${EXCEL_MAX_ROWS}` : `${letter}${firstRow}:${letter}${EXCEL_MAX_ROWS}`;
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: 'expression',
              priority: i + 1,
              formulae: [highlightFormula(a.statusColumn, firstRow, rule.prefix)],
              style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } }, ...(rule.bold ? { font: { bold: true } } : {}) },
            },
          ],
        });
      });
    }
  }

  unmarkTab(u: TabUnmarking): void {
    const ws = this.requireSheet(u.tab);
    removeOurRules(ws);
    if (u.statusColumn !== null) {
      if (this.ownedColumn(u.tab) !== u.statusColumn) throw new Error(`unmarkTab '${u.tab}': column ${u.statusColumn} is not ours`);
      this.compact?.materializeColumn(ws, u.statusColumn);
      ws.getColumn(u.statusColumn).eachCell({ includeEmpty: false }, (cell) => {
        cell.value = null;
        if (noteText(cell.note) !== '') setNote(cell, '');
      });
      this.unmark(STATUS_MARK, u.tab);
    }
    for (const block of u.notes) this.writeNotes(ws, block);
  }
  appendRows(tab: string, rows: WriteCell[][]): number {
    const ws = this.requireSheet(tab);
    const first = this.lastUsedRow(ws) + 1;
    rows.forEach((row, i) =>
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = this.cellToWrite(ws, first + i, c + 1);
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

  writeGeneratedTab(layout: TabLayout): string {
    return this.writeLayout(layout, true);
  }

  /** A new tab laid out like a form but the user's from the start (`dicoso init`'s input tabs): never marked ours. */
  createUserTab(layout: TabLayout): void {
    if (this.workbook.worksheets.some((ws) => sameTabName(ws.name, layout.name))) throw new Error(`A tab named '${layout.name}' already exists`);
    this.writeLayout(layout, false);
  }

  private writeLayout(layout: TabLayout, generated: boolean): string {
    const height = layout.values.length;
    const width = layout.values[0]?.length ?? 0;
    layout.values.forEach((row, r) => {
      if (row.length !== width) throw new Error(`writeGeneratedTab '${layout.name}': row ${r + 1} has ${row.length} cells, expected ${width}`);
    });
    const name = freeTabName(layout.name, (n) => this.workbook.worksheets.some((ws) => sameTabName(ws.name, n) && !this.isGenerated(ws.name)));
    if (name.length > 31) throw new Error(`Excel tab names have at most 31 characters: '${name}'`);

    const previous = this.workbook.worksheets.find((ws) => sameTabName(ws.name, name));
    const orderNo = previous ? orderOf(previous) : undefined;
    if (previous) {
      this.unmark(TAB_MARK, previous.name);
      this.workbook.removeWorksheet(previous.id);
      this.rewritten.push(previous.name);
    }
    const ws = this.workbook.addWorksheet(name, {
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

    const styles = cellStyles(layout, height, width);
    const merged = new Set<number>();
    for (const m of layout.merges) {
      requireInside(layout.name, m, height, width, 'merge');
      if (m.rows > 1 || m.columns > 1) forEachCell(m, (r, c) => merged.add(r * width + c));
    }

    if (this.compact) this.writeCompactCells(ws, layout, styles, merged);
    else {
      layout.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === '') return;
          ws.getCell(r + 1, c + 1).value = value;
        }),
      );
      styles.forEach((style, key) => {
        ws.getCell(Math.floor(key / width) + 1, (key % width) + 1).style = excelStyle(style);
      });
    }

    // Merged without copying the master's style: each cell keeps its own borders, as in Sheets.
    for (const m of layout.merges) {
      if (m.rows === 1 && m.columns === 1) continue;
      ws.mergeCellsWithoutStyle(m.row + 1, m.column + 1, m.row + m.rows, m.column + m.columns);
    }

    layout.columnWidths.forEach((px, i) => {
      ws.getColumn(i + 1).width = Math.round((px / PIXELS_PER_CHARACTER) * 100) / 100;
    });
    setWrappedRowHeights(layout, styles, merged, (row, points) => {
      if (!this.compact?.setRowHeight(ws, row, points)) ws.getRow(row).height = points;
    });
    // Column captions repeat at the top of every printed page; each cadre's mẫu 1 starts a page of its own.
    if (layout.printTitleRows) ws.pageSetup.printTitlesRow = `${layout.printTitleRows.first + 1}:${layout.printTitleRows.last + 1}`;
    for (const row of layout.pageBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
    if (generated) this.mark(TAB_MARK, name, 1, 1);
    return name;
  }

  /**
   * A generated tab's cells in the compact store, but for merged cells (exceljs's, so it can merge them): the same
   * values and styles the exceljs path gives, one style object per distinct style.
   */
  private writeCompactCells(ws: ExcelJS.Worksheet, layout: TabLayout, styles: CellStyles, merged: Set<number>): void {
    const compact = this.compact!;
    const sheet = compact.create(ws);
    const width = layout.values[0]?.length ?? 0;
    const slots: number[] = [];
    layout.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = r * width + c;
        const combination = styles.combinationAt(key);
        const empty = value === null || value === '';
        if (empty && combination === 0) return;
        if (merged.has(key)) {
          const cell = ws.getCell(r + 1, c + 1);
          if (!empty) cell.value = value;
          if (combination !== 0) cell.style = excelStyle(styles.style(combination)!);
          return;
        }
        // One style object per combination of ranges: exceljs then numbers each style once, not once per cell.
        const slot = combination === 0 ? 0 : (slots[combination] ??= compact.styleSlot(excelStyle(styles.style(combination)!)));
        const kind = empty ? Kind.Null : typeof value === 'number' ? Kind.Number : typeof value === 'boolean' ? Kind.Boolean : Kind.Text;
        sheet.push(r + 1, c + 1, kind, slot, empty ? null : value);
      }),
    );
  }

  /** The cell to write at (row, column), an exceljs Cell even where the file's cell was compact. */
  private cellToWrite(ws: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell {
    this.compact?.materializeCell(ws, row, column);
    return ws.getCell(row, column);
  }

  /** The last row holding a value (merge slaves and formatted blanks do not count). */
  private lastUsedRow(ws: ExcelJS.Worksheet): number {
    let last = usedCells(ws).rows;
    const sheet = this.compact?.sheet(ws);
    if (sheet)
      this.compact!.forEachCell(sheet, (r, _c, value) => {
        if (r > last && rawCellOf(value) !== '') last = r;
      });
    return last;
  }

  private writeNotes(ws: ExcelJS.Worksheet, block: CellBlock<string>): void {
    checkBlock(block, 'notes');
    block.values.forEach((line, r) =>
      line.forEach((note, c) => {
        const existing = ws.findCell(block.row + r, block.column + c);
        // A compact cell, like a missing one, has no note.
        if (!existing && note === '') return;
        const cell = existing ?? this.cellToWrite(ws, block.row + r, block.column + c);
        if (noteText(cell.note) !== note) setNote(cell, note);
      }),
    );
  }

  generatedTabs(): string[] {
    return this.tabNames().filter((name) => this.isGenerated(name));
  }

  deleteGeneratedTab(name: string): void {
    const ws = this.requireSheet(name);
    if (!this.isGenerated(name)) throw new Error(`deleteGeneratedTab '${name}': not a tab we generated`);
    this.unmark(TAB_MARK, name);
    this.workbook.removeWorksheet(ws.id);
    this.rewritten.push(name);
  }

  clearRow(tab: string, row: number): void {
    const ws = this.requireSheet(tab);
    if (!Number.isInteger(row) || row < 1) throw new Error(`clearRow '${tab}': row ${row} must be an integer ≥ 1`);
    ws.getRow(row).eachCell({ includeEmpty: false }, (cell) => {
      cell.value = null;
      if (noteText(cell.note) !== '') setNote(cell, '');
    });
  }

  // ---- our markers: defined names, which Excel and LibreOffice keep and move with the cells they point at ----

  private marks(): { name: string; sheet: string; row: number; column: number }[] {
    const out: { name: string; sheet: string; row: number; column: number }[] = [];
    this.workbook.definedNames.forEach((name, cell) => {
      const at = cell as unknown as { sheetName: string; row: number; col: number };
      if (name.startsWith(MARK_PREFIX)) out.push({ name, sheet: at.sheetName, row: at.row, column: at.col });
    });
    return out;
  }

  private ownedColumn(tab: string): number | null {
    return this.marks().find((m) => m.name.startsWith(STATUS_MARK) && m.sheet === tab)?.column ?? null;
  }

  private isGenerated(tab: string): boolean {
    return this.marks().some((m) => m.name.startsWith(TAB_MARK) && m.sheet === tab);
  }

  private mark(kind: string, tab: string, row: number, column: number): void {
    const taken = new Set(this.marks().map((m) => m.name));
    let n = 1;
    while (taken.has(`${kind}${n}`)) n++;
    this.workbook.definedNames.add(`${quoteSheet(tab)}!$${this.requireSheet(tab).getColumn(column).letter}$${row}`, `${kind}${n}`);
  }

  private unmark(kind: string, tab: string): void {
    for (const m of this.marks()) {
      if (m.name.startsWith(kind) && m.sheet === tab) {
        this.workbook.definedNames.remove(`${quoteSheet(tab)}!$${this.requireSheet(tab).getColumn(m.column).letter}$${m.row}`, m.name);
      }
    }
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
    this.compact?.materializeColumn(ws, column);
    const col = ws.getColumn(column);
    // Fresh objects: the column's and cells' style objects may be shared with others (see the header comment).
    col.style = { ...col.style, numFmt };
    col.eachCell({ includeEmpty: false }, (cell) => {
      cell.style = { ...cell.style, numFmt };
    });
  }

  /** The exceljs workbook, for tests and for what the port does not cover: every cell an exceljs Cell from then on. */
  get excel(): ExcelJS.Workbook {
    this.compact?.materializeAll(this.workbook);
    return this.workbook;
  }

  private requireSheet(tab: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(tab);
    if (!ws) throw new Error(`No tab named '${tab}'`);
    return ws;
  }

  /** An absolute reference to a column of the hidden list tab holding exactly these values (added when missing). */
  private listRange(values: string[]): string {
    const isOurs = (name: string) => this.marks().some((m) => m.name.startsWith(LIST_MARK) && m.sheet === name);
    const name = freeTabName(LIST_TAB, (n) => this.workbook.worksheets.some((w) => sameTabName(w.name, n) && !isOurs(w.name)));
    let ws = this.workbook.worksheets.find((w) => sameTabName(w.name, name));
    if (!ws) {
      ws = this.workbook.addWorksheet(name, { state: 'hidden' });
      this.mark(LIST_MARK, name, 1, 1);
    }
    this.compact?.materializeSheet(ws);
    let column = 1;
    for (; column <= Math.max(ws.columnCount, 0); column++) {
      const held: string[] = [];
      ws.getColumn(column).eachCell({ includeEmpty: false }, (cell) => {
        held.push(String(rawCellOf(cell.value)));
      });
      if (held.length === 0) break;
      if (held.length === values.length && held.every((v, i) => v === values[i])) return reference(ws.name, ws.getColumn(column).letter, values.length);
    }
    values.forEach((v, i) => writeText(ws!.getCell(i + 1, column), v));
    return reference(ws.name, ws.getColumn(column).letter, values.length);
  }
}

/**
 * Every cell exceljs holds, empty ones too (a note can sit on a cell with no value), without creating the rows and
 * cells in between as `eachRow({ includeEmpty: true })` would: one far cell must not cost a million rows.
 */
function forEachStoredCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell, row: number, column: number) => void): void {
  const rows = (ws as unknown as { _rows: ({ _cells: (ExcelJS.Cell | undefined)[] } | undefined)[] })._rows;
  rows.forEach((row, r) => row?._cells.forEach((cell, c) => cell && visit(cell, r + 1, c + 1)));
}

/** Missing rows made empty rows (one shared frozen array), ragged rows kept ragged; holes in a row made `fill`. */
function dense<T>(rows: T[][], fill: T): T[][] {
  const empty = Object.freeze([]) as unknown as T[];
  return Array.from({ length: rows.length }, (_, r) => {
    const row = rows[r];
    if (!row) return empty;
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = fill;
    return row;
  });
}

/** The worksheet's merges as 0-based ranges. */
function mergesOf(ws: ExcelJS.Worksheet): GridRange[] {
  const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(merges).map((m) => ({ row: m.top - 1, column: m.left - 1, rows: m.bottom - m.top + 1, columns: m.right - m.left + 1 }));
}

/** Takes off the conditional-format rules we wrote (their formulas carry our marker); the user's stay as they are. */
function removeOurRules(ws: ExcelJS.Worksheet): void {
  // exceljs keeps the rules it read in `conditionalFormattings`, which its typings leave out.
  const sheet = ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
  const ours = (rule: ExcelJS.ConditionalFormattingRule) =>
    'formulae' in rule && (rule.formulae ?? []).some((f: unknown) => typeof f === 'string' && isOurFormula(f));
  sheet.conditionalFormattings = sheet.conditionalFormattings
    .map((cf) => ({ ...cf, rules: cf.rules.filter((rule) => !ours(rule)) }))
    .filter((cf) => cf.rules.length > 0);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** exceljs has `worksheet.dataValidations` (and adds a range in one entry) but its typings leave it out. */
function dataValidations(ws: ExcelJS.Worksheet): {
  add(address: string, validation: ExcelJS.DataValidation): void;
  model: Record<string, ExcelJS.DataValidation | undefined>;
} {
  return (ws as unknown as { dataValidations: ReturnType<typeof dataValidations> }).dataValidations;
}

/** The cells holding a value (merge slaves excluded, as Sheets reads '' there) and the data range's size. */
function usedCells(ws: ExcelJS.Worksheet): { found: { row: number; column: number; value: RawCell }[]; rows: number; columns: number } {
  const found: { row: number; column: number; value: RawCell }[] = [];
  let rows = 0;
  let columns = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelValueType.Merge) return;
      const value = rawCellOf(cell.value);
      if (value === '') return;
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
      found.push({ row: r, column: c, value });
    });
  });
  return { found, rows, columns };
}

function reference(tab: string, letter: string, rows: number): string {
  return `${quoteSheet(tab)}!$${letter}$1:$${letter}$${rows}`;
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
    cell.note = keepingRuns(cell.note, note);
    return;
  }
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete internals._comment;
  if (internals._value?.model) delete internals._value.model.comment;
}

/**
 * The new text of a note, keeping the formatting (bold, colour…) of the old note's runs over the part it repeats from
 * its start: the person's own lines, before or after ours come and go. What follows that part is plain text.
 */
function keepingRuns(old: ExcelJS.Comment | string | undefined, text: string): ExcelJS.Comment | string {
  if (old === undefined || old === null || typeof old === 'string' || !(old.texts ?? []).some((run) => run.font)) return text;
  const texts: ExcelJS.RichText[] = [];
  let at = 0;
  for (const run of old.texts ?? []) {
    let same = 0;
    while (same < run.text.length && at + same < text.length && run.text[same] === text[at + same]) same++;
    if (same > 0) texts.push({ ...run, text: run.text.slice(0, same) });
    at += same;
    if (same < run.text.length) break;
  }
  if (at < text.length) texts.push({ text: text.slice(at) });
  return { ...old, texts } as ExcelJS.Comment;
}

/** Writes a status as text whatever it looks like; a blank clears the cell. */
function writeText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text === '' ? null : text;
}

function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: '${hex}'`);
  return `FF${m[1]!.toUpperCase()}`;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
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
function setWrappedRowHeights(layout: TabLayout, styles: CellStyles, merged: Set<number>, setHeight: (row: number, points: number) => void): void {
  const width = layout.values[0]?.length ?? 0;
  layout.values.forEach((row, r) => {
    let lines = 1;
    row.forEach((value, c) => {
      const style = styles.style(styles.combinationAt(r * width + c));
      if (!style?.wrap || merged.has(r * width + c) || value === null || value === '') return;
      const columnPixels = Math.max(20, (layout.columnWidths[c] ?? 100) - 8);
      const glyph = AVERAGE_GLYPH_PIXELS * ((style.fontSize ?? 11) / 11) * (style.bold ? 1.1 : 1);
      const perLine = Math.max(1, Math.floor(columnPixels / glyph));
      const cellLines = String(value)
        .split('\n')
        .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(codePoints(paragraph) / perLine)), 0);
      lines = Math.max(lines, cellLines);
    });
    if (lines > 1) setHeight(r + 1, lines * LINE_HEIGHT_POINTS);
  });
}

/** The characters of a text as a person counts them (a pair of surrogates is one), without an array per text. */
function codePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) pairs++;
  }
  return text.length - pairs;
}

/**
 * Each cell's style where style ranges overlap (later ranges win property by property, as successive Sheets calls
 * do), kept as one number per cell naming the combination of ranges that covers it: a 300,000-row form costs a
 * typed array, not a style object per cell.
 */
interface CellStyles {
  /** 0 for a cell no range covers. */
  combinationAt(key: number): number;
  style(combination: number): CellStyle | undefined;
  forEach(visit: (style: CellStyle, key: number) => void): void;
}

function cellStyles(layout: TabLayout, height: number, width: number): CellStyles {
  const at = new Uint32Array(height * width);
  const combined: (CellStyle | undefined)[] = [undefined];
  layout.styles.forEach(({ range, style }) => {
    requireInside(layout.name, range, height, width, 'style range');
    const next = new Map<number, number>();
    forEachCell(range, (r, c) => {
      const key = r * width + c;
      const before = at[key]!;
      let after = next.get(before);
      if (after === undefined) {
        after = combined.length;
        combined.push({ ...combined[before], ...style });
        next.set(before, after);
      }
      at[key] = after;
    });
  });
  return {
    combinationAt: (key) => at[key] ?? 0,
    style: (combination) => combined[combination],
    forEach: (visit) => at.forEach((combination, key) => combination !== 0 && visit(combined[combination]!, key)),
  };
}
