import { daysInclusive, type CalendarDate } from './calendar-date';
import { STATUS_CAPTIONS, TRIP_COLUMNS, type TripColumnKey } from './columns';
import { parseDateCell, parseDateRange, type DateParse } from './date-parse';
import type { PlacedIssue } from './issues';
import { messages } from './messages';
import type { Cadre, ProcessColumns, Trip } from './model';
import { createNameIndex, matchName, type NameIndex } from './names';
import type { Policy } from './policy';
import { PRESETS } from './presets';
import { cellIssue, cellOf, isBlankRow, locateTable, textOf, type Table, type TableInput } from './table';
import { foldKey } from './text';
import { CONTENT_KINDS, contentKindCaption, parseContentKind, parseTripStatus, parseYes, type ContentNumbering } from './vocabulary';
import type { ReadOptions } from './read-roster';

export interface TripsRead {
  trips: Trip[];
  issues: PlacedIssue[];
  table: Table<TripColumnKey> | null;
  processColumns: ProcessColumns;
  /** Non-blank data rows seen (with or without errors). */
  rowsRead: number;
}

export interface TripReadOptions extends ReadOptions {
  policy: Policy;
  /** Calendar date of "today": a blank status means done when the trip ended on or before it. */
  today: CalendarDate;
}

/** Reads the Đi cơ sở tab. A row with an error is reported and left out: it counts nowhere until fixed. */
export function readTrips(input: TableInput, cadres: readonly Cadre[], options: TripReadOptions): TripsRead {
  const noColumns: ProcessColumns = { registeredOn: false, confirmed: false, reported: false, score: false, evidence: false };
  const located = locateTable(input, TRIP_COLUMNS, STATUS_CAPTIONS.trips);
  if (!located.ok) return { trips: [], issues: [located.issue], table: null, processColumns: noColumns, rowsRead: 0 };
  const table = located.table;
  const has = (key: TripColumnKey) => table.header.columns[key] !== undefined;
  const processColumns: ProcessColumns = {
    registeredOn: has('registeredOn'),
    confirmed: has('confirmed'),
    reported: has('reported'),
    score: has('score'),
    evidence: has('evidence'),
  };
  const index = createNameIndex(cadres);
  const otherNumberings = Object.values(PRESETS).map((p) => p.policy.numbering);
  const kindChoices = CONTENT_KINDS.map((k) => contentKindCaption(k, options.policy.numbering));
  const trips: Trip[] = [];
  const issues: PlacedIssue[] = [];
  let rowsRead = 0;
  const context: RowContext = { table, cadres, index, options, otherNumberings, kindChoices };

  for (let i = table.firstDataIndex; i < input.values.length; i++) {
    const row = input.values[i]!;
    if (isBlankRow(row) || isOnlyOurs(table, row)) continue;
    rowsRead++;
    const { trip, rowIssues } = readTripRow(context, row, i);
    issues.push(...rowIssues);
    if (trip) trips.push(trip);
  }
  return { trips, issues, table, processColumns, rowsRead };
}

interface RowContext {
  table: Table<TripColumnKey>;
  cadres: readonly Cadre[];
  index: NameIndex;
  options: TripReadOptions;
  otherNumberings: ContentNumbering[];
  kindChoices: string[];
}

/** A row whose only content is an STT number or our own status column is an unused numbered row. */
function isOnlyOurs(table: Table<TripColumnKey>, row: readonly unknown[]): boolean {
  const stt = table.header.columns.stt;
  const status = table.header.statusColumn;
  return row.every((cell, c) => c === stt || c === status || cell === '' || cell === null || cell === undefined);
}

