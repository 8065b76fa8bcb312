/**
 * The printed page every generated tab is set up for, in one place: the .xlsx writer writes these margins and this
 * paper, and the forms' page breaks are computed against the same area (paginate.ts).
 */

/** ISO 216 A4 (210 × 297 mm) in points; `landscape` swaps the sides. */
export const A4_POINTS = { short: 595.28, long: 841.89 } as const;

/** Margins in inches, as SpreadsheetML's `pageMargins` takes them (Excel's "Narrow" sides, its normal top and bottom). */
export const PRINT_MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

const POINTS_PER_INCH = 72;
/** A column width in screen pixels (96 per inch, as the layouts give them) in points. */
export const POINTS_PER_PIXEL = 0.75;

/** The area rows are printed in, in points at 100 %: the paper less its margins (the header and footer sit inside them). */
export function printableArea(landscape: boolean): { width: number; height: number } {
  const [width, height] = landscape ? [A4_POINTS.long, A4_POINTS.short] : [A4_POINTS.short, A4_POINTS.long];
  const m = PRINT_MARGINS;
  return { width: width - (m.left + m.right) * POINTS_PER_INCH, height: height - (m.top + m.bottom) * POINTS_PER_INCH };
}

/**
 * The scale "fit to one page wide" prints at: 1 when the columns fit, else the ratio of the page's width to theirs.
 * Excel and LibreOffice round it down to a whole percent, so this is never smaller than the scale they use, and
 * a page computed at it never holds more rows than theirs.
 */
export function fitToWidthScale(columnWidthsPx: readonly number[], landscape: boolean): number {
  const columns = columnWidthsPx.reduce((sum, px) => sum + px, 0) * POINTS_PER_PIXEL;
  return columns <= 0 ? 1 : Math.min(1, printableArea(landscape).width / columns);
}
