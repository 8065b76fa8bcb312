import type { RunRecord, TriggerState } from '../sheets/schedule-status';
import { emailTexts } from '../core/email/texts';
import { UserError } from '../core/user-error';

/**
 * The one daily time-driven trigger that runs `dailyRun`. An Editor add-on may hold at most one time-based trigger
 * per user per document (creating a second throws), so installing always deletes ours first, creates one, and
 * checks that exactly one is there. Who installed it and when is kept in the document's properties (another user's
 * triggers are invisible to getUserTriggers), and each run records when it ran and how it went: a trigger that
 * Google disabled stays listed but stops firing, and the only sign of it is a last run that is too old.
 */

export const DAILY_HANDLER = 'dailyRun';
/** About 07:00 in Vietnam: Apps Script fires an atHour trigger some time within that hour. */
export const DAILY_HOUR = 7;
export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const INSTALL_KEY = 'dicoso.email.schedule.v1';
const LAST_RUN_KEY = 'dicoso.email.lastRun.v1';
/** A daily trigger that has not run for this long is missing, disabled or failing before it starts. */
export const STALE_AFTER_MS = 36 * 3_600_000;

export interface InstallRecord {
  by: string;
  /** ISO instant. */
  at: string;
  id: string;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function readJson<T>(key: string): T | null {
  const raw = properties().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** This user's dailyRun triggers in this spreadsheet. */
export function ourTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

/** Installs the daily trigger for the current user, replacing ours; returns what was recorded. */
export function installDailyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string, now: Date): InstallRecord {
  for (const t of ourTriggers(spreadsheet)) ScriptApp.deleteTrigger(t);
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    trigger = ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).inTimezone(SCHEDULE_TIME_ZONE).create();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/time-based triggers|too many/i.test(message)) throw new UserError(emailTexts.otherTimeTrigger);
    throw error;
  }
  const mine = ourTriggers(spreadsheet);
  if (mine.length !== 1) {
    for (const t of mine) if (t.getUniqueId() !== trigger.getUniqueId()) ScriptApp.deleteTrigger(t);
    if (ourTriggers(spreadsheet).length !== 1) throw new UserError(emailTexts.notExactlyOne(mine.length));
  }
  const record: InstallRecord = { by: user, at: now.toISOString(), id: trigger.getUniqueId() };
  properties().setProperty(INSTALL_KEY, JSON.stringify(record));
  return record;
}

/** Removes the current user's daily trigger; returns how many were deleted. */
export function removeDailyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const mine = ourTriggers(spreadsheet);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  // Another user's trigger (invisible here) stays until they remove it, but it sends nothing: dailyRun checks the
  // setting first.
  properties().deleteProperty(INSTALL_KEY);
  return mine.length;
}

export function installRecord(): InstallRecord | null {
  return readJson<InstallRecord>(INSTALL_KEY);
}

export function lastRun(): RunRecord | null {
  return readJson<RunRecord>(LAST_RUN_KEY);
}

export function recordRun(at: Date, ok: boolean, message: string): RunRecord {
  const previous = lastRun();
  const record: RunRecord = { at: at.toISOString(), ok, message: message.slice(0, 500), failedRuns: ok ? 0 : (previous?.failedRuns ?? 0) + 1 };
  properties().setProperty(LAST_RUN_KEY, JSON.stringify(record));
  return record;
}

/** The schedule's state as the settings page shows it. */
export function triggerState(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string, enabled: boolean, now: Date): TriggerState {
  const installed = ourTriggers(spreadsheet).length > 0;
  const record = installRecord();
  const run = lastRun();
  const base = { enabled, installed, installedBy: record?.by ?? '', installedAt: record?.at ?? '', lastRun: run };
  if (!enabled) {
    return installed
      ? { ...base, problem: 'left-over', message: emailTexts.scheduleLeftOver, offerReinstall: false }
      : { ...base, problem: null, message: emailTexts.scheduleOff, offerReinstall: false };
  }
  const mineByRecord = record !== null && record.by === user;
  if (!installed && (mineByRecord || record === null)) return { ...base, problem: 'missing', message: emailTexts.scheduleMissing, offerReinstall: true };
  const since = Math.max(run ? Date.parse(run.at) : 0, record ? Date.parse(record.at) : 0);
  const idle = now.getTime() - since;
  if (since > 0 && idle > STALE_AFTER_MS) {
    return { ...base, problem: 'stale', message: emailTexts.scheduleStale(Math.floor(idle / 3_600_000)), offerReinstall: true };
  }
  if (run && run.failedRuns >= 2) return { ...base, problem: 'failing', message: emailTexts.scheduleFailing(run.failedRuns), offerReinstall: true };
  return { ...base, problem: null, message: emailTexts.scheduleOn(record?.by ?? ''), offerReinstall: false };
}
