import type { GridRange } from '../../core/grid';
import type { RawCell } from '../../sheets/workbook';
import { columnOfBytes, parseRange } from '../a1';
import { Token, XmlError } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { stringItemText } from './shared-strings';
import { cellValue, type CellContext } from './cell-values';

/**
 * A worksheet part's cells, read in one pass over its bytes (ECMA-376 Part 1 §18.3.1.99): values into ragged rows
 * (a sheet with one far cell costs what its cells cost), the merged ranges, and the relationships of its tables.
 * Rows and cells without `r` are numbered from the one before, as §18.3.1.73 and §18.3.1.4 allow.
 */

export interface SheetCells {
  /** Ragged rows of values; missing rows are undefined, holes in a row undefined. */
  values: (RawCell[] | undefined)[];
  merges: GridRange[];
  /** The relationship ids of the sheet's tables (`tableParts`). */
  tableRelIds: string[];
  /** The last row the part has an element for (with or without cells). */
  lastRow: number;
}

export function readSheetCells(bytes: Buffer, context: CellContext): SheetCells {
  const out: SheetCells = { values: [], merges: [], tableRelIds: [], lastRow: 0 };
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (reader.level !== 2) continue;
    if (reader.is(NS.main, 'sheetData')) readRows(reader, context, out);
    else if (reader.is(NS.main, 'mergeCells')) readMerges(reader, out.merges);
    else if (reader.is(NS.main, 'tableParts')) readTableParts(reader, out.tableRelIds);
    else reader.skip();
  }
  return out;
}

function readRows(reader: XmlReader, context: CellContext, out: SheetCells): void {
  if (reader.cursor.kind === Token.Empty) return;
  let rowNumber = 0;
  for (let kind = reader.next(); kind !== Token.Close || reader.level !== 2; kind = reader.next()) {
    if (kind === Token.End) throw new XmlError('unclosed sheetData');
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (!reader.is(NS.main, 'row')) {
      reader.skip();
      continue;
    }
    const r = reader.attrInt('r');
    rowNumber = r === undefined ? rowNumber + 1 : r;
    if (!(rowNumber >= 1)) throw new XmlError(`a row numbered ${r}`);
    out.lastRow = Math.max(out.lastRow, rowNumber);
    if (kind === Token.Empty) continue;
    readCells(reader, rowNumber, context, out);
  }
}

function readCells(reader: XmlReader, rowNumber: number, context: CellContext, out: SheetCells): void {
  let column = 0;
  let row: RawCell[] | undefined;
  for (let kind = reader.next(); kind !== Token.Close || reader.level !== 3; kind = reader.next()) {
    if (kind === Token.End) throw new XmlError('unclosed row');
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (!reader.is(NS.main, 'c')) {
      reader.skip();
      continue;
    }
    const c = reader.cursor;
    column = c.findAttribute('r') ? columnOfBytes(c.bytes, c.valueStart, c.valueEnd) : column + 1;
    if (!(column >= 1)) throw new XmlError(`a cell without a column at ${c.start}`);
    if (kind === Token.Empty) continue;
    const type = c.findAttribute('t') ? c.bytes.toString('latin1', c.valueStart, c.valueEnd) : undefined;
    const style = reader.attrInt('s') ?? 0;
    const value = cellValue(type, style, cellText(reader, type === 'inlineStr'), context);
    if (value === '') continue;
    row ??= out.values[rowNumber - 1] ??= [];
    row[column - 1] = value;
  }
}

/** The `<v>` text of the cell the reader is on (or its inline string); null when it has none. */
function cellText(reader: XmlReader, inline: boolean): string | null {
  let text: string | null = null;
  for (let kind = reader.next(); kind !== Token.Close || reader.level !== 4; kind = reader.next()) {
    if (kind === Token.End) throw new XmlError('unclosed cell');
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (reader.is(NS.main, 'v')) {
      const v = reader.text();
      if (!inline) text = v;
    } else if (reader.is(NS.main, 'is')) {
      const t = stringItemText(reader);
      if (inline) text = t;
    } else reader.skip();
  }
  return text;
}

function readMerges(reader: XmlReader, merges: GridRange[]): void {
  if (reader.cursor.kind === Token.Empty) return;
  for (let kind = reader.next(); kind !== Token.Close || reader.level !== 2; kind = reader.next()) {
    if (kind === Token.End) throw new XmlError('unclosed mergeCells');
    if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.main, 'mergeCell')) {
      const range = parseRange(reader.attr('ref') ?? '');
      if (range) merges.push({ row: range.top - 1, column: range.left - 1, rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 });
      if (kind === Token.Open) reader.skip();
    }
  }
}

function readTableParts(reader: XmlReader, ids: string[]): void {
  if (reader.cursor.kind === Token.Empty) return;
  for (let kind = reader.next(); kind !== Token.Close || reader.level !== 2; kind = reader.next()) {
    if (kind === Token.End) throw new XmlError('unclosed tableParts');
    if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.main, 'tablePart')) {
      const id = reader.attrNs(NS.relationships, 'id');
      if (id !== undefined) ids.push(id);
      if (kind === Token.Open) reader.skip();
    }
  }
}
