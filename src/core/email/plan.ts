import { addDays, type CalendarDate, type Quarter } from '../calendar-date';
import { deadlineCoverage, deadlineDates, periodOf, quarterlySummaryDate } from '../period';
import type { Policy } from '../policy';
import { periodName } from '../quarter-name';
import type { Settings } from '../settings';
import { approvalReminders, type ApprovalHolding } from './approval-reminders';
import type { BanFacts, CadreBehind, EmailFacts, IncompleteCadre, OverdueCadre } from './facts';
import { btcKtAddresses, normalizeEmail } from './recipients';
import { isGivenUp, isSent, type SentLog } from './sent-log';
import { pushAll } from '../arrays';

/**
 * What the daily run sends today, decided from the calendar alone: there is no quarterly clock, only a daily trigger
 * that asks "is anything due today?".
 *
 * - Quarterly summary (every preset: users asked for it), on the document's quarterly report day where it has one
 *   (Tây Ninh's mẫu 3 on the 27th, Hà Nam's quarter end) and on the settable summary day otherwise (the 27th by
 *   default; Kiên Giang has no quarterly report): one email per Ban to its leader, one province-wide email to each
 *   BTC-KT address.
 * - Reminders, settings.schedule.reminderDaysBefore days before each registration and report deadline of the
 *   preset's own calendar, only to the leaders of Bans with something missing: cadres with no registered trip for
 *   what the deadline covers, trips past their end not marked done, cadres behind.
 *
 * Catch-up: a daily trigger can miss a day (Google disabled it for a while, the run failed or ran out of quota).
 * An item stays due for CATCH_UP_DAYS days after its day, so the next run still sends it once (the sent-log stops a
 * second send); it is never sent before its day, and a reminder never after its deadline. What is still unsent when
 * its window closes is never dropped silently: the run of its last day records it, and a run after a gap finds the
 * windows that closed meanwhile (closedSends).
 */

export const CATCH_UP_DAYS = 3;

export type SendKind = 'province-summary' | 'ban-summary' | 'reminder' | 'approval-reminder';

export interface ReminderDeadline {
  /** The deadline's id, with `-q<n>` for a quarterly one. */
  id: string;
  /** As the document words it, with the quarter it is for ("… quý II năm 2023"). */
  label: string;
  /** The last day on time. */
  date: CalendarDate;
  kind: 'registration' | 'report';
}

export interface BanMissing {
  /** Cadres who still need days or rounds and have no trip registered in what the deadline covers. */
  noTrip: IncompleteCadre[];
  /** The window those trips were looked for in. */
  coverage: { start: CalendarDate; end: CalendarDate };
  overdue: OverdueCadre[];
  behind: CadreBehind[];
}

export interface Send {
  kind: SendKind;
  /** Kind and period: `p2023-2` (province, quarter 2), `q2023-2` (a Ban, quarter 2), `r2023-mau-1` (a reminder). */
  item: string;
  /** Who, inside the item: the address, or the Ban and the address for a Ban's email. */
  recipientKey: string;
  /**
   * Whom the item is for, whatever the address: the Ban's key, or the BTC-KT address. Failures are kept under it, so a
   * missed summary can still go to a Ban that had no address when it was due.
   */
  target: string;
  /** The day the item is due (the report date for a summary, the reminder day for a reminder). */
  due: CalendarDate;
  /** The last day the daily run may send it: CATCH_UP_DAYS after `due`, for a reminder never after its deadline. */
  lastDay: CalendarDate;
  quarter: Quarter | null;
  deadline: ReminderDeadline | null;
  /** The Ban the email is about; null for the province-wide email. */
  ban: string | null;
  /** The address; '' when the Ban has no leader address (reported as a failure, never sent). */
  to: string;
  /** The person greeted; '' when unknown. */
  toName: string;
  missing: BanMissing | null;
  /** An approval reminder's deadlines and the registrations waiting for them (approval-reminders.ts). */
  approvals?: ApprovalHolding;
}

export interface PlanInput {
  today: CalendarDate;
  settings: Settings;
  policy: Policy;
  year: number;
  facts: EmailFacts;
  sentLog: SentLog;
}

/** Every send due today that the sent-log does not already hold: province-wide first, then Bans, then reminders. */
export function planSends(input: PlanInput): Send[] {
  const { today, sentLog } = input;
  return inOrder(yearSends(input).filter((s) => s.due <= today && today <= s.lastDay && !isSent(sentLog, s.item, s.recipientKey)));
}

/**
 * Sends whose window closed on a day from `since` to yesterday and that neither went nor were given up: the trigger
 * did not run on those days, or a run was killed on the last one (the 6-minute limit ends an execution without
 * running its catch blocks). A run looks back from the day the previous run looked (SentLog.c), so each window is
 * judged once, with that day's facts.
 */
export function closedSends(input: PlanInput, since: CalendarDate): Send[] {
  const { today, sentLog } = input;
  return inOrder(
    yearSends(input).filter(
      (s) => s.lastDay >= since && s.lastDay < today && !isSent(sentLog, s.item, s.recipientKey) && !isGivenUp(sentLog, s.item, s.target),
    ),
  );
}

/** The quarterly summaries the daily run gave up on (their window closed unsent): what "Gửi bù" sends. */
export function missedSummarySends(input: PlanInput): Send[] {
  const { sentLog } = input;
  return inOrder(summarySends(input).filter((s) => isGivenUp(sentLog, s.item, s.target)));
}

