import { columnLetter, rangeRef } from '../../core/a1';
import { highlightFormula, isOurFormula } from '../../core/highlights';
import { columnOfBytes, MAX_ROWS, parseRange } from '../a1';
import { CellWrites, type CellWrite, type HighlightPlan, type SheetEdits } from '../model';
import { Token, XmlCursor, XmlError } from '../xml/cursor';
import { NS, XmlReader, type Scope } from '../xml/reader';
import { encodeXstring, escapeText, needsPreserve } from '../xml/text';
import { WORKSHEET_ORDER } from './schema-order';
import { Splice } from './splice';
import { readablePagesWide } from './print-width';
import { statusColumnCharacters, statusColXml, statusRowHeight, type StatusColumn } from './status-column';
import { asStartTag, setAttribute, tagText } from './tags';

/**
 * One of the file's worksheets with our changes written into it, in one pass over its bytes (ECMA-376 Part 1
 * §18.3.1.99). Every element, attribute, prefix and byte we do not own is kept: a row we write into keeps its own
 * tag, a cell we do not write is not touched. What we write:
 * - our cells (status texts, appended rows) at their place among the row's cells, in rows made where missing;
 *   cleared cells keep their format; a cell or row whose number followed from the one before (no `r`) gets one when
 *   ours changes what comes before it;
 * - our colouring rules after the person's (`conditionalFormatting`, their priorities after every rule of the file,
 *   x14 data bars included), ours from an earlier run taken off first;
 * - `legacyDrawing` when our notes need one and the sheet has none, where the schema's order puts it;
 * - A4 landscape fitted to the width when the tab has no print set-up of its own;
 * - our status column's texts wrapped, its width where the file gives none, an automatic row's height grown to
 *   our text (status-column.ts);
 * - the `dimension` and a row's `spans` widened to cover our cells.
 */

export interface SheetPatchContext {
  edits: SheetEdits;
  date1904: boolean;
  /** The cell format for dates we write. */
  dateStyle: () => number;
  /** The differential format of one of our rules. */
  ruleStyle: (background: string, bold: boolean) => number;
  /** The relationship id to give a new `legacyDrawing`, when our notes need one and the sheet has none. */
  newDrawingRelId: string | null;
  /** Our status column on this sheet, when this run writes it. */
  status?: StatusColumn | null;
  /** The format of our status texts in the file (an earlier run's), dropped from the cells of our column when it is taken off. */
  ourStatusStyle?: number | null;
}

export interface SheetPatch {
  splice: Splice;
  /** The relationship of the sheet's own `legacyDrawing`, or null when it has none. */
  drawingRelId: string | null;
  /** Whether we added a `legacyDrawing` (pointing at `newDrawingRelId`). */
  drawingAdded: boolean;
  /** Whether a cell that held a formula was emptied or written over (the calculation chain then names a cell without one). */
  formulaRemoved: boolean;
}

interface Child {
  local: string;
  start: number;
  end: number;
  /** Whether it is one of SpreadsheetML's (or markup compatibility's alternate content holding one). */
  known: boolean;
}

const HIGHLIGHT_RANK = WORKSHEET_ORDER.indexOf('conditionalFormatting');

export function patchSheet(bytes: Buffer, context: SheetPatchContext): SheetPatch {
  return new SheetPatcher(bytes, context).run();
}

