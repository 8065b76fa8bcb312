import type { RunRecord, TriggerState } from '../sheets/schedule-status';
import { emailTexts } from '../core/email/texts';
import { UserError } from '../core/user-error';
import { forgetTriggerDocuments, rememberTriggerDocument } from './trigger-document';

/**
 * The one daily time-driven trigger that runs `dailyRun`. An Editor add-on may hold at most one time-based trigger
 * per user per document (creating a second throws), so installing always deletes ours first, creates one, and
 * checks that exactly one is there. Who installed it, when, and the trigger's id are kept in the document's properties
 * (another user's triggers are invisible to getUserTriggers): only the trigger on record sends (dailyRun), so one left
 * by an earlier installation, another user's included, stops at its next run. Each run records when it ran and how it
 * went: a trigger that Google disabled stays listed but stops firing, and the only sign of it is a last run too old.
 */

export const DAILY_HANDLER = 'dailyRun';
/** Our other time-driven handler: the self-check's one-off run (it counts against the same one-per-document limit). */
export const PROBE_HANDLER = 'selfCheckTriggerProbe';
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

/** Deletes these triggers and what we remembered about them. */
export function deleteTriggers(triggers: readonly GoogleAppsScript.Script.Trigger[]): void {
  for (const t of triggers) ScriptApp.deleteTrigger(t);
  forgetTriggerDocuments(triggers.map((t) => t.getUniqueId()));
}

/**
 * Installs the daily trigger for the current user, replacing ours (the self-check's one-off run too: an add-on may
 * hold one time-based trigger per user per document); returns what was recorded.
 */
export function installDailyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string, now: Date): InstallRecord {
  deleteTriggers(ScriptApp.getUserTriggers(spreadsheet).filter((t) => [DAILY_HANDLER, PROBE_HANDLER].includes(t.getHandlerFunction())));
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    trigger = ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).inTimezone(SCHEDULE_TIME_ZONE).create();
  } catch (error) {
    if (isTriggerLimit(error, spreadsheet)) throw new UserError(emailTexts.otherTimeTrigger);
    throw error;
  }
  rememberTriggerDocument(trigger.getUniqueId(), spreadsheet);
  const mine = ourTriggers(spreadsheet);
  if (mine.length !== 1) {
    deleteTriggers(mine.filter((t) => t.getUniqueId() !== trigger.getUniqueId()));
    if (ourTriggers(spreadsheet).length !== 1) throw new UserError(emailTexts.notExactlyOne(mine.length));
  }
  const record: InstallRecord = { by: user, at: now.toISOString(), id: trigger.getUniqueId() };
  properties().setProperty(INSTALL_KEY, JSON.stringify(record));
  return record;
}

/**
 * Whether creating our time-driven trigger failed on the add-on's trigger limits. Google translates its messages into
 * the user's language, so the English words are only one sign: the other is the state they describe, read back (a
 * time-based trigger of this add-on still in this document for this user once ours are deleted, or the 20 triggers a
 * user may have per script).
 */
function isTriggerLimit(error: unknown, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const message = error instanceof Error ? error.message : String(error);
  if (/time-based triggers|too many/i.test(message)) return true;
  try {
    const clock = ScriptApp.getUserTriggers(spreadsheet).some((t) => t.getEventType() === ScriptApp.EventType.CLOCK);
    return clock || ScriptApp.getProjectTriggers().length >= MAX_TRIGGERS_PER_USER;
  } catch {
    return false;
  }
}

/** Apps Script quotas: 20 triggers per user per script. */
const MAX_TRIGGERS_PER_USER = 20;

/** Removes the current user's daily trigger; returns how many were deleted. */
export function removeDailyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const mine = ourTriggers(spreadsheet);
  deleteTriggers(mine);
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
  // Who installed it is only known when Google let us read both addresses: '' (withheld) is nobody, never a match.
  const mineByRecord = record !== null && record.by !== '' && record.by === user;
  if (!installed && (mineByRecord || record === null)) return { ...base, problem: 'missing', message: emailTexts.scheduleMissing, offerReinstall: true };
  const since = Math.max(run ? Date.parse(run.at) : 0, record ? Date.parse(record.at) : 0);
  const idle = now.getTime() - since;
  if (since > 0 && idle > STALE_AFTER_MS) {
    return { ...base, problem: 'stale', message: emailTexts.scheduleStale(Math.floor(idle / 3_600_000)), offerReinstall: true };
  }
  if (run && run.failedRuns >= 2) return { ...base, problem: 'failing', message: emailTexts.scheduleFailing(run.failedRuns), offerReinstall: true };
  return { ...base, problem: null, message: emailTexts.scheduleOn(record?.by ?? ''), offerReinstall: false };
}
