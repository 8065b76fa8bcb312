import type { CellStyle, ChartSpec, GridRange, GridValue, StyledRange, TabLayout } from '../grid';
import { withCaptionCopies } from '../print/caption-copies';
import { fitToWidthScale, printableArea } from '../print/page';
import { paginate, type ContinuedTable } from '../print/paginate';
import { estimateRowHeights } from '../print/row-heights';

/**
 * A page is filled to this share of its height: what Excel or LibreOffice draws may come out a little taller than
 * estimated (a font's rounding to whole pixels, a scale rounded to a whole percent), and a page that overflows would
 * break where they choose, not where the form says.
 */
const PAGE_FILL = 0.96;

/** Builds a TabLayout row by row: forms read top to bottom, like the Word templates they replace. */
export class LayoutBuilder {
  private readonly rows: GridValue[][] = [];
  private readonly merges: GridRange[] = [];
  private readonly styles: StyledRange[] = [];
  private readonly breaks: number[] = [];
  private readonly charts: ChartSpec[] = [];
  private titles: { first: number; last: number } | undefined;
  private readonly dated: { row: number; column: number }[] = [];
  private readonly glued = new Set<number>();
  private readonly continued: ContinuedTable[] = [];

  /** `printed`: a form laid out for paper, whose rows get heights and whose pages are broken by the form (build). */
  constructor(
    readonly width: number,
    private readonly options: { printed?: boolean } = {},
  ) {}

  get rowCount(): number {
    return this.rows.length;
  }

  /** Adds a row (padded to the width) and returns its 0-based index. */
  row(values: GridValue[] = [], style?: CellStyle): number {
    const padded = Array.from({ length: this.width }, (_, c) => values[c] ?? '');
    this.rows.push(padded);
    const index = this.rows.length - 1;
    if (style) this.style({ row: index, column: 0, rows: 1, columns: this.width }, style);
    return index;
  }

  /** A row with one text spanning columns [column, column + span). */
  spanRow(text: string, style: CellStyle, column = 0, span = this.width): number {
    const values: GridValue[] = [];
    values[column] = text;
    const index = this.row(values);
    this.merge({ row: index, column, rows: 1, columns: span });
    this.style({ row: index, column, rows: 1, columns: span }, style);
    return index;
  }

  set(row: number, column: number, value: GridValue): void {
    this.rows[row]![column] = value;
  }

  merge(range: GridRange): void {
    if (range.rows > 1 || range.columns > 1) this.merges.push(range);
  }

  style(range: GridRange, style: CellStyle): void {
    if (range.rows > 0 && range.columns > 0) this.styles.push({ range, style });
  }

  /** These rows (a table's captions) print again at the top of every page. */
  printTitles(first: number, last = first): void {
    this.titles = { first, last };
  }

  /** Row `row` prints on the same page as the row above it (a signature under its table, a heading over its rows). */
  keepWithPrevious(row: number): void {
    if (row > 0) this.glued.add(row);
  }

  /** Rows first…last print on one page. */
  keepTogether(first: number, last: number): void {
    for (let r = first + 1; r <= last; r++) this.keepWithPrevious(r);
  }

  /**
   * A table whose captions are rows first…last, running to the row before the next page break (or the end): each
   * page it runs on to begins with a copy of its captions. For a tab of several forms, where print titles cannot serve.
   */
  repeatCaptionsOnNewPages(first: number, last: number): void {
    this.continued.push({ first, last, end: Number.POSITIVE_INFINITY });
  }

  /** This cell holds the day the form is made, not data (see TabLayout.datedCells). */
  markDated(row: number, column: number): void {
    this.dated.push({ row, column });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  /** The next row begins a new printed page. */
  pageBreak(): void {
    if (this.rows.length === 0) return;
    this.breaks.push(this.rows.length);
    for (const table of this.continued) table.end = Math.min(table.end, this.rows.length);
  }

  /** The layout; `base` styles the whole grid first, so every other range overrides it. */
  build(name: string, columnWidths: number[], frozenRows = 0, base?: CellStyle): TabLayout {
    const whole = { row: 0, column: 0, rows: this.rows.length, columns: this.width };
    const styles = base && whole.rows > 0 ? [{ range: whole, style: base }, ...this.styles] : this.styles;
    const layout: TabLayout = {
      name,
      values: this.rows,
      merges: this.merges,
      styles,
      columnWidths,
      frozenRows,
      landscape: true,
      ...(this.titles ? { printTitleRows: this.titles } : {}),
      ...(this.breaks.length ? { pageBreaks: [...this.breaks] } : {}),
      ...(this.charts.length ? { charts: [...this.charts] } : {}),
      ...(this.dated.length ? { datedCells: [...this.dated] } : {}),
    };
    return this.options.printed ? this.paginated(layout) : layout;
  }

  /** The layout with every row's height and every page's first row (print/paginate.ts), captions copied where needed. */
  private paginated(layout: TabLayout): TabLayout {
    const heights = estimateRowHeights(layout);
    const page = (printableArea(layout.landscape).height / fitToWidthScale(layout.columnWidths, layout.landscape)) * PAGE_FILL;
    const pages = paginate(heights, page, { glued: this.glued, forced: this.breaks, titles: this.titles, continued: this.continued });
    const copied = withCaptionCopies(layout, heights, pages);
    const { pageBreaks: _forced, ...rest } = copied.layout;
    return { ...rest, rowHeights: copied.heights, ...(copied.breaks.length ? { pageBreaks: copied.breaks } : {}) };
  }
}