function readTripRow(ctx: RowContext, row: readonly unknown[], i: number): { trip: Trip | null; rowIssues: PlacedIssue[] } {
  const { table, options } = ctx;
  const rowIssues: PlacedIssue[] = [];
  const error = (key: TripColumnKey, code: PlacedIssue['code'], message: string) =>
    rowIssues.push(cellIssue(table, i, key, 'error', code, message));
  const caption = (key: TripColumnKey) => table.captions[key] ?? TRIP_COLUMNS.find((c) => c.key === key)!.caption;

  // Cadre
  const name = textOf(table, row, 'name');
  let cadre: number | null = null;
  if (name === '') error('name', 'missing-value', messages.missingValue(caption('name')));
  else {
    const match = matchName(ctx.index, name, textOf(table, row, 'ban') || undefined);
    if (match.kind === 'found') cadre = match.index;
    else if (match.kind === 'ambiguous') error('name', 'ambiguous-cadre', messages.ambiguousCadre(name, match.indexes.map((k) => ctx.cadres[k]!.ban)));
    else error('name', 'unknown-cadre', messages.unknownCadre(name, match.suggestion));
  }

  // Content kind
  const kindCell = cellOf(table, row, 'kind');
  const kind = parseContentKind(kindCell, options.policy.numbering, ctx.otherNumberings);
  if (kind === null) {
    if (textOf(table, row, 'kind') === '') error('kind', 'missing-value', messages.missingValue(caption('kind')));
    else error('kind', 'unknown-content', messages.unknownContent(kindCell, ctx.kindChoices));
  }

  // Window: two cells, or a range typed in the Từ ngày cell with Đến ngày blank
  const window = readWindow(ctx, row, i, rowIssues);

  // Declared days
  let declaredDays: number | null = null;
  const daysCell = cellOf(table, row, 'days');
  const daysText = textOf(table, row, 'days');
  if (daysText !== '') {
    const parsed = parseDeclaredDays(daysCell);
    if (parsed === null) error('days', 'days-invalid', messages.daysInvalid(daysCell));
    else {
      declaredDays = parsed;
      if (window) {
        const length = daysInclusive(window.from, window.to);
        if (length >= 1 && parsed > length) error('days', 'days-exceed-window', messages.daysExceedWindow(parsed, length, window.from, window.to));
      }
    }
  }

  // Status
  const statusCell = cellOf(table, row, 'status');
  const status = parseTripStatus(statusCell);
  if (status.kind === 'unknown') error('status', 'unknown-status', messages.unknownStatus(statusCell));

  // Optional process columns: a bad value here is a warning; the rest of the row still counts.
  let registeredOn: CalendarDate | null = null;
  const regCell = cellOf(table, row, 'registeredOn');
  const reg = parseDateCell(regCell, { timeZone: options.timeZone, defaultYear: options.year });
  if (reg.ok) registeredOn = reg.date;
  else if (reg.reason !== 'empty') rowIssues.push(cellIssue(table, i, 'registeredOn', 'warning', 'date-invalid', dateMessage(caption('registeredOn'), regCell, reg)));

  let score: number | null = null;
  const scoreText = textOf(table, row, 'score');
  if (scoreText !== '') {
    const value = Number(scoreText.replace(',', '.'));
    if (Number.isFinite(value) && value >= 0 && value <= 100) score = value;
    else rowIssues.push(cellIssue(table, i, 'score', 'warning', 'days-invalid', messages.scoreInvalid(cellOf(table, row, 'score'))));
  }

  if (rowIssues.some((x) => x.level === 'error') || cadre === null || kind === null || !window) return { trip: null, rowIssues };
  const resolvedStatus = status.kind === 'status' ? status.status : window.to <= options.today ? 'done' : 'registered';
  return {
    trip: {
      row: i + 1,
      cadre,
      kind,
      detail: textOf(table, row, 'detail'),
      declaredDays,
      from: window.from,
      to: window.to,
      place: textOf(table, row, 'place'),
      level: textOf(table, row, 'level'),
      status: resolvedStatus,
      registeredOn,
      confirmed: parseYes(cellOf(table, row, 'confirmed')),
      reported: parseYes(cellOf(table, row, 'reported')),
      score,
      evidence: textOf(table, row, 'evidence') || null,
      result: textOf(table, row, 'result'),
    },
    rowIssues,
  };
}

function readWindow(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): { from: CalendarDate; to: CalendarDate } | null {
  const { table, options } = ctx;
  const fromCell = cellOf(table, row, 'from');
  const toCell = cellOf(table, row, 'to');
  const dateOptions = { timeZone: options.timeZone, defaultYear: options.year };
  const caption = (key: 'from' | 'to') => table.captions[key] ?? (key === 'from' ? 'Từ ngày' : 'Đến ngày');
  let from = parseDateCell(fromCell, dateOptions);
  let to = parseDateCell(toCell, dateOptions);
  if (!from.ok && from.reason !== 'empty' && typeof fromCell === 'string' && to.ok === false && to.reason === 'empty') {
    const range = parseDateRange(fromCell, options.year);
    if (range.ok) {
      from = { ok: true, date: range.from };
      to = { ok: true, date: range.to };
    }
  }
  let ok = true;
  for (const [key, parsed, cell] of [['from', from, fromCell], ['to', to, toCell]] as const) {
    if (parsed.ok) continue;
    ok = false;
    if (parsed.reason === 'empty') rowIssues.push(cellIssue(table, i, key, 'error', 'missing-value', messages.missingValue(caption(key))));
    else rowIssues.push(cellIssue(table, i, key, 'error', 'date-invalid', dateMessage(caption(key), cell, parsed)));
  }
  if (!ok || !from.ok || !to.ok) return null;
  if (to.date < from.date) {
    rowIssues.push(cellIssue(table, i, 'to', 'error', 'date-order', messages.dateOrder(from.date, to.date)));
    return null;
  }
  return { from: from.date, to: to.date };
}

function dateMessage(caption: string, cell: unknown, parsed: DateParse): string {
  return !parsed.ok && parsed.reason === 'impossible' ? messages.dateImpossible(caption, cell) : messages.dateInvalid(caption, cell);
}

/** "10", 10, "10 ngày" → 10; anything else (0, 2.5, "mười") → null. */
export function parseDeclaredDays(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^(\d+)\s*(ngay)?$/.exec(foldKey(value));
  if (!match) return null;
  const n = Number(match[1]);
  return n > 0 ? n : null;
}
