import { daysInclusive, type CalendarDate } from './calendar-date';
import { TRIP_COLUMNS, type TripColumnKey } from './columns';
import { hasRangeSeparator, parseDateCell, parseDateRange, type DateParse } from './date-parse';
import type { PlacedIssue } from './issues';
import { messages } from './messages';
import type { Cadre, ProcessColumns, Trip } from './model';
import { banKey, createNameIndex, matchName, type NameIndex } from './names';
import type { Policy } from './policy';
import type { WarnField } from './evaluate';
import { PRESETS } from './presets';
import { cellIssue, cellOf, isBlankTableRow, isExampleRow, isSectionHeading, locateTable, textOf, type Table, type TableInput } from './table';
import { foldKey } from './text';
import { parseTripStatus, parseYes } from './vocabulary';
import { contentCatalogue, type ContentCatalogue, type ContentRead } from './content';
import { approvalLateness, type ApprovalCells } from './approval';
import type { ReadOptions, RosterRowLeftOut } from './read-roster';
import { pushAll } from './arrays';

export interface TripsRead {
  trips: Trip[];
  issues: PlacedIssue[];
  table: Table<TripColumnKey> | null;
  processColumns: ProcessColumns;
  /** Non-blank data rows seen (with or without errors). */
  rowsRead: number;
  /** Rows (1-based) marked as examples (STT "VD"): shown, never counted. */
  exampleRows: number[];
}

export interface TripReadOptions extends ReadOptions {
  policy: Policy;
  /** Calendar date of "today": a blank status means done when the trip ended on or before it. */
  today: CalendarDate;
  /** The roster's rows that an error kept off it (RosterRead.rowsWithErrors). */
  rosterRowsWithErrors?: readonly RosterRowLeftOut[];
}

/** Reads the Đi cơ sở tab. A row with an error is reported and left out: it counts nowhere until fixed. */
export function readTrips(input: TableInput, cadres: readonly Cadre[], options: TripReadOptions): TripsRead {
  const located = locateTable(input, TRIP_COLUMNS);
  if (!located.ok) return { trips: [], issues: [located.issue], table: null, processColumns: NO_STEPS, rowsRead: 0, exampleRows: [] };
  const table = located.table;
  const filled = new Set<TripColumnKey>();
  const exampleRows: number[] = [];
  const index = createNameIndex(cadres);
  const others = Object.values(PRESETS).map((p) => ({ title: p.title, numbering: p.policy.numbering }));
  const catalogue = contentCatalogue(options.policy, others);
  const trips: Trip[] = [];
  const issues: PlacedIssue[] = [];
  let rowsRead = 0;
  const keepsApproval = APPROVAL_KEYS.some((k) => table.header.columns[k] !== undefined);
  const leftOut = options.rosterRowsWithErrors ?? [];
  const context: RowContext = { table, cadres, index, leftOut, leftOutIndex: createNameIndex(leftOut), options, catalogue, keepsApproval };

  for (let i = table.firstDataIndex; i < input.values.length; i++) {
    const row = input.values[i];
    if (!row || isBlankTableRow(table, row) || isOnlyOurs(table, row) || isColumnNumbers(row) || isTotalRow(table, row) || isSectionHeading(table, row))
      continue;
    if (isExampleRow(table, row)) {
      exampleRows.push(i + 1);
      continue;
    }
    rowsRead++;
    for (const key of STEP_KEYS) if (textOf(table, row, key) !== '') filled.add(key);
    const { trip, rowIssues } = readTripRow(context, row, i);
    pushAll(issues, rowIssues);
    if (trip) trips.push(trip);
  }
  const processColumns: ProcessColumns = {
    registeredOn: filled.has('registeredOn'),
    confirmed: filled.has('confirmed'),
    reported: filled.has('reported'),
    score: filled.has('score'),
    evidence: filled.has('evidence'),
    level: filled.has('level') || trips.some((t) => t.placeLevel !== null),
    reminder: false,
    approval: keepsApproval,
  };
  return { trips, issues, table, processColumns, rowsRead, exampleRows };
}

