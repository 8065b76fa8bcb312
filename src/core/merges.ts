import type { GridRange } from './grid';

/**
 * A tab's values as a person sees them: every cell of a merged range shows the merge's first cell (Sheets' getValues
 * and exceljs both give '' there). Reading a merged "Họ và tên" over three trip rows then gives the name on each row.
 * The input is not changed; rows are copied only where a merge reaches them.
 */
export function visibleValues<T>(values: readonly (readonly T[])[], merges: readonly GridRange[], blank: T): T[][] {
  const out = values as T[][];
  let copied: T[][] | null = null;
  for (const m of merges) {
    const master = values[m.row]?.[m.column];
    if (master === undefined || master === blank || (master as unknown) === '' || master === null) continue;
    copied ??= values.map((row) => row as T[]);
    for (let r = m.row; r < m.row + m.rows && r < values.length; r++) {
      const row = (copied[r] = [...(copied[r] ?? [])]);
      for (let c = m.column; c < m.column + m.columns; c++) if (r !== m.row || c !== m.column) row[c] = master;
    }
  }
  return copied ?? out;
}

/** Whether the 0-based cell lies inside a merge without being its first cell (where Sheets shows nothing of its own). */
export function isMergedAway(merges: readonly GridRange[], row: number, column: number): boolean {
  return merges.some(
    (m) => row >= m.row && row < m.row + m.rows && column >= m.column && column < m.column + m.columns && (row !== m.row || column !== m.column),
  );
}

/** The last 0-based column any merge touching rows first…last reaches, or -1. */
export function mergesRightEdge(merges: readonly GridRange[], first: number, last: number): number {
  let edge = -1;
  for (const m of merges) if (m.row <= last && m.row + m.rows - 1 >= first) edge = Math.max(edge, m.column + m.columns - 1);
  return edge;
}
