import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import {
  createAppsScriptEnvironment,
  FakeSpreadsheet,
  type AppsScriptEnvironment,
  type AuthModeName,
  type ClockTriggerContext,
  type Deployment,
  type TriggerRun,
  type UndocumentedBehaviour,
} from '../fakes';
import { ROOT, buildGasBundle } from '../support/bundle';
import { ROSTER_HEADER, TRIP_HEADER } from '../support/domain';

/** "Now" for every add-on test: 15/11/2023, 10:00 in Vietnam (the sample workbook is seen on that day). */
export const NOW = Date.UTC(2023, 10, 15, 3, 0, 0);
export const VN = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } as const;

/** Both ways the add-on runs: a script bound to the spreadsheet, and an Editor add-on installed in it. */
export const DEPLOYMENTS: readonly Deployment[] = ['bound', 'addon'];

interface Built {
  code: string;
  /** dist/gas/appsscript.json, the manifest clasp pushes. */
  manifest: { oauthScopes: string[]; [key: string]: unknown };
  /** dist/gas/*.html by name without .html. */
  pages: Record<string, string>;
  files: string[];
}
let built: Built | null = null;

/** dist/gas as test/global-setup.ts built it, read once per test process. */
export function buildOnce(): Built {
  if (built) return built;
  const code = buildGasBundle();
  const dir = path.join(ROOT, 'dist/gas');
  const files = readdirSync(dir);
  const pages: Record<string, string> = {};
  for (const file of files) if (file.endsWith('.html')) pages[file.slice(0, -5)] = readFileSync(path.join(dir, file), 'utf8');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'appsscript.json'), 'utf8')) as Built['manifest'];
  built = { code, pages, files, manifest };
  return built;
}

/** The pages the build put into dist/gas, by name without .html. */
export function builtPages(): Record<string, string> {
  return { ...buildOnce().pages };
}

/** A Date class whose `new Date()` is NOW: the bundle reads the clock only through it and Utilities. */
function fixedDate(now: number): DateConstructor {
  class FixedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [number]));
    }
    static override now(): number {
      return now;
    }
  }
  return FixedDate as unknown as DateConstructor;
}

export interface Addon {
  env: AppsScriptEnvironment;
  ss: FakeSpreadsheet;
  /** Calls a top-level function of Code.js, as Apps Script does (menus, triggers, google.script.run). */
  call(name: string, ...args: unknown[]): unknown;
  /** The Date class of the vm (dates the test builds for the bundle must come from it). */
  Date: DateConstructor;
  /** Moves the clock on, running the time-driven triggers that fall due in Code.js's functions (in FULL mode, no UI). */
  advance(ms: number): TriggerRun[];
}

export interface AddonOptions {
  spreadsheet?: FakeSpreadsheet;
  authMode?: AuthModeName;
  htmlFiles?: Record<string, string>;
  uiAvailable?: boolean;
  /** The clock, in ms since the epoch (default NOW). */
  now?: number;
  /** Default 'addon', or the one useDeployment chose. */
  deployment?: Deployment;
  /** The scopes the user granted; default the manifest's (dist/gas/appsscript.json). */
  scopes?: readonly string[];
  clockTriggerContext?: Partial<ClockTriggerContext>;
  user?: string;
  /**
   * 'no-time-zones': the runtime's Intl knows no time zone but UTC (Apps Script documents none of its Intl data; the
   * add-on must not need it). Default 'full'.
   */
  intl?: 'full' | 'no-time-zones';
}

/** Intl whose DateTimeFormat refuses every time zone but UTC, as a runtime without zone data does. */
function intlWithoutTimeZones(): typeof Intl {
  const restricted = Object.create(Intl) as typeof Intl;
  const DateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    const zone = options?.timeZone;
    if (zone !== undefined && !/^(Etc\/)?UTC$/i.test(zone)) throw new RangeError(`Invalid time zone specified: ${zone}`);
    return new Intl.DateTimeFormat(locales, options);
  };
  Object.defineProperty(restricted, 'DateTimeFormat', { value: DateTimeFormat });
  return restricted;
}

let currentDeployment: Deployment = 'addon';

/**
 * Runs a file's suites as the add-on deployed one way (`describe.each(DEPLOYMENTS)` with this in `beforeAll`): every
 * loadAddon after it without a `deployment` of its own gets this one.
 */
export function useDeployment(deployment: Deployment): void {
  currentDeployment = deployment;
}

/** Code.js loaded in a fresh vm over a fresh fake environment. */
export function loadAddon(options: AddonOptions = {}): Addon {
  const ss = options.spreadsheet ?? new FakeSpreadsheet();
  const manifestScopes = buildOnce().manifest.oauthScopes;
  const env = createAppsScriptEnvironment({
    spreadsheet: ss,
    authMode: options.authMode ?? 'FULL',
    htmlFiles: options.htmlFiles ?? builtPages(),
    now: () => new Date(options.now ?? NOW),
    uiAvailable: options.uiAvailable ?? true,
    deployment: options.deployment ?? currentDeployment,
    scopes: options.scopes ?? manifestScopes,
    manifestScopes,
    ...(options.clockTriggerContext ? { clockTriggerContext: options.clockTriggerContext } : {}),
    ...(options.user ? { user: options.user } : {}),
  });
  const DateCtor = fixedDate(options.now ?? NOW);
  const context = vm.createContext({ ...env.globals, Date: DateCtor, ...(options.intl === 'no-time-zones' ? { Intl: intlWithoutTimeZones() } : {}) });
  vm.runInContext(buildOnce().code, context, { filename: 'Code.js' });
  env.useDateConstructor(DateCtor);
  return {
    env,
    ss,
    Date: DateCtor,
    call(name, ...args) {
      const fn = context[name] as unknown;
      if (typeof fn !== 'function') throw new Error(`Code.js has no function ${name}`);
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } finally {
        env.locks.endExecution();
      }
    },
    advance(ms) {
      // Code.js's top-level functions are the vm context's own properties.
      return env.triggers.advanceClock(ms, context as unknown as Record<string, (e: unknown) => unknown>);
    },
  };
}