/** Nothing kept: a tab without a header. */
const NO_STEPS: ProcessColumns = {
  registeredOn: false,
  confirmed: false,
  reported: false,
  score: false,
  evidence: false,
  level: false,
  reminder: false,
  approval: false,
};

/** The approval columns: a sheet with any of them keeps approvals, even before the first one is filled. */
const APPROVAL_KEYS = ['banApprovedBy', 'banApprovedOn', 'noticeNumber', 'noticeDate', 'returnReason'] as const;

/** The process columns whose being filled on some row says the sheet keeps that step (DOMAIN "Rating"). */
const STEP_KEYS = ['registeredOn', 'confirmed', 'reported', 'score', 'evidence', 'level'] as const;

interface RowContext {
  keepsApproval: boolean;
  table: Table<TripColumnKey>;
  cadres: readonly Cadre[];
  index: NameIndex;
  /** The roster rows an error left out, and their names indexed like the roster's. */
  leftOut: readonly RosterRowLeftOut[];
  leftOutIndex: NameIndex;
  options: TripReadOptions;
  catalogue: ContentCatalogue;
}

/** The "(1) (2) (3) …" row the seed forms put under their captions. */
function isColumnNumbers(row: readonly unknown[]): boolean {
  let numbered = 0;
  for (const cell of row) {
    if (cell === '' || cell === null || cell === undefined) continue;
    if (typeof cell !== 'string' || !/^\(\d{1,2}\)$/.test(cell.trim())) return false;
    numbered++;
  }
  return numbered > 0;
}

/** Mẫu 3's closing "Tổng" row: a total, not a trip. */
function isTotalRow(table: Table<TripColumnKey>, row: readonly unknown[]): boolean {
  const stt = textOf(table, row, 'stt');
  // A numbered row is a trip: spare folding a different "12 Nguyễn Văn An" on every row.
  if (/^\d/.test(stt)) return false;
  const label = foldKey(`${stt} ${textOf(table, row, 'name')}`);
  return /^(tong|tong cong|cong|tong so)$/.test(label) && textOf(table, row, 'kind') === '';
}

/** A row whose only content is an STT number is an unused numbered row (our own column is hidden from the readers). */
function isOnlyOurs(table: Table<TripColumnKey>, row: readonly unknown[]): boolean {
  const stt = table.header.columns.stt;
  return row.every((cell, c) => c === stt || cell === '' || cell === null || cell === undefined);
}

