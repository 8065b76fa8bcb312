import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { quarterOf, type CalendarDate } from '../core/calendar-date';
import { calendarDateOfInstant } from '../core/date-parse';
import { banKey } from '../core/names';
import { defaultSettings, type Settings } from '../core/settings';
import { UserError } from '../core/user-error';
import { checkReport, type CheckReport } from '../sheets/report';
import { bansOf, generateMau2, generateMau3, runCheck, type Analysis } from '../sheets/workflow';
import type { CommonFlags } from './args';
import { XlsxWorkbook } from './xlsx-workbook';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function todayInVietnam(now = new Date()): CalendarDate {
  return calendarDateOfInstant(now, VIETNAM_TIME_ZONE);
}

export interface CheckOutcome {
  analysis: Analysis;
  report: CheckReport;
  outPath: string;
  tabsWritten: string[];
}

/** `dicoso check`: the main job on an .xlsx file. */
export async function checkWorkbook(file: string, flags: CommonFlags, now = new Date()): Promise<CheckOutcome> {
  const workbook = await XlsxWorkbook.load(file);
  const today = flags.today ?? todayInVietnam(now);
  const settings = defaultSettings(flags.year ?? Number(today.slice(0, 4)));
  const analysis = runCheck(workbook, { settings, today, overrides: (s) => applyFlags(s, flags) });
  const ban = flags.ban === undefined ? null : resolveBan(analysis, flags.ban);
  const quarter = flags.quarter ?? quarterOf(today);
  const mau2 = generateMau2(workbook, analysis, ban);
  const mau3 = generateMau3(workbook, analysis, ban, quarter);
  const outPath = flags.out ?? defaultOutPath(file);
  mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  await workbook.save(outPath);
  return { analysis, report: checkReport(analysis), outPath, tabsWritten: ['Tổng hợp 1+2', mau2, mau3.name] };
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

function resolveBan(analysis: Analysis, wanted: string): string {
  const bans = bansOf(analysis);
  const found = bans.find((b) => banKey(b) === banKey(wanted));
  if (!found) throw new UserError(`Không có Ban “${wanted}” trong tab ${analysis.tabs.roster}. Các ban: ${bans.join('; ')}.`);
  return found;
}

export function defaultOutPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}-ket-qua.xlsx`);
}
