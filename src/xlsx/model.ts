import type { CalendarDate } from '../core/calendar-date';
import type { TabLayout } from '../core/grid';
import type { Highlight } from '../core/highlights';
import { MAX_COLUMNS } from './a1';

/**
 * What a loaded workbook is after the port's calls and before it is written: the file's sheets and defined names as
 * read, and the changes asked for. Nothing is written into the package until `save`, which applies these changes
 * to the parts they touch (write/) and copies every other part as it is.
 */

/** A value written into a cell of ours (status texts, appended rows). */
export type CellWrite =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'clear' };

/** Our colouring rules on a tab: over rows firstRow…last, keyed to the status column. */
export interface HighlightPlan {
  firstRow: number;
  statusColumn: number;
  rules: readonly Highlight[];
}

/**
 * Cells to write, keyed by their position (one number per cell, not a map per row: a national check writes a status
 * into 100,000 rows), handed to the writer in row and column order.
 */
export class CellWrites {
  private readonly byKey = new Map<number, CellWrite>();

  static keyOf(row: number, column: number): number {
    return (row - 1) * MAX_COLUMNS + column - 1;
  }

  static rowOf(key: number): number {
    return Math.floor(key / MAX_COLUMNS) + 1;
  }

  static columnOf(key: number): number {
    return (key % MAX_COLUMNS) + 1;
  }

  get size(): number {
    return this.byKey.size;
  }

  set(row: number, column: number, write: CellWrite): void {
    this.byKey.set(CellWrites.keyOf(row, column), write);
  }

  at(key: number): CellWrite | undefined {
    return this.byKey.get(key);
  }

  deleteWhere(test: (row: number, column: number) => boolean): void {
    for (const key of [...this.byKey.keys()]) if (test(CellWrites.rowOf(key), CellWrites.columnOf(key))) this.byKey.delete(key);
  }

  /** Every position written, in row then column order. */
  sortedKeys(): Float64Array {
    return Float64Array.from(this.byKey.keys()).sort();
  }

  forEach(visit: (row: number, column: number, write: CellWrite) => void): void {
    for (const [key, write] of this.byKey) visit(CellWrites.rowOf(key), CellWrites.columnOf(key), write);
  }

  /** The writes of one row, in column order. */
  row(row: number): [number, CellWrite][] {
    const out: [number, CellWrite][] = [];
    for (const [key, write] of this.byKey) if (CellWrites.rowOf(key) === row) out.push([CellWrites.columnOf(key), write]);
    return out.sort(([a], [b]) => a - b);
  }

  get lastRow(): number {
    let last = 0;
    for (const key of this.byKey.keys()) last = Math.max(last, CellWrites.rowOf(key));
    return last;
  }

  get lastColumn(): number {
    let last = 0;
    for (const key of this.byKey.keys()) last = Math.max(last, CellWrites.columnOf(key));
    return last;
  }
}

/**
 * Notes to write, as the port hands them: blocks of a column from its first to its last change, most of whose cells
 * keep their note or have none. Only the non-empty texts are kept one by one (by position number, as cells are);
 * the blocks' areas say where every other cell is to have no note.
 */
export class NoteWrites {
  private readonly texts = new Map<number, string>();
  private readonly areas: { top: number; bottom: number; column: number }[] = [];

  write(row: number, column: number, values: readonly (readonly string[])[]): void {
    const width = values[0]?.length ?? 0;
    for (let c = 0; c < width; c++) this.areas.push({ top: row, bottom: row + values.length - 1, column: column + c });
    values.forEach((line, r) =>
      line.forEach((text, c) => {
        const key = CellWrites.keyOf(row + r, column + c);
        if (text !== '') this.texts.set(key, text);
        else if (this.texts.size > 0) this.texts.delete(key);
      }),
    );
  }

  /** The note written for a cell: its text, '' for none, undefined when this run writes none there. */
  at(row: number, column: number): string | undefined {
    const text = this.texts.get(CellWrites.keyOf(row, column));
    if (text !== undefined) return text;
    return this.areas.some((a) => a.column === column && row >= a.top && row <= a.bottom) ? '' : undefined;
  }

  /** The non-empty notes written, as "row:column" (1-based) and text. */
  nonEmpty(): [string, string][] {
    return [...this.texts].map(([key, text]) => [`${CellWrites.rowOf(key)}:${CellWrites.columnOf(key)}`, text]);
  }

  /** Notes no longer written in the cells `test` picks (their row or column is being emptied whole). */
  forget(test: (row: number, column: number) => boolean): void {
    for (const key of [...this.texts.keys()]) if (test(CellWrites.rowOf(key), CellWrites.columnOf(key))) this.texts.delete(key);
  }

  get empty(): boolean {
    return this.areas.length === 0;
  }

  get anyText(): boolean {
    return this.texts.size > 0;
  }

  /** Each note written, covered cells with none as ''. */
  forEach(visit: (row: number, column: number, text: string) => void): void {
    for (const a of this.areas) for (let row = a.top; row <= a.bottom; row++) visit(row, a.column, this.at(row, a.column)!);
  }
}

/** Changes to one of the file's worksheets. */
export class SheetEdits {
  readonly cells = new CellWrites();
  /** Notes: each cell's whole new text ('' removes it). */
  readonly notes = new NoteWrites();
  /** Rows emptied (values and notes) before the writes above apply. */
  readonly clearedRows = new Set<number>();
  /** A column emptied (values and notes) before the writes above apply: our status column being taken off. */
  clearedColumn: number | null = null;
  /** Our rules: replaced by these, taken off ('remove'), or left as they are (null). */
  highlights: HighlightPlan | 'remove' | null = null;
  /** Give the tab A4 landscape fitted to the width if it has no print set-up of its own. */
  defaultPrint = false;
  /** Our status column (1-based): its texts wrap, within our width when the file gives the column none. */
  statusColumn: number | null = null;

  get empty(): boolean {
    return (
      this.cells.size === 0 && this.notes.empty && this.clearedRows.size === 0 && this.clearedColumn === null && this.highlights === null && !this.defaultPrint
    );
  }
}

/** A dropdown on a tab we create (`dicoso init`). */
export interface ListValidation {
  /** e.g. "B2:B500" */
  sqref: string;
  /** `"a,b,c"` or a reference to the hidden list tab. */
  formula: string;
}

/** A tab this run writes whole: a generated form, or a tab `dicoso init` creates for the person. */
export interface NewTab {
  layout: TabLayout;
  /** Cells written after the layout (appended rows). */
  cells: CellWrites;
  validations: ListValidation[];
  /** Column (1-based) → number format, for rows typed later too. */
  columnFormats: Map<number, string>;
  hidden: boolean;
}

/** A sheet of the workbook in tab order: one of the file's, or one this run adds. */
export interface SheetSlot {
  name: string;
  /** Where the file has it; null for a tab this run adds. */
  input: { name: string; relId: string; part: string; sheetId: number; worksheet: boolean; hidden: boolean; index: number } | null;
  /** Content written whole (a generated tab, new or replacing the file's). */
  content: NewTab | null;
  /** Changes to the file's own sheet. */
  edits: SheetEdits;
  deleted: boolean;
}

/** A defined name, the file's or ours. */
export interface NameSlot {
  name: string;
  formula: string;
  /** The sheet it belongs to, or null for a workbook-wide name. */
  scope: SheetSlot | null;
  /** Its index among the file's names; null for a name this run adds. */
  input: number | null;
  removed: boolean;
}
