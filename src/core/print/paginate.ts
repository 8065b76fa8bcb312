/**
 * Where a form's printed pages begin. Excel and LibreOffice honour a manual page break as long as the page before it
 * fits, so a form that states every break prints the same pages in both: a page never ends on the table's captions,
 * a row kept with the one above (the signature with the table's last row, a Ban's heading with its first trip)
 * never begins one, and a table that runs on repeats its captions at the top of the next page.
 */

export interface PrintRules {
  /** Rows that may not begin a page: each stays with the row above it. */
  glued: ReadonlySet<number>;
  /** Rows that always begin a page (the next cadre's mẫu 1 in a Ban's stack). */
  forced: readonly number[];
  /** Rows printed again at the top of every page after them (the print titles of a single table). */
  titles?: { first: number; last: number };
  /**
   * Tables whose captions (rows first…last) are copied to the top of each page they run on to, up to row `end`
   * (exclusive): the mẫu 1 of several cadres on one tab, where print titles (one range per tab) cannot serve.
   */
  continued: readonly ContinuedTable[];
}

export interface ContinuedTable {
  first: number;
  last: number;
  end: number;
}

export interface Pagination {
  /** Rows that begin a page, ascending (row 0 never listed). */
  breaks: number[];
  /** Rows before which a copy of a table's captions is printed (each also a break). */
  copies: { before: number; table: ContinuedTable }[];
}

/**
 * Pages of at most `capacity` points, rows of `heights` points, filled in order. A row that does not fit begins the
 * next page, unless it is glued: then the page begins at the first row of its glued run, if that run began on this
 * page (a run taller than a page is broken where it overflows).
 */
export function paginate(heights: readonly number[], capacity: number, rules: PrintRules): Pagination {
  const forced = new Set(rules.forced.filter((r) => r > 0));
  const breaks: number[] = [];
  const copies: Pagination['copies'] = [];
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, h) => a + h, 0);
  const titleHeight = rules.titles ? sum(rules.titles.first, rules.titles.last + 1) : 0;
  const tableAt = (row: number) => rules.continued.find((t) => row > t.last && row < t.end);
  /** What a page beginning at `row` prints above it: the print titles, or a copy of its table's captions. */
  const above = (row: number) => {
    if (rules.titles && row > rules.titles.last) return titleHeight;
    const table = tableAt(row);
    return table ? sum(table.first, table.last + 1) : 0;
  };
  let pageStart = 0;
  let fill = 0;
  const begin = (row: number) => {
    breaks.push(row);
    const table = rules.titles ? undefined : tableAt(row);
    if (table) copies.push({ before: row, table });
    pageStart = row;
    fill = above(row);
  };
  for (let r = 0; r < heights.length; r++) {
    if (forced.has(r)) begin(r);
    const h = heights[r]!;
    if (fill + h > capacity && r > pageStart) {
      let start = r;
      while (start > pageStart && rules.glued.has(start)) start--;
      if (start === pageStart) start = r;
      begin(start);
      fill += sum(start, r);
      if (fill + h > capacity && start < r) {
        // What is kept together does not fit below the repeated captions: break where it overflows after all.
        breaks.pop();
        if (copies[copies.length - 1]?.before === start) copies.pop();
        begin(r);
      }
    }
    fill += h;
  }
  return { breaks, copies };
}
