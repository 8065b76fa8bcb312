/**
 * Runs each add-on action through the Apps Script adapter (SpreadsheetWorkbook) over the strict fakes, and counts
 * what it costs in Sheets: service calls, cells read and written. Shared by the benchmark and the smoke test.
 */
import type { CalendarDate } from '../src/core/calendar-date';
import { buildDashboard } from '../src/core/forms/dashboard';
import { defaultSettings } from '../src/core/settings';
import { onEditCheck } from '../src/gas/actions';
import { SpreadsheetWorkbook } from '../src/gas/spreadsheet-workbook';
import type { RawCell } from '../src/sheets/workbook';
import { LIVE_MAX_EDITED_ROWS } from '../src/sheets/live-check';
import { analyze, generateMau2, generateMau3, runCheck } from '../src/sheets/workflow';
import { type AppsScriptEnvironment, createAppsScriptEnvironment, FakeSpreadsheet } from '../test/fakes';
import { BENCH_TIME_ZONE, BENCH_TODAY, BENCH_YEAR, TRIPS_TAB } from './generate';
import { commitsOf } from './cost-model';
import { naiveCheck } from './naive-check';

export const ACTIONS = ['check', 'checkAgain', 'mau2', 'mau3', 'dashboard', 'onEdit', 'onEditWhole'] as const;
export type ActionId = (typeof ACTIONS)[number] | 'naiveCheck';

export interface ActionCost {
  action: ActionId;
  /** Calls on SpreadsheetApp, Spreadsheet, Sheet, Range… (each one a round trip to Sheets in the cost model). */
  spreadsheetCalls: number;
  /** Every service call, Properties/Lock/Utilities included. */
  totalCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Calls by `Class.method`. */
  byMethod: Record<string, number>;
  /** Times Sheets must apply buffered writes: each flush, each read after writes, the end (cost-model.ts). */
  commits: number;
  /** Node wall time of the action over the fakes (the fakes' own cost, not an Apps Script estimate). */
  fakeMs: number;
}

export const benchSettings = () => defaultSettings(BENCH_YEAR);
export const benchToday = BENCH_TODAY as CalendarDate;

/** Puts the fakes' services on globalThis as Apps Script does, keeping the host console. */
export function installGlobals(env: AppsScriptEnvironment): void {
  const { console: _fakeConsole, ...services } = env.globals;
  Object.assign(globalThis, services);
}

/** A fresh fake spreadsheet holding these tabs, in a Vietnamese spreadsheet's locale and zone, seen on BENCH_TODAY. */
export function fakeEnvironment(tabs: Record<string, RawCell[][]>): AppsScriptEnvironment {
  const spreadsheet = FakeSpreadsheet.fromTabs(tabs, { timeZone: BENCH_TIME_ZONE, locale: 'vi_VN', name: 'Đi cơ sở 1+2' });
  const env = createAppsScriptEnvironment({ spreadsheet, now: () => new Date(`${BENCH_TODAY}T03:00:00Z`) });
  installGlobals(env);
  return env;
}

function measure(env: AppsScriptEnvironment, action: ActionId, run: () => void): ActionCost {
  env.calls.reset();
  const started = performance.now();
  run();
  const fakeMs = performance.now() - started;
  return {
    action,
    spreadsheetCalls: env.calls.spreadsheet(),
    totalCalls: env.calls.total(),
    cellsRead: env.calls.cellsRead,
    cellsWritten: env.calls.cellsWritten,
    byMethod: env.calls.byMethod(),
    commits: commitsOf(env.calls.sequence),
    fakeMs,
  };
}

/** A new execution: a new adapter over the active spreadsheet, as every menu click or trigger gets. */
function workbookOf(): SpreadsheetWorkbook {
  return new SpreadsheetWorkbook(SpreadsheetApp.getActive());
}

export function measureCheck(env: AppsScriptEnvironment, action: 'check' | 'checkAgain' = 'check'): ActionCost {
  return measure(env, action, () => {
    runCheck(workbookOf(), { settings: benchSettings(), today: benchToday });
  });
}

/**
 * Every action in the order a person would run them on one spreadsheet: the check first (so later actions see its
 * status columns), then the forms, the dashboard, and an edit of one trip row.
 */
export function measureActions(env: AppsScriptEnvironment, editRow: number): ActionCost[] {
  const options = () => ({ settings: benchSettings(), today: benchToday });
  // The check twice: the first run writes everything; the second finds its column, rules and dashboard in place.
  const out: ActionCost[] = [measureCheck(env), measureCheck(env, 'checkAgain')];
  out.push(
    measure(env, 'mau2', () => {
      const wb = workbookOf();
      generateMau2(wb, analyze(wb, options()), null);
    }),
  );
  out.push(
    measure(env, 'mau3', () => {
      const wb = workbookOf();
      generateMau3(wb, analyze(wb, options()), null, 3);
    }),
  );
  out.push(
    measure(env, 'dashboard', () => {
      const wb = workbookOf();
      const a = analyze(wb, options());
      wb.writeGeneratedTab(buildDashboard(a.evaluation, a.policy, a.today, a.presetTitle));
    }),
  );

  // onEdit: a person types a status the sheet does not know into one trip row (so its result changes whatever the
  // size: an error in our column, a note on the cell, its cadre's days); the simple trigger gets the edited range.
  // Then the same cell as part of a paste over more rows than the live check reads by cadre: it reads every row, as
  // onEdit always did before.
  const spreadsheet = env.spreadsheet;
  const sheet = spreadsheet.getSheetByName(TRIPS_TAB)!;
  sheet.getRange(editRow, 11).setValue('Đang làm');
  const event = (rows: number) =>
    ({
      authMode: ScriptApp.AuthMode.FULL,
      range: sheet.getRange(editRow, 11, rows, 1),
      source: spreadsheet,
      value: 'Đang làm',
      oldValue: '',
      triggerUid: '',
      user: Session.getActiveUser(),
    }) as unknown as GoogleAppsScript.Events.SheetsOnEdit;
  out.push(measure(env, 'onEdit', () => atBenchTime(() => onEditCheck(event(1)))));
  out.push(measure(env, 'onEditWhole', () => atBenchTime(() => onEditCheck(event(LIVE_MAX_EDITED_ROWS + 1)))));
  return out;
}

/**
 * Runs `f` with the clock at BENCH_TODAY: onEdit takes "today" from `new Date()` (Apps Script has no other clock),
 * and the benchmark's workbooks are seen on that day, as every other action is told.
 */
function atBenchTime<T>(f: () => T): T {
  const RealDate = Date;
  const fixed = new RealDate(`${BENCH_TODAY}T03:00:00Z`).getTime();
  class BenchDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [number]));
    }
    static override now(): number {
      return fixed;
    }
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = BenchDate as DateConstructor;
  try {
    return f();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** The tutorial-style check on a fresh copy of the same data. */
export function measureNaive(env: AppsScriptEnvironment): ActionCost {
  return measure(env, 'naiveCheck', () => {
    naiveCheck(SpreadsheetApp.getActive(), { settings: benchSettings(), today: benchToday });
  });
}

/** Cells of every tab's grid (max rows × max columns): what Sheets counts against its 10-million-cell limit. */
export function gridCells(env: AppsScriptEnvironment): { total: number; byTab: Record<string, number> } {
  const byTab: Record<string, number> = {};
  let total = 0;
  for (const sheet of env.spreadsheet.sheets) {
    const n = sheet.maxRows * sheet.maxColumns;
    byTab[sheet.name] = n;
    total += n;
  }
  return { total, byTab };
}
