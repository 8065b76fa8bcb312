import { COLORS, statusBackground, statusIsBold } from '../core/colors';
import type { CadreEvaluation } from '../core/evaluate';
import type { PlacedIssue } from '../core/issues';
import { STATUS_LABELS, RATING_LABELS } from '../core/messages';
import type { Table } from '../core/table';
import { mergedNote } from './notes';
import type { TabAnnotations } from './workbook';

interface TabShape {
  tab: string;
  table: Table<string>;
  /** Values as read (to size the data block). */
  values: readonly (readonly unknown[])[];
  /** Existing notes as read ('' where none). */
  notes: readonly (readonly string[])[];
}

/** Where our status column goes: where a previous run put it, else after the last used column. */
export function statusColumnOf(shape: TabShape): { column: number; width: number } {
  const used = shape.values.reduce((max, row) => Math.max(max, row.length), 0);
  const existing = shape.table.header.statusColumn;
  const column = existing !== null ? existing + 1 : used + 1;
  return { column, width: Math.max(used, column) };
}

function notesGrid(shape: TabShape, firstIndex: number, rows: number, width: number, ours: Map<string, string[]>): string[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: width }, (_, c) => mergedNote(shape.notes[firstIndex + r]?.[c] ?? '', ours.get(`${firstIndex + r + 1}:${c + 1}`) ?? [])),
  );
}

function ourNotes(issues: readonly PlacedIssue[], statusColumn: number): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const i of issues) {
    const key = `${i.row}:${i.columnNumber ?? statusColumn}`;
    const list = notes.get(key) ?? [];
    list.push(i.message);
    notes.set(key, list);
  }
  return notes;
}

export function rowStatusText(issues: readonly PlacedIssue[]): string {
  if (issues.length === 0) return 'Hợp lệ';
  const errors = issues.filter((i) => i.level === 'error').map((i) => i.message);
  const warnings = issues.filter((i) => i.level === 'warning').map((i) => i.message);
  return [errors.length ? `Lỗi: ${errors.join(' ')}` : '', warnings.length ? `Lưu ý: ${warnings.join(' ')}` : ''].filter(Boolean).join('\n');
}

/**
 * The trips tab: a status per data row, our notes on offending cells, red/yellow on those cells (and the status
 * cell), nothing on clean cells, so colours left by an earlier run disappear when the row is fixed.
 */
export function tripAnnotations(shape: TabShape, issues: readonly PlacedIssue[], caption: string, onlyRows?: ReadonlySet<number>): TabAnnotations | null {
  const block = dataBlock(shape);
  if (!block) return null;
  const { firstIndex, rows, statusColumn, width } = block;
  const byRow = groupByRow(issues);
  const backgrounds: (string | null)[][] = [];
  const statuses: string[] = [];
  for (let r = 0; r < rows; r++) {
    const sheetRow = firstIndex + r + 1;
    const row = shape.values[firstIndex + r] ?? [];
    const blank = row.every((cell, c) => c === statusColumn - 1 || cell === '' || cell === null || cell === undefined);
    const rowIssues = byRow.get(sheetRow) ?? [];
    statuses.push(blank ? '' : rowStatusText(rowIssues));
    const line: (string | null)[] = Array.from({ length: width }, () => null);
    for (const i of rowIssues) {
      const color = i.level === 'error' ? COLORS.error : COLORS.warning;
      const target = i.columnNumber === null ? null : i.columnNumber - 1;
      if (target === null) line.fill(color);
      else if (line[target] !== COLORS.error) line[target] = color;
    }
    if (rowIssues.length > 0) line[statusColumn - 1] = rowIssues.some((i) => i.level === 'error') ? COLORS.error : COLORS.warning;
    backgrounds.push(line);
  }
  const annotations = assemble(shape, block, caption, issues, statuses, backgrounds);
  return onlyRows ? restrictRows(annotations, onlyRows) : annotations;
}