function readTripRow(ctx: RowContext, row: readonly unknown[], i: number): { trip: Trip | null; rowIssues: PlacedIssue[] } {
  const { table, options } = ctx;
  const rowIssues: PlacedIssue[] = [];
  const cadre = readCadre(ctx, row, i, rowIssues);
  const content = readContent(ctx, row, i, rowIssues);
  const kind = content.ok ? content.kind : null;
  // Window: two cells, a range typed in the Từ ngày cell with Đến ngày blank, or the forms' one-cell Thời gian cụ thể
  const window = readWindow(ctx, row, i, rowIssues);
  const declaredDays = readDeclaredDays(ctx, row, i, window, rowIssues);
  const statusCell = cellOf(table, row, 'status');
  const status = parseTripStatus(statusCell);
  if (status.kind === 'unknown') rowIssues.push(cellIssue(table, i, 'status', 'error', 'unknown-status', messages.unknownStatus(statusCell)));
  // Optional process columns: a bad value here is a warning; the rest of the row still counts.
  const registeredOn = readRegisteredOn(ctx, row, i, rowIssues);
  const approval = readApproval(ctx, row, i, rowIssues);
  const score = readScore(ctx, row, i, rowIssues);

  if (rowIssues.some((x) => x.level === 'error') || cadre === null || kind === null || !window) return { trip: null, rowIssues };
  const urgent = textOf(table, row, 'urgent') || null;
  if (ctx.keepsApproval) {
    for (const late of approvalLateness({ from: window.from, urgent, approval }, options.policy, options.year))
      rowIssues.push(cellIssue(table, i, late.column, 'warning', 'approval-late', late.message));
  }
  const resolvedStatus = status.kind === 'status' ? status.status : window.to <= options.today ? 'done' : 'registered';
  return {
    trip: {
      row: i + 1,
      cadre,
      kind,
      kindUnclear: content.ok && content.unclear,
      detail: textOf(table, row, 'detail'),
      declaredDays,
      from: window.from,
      to: window.to,
      place: textOf(table, row, 'place'),
      level: textOf(table, row, 'level'),
      placeLevel: placeLevelOf(textOf(table, row, 'level'), textOf(table, row, 'place'), options.policy.levels),
      status: resolvedStatus,
      registeredOn,
      urgent,
      approval,
      confirmed: parseYes(cellOf(table, row, 'confirmed')),
      reported: parseYes(cellOf(table, row, 'reported')),
      score,
      evidence: textOf(table, row, 'evidence') || null,
      result: textOf(table, row, 'result'),
    },
    rowIssues,
  };
}

/** The column's caption as the tab writes it, else ours. */
function captionOf(table: Table<TripColumnKey>, key: TripColumnKey): string {
  return table.captions[key] ?? TRIP_COLUMNS.find((c) => c.key === key)!.caption;
}

/** The roster index of the cadre the row names (by name, and Ban when written); null with an error when none is. */
function readCadre(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): number | null {
  const { table } = ctx;
  const error = (code: PlacedIssue['code'], message: string) => rowIssues.push(cellIssue(table, i, 'name', 'error', code, message));
  const name = textOf(table, row, 'name');
  if (name === '') {
    error('missing-value', messages.missingValue(captionOf(table, 'name')));
    return null;
  }
  const writtenBan = textOf(table, row, 'ban');
  const match = matchName(ctx.index, name, writtenBan || undefined);
  if (match.kind === 'found') return match.index;
  if (match.kind === 'ambiguous') {
    const bans = match.indexes.map((k) => ctx.cadres[k]!.ban);
    const banMatches = match.indexes.some((k) => banKey(ctx.cadres[k]!.ban) === banKey(writtenBan));
    error('ambiguous-cadre', messages.ambiguousCadre(name, bans, banMatches ? '' : writtenBan));
  } else {
    // A name the roster has on a row with an error: adding the cadre again, as "không có cán bộ" would ask, is wrong.
    const leftOut = matchName(ctx.leftOutIndex, name, writtenBan || undefined);
    if (leftOut.kind === 'found') error('unknown-cadre', messages.cadreRowHasErrors(name, ctx.leftOut[leftOut.index]!.row));
    else error('unknown-cadre', messages.unknownCadre(name, match.suggestion));
  }
  return null;
}

/** Content kind: by the preset's number, another preset's number (a warning), or the label. */
function readContent(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): ContentRead {
  const { table } = ctx;
  const error = (message: string, code: PlacedIssue['code'] = 'unknown-content') => rowIssues.push(cellIssue(table, i, 'kind', 'error', code, message));
  const kindCell = cellOf(table, row, 'kind');
  const content = ctx.catalogue.read(kindCell, textOf(table, row, 'detail'), ctx.options.timeZone);
  if (!content.ok) {
    if (content.reason === 'empty') error(messages.missingValue(captionOf(table, 'kind')), 'missing-value');
    else if (content.reason === 'unknown-number') error(messages.unknownContentNumber(content.number, ctx.catalogue.choices));
    else error(messages.unknownContent(kindCell, ctx.catalogue.choices));
  } else if (content.foreign) {
    const item = ctx.catalogue.items.find((it) => it.kinds.includes(content.kind));
    const message = messages.contentOtherNumbering(content.foreign.number, content.foreign.title, content.kind, item?.number ?? null);
    rowIssues.push(cellIssue(table, i, 'kind', 'warning', 'content-other-numbering', message));
  }
  return content;
}

