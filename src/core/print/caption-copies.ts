import type { GridRange, StyledRange, TabLayout } from '../grid';
import type { Pagination } from './paginate';

/**
 * A layout with a copy of a table's caption rows at the top of each page the table runs on to (paginate.ts says
 * where): the rows below move down, ranges that span the copy grow over it, and the copy is merged as its captions
 * are and given their own style ranges again, last (clipped to them), so that they win over the table's as they do.
 */
export function withCaptionCopies(
  layout: TabLayout,
  heights: readonly number[],
  pagination: Pagination,
): { layout: TabLayout; heights: number[]; breaks: number[] } {
  if (pagination.copies.length === 0) return { layout, heights: [...heights], breaks: pagination.breaks };
  const copies = [...pagination.copies].sort((a, b) => a.before - b.before);
  /** Rows inserted before original row `row`. */
  const shift = (row: number) => {
    let rows = 0;
    for (const c of copies) if (c.before <= row) rows += c.table.last - c.table.first + 1;
    return rows;
  };
  const moved = (row: number) => row + shift(row);
  const movedRange = (r: GridRange): GridRange => {
    const first = moved(r.row);
    return { ...r, row: first, rows: moved(r.row + r.rows - 1) - first + 1 };
  };

  const values: TabLayout['values'] = [];
  const rowHeights: number[] = [];
  let next = 0;
  for (const { before, table } of copies) {
    for (; next < before; next++) {
      values.push(layout.values[next]!);
      rowHeights.push(heights[next]!);
    }
    for (let r = table.first; r <= table.last; r++) {
      values.push([...layout.values[r]!]);
      rowHeights.push(heights[r]!);
    }
  }
  for (; next < layout.values.length; next++) {
    values.push(layout.values[next]!);
    rowHeights.push(heights[next]!);
  }

  const merges = layout.merges.map(movedRange);
  const styles: StyledRange[] = layout.styles.map((s) => ({ range: movedRange(s.range), style: s.style }));
  for (const { before, table } of copies) {
    const at = moved(before) - (table.last - table.first + 1);
    const offset = at - moved(table.first);
    for (const m of layout.merges) if (m.row >= table.first && m.row + m.rows - 1 <= table.last) merges.push({ ...m, row: moved(m.row) + offset });
    for (const s of layout.styles) {
      const top = Math.max(s.range.row, table.first);
      const bottom = Math.min(s.range.row + s.range.rows - 1, table.last);
      // A range over the whole table (its borders, its font) has grown over the copy already: given again, it would
      // cost Sheets a call per page.
      const spansCopy = s.range.row <= table.first && s.range.row + s.range.rows > before;
      if (top <= bottom && !spansCopy) styles.push({ range: { ...s.range, row: moved(top) + offset, rows: bottom - top + 1 }, style: s.style });
    }
  }
  const copyAt = new Map(copies.map((c) => [c.before, moved(c.before) - (c.table.last - c.table.first + 1)]));
  const breaks = pagination.breaks.map((b) => copyAt.get(b) ?? moved(b));
  const result: TabLayout = {
    ...layout,
    values,
    merges,
    styles,
    ...(layout.printTitleRows ? { printTitleRows: { first: moved(layout.printTitleRows.first), last: moved(layout.printTitleRows.last) } } : {}),
    ...(layout.datedCells ? { datedCells: layout.datedCells.map((d) => ({ ...d, row: moved(d.row) })) } : {}),
    ...(layout.charts
      ? {
          charts: layout.charts.map((c) => ({
            ...c,
            labels: movedRange(c.labels),
            series: movedRange(c.series),
            anchor: { ...c.anchor, row: moved(c.anchor.row) },
          })),
        }
      : {}),
  };
  return { layout: result, heights: rowHeights, breaks };
}
