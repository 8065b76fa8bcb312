// The preview's server side: the real sidebar-api functions over an in-memory copy of the sample workbook.
// scripts/preview.mjs bundles this file with esbuild at start, so `npm run preview` needs nothing but `npm ci`.
import { isCalendarDate, yearOf, type CalendarDate } from '../src/core/calendar-date';
import { XlsxWorkbook } from '../src/cli/xlsx-workbook';
import { MemoryLogStore, readSentLog, runDailySends, startWatch, type DailyRunOutcome, type Mailer, type OutgoingMessage } from '../src/sheets/email-run';
import { sendMissedSummaries } from '../src/sheets/email-resend';
import { scheduleStatusOf } from '../src/sheets/email-status';
import { MemoryWorkbook } from '../src/sheets/memory-workbook';
import type { ServerContext } from '../src/sheets/server-context';
import { loadSettings, MemorySettingsStore } from '../src/sheets/settings-store';
import { clientMessage, sidebarApi, type ServerApi } from '../src/sheets/sidebar-api';
import type { ResendResult, ScheduleStatus, TriggerState } from '../src/sheets/schedule-status';
import type { RawCell } from '../src/sheets/workbook';

export interface PreviewCall {
  name: string;
  args: unknown[];
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export interface PreviewBackend {
  workbook: MemoryWorkbook;
  settings: MemorySettingsStore;
  context: ServerContext;
  /** Every call the pages made, in order (selectTripRows included: Sheets would select rows, the preview records). */
  calls: PreviewCall[];
  call(name: string, args: unknown[]): CallOutcome;
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
  const context: ServerContext = { workbook, settings, today: options.today as CalendarDate, user: 'xem-truoc@example.vn' };
  const calls: PreviewCall[] = [];
  let trigger: TriggerState = previewSchedule(false, context.user);
  const emailLog = new MemoryLogStore();
  const mailer = new OutboxMailer();
  const status = (): ScheduleStatus => {
    const { settings: current, policy } = loadSettings(settings, yearOf(context.today));
    return scheduleStatusOf(trigger, readSentLog(emailLog, current.year), policy, current.year);
  };

  const handlers: Record<keyof ServerApi, (...args: unknown[]) => unknown> = {
    ...Object.fromEntries(
      Object.entries(sidebarApi).map(([name, fn]) => [name, (...args: unknown[]) => (fn as (ctx: ServerContext, ...a: unknown[]) => unknown)(context, ...args)]),
    ),
    selectTripRows: () => null,
    // No triggers outside Sheets: the preview keeps the schedule's state in memory so the settings page can be tried.
    getScheduleStatus: status,
    setSchedule: (enabled: unknown) => {
      const on = enabled === true;
      if (on && !trigger.installed) startWatch(emailLog, context.today, loadSettings(settings, yearOf(context.today)).settings.year);
      trigger = previewSchedule(on, context.user);
      const stored = settings.read();
      const current = stored ? (JSON.parse(stored) as { schedule?: Record<string, unknown> }) : null;
      if (current) settings.write(JSON.stringify({ ...current, schedule: { ...current.schedule, enabled: on } }));
      return status();
    },
    sendMissedSummaries: (): ResendResult => {
      const outcome = sendMissedSummaries(context, mailer, emailLog, { spreadsheetUrl: null });
      return { sent: outcome.sent, message: outcome.message, status: status() };
    },
  } as Record<keyof ServerApi, (...args: unknown[]) => unknown>;

  return {
    workbook,
    settings,
    context,
    calls,
    emailLog,
    outbox: mailer.outbox,
    runDailyEmails(today) {
      if (!isCalendarDate(today)) throw new Error(`today must be a date written YYYY-MM-DD, got '${today}'`);
      return runDailySends({ ...context, today }, mailer, emailLog, { spreadsheetUrl: null });
    },
    call(name, args) {
      calls.push({ name, args });
      const handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name as keyof ServerApi] : undefined;
      // Apps Script's own wording when a page calls a function the script does not have.
      if (!handler) return { ok: false, message: `Script function not found: ${name}` };
      try {
        // What google.script.run does to a result: plain JSON, no Dates, no undefined.
        return { ok: true, value: JSON.parse(JSON.stringify(handler(...args) ?? null)) };
      } catch (error) {
        return { ok: false, message: clientMessage(error) };
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