/** The roster: each cadre's row coloured by status (bold when short of both), with the status and reasons. */
export function rosterAnnotations(
  shape: TabShape,
  issues: readonly PlacedIssue[],
  evaluations: readonly CadreEvaluation[],
  cadreRows: readonly number[],
  caption: string,
): TabAnnotations | null {
  const block = dataBlock(shape);
  if (!block) return null;
  const { firstIndex, rows, width } = block;
  const byRow = groupByRow(issues);
  const evaluationByRow = new Map<number, CadreEvaluation>();
  evaluations.forEach((e) => evaluationByRow.set(cadreRows[e.cadre]!, e));
  const statuses: string[] = [];
  const backgrounds: (string | null)[][] = [];
  const fontWeights: ('bold' | 'normal')[][] = [];
  for (let r = 0; r < rows; r++) {
    const sheetRow = firstIndex + r + 1;
    const evaluation = evaluationByRow.get(sheetRow);
    const rowIssues = byRow.get(sheetRow) ?? [];
    const errors = rowIssues.filter((i) => i.level === 'error');
    let text = '';
    let color: string | null = null;
    let bold = false;
    if (errors.length > 0) {
      text = rowStatusText(rowIssues);
      color = COLORS.error;
    } else if (evaluation) {
      const rating = evaluation.rating ? ` · ${RATING_LABELS[evaluation.rating]}` : '';
      const warnings = rowIssues.length ? `\n${rowStatusText(rowIssues)}` : '';
      const head = evaluation.status === 'exempt' ? '' : `${STATUS_LABELS[evaluation.status]}${rating}`;
      text = [head, evaluation.reasons.join(' ')].filter(Boolean).join(': ') + warnings;
      color = statusBackground(evaluation.status);
      bold = statusIsBold(evaluation.status);
    }
    statuses.push(text);
    backgrounds.push(Array.from({ length: width }, () => color));
    fontWeights.push(Array.from({ length: width }, () => (bold ? 'bold' : 'normal')));
  }
  return { ...assemble(shape, block, caption, issues, statuses, backgrounds), fontWeights };
}

interface DataBlock {
  /** 0-based index in values of the first data row. */
  firstIndex: number;
  rows: number;
  statusColumn: number;
  width: number;
}

/** The data rows below the header, up to the last non-blank one, and where our status column goes; null if none. */
function dataBlock(shape: TabShape): DataBlock | null {
  const firstIndex = shape.table.firstDataIndex;
  const lastIndex = lastDataIndex(shape.values, firstIndex);
  if (lastIndex < firstIndex) return null;
  const { column: statusColumn, width } = statusColumnOf(shape);
  return { firstIndex, rows: lastIndex - firstIndex + 1, statusColumn, width };
}

function assemble(
  shape: TabShape,
  block: DataBlock,
  caption: string,
  issues: readonly PlacedIssue[],
  statuses: string[],
  backgrounds: (string | null)[][],
): TabAnnotations {
  const { firstIndex, rows, statusColumn, width } = block;
  return {
    tab: shape.tab,
    headerRow: shape.table.header.headerIndex + 1,
    firstRow: firstIndex + 1,
    statusColumn,
    statusCaption: caption,
    statuses,
    backgrounds,
    notes: notesGrid(shape, firstIndex, rows, width, ourNotes(issues, statusColumn)),
  };
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

function lastDataIndex(values: readonly (readonly unknown[])[], firstIndex: number): number {
  for (let i = values.length - 1; i >= firstIndex; i--) {
    if ((values[i] ?? []).some((cell) => cell !== '' && cell !== null && cell !== undefined)) return i;
  }
  return firstIndex - 1;
}

/**
 * The same annotations cut down to the smallest block of rows that holds `rows` (sheet rows), for the onEdit check,
 * which must write only what the edit touched.
 */
export function restrictRows(a: TabAnnotations, rows: ReadonlySet<number>): TabAnnotations | null {
  const wanted = [...rows].filter((r) => r >= a.firstRow && r < a.firstRow + a.statuses.length);
  if (wanted.length === 0) return null;
  const from = Math.min(...wanted) - a.firstRow;
  const to = Math.max(...wanted) - a.firstRow + 1;
  return {
    ...a,
    firstRow: a.firstRow + from,
    statuses: a.statuses.slice(from, to),
    backgrounds: a.backgrounds.slice(from, to),
    notes: a.notes.slice(from, to),
    ...(a.fontWeights ? { fontWeights: a.fontWeights.slice(from, to) } : {}),
  };
}
