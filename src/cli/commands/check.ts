import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { quarterOf } from '../../core/calendar-date';
import type { Mau1Scope } from '../../core/forms/mau1';
import { UserError } from '../../core/user-error';
import { checkReport, type CheckReport } from '../../sheets/report';
import type { RawCell, TabData } from '../../sheets/workbook';
import { staleForms } from '../../sheets/stale-forms';
import { analyze, generateMau1, generateMau2, generateMau3, mau1ScopeOf, runCheck, type Analysis } from '../../sheets/workflow';
import { onFile } from '../../xlsx/os-errors';
import { XlsxWorkbook } from '../../xlsx/xlsx-workbook';
import { command } from '../command';
import type { Flags } from '../options';
import { cliAnalyzeOptions, defaultOutPath, resolveBan, sameFile } from '../run-options';
import { summaryText } from '../summary';
import { colorWanted, paint } from '../terminal';
import { cliTexts } from '../texts';

export const checkCommand = command({
  name: 'check',
  summary: 'Kiểm tra bảng tính: ghi cột kết quả, ghi chú và màu vào hai tab nhập liệu, thêm tab Tổng hợp 1+2, mẫu 2, mẫu 3 (và mẫu 1 nếu cần).',
  files: { shown: '<bảng-tính.xlsx>', many: false },
  options: {
    preset: 'optional',
    year: 'optional',
    today: 'optional',
    quarter: 'optional',
    ban: 'optional',
    out: 'optional',
    json: 'optional',
    mau1: 'optional',
    province: 'optional',
  },
  async run([file], flags, io) {
    const outcome = await checkWorkbook(file!, flags, io.now());
    const p = paint(colorWanted({ isTTY: io.isTTY }, io.env));
    const written = outcome.outPath === null ? [] : [cliTexts.written(outcome.outPath, outcome.tabsWritten)];
    if (outcome.tabsRefreshed.length > 0) written.push(cliTexts.refreshed(outcome.tabsRefreshed));
    if (flags.json) io.stdout(`${JSON.stringify(outcome.report, null, 2)}\n`);
    else io.stdout(`${summaryText(outcome.analysis, p, written, outcome.ban)}\n`);
    return 0;
  },
});

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
  /** Our forms from an earlier run that this data changes, written again. */
  tabsRefreshed: string[];
}

/**
 * `dicoso check`: the main job on an .xlsx file. Writes the result file unless --json is given without --out (the
 * JSON is then the whole answer).
 */
export async function checkWorkbook(file: string, flags: Flags, now = new Date()): Promise<CheckOutcome> {
  const outPath = flags.json && flags.out === undefined ? null : (flags.out ?? defaultOutPath(file));
  if (outPath !== null && sameFile(file, outPath)) throw new UserError(cliTexts.outIsInput(outPath, file, flags.out !== undefined, defaultOutPath(file)));
  const workbook = await XlsxWorkbook.load(file);
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
  if (outPath === null) return { analysis, ban, report, outPath, tabsWritten: [], tabsRefreshed: [] };
  // The tabs' cells as read served the annotations; from here on (the forms, the summary) only the rows that carry
  // an issue are looked at again. A national file's trips tab is a few hundred MB of cells.
  analysis.raw = { roster: issueRowsOnly(analysis, 'roster'), trips: issueRowsOnly(analysis, 'trips') };

  const quarter = flags.quarter ?? quarterOf(today);
  const mau2 = generateMau2(workbook, analysis, ban);
  const mau3 = generateMau3(workbook, analysis, ban, quarter);
  const scopes = (flags.mau1 ?? []).map((wanted) => mau1Scope(analysis, wanted));
  const mau1 = [...new Set(scopes.map((scope) => generateMau1(workbook, analysis, scope).name))];
  const written = [checked.dashboardTab!, ...mau1, mau2, mau3.name];
  // Forms of ours carried over from an earlier run are made again from this data (the input file stays as it was).
  const refreshed = staleForms(workbook, analysis, new Set(written)).map((form) => workbook.writeGeneratedTab(form.layout));
  await workbook.save(outPath);
  return { analysis, ban, report, outPath, tabsWritten: written, tabsRefreshed: refreshed };
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

/** The cadre or Ban named by --mau1. */
function mau1Scope(analysis: Analysis, wanted: string): Mau1Scope {
  const scope = mau1ScopeOf(analysis, wanted);
  if (!scope) throw new UserError(cliTexts.noMau1(wanted, analysis.tabs.roster));
  return scope;
}
