import { approvalOf } from './approval';
import { daysInclusive, dayNumber, maxDate, minDate, type CalendarDate } from './calendar-date';
import { countedDays, countedWindow, type CountedWindow } from './day-count';
import type { PlacedIssue } from './issues';
import { messages, notChecked as uncheckedStep, reasons as say } from './messages';
import type { Cadre, Period, ProcessColumns, Trip } from './model';
import { periodLength, periodOf, registrationDeadlineFor } from './period';
import { roundLengthOk, roundRuleFor, type Policy, type RoundRule } from './policy';
import { issue } from './table';
import { memoize } from './memo';
import { foldKey } from './text';
import { isYearEnd, statusOf, verdictLabel, type CadreStatus, type Rating, type Shortfall, type Verdict } from './verdict';
import { CADRE_GROUP_LABELS, CONTENT_KIND_LABELS, isDoneBy, isPlanned, TRIP_STATUS_LABELS, type CadreGroup } from './vocabulary';
import { maxOf, pushAll } from './arrays';

export type { CadreStatus, Rating, Verdict } from './verdict';

/** One cadre, evaluated (plain types: the evaluation is computed, never parsed, so no schema is bundled). */
export interface CadreEvaluation {
  cadre: number;
  name: string;
  ban: string;
  group: CadreGroup;
  exempt: string | null;
  requiredDays: number;
  daysDone: number;
  /** Done plus registered/approved trips whose end is still ahead (overdue ones count nowhere): the one forecast. */
  daysProjected: number;
  roundsDone: number;
  roundsProjected: number;
  /** Rounds this cadre must do, the waiver applied: 0 when exempt or waived. Read it; never re-derive it. */
  roundsRequired: number;
  /** A written approval waives the rounds requirement. */
  waived: boolean;
  /** The requirements verdict: during the period done plus registered ahead, from its end done only. */
  status: CadreStatus;
  /** What the cadre still lacks, on the same basis as `status`. */
  shortfall: Shortfall;
  /** The year-end verdict (Kiên Giang's rating, or completion), given from the period's last day on; null before it. */
  rating: Rating | null;
  /** The one verdict everything shows (verdict.ts), and its words. */
  verdict: Verdict;
  verdictLabel: string;
  reasons: string[];
  /** Registered/approved trips in the period whose end has passed without being marked done. */
  overdueTrips: number;
  /** The cadre starts after today (Ngày bắt đầu): not behind for what came before. */
  notStartedYet: boolean;
}

/** The trip fields a warning can sit on. */
export type WarnField = 'name' | 'from' | 'to' | 'days' | 'kind' | 'status';

export interface EvaluationInput {
  cadres: readonly Cadre[];
  /** Valid trips only (rows without errors). */
  trips: readonly Trip[];
  policy: Policy;
  year: number;
  today: CalendarDate;
  processColumns: ProcessColumns;
  tripsTab: string;
  /** 1-based sheet column of each trip field, for placing warnings; missing ones fall back to the row. */
  tripColumns?: Partial<Record<WarnField, { number: number; caption: string }>>;
}

export interface Evaluation {
  period: Period;
  cadres: CadreEvaluation[];
  /** Warnings that need several rows: duplicates, overlaps, period, round length, back-to-back rounds. */
  issues: PlacedIssue[];
  /** The year-end checks the sheet does not allow (a sentence, or none). */
  notChecked: string[];
}

interface Context {
  input: EvaluationInput;
  period: Period;
  yearEnd: boolean;
  /** The preset's checks the sheet does not keep (short names, messages.notChecked). */
  unchecked: string[];
  deadlineOf: (start: CalendarDate) => CalendarDate | null;
}

export function evaluate(input: EvaluationInput): Evaluation {
  const period = periodOf(input.policy, input.year);
  const tripsByCadre: Trip[][] = input.cadres.map(() => []);
  for (const trip of input.trips) tripsByCadre[trip.cadre]?.push(trip);
  const unchecked = uncheckedSteps(input.policy, input.processColumns);
  const ctx: Context = {
    input,
    period,
    yearEnd: isYearEnd(input.today, period.end),
    unchecked,
    // Trips share a few hundred start dates: look each one's registration deadline up once per run.
    deadlineOf: memoize((start: CalendarDate) => registrationDeadlineFor(input.policy, input.year, start)),
  };
  const results = input.cadres.map((cadre) => evaluateCadre(cadre, tripsByCadre[cadre.index]!, ctx));
  return {
    period,
    cadres: results.map((r) => r.evaluation),
    issues: results.flatMap((r) => r.issues),
    notChecked: unchecked.length > 0 ? [uncheckedStep.sentence(unchecked)] : [],
  };
}

