import type { CalendarDate } from '../calendar-date';
import type { Evaluation } from '../evaluate';
import { banTotals, emptyTotals, sortForReport, type BanTotals } from '../forms/dashboard';
import type { Cadre, Trip } from '../model';
import { banKey } from '../names';
import type { Policy } from '../policy';
import type { Settings } from '../settings';
import { isBehind, type Verdict } from '../verdict';
import { waitingRegistrations, type WaitingRegistration } from './waiting';
import { banLeaderOf, type BanLeader } from './recipients';

/**
 * What the emails are about, computed once per run from the evaluation: per Ban, who is behind, which trips are
 * overdue, who has not registered enough yet. Plain data, so a plan and its emails can be tested without a sheet.
 */

/** The pure part of an analysis the emails need (src/sheets/email-run.ts builds it from an Analysis). */
export interface EmailInputs {
  settings: Settings;
  policy: Policy;
  year: number;
  today: CalendarDate;
  province: string;
  presetTitle: string;
  cadres: readonly Cadre[];
  /** Valid trips only. */
  trips: readonly Trip[];
  evaluation: Evaluation;
  /** The trips tab keeps approvals (an approval column): the approval reminders are planned from it. */
  approvalsKept?: boolean;
}

export interface CadreBehind {
  cadre: number;
  name: string;
  ban: string;
  verdict: Verdict;
  verdictLabel: string;
  daysDone: number;
  /** Done plus registered ahead: the one forecast. */
  daysProjected: number;
  requiredDays: number;
  /** The evaluation's reasons: what the cadre lacks, in the order a leader acts on them. */
  reasons: string[];
}

export interface OverdueCadre {
  cadre: number;
  name: string;
  /** Trips past their end, still Đăng ký / Đã duyệt. */
  trips: number;
}

/** A cadre who still needs days or rounds, with the start dates of the trips already registered or done. */
export interface IncompleteCadre {
  cadre: number;
  name: string;
  tripStarts: CalendarDate[];
}

export interface BanFacts {
  ban: string;
  key: string;
  leader: BanLeader;
  totals: BanTotals;
  behind: CadreBehind[];
  overdue: OverdueCadre[];
  incomplete: IncompleteCadre[];
}

export interface EmailFacts {
  today: CalendarDate;
  year: number;
  /** In roster order (the order Bans first appear). */
  bans: BanFacts[];
  /** Registrations waiting for the Ban's or the province's decision (empty where the sheet keeps no approvals). */
  waiting?: WaitingRegistration[];
}

/**
 * A cadre is behind when their one verdict says so (short of something during the period, not Đạt/Hoàn thành at its
 * end); never for a time before they started (Ngày bắt đầu after the day of the email).
 */
export function buildFacts(inputs: EmailInputs): EmailFacts {
  const { evaluation, cadres, trips, today } = inputs;
  const byCadre = new Map<number, Trip[]>();
  for (const trip of trips) {
    if (trip.status === 'cancelled') continue;
    const list = byCadre.get(trip.cadre) ?? [];
    list.push(trip);
    byCadre.set(trip.cadre, list);
  }
  const sorted = sortForReport(evaluation.cadres);
  const totalsByKey = new Map(banTotals(evaluation.cadres).map((t) => [banKey(t.ban), t]));
  const bans: BanFacts[] = [];
  const byKey = new Map<string, BanFacts>();
  for (const cadre of cadres) {
    const key = banKey(cadre.ban);
    if (byKey.has(key)) continue;
    const facts: BanFacts = {
      ban: cadre.ban,
      key,
      leader: banLeaderOf(cadre.ban, cadres, inputs.settings.recipients),
      totals: totalsByKey.get(key) ?? emptyTotals(cadre.ban),
      behind: [],
      overdue: [],
      incomplete: [],
    };
    byKey.set(key, facts);
    bans.push(facts);
  }
  for (const e of sorted) {
    const ban = byKey.get(banKey(e.ban));
    if (!ban || e.status === 'exempt') continue;
    const live = byCadre.get(e.cadre) ?? [];
    if (isBehind(e.verdict) && !e.notStartedYet) {
      ban.behind.push({
        cadre: e.cadre,
        name: e.name,
        ban: e.ban,
        verdict: e.verdict,
        verdictLabel: e.verdictLabel,
        daysDone: e.daysDone,
        daysProjected: e.daysProjected,
        requiredDays: e.requiredDays,
        reasons: e.reasons,
      });
    }
    // The evaluation counts "past its end, not marked done" once (evaluate.ts), so the numbers agree.
    if (e.overdueTrips > 0) ban.overdue.push({ cadre: e.cadre, name: e.name, trips: e.overdueTrips });
    const needsRounds = e.roundsDone < e.roundsRequired;
    if (e.daysDone < e.requiredDays || needsRounds) {
      ban.incomplete.push({ cadre: e.cadre, name: e.name, tripStarts: live.map((t) => t.from).sort() });
    }
  }
  const waiting = waitingRegistrations(trips, cadres, inputs.approvalsKept === true, inputs.policy, inputs.year);
  return { today, year: inputs.year, bans, waiting };
}
