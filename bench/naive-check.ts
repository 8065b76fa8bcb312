/**
 * The foil: the check as typical Apps Script tutorials write it. It reads each tab with one getValues() (tutorials
 * get that part right) and computes the same results with the same rules, but writes each row's status with
 * getRange(r, c).setValue(), then setBackground() and setNote() on the same cell, row by row. It writes less than
 * the real check (one colour and one note per row, on the status cell only, not on the offending cells), so the
 * comparison flatters it. Not product code: it exists only to be measured against the batched adapter.
 */
import { STATUS_CAPTIONS, type RosterColumnKey } from '../src/core/columns';
import { buildDashboard } from '../src/core/forms/dashboard';
import type { Table } from '../src/core/table';
import { SpreadsheetWorkbook } from '../src/gas/spreadsheet-workbook';
import { rosterAnnotations, tripAnnotations } from '../src/sheets/annotate';
import type { TabAnnotations } from '../src/sheets/workbook';
import { analyze, type AnalyzeOptions } from '../src/sheets/workflow';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function naiveCheck(spreadsheet: Spreadsheet, options: AnalyzeOptions): void {
  // Reading: the same whole-tab getValues()/getNotes() as the adapter.
  const workbook = new SpreadsheetWorkbook(spreadsheet);
  const analysis = analyze(workbook, { ...options, withNotes: true });

  const trips = tripAnnotations(
    {
      tab: analysis.tabs.trips,
      table: analysis.trips.table as Table<string>,
      values: analysis.raw.trips.values,
      notes: analysis.raw.trips.notes ?? [],
    },
    analysis.issues.filter((i) => i.tab === analysis.tabs.trips),
    STATUS_CAPTIONS.trips,
  );
  const roster = rosterAnnotations(
    {
      tab: analysis.tabs.roster,
      table: analysis.roster.table as Table<RosterColumnKey> as Table<string>,
      values: analysis.raw.roster.values,
      notes: analysis.raw.roster.notes ?? [],
    },
    analysis.issues.filter((i) => i.tab === analysis.tabs.roster),
    analysis.evaluation.cadres,
    analysis.roster.cadres.map((c) => c.row),
    STATUS_CAPTIONS.roster,
  );

  for (const a of [trips, roster]) if (a) writeRowByRow(spreadsheet, a);
  // The dashboard the batched way, so that the two checks differ only in how the rows are annotated.
  workbook.writeGeneratedTab(buildDashboard(analysis.evaluation, analysis.policy, analysis.today, analysis.presetTitle));
}

/** What the tutorials do: for each row, three setters on one cell, each through its own getRange. */
function writeRowByRow(spreadsheet: Spreadsheet, a: TabAnnotations): void {
  const sheet = spreadsheet.getSheetByName(a.tab)!;
  sheet.getRange(a.headerRow, a.statusColumn).setValue(a.statusCaption);
  a.statuses.forEach((status, i) => {
    const row = a.firstRow + i;
    const note = (a.notes[i] ?? []).filter(Boolean).join('\n');
    sheet.getRange(row, a.statusColumn).setValue(status);
    sheet.getRange(row, a.statusColumn).setBackground(a.backgrounds[i]?.[a.statusColumn - 1] ?? null);
    sheet.getRange(row, a.statusColumn).setNote(note);
  });
}
