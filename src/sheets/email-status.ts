import { formatDayFirst, isCalendarDate, type CalendarDate, type Quarter } from '../core/calendar-date';
import { reminderDeadlines } from '../core/email/plan';
import { itemYear, type SendFailure, type SentLog } from '../core/email/sent-log';
import { emailTexts } from '../core/email/texts';
import type { Policy } from '../core/policy';
import type { ScheduleFailure, ScheduleStatus, TriggerState } from './schedule-status';

/**
 * What the settings page says about emails that did not go, read from the sent-log alone (no sheet read): each
 * failure with what it was, for whom, when it was due and why, and whether "Gửi bù" can send it now. While any email
 * will not go by itself, the page does not say all is well.
 */

const NAMES_SHOWN = 4;

function isSummaryItem(item: string): boolean {
  return /^[pq]\d{4}-[1-4]$/.test(item);
}

export function scheduleStatusOf(state: TriggerState, log: SentLog, policy: Policy, year: number): Omit<ScheduleStatus, 'gaps'> {
  const reminders = new Map<string, { date: CalendarDate; label: string }>(reminderDeadlines(policy, year).map((d) => [`r${year}-${d.id}`, d]));
  const label = (item: string): string => {
    const summary = /^([pq])(\d{4})-([1-4])$/.exec(item);
    if (summary) return (summary[1] === 'p' ? emailTexts.provinceSummary : emailTexts.banSummary)(Number(summary[3]) as Quarter, Number(summary[2]));
    const deadline = reminders.get(item);
    return deadline ? emailTexts.reminder(formatDayFirst(deadline.date), deadline.label) : emailTexts.someReminder;
  };
  const failures: ScheduleFailure[] = log.failures
    .slice()
    .reverse()
    .map((f: SendFailure) => {
      const resendable = f.f === 1 && isSummaryItem(f.i) && itemYear(f.i) === year;
      return {
        date: f.d,
        what: label(f.i),
        to: f.w.slice(0, f.w.length > NAMES_SHOWN ? NAMES_SHOWN - 1 : NAMES_SHOWN).map(recipientOf),
        more: f.w.length > NAMES_SHOWN ? f.w.length - (NAMES_SHOWN - 1) : 0,
        key: { item: f.i, recipients: f.h },
        count: f.w.length,
        due: isCalendarDate(f.u) ? f.u : '',
        message: f.m,
        final: f.f === 1,
        resendable,
        needsAddress: f.a === 1,
        dismissable: f.f === 1 && !resendable,
      };
    });
  const resendable = failures.filter((f) => f.resendable).reduce((n, f) => n + f.count, 0);
  const lost = failures.filter((f) => f.final).reduce((n, f) => n + f.count, 0);
  if (lost === 0 || state.problem !== null) return { ...state, failures, resendable };
  return { ...state, problem: 'unsent', message: `${state.message} ${emailTexts.unsent(lost)}`, failures, resendable };
}

/** "Ban Tuyên giáo <tg@…>" as the log names a recipient (email-run.ts recipientName), cut or not. */
function recipientOf(named: string): { name: string; address: string } {
  const m = /^(.*?)\s*<([^<>]*)>?$/.exec(named);
  return m ? { name: m[1]!, address: m[2]! } : { name: named, address: '' };
}
