import { createWriteStream } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs-core';
import XmlStream from 'exceljs/lib/utils/xml-stream.js';
import BaseXform from 'exceljs/lib/xlsx/xform/base-xform.js';
import CellXform from 'exceljs/lib/xlsx/xform/sheet/cell-xform.js';
import RowXform from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';
import WorksheetXform from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import CommentsXform from 'exceljs/lib/xlsx/xform/comment/comments-xform.js';
import VmlNotesXform from 'exceljs/lib/xlsx/xform/comment/vml-notes-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import AppXform from 'exceljs/lib/xlsx/xform/core/app-xform.js';
import CoreXform from 'exceljs/lib/xlsx/xform/core/core-xform.js';
import ZipStream from 'zip-stream';
import { CompactBook, CompactSheet, Kind, ValueType, type CompactRow, type RowAttributes } from './compact-cells';
import { zipEntryContent, type ZipEntry } from './zip-entries';
import { CUSTOM_PROPERTIES_PART, keptWorkbookParts, namedByExceljs, rewrites, type KeptWorkbookParts } from './workbook-parts';

/**
 * Loading and saving an .xlsx with exceljs's own XML transforms, in a stream, for the `dicoso` command at national
 * size. exceljs's `xlsx.load` turns a 52 MB sheet into one string and every cell into a Cell object; its
 * `writeBuffer` renders every sheet to one string and zips everything in memory with a JavaScript deflate. Here:
 *
 * - Load: each part is inflated by zlib as it is parsed (no whole-part string), by the same xforms exceljs's load
 *   uses, in the same order, then exceljs's own `reconcile` and model setter build the workbook. The only difference:
 *   rows whose cells are all plain (compact-cells.ts) go to the compact store instead of becoming Row and Cell
 *   objects; a row that holds a formula, or a cell with a note, a hyperlink or a merge, stays exceljs's.
 * - Save: the same parts exceljs writes, by its own xforms, zipped by zip-stream (zlib, streaming); each sheet's rows
 *   are rendered row by row by exceljs's RowXform, exceljs's rows and compact rows merged in order, and written out
 *   as they are made.
 *
 * Everything but the cell storage is exceljs's: what it keeps and what it drops (unkept-parts.ts) is unchanged, and
 * test/cli/engines.test.ts compares the two paths on the sample and on the hostile workbook.
 */

// ---------------------------------------------------------------------------------------------------------------
// Load

interface LoadModel {
  worksheets: SheetModel[];
  worksheetHash: Record<string, SheetModel>;
  worksheetRels: Record<string, { Id: string; Type: string; Target: string }[] | undefined>;
  comments: Record<string, { comments?: { ref?: string }[] } | undefined>;
  sharedStrings?: SharedStringsXform & { model?: { values: unknown[] } };
  styles?: StylesXform & { model?: { styles?: unknown[] } };
  properties?: { date1904?: boolean };
  [key: string]: unknown;
}

interface SheetModel {
  sheetNo?: string;
  id?: number;
  rows: ParsedRow[];
  hyperlinks?: { address?: string }[];
  mergeCells?: string[];
}

interface ParsedRow {
  number: number;
  min?: number;
  max?: number;
  cells: ParsedCell[];
  styleId?: number;
  hidden?: boolean;
  height?: number;
  outlineLevel?: number;
  collapsed?: boolean;
}

interface ParsedCell {
  address?: string;
  type: number;
  value?: unknown;
  styleId?: number;
  formula?: string;
  shareType?: string;
}

/** exceljs's XLSX instance methods that the load reuses (one per kind of part). */
interface XlsxInternals {
  parseRels(stream: Readable): Promise<unknown>;
  parseWorkbook(stream: Readable): Promise<{ sheets: unknown; definedNames: unknown; views: unknown; properties: unknown; calcProperties: unknown }>;
  reconcile(model: LoadModel, options: object): void;
  _processWorksheetRelsEntry(stream: Readable, model: LoadModel, sheetNo: string): Promise<void>;
  _processThemeEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
  _processMediaEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
  _processDrawingEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
  _processCommentEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
  _processTableEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
  _processDrawingRelsEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
  _processVmlDrawingEntry(stream: Readable, model: LoadModel, name: string): Promise<void>;
}