/** The checks of the year-end verdict that need a step the sheet does not keep (only the rating has such checks). */
function uncheckedSteps(policy: Policy, kept: ProcessColumns): string[] {
  if (policy.verdict !== 'rating') return [];
  const steps: string[] = [];
  if (!kept.registeredOn && policy.deadlines.some((d) => d.kind === 'registration')) steps.push(uncheckedStep.registeredOn);
  if (!kept.confirmed) steps.push(uncheckedStep.confirmed);
  if (!kept.reported) steps.push(uncheckedStep.reported);
  if (policy.requiredLevels.length > 0 && !kept.level) steps.push(uncheckedStep.level);
  if (!kept.reminder) steps.push(uncheckedStep.reminder);
  if (!kept.score || !kept.evidence) steps.push(uncheckedStep.excellence);
  return steps;
}

interface TripFacts {
  trip: Trip;
  counted: CountedWindow | null;
  /** Declared days or, when blank, the window: the length a round is judged by. */
  length: number;
}

/** One cadre's trips sorted into what they count as on `today` (DOMAIN "Counting days"). */
interface TripSets {
  live: TripFacts[];
  done: TripFacts[];
  /** Marked done but not begun: held as planned, and the row says so. */
  doneAhead: TripFacts[];
  /** Registered/approved, past their end, not marked done: counted nowhere. */
  overdue: TripFacts[];
  /** Done plus registered/approved still ahead. */
  projected: TripFacts[];
}

function tripSets(trips: readonly Trip[], period: Period, today: CalendarDate): TripSets {
  const live = trips
    .filter((t) => t.status !== 'cancelled')
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.row - b.row))
    .map<TripFacts>((trip) => ({ trip, counted: countedWindow(trip, period), length: trip.declaredDays ?? daysInclusive(trip.from, trip.to) }));
  return {
    live,
    done: live.filter((f) => isDoneBy(f.trip, today)),
    doneAhead: live.filter((f) => f.trip.status === 'done' && !isDoneBy(f.trip, today)),
    overdue: live.filter((f) => isPlanned(f.trip.status) && f.trip.to < today && f.counted !== null),
    projected: live.filter((f) => f.trip.status === 'done' || (isPlanned(f.trip.status) && f.trip.to >= today)),
  };
}

const windows = (facts: readonly TripFacts[]) => facts.flatMap((f) => (f.counted ? [f.counted] : []));

/** Days, rounds and places of a set of trips, against what the cadre must do. */
interface Tally {
  days: number;
  rounds: number;
  shortfall: Shortfall;
  /** 3.4 rows whose words do not say chi đoàn (Kiên Giang), when no clear chi đoàn meeting is among them. */
  unclearChiDoan: number;
  /** Levels short of their own minimum days (minDaysByLevel), with the days missing. */
  levelDays: { level: string; missing: number }[];
}

function tally(facts: readonly TripFacts[], cadre: Cadre, required: { days: number; rounds: number }, ctx: Context): Tally {
  const { policy, processColumns } = ctx.input;
  const rule = roundRuleFor(policy, cadre.group);
  const days = countedDays(windows(facts));
  const rounds = validRounds(facts, rule, policy.rounds.notBackToBack);
  const counted = facts.filter((f) => f.counted !== null);
  const chiDoan = counted.some((f) => f.trip.kind === 'chi-doan');
  const levelDays = Object.entries(policy.minDaysByLevel).flatMap(([level, min]) => {
    const atLevel = countedDays(windows(counted.filter((f) => foldKey(f.trip.level) === foldKey(level))));
    return atLevel < min ? [{ level, missing: min - atLevel }] : [];
  });
  const reached = new Set(
    counted
      .map((f) => f.trip.placeLevel)
      .filter((l): l is string => l !== null)
      .map(foldKey),
  );
  // 06-HD §III.2: a level is checked only where the sheet says where trips went (Cấp, or a place that names it).
  const levels = processColumns.level ? policy.requiredLevels.filter((r) => !r.levels.some((l) => reached.has(foldKey(l)))).map((r) => r.label) : [];
  return {
    days,
    rounds,
    shortfall: { days: days < required.days || levelDays.length > 0, rounds: rounds < required.rounds, chiDoan: policy.requireChiDoan && !chiDoan, levels },
    unclearChiDoan: chiDoan ? 0 : counted.filter((f) => f.trip.kindUnclear).length,
    levelDays,
  };
}

