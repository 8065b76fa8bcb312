import { columnLetter } from '../../core/a1';
import type { CellStyle, GridRange, TabLayout } from '../../core/grid';
import { PRINT_MARGINS } from '../../core/print/page';
import { DEFAULT_ROW_HEIGHT, estimateRowHeights } from '../../core/print/row-heights';
import type { CellWrite, NewTab } from '../model';
import { encodeXstring, escapeAttribute, needsPreserve } from '../xml/text';
import { NS } from '../xml/reader';
import { joined } from './splice';
import type { StyleBook } from './styles';
import { maxOf } from '../../core/arrays';

/**
 * A tab we write whole (a generated form, a tab `dicoso init` creates) as a worksheet part: values (text always as
 * text, never a formula), one cell format per combination of the layout's style ranges, merges, column widths,
 * frozen rows, dropdowns, A4 fitted to the page's width with narrow margins, repeated title rows (a defined name,
 * written with the workbook's names), row heights and page breaks. The rows are made as they are written: a
 * 300,000-row form is never one string.
 */

const PIXELS_PER_CHARACTER = 7;
const DATE_FORMAT = 'dd/mm/yyyy';
const ROWS_PER_CHUNK = 500;
/** Excel keeps at most 1,026 manual page breaks a sheet (Excel specifications and limits). */
const MAX_PAGE_BREAKS = 1026;

/** Prepares the tab's formats in `styles` (now, before the styles part is written) and returns its part's chunks. */
export function layoutSheet(tab: NewTab, styles: StyleBook, date1904: boolean): () => Iterable<Buffer> {
  const { layout } = tab;
  const height = layout.values.length;
  const width = layout.values[0]?.length ?? 0;
  const combos = cellStyles(layout, height, width);
  const format = (style: CellStyle | undefined, column: number): number => {
    const columnFormat = tab.columnFormats.get(column);
    const wanted = columnFormat && style?.numberFormat === undefined ? { ...style, numberFormat: columnFormat } : style;
    return wanted && Object.keys(wanted).length > 0 ? styles.cellFormat(wanted) : 0;
  };
  const xfOf: number[] = [];
  combos.each((combination) => (xfOf[combination] ??= format(combos.style(combination), -1)));
  const xfAt = (key: number, column: number) => {
    const combination = combos.at(key);
    if (tab.columnFormats.has(column)) return format(combos.style(combination), column);
    return combination === 0 ? 0 : xfOf[combination]!;
  };
  const columnXf = new Map([...tab.columnFormats].map(([column]) => [column, format(undefined, column)]));
  const dateXf = (column: number) => format({ numberFormat: DATE_FORMAT }, column);
  const heights = rowHeights(layout);
  // Formats of cells written after the layout (appended rows) are made now too.
  tab.cells.forEach((_row, column, write) => write.kind === 'date' && dateXf(column));
  const lastRow = Math.max(height, tab.cells.lastRow);
  const lastColumn = maxOf(tab.columnFormats.keys(), Math.max(width, tab.cells.lastColumn, 1));
  const extras = new Map<number, Map<number, CellWrite>>();
  tab.cells.forEach((row, column, write) => (extras.get(row) ?? extras.set(row, new Map()).get(row)!).set(column, write));

  function* rows(): Generator<string> {
    let chunk = '';
    for (let r = 1; r <= lastRow; r++) {
      const values = layout.values[r - 1];
      const extra = extras.get(r);
      let cells = '';
      for (let c = 1; c <= Math.max(values?.length ?? 0, extra ? maxOf(extra.keys(), 0) : 0); c++) {
        const write = extra?.get(c);
        if (write) cells += writtenCell(r, c, write, write.kind === 'date' ? dateXf(c) : (columnXf.get(c) ?? 0), date1904);
        else if (values) cells += layoutCell(r, c, values[c - 1] ?? null, c <= width ? xfAt((r - 1) * width + c - 1, c) : 0);
      }
      const ht = heights.get(r);
      const attributes = ht ? ` ht="${ht}" customHeight="1"` : '';
      if (cells || attributes) chunk += `<row r="${r}"${attributes}>${cells}</row>`;
      if (r % ROWS_PER_CHUNK === 0) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }

  function* part(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main[0]}" xmlns:r="${NS.relationships[0]}">`;
    yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    yield `<dimension ref="A1:${columnLetter(lastColumn)}${Math.max(1, lastRow)}"/>`;
    const frozen = layout.frozenRows;
    yield frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    // A form's rows are all as tall as it says (TabLayout.rowHeights): its page breaks were computed from them.
    yield layout.rowHeights
      ? `<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_HEIGHT}" customHeight="1"/>`
      : `<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_HEIGHT}"/>`;
    yield columnsXml(layout, columnXf);
    yield '<sheetData>';
    yield* rows();
    yield '</sheetData>';
    yield* afterData(tab);
    yield '</worksheet>';
  }

  return () => joined(part());
}

