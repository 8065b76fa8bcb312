import type { CadreEvaluation } from '../core/evaluate';
import type { GridRange } from '../core/grid';
import { STATUS_PREFIX, TRIP_HIGHLIGHTS, type Highlight } from '../core/highlights';
import type { PlacedIssue } from '../core/issues';
import { isMergedAway, mergesRightEdge } from '../core/merges';
import { OWN_CAPTION_MARK } from '../core/messages';
import { isExampleRow, type Table } from '../core/table';
import { foldKey } from '../core/text';
import { hasOurLines, mergedNote, userPartOf } from './notes';
import type { CellBlock, TabAnnotations, TabUnmarking } from './workbook';

/**
 * What the check writes on an input tab, reduced to what changes: our status column's cells, the notes whose text
 * differs (the user's part of each note kept), and the colouring rules keyed to our status column. A user's value,
 * fill, font or border is never part of it.
 */

export interface TabShape {
  tab: string;
  table: Table<string>;
  /** Values as read (merged cells blank but for their first cell). */
  values: readonly (readonly unknown[])[];
  /** Notes as read ('' where none); may be partial (the live check reads only the rows it rewrites). */
  notes: readonly (readonly string[] | undefined)[];
  merges: readonly GridRange[];
  /** Our status column, found by our marker; null on a first run. */
  ownedColumn: number | null;
}

const isBlank = (cell: unknown) => cell === '' || cell === null || cell === undefined;

/** The 0-based last column of the table: its header's last caption, or a merge reaching further across its rows. */
function tableRightEdge(shape: TabShape, lastIndex: number): number {
  const header = shape.values[shape.table.header.headerIndex] ?? [];
  let edge = -1;
  for (let c = header.length - 1; c >= 0; c--) {
    if (!isBlank(header[c])) {
      edge = c;
      break;
    }
  }
  for (const c of Object.values(shape.table.header.columns) as number[]) edge = Math.max(edge, c);
  return Math.max(edge, mergesRightEdge(shape.merges, shape.table.header.headerIndex, lastIndex));
}

/** The 0-based last row with content in the table's columns (a stray far-away cell does not stretch the block). */
function lastDataIndex(shape: TabShape): number {
  const { firstDataIndex } = shape.table;
  const edge = tableRightEdge(shape, shape.values.length - 1);
  const owned = shape.ownedColumn === null ? -1 : shape.ownedColumn - 1;
  for (let i = shape.values.length - 1; i >= firstDataIndex; i--) {
    const row = shape.values[i];
    if (!row) continue;
    for (let c = Math.min(row.length - 1, edge); c >= 0; c--) if (c !== owned && !isBlank(row[c])) return i;
  }
  return firstDataIndex - 1;
}

/**
 * Where our status column is: where our marker says, else the first column past the table, past every merge that
 * touches its rows, and empty from the header down to the last data row (a user's own column is never taken).
 */
export function statusColumnOf(shape: TabShape, lastIndex: number): number {
  if (shape.ownedColumn !== null) return shape.ownedColumn;
  const first = shape.table.header.headerIndex;
  let c = tableRightEdge(shape, lastIndex) + 1;
  const occupied = (column: number) => {
    for (let r = first; r <= lastIndex; r++) if (!isBlank(shape.values[r]?.[column])) return true;
    return shape.merges.some((m) => column >= m.column && column < m.column + m.columns && m.row <= lastIndex && m.row + m.rows - 1 >= first);
  };
  while (occupied(c)) c++;
  return c + 1;
}

export function rowStatusText(issues: readonly PlacedIssue[]): string {
  if (issues.length === 0) return STATUS_PREFIX.valid;
  const errors = issues.filter((i) => i.level === 'error').map((i) => i.message);
  const warnings = issues.filter((i) => i.level === 'warning').map((i) => i.message);
  return [errors.length ? `${STATUS_PREFIX.error}: ${errors.join(' ')}` : '', warnings.length ? `${STATUS_PREFIX.warning}: ${warnings.join(' ')}` : '']
    .filter(Boolean)
    .join('\n');
}

/**
 * The trips tab: a status per data row (and, where the sheet keeps approvals, where the registration stands, from
 * `rowLines`, by 1-based row), our notes on the offending cells.
 */
