import { formatDayFirst, type CalendarDate, type Quarter } from './calendar-date';
import type { Period } from './model';
import { deadlineCoverage, deadlineDates, periodOf } from './period';
import type { Deadline, Policy } from './policy';
import { periodName } from './quarter-name';

/**
 * The rounds in which the Bans send their registrations, from the preset's own calendar: Kiên Giang 06-HD §IV bước 1
 * "theo 02 đợt" (Đợt 1 by 20/12 of the year before, Đợt 2 by 20/6, the Thường trực's notice by 30/12 and 30/6);
 * Tây Ninh 2023 one list for the year (mẫu 1, approved by the Ban's leader, by 15/02; the Ban's mẫu 2 by 20/02); Hà Nam
 * 25-HD a plan each quarter, approved before the 5th of its first month. BTC-KT looks at each Ban's list by round.
 */

export interface RoundDeadline {
  /** The deadline's id (with `-q<n>` for a quarterly one) and its words. */
  id: string;
  label: string;
  /** The last day on time (the day before the date where the document says "trước ngày": Hà Nam's 5th). */
  date: CalendarDate;
}

export interface RegistrationRound {
  id: string;
  /** "Đợt 1 (01/01/2023–30/06/2023)", "Năm 2023 (01/01/2023–25/10/2023)", "Quý II năm 2023". */
  label: string;
  covers: Period;
  /** The Ban's approval of each registration: the personal form's deadline where there is one (001 mẫu 1), else the round's. */
  banDeadline: RoundDeadline | null;
  /** The Ban's list reaching the compiling department: the Ban's form's deadline where there is one (001 mẫu 2). */
  listDeadline: RoundDeadline | null;
  /** The Thường trực's approval (06-HD §IV bước 2), or null where the document sets no date for it. */
  approvalDeadline: RoundDeadline | null;
}

interface Dated {
  deadline: Deadline;
  ref: RoundDeadline;
  covers: Period;
  quarter: Quarter | null;
}

/** Each dated deadline of a kind in the policy year, with what it covers. */
function datedDeadlines(policy: Policy, year: number, kind: Deadline['kind']): Dated[] {
  const period = periodOf(policy, year);
  const out: Dated[] = [];
  for (const deadline of policy.deadlines) {
    if (deadline.kind !== kind) continue;
    for (const day of deadlineDates(deadline, year)) {
      const id = day.quarter === null ? deadline.id : `${deadline.id}-q${day.quarter}`;
      const covers = deadlineCoverage(deadline, year, day.quarter, period);
      out.push({ deadline, ref: { id, label: deadline.label, date: day.lastDay }, covers, quarter: day.quarter });
    }
  }
  return out;
}

/**
 * The registration rounds of a policy year, in date order: one per stretch of the year a registration deadline covers.
 * A year the document gives no registration deadline is one round, the whole period, with no deadline.
 */
export function registrationRounds(policy: Policy, year: number): RegistrationRound[] {
  const period = periodOf(policy, year);
  const registrations = datedDeadlines(policy, year, 'registration');
  const approvals = datedDeadlines(policy, year, 'approval');
  const byCover = new Map<string, Dated[]>();
  for (const d of registrations) {
    const key = `${d.covers.start}/${d.covers.end}`;
    byCover.set(key, [...(byCover.get(key) ?? []), d]);
  }
  if (byCover.size === 0) byCover.set(`${period.start}/${period.end}`, []);
  const groups = [...byCover.entries()]
    .map(([key, list]) => {
      const [start, end] = key.split('/') as [CalendarDate, CalendarDate];
      return { covers: { start, end }, list };
    })
    .sort((a, b) => (a.covers.start < b.covers.start ? -1 : a.covers.start > b.covers.start ? 1 : 0));
  const covered = groups.some((g) => g.list.some((d) => d.deadline.covers !== null));
  return groups.map((g, i) => {
    const byDate = [...g.list].sort((a, b) => (a.ref.date < b.ref.date ? -1 : 1));
    const personal = byDate.find((d) => d.deadline.form === 'mau1') ?? byDate[0] ?? null;
    const list = byDate.find((d) => d.deadline.form === 'mau2') ?? byDate[byDate.length - 1] ?? null;
    const approval = approvals.find((a) => a.covers.start <= g.covers.start && g.covers.start <= a.covers.end) ?? null;
    return {
      id: personal?.ref.id ?? `nam-${year}`,
      label: roundLabel(g.covers, covered ? i + 1 : null, personal?.quarter ?? null, year),
      covers: g.covers,
      banDeadline: personal?.ref ?? null,
      listDeadline: list?.ref ?? null,
      approvalDeadline: approval?.ref ?? null,
    };
  });
}

function roundLabel(covers: Period, dot: number | null, quarter: Quarter | null, year: number): string {
  const span = `${formatDayFirst(covers.start)}–${formatDayFirst(covers.end)}`;
  if (quarter !== null) {
    const name = periodName({ quarter, year });
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  }
  return dot !== null ? `Đợt ${dot} (${span})` : `Năm ${year} (${span})`;
}

/** The round a trip starting on `start` belongs to; null when none covers it (a trip outside the period). */
export function roundOf(rounds: readonly RegistrationRound[], start: CalendarDate): RegistrationRound | null {
  return rounds.find((r) => r.covers.start <= start && start <= r.covers.end) ?? null;
}
