import { detectHeader, findTab, ROSTER_COLUMNS, TRIP_COLUMNS } from '../core/columns';
import { visibleValues } from '../core/merges';
import { foldKey } from '../core/text';
import type { BlockReads, RawCell, TabData, Workbook } from './workbook';
import { analyze, editedRowsOf, rowsWithNewStatus, writeEditedRowResults, type Analysis, type AnalyzeOptions, type EditedRows } from './workflow';

/**
 * The live check after an edit (the onEdit simple trigger, 30 seconds at most): the edited rows' results, and those
 * of every trip row and the roster row of the cadres they concern, without reading the whole trips tab. A cadre's
 * days and rounds depend only on that cadre's trips, so the check reads the roster, the trips tab's header, its name
 * (and Ban) column, and the rows whose name folds like the edited cadres' names (namesakes included: a superset is
 * harmless), then evaluates those rows as a whole check would. It reads every row instead (and rewrites the edited
 * rows and every row whose status changed) when the edit could move trips between cadres or change the table: a
 * paste over many rows, an edit of a name or Ban column, of the header, or a tab without our status column yet.
 * test/sheets/live-check.property.test.ts holds that the rows it writes read as a whole check writes them.
 */

export interface LiveEdit {
  tab: string;
  /** 1-based first row and column of the edited range, and its size. */
  row: number;
  rows: number;
  column: number;
  columns: number;
}

export interface LiveCheckResult {
  /** 'rows': the cadres' rows were read; 'full': every row was (see above); 'none': not an input tab. */
  path: 'rows' | 'full' | 'none';
  written: EditedRows;
}

/** A paste over more rows than this is checked by reading the whole tab. */
export const LIVE_MAX_EDITED_ROWS = 20;
/** The cadres' rows are read in at most this many blocks (one call each), joining the closest ones. */
export const LIVE_MAX_BLOCKS = 8;
/** How far apart the name and Ban columns may be and still be read as one block. */
const JOIN_COLUMNS = 4;

export function liveCheck(workbook: Workbook & BlockReads, options: AnalyzeOptions, edit: LiveEdit): LiveCheckResult {
  const none: LiveCheckResult = { path: 'none', written: { trips: new Set(), roster: new Set() } };
  const role = findTab([edit.tab], 'trips') ? 'trips' : findTab([edit.tab], 'roster') ? 'roster' : null;
  // The edit belongs to the tab the workflow finds under that role (another tab may match the same role first).
  if (!role || findTab(workbook.tabNames(), role) !== edit.tab) return none;
  const editedRows = Array.from({ length: edit.rows }, (_, i) => edit.row + i);

  const partial = edit.rows <= LIVE_MAX_EDITED_ROWS ? cadreRowsAnalysis(workbook, options, role, edit) : null;
  if (partial) {
    writeEditedRowResults(workbook, partial.analysis, partial.rows);
    return { path: 'rows', written: partial.rows };
  }

  // Every row read: the edited rows, and every row whose status the edit changed (the cadres a trip left and joined).
  const analysis = analyze(workbook, options);
  if (analysis.tabs[role] !== edit.tab) return none;
  const rows = editedRowsOf(analysis, role, editedRows);
  // Before the first check there is no column of ours to bring up to date: only the edited rows get one.
  const changed = rowsWithNewStatus(analysis);
  for (const r of ['trips', 'roster'] as const) if (analysis.raw[r].ownedColumn !== null) for (const row of changed[r]) rows[r].add(row);
  for (const r of ['trips', 'roster'] as const) analysis.raw[r].notes = notesOf(workbook, analysis.tabs[r], rows[r], widthOf(analysis.raw[r]));
  writeEditedRowResults(workbook, analysis, rows);
  return { path: 'full', written: rows };
}

/**
 * The analysis of the roster and of only the edited cadres' trip rows (every other data row left blank, so it is
 * neither parsed nor written), and the rows to write; null when the edit needs every row read.
 */
