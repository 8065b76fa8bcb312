import { emailTexts } from '../core/email/texts';
import { isUserError } from '../core/user-error';
import { errorText, runDailySends, sendTestSummary } from '../sheets/email-run';
import { gasContext, runAction, tell } from './context';
import { DocumentPropertyLogStore, MailAppMailer } from './mailer';
import { deleteTriggers, installRecord, recordRun } from './schedule';
import { storeTriggerContext } from './self-check/store';
import { triggerContextOf } from './self-check/trigger-probe';
import { triggerLock, triggerSpreadsheet, type ClockEvent } from './trigger-document';
import { MENU } from './texts';

/**
 * The email entry points that are not page functions (re-exported by main.ts, so each becomes a top-level function of
 * Code.js): the daily trigger handler and the test-email menu item. The settings page's schedule functions are in
 * the server-function table (src/sheets/pages/email-schedule.ts). Export nothing else from this file.
 */

/** The daily run may wait this long for a user's action to finish; a second daily run gives up quietly. */
const DAILY_LOCK_WAIT_MS = 30_000;

/**
 * The time-driven trigger's handler. It finds its spreadsheet (the active one, or the one remembered for this trigger:
 * an add-on's trigger has no active spreadsheet), leaves quietly when it is not the trigger on record (one left by an
 * earlier installation deletes itself), and runs under the trigger's lock: a second overlapping run exits quietly,
 * and the sent-log makes whichever runs next send only what is left.
 */
export function dailyRun(e?: ClockEvent): void {
  let found: ReturnType<typeof triggerSpreadsheet>;
  try {
    found = triggerSpreadsheet(e);
  } catch (error) {
    // Opening it by id was refused (a scope withdrawn, the file gone): said where the settings page reads it.
    bestEffort(() => recordRun(new Date(), false, emailTexts.runStopped(errorText(error))));
    throw error;
  }
  const { spreadsheet, source } = found;
  if (!spreadsheet) {
    console.error(`[dicoso] dailyRun: no spreadsheet for trigger ${e?.triggerUid ?? '(none)'}; reinstall the schedule from Cài đặt.`);
    return;
  }
  if (!isTriggerOnRecord(spreadsheet, e)) return;
  const { lock, kind } = triggerLock();
  if (!lock.tryLock(DAILY_LOCK_WAIT_MS)) {
    console.info('[dicoso] dailyRun: another run holds the lock; nothing to do.');
    return;
  }
  try {
    // What this run reached, for "Kiểm tra môi trường" on the settings page.
    const documentProperties = (PropertiesService.getDocumentProperties() as GoogleAppsScript.Properties.Properties | null) !== null;
    bestEffort(() => storeTriggerContext(triggerContextOf('daily', source, kind, documentProperties, new Date()), spreadsheet.getId()));
    runAndRecord(spreadsheet);
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/**
 * Whether this run's trigger is the one installed last in this document (a run without an event, from the script
 * editor, is). Another one, left by an earlier installation, deletes itself if it is this user's, and sends nothing.
 */
function isTriggerOnRecord(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, e: ClockEvent | undefined): boolean {
  const record = recordOrNull();
  if (!e?.triggerUid || !record || record.id === e.triggerUid) return true;
  deleteTriggers(ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getUniqueId() === e.triggerUid));
  console.info(`[dicoso] dailyRun: trigger ${e.triggerUid} is not the one installed last (${record.id}); removed, nothing sent.`);
  return false;
}

/** The install record; null when it cannot be read (a run that cannot read it sends as the schedule says). */
function recordOrNull(): ReturnType<typeof installRecord> {
  try {
    return installRecord();
  } catch {
    return null;
  }
}

/** What a run records for the settings page is never worth failing the run for. */
function bestEffort(f: () => unknown): void {
  try {
    f();
  } catch (error) {
    console.error(`[dicoso] dailyRun: not recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function runAndRecord(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  try {
    const ctx = gasContext(spreadsheet);
    const outcome = runDailySends(ctx, new MailAppMailer(), new DocumentPropertyLogStore(), { spreadsheetUrl: ctx.spreadsheet.getUrl() });
    const unsent = outcome.failures.reduce((n, f) => n + f.w.length, 0);
    const ran = emailTexts.ran({ ...outcome, sent: outcome.sent.length, unsent });
    recordRun(new Date(), true, [ran, ...outcome.warnings].join(' '));
  } catch (error) {
    const message = errorText(error);
    if (!isUserError(error)) console.error(`[dicoso] dailyRun failed: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
    try {
      recordRun(new Date(), false, emailTexts.runStopped(message));
    } catch {
      // Recording is best effort: the run has already failed, and Google records the failed execution.
    }
  }
}

/** Menu "Gửi thử báo cáo quý": the current quarter's province-wide summary, to the person at the keyboard only. */
export function menuSendTestSummary(): void {
  runAction(MENU.testSummary, () => {
    const ctx = gasContext();
    const sent = sendTestSummary(ctx, new MailAppMailer(), { spreadsheetUrl: ctx.spreadsheet.getUrl() });
    tell(MENU.testSummary, emailTexts.testSent(sent.subject, sent.to));
  });
}
