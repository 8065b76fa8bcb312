import { emailTexts } from '../core/email/texts';
import { isUserError } from '../core/user-error';
import { errorText, runDailySends, sendTestSummary } from '../sheets/email-run';
import { gasContext, runAction, tell, withDocumentLock } from './context';
import { DocumentPropertyLogStore, MailAppMailer } from './mailer';
import { recordRun } from './schedule';
import { MENU } from './texts';

/**
 * The email entry points that are not page functions (re-exported by main.ts, so each becomes a top-level function of
 * Code.js): the daily trigger handler and the test-email menu item. The settings page's schedule functions are in
 * the server-function table (src/sheets/pages/email-schedule.ts). Export nothing else from this file.
 */

/** The daily run may wait this long for a user's action to finish; a second daily run gives up quietly. */
const DAILY_LOCK_WAIT_MS = 30_000;

/**
 * The time-driven trigger's handler. Runs under the document lock: a second overlapping run (another user's trigger,
 * a slow day) exits quietly, and the sent-log makes whichever runs next send only what is left.
 */
export function dailyRun(_e?: unknown): void {
  withDocumentLock(
    () => {
      try {
        const ctx = gasContext();
        const outcome = runDailySends(ctx, new MailAppMailer(), new DocumentPropertyLogStore(), { spreadsheetUrl: ctx.spreadsheet.getUrl() });
        const unsent = outcome.failures.reduce((n, f) => n + f.w.length, 0);
        const ran = emailTexts.ran({ ...outcome, sent: outcome.sent.length, unsent });
        recordRun(new Date(), true, [ran, ...outcome.warnings].join(' '));
      } catch (error) {
        const message = errorText(error);
        if (!isUserError(error))
          console.error(`[dicoso] dailyRun failed: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
        try {
          recordRun(new Date(), false, emailTexts.runStopped(message));
        } catch {
          // Recording is best effort: the run has already failed, and Google records the failed execution.
        }
      }
    },
    DAILY_LOCK_WAIT_MS,
    () => console.info('[dicoso] dailyRun: another run holds the document lock; nothing to do.'),
  );
}

/** Menu "Gửi thử báo cáo quý": the current quarter's province-wide summary, to the person at the keyboard only. */
export function menuSendTestSummary(): void {
  runAction(MENU.testSummary, () => {
    const ctx = gasContext();
    const sent = sendTestSummary(ctx, new MailAppMailer(), { spreadsheetUrl: ctx.spreadsheet.getUrl() });
    tell(MENU.testSummary, emailTexts.testSent(sent.subject, sent.to));
  });
}