/** Declared days ("30 ngày"); a "10 ngày, từ 01/6 – 15/6" window cell declares them too when Số ngày is blank. */
function readDeclaredDays(ctx: RowContext, row: readonly unknown[], i: number, window: Window | null, rowIssues: PlacedIssue[]): number | null {
  const { table } = ctx;
  const error = (key: TripColumnKey, code: PlacedIssue['code'], message: string) => rowIssues.push(cellIssue(table, i, key, 'error', code, message));
  const daysCell = cellOf(table, row, 'days');
  const daysText = textOf(table, row, 'days');
  if (daysText === '' && !window?.declaredDays) return null;
  const parsed = daysText !== '' ? parseDeclaredDays(daysCell) : window!.declaredDays;
  if (parsed === null) {
    error('days', 'days-invalid', messages.daysInvalid(daysCell));
    return null;
  }
  if (window) {
    const length = daysInclusive(window.from, window.to);
    if (length >= 1 && parsed > length)
      error(
        daysText !== '' ? 'days' : table.header.columns.window !== undefined ? 'window' : 'from',
        'days-exceed-window',
        messages.daysExceedWindow(parsed, length, window.from, window.to),
      );
  }
  return parsed;
}

/** The registration date, when the tab keeps one (a warning when it cannot be read). */
function readRegisteredOn(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): CalendarDate | null {
  const { table, options } = ctx;
  const regCell = cellOf(table, row, 'registeredOn');
  const reg = parseDateCell(regCell, { timeZone: options.timeZone, defaultYear: options.year });
  if (reg.ok) return reg.date;
  if (reg.reason !== 'empty')
    rowIssues.push(cellIssue(table, i, 'registeredOn', 'warning', 'date-invalid', dateMessage(captionOf(table, 'registeredOn'), regCell, reg)));
  return null;
}

/** The report's score out of 100, when written (a warning when it is not a number from 0 to 100). */
function readScore(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): number | null {
  const { table } = ctx;
  const scoreText = textOf(table, row, 'score');
  if (scoreText === '') return null;
  const value = Number(scoreText.replace(',', '.'));
  if (Number.isFinite(value) && value >= 0 && value <= 100) return value;
  rowIssues.push(cellIssue(table, i, 'score', 'warning', 'days-invalid', messages.scoreInvalid(cellOf(table, row, 'score'))));
  return null;
}

interface Window {
  from: CalendarDate;
  to: CalendarDate;
  /** Days written at the front of a one-cell range ("10 ngày, từ 01/6 – 15/6"). */
  declaredDays: number | null;
}

function readWindow(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): Window | null {
  const { table } = ctx;
  const twoCells = table.header.columns.from !== undefined || table.header.columns.to !== undefined;
  const windowCell = cellOf(table, row, 'window');
  const pairBlank = textOf(table, row, 'from') === '' && textOf(table, row, 'to') === '';
  if (table.header.columns.window !== undefined && (!twoCells || (pairBlank && textOf(table, row, 'window') !== ''))) {
    return readOneCellWindow(ctx, windowCell, i, rowIssues);
  }
  return readTwoCellWindow(ctx, row, i, rowIssues);
}