/** What follows sheetData, in the schema's order: merges, validations, margins, the A4 set-up and the form's breaks. */
function* afterData(tab: NewTab): Generator<string> {
  const { layout } = tab;
  const merges = layout.merges.filter((m) => m.rows > 1 || m.columns > 1);
  if (merges.length > 0) yield `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeOf(m)}"/>`).join('')}</mergeCells>`;
  if (tab.validations.length > 0) yield validationsXml(tab);
  const m = PRINT_MARGINS;
  yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  yield `<pageSetup paperSize="9" orientation="${layout.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`;
  // Past Excel's limit, the last breaks are kept: the end of a form (its signature with its last rows) is what they hold.
  const breaks = (layout.pageBreaks ?? []).filter((row) => row > 0).slice(-MAX_PAGE_BREAKS);
  if (breaks.length > 0) {
    yield `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  }
}

function layoutCell(row: number, column: number, value: TabLayout['values'][number][number], style: number): string {
  const ref = `${columnLetter(column)}${row}`;
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t${needsPreserve(value) ? ' xml:space="preserve"' : ''}>${encodeXstring(value)}</t></is></c>`;
}

function writtenCell(row: number, column: number, write: CellWrite, style: number, date1904: boolean): string {
  switch (write.kind) {
    case 'clear':
      return layoutCell(row, column, null, style);
    case 'text':
      return layoutCell(row, column, write.text, style);
    case 'number':
    case 'boolean':
      return layoutCell(row, column, write.value, style);
    case 'date': {
      const [y, m, d] = write.date.split('-').map(Number) as [number, number, number];
      return layoutCell(row, column, Date.UTC(y, m - 1, d) / 86_400_000 + 25569 - (date1904 ? 1462 : 0), style);
    }
  }
}

function columnsXml(layout: TabLayout, columnXf: ReadonlyMap<number, number>): string {
  const columns = new Set<number>([...layout.columnWidths.keys()].map((i) => i + 1));
  for (const column of columnXf.keys()) columns.add(column);
  if (columns.size === 0) return '';
  const cols = [...columns]
    .sort((a, b) => a - b)
    .map((column) => {
      const px = layout.columnWidths[column - 1];
      const width = px === undefined ? '' : ` width="${Math.round((px / PIXELS_PER_CHARACTER) * 100) / 100}" customWidth="1"`;
      const style = columnXf.get(column);
      return `<col min="${column}" max="${column}"${width}${style ? ` style="${style}"` : ''}/>`;
    });
  return `<cols>${cols.join('')}</cols>`;
}

function validationsXml(tab: NewTab): string {
  const items = tab.validations.map(
    (v) =>
      `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="${escapeAttribute('Giá trị ngoài danh sách')}" error="${escapeAttribute('Giá trị này không có trong danh sách. Vẫn giữ?')}" sqref="${v.sqref}"><formula1>${escapeXml(v.formula)}</formula1></dataValidation>`,
  );
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function rangeOf(m: GridRange): string {
  return `${columnLetter(m.column + 1)}${m.row + 1}:${columnLetter(m.column + m.columns)}${m.row + m.rows}`;
}

function forEachCell(range: GridRange, visit: (row: number, column: number) => void): void {
  for (let r = range.row; r < range.row + range.rows; r++) for (let c = range.column; c < range.column + range.columns; c++) visit(r, c);
}

/**
 * Each cell's style where style ranges overlap (later ranges win property by property, as successive Sheets calls
 * do), kept as one number per cell naming the combination of ranges that covers it: a 300,000-row form costs a
 * typed array, not a style object per cell.
 */
interface CellStyles {
  /** 0 for a cell no range covers. */
  at(key: number): number;
  style(combination: number): CellStyle | undefined;
  each(visit: (combination: number) => void): void;
}

function cellStyles(layout: TabLayout, height: number, width: number): CellStyles {
  const at = new Uint32Array(height * width);
  const combined: (CellStyle | undefined)[] = [undefined];
  layout.styles.forEach(({ range, style }) => {
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
    at: (key) => at[key] ?? 0,
    style: (combination) => combined[combination],
    each: (visit) => combined.forEach((style, combination) => style && visit(combination)),
  };
}

/**
 * The heights to write, by 1-based row: a form's own (every row not of the default height), or, for another layout,
 * the rows its wrapped text makes taller. Sheets grows a row to fit wrapped text by itself; Excel and LibreOffice
 * keep the stored height, so wrapped cells would print over each other.
 */
function rowHeights(layout: TabLayout): Map<number, number> {
  const heights = new Map<number, number>();
  (layout.rowHeights ?? estimateRowHeights(layout)).forEach((height, r) => {
    if (height !== DEFAULT_ROW_HEIGHT) heights.set(r + 1, height);
  });
  return heights;
}