function evaluateCadre(cadre: Cadre, trips: readonly Trip[], ctx: Context): { evaluation: CadreEvaluation; issues: PlacedIssue[] } {
  const { policy, today } = ctx.input;
  const sets = tripSets(trips, ctx.period, today);
  const issues = rowWarnings(sets, cadre, ctx);
  const { required: requiredDays, subjectDays } = requiredDaysOf(cadre, policy, ctx.period);
  const exemptFully = cadre.exemption !== null && !(policy.proRating && cadre.exemptionWindow);
  const waived = cadre.waiver !== null;
  const required = { days: requiredDays, rounds: exemptFully || waived ? 0 : policy.rounds.count };
  const done = tally(sets.done, cadre, required, ctx);
  const projected = tally(sets.projected, cadre, required, ctx);
  const base = {
    cadre: cadre.index,
    name: cadre.name,
    ban: cadre.ban,
    group: cadre.group,
    requiredDays,
    daysDone: done.days,
    daysProjected: projected.days,
    roundsDone: done.rounds,
    roundsProjected: projected.rounds,
    roundsRequired: required.rounds,
    waived,
    overdueTrips: sets.overdue.length,
    notStartedYet: cadre.startDate !== null && cadre.startDate > today,
  };
  if (exemptFully) {
    const none: Shortfall = { days: false, rounds: false, chiDoan: false, levels: [] };
    const exempt = { exempt: cadre.exemption, requiredDays: 0, status: 'exempt', shortfall: none, rating: null, verdict: 'exempt' } as const;
    return { evaluation: { ...base, ...exempt, verdictLabel: verdictLabel('exempt', none, policy), reasons: [say.exempt(cadre.exemption!)] }, issues };
  }
  // The one verdict: during the period done plus the registrations still ahead; from its last day, done only.
  const basis = ctx.yearEnd ? done : projected;
  const status = statusOf(basis.shortfall);
  const reasons = requirementReasons(done, basis, required, cadre, ctx);
  const year = ctx.yearEnd ? yearEndVerdict(sets, basis, cadre, ctx) : null;
  const verdict: Verdict = year ? year.rating : status === 'ok' && statusOf(done.shortfall) !== 'ok' ? 'ok-planned' : status;
  pushAll(reasons, year ? year.reasons : duringPeriodReasons(sets, cadre, ctx));
  if (policy.proRating && requiredDays !== policy.minDays) reasons.push(say.proRated(requiredDays, subjectDays, periodLength(ctx.period)));
  if (base.notStartedYet) reasons.push(say.notStarted(cadre.startDate!));
  const evaluation: CadreEvaluation = {
    ...base,
    exempt: null,
    status,
    shortfall: basis.shortfall,
    rating: year?.rating ?? null,
    verdict,
    verdictLabel: verdictLabel(verdict, basis.shortfall, policy),
    reasons,
  };
  return { evaluation, issues };
}

/** What the cadre lacks of days, rounds and places, and what only the registrations ahead make up for. */
function requirementReasons(done: Tally, basis: Tally, required: { days: number; rounds: number }, cadre: Cadre, ctx: Context): string[] {
  const { policy } = ctx.input;
  const rule = roundRuleFor(policy, cadre.group);
  const out: string[] = [];
  if (done.days < required.days)
    out.push(basis.days < required.days ? say.shortDays(required.days - basis.days) : say.shortDaysCovered(done.days, required.days));
  for (const { level, missing } of basis.levelDays) out.push(say.shortLevel(level, missing));
  if (done.rounds < required.rounds) {
    out.push(
      basis.rounds < required.rounds
        ? say.shortRounds(required.rounds - basis.rounds, policy.rounds.label, rule.minDays, rule.maxDays)
        : say.shortRoundsCovered(done.rounds, required.rounds, policy.rounds.label),
    );
  }
  if (cadre.waiver !== null && policy.rounds.count > 0) out.push(say.waived(cadre.waiver));
  const number = policy.numbering['chi-doan'];
  if (basis.shortfall.chiDoan) out.push(basis.unclearChiDoan > 0 && number ? say.chiDoanUnclear(basis.unclearChiDoan, number) : say.noChiDoan());
  else if (done.shortfall.chiDoan) out.push(say.chiDoanPlanned());
  if (basis.shortfall.levels.length > 0) out.push(say.missingLevels(basis.shortfall.levels));
  else if (done.shortfall.levels.length > 0) out.push(say.levelsPlanned(done.shortfall.levels));
  return out;
}

