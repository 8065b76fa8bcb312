import { isCalendarDate, type CalendarDate } from '../core/calendar-date';
import { isUserError, UserError } from '../core/user-error';
import type { ServerContext } from '../sheets/server-context';
import { DocumentPropertiesStore } from './settings-properties';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { texts, TITLE } from './texts';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** How long an action waits for another user's run of the same document to finish before giving up. */
const LOCK_WAIT_MS = 10_000;

/** The server context of an Apps Script execution, with the adapter itself for the GAS-only helpers. */
export interface GasContext extends ServerContext {
  workbook: SpreadsheetWorkbook;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** Today in Vietnam, read from the clock here at the edge (core never reads a clock). */
export function todayInVietnam(): CalendarDate {
  const text = Utilities.formatDate(new Date(), VIETNAM_TIME_ZONE, 'yyyy-MM-dd');
  if (!isCalendarDate(text)) throw new Error(`Utilities.formatDate gave ${text}`);
  return text;
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
    today: todayInVietnam(),
    user: activeUserEmail(),
  };
}

/**
 * Runs `fn` holding the document lock, so two leaders running a writing action at once never interleave half-written
 * tabs. When another execution keeps the lock past the wait, the person is told to wait; nothing has been written.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new UserError(texts.busy);
  try {
    return fn();
  } finally {
    // Pending writes land before the next execution can take the lock.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
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

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}

/**
 * A menu action: a UserError is shown as it is (its message is Vietnamese and says what to do); anything else is a
 * bug, logged in full with console.error and shown as a short apology. A person never sees a stack trace.
 */
export function runAction(title: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (isUserError(error)) {
      tell(title, error.message);
      return;
    }
    console.error(`[${TITLE}] ${title} failed: ${describe(error)}`);
    tell(title, texts.unexpected(title));
  }
}

/**
 * A server function called from a page through google.script.run: the page's failure handler receives an Error whose
 * message is what the person reads (the UserError's message, or the apology), never a stack trace.
 */
export function serve<T>(title: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isUserError(error)) throw new Error(error.message);
    console.error(`[${TITLE}] ${title} failed: ${describe(error)}`);
    throw new Error(texts.unexpected(title));
  }
}