/** Everything the schedule sends in the policy year, whatever the day: summaries and reminders, as switched on. */
function yearSends(input: PlanInput): Send[] {
  const { settings } = input;
  return [
    ...(settings.schedule.quarterlySummary ? summarySends(input) : []),
    ...(settings.schedule.reminders ? [...reminderSends(input), ...approvalReminderSends(input)] : []),
  ];
}

function inOrder(sends: Send[]): Send[] {
  const rank = (s: Send) => (s.kind === 'province-summary' ? 0 : s.kind === 'ban-summary' ? 1 : 2);
  return sends.sort((a, b) => rank(a) - rank(b) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

function summarySends({ settings, policy, year, facts }: PlanInput): Send[] {
  const out: Send[] = [];
  for (const quarter of [1, 2, 3, 4] as const) {
    const due = quarterlySummaryDate(policy, year, quarter);
    pushAll(out, provinceSummarySends(settings, year, quarter, due));
    for (const ban of facts.bans) out.push(banSummarySend(year, quarter, due, ban));
  }
  return out;
}

export function banSummarySend(year: number, quarter: Quarter, due: CalendarDate, ban: BanFacts): Send {
  return {
    kind: 'ban-summary',
    item: `q${year}-${quarter}`,
    recipientKey: banRecipientKey(ban),
    target: ban.key,
    due,
    lastDay: addDays(due, CATCH_UP_DAYS),
    quarter,
    deadline: null,
    ban: ban.ban,
    to: ban.leader.email,
    toName: ban.leader.name,
    missing: null,
  };
}

export function provinceSummarySends(settings: Settings, year: number, quarter: Quarter, due: CalendarDate): Send[] {
  return btcKtAddresses(settings.recipients).map((to) => provinceSummarySend(year, quarter, due, to));
}

export function provinceSummarySend(year: number, quarter: Quarter, due: CalendarDate, to: string): Send {
  return {
    kind: 'province-summary',
    item: `p${year}-${quarter}`,
    recipientKey: normalizeEmail(to),
    target: normalizeEmail(to),
    due,
    lastDay: addDays(due, CATCH_UP_DAYS),
    quarter,
    deadline: null,
    ban: null,
    to,
    toName: '',
    missing: null,
  };
}

function banRecipientKey(ban: BanFacts): string {
  return `${ban.key}|${normalizeEmail(ban.leader.email)}`;
}

/**
 * The preset's registration and report deadlines of the policy year, by date: the document's own calendar, nothing
 * more (06-HD has no quarterly report, so Kiên Giang has no quarterly reminder). Approval deadlines are the standing
 * committee's, not the Bans'.
 */
export function reminderDeadlines(policy: Policy, year: number): (ReminderDeadline & { covers: { start: CalendarDate; end: CalendarDate } })[] {
  const period = periodOf(policy, year);
  const out: (ReminderDeadline & { covers: { start: CalendarDate; end: CalendarDate } })[] = [];
  for (const deadline of policy.deadlines) {
    if (deadline.kind === 'approval') continue;
    for (const { lastDay, quarter } of deadlineDates(deadline, year)) {
      out.push({
        id: quarter === null ? deadline.id : `${deadline.id}-q${quarter}`,
        label: quarter === null ? deadline.label : `${deadline.label} ${periodName({ quarter, year })}`,
        date: lastDay,
        kind: deadline.kind,
        covers: deadlineCoverage(deadline, year, quarter, period),
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Reminders to the Bans with something missing for each deadline. The facts are today's: for a window that closed
 * unnoticed (closedSends), a Ban is judged as it is on the day the gap is found.
 */
function reminderSends({ settings, policy, year, facts }: PlanInput): Send[] {
  const out: Send[] = [];
  const before = settings.schedule.reminderDaysBefore;
  for (const deadline of reminderDeadlines(policy, year)) {
    const due = addDays(deadline.date, -before);
    const catchUpEnd = addDays(due, CATCH_UP_DAYS);
    const lastDay = catchUpEnd < deadline.date ? catchUpEnd : deadline.date;
    const { covers, ...rest } = deadline;
    for (const ban of facts.bans) {
      const missing = missingFor(ban, covers);
      if (!missing) continue;
      out.push({
        kind: 'reminder',
        item: `r${year}-${deadline.id}`,
        recipientKey: banRecipientKey(ban),
        target: ban.key,
        due,
        lastDay,
        quarter: null,
        deadline: rest,
        ban: ban.ban,
        to: ban.leader.email,
        toName: ban.leader.name,
        missing,
      });
    }
  }
  return out;
}

/** Reminders to whoever holds a waiting registration (approval-reminders.ts), as sends: one a day per address. */
function approvalReminderSends({ settings, policy, year, facts }: PlanInput): Send[] {
  return approvalReminders(settings, policy, year, facts.bans, facts.waiting ?? [], CATCH_UP_DAYS).map((r) => ({
    kind: 'approval-reminder',
    item: r.item,
    recipientKey: normalizeEmail(r.to),
    target: r.target,
    due: r.due,
    lastDay: r.lastDay,
    quarter: null,
    deadline: null,
    ban: r.holding.ban,
    to: r.to,
    toName: r.toName,
    missing: null,
    approvals: r.holding,
  }));
}

/** What the Ban still lacks for a deadline, or null when nothing (no reminder then). */
export function missingFor(ban: BanFacts, coverage: { start: CalendarDate; end: CalendarDate }): BanMissing | null {
  const noTrip = ban.incomplete.filter((c) => !c.tripStarts.some((d) => d >= coverage.start && d <= coverage.end));
  const missing: BanMissing = { noTrip, coverage, overdue: ban.overdue, behind: ban.behind };
  return noTrip.length + ban.overdue.length + ban.behind.length > 0 ? missing : null;
}
