import type { CellStyle, ChartSpec, GridRange, GridValue, StyledRange, TabLayout } from '../grid';

/** Builds a TabLayout row by row: forms read top to bottom, like the Word templates they replace. */
export class LayoutBuilder {
  private readonly rows: GridValue[][] = [];
  private readonly merges: GridRange[] = [];
  private readonly styles: StyledRange[] = [];
  private readonly breaks: number[] = [];
  private readonly charts: ChartSpec[] = [];
  private titles: { first: number; last: number } | undefined;
  private readonly dated: { row: number; column: number }[] = [];

  constructor(readonly width: number) {}

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

  /** This cell holds the day the form is made, not data (see TabLayout.datedCells). */
  markDated(row: number, column: number): void {
    this.dated.push({ row, column });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  /** The next row begins a new printed page. */
  pageBreak(): void {
    if (this.rows.length > 0) this.breaks.push(this.rows.length);
  }

  /** The layout; `base` styles the whole grid first, so every other range overrides it. */
  build(name: string, columnWidths: number[], frozenRows = 0, base?: CellStyle): TabLayout {
    const whole = { row: 0, column: 0, rows: this.rows.length, columns: this.width };
    const styles = base && whole.rows > 0 ? [{ range: whole, style: base }, ...this.styles] : this.styles;
    return {
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
  }
}