export function tripAnnotations(
  shape: TabShape,
  issues: readonly PlacedIssue[],
  caption: string,
  onlyRows?: ReadonlySet<number>,
  rowLines: ReadonlyMap<number, string> = new Map(),
): TabAnnotations | null {
  const lastIndex = lastDataIndex(shape);
  const byRow = groupByRow(issues);
  const statusFor = (index: number) => {
    const row = shape.values[index] ?? [];
    const owned = shape.ownedColumn === null ? -1 : shape.ownedColumn - 1;
    const blank = row.every((cell, c) => c === owned || isBlank(cell));
    if (blank) return '';
    if (isExampleRow(shape.table, row)) return STATUS_PREFIX.example;
    const line = rowLines.get(index + 1);
    return rowStatusText(byRow.get(index + 1) ?? []) + (line ? `\n${line}` : '');
  };
  return annotations(shape, lastIndex, caption, issues, statusFor, TRIP_HIGHLIGHTS, onlyRows);
}

/** The roster: each cadre's verdict and reasons; rows in error say why. Colours come from the rules. */
export function rosterAnnotations(
  shape: TabShape,
  issues: readonly PlacedIssue[],
  evaluations: readonly CadreEvaluation[],
  cadreRows: readonly number[],
  caption: string,
  highlights: readonly Highlight[],
  onlyRows?: ReadonlySet<number>,
): TabAnnotations | null {
  const lastIndex = lastDataIndex(shape);
  const byRow = groupByRow(issues);
  const evaluationByRow = new Map<number, CadreEvaluation>();
  evaluations.forEach((e) => evaluationByRow.set(cadreRows[e.cadre]!, e));
  // The one verdict first (its words colour the row), then the reasons; a row's errors come before it all.
  const statusFor = (index: number) => {
    const rowIssues = byRow.get(index + 1) ?? [];
    const evaluation = evaluationByRow.get(index + 1);
    const hasError = rowIssues.some((i) => i.level === 'error');
    if (!evaluation && isExampleRow(shape.table, shape.values[index] ?? [])) return STATUS_PREFIX.example;
    if (!evaluation) return hasError ? rowStatusText(rowIssues) : '';
    const verdict = [evaluation.verdictLabel, evaluation.reasons.join(' ')].filter(Boolean).join(': ');
    if (hasError) return `${rowStatusText(rowIssues)}\n${verdict}`;
    return verdict + (rowIssues.length ? `\n${rowStatusText(rowIssues)}` : '');
  };
  return annotations(shape, lastIndex, caption, issues, statusFor, highlights, onlyRows);
}

function annotations(
  shape: TabShape,
  lastIndex: number,
  caption: string,
  issues: readonly PlacedIssue[],
  statusFor: (index: number) => string,
  rules: readonly Highlight[],
  onlyRows: ReadonlySet<number> | undefined,
): TabAnnotations | null {
  const { firstDataIndex, header } = shape.table;
  if (lastIndex < firstDataIndex && shape.ownedColumn === null) return null;
  const statusColumn = statusColumnOf(shape, lastIndex);
  const sc = statusColumn - 1;
  const wanted = (index: number) => !onlyRows || onlyRows.has(index + 1);

  // Our column: the caption, a status per data row, and '' below them where an earlier, longer run wrote.
  const changes: { index: number; text: string }[] = [];
  const ownCaption = captionBesideUsers(shape, caption, sc);
  if (String(shape.values[header.headerIndex]?.[sc] ?? '') !== ownCaption) changes.push({ index: header.headerIndex, text: ownCaption });
  const end = Math.max(lastIndex, shape.ownedColumn === null ? -1 : lastOwnedIndex(shape, sc));
  for (let i = firstDataIndex; i <= end; i++) {
    if (!wanted(i)) continue;
    const text = i <= lastIndex ? statusFor(i) : '';
    if (String(shape.values[i]?.[sc] ?? '') !== text) changes.push({ index: i, text });
  }
  const statusCells = columnBlocks(shape, changes, statusColumn, wanted);

  const notes = noteChanges(shape, issues, statusColumn, wanted);
  const highlights = onlyRows ? undefined : { firstRow: firstDataIndex + 1, rules };
  return { tab: shape.tab, statusColumn, statusCells, notes, ...(highlights ? { highlights } : {}) };
}

/**
 * Our caption, marked as the add-on's when a user's own column on the header row already reads the same (last year's
 * self-assessment, a column an earlier version wrote): two columns of one name would leave the reader guessing whose
 * is whose. Decided from the header alone, so every run (and the live check) writes the same caption.
 */
function captionBesideUsers(shape: TabShape, caption: string, statusIndex: number): string {
  const header = shape.values[shape.table.header.headerIndex] ?? [];
  const taken = header.some((cell, c) => c !== statusIndex && typeof cell === 'string' && foldKey(cell) === foldKey(caption));
  return taken ? `${caption} ${OWN_CAPTION_MARK}` : caption;
}

function lastOwnedIndex(shape: TabShape, column: number): number {
  for (let i = shape.values.length - 1; i >= 0; i--) if (!isBlank(shape.values[i]?.[column])) return i;
  return -1;
}

