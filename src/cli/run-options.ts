import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { yearOf } from '../core/calendar-date';
import { todayInVietnam } from '../core/date-parse';
import { banKey } from '../core/names';
import { defaultSettings, type Settings } from '../core/settings';
import { UserError } from '../core/user-error';
import { bansOf, type Analysis, type AnalyzeOptions } from '../sheets/workflow';
import type { Flags } from './options';
import { cliTexts } from './texts';

/**
 * What the commands share: the analysis options from the command line, the Ban named by --ban, and whether two
 * paths are one file.
 */

/**
 * The CLI's one way into the analysis: settings → workbook → analysis. Today (in Vietnam, or --today), the defaults
 * of its year (or --year), the workbook's Cài đặt tab over them, and the command's flags over everything.
 */
export function cliAnalyzeOptions(flags: Flags, now: Date): AnalyzeOptions {
  const today = flags.today ?? todayInVietnam(now);
  return { settings: defaultSettings(flags.year ?? yearOf(today)), today, overrides: (s: Settings) => applyFlags(s, flags) };
}

/** Command-line flags win over the Cài đặt tab. */
export function applyFlags(settings: Settings, flags: Flags): Settings {
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
  if (!found) throw new UserError(cliTexts.noBan(wanted, analysis.tabs.roster, bans));
  return found;
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

export function defaultOutPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}-ket-qua.xlsx`);
}