/** During the period: registrations past their end, late registrations, the focus advice. */
function duringPeriodReasons(sets: TripSets, cadre: Cadre, ctx: Context): string[] {
  const { policy } = ctx.input;
  const out: string[] = [];
  if (sets.overdue.length > 0) out.push(say.overdue(sets.overdue.length));
  if (policy.verdict === 'rating') pushAll(out, registrationProblems(sets, ctx).reasons);
  const focus = policy.focusByGroup[cadre.group];
  if (focus && focus.length > 0 && sets.live.length > 0 && !sets.live.some((f) => focus.includes(f.trip.kind))) {
    out.push(
      say.focus(
        CADRE_GROUP_LABELS[cadre.group],
        focus.map((k) => CONTENT_KIND_LABELS[k]),
      ),
    );
  }
  return out;
}

/**
 * Kiên Giang 06-HD §V.2 "Không hoàn thành việc đăng ký theo tiến độ": where the sheet keeps registration dates, a done
 * trip with none was not registered, and one registered after its deadline was late; a decision of the Ban Thường vụ
 * for an urgent task (§IV.1 "nhiệm vụ đột xuất") lifts both for its row.
 */
function registrationProblems(sets: TripSets, ctx: Context): { failed: boolean; reasons: string[] } {
  if (!ctx.input.processColumns.registeredOn) return { failed: false, reasons: [] };
  const urgent = sets.live.filter((f) => f.trip.urgent !== null).length;
  const notRegistered = sets.done.filter((f) => f.trip.urgent === null && f.trip.registeredOn === null).length;
  const late = sets.live.filter((f) => {
    if (f.trip.urgent !== null || f.trip.registeredOn === null) return false;
    const deadline = ctx.deadlineOf(f.trip.from);
    return deadline !== null && f.trip.registeredOn > deadline;
  }).length;
  const reasons = [
    ...(notRegistered > 0 ? [say.notRegistered(notRegistered)] : []),
    ...(late > 0 ? [say.lateRegistration(late)] : []),
    ...(urgent > 0 ? [say.urgent(urgent)] : []),
  ];
  return { failed: notRegistered + late > 0, reasons };
}

/** The year-end verdict and what it rests on: Kiên Giang's rating (06-HD §V.2), or completion. */
function yearEndVerdict(sets: TripSets, basis: Tally, cadre: Cadre, ctx: Context): { rating: Rating; reasons: string[] } {
  const short = statusOf(basis.shortfall) !== 'ok';
  if (ctx.input.policy.verdict === 'completion') {
    return { rating: short ? 'chua-hoan-thanh' : 'hoan-thanh', reasons: sets.overdue.length > 0 ? [say.notDoneAtEnd(sets.overdue.length)] : [] };
  }
  const process = processProblems(sets, cadre, ctx);
  const reasons = [...process.reasons];
  if (ctx.unchecked.length > 0) reasons.push(say.unchecked(ctx.unchecked));
  if (short || process.failed) return { rating: 'khong-dat', reasons };
  const best = excellentScore(sets, cadre, ctx);
  if (best === null) return { rating: 'dat', reasons };
  return { rating: 'xuat-sac', reasons: [...reasons, say.excellent(best)] };
}