/** The text of a zip entry as a stream of strings (UTF-8 decoded across chunk edges), inflated as it is read. */
function entryText(bytes: Buffer, entry: ZipEntry): Readable {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new Error(`damaged zip entry ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new Error(`truncated zip entry ${entry.name}`);
  if (entry.method === 0) return Readable.from([raw.toString('utf8')], { objectMode: true });
  if (entry.method !== 8) throw new Error(`zip entry ${entry.name}: compression ${entry.method}`);
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(raw);
  const decoder = new StringDecoder('utf8');
  return Readable.from(
    (async function* () {
      for await (const chunk of inflate) yield decoder.write(chunk as Buffer);
      const rest = decoder.end();
      if (rest) yield rest;
    })(),
    { objectMode: true },
  );
}

function entryBytes(bytes: Buffer, entry: ZipEntry): Readable {
  const content = zipEntryContent(bytes, entry);
  if (!content) throw new Error(`unreadable zip entry ${entry.name}`);
  const stream = new PassThrough();
  stream.end(content);
  return stream;
}

/**
 * exceljs's sheetData parser (a list of RowXform) that hands every row to the compact store and keeps only the rows
 * the store refuses (formulas, odd cells) as exceljs row models.
 */
class CompactingRows extends BaseXform {
  private readonly rowXform = new RowXform();
  private parser: RowXform | undefined;
  /** Row numbers kept as exceljs rows: a later row of the same number must replace them, as exceljs's does. */
  private readonly kept = new Set<number>();
  declare model: ParsedRow[] | null;

  constructor(private readonly sheet: CompactSheet) {
    super();
  }

  parseOpen(node: { name: string }): boolean {
    if (this.parser) {
      this.parser.parseOpen(node);
      return true;
    }
    if (node.name === 'sheetData') {
      this.model = [];
      return true;
    }
    if (this.rowXform.parseOpen(node)) {
      this.parser = this.rowXform;
      return true;
    }
    return false;
  }

  parseText(text: string): void {
    this.parser?.parseText(text);
  }

  parseClose(name: string): boolean {
    if (!this.parser) return false;
    if (!this.parser.parseClose(name)) {
      const row = this.parser.model as ParsedRow;
      this.parser = undefined;
      // A row number seen twice (a damaged or odd file): exceljs keeps the later row, so the earlier one goes.
      if (this.sheet.rows[row.number - 1]) this.sheet.rows[row.number - 1] = undefined;
      if (this.kept.has(row.number) || !compactRow(row, this.sheet)) {
        this.kept.add(row.number);
        (this.model ??= []).push(row);
      }
    }
    return true;
  }

  render(): void {
    throw new Error('CompactingRows only parses');
  }
}

/** Puts a parsed row in the compact store if every cell is plain; false when it must stay an exceljs row. */
function compactRow(row: ParsedRow, sheet: CompactSheet): boolean {
  const cells: unknown[] = [];
  let previous = 0;
  for (const cell of row.cells) {
    if (cell.formula !== undefined || cell.shareType !== undefined || typeof cell.address !== 'string') return false;
    let kind: number;
    let value = cell.value;
    switch (cell.type) {
      case ValueType.Merge:
        // A <c> with neither value nor style: exceljs's Row leaves it out.
        continue;
      case ValueType.Null:
        kind = Kind.Null;
        break;
      case ValueType.Number:
        kind = Kind.Number;
        break;
      case ValueType.String:
        kind = typeof value === 'number' ? Kind.SharedString : Kind.Text;
        break;
      case ValueType.Boolean:
        kind = Kind.Boolean;
        break;
      case ValueType.Error:
        kind = Kind.Error;
        value = (value as { error: string }).error;
        break;
      default:
        return false;
    }
    const column = columnOfAddress(cell.address);
    if (column <= previous) return false;
    previous = column;
    cells.push(column, kind + 8 * (cell.styleId ?? 0), value);
  }
  const attributes: RowAttributes | null =
    row.styleId || row.hidden || row.height || row.outlineLevel || row.collapsed
      ? { style: row.styleId ?? 0, height: row.height, hidden: row.hidden, outlineLevel: row.outlineLevel, collapsed: row.collapsed }
      : null;
  sheet.rows[row.number - 1] = { number: row.number, attributes, cells };
  return true;
}

function columnOfAddress(address: string): number {
  let n = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/** The compact row back in exceljs's parsed form, for rows exceljs must own (a note, a hyperlink, a merge). */
function parsedRow(row: CompactRow): ParsedRow {
  const out: ParsedRow = { number: row.number, cells: [] };
  const a = row.attributes;
  if (a) {
    if (a.style) out.styleId = a.style;
    if (a.hidden) out.hidden = true;
    if (a.height) out.height = a.height;
    if (a.outlineLevel) out.outlineLevel = a.outlineLevel;
    if (a.collapsed) out.collapsed = true;
  }
  for (let i = 0; i < row.cells.length; i += 3) {
    const ks = row.cells[i + 1] as number;
    const value = row.cells[i + 2];
    const cell: ParsedCell = { address: `${columnLetter(row.cells[i] as number)}${row.number}`, type: ValueType.Null };
    if (ks >> 3) cell.styleId = ks >> 3;
    switch (ks & 7) {
      case Kind.Null:
        break;
      case Kind.Number:
        cell.type = ValueType.Number;
        cell.value = value;
        break;
      case Kind.SharedString:
      case Kind.Text:
        cell.type = ValueType.String;
        cell.value = value;
        break;
      case Kind.Boolean:
        cell.type = ValueType.Boolean;
        cell.value = value;
        break;
      default:
        cell.type = ValueType.Error;
        cell.value = { error: value };
    }
    out.cells.push(cell);
  }
  return out;
}

const LETTERS: string[] = [];
export function columnLetter(column: number): string {
  let letter = LETTERS[column];
  if (letter === undefined) {
    letter = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
    LETTERS[column] = letter;
  }
  return letter;
}

/** Row numbers a cell or range reference ("B3", "A1:I4", "$A$1:$B$2") covers. */
function rowsOf(reference: string): [number, number] | null {
  const m = /^\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(reference.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return [Math.min(a, b), Math.max(a, b)];
}

/** Rows exceljs must own because a cell of theirs carries a note, a hyperlink or a merge: moved out of the store. */
function giveBackTiedRows(model: LoadModel, sheet: SheetModel, compact: CompactSheet): void {
  const wanted: [number, number][] = [];
  const rels = model.worksheetRels[sheet.sheetNo ?? ''] ?? [];
  for (const rel of rels) {
    if (!/\/comments$/.test(rel.Type)) continue;
    for (const comment of model.comments[rel.Target]?.comments ?? []) if (comment.ref) wanted.push(rowsOf(comment.ref) ?? [0, -1]);
  }
  for (const link of sheet.hyperlinks ?? []) if (link.address) wanted.push(rowsOf(link.address) ?? [0, -1]);
  for (const merge of sheet.mergeCells ?? []) wanted.push(rowsOf(merge) ?? [0, -1]);
  if (wanted.length === 0) return;
  let moved = false;
  for (const [from, to] of wanted) {
    for (let r = from; r <= to && r <= compact.rows.length; r++) {
      const row = compact.rows[r - 1];
      if (!row) continue;
      sheet.rows.push(parsedRow(row));
      compact.rows[r - 1] = undefined;
      moved = true;
    }
  }
  if (moved) sheet.rows.sort((a, b) => a.number - b.number);
}

/**
 * Reads an .xlsx into an exceljs workbook whose plain cells live in the returned compact store. Throws what exceljs
 * throws on a damaged part (the adapter turns it into its Vietnamese message).
 */
export async function loadCompact(
  bytes: Buffer,
  entries: readonly ZipEntry[],
): Promise<{ workbook: ExcelJS.Workbook; compact: CompactBook; kept: KeptWorkbookParts }> {
  const workbook = new Workbook();
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const model: LoadModel = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: {},
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  const compactOf = new Map<SheetModel, CompactSheet>();

  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const name = entry.name.startsWith('/') ? entry.name.slice(1) : entry.name;
    // The same dispatch as exceljs's XLSX.load (xlsx/xlsx.js), part by part, in zip order.
    if (/xl\/media\//.test(name) || /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(name)) {
      const theme = /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.exec(name);
      if (theme) await xlsx._processThemeEntry(entryBytes(bytes, entry), model, theme[1]!);
      else {
        const media = /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/.exec(name);
        if (media) await xlsx._processMediaEntry(entryBytes(bytes, entry), model, media[1]!);
      }
      continue;
    }
    const text = () => entryText(bytes, entry);
    switch (name) {
      case '_rels/.rels':
        model.globalRels = await xlsx.parseRels(text());
        continue;
      case 'xl/workbook.xml': {
        const book = await xlsx.parseWorkbook(text());
        Object.assign(model, {
          sheets: book.sheets,
          // The person's names are copied as the file has them (workbook-parts.ts), not through exceljs's cell sets.
          definedNames: (book.definedNames as { name: string }[] | undefined)?.filter((n) => namedByExceljs(n.name)),
          views: book.views,
          properties: book.properties,
          calcProperties: book.calcProperties,
        });
        continue;
      }
      case 'xl/_rels/workbook.xml.rels':
        model.workbookRels = await xlsx.parseRels(text());
        continue;
      case 'xl/sharedStrings.xml':
        model.sharedStrings = new SharedStringsXform();
        await model.sharedStrings.parseStream(text());
        continue;
      case 'xl/styles.xml':
        model.styles = new StylesXform();
        await model.styles.parseStream(text());
        continue;
      case 'docProps/app.xml': {
        const app = await new AppXform().parseStream(text());
        model.company = app.company;
        model.manager = app.manager;
        continue;
      }
      case 'docProps/core.xml':
        Object.assign(model, await new CoreXform().parseStream(text()));
        continue;
    }
    let m = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(name);
    if (m) {
      const compact = new CompactSheet();
      const xform = new WorksheetXform({});
      xform.map.sheetData = new CompactingRows(compact);
      const sheet = (await xform.parseStream(text())) as unknown as SheetModel;
      sheet.sheetNo = m[1]!;
      model.worksheetHash[name] = sheet;
      model.worksheets.push(sheet);
      compactOf.set(sheet, compact);
      continue;
    }
    if ((m = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.exec(name))) await xlsx._processWorksheetRelsEntry(text(), model, m[1]!);
    else if ((m = /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/.exec(name))) await xlsx._processDrawingEntry(text(), model, m[1]!);
    else if ((m = /xl\/(comments\d+)[.]xml/.exec(name))) await xlsx._processCommentEntry(text(), model, m[1]!);
    else if ((m = /xl\/tables\/(table\d+)[.]xml/.exec(name))) await xlsx._processTableEntry(text(), model, m[1]!);
    else if ((m = /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/.exec(name))) await xlsx._processDrawingRelsEntry(text(), model, m[1]!);
    else if ((m = /xl\/drawings\/(vmlDrawing\d+)[.]vml/.exec(name))) await xlsx._processVmlDrawingEntry(text(), model, m[1]!);
  }

  for (const [sheet, compact] of compactOf) {
    sheet.rows ??= [];
    giveBackTiedRows(model, sheet, compact);
  }
  // reconcile deletes these from the model: the compact store needs them to read and write its cells.
  const styles = model.styles;
  const sharedStrings = model.sharedStrings;
  const date1904 = Boolean(model.properties?.date1904);
  xlsx.reconcile(model, {});
  (workbook as unknown as { model: unknown }).model = model;

  const book = new CompactBook();
  const styleCount = styles?.model?.styles?.length ?? 0;
  const styleModels = Array.from({ length: styleCount }, (_, i) => (styles ? styles.getStyleModel(i) : null));
  book.setInput(styleModels, sharedStrings?.model?.values ?? [], date1904);
  for (const [sheet, compact] of compactOf) {
    const ws = sheet.id === undefined ? undefined : workbook.getWorksheet(sheet.id);
    if (ws && compact.rows.length > 0) book.attach(ws, compact);
  }
  return { workbook, compact: book, kept: keptWorkbookParts(bytes, entries) };
}

// ---------------------------------------------------------------------------------------------------------------
// Save

interface WriteModel {
  worksheets: WriteSheet[];
  sharedStrings: SharedStringsXform;
  styles: StylesXform;
  properties?: { date1904?: boolean };
  [key: string]: unknown;
}

interface WriteSheet {
  id: number;
  name: string;
  rows: WriteRow[];
  dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
  rels?: unknown[];
  comments: unknown[];
}

interface WriteRow {
  number: number;
  cells: { address: string; type: number; styleId?: number }[];
  min: number;
  max: number;
  height?: number;
  style?: object;
  styleId?: number;
  hidden?: boolean;
  outlineLevel?: number;
  collapsed?: boolean;
}

interface XlsxWriteInternals {
  prepareModel(model: WriteModel, options: object): void;
  addContentTypes(zip: ZipOut, model: WriteModel): Promise<void>;
  addOfficeRels(zip: ZipOut, model: WriteModel): Promise<void>;
  addWorkbookRels(zip: ZipOut, model: WriteModel): Promise<void>;
  addSharedStrings(zip: ZipOut, model: WriteModel): Promise<void>;
  addDrawings(zip: ZipOut, model: WriteModel): void;
  addTables(zip: ZipOut, model: WriteModel): void;
  addThemes(zip: ZipOut, model: WriteModel): Promise<void>;
  addStyles(zip: ZipOut, model: WriteModel): Promise<void>;
  addMedia(zip: ZipOut, model: WriteModel): Promise<void>;
  addApp(zip: ZipOut, model: WriteModel): Promise<void>;
  addCore(zip: ZipOut, model: WriteModel): Promise<void>;
  addWorkbook(zip: ZipOut, model: WriteModel): Promise<void>;
}

/** exceljs's zip writer interface (`append(data, {name, base64})`) over zip-stream: entries one after another. */
class ZipOut {
  private readonly zip: ZipStream;
  private queue: Promise<void> = Promise.resolve();
  readonly done: Promise<void>;

  constructor(
    file: string,
    level: number,
    /** Parts exceljs writes that are changed on their way into the zip (workbook-parts.ts). */
    private readonly rewrites: ReadonlyMap<string, (xml: string) => string> = new Map(),
  ) {
    this.zip = new ZipStream({ zlib: { level } });
    const out = createWriteStream(file);
    this.zip.pipe(out);
    this.done = finished(out);
    // Keep a failure for `close` to report; an unhandled 'error' would end the process.
    this.done.catch(() => undefined);
  }

  append(data: string | Buffer, options: { name: string; base64?: boolean }): void {
    const rewrite = this.rewrites.get(options.name);
    const content = options.base64 ? Buffer.from(String(data), 'base64') : rewrite ? rewrite(String(data)) : data;
    this.queue = this.queue.then(() => this.entry(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, options.name));
  }

  /** A part made as it is read: each string is written (and deflated) before the next is asked for. */
  stream(name: string, chunks: Iterable<string>): Promise<void> {
    this.queue = this.queue.then(() => this.entry(Readable.from(chunks, { objectMode: false, highWaterMark: 1 }), name));
    return this.queue;
  }

  private entry(source: Buffer | Readable, name: string): Promise<void> {
    return new Promise((resolve, reject) => this.zip.entry(source, { name }, (error) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    await this.queue;
    this.zip.finalize();
    await this.done;
  }
}

/** A style object per value type for cells with none: exceljs caches a style's number by object, per first type. */
const NO_STYLE: Record<number, object> = {};
const noStyle = (type: number) => (NO_STYLE[type] ??= {});
const ROW_NO_STYLE = {};
const SHEET_DATA_MARK = '\u0000dicoso-rows\u0000';
const ROWS_PER_CHUNK = 500;

/**
 * Writes the workbook to `file` (the caller picks a temporary name and renames). Compact cells are rendered at
 * their place among exceljs's rows, with exceljs's own style and shared-string tables, so the file is the one
 * exceljs would write had every cell been a Cell.
 */
export async function writeCompact(workbook: ExcelJS.Workbook, compact: CompactBook, file: string, kept: KeptWorkbookParts | null, level = 6): Promise<void> {
  const xlsx = workbook.xlsx as unknown as XlsxWriteInternals;
  const model = (workbook as unknown as { model: WriteModel }).model;
  xlsx.prepareModel(model, {});
  const zip = new ZipOut(
    file,
    level,
    kept
      ? rewrites(
          kept,
          model.worksheets.map((ws) => ws.name),
        )
      : new Map(),
  );
  try {
    // Sheets first: their compact cells add to the shared strings and styles, which the parts after them list.
    await addWorksheets(zip, model, workbook, compact);
    await xlsx.addContentTypes(zip, model);
    await xlsx.addOfficeRels(zip, model);
    await xlsx.addWorkbookRels(zip, model);
    await xlsx.addSharedStrings(zip, model);
    xlsx.addDrawings(zip, model);
    xlsx.addTables(zip, model);
    await xlsx.addThemes(zip, model);
    await xlsx.addStyles(zip, model);
    await xlsx.addMedia(zip, model);
    await xlsx.addApp(zip, model);
    await xlsx.addCore(zip, model);
    await xlsx.addWorkbook(zip, model);
    if (kept?.custom) zip.append(kept.custom, { name: CUSTOM_PROPERTIES_PART });
  } finally {
    await zip.close();
  }
}

async function addWorksheets(zip: ZipOut, model: WriteModel, workbook: ExcelJS.Workbook, compact: CompactBook): Promise<void> {
  const relationships = new RelationshipsXform();
  const comments = new CommentsXform();
  const vml = new VmlNotesXform();
  const cellOptions = {
    styles: model.styles,
    sharedStrings: model.sharedStrings,
    date1904: Boolean(model.properties?.date1904),
    comments: [],
    hyperlinks: [],
    formulae: {},
    siFormulae: 0,
  };
  for (const sheet of model.worksheets) {
    const ws = workbook.getWorksheet(sheet.id);
    const rows = ws ? compact.sheet(ws) : undefined;
    const name = `xl/worksheets/sheet${sheet.id}.xml`;
    if (!ws || !rows) {
      const xs = new XmlStream();
      new WorksheetXform().render(xs, sheet);
      zip.append(xs.xml, { name });
    } else {
      for (const row of rows.rows) {
        if (!row || row.cells.length === 0) continue;
        sheet.dimensions.expand(row.number, row.cells[0] as number, row.number, row.cells[row.cells.length - 3] as number);
      }
      const xform = new WorksheetXform();
      xform.map.sheetData = {
        render(xs: XmlStream) {
          xs.openNode('sheetData');
          xs.writeXml(SHEET_DATA_MARK);
          xs.closeNode();
        },
      };
      const xs = new XmlStream();
      xform.render(xs, sheet);
      const [head, tail] = xs.xml.split(SHEET_DATA_MARK) as [string, string];
      await zip.stream(name, sheetXml(head, tail, ws, sheet, rows, compact, cellOptions));
    }
    if (sheet.rels && sheet.rels.length) zip.append(relationships.toXml(sheet.rels), { name: `xl/worksheets/_rels/sheet${sheet.id}.xml.rels` });
    if (sheet.comments.length > 0) {
      zip.append(comments.toXml(sheet), { name: `xl/comments${sheet.id}.xml` });
      zip.append(vml.toXml(sheet), { name: `xl/drawings/vmlDrawing${sheet.id}.vml` });
    }
  }
}

/** The sheet's XML: exceljs's rendering around the rows, and the rows made ROWS_PER_CHUNK at a time. */
function* sheetXml(
  head: string,
  tail: string,
  ws: ExcelJS.Worksheet,
  sheet: WriteSheet,
  rows: CompactSheet,
  compact: CompactBook,
  options: object,
): Generator<string> {
  yield head;
  const rowXform = new RowXform();
  const cellXform = new CellXform();
  const styles = (options as { styles: StylesXform }).styles;
  const objects = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  const prepared = sheet.rows;
  let next = 0;
  const last = Math.max(objects.length, rows.rows.length);
  let xs = new XmlStream();
  let count = 0;
  for (let r = 1; r <= last; r++) {
    while (next < prepared.length && prepared[next]!.number < r) next++;
    const real = next < prepared.length && prepared[next]!.number === r ? prepared[next]! : null;
    const row = rows.rows[r - 1];
    let model: WriteRow | null = real;
    if (row && row.cells.length > 0) {
      const extra: WriteRow['cells'] = [];
      const cells = row.cells;
      for (let i = 0; i < cells.length; i += 3) {
        const ks = cells[i + 1] as number;
        const cell = compact.cellModel(`${columnLetter(cells[i] as number)}${r}`, ks, cells[i + 2], true) as WriteRow['cells'][number] & { style?: object };
        cell.style = compact.style(ks >> 3) ?? noStyle(cell.type);
        cellXform.prepare(cell, options);
        extra.push(cell);
      }
      model = merged(real, objects[r - 1], row, extra, compact, styles);
    } else if (!real && row?.attributes && !objects[r - 1]) {
      // A row with no cells but its own settings (hidden, a format, an outline level, a height) is the person's too.
      model = merged(null, undefined, row, [], compact, styles);
    }
    if (model) {
      rowXform.render(xs, model);
      if (++count % ROWS_PER_CHUNK === 0) {
        yield xs.xml;
        xs = new XmlStream();
      }
    }
  }
  yield xs.xml;
  yield tail;
}

/** One row for the writer: exceljs's row model (already prepared) with the row's compact cells in column order. */
function merged(
  real: WriteRow | null,
  object: ExcelJS.Row | undefined,
  row: CompactRow,
  extra: WriteRow['cells'],
  compact: CompactBook,
  styles: StylesXform,
): WriteRow {
  let cells = extra;
  if (real && real.cells.length > 0) {
    cells = [...real.cells, ...extra];
    cells.sort((a, b) => columnOfAddress(a.address) - columnOfAddress(b.address));
  }
  const min = cells.length ? columnOfAddress(cells[0]!.address) : 0;
  const max = cells.length ? columnOfAddress(cells[cells.length - 1]!.address) : 0;
  if (real) return { ...real, cells, min, max };
  // Attributes as exceljs's Row model getter gives them: from the Row when there is one, else as loaded.
  const source = object
    ? {
        height: object.height,
        hidden: object.hidden,
        outlineLevel: object.outlineLevel,
        collapsed: (object as unknown as { collapsed?: boolean }).collapsed,
        style: (object as unknown as { style: object }).style,
      }
    : { ...row.attributes, style: (row.attributes && compact.style(row.attributes.style)) ?? ROW_NO_STYLE };
  const out: WriteRow = {
    number: row.number,
    cells,
    min,
    max,
    height: source.height,
    hidden: source.hidden,
    outlineLevel: source.outlineLevel,
    collapsed: source.collapsed,
  };
  const styleId = styles.addStyleModel(source.style ?? ROW_NO_STYLE);
  if (styleId) out.styleId = styleId;
  return out;
}
