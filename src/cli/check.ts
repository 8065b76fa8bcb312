import { mkdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { quarterOf, yearOf } from '../core/calendar-date';
import { todayInVietnam } from '../core/date-parse';
import { banKey } from '../core/names';
import { defaultSettings, type Settings } from '../core/settings';
import { UserError } from '../core/user-error';
import { checkReport, type CheckReport } from '../sheets/report';
import { analyze, bansOf, generateMau1, generateMau2, generateMau3, mau1ScopeOf, runCheck, type Analysis, type AnalyzeOptions } from '../sheets/workflow';
import type { Mau1Scope } from '../core/forms/mau1';
import type { RawCell, TabData } from '../sheets/workbook';
import type { CommonFlags } from './args';
import { onFile } from './os-errors';
import { cliTexts } from './texts';
import { XlsxWorkbook, type LoadOptions } from './xlsx-workbook';

export interface CheckOutcome {
  /** The whole province, whatever --ban says. */
  analysis: Analysis;
  /** The Ban chosen with --ban (as written on the roster), or null for the whole province. */
  ban: string | null;
  /** The --json report, of the chosen Ban only when --ban is given. */
  report: CheckReport;
  /** Where the result was written; null when nothing was (--json without --out). */
  outPath: string | null;
  tabsWritten: string[];
}

/**
 * The CLI's one way into the analysis: settings → workbook → analysis. Today (in Vietnam, or --today), the defaults
 * of its year (or --year), the workbook's Cài đặt tab over them, and the command's flags over everything.
 */
export function cliAnalyzeOptions(flags: CommonFlags, now: Date): AnalyzeOptions {
  const today = flags.today ?? todayInVietnam(now);
  return { settings: defaultSettings(flags.year ?? yearOf(today)), today, overrides: (s: Settings) => applyFlags(s, flags) };
}

/**
 * `dicoso check`: the main job on an .xlsx file. Writes the result file unless --json is given without --out (the
 * JSON is then the whole answer). `warn` hears, before anything is written, what the result file will lack.
 */
export async function checkWorkbook(
  file: string,
  flags: CommonFlags,
  now = new Date(),
  warn: (text: string) => void = () => {},
  load: LoadOptions = {},
): Promise<CheckOutcome> {
  const outPath = flags.json && flags.out === undefined ? null : (flags.out ?? defaultOutPath(file));
  if (outPath !== null && sameFile(file, outPath)) throw new UserError(cliTexts.outIsInput(outPath, file, flags.out !== undefined, defaultOutPath(file)));
  const workbook = await XlsxWorkbook.load(file, load);
  if (outPath !== null) {
    // Before the work: a folder that cannot be made is said at once.
    const folder = path.dirname(outPath);
    onFile(folder, 'make-folder', () => mkdirSync(folder, { recursive: true }));
  }
  const options = cliAnalyzeOptions(flags, now);
  const today = options.today;
  const checked = outPath === null ? { analysis: analyze(workbook, options), dashboardTab: null } : splitDashboard(runCheck(workbook, options));
  const { analysis } = checked;
  const ban = flags.ban === undefined ? null : resolveBan(analysis, flags.ban);
  const report = checkReport(analysis, ban);
  if (outPath === null) return { analysis, ban, report, outPath, tabsWritten: [] };
  // The tabs' cells as read served the annotations; from here on (the forms, the summary) only the rows that carry
  // an issue are looked at again. A national file's trips tab is a few hundred MB of cells.
  analysis.raw = { roster: issueRowsOnly(analysis, 'roster'), trips: issueRowsOnly(analysis, 'trips') };

  const quarter = flags.quarter ?? quarterOf(today);
  const mau2 = generateMau2(workbook, analysis, ban);
  const mau3 = generateMau3(workbook, analysis, ban, quarter);
  const mau1 = flags.mau1 === undefined ? [] : [generateMau1(workbook, analysis, mau1Scope(analysis, flags.mau1)).name];
  // What will be lost, before anything is written; not what was only on a form of ours this run wrote anew.
  const unkept = workbook.unkept();
  if (unkept.length > 0) warn(cliTexts.unkept(unkept, file, outPath));
  await workbook.save(outPath);
  return { analysis, ban, report, outPath, tabsWritten: [checked.dashboardTab!, ...mau1, mau2, mau3.name] };
}

function issueRowsOnly(analysis: Analysis, role: 'roster' | 'trips'): TabData {
  const data = analysis.raw[role];
  const values: RawCell[][] = [];
  for (const issue of analysis.issues) if (issue.tab === analysis.tabs[role]) values[issue.row - 1] = data.values[issue.row - 1] ?? [];
  return { ...data, values, notes: [] };
}

function splitDashboard(result: Analysis & { dashboardTab: string }): { analysis: Analysis; dashboardTab: string } {
  const { dashboardTab, ...analysis } = result;
  return { analysis, dashboardTab };
}

/** Command-line flags win over the Cài đặt tab. */
export function applyFlags(settings: Settings, flags: CommonFlags): Settings {
  return {
    ...settings,
    ...(flags.preset ? { preset: flags.preset } : {}),
    ...(flags.year ? { year: flags.year } : {}),
    ...(flags.province ? { province: flags.province } : {}),
  };
}

/** The cadre or Ban named by --mau1. */
function mau1Scope(analysis: Analysis, wanted: string): Mau1Scope {
  const scope = mau1ScopeOf(analysis, wanted);
  if (!scope) throw new UserError(cliTexts.noMau1(wanted, analysis.tabs.roster));
  return scope;
}

/** The Ban named by --ban, as the roster writes it ("ban tuyen giao" finds "Ban Tuyên giáo"). */
export function resolveBan(analysis: Analysis, wanted: string): string {
  const bans = bansOf(analysis);
  const found = bans.find((b) => banKey(b) === banKey(wanted));
  if (!found) throw new UserError(cliTexts.noBan(wanted, analysis.tabs.roster, bans));
  return found;
}

export function defaultOutPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}-ket-qua.xlsx`);
}

/**
 * Whether two paths name one existing file: the same device and inode (a symbolic or hard link, "./f.xlsx", a
 * different letter case on a case-insensitive disk), or the same real path where the system gives no inode.
 */
export function sameFile(a: string, b: string): boolean {
  try {
    const first = statSync(a, { bigint: true });
    const second = statSync(b, { bigint: true });
    if (first.ino !== 0n && first.dev === second.dev && first.ino === second.ino) return true;
    return realpathSync(a) === realpathSync(b);
  } catch {
    // One of them does not exist (yet): then they are not the same file.
    return false;
  }
}