function cadreRowsAnalysis(
  workbook: Workbook & BlockReads,
  options: AnalyzeOptions,
  role: 'trips' | 'roster',
  edit: LiveEdit,
): { analysis: Analysis; rows: EditedRows } | null {
  const names = workbook.tabNames();
  const tripsTab = findTab(names, 'trips');
  const rosterTab = findTab(names, 'roster');
  if (!tripsTab || !rosterTab) return null;
  const layout = workbook.readLayout(tripsTab);
  // Without our column yet, where it goes depends on every row: that is a whole check's job.
  if (!layout || layout.ownedColumn === null || layout.rows < 1 || layout.columns < 1) return null;
  const roster = workbook.readTab(rosterTab);
  if (!roster || roster.ownedColumn === null) return null;

  // The trips table's header, from the rows where the workflow looks for it.
  const topRows = Math.min(layout.rows, 25);
  const top = workbook.readBlock(tripsTab, 1, 1, topRows, layout.columns).values;
  const header = detectHeader(visible({ values: top, merges: layout.merges, ownedColumn: layout.ownedColumn }), TRIP_COLUMNS);
  if (!header || header.missing.length > 0) return null;
  const trips: TripsColumns = {
    tab: tripsTab,
    layout,
    firstData: header.headerIndex + 2,
    nameColumn: header.columns.name! + 1,
    banColumn: header.columns.ban === undefined ? null : header.columns.ban + 1,
  };
  const touches = (column: number | null) => column !== null && column >= edit.column && column < edit.column + edit.columns;
  if (edit.row < trips.firstData && edit.tab === tripsTab) return null;

  // Which names the edit concerns.
  let wanted = new Set<string>();
  if (role === 'trips') {
    if (touches(trips.nameColumn) || touches(trips.banColumn)) return null;
  } else {
    const edited = editedRosterNames(roster, edit, touches);
    if (!edited) return null;
    wanted = edited;
  }
  const nameByRow = namesByRow(workbook, trips);
  if (role === 'trips') {
    for (let r = edit.row; r < edit.row + edit.rows; r++) {
      const name = nameByRow.get(r);
      if (name !== undefined) wanted.add(name);
    }
  }
  const toRead = rowsToRead(trips, role, edit, nameByRow, wanted);
  const tripsData = partialTrips(workbook, trips, top, toRead);

  const analysis = analyze(preparedWorkbook(workbook, { [tripsTab]: tripsData, [rosterTab]: roster }), options);
  if (analysis.tabs.trips !== tripsTab || analysis.tabs.roster !== rosterTab) return null;
  // The table the workflow found must be the one the rows were chosen by.
  const found = analysis.trips.table?.header;
  if (!found || found.headerIndex !== header.headerIndex || JSON.stringify(found.columns) !== JSON.stringify(header.columns)) return null;
  const rows = rowsToWrite(analysis, role, edit, toRead, wanted);
  analysis.raw.roster.notes = notesOf(workbook, rosterTab, rows.roster, widthOf(roster));
  return { analysis, rows };
}

/** Where the trips tab keeps what the live check chooses rows by (1-based rows and columns). */
interface TripsColumns {
  tab: string;
  layout: { rows: number; columns: number; merges: TabData['merges']; ownedColumn: number | null };
  firstData: number;
  nameColumn: number;
  banColumn: number | null;
}

/** The folded names on the edited roster rows; null when the edit needs a whole check (a header, a name or a Ban). */
function editedRosterNames(roster: TabData, edit: LiveEdit, touches: (column: number | null) => boolean): Set<string> | null {
  const rosterValues = visible(roster);
  const rosterHeader = detectHeader(rosterValues, ROSTER_COLUMNS);
  if (!rosterHeader || rosterHeader.missing.length > 0 || edit.row <= rosterHeader.headerIndex + 1) return null;
  if (touches(rosterHeader.columns.name! + 1) || touches(rosterHeader.columns.ban === undefined ? null : rosterHeader.columns.ban + 1)) return null;
  const wanted = new Set<string>();
  for (let r = edit.row; r < edit.row + edit.rows; r++) {
    const name = rosterValues[r - 1]?.[rosterHeader.columns.name!];
    if (name !== undefined && name !== '' && name !== null) wanted.add(foldKey(String(name)));
  }
  return wanted;
}

/** The name column (with the Ban column when it is near), as a person sees it through merges: folded name by row. */
function namesByRow(workbook: BlockReads, trips: TripsColumns): Map<number, string> {
  const { layout, firstData, nameColumn, banColumn } = trips;
  const dataRows = layout.rows - firstData + 1;
  const nameByRow = new Map<number, string>();
  if (dataRows <= 0) return nameByRow;
  const near = banColumn !== null && Math.abs(banColumn - nameColumn) <= JOIN_COLUMNS;
  const from = near ? Math.min(nameColumn, banColumn) : nameColumn;
  const to = near ? Math.max(nameColumn, banColumn) : nameColumn;
  const block = workbook.readBlock(trips.tab, firstData, from, dataRows, to - from + 1).values;
  const sparse: RawCell[][] = [];
  block.forEach((line, i) => (sparse[firstData - 1 + i] = placeAt(line, from)));
  const seen = visibleValues(sparse, layout.merges, '' as RawCell);
  for (let r = firstData; r <= layout.rows; r++) {
    const name = seen[r - 1]?.[nameColumn - 1];
    if (name !== undefined && name !== null && name !== '') nameByRow.set(r, foldKey(String(name)));
  }
  return nameByRow;
}

/**
 * The rows to read whole: the edited ones, every row of the wanted names, and the first row of any merge reaching
 * them (a merged cell reads as that row's value).
 */
function rowsToRead(
  trips: TripsColumns,
  role: 'trips' | 'roster',
  edit: LiveEdit,
  nameByRow: ReadonlyMap<number, string>,
  wanted: ReadonlySet<string>,
): Set<number> {
  const toRead = new Set<number>();
  if (role === 'trips') for (let r = edit.row; r < edit.row + edit.rows; r++) if (r >= trips.firstData) toRead.add(r);
  for (const [r, name] of nameByRow) if (wanted.has(name)) toRead.add(r);
  for (const m of trips.layout.merges) {
    for (let r = m.row + 1; r <= m.row + m.rows; r++) {
      if (toRead.has(r) && m.row + 1 >= trips.firstData) {
        toRead.add(m.row + 1);
        break;
      }
    }
  }
  return toRead;
}

