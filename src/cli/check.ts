import { mkdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { quarterOf, type CalendarDate } from '../core/calendar-date';
import { calendarDateOfInstant } from '../core/date-parse';
import { banKey } from '../core/names';
import { defaultSettings, type Settings } from '../core/settings';
import { UserError } from '../core/user-error';
import { checkReport, type CheckReport } from '../sheets/report';
import type { RawCell, TabData } from '../sheets/workbook';
import { analyze, bansOf, generateMau2, generateMau3, runCheck, type Analysis } from '../sheets/workflow';
import type { CommonFlags } from './args';
import { onFile } from './os-errors';
import { XlsxWorkbook, type LoadOptions } from './xlsx-workbook';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function todayInVietnam(now = new Date()): CalendarDate {
  return calendarDateOfInstant(now, VIETNAM_TIME_ZONE);
}

// The wording of `dicoso check` (and of what email-preview shares with it), in one place.
const say = {
  outIsInput: (out: string, file: string, given: boolean) =>
    given
      ? `--out '${out}' là chính tệp đầu vào '${file}': dicoso không ghi đè tệp anh/chị đưa vào. Hãy đặt tên khác cho --out, hoặc bỏ --out để ghi ra '${defaultOutPath(file)}'.`
      : `Tệp kết quả mặc định '${out}' là chính tệp đầu vào '${file}' (qua một liên kết tắt): dicoso không ghi đè tệp anh/chị đưa vào. Hãy chọn chỗ ghi bằng --out.`,
  unkept: (parts: readonly string[], file: string, out: string) =>
    `Lưu ý: tệp kết quả '${out}' sẽ không có ${parts.join(', ')} của tệp '${file}': chương trình ghi tệp .xlsx không chép lại được các phần này. Tệp '${file}' không bị thay đổi; các ô, ghi chú, định dạng, bảng và ảnh vẫn được chép sang.`,
  noBan: (wanted: string, roster: string, bans: string[]) => `Không có Ban “${wanted}” trong tab ${roster}. Các ban: ${bans.join('; ')}.`,
};

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
  if (outPath !== null && sameFile(file, outPath)) throw new UserError(say.outIsInput(outPath, file, flags.out !== undefined));
  const workbook = await XlsxWorkbook.load(file, load);
  if (outPath !== null) {
    // Before the work: a folder that cannot be made is said at once, and what will be lost before anything is written.
    if (workbook.unkept.length > 0) warn(say.unkept(workbook.unkept, file, outPath));
    const folder = path.dirname(outPath);
    onFile(folder, 'make-folder', () => mkdirSync(folder, { recursive: true }));
  }
  const today = flags.today ?? todayInVietnam(now);
  const options = { settings: defaultSettings(flags.year ?? Number(today.slice(0, 4))), today, overrides: (s: Settings) => applyFlags(s, flags) };
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
  await workbook.save(outPath);
  return { analysis, ban, report, outPath, tabsWritten: [checked.dashboardTab!, mau2, mau3.name] };
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

/** The Ban named by --ban, as the roster writes it ("ban tuyen giao" finds "Ban Tuyên giáo"). */
export function resolveBan(analysis: Analysis, wanted: string): string {
  const bans = bansOf(analysis);
  const found = bans.find((b) => banKey(b) === banKey(wanted));
  if (!found) throw new UserError(say.noBan(wanted, analysis.tabs.roster, bans));
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