/** Midnight of a calendar day in Asia/Ho_Chi_Minh (UTC+7, no DST): how Sheets hands out a date cell there. */
export function vnDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - 7 * 3_600_000);
}

// ---------------------------------------------------------------- seeds

/** The sample workbook (samples/tinh-doan-mau.xlsx) as a Vietnamese spreadsheet, with its merged title rows. */
export async function sampleSpreadsheet(
  options: { locale?: string; timeZone?: string; undocumented?: Partial<UndocumentedBehaviour> } = {},
): Promise<FakeSpreadsheet> {
  const wb = await XlsxWorkbook.load(path.join(ROOT, 'samples/tinh-doan-mau.xlsx'));
  const tabs: Record<string, unknown[][]> = {};
  for (const name of wb.tabNames()) {
    // exceljs gives UTC midnights; Sheets gives midnights in the spreadsheet's zone.
    tabs[name] = wb
      .readTab(name)!
      .values.map((row) => row.map((v) => (v instanceof Date ? vnDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) : v)));
  }
  const ss = FakeSpreadsheet.fromTabs(tabs, {
    locale: options.locale ?? VN.locale,
    timeZone: options.timeZone ?? VN.timeZone,
    ...(options.undocumented ? { undocumented: options.undocumented } : {}),
  });
  const roster = ss.tab('Cán bộ');
  roster.merges.push({ row: 1, column: 1, numRows: 1, numColumns: 9 }, { row: 2, column: 1, numRows: 1, numColumns: 9 });
  return ss;
}

const BANS = ['Ban Tổ chức – Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Công tác Thiếu nhi', 'Văn phòng', 'Thường trực Tỉnh đoàn'];
const KINDS = ['3.1', '3.2', '3.3', 'Dự sinh hoạt chi đoàn', '3.5'];

/**
 * A province of `cadres` people with `tripsEach` trips each (Kiên Giang numbering), dates as real date cells, a few
 * typical mistakes, and the tabs sized as Sheets sizes a pasted table (some empty rows below).
 */
export function syntheticSpreadsheet(cadres: number, tripsEach = 20): FakeSpreadsheet {
  const roster: unknown[][] = [ROSTER_HEADER];
  const trips: unknown[][] = [TRIP_HEADER];
  for (let i = 0; i < cadres; i++) {
    const name = `Cán Bộ Số ${i + 1}`;
    const ban = BANS[i % BANS.length]!;
    roster.push([i + 1, name, i % 7 === 0 ? 'Trưởng ban' : 'Chuyên viên', ban, '', '', i % 50 === 49 ? 'Nghỉ thai sản' : '', '', '']);
    for (let t = 0; t < tripsEach; t++) {
      // 20 trips of 3 days, every 17 days from 3 January; the first two are 6-day chuyên đề rounds.
      const start = 2 + t * 17;
      const days = t < 2 ? 6 : 3;
      const from = new Date(Date.UTC(2023, 0, 1 + start));
      const to = new Date(Date.UTC(2023, 0, start + days));
      trips.push([
        trips.length,
        // Three misspelt names whatever the size: error rows (few, because the progress page's lookup of rows it
        // could not read is slow per error row; see the report).
        i < 3 && t === 5 ? `${name} X` : name,
        ban,
        t < 2 ? '3.1' : KINDS[(t % 4) + 1]!,
        `Nội dung ${t + 1}`,
        days,
        vnDate(from.getUTCFullYear(), from.getUTCMonth() + 1, from.getUTCDate()),
        vnDate(to.getUTCFullYear(), to.getUTCMonth() + 1, to.getUTCDate()),
        'Xã A',
        '',
        t < 17 ? 'Đã thực hiện' : 'Đăng ký',
      ]);
    }
  }
  const ss = FakeSpreadsheet.fromTabs({ 'Cán bộ': roster, 'Đi cơ sở': trips }, VN);
  for (const sheet of ss.sheets) sheet.maxRows += 50;
  return ss;
}

/** Every value of every tab, as plain JSON (dates as ISO): compared before and after an action. */
export function valuesOf(ss: FakeSpreadsheet, tabs?: string[]): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of ss.sheets) {
    if (tabs && !tabs.includes(sheet.name)) continue;
    out[sheet.name] = trimmed(
      sheet.values().map((row) => row.map((v) => (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : v))),
    );
  }
  return out;
}

/** Without trailing blank cells and rows (a formatted or validated empty cell is not a value). */
function trimmed(values: unknown[][]): unknown[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === '' || row[end - 1] === null)) end--;
    return row.slice(0, end);
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** The values without a column (our status column), to compare what the user typed. */
export function withoutColumn(values: unknown[][], column: number): unknown[][] {
  return trimmed(values.map((row) => row.filter((_, c) => c !== column - 1)));
}

export const PAGES_EXPECTED = ['progress', 'trip-form', 'duyet', 'forms-dialog', 'settings', 'help'];