/** The trips tab with only `toRead` (and the header rows, as read) filled: every other row blank, neither parsed nor written. */
function partialTrips(workbook: BlockReads, trips: TripsColumns, top: readonly RawCell[][], toRead: ReadonlySet<number>): TabData {
  const { layout, firstData } = trips;
  const values: RawCell[][] = [];
  const notes: string[][] = [];
  for (let r = 0; r < firstData - 1 && r < top.length; r++) values[r] = top[r]!;
  for (const [first, last] of joinedBlocks(
    [...toRead].sort((a, b) => a - b),
    LIVE_MAX_BLOCKS,
  )) {
    const block = workbook.readBlock(trips.tab, first, 1, last - first + 1, layout.columns, { notes: true });
    block.values.forEach((line, i) => {
      values[first - 1 + i] = line;
      notes[first - 1 + i] = block.notes![i]!;
    });
  }
  for (let r = 0; r < layout.rows; r++) values[r] ??= [];
  return { values, notes, merges: layout.merges, ownedColumn: layout.ownedColumn };
}

/**
 * Written: the edited rows, and every trip row and the roster row of each cadre with a wanted name (all their trips
 * were read, so their results are whole; an edited row that now has an error still changes its cadre's).
 */
function rowsToWrite(analysis: Analysis, role: 'trips' | 'roster', edit: LiveEdit, toRead: ReadonlySet<number>, wanted: ReadonlySet<string>): EditedRows {
  const rows: EditedRows = { trips: new Set(), roster: new Set() };
  for (let r = edit.row; r < edit.row + edit.rows; r++) {
    if (role === 'roster') rows.roster.add(r);
    else if (toRead.has(r)) rows.trips.add(r);
  }
  const cadres = new Set<number>();
  for (const c of analysis.roster.cadres) {
    if (!wanted.has(foldKey(c.name))) continue;
    cadres.add(c.index);
    rows.roster.add(c.row);
  }
  for (const t of analysis.trips.trips) if (cadres.has(t.cadre) && toRead.has(t.row)) rows.trips.add(t.row);
  return rows;
}

/** A tab's cells as the workflow reads them: merged cells as their first cell, our column left out. */
function visible(data: TabData): RawCell[][] {
  const seen = visibleValues(data.values, data.merges, '' as RawCell);
  if (data.ownedColumn === null) return seen;
  const c = data.ownedColumn - 1;
  return seen.map((row) => (row && c < row.length ? row.map((v, i) => (i === c ? '' : v)) : row));
}

/** A row read from `column` on, placed at its columns (the cells before it left out of the array). */
function placeAt(line: readonly RawCell[], column: number): RawCell[] {
  const row: RawCell[] = [];
  line.forEach((v, i) => (row[column - 1 + i] = v));
  return row;
}

/**
 * Sorted row numbers as at most `limit` [first, last] blocks: runs of consecutive rows, the closest runs joined
 * until few enough (every row of a joined gap is read too).
 */
export function joinedBlocks(rows: readonly number[], limit: number): [number, number][] {
  const blocks: [number, number][] = [];
  for (const r of rows) {
    const last = blocks[blocks.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else if (!last || r > last[1]) blocks.push([r, r]);
  }
  while (blocks.length > limit) {
    let best = 1;
    for (let i = 2; i < blocks.length; i++) if (blocks[i]![0] - blocks[i - 1]![1] < blocks[best]![0] - blocks[best - 1]![1]) best = i;
    blocks[best - 1]![1] = blocks[best]![1];
    blocks.splice(best, 1);
  }
  return blocks;
}

/** The notes of some rows (1-based), all columns of the data range: in blocks, the rest of the grid left empty. */
function notesOf(workbook: Workbook & BlockReads, tab: string, rows: ReadonlySet<number>, width: number): string[][] {
  const notes: string[][] = [];
  if (width < 1) return notes;
  for (const [first, last] of joinedBlocks(
    [...rows].sort((a, b) => a - b),
    LIVE_MAX_BLOCKS,
  )) {
    workbook.readBlock(tab, first, 1, last - first + 1, width, { notes: true, values: false }).notes!.forEach((line, i) => (notes[first - 1 + i] = line));
  }
  return notes;
}

function widthOf(data: TabData): number {
  return data.values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
}

/** The workbook as analyze sees it, with some tabs' data already read. */
function preparedWorkbook(workbook: Workbook, prepared: Record<string, TabData>): Workbook {
  return new Proxy(workbook, {
    get(target, property, receiver) {
      if (property === 'readTab') return (name: string, options?: Parameters<Workbook['readTab']>[1]) => prepared[name] ?? target.readTab(name, options);
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
