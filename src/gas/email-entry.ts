import { yearOf } from '../core/calendar-date';
import { isUserError, UserError } from '../core/user-error';
import { errorText, readSentLog, runDailySends, sendTestSummary, startWatch, type DailyRunOutcome } from '../sheets/email-run';
import { sendMissedSummaries as resendMissed } from '../sheets/email-resend';
import { scheduleStatusOf } from '../sheets/email-status';
import { loadSettings, saveSettings } from '../sheets/settings-store';
import { gasContext, runAction, serve, tell, withDocumentLock } from './context';
import { DocumentPropertyLogStore, MailAppMailer } from './mailer';
import type { ResendResult, ScheduleStatus } from '../sheets/schedule-status';
import { installDailyTrigger, installRecord, recordRun, removeDailyTrigger, triggerState } from './schedule';
import { DocumentPropertiesStore } from './settings-properties';
import { MENU } from './texts';

/**
 * The email entry points (re-exported by main.ts, so each becomes a top-level function of Code.js): the daily trigger
 * handler, the test-email menu item, and the three functions the settings page calls. Arguments and results are plain
 * JSON (dates as ISO strings). Export nothing else from this file: every export becomes a global of Code.js.
 */

/** The daily run may wait this long for a user's action to finish; a second daily run gives up quietly. */
const DAILY_LOCK_WAIT_MS = 30_000;

const emailTexts = {
  title: 'Gửi email 1+2',
  ran: (o: DailyRunOutcome) => {
    if (o.state === 'disabled') return 'Gửi email tự động đang tắt trong Cài đặt.';
    const unsent = o.failures.reduce((n, f) => n + f.w.length, 0);
    return [
      o.state === 'nothing-due' ? 'Không có thư nào đến hạn.' : `Đã gửi ${o.sent.length} thư.`,
      o.deferred > 0 ? `${o.deferred} thư để lần chạy sau (${o.stoppedBy === 'service' ? 'dịch vụ gửi thư của Google đang lỗi' : 'hết hạn mức gửi email hôm nay'}).` : '',
      unsent > 0 ? `${unsent} thư không gửi được (xem danh sách trong Cài đặt).` : '',
    ]
      .filter(Boolean)
      .join(' ');
  },
  crashed: (message: string) => `Lần chạy bị dừng: ${message}`,
  testSent: (subject: string, to: string) => `Đã gửi thư thử “${subject}” tới ${to}. Thư thật vẫn được gửi đúng hạn theo lịch.`,
  enabled: 'Đã bật gửi email tự động: mỗi sáng khoảng 7 giờ tiện ích kiểm tra lịch và gửi thư đến hạn.',
  disabled: 'Đã tắt gửi email tự động và gỡ lịch chạy hằng ngày.',
};

function installer(user: string): string {
  if (user) return user;
  try {
    return Session.getEffectiveUser().getEmail() ?? '';
  } catch {
    return '';
  }
}

/**
 * The time-driven trigger's handler. Runs under the document lock: a second overlapping run (another user's trigger,
 * a slow day) exits quietly, and the sent-log makes whichever runs next send only what is left.
 */
export function dailyRun(_e?: unknown): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(DAILY_LOCK_WAIT_MS)) {
    console.info('[dicoso] dailyRun: another run holds the document lock; nothing to do.');
    return;
  }
  try {
    const ctx = gasContext();
    const outcome = runDailySends(ctx, new MailAppMailer(), new DocumentPropertyLogStore(), { spreadsheetUrl: ctx.spreadsheet.getUrl() });
    recordRun(new Date(), true, [emailTexts.ran(outcome), ...outcome.warnings].join(' '));
  } catch (error) {
    const message = errorText(error);
    if (!isUserError(error)) console.error(`[dicoso] dailyRun failed: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
    try {
      recordRun(new Date(), false, emailTexts.crashed(message));
    } catch {
      // Recording is best effort: the run has already failed, and Google records the failed execution.
    }
  } finally {
    lock.releaseLock();
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

function statusOf(): ScheduleStatus {
  const ctx = gasContext();
  const { settings, policy } = loadSettings(new DocumentPropertiesStore(), yearOf(ctx.today));
  const state = triggerState(ctx.spreadsheet, ctx.user, settings.schedule.enabled, new Date());
  return scheduleStatusOf(state, readSentLog(new DocumentPropertyLogStore(), settings.year), policy, settings.year);
}

/** For the settings page: installed?, by whom, the last run and its outcome, failures, whether to offer reinstalling. */
export function getScheduleStatus(): ScheduleStatus {
  return serve(emailTexts.title, statusOf);
}

/**
 * For the settings page: turns the daily schedule on (installing, or reinstalling, exactly one trigger for the
 * current user) or off (removing it), and saves the choice in the settings. Returns the new status.
 */
export function setSchedule(enabled: boolean): ScheduleStatus {
  return serve(emailTexts.title, () => {
    if (typeof enabled !== 'boolean') throw new UserError('Giá trị bật/tắt không hợp lệ.');
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(10_000)) throw new UserError('Một người khác đang thao tác trên bảng tính. Vui lòng đợi ít phút rồi thử lại.');
    try {
      const ctx = gasContext();
      const store = new DocumentPropertiesStore();
      const loaded = loadSettings(store, yearOf(ctx.today));
      // No install record: the schedule was off (turning it off deletes the record), so it starts watching today.
      const fresh = enabled && installRecord() === null;
      if (enabled) installDailyTrigger(ctx.spreadsheet, installer(ctx.user), new Date());
      else removeDailyTrigger(ctx.spreadsheet);
      if (fresh) startWatch(new DocumentPropertyLogStore(), ctx.today, loaded.settings.year);
      const saved = saveSettings(store, { ...loaded.settings, schedule: { ...loaded.settings.schedule, enabled } });
      if (!saved.ok) throw new UserError(saved.errors.join(' '));
    } finally {
      lock.releaseLock();
    }
    return statusOf();
  });
}

/**
 * For the settings page: "Gửi bù", the quarterly summaries the daily run gave up on, sent now under the document lock
 * (the daily run takes it too, so the two never send the same email). Returns what went and the new status.
 */
export function sendMissedSummaries(): ResendResult {
  return serve(emailTexts.title, () => {
    const outcome = withDocumentLock(() => {
      const ctx = gasContext();
      return resendMissed(ctx, new MailAppMailer(), new DocumentPropertyLogStore(), { spreadsheetUrl: ctx.spreadsheet.getUrl() });
    });
    return { sent: outcome.sent, message: outcome.message, status: statusOf() };
  });
}