function readTwoCellWindow(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): Window | null {
  const { table, options } = ctx;
  const fromCell = cellOf(table, row, 'from');
  const toCell = cellOf(table, row, 'to');
  const dateOptions = { timeZone: options.timeZone, defaultYear: options.year };
  const caption = (key: 'from' | 'to') => table.captions[key] ?? (key === 'from' ? 'Từ ngày' : 'Đến ngày');
  const from = parseDateCell(fromCell, dateOptions);
  const to = parseDateCell(toCell, dateOptions);
  // Đến ngày blank and Từ ngày holding words: the cell is read exactly as the forms' one-cell Thời gian cụ thể ("Từ ngày
  // 01/4/2023 – 01/5/2023", "10 ngày, từ 01/6 – 15/6", "ngày 20/9/2022" for a one-day trip). A bare date with no end is
  // more likely an end forgotten: it stays "Thiếu Đến ngày".
  if (!to.ok && to.reason === 'empty' && typeof fromCell === 'string' && fromCell.trim() !== '' && !BARE_DATE.test(fromCell)) {
    return readOneCellWindow(ctx, fromCell, i, rowIssues, 'from');
  }
  let ok = true;
  for (const [key, parsed, cell] of [
    ['from', from, fromCell],
    ['to', to, toCell],
  ] as const) {
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
  return { from: from.date, to: to.date, declaredDays: null };
}

/** The approval cells of a row; a date that cannot be read is a warning on its cell, and the rest still counts. */
function readApproval(ctx: RowContext, row: readonly unknown[], i: number, rowIssues: PlacedIssue[]): ApprovalCells {
  const { table, options } = ctx;
  const text = (key: TripColumnKey) => textOf(table, row, key) || null;
  const date = (key: 'banApprovedOn' | 'noticeDate'): CalendarDate | null => {
    const cell = cellOf(table, row, key);
    const parsed = parseDateCell(cell, { timeZone: options.timeZone, defaultYear: options.year });
    if (parsed.ok) return parsed.date;
    if (parsed.reason !== 'empty') rowIssues.push(cellIssue(table, i, key, 'warning', 'date-invalid', dateMessage(table.captions[key] ?? key, cell, parsed)));
    return null;
  };
  return {
    banBy: text('banApprovedBy'),
    banOn: date('banApprovedOn'),
    noticeNumber: text('noticeNumber'),
    noticeDate: date('noticeDate'),
    returnReason: text('returnReason'),
  };
}

/** A date and nothing else ("05/06/2023", "2023-06-05"): in Từ ngày, a start whose end is missing. */
const BARE_DATE = /^\s*\d{1,4}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*$/;

/** Leading declared days in a range cell: "10 ngày, từ 01/6 – 15/6" (mẫu 1's own way of writing it). */
const LEADING_DAYS = /^(\d{1,3})\s*ngay\s*[,:;.-]?\s*(.+)$/;
/** Dates written in a cell: one alone after "Từ ngày" is a range without its end. */
const DATE_TOKEN = /\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}\s*thang\s*\d{1,2}/g;

/**
 * Thời gian cụ thể: "Từ ngày 01/4/2023 – 01/5/2023", "… đến ngày …", "01/7/2023 - 30/7/2023", a one-day date; and the
 * same in Từ ngày when Đến ngày is blank (`key` is the cell read, where problems are placed).
 */
function readOneCellWindow(ctx: RowContext, cell: unknown, i: number, rowIssues: PlacedIssue[], key: 'window' | 'from' = 'window'): Window | null {
  const { table, options } = ctx;
  const caption = table.captions[key] ?? (key === 'window' ? 'Thời gian cụ thể' : 'Từ ngày');
  const fail = (code: PlacedIssue['code'], message: string) => {
    rowIssues.push(cellIssue(table, i, key, 'error', code, message));
    return null;
  };
  if (typeof cell !== 'string') {
    const single = parseDateCell(cell, { timeZone: options.timeZone, defaultYear: options.year });
    if (single.ok) return { from: single.date, to: single.date, declaredDays: null };
    return single.reason === 'empty' ? fail('missing-value', messages.missingValue(caption)) : fail('date-invalid', dateMessage(caption, cell, single));
  }
  let text = foldKey(cell);
  if (text === '') return fail('missing-value', messages.missingValue(caption));
  let declaredDays: number | null = null;
  const leading = LEADING_DAYS.exec(text);
  if (leading) {
    declaredDays = Number(leading[1]) || null;
    text = leading[2]!;
  }
  const range = parseDateRange(text, options.year);
  if (!range.ok) {
    if (range.reason === 'impossible') return fail('date-invalid', messages.dateImpossible(caption, cell));
    return fail('date-invalid', messages.rangeInvalid(caption, cell));
  }
  if (/^tu\b/.test(text) && !hasRangeSeparator(text) && (text.match(DATE_TOKEN) ?? []).length < 2)
    return fail('date-invalid', messages.rangeWithoutEnd(caption, cell));
  if (range.to < range.from) return fail('date-order', messages.dateOrder(range.from, range.to));
  return { from: range.from, to: range.to, declaredDays };
}