/** 06-HD §V.2's reasons for Không đạt beyond the requirements, each only where the sheet keeps the step. */
function processProblems(sets: TripSets, cadre: Cadre, ctx: Context): { failed: boolean; reasons: string[] } {
  const kept = ctx.input.processColumns;
  const registration = registrationProblems(sets, ctx);
  const reasons = [...registration.reasons];
  let failed = registration.failed;
  // "Có đăng ký, đã được phê duyệt nhưng không hoàn thành …, có văn bản nhắc nhở của đơn vị thường trực": where the
  // sheet keeps approvals, only a registration the Thường trực's notice approved (one returned or waiting never was).
  const approved = kept.approval
    ? sets.overdue.filter((f) => approvalOf(f.trip, true, ctx.input.policy, ctx.input.year).state === 'da-phe-duyet')
    : sets.overdue;
  if (sets.overdue.length > 0) {
    if (cadre.reminder === null) reasons.push(say.notDoneNoReminder(sets.overdue.length));
    else if (approved.length > 0) {
      failed = true;
      reasons.push(say.notDoneReminded(approved.length, cadre.reminder));
    }
  }
  // "không đảm bảo … quy trình đi cơ sở (đăng ký, xác nhận của cơ sở, báo cáo kết quả)".
  const unconfirmed = kept.confirmed ? sets.done.filter((f) => f.trip.confirmed !== true).length : 0;
  const unreported = kept.reported ? sets.done.filter((f) => f.trip.reported !== true).length : 0;
  if (unconfirmed > 0) reasons.push(say.notConfirmed(unconfirmed));
  if (unreported > 0) reasons.push(say.notReported(unreported));
  return { failed: failed || unconfirmed + unreported > 0, reasons };
}

/** 06-HD §V.2 Xuất sắc: a valid chuyên đề round with evidence whose report scored at least the preset's mark. */
function excellentScore(sets: TripSets, cadre: Cadre, ctx: Context): number | null {
  const { policy, processColumns } = ctx.input;
  if (!processColumns.score || !processColumns.evidence) return null;
  const rule = roundRuleFor(policy, cadre.group);
  const scores = sets.done
    .filter((f) => f.trip.kind === 'chuyen-de' && f.counted !== null && roundLengthOk(rule, f.length))
    .filter((f) => f.trip.evidence && f.trip.score !== null && f.trip.score >= policy.excellentScore)
    .map((f) => f.trip.score!);
  return scores.length > 0 ? maxOf(scores) : null;
}

type Warn = (trip: Trip, field: WarnField, code: PlacedIssue['code'], message: string) => PlacedIssue;

function rowWarner(input: EvaluationInput): Warn {
  return (trip, field, code, message) => {
    const column = input.tripColumns?.[field];
    return issue(input.tripsTab, trip.row, column?.caption ?? field, column?.number ?? null, 'warning', code, message);
  };
}

/** The warnings of one cadre's rows: duplicates, overlaps, the period, overdue and early "done", round lengths. */
function rowWarnings(sets: TripSets, cadre: Cadre, ctx: Context): PlacedIssue[] {
  const { policy } = ctx.input;
  const warn = rowWarner(ctx.input);
  const rule = roundRuleFor(policy, cadre.group);
  return [
    ...rowChecks(sets.live, ctx.period, warn),
    ...sets.overdue.map((f) => warn(f.trip, 'status', 'overdue-registration', messages.overdueRegistration(f.trip.to, TRIP_STATUS_LABELS[f.trip.status]))),
    ...sets.doneAhead.map((f) => warn(f.trip, 'status', 'done-before-start', messages.doneBeforeStart(f.trip.from))),
    ...roundWarnings(sets.live, rule, policy.rounds.notBackToBack, policy.rounds.label, warn),
  ];
}

/** One cadre's trip typed twice: the same window and the same content (the trip form warns before saving one). */
export function isDuplicateTrip(a: Pick<Trip, 'from' | 'to' | 'kind'>, b: Pick<Trip, 'from' | 'to' | 'kind'>): boolean {
  return a.from === b.from && a.to === b.to && a.kind === b.kind;
}

