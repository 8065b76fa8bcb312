import { btcKtAddresses } from '../../core/email/recipients';
import { emailTexts } from '../../core/email/texts';
import type { Policy } from '../../core/policy';
import type { Settings } from '../../core/settings';
import { CATCH_UP_DAYS } from '../../core/email/plan';
import { dismissFailure, serializeSentLog } from '../../core/email/sent-log';
import { UserError } from '../../core/user-error';
import * as z from '../../core/zod-vi';
import { sendMissedSummaries as resendMissed } from '../email-resend';
import { readSentLog, startWatch } from '../email-run';
import { scheduleStatusOf } from '../email-status';
import type { ResendResult, ScheduleStatus } from '../schedule-status';
import { storedSettings, type PageContext } from '../server-context';
import { saveSettings } from '../settings-store';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';

/** The settings page's email schedule: its state, turning it on or off, and "Gửi bù". */

/** Installed?, by whom, the last run and its outcome, failures, whether to offer reinstalling. */
export function getScheduleStatus(ctx: PageContext): ScheduleStatus {
  const { settings, policy } = storedSettings(ctx);
  const state = ctx.host.trigger.state(settings.schedule.enabled);
  const status = scheduleStatusOf(state, readSentLog(ctx.host.sentLog, settings.year), policy, settings.year);
  return { ...status, gaps: scheduleGaps(settings, policy) };
}

/** The daily run plans the province summary for BTC-KT's addresses only: with none, it goes to nobody, silently. */
function scheduleGaps(settings: Settings, policy: Policy): string[] {
  const { enabled, quarterlySummary } = settings.schedule;
  if (!enabled || !quarterlySummary || btcKtAddresses(settings.recipients).length > 0) return [];
  return [emailTexts.noProvinceSummary(policy.compilingDepartment)];
}

/**
 * Turns the daily schedule on (installing, or reinstalling, exactly one trigger for the current user) or off
 * (removing it), and saves the choice in the settings. Returns the new status.
 */
export function setSchedule(ctx: PageContext, enabled: boolean): ScheduleStatus {
  const loaded = storedSettings(ctx);
  // No install record: the schedule was off (turning it off deletes the record), so it starts watching today.
  const fresh = enabled && !ctx.host.trigger.hasInstallRecord();
  if (enabled) ctx.host.trigger.install();
  else ctx.host.trigger.remove();
  if (fresh) startWatch(ctx.host.sentLog, ctx.today, loaded.settings.year);
  const saved = saveSettings(ctx.settings, { ...loaded.settings, schedule: { ...loaded.settings.schedule, enabled } });
  if (!saved.ok) throw new UserError(saved.errors.join(' '));
  return getScheduleStatus(ctx);
}

/**
 * "Gửi bù": the quarterly summaries the daily run gave up on, sent now (under the document lock, which the daily run
 * takes too, so the two never send the same email). Returns what went and the new status.
 */
export function sendMissedSummaries(ctx: PageContext): ResendResult {
  const outcome = resendMissed(ctx, ctx.host.mailer, ctx.host.sentLog, { spreadsheetUrl: ctx.host.spreadsheetUrl });
  return { sent: outcome.sent, message: outcome.message, status: getScheduleStatus(ctx) };
}

export const DismissUnsentSchema = z.object({ item: z.string(), recipients: z.string() });

/** "Bỏ khỏi danh sách": an unsent email nothing will ever send, taken off the list once read. Returns the new status. */
export function dismissUnsent(ctx: PageContext, key: z.output<typeof DismissUnsentSchema>): ScheduleStatus {
  const status = getScheduleStatus(ctx);
  // Only what nothing will send: a summary "Gửi bù" can still send stays, whatever the page asked.
  if (!status.failures.some((f) => f.dismissable && f.key.item === key.item && f.key.recipients === key.recipients)) return status;
  const { settings } = storedSettings(ctx);
  const log = readSentLog(ctx.host.sentLog, settings.year);
  if (!dismissFailure(log, key.item, key.recipients)) return status;
  ctx.host.sentLog.write(serializeSentLog(log, ctx.today, CATCH_UP_DAYS));
  return getScheduleStatus(ctx);
}

export const emailScheduleFunctions = {
  getScheduleStatus: serverFunction({ action: PAGE_ACTIONS.email, input: NoInput, writes: false, run: getScheduleStatus }),
  setSchedule: serverFunction({ action: PAGE_ACTIONS.email, input: z.boolean({ message: pageTexts.badSwitch }), writes: true, run: setSchedule }),
  sendMissedSummaries: serverFunction({ action: PAGE_ACTIONS.email, input: NoInput, writes: true, run: sendMissedSummaries }),
  dismissUnsent: serverFunction({ action: PAGE_ACTIONS.email, input: DismissUnsentSchema, writes: true, run: dismissUnsent }),
};