function dateMessage(caption: string, cell: unknown, parsed: DateParse): string {
  return !parsed.ok && parsed.reason === 'impossible' ? messages.dateImpossible(caption, cell) : messages.dateInvalid(caption, cell);
}

/** Where warnings of each trip field go: its column, or the one-cell Thời gian cụ thể for the dates. */
export function warningColumns(table: Table<TripColumnKey>): Partial<Record<WarnField, { number: number; caption: string }>> {
  const out: Partial<Record<WarnField, { number: number; caption: string }>> = {};
  const fallback: Partial<Record<WarnField, TripColumnKey>> = { from: 'window', to: 'window', days: 'window' };
  for (const field of ['name', 'from', 'to', 'days', 'kind', 'status'] as const) {
    const key = table.header.columns[field] !== undefined ? field : fallback[field];
    const c = key === undefined ? undefined : table.header.columns[key];
    if (c !== undefined) out[field] = { number: c + 1, caption: table.captions[key!] ?? key! };
  }
  return out;
}

/** "10", 10, "10 ngày", "30 ngày." → 10, 30; anything else (0, 2.5, "mười") → null. */
export function parseDeclaredDays(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\(?(\d+)\s*(ngay)?\s*\.?\)?$/.exec(foldKey(value));
  if (!match) return null;
  const n = Number(match[1]);
  return n > 0 ? n : null;
}

/** Words a place starts with, by the level they name (Kiên Giang 06-HD §III.2: cấp huyện, cấp cơ sở, chi đoàn). */
const PLACE_LEVELS: { pattern: RegExp; names: string[] }[] = [
  { pattern: /^(chi doan|chi hoi)\b/, names: ['Chi đoàn'] },
  { pattern: /^(huyen doan|thi doan|thanh doan|quan doan|huyen|thi xa|quan|thanh pho|tp)\b/, names: ['Huyện'] },
  { pattern: /^(doan xa|doan phuong|doan thi tran|doan co so|xa|phuong|thi tran)\b/, names: ['Cơ sở', 'Xã', 'Xã/Phường'] },
];

/**
 * The level (one of the preset's `levels`) a trip reached: its Cấp as typed (or, typed in other words, "Xã/Phường" for
 * a preset whose list says "Cơ sở"), or, when Cấp is blank, the unit its place begins with ("Huyện đoàn Châu Thành";
 * "Xã A, huyện B" is a commune). Null when neither says.
 */
export function placeLevelOf(level: string, place: string, levels: readonly string[]): string | null {
  const byKey = new Map(levels.map((l) => [foldKey(l), l]));
  if (level !== '') return byKey.get(foldKey(level)) ?? levelNamed(foldKey(level), byKey);
  return levelNamed(foldKey(place), byKey);
}

function levelNamed(folded: string, byKey: ReadonlyMap<string, string>): string | null {
  for (const { pattern, names } of PLACE_LEVELS) {
    if (!pattern.test(folded)) continue;
    for (const name of names) {
      const found = byKey.get(foldKey(name));
      if (found) return found;
    }
    return null;
  }
  return null;
}