/** Two windows sharing at least one day (inclusive dates). */
export function tripsOverlap(a: Pick<Trip, 'from' | 'to'>, b: Pick<Trip, 'from' | 'to'>): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Duplicates, overlaps and the period, over one cadre's live trips sorted by start. */
function rowChecks(live: readonly TripFacts[], period: Period, warn: Warn): PlacedIssue[] {
  const out: PlacedIssue[] = [];
  const duplicates = new Set<Trip>();
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!.trip;
    for (let j = i + 1; j < live.length; j++) {
      const b = live[j]!.trip;
      if (b.from > a.to) break; // sorted by start: nothing later can overlap a
      if (isDuplicateTrip(a, b)) {
        const [first, later] = a.row < b.row ? [a, b] : [b, a];
        duplicates.add(later);
        out.push(warn(later, 'name', 'duplicate-row', messages.duplicateRow(first.row)));
      }
    }
  }
  const overlapped = new Set<Trip>();
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!.trip;
    if (duplicates.has(a)) continue;
    for (let j = i + 1; j < live.length; j++) {
      const b = live[j]!.trip;
      if (b.from > a.to) break;
      if (duplicates.has(b)) continue;
      if (!overlapped.has(a)) out.push(warn(a, 'from', 'overlap', messages.overlap(b.row, b.from, b.to)));
      if (!overlapped.has(b)) out.push(warn(b, 'from', 'overlap', messages.overlap(a.row, a.from, a.to)));
      overlapped.add(a);
      overlapped.add(b);
    }
  }
  for (const f of live) {
    if (f.trip.from < period.start || f.trip.to > period.end) {
      out.push(warn(f.trip, 'from', 'outside-period', messages.outsidePeriod(period.start, period.end, f.counted === null)));
    }
  }
  return out;
}

/** Round candidates: of a round kind, inside the period. */
function roundCandidates(facts: readonly TripFacts[], rule: RoundRule): TripFacts[] {
  return facts.filter((f) => rule.kinds.includes(f.trip.kind) && f.counted !== null);
}

/**
 * Valid required rounds among the trips: of a round kind, inside the period, within the length bounds. When rounds
 * may not be back to back (Kiên Giang 06-HD §III.1), rounds whose windows overlap or touch form one stint that
 * counts at most once.
 */
export function validRounds(facts: readonly TripFacts[], rule: RoundRule, notBackToBack: boolean): number {
  const candidates = roundCandidates(facts, rule);
  const lengthOk = (f: TripFacts) => roundLengthOk(rule, f.length);
  if (!notBackToBack) return candidates.filter(lengthOk).length;
  return stints(candidates).filter((stint) => stint.some(lengthOk)).length;
}

/** Rounds whose windows overlap or touch (the second starts the day after the first ends), in start order. */
function stints(candidates: readonly TripFacts[]): TripFacts[][] {
  const out: TripFacts[][] = [];
  let stintEnd = Number.NEGATIVE_INFINITY;
  for (const f of candidates) {
    const end = dayNumber(f.trip.to);
    if (dayNumber(f.trip.from) <= stintEnd + 1) {
      out[out.length - 1]!.push(f);
      stintEnd = Math.max(stintEnd, end);
    } else {
      out.push([f]);
      stintEnd = end;
    }
  }
  return out;
}

/** The round-length and back-to-back rows (06-HD §III.1: 5–7 days, "không thực hiện 02 đợt liên tiếp"). */
function roundWarnings(facts: readonly TripFacts[], rule: RoundRule, notBackToBack: boolean, label: string, warn: Warn): PlacedIssue[] {
  const candidates = roundCandidates(facts, rule);
  const out = candidates
    .filter((f) => !roundLengthOk(rule, f.length))
    .map((f) => warn(f.trip, 'days', 'round-length', messages.roundLength(label, f.length, rule.minDays, rule.maxDays)));
  if (!notBackToBack) return out;
  for (const stint of stints(candidates)) {
    for (const f of stint.slice(1)) out.push(warn(f.trip, 'from', 'rounds-back-to-back', messages.roundsBackToBack(label, stint[0]!.trip.row)));
  }
  return out;
}

/**
 * The days a cadre must do. With pro-rating (off in every preset), the minimum shrinks in proportion to the days the
 * cadre was subject to the policy (after joining, outside a dated exemption), rounded up.
 */
export function requiredDaysOf(cadre: Cadre, policy: Policy, period: Period): { required: number; subjectDays: number } {
  const total = periodLength(period);
  if (!policy.proRating) return { required: policy.minDays, subjectDays: total };
  let subject = total;
  const start = cadre.startDate && cadre.startDate > period.start ? minDate(cadre.startDate, period.end) : period.start;
  if (start > period.start) subject -= dayNumber(start) - dayNumber(period.start);
  if (cadre.exemptionWindow) {
    const from = maxDate(cadre.exemptionWindow.from, start);
    const to = minDate(cadre.exemptionWindow.to, period.end);
    if (to >= from) subject -= daysInclusive(from, to);
  }
  subject = Math.max(0, subject);
  return { required: Math.ceil((policy.minDays * subject) / total), subjectDays: subject };
}
