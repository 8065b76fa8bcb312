import { midnightIn } from './memory-workbook';
import type { RawCell, ReadOptions, TabData, TabSource, WriteCell } from './workbook';

/**
 * A workbook's tabs as read once: each tab is read from the workbook the first time it is asked for (with the same
 * options) and answered from memory after. A row the action appended itself is added with `appended`, as the
 * spreadsheet would read it back, so the action can analyze the workbook after its write without reading it again
 * (saving a trip answers with the cadre's progress card that way).
 */
export class RememberedReads implements TabSource {
  private readonly reads = new Map<string, TabData | null>();
  private names: string[] | null = null;

  constructor(private readonly workbook: TabSource) {}

  get dateTimeZone(): string {
    return this.workbook.dateTimeZone;
  }

  tabNames(): string[] {
    this.names ??= this.workbook.tabNames();
    return [...this.names];
  }

  readTab(name: string, options: ReadOptions = {}): TabData | null {
    const key = readKey(name, options);
    if (!this.reads.has(key)) this.reads.set(key, this.workbook.readTab(name, options));
    return this.reads.get(key) ?? null;
  }

  /** Row `row` (1-based) of `tab` now holds `cells`, as appendRows wrote them, in every read of that tab remembered. */
  appended(tab: string, row: number, cells: readonly WriteCell[]): void {
    const values = cells.map((cell) => readBack(cell, this.dateTimeZone));
    for (const [key, data] of this.reads) {
      if (data && key.startsWith(`${tab}\u0000`)) this.reads.set(key, withRow(data, row, values));
    }
  }
}

function readKey(name: string, options: ReadOptions): string {
  return `${name}\u0000${options.notes === true}\u0000${options.valuesOnly === true}`;
}

/** A written cell as a read returns it: a date cell reads as its midnight in the workbook's zone. */
function readBack(cell: WriteCell, timeZone: string): RawCell {
  return cell !== null && typeof cell === 'object' ? midnightIn(cell.date, timeZone) : cell;
}

/** The tab's data with row `row` holding `values` (rows between read as blank), its notes blank on that row. */
function withRow(data: TabData, row: number, values: readonly RawCell[]): TabData {
  const width = data.values.reduce((w, r) => Math.max(w, r.length), values.length);
  const padded = (cells: readonly RawCell[]): RawCell[] => Array.from({ length: width }, (_, c) => cells[c] ?? '');
  const rows = [...data.values];
  while (rows.length < row - 1) rows.push(padded([]));
  rows[row - 1] = padded(values);
  const notes = data.notes ? [...data.notes] : undefined;
  if (notes) {
    while (notes.length < row) notes.push([]);
    notes[row - 1] = values.map(() => '');
  }
  return { ...data, values: rows, ...(notes ? { notes } : {}) };
}
