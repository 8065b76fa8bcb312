import type { CellStyle, GridRange, TabLayout } from '../grid';
import { POINTS_PER_PIXEL } from './page';
import { wrappedLines, type TextFont } from './text-width';

/**
 * Each row's printed height in points, from its text, fonts, wrapping and the columns' widths. Excel and LibreOffice
 * keep the height a file gives a row (LibreOffice does not fit rows to wrapped text when it opens an .xlsx), so a
 * generated tab states every row's height, and the forms' page breaks are computed from the same numbers.
 */

/** Excel's default row, and the least a row of ours is given. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Line pitch per point of font size: Times New Roman's ascent and descent (1.107 em), rounded up to whole pixels. */
const LINE_PITCH = 1.17;
/** Space above and below the lines of a cell. */
const ROW_PADDING = 3;
/** Space left and right of a cell's text. */
const CELL_PADDING = 4.5;
/**
 * Text is counted this much wider than its font's metrics: Excel draws at whole pixels, and a line that just fits
 * in LibreOffice may wrap there. A row one line too tall wastes a line; one too short hides the last line.
 */
const WRAP_MARGIN = 1.05;
/** A column without a width is Excel's default, 8.43 characters. */
const DEFAULT_COLUMN_PX = 64;
const DEFAULT_FONT_SIZE = 11;

/** The height of a row holding `lines` lines of text of `size` points. */
export function heightOfLines(lines: number, size = DEFAULT_FONT_SIZE): number {
  const height = lines * LINE_PITCH * size + ROW_PADDING;
  return Math.max(DEFAULT_ROW_HEIGHT, Math.ceil(height / 0.75) * 0.75);
}

/** The width text has in a cell `columnsPx` pixels wide (the columns of a merge added up). */
export function cellTextWidth(columnsPx: number): number {
  return Math.max(1, (columnsPx * POINTS_PER_PIXEL - CELL_PADDING) / WRAP_MARGIN);
}

/** The lines a cell's value takes; a cell that does not wrap keeps one line. */
export function cellLines(value: string, columnsPx: number, font: TextFont, wrap: boolean): number {
  if (!wrap) return 1;
  return wrappedLines(value, cellTextWidth(columnsPx), font);
}

export function estimateRowHeights(layout: Pick<TabLayout, 'values' | 'merges' | 'styles' | 'columnWidths'>): number[] {
  const width = layout.values[0]?.length ?? 0;
  const columnPx = (c: number) => layout.columnWidths[c] ?? DEFAULT_COLUMN_PX;
  const spans = mergeSpans(layout.merges, width, columnPx);
  const styles = new RowStyles(layout.styles);
  return layout.values.map((row, r) => {
    const active = styles.at(r);
    let height = DEFAULT_ROW_HEIGHT;
    for (let c = 0; c < width; c++) {
      const value = row[c];
      if (value === null || value === undefined || value === '') continue;
      const span = spans.get(r * width + c);
      if (span === null) continue;
      const style = styleOf(active, c);
      const size = style.fontSize ?? DEFAULT_FONT_SIZE;
      const font: TextFont = { size, bold: style.bold, italic: style.italic, family: style.fontFamily };
      const lines = cellLines(String(value), span ?? columnPx(c), font, style.wrap === true);
      height = Math.max(height, heightOfLines(lines, size));
    }
    return height;
  });
}

/**
 * The width in pixels of each merge's first cell (its columns added up), keyed by row × width + column; null for
 * a merge over several rows, whose text does not set one row's height.
 */
function mergeSpans(merges: readonly GridRange[], width: number, columnPx: (c: number) => number): Map<number, number | null> {
  const spans = new Map<number, number | null>();
  for (const m of merges) {
    let px = 0;
    for (let c = m.column; c < m.column + m.columns; c++) px += columnPx(c);
    spans.set(m.row * width + m.column, m.rows > 1 ? null : px);
  }
  return spans;
}

/** The style ranges over each row in turn (rows asked in order), in the order they were given: later ones win. */
class RowStyles {
  private readonly order: number[];
  private next = 0;
  private active: number[] = [];

  constructor(private readonly styles: readonly { range: GridRange; style: CellStyle }[]) {
    this.order = styles.map((_, i) => i).sort((a, b) => styles[a]!.range.row - styles[b]!.range.row || a - b);
  }

  at(row: number): { range: GridRange; style: CellStyle }[] {
    this.active = this.active.filter((i) => this.styles[i]!.range.row + this.styles[i]!.range.rows > row);
    let added = false;
    while (this.next < this.order.length && this.styles[this.order[this.next]!]!.range.row <= row) {
      const i = this.order[this.next++]!;
      if (this.styles[i]!.range.row + this.styles[i]!.range.rows > row) {
        this.active.push(i);
        added = true;
      }
    }
    if (added) this.active.sort((a, b) => a - b);
    return this.active.map((i) => this.styles[i]!);
  }
}

/** The properties of a cell's style that set its height, later ranges winning. */
function styleOf(
  active: readonly { range: GridRange; style: CellStyle }[],
  column: number,
): Pick<CellStyle, 'fontSize' | 'bold' | 'italic' | 'fontFamily' | 'wrap'> {
  const style: Pick<CellStyle, 'fontSize' | 'bold' | 'italic' | 'fontFamily' | 'wrap'> = {};
  for (const { range, style: s } of active) {
    if (column < range.column || column >= range.column + range.columns) continue;
    if (s.fontSize !== undefined) style.fontSize = s.fontSize;
    if (s.bold !== undefined) style.bold = s.bold;
    if (s.italic !== undefined) style.italic = s.italic;
    if (s.fontFamily !== undefined) style.fontFamily = s.fontFamily;
    if (s.wrap !== undefined) style.wrap = s.wrap;
  }
  return style;
}
