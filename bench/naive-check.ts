/**
 * The foil: the check as typical Apps Script tutorials write it. It reads each tab with one getValues() (tutorials
 * get that part right) and computes the same results with the same rules, but writes row by row: one getRange per
 * row for its status cell, setValue and setNote on it, and a flush() per row so the user sees progress. It writes
 * less than the real check (no colouring rules, notes on the status cell only), so the comparison flatters it. Not
 * product code: it exists only to be measured against the batched adapter.
 */
import { rosterHighlights } from '../src/core/highlights';
import { isYearEnd } from '../src/core/verdict';
import { STATUS_CAPTIONS } from '../src/core/columns';
import { buildDashboard } from '../src/core/forms/dashboard';
import type { Table } from '../src/core/table';
import { SpreadsheetWorkbook } from '../src/gas/spreadsheet-workbook';
import { rosterAnnotations, tripAnnotations, type TabShape } from '../src/sheets/annotate';
import type { TabAnnotations } from '../src/sheets/workbook';
import { analyze, type Analysis, type AnalyzeOptions } from '../src/sheets/workflow';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function shape(analysis: Analysis, role: 'roster' | 'trips'): TabShape {
  const data = analysis.raw[role];
  const table = (role === 'roster' ? analysis.roster.table : analysis.trips.table) as Table<string>;
  return { tab: analysis.tabs[role], table, values: data.values, notes: data.notes ?? [], merges: data.merges, ownedColumn: data.ownedColumn };
}

export function naiveCheck(spreadsheet: Spreadsheet, options: AnalyzeOptions): void {
  // Reading: the same whole-tab getValues()/getNotes() as the adapter.
  const workbook = new SpreadsheetWorkbook(spreadsheet);
  const analysis = analyze(workbook, { ...options, withNotes: true });
  const trips = tripAnnotations(
    shape(analysis, 'trips'),
    analysis.issues.filter((i) => i.tab === analysis.tabs.trips),
    STATUS_CAPTIONS.trips,
  );
  const roster = rosterAnnotations(
    shape(analysis, 'roster'),
    analysis.issues.filter((i) => i.tab === analysis.tabs.roster),
    analysis.evaluation.cadres,
    analysis.roster.cadres.map((c) => c.row),
    STATUS_CAPTIONS.roster,
    rosterHighlights(analysis.policy.verdict, isYearEnd(analysis.today, analysis.period.end)),
  );
  for (const a of [trips, roster]) if (a) writeRowByRow(spreadsheet, a);
  // The dashboard the batched way, so that the two checks differ only in how the rows are annotated.
  workbook.writeGeneratedTab(buildDashboard(analysis.evaluation, analysis.policy, analysis.today, analysis.presetTitle));
}

/** What the tutorials do: for each row, one getRange for its status cell, two setters on it, and a flush. */
function writeRowByRow(spreadsheet: Spreadsheet, a: TabAnnotations): void {
  const sheet = spreadsheet.getSheetByName(a.tab)!;
  for (const cells of a.statusCells) {
    cells.values.forEach(([status], i) => {
      const cell = sheet.getRange(cells.row + i, a.statusColumn);
      cell.setValue(status ?? '');
      cell.setNote('');
      SpreadsheetApp.flush();
    });
  }
}