/**
 * The changed cells of one column (changes in row order) as the smallest blocks holding them, split wherever a row in
 * between is not one being written: with only some rows read (the live check), a row outside them has no known text
 * to write back. A whole check writes one block. Unchanged cells inside a block keep their text.
 */
function columnBlocks(
  shape: TabShape,
  changes: readonly { index: number; text: string }[],
  column: number,
  wanted: (index: number) => boolean,
): CellBlock<string>[] {
  const byIndex = new Map(changes.map((c) => [c.index, c.text]));
  return spans(
    changes.map((c) => c.index),
    wanted,
  ).map(([first, last]) => ({
    row: first + 1,
    column,
    values: Array.from({ length: last - first + 1 }, (_, r) => [byIndex.get(first + r) ?? String(shape.values[first + r]?.[column - 1] ?? '')]),
  }));
}

/** Sorted indexes grouped into [first, last] spans that hold only wanted indexes in between. */
function spans(indexes: readonly number[], wanted: (index: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && gapWanted(last[1], i, wanted)) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

function gapWanted(from: number, to: number, wanted: (index: number) => boolean): boolean {
  for (let i = from + 1; i < to; i++) if (!wanted(i)) return false;
  return true;
}

/**
 * Each note that must change: our lines on the offending cells (on our status cell when the cell is merged away or
 * the issue names no column), and our old lines taken off every other cell. A note's own lines stay word for word.
 */
function noteChanges(shape: TabShape, issues: readonly PlacedIssue[], statusColumn: number, wanted: (index: number) => boolean): CellBlock<string>[] {
  const ours = new Map<string, string[]>();
  for (const i of issues) {
    const index = i.row - 1;
    if (!wanted(index)) continue;
    let column = i.columnNumber ?? statusColumn;
    if (isMergedAway(shape.merges, index, column - 1)) column = statusColumn;
    const key = `${index}:${column - 1}`;
    ours.set(key, [...(ours.get(key) ?? []), i.message]);
  }
  const existing = (r: number, c: number) => shape.notes[r]?.[c] ?? '';
  const changed = new Map<string, string>();
  shape.notes.forEach((row, r) =>
    row?.forEach((note, c) => {
      if (!wanted(r) || !hasOurLines(note) || ours.has(`${r}:${c}`)) return;
      changed.set(`${r}:${c}`, userPartOf(note));
    }),
  );
  for (const [key, lines] of ours) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    const note = mergedNote(existing(r, c), lines);
    if (note !== existing(r, c)) changed.set(key, note);
  }
  return noteBlocks(changed, existing, wanted);
}

/**
 * The changed notes (by "row:column", 0-based), per column from its first to its last change (split, as status cells
 * are, where a row in between is not being written), columns in order; unchanged cells inside a block keep their note.
 */
function noteBlocks(
  changed: ReadonlyMap<string, string>,
  existing: (r: number, c: number) => string,
  wanted: (index: number) => boolean = () => true,
): CellBlock<string>[] {
  const rowsByColumn = new Map<number, number[]>();
  for (const key of changed.keys()) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    (rowsByColumn.get(c) ?? rowsByColumn.set(c, []).get(c)!).push(r);
  }
  return [...rowsByColumn]
    .sort(([a], [b]) => a - b)
    .flatMap(([c, rows]) =>
      spans(
        rows.sort((a, b) => a - b),
        wanted,
      ).map(([top, bottom]) => ({
        row: top + 1,
        column: c + 1,
        values: Array.from({ length: bottom - top + 1 }, (_, r) => [changed.get(`${top + r}:${c}`) ?? existing(top + r, c)]),
      })),
    );
}

/** "Xóa đánh dấu của tiện ích": our column emptied and unmarked, our lines taken off every note. */
export function unmarking(tab: string, notes: readonly (readonly string[] | undefined)[], ownedColumn: number | null): TabUnmarking {
  const changed = new Map<string, string>();
  notes.forEach((row, r) =>
    row?.forEach((note, c) => {
      if (hasOurLines(note)) changed.set(`${r}:${c}`, userPartOf(note));
    }),
  );
  return { tab, statusColumn: ownedColumn, notes: noteBlocks(changed, (r, c) => notes[r]?.[c] ?? '') };
}

function groupByRow(issues: readonly PlacedIssue[]): Map<number, PlacedIssue[]> {
  const byRow = new Map<number, PlacedIssue[]>();
  for (const i of issues) {
    const list = byRow.get(i.row) ?? [];
    list.push(i);
    byRow.set(i.row, list);
  }
  return byRow;
}
