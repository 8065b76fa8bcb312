import { A4_POINTS, POINTS_PER_PIXEL } from '../../core/print/page';

/**
 * How many pages wide a tab we give a print set-up (an input tab that had none: A4 landscape, fitted to the width)
 * prints. One page wide when the font still prints at a readable size; else as few pages as keep it so. A wide table
 * squeezed onto one page's width prints everything in it too small to read (issue 20: the trips tab).
 */

/** The smallest printed font size, in points, counted readable (a common floor for printed body text). */
export const READABLE_POINTS = 8;

export interface TabWidth {
  /** The file's `<col>` elements: width in characters, null when absent; hidden columns do not print. */
  columns: readonly { min: number; max: number; width: number | null; hidden: boolean }[];
  /** `sheetFormatPr`'s defaultColWidth, in characters (Excel's 8.43 when absent). */
  defaultWidth: number | null;
  /** The last column that prints (1-based). */
  lastColumn: number;
  /** Left and right margins in inches (`pageMargins`; Excel's normal 0.7 each when absent). */
  margins: { left: number; right: number } | null;
  /** The workbook's default font size in points. */
  fontSize: number;
}

const EXCEL_DEFAULT_WIDTH = 8.43;
const EXCEL_DEFAULT_MARGIN = 0.7;
/** Excel's column width unit: the widest digit of the default font (7 pixels for Calibri 11), plus 5 pixels of padding. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING_PX = 5;

/** The width of columns 1…lastColumn as printed at 100 %, in points. */
export function printedWidth(tab: Pick<TabWidth, 'columns' | 'defaultWidth' | 'lastColumn'>): number {
  let points = 0;
  for (let column = 1; column <= tab.lastColumn; column++) {
    const col = tab.columns.find((c) => column >= c.min && column <= c.max);
    if (col?.hidden) continue;
    const characters = col?.width ?? tab.defaultWidth ?? EXCEL_DEFAULT_WIDTH;
    points += (characters * PIXELS_PER_CHARACTER + COLUMN_PADDING_PX) * POINTS_PER_PIXEL;
  }
  return points;
}

/** `fitToWidth` for A4 landscape: the fewest pages across at which the default font prints at READABLE_POINTS or more. */
export function readablePagesWide(tab: TabWidth): number {
  const margins = tab.margins ?? { left: EXCEL_DEFAULT_MARGIN, right: EXCEL_DEFAULT_MARGIN };
  const page = A4_POINTS.long - (margins.left + margins.right) * 72;
  const smallest = Math.min(1, READABLE_POINTS / tab.fontSize);
  return Math.max(1, Math.ceil((printedWidth(tab) * smallest) / page - 1e-9));
}
