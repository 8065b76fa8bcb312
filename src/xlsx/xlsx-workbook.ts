import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dateParts } from '../core/calendar-date';
import { cellRef, columnLetter } from '../core/a1';
import type { GridRange, TabLayout } from '../core/grid';
import { UserError } from '../core/user-error';
import {
  type ApprovalWrites,
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
import { MAX_COLUMNS, MAX_ROWS, parseCell, quoteSheet } from './a1';
import { sniffInput } from './input-file';
import { isOsError, osErrorMessage } from './os-errors';
import { blankPackage, EMPTY_STYLES } from './package/blank';
import { hasType } from './package/opc';
import { DamagedPart, parse, XlsxPackage } from './package/package';
import { readComments } from './read/comments';
import type { CellContext } from './read/cell-values';
import { readSharedStrings } from './read/shared-strings';
import { readSheetCells } from './read/sheet';
import { readStyles, type StylesInfo } from './read/styles';
import { readTable } from './read/tables';
import { readWorkbookPart } from './read/workbook-part';
import { CellWrites, SheetEdits, type CellWrite, type NameSlot, type NewTab, type SheetSlot } from './model';
import { unreadable, xlsxTexts } from './texts';
import { writeWorkbook } from './write/save';
import { XmlError } from './xml/cursor';
import { zipEntries } from './zip/entries';

/**
 * The Workbook port over an .xlsx file, for the `dicoso` command. The file is read as a package of parts and written
 * back as that package with our changes applied (write/save.ts): every part we do not change is copied as it is
 * stored, and the parts we change (the input tabs, their notes, the workbook's list of tabs and names, the styles we
 * add, content types and relationships) are edited in place, keeping all the person's markup. Generated tabs are new
 * parts. Nothing is recognised as ours but by our defined names (`_dicoso_…`), which Excel and LibreOffice keep and
 * move with the cells they point at.
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

const LIST_TAB = 'DanhMuc';
/** Our defined names: `_dicoso_status_1` on our status column's header cell, `_dicoso_tab_1` on A1 of a tab we made. */
const MARK_PREFIX = '_dicoso_';
const STATUS_MARK = `${MARK_PREFIX}status_`;
const TAB_MARK = `${MARK_PREFIX}tab_`;
/** The hidden tab holding long dropdown lists (`dicoso init`): ours, but not a generated form. */
const LIST_MARK = `${MARK_PREFIX}list_`;
/** Excel refuses an inline list source (`"a,b,c"`) longer than 255 characters. */
const INLINE_LIST_LIMIT = 255;
const MARK_FORMULA = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/;

interface Mark {
  name: string;
  sheet: string;
  row: number;
  column: number;
}

export class XlsxWorkbook implements Workbook {
  /** Dates are read and written as UTC midnights (an .xlsx date has no zone). */
  readonly dateTimeZone = 'UTC';
  private sharedStrings: string[] | null = null;

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly label: string,
    private readonly workbookPart: string,
    private readonly date1904: boolean,
    private readonly styles: StylesInfo,
    private readonly slots: SheetSlot[],
    private readonly names: NameSlot[],
  ) {}

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
    if (input.kind !== 'xlsx') throw new WorkbookReadError(unreadable[input.kind](file), path);
    let book: XlsxWorkbook;
    try {
      book = XlsxWorkbook.open(new XlsxPackage(bytes, input.entries), file);
    } catch (error) {
      if (error instanceof DamagedPart || error instanceof XmlError) throw new WorkbookReadError(xlsxTexts.corrupt(file), path, error);
      throw error;
    }
    if (book.tabNames().length === 0) throw new WorkbookReadError(xlsxTexts.noSheets(file), path);
    return book;
  }

  /** A workbook with no tabs, for `dicoso init` and `tong-hop`. */
  static createEmpty(): XlsxWorkbook {
    const bytes = blankPackage();
    return XlsxWorkbook.open(new XlsxPackage(bytes, zipEntries(bytes)!), 'dicoso.xlsx');
  }

  private static open(pkg: XlsxPackage, label: string): XlsxWorkbook {
    const workbookPart = pkg.workbookPart();
    const read = parse(() => readWorkbookPart(pkg.read(workbookPart)), workbookPart);
    const rels = pkg.relationships(workbookPart);
    const slots: SheetSlot[] = read.sheets.map((sheet, index) => {
      const rel = rels.find((r) => r.id === sheet.relId && !r.external);
      const worksheet = rel !== undefined && hasType(rel.type, 'worksheet') && pkg.has(rel.target);
      return {
        name: sheet.name,
        input: { name: sheet.name, relId: sheet.relId, part: rel?.target ?? '', sheetId: sheet.sheetId, worksheet, hidden: sheet.hidden, index },
        content: null,
        edits: new SheetEdits(),
        deleted: false,
      };
    });
    const names: NameSlot[] = read.names.map((n, index) => ({
      name: n.name,
      formula: n.formula,
      scope: n.localSheetId === null ? null : (slots[n.localSheetId] ?? null),
      input: index,
      removed: false,
    }));
    const stylesPart = rels.find((r) => !r.external && hasType(r.type, 'styles'))?.target;
    const stylesBytes = (stylesPart && pkg.readIfAny(stylesPart)) || Buffer.from(EMPTY_STYLES);
    const styles = parse(() => readStyles(stylesBytes), stylesPart ?? 'styles');
    return new XlsxWorkbook(pkg, label, workbookPart, read.date1904, styles, slots, names);
  }

  /**
   * Writes the workbook: to a temporary file beside `path`, flushed to disk, then renamed over it (write/safe-file.ts).
   * A refusal by the system rejects with a WorkbookWriteError naming `path`.
   */
  async save(path: string): Promise<void> {
    try {
      await writeWorkbook(
        { pkg: this.pkg, workbookPart: this.workbookPart, slots: this.slots, names: this.names, styles: this.styles, date1904: this.date1904 },
        path,
      );
    } catch (error) {
      if (error instanceof DamagedPart || error instanceof XmlError) {
        throw new WorkbookWriteError(xlsxTexts.corruptPart(this.label, error.message), path, error);
      }
      if (isOsError(error)) throw new WorkbookWriteError(osErrorMessage(error.code, path, 'write'), path, error);
      throw error;
    }
  }

  tabNames(): string[] {
    return this.liveSheets()
      .filter(isWorksheet)
      .map((s) => s.name);
  }

  /**
   * Values and notes as ragged rows holding only the cells in use, so a sheet with one far cell (XFD1048576) costs
   * what its cells cost, not rows × columns. Merged cells other than a merge's first read '' (as in Sheets); so does
   * the totals row of an Excel table (its sums, not a row a person entered).
   */
  readTab(name: string, options: ReadOptions = {}): TabData | null {
    const slot = this.liveSheets().find((s) => isWorksheet(s) && s.name === name);
    if (!slot) return null;
    const read = slot.content ? this.layoutCells(slot.content) : this.sheetCells(slot, options.notes === true);
    const data: TabData = {
      values: dense(read.values, ''),
      merges: options.valuesOnly ? [] : read.merges,
      ownedColumn: options.valuesOnly ? null : this.ownedColumn(slot.name),
    };
    return options.notes ? { ...data, notes: dense(read.notes, '') } : data;
  }

  annotateTab(a: TabAnnotations): void {
    const slot = this.requireSheet(a.tab);
    if (this.isGenerated(slot.name)) throw new Error(`annotateTab '${a.tab}': a generated tab is not an input tab`);
    if (a.statusColumn > MAX_COLUMNS) throw this.noColumnLeft(slot);
    const owned = this.ownedColumn(slot.name);
    if (owned === null) this.mark(STATUS_MARK, slot, 1, a.statusColumn);
    else if (owned !== a.statusColumn) throw new Error(`annotateTab '${a.tab}': our column is ${owned}, not ${a.statusColumn}`);
    for (const block of a.statusCells) checkBlock(block, 'statusCells');
    for (const block of a.notes) checkBlock(block, 'notes');
    const edits = this.editsOf(slot);
    // An input tab nobody set up for printing prints A4 landscape, fitted to the page's width (not 49 pages of US
    // Letter portrait); a tab with a print set-up of its own keeps it (write/sheet-patch.ts decides, from the file).
    edits.defaultPrint = true;
    edits.statusColumn = a.statusColumn;
    for (const block of a.statusCells) {
      block.values.forEach(([text], i) => this.write(slot, block.row + i, a.statusColumn, text ? { kind: 'text', text } : { kind: 'clear' }));
    }
    for (const block of a.notes) this.writeNotes(edits, block);
    if (a.highlights) edits.highlights = { firstRow: a.highlights.firstRow, statusColumn: a.statusColumn, rules: a.highlights.rules };
  }

  unmarkTab(u: TabUnmarking): void {
    const slot = this.requireSheet(u.tab);
    const edits = this.editsOf(slot);
    edits.highlights = 'remove';
    if (u.statusColumn !== null) {
      if (this.ownedColumn(slot.name) !== u.statusColumn) throw new Error(`unmarkTab '${u.tab}': column ${u.statusColumn} is not ours`);
      edits.clearedColumn = u.statusColumn;
      edits.cells.deleteWhere((_row, column) => column === u.statusColumn);
      edits.notes.forget((_row, column) => column === u.statusColumn);
      this.unmark(STATUS_MARK, slot.name);
    }
    for (const block of u.notes) {
      checkBlock(block, 'notes');
      this.writeNotes(edits, block);
    }
  }

  appendRows(tab: string, rows: WriteCell[][]): number {
    const slot = this.requireSheet(tab);
    const values = this.readTab(slot.name, { valuesOnly: true })!.values;
    let last = values.length;
    while (last > 0 && (values[last - 1] ?? []).every((v) => v === '')) last--;
    const first = last + 1;
    if (first + rows.length - 1 > MAX_ROWS) throw new UserError(xlsxTexts.noRowLeft(slot.name, cellRef(last, 1), rows.length));
    rows.forEach((row, i) =>
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        this.write(slot, first + i, c + 1, writeOf(value));
      }),
    );
    return first;
  }

  clearRow(tab: string, row: number): void {
    const slot = this.requireSheet(tab);
    if (!Number.isInteger(row) || row < 1) throw new Error(`clearRow '${tab}': row ${row} must be an integer ≥ 1`);
    if (slot.content) {
      const layout = slot.content.layout;
      slot.content.cells.deleteWhere((r) => r === row);
      slot.content.layout = { ...layout, values: layout.values.map((line, r) => (r === row - 1 ? line.map(() => null) : line)) };
      return;
    }
    const edits = slot.edits;
    edits.clearedRows.add(row);
    edits.cells.deleteWhere((r) => r === row);
    edits.notes.forget((r) => r === row);
  }

  writeApprovals(w: ApprovalWrites): void {
    const slot = this.requireSheet(w.tab);
    if (this.isGenerated(slot.name)) throw new Error(`writeApprovals '${w.tab}': a generated tab is not an input tab`);
    for (const block of w.notes) checkBlock(block, 'notes');
    const edits = this.editsOf(slot);
    for (const { column, value, rows } of w.columns) {
      for (const row of rows) this.write(slot, row, column, value === '' ? { kind: 'clear' } : writeOf(value));
    }
    for (const block of w.notes) this.writeNotes(edits, block);
  }

  writeGeneratedTab(layout: TabLayout): string {
    return this.writeLayout(layout, true);
  }

  /** A new tab laid out like a form but the user's from the start (`dicoso init`'s input tabs): never marked ours. */
  createUserTab(layout: TabLayout): void {
    if (this.liveSheets().some((s) => sameTabName(s.name, layout.name))) throw new Error(`A tab named '${layout.name}' already exists`);
    this.writeLayout(layout, false);
  }

  generatedTabs(): string[] {
    return this.tabNames().filter((name) => this.isGenerated(name));
  }

  deleteGeneratedTab(name: string): void {
    const slot = this.requireSheet(name);
    if (!this.isGenerated(name)) throw new Error(`deleteGeneratedTab '${name}': not a tab we generated`);
    this.unmark(TAB_MARK, name);
    slot.deleted = true;
  }

  /**
   * A dropdown on `column` (1-based) for rows firstRow…lastRow of a tab this run creates. Excel caps an inline list
   * at 255 characters and cannot quote a comma inside one, so a longer list (or one with commas or quotes) goes to the
   * hidden tab "DanhMuc" and the rule points at that range. Typing another value is allowed, with a warning: the
   * checker accepts variants (no accents, numbers) that a strict dropdown would refuse.
   */
  addListValidation(tab: string, column: number, firstRow: number, lastRow: number, values: string[]): void {
    const content = this.newTab(tab);
    if (values.length === 0) throw new Error('addListValidation: empty list');
    if (firstRow < 1 || lastRow < firstRow || column < 1) throw new Error(`addListValidation: bad range rows ${firstRow}…${lastRow}, column ${column}`);
    const joined = values.join(',');
    const inline = joined.length <= INLINE_LIST_LIMIT && values.every((v) => !v.includes(',') && !v.includes('"'));
    const formula = inline ? `"${joined}"` : this.listRange(values);
    const letter = columnLetter(column);
    content.validations.push({ sqref: `${letter}${firstRow}:${letter}${lastRow}`, formula });
  }

  /** A number format (e.g. `dd/mm/yyyy`, `@`) on a whole column (1-based) of a tab this run creates, rows typed later too. */
  setColumnFormat(tab: string, column: number, numFmt: string): void {
    this.newTab(tab).columnFormats.set(column, numFmt);
  }

  // ---- reading

  private liveSheets(): SheetSlot[] {
    return this.slots.filter((s) => !s.deleted);
  }

  private requireSheet(tab: string): SheetSlot {
    const slot = this.liveSheets().find((s) => isWorksheet(s) && s.name === tab);
    if (!slot) throw new Error(`No tab named '${tab}'`);
    return slot;
  }

  private newTab(tab: string): NewTab {
    const slot = this.requireSheet(tab);
    if (!slot.content) throw new Error(`'${tab}' is a tab of the file: only a tab this run creates takes dropdowns and column formats`);
    return slot.content;
  }

  private cellContext(): CellContext {
    if (!this.sharedStrings) {
      const part = this.pkg.relationships(this.workbookPart).find((r) => !r.external && hasType(r.type, 'sharedStrings'))?.target;
      this.sharedStrings = part ? parse(() => readSharedStrings(this.pkg.readIfAny(part)), part) : [];
    }
    return { sharedStrings: this.sharedStrings, dateStyle: this.styles.dateStyle, date1904: this.date1904 };
  }

  /** A sheet of the file as read, with this run's changes laid over it. */
  private sheetCells(slot: SheetSlot, withNotes: boolean): { values: (RawCell[] | undefined)[]; notes: (string[] | undefined)[]; merges: GridRange[] } {
    const part = slot.input!.part;
    const read = parse(() => readSheetCells(this.pkg.read(part), this.cellContext()), part);
    const values = read.values;
    for (const m of read.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) {
        const row = values[r];
        if (!row) continue;
        for (let c = m.column; c < m.column + m.columns; c++) if ((r !== m.row || c !== m.column) && c < row.length) row[c] = undefined as never;
      }
    }
    for (const relId of read.tableRelIds) {
      const rel = this.pkg.relationships(part).find((r) => r.id === relId && !r.external);
      const table = rel && this.pkg.has(rel.target) ? parse(() => readTable(this.pkg.read(rel.target)), rel.target) : null;
      if (!table || table.totalsRows < 1) continue;
      for (let r = table.range.bottom - table.totalsRows + 1; r <= table.range.bottom; r++) {
        const row = values[r - 1];
        if (row) for (let c = table.range.left; c <= table.range.right; c++) if (c - 1 < row.length) row[c - 1] = undefined as never;
      }
    }
    const notes: (string[] | undefined)[] = [];
    if (withNotes) {
      const comments = this.pkg.related(part, 'comments')?.target;
      if (comments && this.pkg.has(comments)) {
        for (const note of parse(() => readComments(this.pkg.read(comments)), comments)) {
          if (note.text !== '') (notes[note.row - 1] ??= [])[note.column - 1] = note.text;
        }
      }
    }
    this.overlay(slot.edits, values, notes);
    return { values, notes, merges: read.merges };
  }

  /** This run's changes to a sheet laid over the file's cells and notes, so that a read after a write sees it. */
  private overlay(edits: SheetEdits, values: (RawCell[] | undefined)[], notes: (string[] | undefined)[]): void {
    const clear = (rows: (unknown[] | undefined)[], row: number, column: number) => {
      const line = rows[row - 1];
      if (line && column - 1 < line.length) line[column - 1] = undefined;
    };
    for (const row of edits.clearedRows) {
      values[row - 1] = undefined;
      notes[row - 1] = undefined;
    }
    if (edits.clearedColumn !== null) {
      for (let r = 1; r <= Math.max(values.length, notes.length); r++) {
        clear(values, r, edits.clearedColumn);
        clear(notes, r, edits.clearedColumn);
      }
    }
    edits.cells.forEach((row, column, write) => {
      const value = rawOf(write);
      if (value === '') clear(values, row, column);
      else (values[row - 1] ??= [])[column - 1] = value;
    });
    edits.notes.forEach((row, column, text) => {
      if (text === '') clear(notes, row, column);
      else (notes[row - 1] ??= [])[column - 1] = text;
    });
  }

  /** A tab this run writes whole, as it will read once written. */
  private layoutCells(tab: NewTab): { values: (RawCell[] | undefined)[]; notes: (string[] | undefined)[]; merges: GridRange[] } {
    const values: (RawCell[] | undefined)[] = tab.layout.values.map((row) => row.map((v) => (v === null ? '' : v)));
    for (const m of tab.layout.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.column; c < m.column + m.columns; c++) if (r !== m.row || c !== m.column) values[r]![c] = '';
    }
    tab.cells.forEach((row, column, write) => ((values[row - 1] ??= [])[column - 1] = rawOf(write)));
    return { values, notes: [], merges: tab.layout.merges.filter((m) => m.rows > 1 || m.columns > 1) };
  }

  // ---- writing

  private editsOf(slot: SheetSlot): SheetEdits {
    if (slot.content) throw new Error(`'${slot.name}' is a tab this run writes whole`);
    return slot.edits;
  }

  private write(slot: SheetSlot, row: number, column: number, write: CellWrite): void {
    (slot.content ? slot.content.cells : slot.edits.cells).set(row, column, write);
  }

  private writeNotes(edits: SheetEdits, block: CellBlock<string>): void {
    edits.notes.write(block.row, block.column, block.values);
  }

  private writeLayout(layout: TabLayout, generated: boolean): string {
    const width = layout.values[0]?.length ?? 0;
    layout.values.forEach((row, r) => {
      if (row.length !== width) throw new Error(`writeGeneratedTab '${layout.name}': row ${r + 1} has ${row.length} cells, expected ${width}`);
    });
    for (const m of layout.merges) requireInside(layout, m, 'merge');
    for (const s of layout.styles) requireInside(layout, s.range, 'style range');
    const name = freeTabName(layout.name, (n) => this.liveSheets().some((s) => sameTabName(s.name, n) && !this.isGenerated(s.name)));
    if (name.length > 31) throw new Error(`Excel tab names have at most 31 characters: '${name}'`);
    const content: NewTab = { layout: { ...layout, name }, cells: new CellWrites(), validations: [], columnFormats: new Map(), hidden: false };
    const titles = layout.printTitleRows && `${quoteSheet(name)}!$${layout.printTitleRows.first + 1}:$${layout.printTitleRows.last + 1}`;
    let slot = this.liveSheets().find((s) => sameTabName(s.name, name));
    if (slot) {
      // A tab of ours written again takes the old one's place (and its part): what it had is replaced, not lost. Its
      // marker and print titles stay as they are when they still say the same, so a re-run writes the same workbook.
      if (slot.name !== name) {
        this.unmark(TAB_MARK, slot.name);
        slot.name = name;
      }
      slot.content = content;
      slot.edits = new SheetEdits();
      for (const n of this.names)
        if (n.scope === slot && n.name.startsWith('_xlnm.') && !(n.name === '_xlnm.Print_Titles' && n.formula === titles)) n.removed = true;
    } else {
      slot = { name, input: null, content, edits: new SheetEdits(), deleted: false };
      this.slots.push(slot);
    }
    if (generated && !this.isGenerated(name)) this.mark(TAB_MARK, slot, 1, 1);
    const scoped = slot;
    if (titles && !this.names.some((n) => !n.removed && n.scope === scoped && n.name === '_xlnm.Print_Titles')) {
      this.names.push({ name: '_xlnm.Print_Titles', formula: titles, scope: slot, input: null, removed: false });
    }
    return name;
  }

  /** An absolute reference to a column of the hidden list tab holding exactly these values (added when missing). */
  private listRange(values: string[]): string {
    const isList = (name: string) => this.marks().some((m) => m.name.startsWith(LIST_MARK) && m.sheet === name);
    const name = freeTabName(LIST_TAB, (n) => this.liveSheets().some((s) => sameTabName(s.name, n) && !isList(s.name)));
    let slot = this.liveSheets().find((s) => sameTabName(s.name, name));
    if (!slot) {
      const content: NewTab = {
        layout: { name, values: [], merges: [], styles: [], columnWidths: [], frozenRows: 0, landscape: false },
        cells: new CellWrites(),
        validations: [],
        columnFormats: new Map(),
        hidden: true,
      };
      slot = { name, input: null, content, edits: new SheetEdits(), deleted: false };
      this.slots.push(slot);
      this.mark(LIST_MARK, slot, 1, 1);
    }
    const content = slot.content ?? this.newTab(name);
    const columns = new Map<number, string[]>();
    content.cells.forEach((row, column, write) => {
      if (write.kind === 'text') (columns.get(column) ?? columns.set(column, []).get(column)!)[row - 1] = write.text;
    });
    let column = 1;
    for (; columns.has(column); column++) {
      const held = columns.get(column)!;
      if (held.length === values.length && held.every((v, i) => v === values[i])) return listReference(name, column, values.length);
    }
    values.forEach((text, i) => this.write(slot, i + 1, column, { kind: 'text', text }));
    return listReference(name, column, values.length);
  }

  /** The run stops with a message naming the cell that leaves no column for ours (issue 18, point 6). */
  private noColumnLeft(slot: SheetSlot): UserError {
    const values = this.readTab(slot.name, { valuesOnly: true })!.values;
    const row = values.findIndex((line) => line.length >= MAX_COLUMNS && line[MAX_COLUMNS - 1] !== '');
    const at = row < 0 ? 1 : row + 1;
    return new UserError(xlsxTexts.noColumnLeft(slot.name, cellRef(at, MAX_COLUMNS), String(values[at - 1]?.[MAX_COLUMNS - 1] ?? '')));
  }

  // ---- our markers: defined names

  private marks(): Mark[] {
    const out: Mark[] = [];
    for (const n of this.names) {
      if (n.removed || !n.name.startsWith(MARK_PREFIX) || n.scope !== null) continue;
      const m = MARK_FORMULA.exec(n.formula.trim());
      if (!m) continue;
      const at = parseCell(m[3]!);
      if (!at) continue;
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
      out.push({ name: n.name, sheet, ...at });
    }
    return out;
  }

  private ownedColumn(tab: string): number | null {
    return this.marks().find((m) => m.name.startsWith(STATUS_MARK) && m.sheet === tab)?.column ?? null;
  }

  private isGenerated(tab: string): boolean {
    return this.marks().some((m) => m.name.startsWith(TAB_MARK) && m.sheet === tab);
  }

  private mark(kind: string, slot: SheetSlot, row: number, column: number): void {
    const taken = new Set(this.names.filter((n) => !n.removed).map((n) => n.name.toLowerCase()));
    let n = 1;
    while (taken.has(`${kind}${n}`.toLowerCase())) n++;
    this.names.push({ name: `${kind}${n}`, formula: `${quoteSheet(slot.name)}!$${columnLetter(column)}$${row}`, scope: null, input: null, removed: false });
  }

  private unmark(kind: string, tab: string): void {
    const ours = new Set(
      this.marks()
        .filter((m) => m.name.startsWith(kind) && m.sheet === tab)
        .map((m) => m.name),
    );
    for (const n of this.names) if (!n.removed && n.scope === null && ours.has(n.name)) n.removed = true;
  }
}