class SheetPatcher {
  private readonly reader: XmlReader;
  private readonly splice: Splice;
  private readonly edits: SheetEdits;
  private rootScope: Scope | null = null;
  private rootEnd = 0;
  private readonly head: Child[] = [];
  private readonly tail: Child[] = [];
  private readonly columnStyles: { min: number; max: number; style: number }[] = [];
  /** Each `<col>` of the file: its columns, its width (characters) and where it starts; where `</cols>` is. */
  private readonly columns: { min: number; max: number; width: number | null; hidden: boolean; start: number }[] = [];
  private colsClose = -1;
  private defaultRowHeight = 15;
  private defaultColumnWidth: number | null = null;
  private margins: { left: number; right: number } | null = null;
  private dimension: { start: number; end: number; ref: string } | null = null;
  private sheetPr: { start: number; end: number; empty: boolean; closeStart: number; qname: string } | null = null;
  private printSetUp = false;
  private drawingRelId: string | null = null;
  private drawingAdded = false;
  private formulaRemoved = false;
  private maxPriority = 0;
  /** The bounds of what we write, for the dimension. */
  private bottom = 0;
  private right = 0;
  /** The positions we write, in order; `next` is the first not yet reached. */
  private readonly keys: Float64Array;
  private next = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly context: SheetPatchContext,
  ) {
    this.reader = new XmlReader(bytes);
    this.splice = new Splice(bytes);
    this.edits = context.edits;
    this.keys = this.edits.cells.sortedKeys();
  }

  run(): SheetPatch {
    const r = this.reader;
    for (let kind = r.next(); kind !== Token.End; kind = r.next()) {
      if (kind === Token.Open && r.level === 1) {
        this.rootScope = r.scope;
        continue;
      }
      if (kind === Token.Close && r.level === 1) {
        this.rootEnd = r.cursor.start;
        continue;
      }
      if ((kind !== Token.Open && kind !== Token.Empty) || r.level !== 2) continue;
      if (r.is(NS.main, 'sheetData')) this.sheetData();
      else this.child(this.sheetDataSeen ? this.tail : this.head);
    }
    if (!this.rootScope) throw new XmlError('no worksheet element');
    this.finishTail();
    this.finishHead();
    return { splice: this.splice, drawingRelId: this.drawingRelId, drawingAdded: this.drawingAdded, formulaRemoved: this.formulaRemoved };
  }

  private sheetDataSeen = false;

  /** A child of the worksheet other than sheetData: noted, and read where we need what it says. */
  private child(list: Child[]): void {
    const r = this.reader;
    const c = r.cursor;
    const start = c.start;
    const main = r.ns !== undefined && NS.main.includes(r.ns);
    let local = c.local;
    let known = main;
    if (main && local === 'dimension') this.dimension = { start, end: c.end, ref: r.attr('ref') ?? '' };
    if (main && local === 'sheetPr') return this.readSheetPr(list);
    if (main && local === 'pageSetup') this.printSetUp = true;
    if (main && local === 'sheetFormatPr') {
      this.defaultRowHeight = Number(r.attr('defaultRowHeight') ?? 15) || 15;
      this.defaultColumnWidth = positive(r.attr('defaultColWidth'));
    }
    if (main && local === 'pageMargins') this.margins = { left: positive(r.attr('left')) ?? 0, right: positive(r.attr('right')) ?? 0 };
    if (main && local === 'legacyDrawing') this.drawingRelId = r.attrNs(NS.relationships, 'id') ?? null;
    if (main && local === 'cols') return this.readCols(list);
    if (main && local === 'conditionalFormatting') return this.conditionalFormatting(list);
    if (r.ns !== undefined && NS.markup.includes(r.ns) && local === 'AlternateContent') {
      local = this.alternateContentOf();
      known = local !== '';
    } else this.scanRules();
    list.push({ local, start, end: r.cursor.end, known });
  }

  private readSheetPr(list: Child[]): void {
    const r = this.reader;
    const c = r.cursor;
    const start = c.start;
    const tagEnd = c.end;
    const empty = c.kind === Token.Empty;
    const qname = c.qname;
    if (!empty) {
      const level = r.level;
      for (let kind = r.next(); !(kind === Token.Close && r.level === level); kind = r.next()) {
        if ((kind === Token.Open || kind === Token.Empty) && r.is(NS.main, 'pageSetUpPr')) this.printSetUp = true;
      }
    }
    this.sheetPr = { start, end: tagEnd, empty, closeStart: empty ? tagEnd : r.cursor.start, qname };
    list.push({ local: 'sheetPr', start, end: r.cursor.end, known: true });
  }

  private readCols(list: Child[]): void {
    const r = this.reader;
    const start = r.cursor.start;
    const ours: { start: number; end: number }[] = [];
    let count = 0;
    if (r.cursor.kind === Token.Open) {
      const level = r.level;
      for (let kind = r.next(); !(kind === Token.Close && r.level === level); kind = r.next()) {
        if ((kind === Token.Open || kind === Token.Empty) && r.is(NS.main, 'col')) {
          const [min, max] = [r.attrInt('min') ?? 0, r.attrInt('max') ?? 0];
          const style = r.attrInt('style');
          if (style) this.columnStyles.push({ min, max, style });
          const hidden = r.attr('hidden');
          const width = positive(r.attr('width'));
          if (kind === Token.Empty && min === max && min === this.edits.clearedColumn && isStatusWidth(width))
            ours.push({ start: r.cursor.start, end: r.cursor.end });
          else this.columns.push({ min, max, width, hidden: hidden === '1' || hidden === 'true', start: r.cursor.start });
          count++;
        }
      }
      this.colsClose = r.cursor.start;
    }
    // Our status column taken off: the width we gave it goes too (its `<col>`, or the `<cols>` that holds only it).
    if (ours.length > 0 && ours.length === count) this.splice.replace(start, r.cursor.end, '');
    else for (const col of ours) this.splice.replace(col.start, col.end, '');
    if (ours.length > 0 && ours.length === count) return;
    list.push({ local: 'cols', start, end: r.cursor.end, known: true });
  }

  /** The element inside `mc:AlternateContent` that decides its place (its first choice's first element). */
  private alternateContentOf(): string {
    const r = this.reader;
    if (r.cursor.kind === Token.Empty) return '';
    const level = r.level;
    let found = '';
    for (let kind = r.next(); !(kind === Token.Close && r.level === level); kind = r.next()) {
      if (found === '' && (kind === Token.Open || kind === Token.Empty) && r.level === level + 2) found = r.cursor.local;
      if ((kind === Token.Open || kind === Token.Empty) && r.cursor.localIs('cfRule')) this.notePriority();
    }
    return found;
  }

  /** Moves past an element, noting the priorities of any colouring rules inside it (x14 ones in extLst). */
  private scanRules(): void {
    const r = this.reader;
    if (r.cursor.kind === Token.Empty) return;
    const level = r.level;
    for (let kind = r.next(); !(kind === Token.Close && r.level === level); kind = r.next()) {
      if (kind === Token.End) throw new XmlError('unclosed element');
      if ((kind === Token.Open || kind === Token.Empty) && r.cursor.localIs('cfRule')) this.notePriority();
    }
  }

  private notePriority(): void {
    const priority = this.reader.attrInt('priority');
    if (priority !== undefined) this.maxPriority = Math.max(this.maxPriority, priority);
  }

  /** A conditionalFormatting of the file: its rules' priorities noted, our rules taken off when ours are rewritten. */
  private conditionalFormatting(list: Child[]): void {
    const r = this.reader;
    const start = r.cursor.start;
    const ours: [number, number][] = [];
    let rules = 0;
    if (r.cursor.kind === Token.Open) {
      const level = r.level;
      for (let kind = r.next(); !(kind === Token.Close && r.level === level); kind = r.next()) {
        if ((kind !== Token.Open && kind !== Token.Empty) || r.level !== level + 1 || !r.is(NS.main, 'cfRule')) continue;
        rules++;
        const ruleStart = r.cursor.start;
        const priority = r.attrInt('priority');
        if (ruleHasOurFormula(r)) ours.push([ruleStart, r.cursor.end]);
        else if (priority !== undefined) this.maxPriority = Math.max(this.maxPriority, priority);
      }
    }
    const end = r.cursor.end;
    if (this.edits.highlights !== null && ours.length > 0) {
      if (ours.length === rules) {
        this.splice.remove(start, end);
        return;
      }
      for (const [from, to] of ours) this.splice.remove(from, to);
    }
    list.push({ local: 'conditionalFormatting', start, end, known: true });
  }

  // ---- cells

  private sheetData(): void {
    this.sheetDataSeen = true;
    const r = this.reader;
    const c = r.cursor;
    this.head.push({ local: 'sheetData', start: c.start, end: c.end, known: true });
    if (c.kind === Token.Empty) {
      const rows = this.newRows(Infinity, c.prefix ? `${c.prefix}:` : '');
      if (rows) this.splice.replace(c.start, c.end, `${asStartTag(tagText(this.bytes, c.start, c.end))}${rows}</${c.qname}>`);
      return;
    }
    if (this.keys.length === 0 && this.edits.clearedRows.size === 0 && this.edits.clearedColumn === null) {
      r.skip();
      return;
    }
    let rowNumber = 0;
    let emittedRow = 0;
    for (let kind = r.next(); !(kind === Token.Close && r.level === 2); kind = r.next()) {
      if (kind === Token.End) throw new XmlError('unclosed sheetData');
      if ((kind !== Token.Open && kind !== Token.Empty) || !r.is(NS.main, 'row')) {
        if (kind === Token.Open) r.skip();
        continue;
      }
      const start = c.start;
      const prefix = c.prefix ? `${c.prefix}:` : '';
      const explicit = r.attrInt('r');
      rowNumber = explicit ?? rowNumber + 1;
      const before = this.newRows(rowNumber, prefix);
      if (before) {
        this.splice.insert(start, before);
        emittedRow = this.lastNewRow;
      }
      this.row(rowNumber, explicit === undefined && rowNumber !== emittedRow + 1);
      emittedRow = rowNumber;
    }
    const rest = this.newRows(Infinity, c.prefix ? `${c.prefix}:` : '');
    if (rest) this.splice.insert(c.start, rest);
  }

  private lastNewRow = 0;

  /** Our writes in `row` (taken from the sorted positions), in column order. */
  private writesOf(row: number): [number, CellWrite][] {
    const out: [number, CellWrite][] = [];
    const keys = this.keys;
    while (this.next < keys.length && CellWrites.rowOf(keys[this.next]!) < row) this.next++;
    while (this.next < keys.length && CellWrites.rowOf(keys[this.next]!) === row) {
      const key = keys[this.next++]!;
      out.push([CellWrites.columnOf(key), this.edits.cells.at(key)!]);
    }
    return out;
  }

  /** Rows that the file lacks and we write, numbered below `before`, as XML. */
  private newRows(before: number, prefix: string): string {
    let out = '';
    while (this.next < this.keys.length && CellWrites.rowOf(this.keys[this.next]!) < before) {
      const number = CellWrites.rowOf(this.keys[this.next]!);
      let xml = '';
      const writes = this.writesOf(number);
      for (const [column, write] of writes) xml += this.cellXml(number, column, write, this.columnStyle(column), prefix);
      const grow = this.statusHeight(writes, undefined, undefined);
      if (xml) out += `<${prefix}row r="${number}"${grow > 0 ? ` ht="${grow}"` : ''}>${xml}</${prefix}row>`;
      this.lastNewRow = number;
    }
    return out;
  }

  /** A row of the file: our cells written among its own. */
  private row(number: number, needsRef: boolean): void {
    const r = this.reader;
    const c = r.cursor;
    const pending = this.next < this.keys.length && CellWrites.rowOf(this.keys[this.next]!) === number ? this.writesOf(number) : [];
    const cleared = this.edits.clearedRows.has(number);
    const clearedColumn = this.edits.clearedColumn;
    const empty = c.kind === Token.Empty;
    const qname = c.qname;
    const prefix = c.prefix ? `${c.prefix}:` : '';
    const tagStart = c.start;
    const tagEnd = c.end;
    if (pending.length === 0 && !cleared && clearedColumn === null) {
      if (needsRef) this.splice.replace(tagStart, tagEnd, setAttribute(tagText(this.bytes, tagStart, tagEnd), 'r', String(number)));
      if (!empty) r.skip();
      return;
    }
    const custom = r.attr('customFormat');
    const rowStyle = custom === '1' || custom === 'true' ? (r.attrInt('s') ?? 0) : 0;
    const spans = r.attr('spans');
    const grow = this.statusHeight(pending, r.attr('customHeight'), r.attr('ht'));
    let widest = 0;
    for (const [at, write] of pending) if (write.kind !== 'clear') widest = Math.max(widest, at);
    const styleFor = (column: number) => rowStyle || this.columnStyle(column);
    let closeAt = -1;
    if (!empty && !cleared && clearedColumn === null && this.pastLastCell(tagEnd, qname, prefix, pending[0]![0])) {
      // Every cell of ours goes after the row's own (the usual case: our column is right of the table).
      closeAt = this.rowClose;
      c.jump(closeAt);
    } else if (!empty) {
      this.cells(number, pending, cleared, clearedColumn, styleFor, prefix);
      closeAt = c.start;
    }
    let rest = '';
    for (const [at, write] of pending) rest += this.cellXml(number, at, write, styleFor(at), prefix);
    const original = tagText(this.bytes, tagStart, tagEnd);
    let tag = original;
    if (needsRef) tag = setAttribute(tag, 'r', String(number));
    if (spans && widest > 0) {
      const widened = widenSpans(spans, widest);
      if (widened !== spans) tag = setAttribute(tag, 'spans', widened);
    }
    if (grow > 0) tag = setAttribute(tag, 'ht', String(grow));
    if (empty && rest) this.splice.replace(tagStart, tagEnd, `${asStartTag(tag)}${rest}</${qname}>`);
    else {
      if (tag !== original) this.splice.replace(tagStart, tagEnd, tag);
      if (rest && !empty) this.splice.insert(closeAt, rest);
    }
  }

  /** Where the row's end tag starts, found by `pastLastCell`. */
  private rowClose = -1;

  /**
   * Whether the row's last cell (found by searching back from its end tag, not by reading every cell) has an `r`
   * before `column`: then ours all go at the end and the row's cells need not be read.
   */
  private pastLastCell(tagEnd: number, qname: string, prefix: string, column: number): boolean {
    const close = this.bytes.indexOf(`</${qname}>`, tagEnd, 'latin1');
    if (close < 0) return false;
    this.rowClose = close;
    const open = Buffer.from(`<${prefix}c`, 'latin1');
    let at = this.bytes.lastIndexOf(open, close);
    while (at >= tagEnd) {
      const after = this.bytes[at + open.length]!;
      if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) break;
      at = this.bytes.lastIndexOf(open, at - 1);
    }
    if (at < tagEnd) return true;
    const cell = new XmlCursor(this.bytes, at, close);
    cell.next();
    if (!cell.findAttribute('r')) return false;
    return columnOfBytes(this.bytes, cell.valueStart, cell.valueEnd) < column;
  }

  /** The row's own cells, with ours written before, over or instead of them; `pending` keeps what goes after. */
  private cells(
    number: number,
    pending: [number, CellWrite][],
    cleared: boolean,
    clearedColumn: number | null,
    styleFor: (column: number) => number,
    prefix: string,
  ): void {
    const r = this.reader;
    const c = r.cursor;
    let column = 0;
    let emitted = 0;
    for (let kind = r.next(); !(kind === Token.Close && r.level === 3); kind = r.next()) {
      if (kind === Token.End) throw new XmlError('unclosed row');
      if ((kind !== Token.Open && kind !== Token.Empty) || !r.is(NS.main, 'c')) {
        if (kind === Token.Open) r.skip();
        continue;
      }
      const hasRef = c.findAttribute('r');
      column = hasRef ? columnOfBytes(this.bytes, c.valueStart, c.valueEnd) : column + 1;
      let inserted = '';
      while (pending.length > 0 && pending[0]![0] < column) {
        const [at, write] = pending.shift()!;
        const xml = this.cellXml(number, at, write, styleFor(at), prefix);
        if (xml) emitted = at;
        inserted += xml;
      }
      if (inserted) this.splice.insert(c.start, inserted);
      const own = pending.length > 0 && pending[0]![0] === column ? pending.shift()![1] : null;
      const write = own ?? (cleared || column === clearedColumn ? ({ kind: 'clear' } as const) : null);
      emitted = this.cell(number, column, write, !hasRef && column !== emitted + 1, prefix, emitted);
    }
  }

  /** One of the row's cells: written over, emptied, or left; returns the column the output now ends at. */
  private cell(row: number, column: number, write: CellWrite | null, needsRef: boolean, prefix: string, emitted: number): number {
    const r = this.reader;
    const c = r.cursor;
    const start = c.start;
    const original = tagText(this.bytes, c.start, c.end);
    const empty = c.kind === Token.Empty;
    const own = r.attrInt('s');
    // Our column taken off: the wrapping we gave its cells goes with our texts.
    const ours = write?.kind === 'clear' && column === this.edits.clearedColumn && own !== undefined && own === this.context.ourStatusStyle;
    const style = ours ? undefined : own;
    let hasFormula = false;
    let hasValue = false;
    if (!empty) {
      for (let kind = r.next(); !(kind === Token.Close && r.level === 4); kind = r.next()) {
        if (kind === Token.End) throw new XmlError('unclosed cell');
        if (kind !== Token.Open && kind !== Token.Empty) continue;
        if (r.is(NS.main, 'f')) hasFormula = true;
        else hasValue = true;
        if (kind === Token.Open) r.skip();
      }
    }
    const end = c.end;
    if (write === null || (write.kind === 'clear' && !hasFormula && !hasValue && !ours)) {
      if (needsRef) this.splice.replace(start, start + Buffer.byteLength(original), setAttribute(original, 'r', `${columnLetter(column)}${row}`));
      return column;
    }
    if (hasFormula) this.formulaRemoved = true;
    if (write.kind === 'clear' && !style) {
      this.splice.remove(start, end);
      return emitted;
    }
    this.splice.replace(start, end, this.cellXml(row, column, write, style ?? 0, prefix));
    return column;
  }

  /** The height to give a row for our status text in it: 0 when it needs none, or the person set the row's height. */
  private statusHeight(writes: readonly [number, CellWrite][], customHeight: string | undefined, ht: string | undefined): number {
    const status = this.context.status;
    if (!status || customHeight === '1' || customHeight === 'true') return 0;
    const own = this.columns.find((c) => status.column >= c.min && status.column <= c.max);
    const needed = statusRowHeight(status, writes, own ? own.width : null);
    return needed > (Number(ht) || this.defaultRowHeight) ? needed : 0;
  }

  private columnStyle(column: number): number {
    return this.columnStyles.find((s) => column >= s.min && column <= s.max)?.style ?? 0;
  }

  /** Our cell: a text inline (`t="inlineStr"`, so the shared strings part is left as it is), a number, a date. */
  private cellXml(row: number, column: number, write: CellWrite, style: number, prefix: string): string {
    const ref = `${columnLetter(column)}${row}`;
    if (write.kind !== 'clear') {
      this.bottom = Math.max(this.bottom, row);
      this.right = Math.max(this.right, column);
    }
    const s = (n: number) => (n ? ` s="${n}"` : '');
    switch (write.kind) {
      case 'clear':
        return style ? `<${prefix}c r="${ref}"${s(style)}/>` : '';
      case 'text': {
        if (!style && column === this.context.status?.column) style = this.context.status.style();
        const space = needsPreserve(write.text) ? ' xml:space="preserve"' : '';
        return `<${prefix}c r="${ref}"${s(style)} t="inlineStr"><${prefix}is><${prefix}t${space}>${encodeXstring(write.text)}</${prefix}t></${prefix}is></${prefix}c>`;
      }
      case 'number':
        return Number.isFinite(write.value) ? `<${prefix}c r="${ref}"${s(style)}><${prefix}v>${write.value}</${prefix}v></${prefix}c>` : '';
      case 'boolean':
        return `<${prefix}c r="${ref}"${s(style)} t="b"><${prefix}v>${write.value ? 1 : 0}</${prefix}v></${prefix}c>`;
      case 'date':
        return `<${prefix}c r="${ref}"${s(this.context.dateStyle())}><${prefix}v>${dateSerial(write.date, this.context.date1904)}</${prefix}v></${prefix}c>`;
    }
  }

  // ---- after the cells, and before them

  /** Our elements after the cells, in the schema's order: rules, print set-up, the notes' drawing. */
  private finishTail(): void {
    const prefix = this.prefix(NS.main)!;
    const plan = this.edits.highlights;
    if (plan !== null && plan !== 'remove' && plan.rules.length > 0) {
      const lastOwn = [...this.tail].reverse().find((child) => child.known && child.local === 'conditionalFormatting');
      const at = lastOwn ? lastOwn.end : this.insertionPoint(HIGHLIGHT_RANK);
      this.splice.insert(at, this.rulesXml(plan, prefix));
    }
    if (this.edits.defaultPrint && !this.printSetUp) {
      this.splice.insert(
        this.insertionPoint(WORKSHEET_ORDER.indexOf('pageSetup')),
        `<${prefix}pageSetup paperSize="9" orientation="landscape" fitToWidth="${this.pagesWide()}" fitToHeight="0"/>`,
      );
    }
    if (this.context.newDrawingRelId && this.drawingRelId === null) {
      const rel = this.prefix(NS.relationships);
      const declare = rel === undefined ? ` xmlns:r="${NS.relationships[0]}"` : '';
      this.splice.insert(
        this.insertionPoint(WORKSHEET_ORDER.indexOf('legacyDrawing')),
        `<${prefix}legacyDrawing${declare} ${rel || 'r'}:id="${this.context.newDrawingRelId}"/>`,
      );
      this.drawingAdded = true;
    }
  }

  /** Before the cells: the print set-up's fit-to-page flag, our status column's width, the dimension widened to our cells. */
  private finishHead(): void {
    const prefix = this.prefix(NS.main)!;
    if (this.edits.defaultPrint && !this.printSetUp) {
      const fit = `<${prefix}pageSetUpPr fitToPage="1"/>`;
      const pr = this.sheetPr;
      if (!pr) this.splice.insert(this.insertionPoint(0), `<${prefix}sheetPr>${fit}</${prefix}sheetPr>`);
      else if (pr.empty) this.splice.replace(pr.start, pr.end, `${asStartTag(tagText(this.bytes, pr.start, pr.end))}${fit}</${pr.qname}>`);
      else this.splice.insert(pr.closeStart, fit);
    }
    // After the sheetPr: a new `<cols>` may go in at the same place, and the schema orders it after.
    this.statusWidth(prefix);
    const dimension = this.dimension;
    if (dimension && this.bottom > 0) {
      const range = parseRange(dimension.ref) ?? { top: 1, left: 1, bottom: 1, right: 1 };
      const widened = { ...range, bottom: Math.min(MAX_ROWS, Math.max(range.bottom, this.bottom)), right: Math.max(range.right, this.right) };
      if (widened.bottom !== range.bottom || widened.right !== range.right) {
        this.splice.replace(dimension.start, dimension.end, setAttribute(tagText(this.bytes, dimension.start, dimension.end), 'ref', rangeRef(widened)));
      }
    }
  }

  /** How many pages wide the tab prints (print-width.ts): our status column counted at the width it will have. */
  private pagesWide(): number {
    const status = this.context.status;
    const columns = [...this.columns];
    if (status && !columns.some((c) => status.column >= c.min && status.column <= c.max)) {
      columns.push({ min: status.column, max: status.column, width: statusColumnCharacters(), hidden: false, start: 0 });
    }
    const extent = parseRange(this.dimension?.ref ?? '');
    return readablePagesWide({
      columns,
      defaultWidth: this.defaultColumnWidth,
      lastColumn: Math.max(extent?.right ?? 1, this.right),
      margins: this.margins,
      fontSize: status?.font.size ?? 11,
    });
  }

  /** Our status column's `<col>`, in order among the file's, when none of theirs covers it. */
  private statusWidth(prefix: string): void {
    const column = this.context.status?.column;
    if (column === undefined || this.columns.some((c) => column >= c.min && column <= c.max)) return;
    const col = statusColXml(column, prefix);
    if (this.colsClose < 0) {
      const empty = this.head.find((c) => c.known && c.local === 'cols');
      if (empty) this.splice.replace(empty.start, empty.end, `<${prefix}cols>${col}</${prefix}cols>`);
      else this.splice.insert(this.insertionPoint(WORKSHEET_ORDER.indexOf('cols')), `<${prefix}cols>${col}</${prefix}cols>`);
      return;
    }
    const after = this.columns.find((c) => c.min > column);
    this.splice.insert(after ? after.start : this.colsClose, col);
  }

  /** Before the first child (head or tail) the schema orders after `rank`, else before the worksheet's end tag. */
  private insertionPoint(rank: number): number {
    for (const child of [...this.head, ...this.tail]) {
      if (!child.known) continue;
      const at = WORKSHEET_ORDER.indexOf(child.local as (typeof WORKSHEET_ORDER)[number]);
      if (at > rank) return child.start;
    }
    return this.rootEnd;
  }

  private prefix(ns: readonly string[]): string | undefined {
    const p = this.rootScope!.prefixOf(ns);
    return ns === NS.main ? (p ? `${p}:` : '') : p;
  }

  private rulesXml(plan: HighlightPlan, prefix: string): string {
    const letter = columnLetter(plan.statusColumn);
    return plan.rules
      .map((rule, i) => {
        const sqref = rule.scope === 'row' ? `A${plan.firstRow}:${letter}${MAX_ROWS}` : `${letter}${plan.firstRow}:${letter}${MAX_ROWS}`;
        const dxf = this.context.ruleStyle(rule.background, rule.bold);
        const formula = escapeText(highlightFormula(plan.statusColumn, plan.firstRow, rule.prefix));
        return `<${prefix}conditionalFormatting sqref="${sqref}"><${prefix}cfRule type="expression" dxfId="${dxf}" priority="${this.maxPriority + i + 1}"><${prefix}formula>${formula}</${prefix}formula></${prefix}cfRule></${prefix}conditionalFormatting>`;
      })
      .join('');
  }
}

