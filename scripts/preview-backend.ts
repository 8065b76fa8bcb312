// The preview's server side: the real sidebar-api functions over an in-memory copy of the sample workbook.
// scripts/preview.mjs bundles this file with esbuild at start, so `npm run preview` needs nothing but `npm ci`.
import { isCalendarDate, type CalendarDate } from '../src/core/calendar-date';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook';
import { runDailySends, type DailyRunOutcome } from '../src/sheets/email-run';
import { MemoryLogStore, type Mailer, type OutgoingMessage } from '../src/sheets/email-send';
import { MemoryWorkbook } from '../src/sheets/memory-workbook';
import type { TriggerState } from '../src/sheets/schedule-status';
import type { PageContext } from '../src/sheets/server-context';
import { isServerName, serverApi, SERVER_FUNCTIONS } from '../src/sheets/server-functions';
import { MemorySettingsStore } from '../src/sheets/settings-store';
import { userMessage } from '../src/sheets/user-message';
import type { RawCell } from '../src/sheets/workbook';
import { addApprovalDemo, type PreviewPerson } from './preview-approvals';

export interface PreviewCall {
  name: string;
  args: unknown[];
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export interface PreviewBackend {
  workbook: MemoryWorkbook;
  settings: MemorySettingsStore;
  context: PageContext;
  /** Every call the pages made, in order (selectTripRows included: Sheets would select rows, the preview records). */
  calls: PreviewCall[];
  /** A server function as the page calls it, signed in as `user` (the preview's own account when not given: /duyet?as=…). */
  call(name: string, args: unknown[], user?: string): CallOutcome;
  /** Gives the workbook approval columns and approvers (scripts/preview-approvals.ts); returns one person per role. */
  addApprovalDemo(): PreviewPerson[];
  /** The people addApprovalDemo made, for the index page's /duyet frames; empty before. */
  people: PreviewPerson[];
  /** The emails' sent-log (the daily run and "Gửi bù" keep it, as DocumentProperties would in Sheets). */
  emailLog: MemoryLogStore;
  /** What the preview "sent": recorded here, never delivered. */
  outbox: OutgoingMessage[];
  /** What the daily trigger would do on `today` (the preview has no trigger): the real daily run, over the outbox. */
  runDailyEmails(today: string): DailyRunOutcome;
}

/** A Mailer that delivers nothing: the preview must never send a real email. */
class OutboxMailer implements Mailer {
  readonly outbox: OutgoingMessage[] = [];
  remainingQuota(): number {
    return 100;
  }
  send(message: OutgoingMessage): void {
    this.outbox.push(message);
  }
}

export async function createBackend(options: { sample: string; today: string }): Promise<PreviewBackend> {
  if (!isCalendarDate(options.today)) throw new Error(`TODAY must be a date written YYYY-MM-DD, got '${options.today}'`);
  const xlsx = await XlsxWorkbook.load(options.sample);
  const tabs: Record<string, RawCell[][]> = {};
  for (const name of xlsx.tabNames()) tabs[name] = xlsx.readTab(name)?.values ?? [];
  const workbook = MemoryWorkbook.fromTabs(tabs, { dateTimeZone: xlsx.dateTimeZone });
  const settings = new MemorySettingsStore();
  const user = 'xem-truoc@example.vn';
  const calls: PreviewCall[] = [];
  let scheduleOn = false;
  const emailLog = new MemoryLogStore();
  const mailer = new OutboxMailer();
  const context: PageContext = {
    workbook,
    settings,
    today: options.today as CalendarDate,
    user,
    // No tabs to show, no rows to select, no trigger outside Sheets: the preview keeps the schedule's state in memory
    // so the settings page can be tried, and its emails go to the outbox.
    host: {
      showTab: () => undefined,
      selectRows: (_tab, rows) => rows.length,
      mailer,
      sentLog: emailLog,
      spreadsheetUrl: null,
      trigger: {
        state: (enabled) => previewSchedule(enabled && scheduleOn, user),
        hasInstallRecord: () => scheduleOn,
        install: () => void (scheduleOn = true),
        remove: () => void (scheduleOn = false),
      },
    },
  };
  const api = serverApi(context);
  const people: PreviewPerson[] = [];

  return {
    workbook,
    settings,
    context,
    calls,
    emailLog,
    outbox: mailer.outbox,
    people,
    addApprovalDemo() {
      if (people.length === 0) people.push(...addApprovalDemo(workbook, context.today));
      return [...people];
    },
    runDailyEmails(today) {
      if (!isCalendarDate(today)) throw new Error(`today must be a date written YYYY-MM-DD, got '${today}'`);
      return runDailySends({ ...context, today }, mailer, emailLog, { spreadsheetUrl: null });
    },
    call(name, args, user) {
      calls.push({ name, args });
      // Apps Script's own wording when a page calls a function the script does not have.
      if (!isServerName(name)) return { ok: false, message: `Script function not found: ${name}` };
      try {
        const as = user === undefined ? api : serverApi({ ...context, user });
        // What google.script.run does to a result: plain JSON, no Dates, no undefined.
        const value = (as[name] as (input?: unknown) => unknown)(args[0]);
        return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
      } catch (error) {
        return { ok: false, message: userMessage(error, SERVER_FUNCTIONS[name].action) };
      }
    },
  };
}

function previewSchedule(enabled: boolean, user: string): TriggerState {
  return {
    enabled,
    installed: enabled,
    installedBy: enabled ? user : '',
    installedAt: enabled ? new Date().toISOString() : '',
    lastRun: null,
    problem: null,
    message: enabled ? `Đang bật (bản xem trước: không gửi thư thật), cài bởi ${user}.` : 'Chưa bật gửi email tự động.',
    offerReinstall: false,
  };
}
