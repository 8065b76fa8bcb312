import { hash53 } from './hash';

/**
 * What a generated tab or an annotation looks like, as plain data: values, merges, styles by range, widths.
 * Form builders return this; every workbook adapter (Apps Script, exceljs, in-memory) renders it. Styles are given
 * per rectangular range so that an adapter makes one call per style block, never one per cell or row.
 */

/** A value written to a cell. Strings are always text: adapters must keep `=…`, `+…`, `-…`, `@…` from becoming formulas. */
export type GridValue = string | number | boolean | null;

/** A 0-based rectangle inside a grid. */
export interface GridRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** e.g. 'Times New Roman', the font of Vietnamese official documents. */
  fontFamily?: string;
  fontColor?: string;
  /** `#rrggbb` */
  background?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** A thin solid border on every cell edge of the range. */
  border?: boolean;
  /** Sheets number format, e.g. `0` or `@`. */
  numberFormat?: string;
}

export interface StyledRange {
  range: GridRange;
  style: CellStyle;
}

/** A whole generated tab: replaced in one pass on every run. */
export interface TabLayout {
  name: string;
  /** Rectangular: every row has `width` cells. */
  values: GridValue[][];
  merges: GridRange[];
  styles: StyledRange[];
  /** Column widths in pixels, one per column. */
  columnWidths: number[];
  frozenRows: number;
  /** Print set-up: A4 landscape for every form we generate. */
  landscape: boolean;
  /** 0-based rows printed again at the top of every page (a form's column captions); absent = none. */
  printTitleRows?: { first: number; last: number };
  /** 0-based rows that begin a new printed page: every page of a form (print/paginate.ts), mẫu 1 for each cadre of a Ban. */
  pageBreaks?: number[];
  /**
   * Each row's height in points, for a form laid out for paper: the page breaks hold only if rows print this tall.
   * Absent = the adapter's own estimate. Sheets fits rows to their text by itself and takes neither this nor the breaks.
   */
  rowHeights?: number[];
  /** Cells holding the day the form was made ("…, ngày 15 tháng 11 năm 2023"): the same data made another day is the same form. */
  datedCells?: { row: number; column: number }[];
  /** Charts drawn from the tab's own cells (Sheets only: exceljs cannot write charts). */
  charts?: ChartSpec[];
}

/** A stacked bar chart: one bar per label row, one segment per series column; `series` includes its caption row. */
export interface ChartSpec {
  title: string;
  /** One column: the caption row, then one label per bar. */
  labels: GridRange;
  /** Same rows as `labels`; one column per series. */
  series: GridRange;
  /** 0-based cell at the chart's top-left corner. */
  anchor: { row: number; column: number };
}

/**
 * A short key for everything of a layout that Sheets is given but its values (size, merges, styles, widths, frozen
 * rows, charts): when a generated tab is written again with the same key, only its values need writing. Page breaks
 * and row heights are left out: Apps Script sets neither, so a text that wraps to one more line costs no call.
 */
export function layoutStructureKey(layout: TabLayout): string {
  const { values, merges, styles, columnWidths, frozenRows, landscape, printTitleRows, charts } = layout;
  const size = [values.length, values[0]?.length ?? 0];
  return hash53(JSON.stringify([size, merges, styles, columnWidths, frozenRows, landscape, printTitleRows, charts])).toString(36);
}
