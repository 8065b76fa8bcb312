import { roundsOf } from '../approval';
import { addDays, type CalendarDate } from '../calendar-date';
import { banKey } from '../names';
import type { Policy } from '../policy';
import type { RoundDeadline } from '../registration-rounds';
import type { Settings } from '../settings';
import type { BanFacts } from './facts';
import { btcKtAddresses, normalizeEmail } from './recipients';
import type { WaitingRegistration } from './waiting';

/**
 * Reminders to whoever holds a waiting registration, a few days (settings.schedule.reminderDaysBefore) before each
 * deadline of the preset's registration rounds (approval.ts roundsOf: Kiên Giang 06-HD §IV by Đợt, Tây Ninh mẫu 1 and
 * mẫu 2, Hà Nam by quarter): a Ban's leader for the registrations waiting for the Ban before the Ban's deadline, the
 * compiling department and the Thường trực for those waiting at the province's step before the approval deadline.
 * One email a day per person, whatever the number of deadlines near that day (item `a<year>-<day>`, one per address
 * in the sent-log, like every other email: never twice). Only where the sheet keeps approvals.
 */

/** One deadline of the email: what it is, its date, and the registrations waiting for it. */
export interface HeldDeadline {
  deadline: RoundDeadline;
  round: string;
  registrations: WaitingRegistration[];
}

/** What an approval reminder is about. */
export interface ApprovalHolding {
  /** The Ban whose leader is written to; null for the province's step. */
  ban: string | null;
  deadlines: HeldDeadline[];
}

/** One reminder: to one address, due on one day, for the deadlines near then. */
export interface ApprovalReminder {
  item: string;
  to: string;
  toName: string;
  /** The Ban's key for a leader, the address for the province's step (the sent-log's target). */
  target: string;
  due: CalendarDate;
  lastDay: CalendarDate;
  holding: ApprovalHolding;
}

interface Held {
  to: string;
  toName: string;
  ban: BanFacts | null;
  due: CalendarDate;
  lastDay: CalendarDate;
  held: HeldDeadline;
}

/** Every approval reminder of the year, whatever the day (plan.ts filters by day and by the sent-log). */
export function approvalReminders(
  settings: Settings,
  policy: Policy,
  year: number,
  bans: readonly BanFacts[],
  waiting: readonly WaitingRegistration[],
  catchUpDays: number,
): ApprovalReminder[] {
  if (waiting.length === 0) return [];
  const before = settings.schedule.reminderDaysBefore;
  const window = (deadline: RoundDeadline) => {
    const due = addDays(deadline.date, -before);
    const catchUp = addDays(due, catchUpDays);
    return { due, lastDay: catchUp < deadline.date ? catchUp : deadline.date };
  };
  const province = [...btcKtAddresses(settings.recipients), ...settings.recipients.thuongTruc.map((a) => a.trim()).filter((a) => a !== '')];
  const held: Held[] = [];
  for (const round of roundsOf(policy, year)) {
    const inRound = waiting.filter((w) => w.from >= round.covers.start && w.from <= round.covers.end);
    const banStep = round.banDeadline ?? round.listDeadline;
    if (banStep) {
      for (const ban of bans) {
        const registrations = inRound.filter((w) => w.state === 'cho-ban-duyet' && banKey(w.ban) === ban.key);
        // A Ban without a leader address is already named on the settings page (its quarterly emails fail there).
        if (registrations.length === 0 || ban.leader.email === '') continue;
        held.push({ to: ban.leader.email, toName: ban.leader.name, ban, ...window(banStep), held: { deadline: banStep, round: round.label, registrations } });
      }
    }
    const compiled = inRound.filter((w) => w.state === 'cho-tong-hop');
    if (round.approvalDeadline && compiled.length > 0) {
      for (const to of province)
        held.push({
          to,
          toName: '',
          ban: null,
          ...window(round.approvalDeadline),
          held: { deadline: round.approvalDeadline, round: round.label, registrations: compiled },
        });
    }
  }
  // One email a day per address: the deadlines whose reminder falls on the same day go together.
  const byDay = new Map<string, ApprovalReminder>();
  for (const h of held) {
    const address = normalizeEmail(h.to);
    const key = `${address}|${h.due}`;
    const existing = byDay.get(key);
    if (existing) {
      // The same deadline twice (one person in both Email BTC-KT and Email Thường trực): listed once.
      if (!existing.holding.deadlines.some((d) => d.deadline.id === h.held.deadline.id)) existing.holding.deadlines.push(h.held);
      if (h.lastDay < existing.lastDay) existing.lastDay = h.lastDay;
      continue;
    }
    byDay.set(key, {
      item: `a${year}-${h.due}`,
      to: h.to,
      toName: h.toName,
      target: h.ban ? h.ban.key : address,
      due: h.due,
      lastDay: h.lastDay,
      holding: { ban: h.ban?.ban ?? null, deadlines: [h.held] },
    });
  }
  return [...byDay.values()];
}
