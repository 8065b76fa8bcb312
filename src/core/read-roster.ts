import { ROSTER_COLUMNS, type RosterColumnKey } from './columns';
import { parseDateCell, parseDateRange } from './date-parse';
import type { PlacedIssue } from './issues';
import { readExemption } from './exemptions';
import { messages } from './messages';
import type { Cadre, DateWindow } from './model';
import { banKey, nameKey } from './names';
import { periodOf } from './period';
import type { Policy } from './policy';
import { cellIssue, cellOf, isBlankTableRow, isExampleRow, isSectionHeading, locateTable, textOf, type Table, type TableInput } from './table';
import { CADRE_GROUP_LABELS, inferCadreGroup, parseCadreGroup, type CadreGroup } from './vocabulary';
import type { CalendarDate } from './calendar-date';
import { pushAll } from './arrays';

export interface RosterRead {
  cadres: Cadre[];
  issues: PlacedIssue[];
  table: Table<RosterColumnKey> | null;
  /** Roster rows (1-based) of each cadre, in order; rows with errors have no cadre. */
  rowsRead: number;
  /** The roster keeps the standing unit's reminder letters (a Văn bản nhắc nhở column filled on some row). */
  reminderKept: boolean;
  /** Rows (1-based) marked as examples (STT "VD"): shown, never counted. */
  exampleRows: number[];
  /** Rows with a name that an error keeps off the roster: a trip naming one of them says so, not "không có cán bộ". */
  rowsWithErrors: RosterRowLeftOut[];
}

export interface RosterRowLeftOut {
  /** The sheet row (1-based). */
  row: number;
  name: string;
  ban: string;
}

export interface ReadOptions {
  /** The zone in which Date cells are midnights ('UTC' for exceljs, the spreadsheet's zone in Sheets). */
  timeZone: string;
  year: number;
}

export interface RosterReadOptions extends ReadOptions {
  /** The preset's exemption list and period (exemptions.ts). */
  policy: Policy;
}

/** Reads the Cán bộ tab: one cadre per non-blank row with a name and a Ban. */
export function readRoster(input: TableInput, options: RosterReadOptions): RosterRead {
  const located = locateTable(input, ROSTER_COLUMNS);
  if (!located.ok) return { cadres: [], issues: [located.issue], table: null, rowsRead: 0, reminderKept: false, exampleRows: [], rowsWithErrors: [] };
  const period = periodOf(options.policy, options.year);
  let reminderKept = false;
  const exampleRows: number[] = [];
  const table = located.table;
  const cadres: Cadre[] = [];
  const issues: PlacedIssue[] = [];
  const firstRowOfPerson = new Map<string, number>();
  const rowsWithErrors: RosterRowLeftOut[] = [];
  let rowsRead = 0;

  for (let i = table.firstDataIndex; i < input.values.length; i++) {
    const row = input.values[i]!;
    if (isBlankTableRow(table, row) || isSectionHeading(table, row)) continue;
    if (isExampleRow(table, row)) {
      exampleRows.push(i + 1);
      continue;
    }
    const name = textOf(table, row, 'name');
    const ban = textOf(table, row, 'ban');
    if (name === '' && ban === '') continue; // a row with only STT or a remark is not a cadre
    rowsRead++;
    const rowIssues: PlacedIssue[] = [];
    if (name === '') rowIssues.push(cellIssue(table, i, 'name', 'error', 'missing-value', messages.missingValue('Họ và tên')));
    if (ban === '') rowIssues.push(cellIssue(table, i, 'ban', 'error', 'missing-value', messages.missingValue('Ban/Văn phòng')));

    const position = textOf(table, row, 'position');
    const { group, issue: groupIssue } = groupOf(table, row, i, position);
    const { startDate, issue: startIssue } = startDateOf(table, row, i, options);
    for (const issue of [groupIssue, startIssue]) if (issue) rowIssues.push(issue);

    if (name !== '' && ban !== '') {
      const key = `${nameKey(name)}|${banKey(ban)}`;
      const first = firstRowOfPerson.get(key);
      if (first !== undefined) rowIssues.push(cellIssue(table, i, 'name', 'error', 'duplicate-cadre', messages.duplicateCadre(first)));
      else firstRowOfPerson.set(key, i + 1);
    }

    if (rowIssues.some((x) => x.level === 'error')) {
      pushAll(issues, rowIssues);
      if (name !== '') rowsWithErrors.push({ row: i + 1, name, ban });
      continue;
    }
    // A reason outside the document's list is an error on the row, and the cadre is evaluated as everyone else.
    const exemption = readExemption(textOf(table, row, 'exemption'), startDate, options.policy.exemptions, period);
    if (exemption.kind === 'refused') rowIssues.push(cellIssue(table, i, 'exemption', 'error', 'exemption-not-listed', exemption.message));
    pushAll(issues, rowIssues);
    const reason = exemption.kind === 'exempt' ? exemption.reason : null;
    const reminder = emptyToNull(textOf(table, row, 'reminder'));
    if (reminder !== null) reminderKept = true;
    cadres.push({
      index: cadres.length,
      row: i + 1,
      name,
      position,
      ban,
      group,
      email: textOf(table, row, 'email'),
      exemption: reason,
      exemptionWindow: reason === null ? null : exemptionWindowOf(reason, options.year),
      waiver: emptyToNull(textOf(table, row, 'waiver')),
      startDate,
      reminder,
    });
  }
  return { cadres, issues, table, rowsRead, reminderKept, exampleRows, rowsWithErrors };
}

/** The cadre's group as written, else the one the position implies (with a warning when the written one is unknown). */
function groupOf(table: Table<RosterColumnKey>, row: readonly unknown[], i: number, position: string): { group: CadreGroup; issue: PlacedIssue | null } {
  const groupText = textOf(table, row, 'group');
  const written = parseCadreGroup(groupText);
  if (written) return { group: written, issue: null };
  const group = inferCadreGroup(position);
  if (groupText === '') return { group, issue: null };
  return { group, issue: cellIssue(table, i, 'group', 'warning', 'missing-value', messages.groupUnknown(groupText, CADRE_GROUP_LABELS[group])) };
}

/** The date the cadre started (null when blank), or an error on a date that cannot be read. */
function startDateOf(
  table: Table<RosterColumnKey>,
  row: readonly unknown[],
  i: number,
  options: ReadOptions,
): { startDate: CalendarDate | null; issue: PlacedIssue | null } {
  const startCell = cellOf(table, row, 'startDate');
  const start = parseDateCell(startCell, { timeZone: options.timeZone, defaultYear: options.year });
  if (start.ok) return { startDate: start.date, issue: null };
  if (start.reason === 'empty') return { startDate: null, issue: null };
  const caption = table.captions.startDate ?? 'Ngày bắt đầu';
  const message = start.reason === 'impossible' ? messages.dateImpossible(caption, startCell) : messages.dateInvalid(caption, startCell);
  return { startDate: null, issue: cellIssue(table, i, 'startDate', 'error', 'date-invalid', message) };
}

/** A date range inside an exemption reason ("nghỉ thai sản từ 01/3/2023 đến 31/8/2023"), or null. */
export function exemptionWindowOf(reason: string, year: number): DateWindow | null {
  const match =
    /(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?)\s*(?:-|–|—|đến|den|~)\s*(?:ngày\s*)?(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?)/i.exec(reason);
  if (!match) return null;
  const range = parseDateRange(`${match[1]} - ${match[2]}`, year);
  return range.ok ? { from: range.from, to: range.to } : null;
}

function emptyToNull(text: string): string | null {
  return text === '' ? null : text;
}