/** Whether the cfRule the reader is on has a formula of ours; the reader ends on its end tag. */
function ruleHasOurFormula(r: XmlReader): boolean {
  if (r.cursor.kind === Token.Empty) return false;
  const level = r.level;
  let ours = false;
  for (let kind = r.next(); !(kind === Token.Close && r.level === level); kind = r.next()) {
    if (kind === Token.Open && r.is(NS.main, 'formula') && isOurFormula(r.text())) ours = true;
  }
  return ours;
}

/** A row's `spans` ("1:11", or several ranges) widened to reach `column`. */
function widenSpans(spans: string, column: number): string {
  const ranges = spans.trim().split(/\s+/);
  const last = ranges[ranges.length - 1]!;
  const [from, to] = last.split(':').map(Number) as [number, number];
  if (!(to >= column)) ranges[ranges.length - 1] = `${from}:${column}`;
  return ranges.join(' ');
}

/** A calendar date as a serial in the workbook's date system. */
function dateSerial(date: string, date1904: boolean): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

/** The width we give our status column (status-column.ts), as a file gives it back. */
function isStatusWidth(width: number | null): boolean {
  return width !== null && Math.abs(width - statusColumnCharacters()) < 0.005;
}

/** A number attribute's value when it is a positive number, else null. */
function positive(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}