function isWorksheet(slot: SheetSlot): boolean {
  return slot.content !== null || slot.input?.worksheet === true;
}

function writeOf(value: Exclude<WriteCell, null>): CellWrite {
  if (typeof value === 'object') return { kind: 'date', date: value.date };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'text', text: value };
}

/** What a written cell reads back as: a date cell as its UTC midnight. */
function rawOf(write: CellWrite): RawCell {
  switch (write.kind) {
    case 'text':
      return write.text;
    case 'number':
    case 'boolean':
      return write.value;
    case 'date': {
      const { year, month, day } = dateParts(write.date);
      return new Date(Date.UTC(year, month - 1, day));
    }
    default:
      return '';
  }
}

function listReference(tab: string, column: number, rows: number): string {
  const letter = columnLetter(column);
  return `${quoteSheet(tab)}!$${letter}$1:$${letter}$${rows}`;
}

function requireInside(layout: TabLayout, range: GridRange, what: string): void {
  const height = layout.values.length;
  const width = layout.values[0]?.length ?? 0;
  if (range.row < 0 || range.column < 0 || range.rows < 1 || range.columns < 1 || range.row + range.rows > height || range.column + range.columns > width) {
    throw new Error(`writeGeneratedTab '${layout.name}': ${what} ${JSON.stringify(range)} is outside the ${height}×${width} grid`);
  }
}

/** Missing rows made empty rows (one shared frozen array), ragged rows kept ragged; holes in a row made `fill`. */
function dense<T>(rows: (T[] | undefined)[], fill: T): T[][] {
  const empty = Object.freeze([]) as unknown as T[];
  let length = rows.length;
  while (length > 0 && !rows[length - 1]?.some((v) => v !== undefined)) length--;
  return Array.from({ length }, (_, r) => {
    const row = rows[r];
    if (!row) return empty;
    let end = row.length;
    while (end > 0 && row[end - 1] === undefined) end--;
    if (end < row.length) row.length = end;
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = fill;
    return row;
  });
}
