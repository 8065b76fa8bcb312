import { UserError } from '../core/user-error';
import type { PageContext, PageHost, ServerContext } from '../sheets/server-context';
import { userMessage } from '../sheets/user-message';
import { DocumentPropertyLogStore, MailAppMailer } from './mailer';
import { installDailyTrigger, installRecord, removeDailyTrigger, triggerState } from './schedule';
import { readSelfCheck } from './self-check/store';
import { DocumentPropertiesStore } from './settings-properties';
import { todayInVietnamByOffset } from './sheet-dates';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { texts } from './texts';

/** How long an action waits for another user's run of the same document to finish before giving up. */
const LOCK_WAIT_MS = 10_000;

/** The server context of an Apps Script execution, with the adapter itself for the GAS-only helpers. */
export interface GasContext extends ServerContext {
  workbook: SpreadsheetWorkbook;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? '';
  } catch {
    // Google withholds the address in some contexts (another domain, simple triggers).
    return '';
  }
}

export function gasContext(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive()): GasContext {
  return {
    spreadsheet,
    workbook: new SpreadsheetWorkbook(spreadsheet),
    settings: new DocumentPropertiesStore(),
    today: todayInVietnamByOffset(new Date()),
    user: activeUserEmail(),
  };
}

/**
 * The one document lock: runs `fn` holding it, so two leaders running a writing action at once never interleave
 * half-written tabs. Take it before reading what the action writes back (a check running meanwhile must not leave us
 * writing what we read before it wrote). When another execution keeps the lock past the wait, the person is told to
 * wait (`busy` decides otherwise: the daily run leaves quietly); nothing has been written.
 */
export function withDocumentLock<T>(
  fn: () => T,
  waitMs = LOCK_WAIT_MS,
  busy: () => T = () => {
    throw new UserError(texts.busy);
  },
): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return busy();
  try {
    return fn();
  } finally {
    // Pending writes land before the next execution can take the lock.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

function installer(user: string): string {
  if (user) return user;
  try {
    return Session.getEffectiveUser().getEmail() ?? '';
  } catch {
    return '';
  }
}

/** What the pages' server functions can do only in Sheets: show and select, MailApp, the daily trigger. */
function gasHost(ctx: GasContext): PageHost {
  return {
    showTab: (tab) => ctx.workbook.sheet(tab)?.activate(),
    selectRows: (tab, rows) => ctx.workbook.selectRows(tab, rows),
    mailer: new MailAppMailer(),
    sentLog: new DocumentPropertyLogStore(),
    // Read only by the functions that send: the others make no call for it.
    get spreadsheetUrl() {
      return ctx.spreadsheet.getUrl();
    },
    trigger: {
      state: (enabled) => triggerState(ctx.spreadsheet, ctx.user, enabled, new Date()),
      hasInstallRecord: () => installRecord() !== null,
      install: () => void installDailyTrigger(ctx.spreadsheet, installer(ctx.user), new Date()),
      remove: () => void removeDailyTrigger(ctx.spreadsheet),
    },
    selfCheck: () => readSelfCheck(ctx.spreadsheet),
  };
}

/** The context of a server function a page calls through google.script.run. */
export function pageContext(): GasContext & PageContext {
  const ctx = gasContext();
  return { ...ctx, host: gasHost(ctx) };
}

/** An alert when there is a UI, else a toast (time-driven runs, the script editor). */
export function tell(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    try {
      SpreadsheetApp.getActive().toast(message, title, 30);
    } catch {
      console.info(`${title}: ${message}`);
    }
  }
}

/** A menu action: what fails reaches the person as one sentence (src/sheets/user-message.ts), never a stack trace. */
export function runAction(title: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    tell(title, userMessage(error, title));
  }
}

/**
 * A server function called from a page through google.script.run: the page's failure handler receives an Error whose
 * message is what the person reads (the same translation as the menus and the preview).
 */
export function serve<T>(action: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(userMessage(error, action), { cause: error });
  }
}
