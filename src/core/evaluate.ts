import { daysInclusive, dayNumber, maxDate, minDate, type CalendarDate } from './calendar-date';
import { countedDays, countedWindow, type CountedWindow } from './day-count';
import type { PlacedIssue } from './issues';
import { messages, reasons as say, notChecked } from './messages';
import type { Cadre, Period, ProcessColumns, Trip } from './model';
import { periodLength, periodOf, registrationDeadlineFor } from './period';
import { roundLengthOk, roundRuleFor, type Policy, type RoundRule } from './policy';
import { issue } from './table';
import { memoize } from './memo';
import { foldKey } from './text';
import { CADRE_GROUP_LABELS, CONTENT_KIND_LABELS, isDoneBy, isPlanned, TRIP_STATUS_LABELS, type CadreGroup } from './vocabulary';

/** The one verdict per cadre (plain types: the evaluation is computed, never parsed, so no schema is bundled). */
export type CadreStatus = 'ok' | 'short-days' | 'short-rounds' | 'short-both' | 'exempt';
export type Rating = 'dat' | 'khong-dat' | 'xuat-sac';

export interface CadreEvaluation {
  cadre: number;
  name: string;
  ban: string;
  group: CadreGroup;
  exempt: string | null;
  requiredDays: number;
  daysDone: number;
  /** Done plus registered/approved trips whose end is still ahead (overdue ones count nowhere). */
  daysProjected: number;
  roundsDone: number;
  roundsProjected: number;
  /** Rounds this cadre must do, the waiver applied: 0 when exempt or waived. Read it; never re-derive it. */
  roundsRequired: number;
  /** A written approval waives the rounds requirement. */
  waived: boolean;
  /** The one verdict: colours, chips, counts, tables and emails all read it. */
  status: CadreStatus;
  /** The yearly rating, given from the period's last day on; null before it. */
  rating: Rating | null;
  reasons: string[];
  /** Days expected by the period's end at the current pace. */
  forecastDays: number;
  /** Registered/approved trips in the period whose end has passed without being marked done. */
  overdueTrips: number;
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
  /** Rating checks the sheet's columns did not allow. */
  notChecked: string[];
}

export function evaluate(input: EvaluationInput): Evaluation {
  const period = periodOf(input.policy, input.year);
  const tripsByCadre: Trip[][] = input.cadres.map(() => []);
  for (const trip of input.trips) tripsByCadre[trip.cadre]?.push(trip);
  const issues: PlacedIssue[] = [];
  // Trips share a few hundred start dates: look each one's registration deadline up once per run.
  const deadlineOf = memoize((start: CalendarDate) => registrationDeadlineFor(input.policy, input.year, start));
  const cadres = input.cadres.map((cadre) => evaluateCadre(cadre, tripsByCadre[cadre.index]!, input, period, issues, deadlineOf));
  const missing: string[] = [];
  const pc = input.processColumns;
  if (!pc.registeredOn && input.policy.deadlines.some((d) => d.kind === 'registration')) missing.push(notChecked.registeredOn);
  if (!pc.confirmed) missing.push(notChecked.confirmed);
  if (!pc.reported) missing.push(notChecked.reported);
  if (!pc.score || !pc.evidence) missing.push(notChecked.excellence);
  return { period, cadres, issues, notChecked: missing };
}

interface TripFacts {
  trip: Trip;
  counted: CountedWindow | null;
  /** Declared days or, when blank, the window: the length a round is judged by. */
  length: number;
}

function evaluateCadre(
  cadre: Cadre,
  trips: Trip[],
  input: EvaluationInput,
  period: Period,
  issues: PlacedIssue[],
  deadlineOf: (start: CalendarDate) => CalendarDate | null,
): CadreEvaluation {
  const { policy, today } = input;
  const live = trips
    .filter((t) => t.status !== 'cancelled')
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.row - b.row))
    .map<TripFacts>((trip) => ({
      trip,
      counted: countedWindow(trip, period),
      length: trip.declaredDays ?? daysInclusive(trip.from, trip.to),
    }));
  // A trip marked done that has not begun yet cannot have been done: it is held as planned, and its row says so.
  const doneAhead = live.filter((f) => f.trip.status === 'done' && !isDoneBy(f.trip, today));
  const done = live.filter((f) => isDoneBy(f.trip, today));
  // 1+2 DOMAIN "Counting days": a registered/approved trip counts as planned only while its end is ahead; once past,
  // it is overdue and counts nowhere until someone marks it done (or cancels it).
  const overdue = live.filter((f) => isPlanned(f.trip.status) && f.trip.to < today && f.counted !== null);
  const projected = live.filter((f) => f.trip.status === 'done' || (isPlanned(f.trip.status) && f.trip.to >= today));
  const warn = rowWarner(input, issues);

  rowChecks(live, period, warn);
  for (const f of overdue) warn(f.trip, 'status', 'overdue-registration', messages.overdueRegistration(f.trip.to, TRIP_STATUS_LABELS[f.trip.status]));
  for (const f of doneAhead) warn(f.trip, 'status', 'done-before-start', messages.doneBeforeStart(f.trip.from));
  const rule = roundRuleFor(policy, cadre.group);
  const roundsDone = validRounds(done, rule, policy.rounds.notBackToBack, policy.rounds.label, null);
  const roundsProjected = validRounds(projected, rule, policy.rounds.notBackToBack, policy.rounds.label, null);
  validRounds(live, rule, policy.rounds.notBackToBack, policy.rounds.label, warn);

  const windows = (facts: TripFacts[]) => facts.flatMap((f) => (f.counted ? [f.counted] : []));
  const daysDone = countedDays(windows(done));
  const daysProjected = countedDays(windows(projected));
  const { required: requiredDays, subjectDays } = requiredDaysOf(cadre, policy, period);
  const exemptFully = cadre.exemption !== null && !(policy.proRating && cadre.exemptionWindow);
  // From the period's last day only what is done counts, and the rating (06-HD §V.1: once a year) is given.
  const periodOver = today >= period.end;
  const forecastDays = paceForecast(daysDone, period, today);
  const waived = cadre.waiver !== null;
  const roundsRequired = exemptFully || waived ? 0 : policy.rounds.count;
  const base = {
    cadre: cadre.index,
    name: cadre.name,
    ban: cadre.ban,
    group: cadre.group,
    requiredDays,
    daysDone,
    daysProjected,
    roundsDone,
    roundsProjected,
    roundsRequired,
    waived,
    forecastDays,
    overdueTrips: overdue.length,
  };
  if (exemptFully) {
    return { ...base, exempt: cadre.exemption, requiredDays: 0, status: 'exempt', rating: null, reasons: [say.exempt(cadre.exemption!)] };
  }

  const reasons: string[] = [];
  // The one verdict: during the period done plus the registrations still ahead; from its last day, done only.
  const daysBasis = periodOver ? daysDone : daysProjected;
  let shortDays = daysBasis < requiredDays;
  if (daysDone < requiredDays) {
    reasons.push(shortDays ? say.shortDays(requiredDays - daysBasis) : say.shortDaysCovered(daysDone, requiredDays));
  }
  for (const [level, min] of Object.entries(policy.minDaysByLevel)) {
    const atLevel = (f: TripFacts) => foldKey(f.trip.level) === foldKey(level);
    const levelDays = countedDays(windows((periodOver ? done : projected).filter(atLevel)));
    if (levelDays < min) {
      shortDays = true;
      reasons.push(say.shortLevel(level, min - levelDays));
    }
  }
  const roundsBasis = periodOver ? roundsDone : roundsProjected;
  const shortRounds = roundsBasis < roundsRequired;
  if (roundsDone < roundsRequired) {
    reasons.push(
      shortRounds
        ? say.shortRounds(roundsRequired - roundsBasis, policy.rounds.label, rule.minDays, rule.maxDays)
        : say.shortRoundsCovered(roundsDone, roundsRequired, policy.rounds.label),
    );
  }
  if (waived && policy.rounds.count > 0) reasons.push(say.waived(cadre.waiver!));

  // Kiên Giang rating (06-HD §V.2)
  let failed = shortDays || shortRounds;
  if (overdue.length > 0) {
    if (periodOver) {
      failed = true;
      reasons.push(say.notDoneAtEnd(overdue.length));
    } else reasons.push(say.overdue(overdue.length));
  }
  const pc = input.processColumns;
  if (pc.registeredOn) {
    const late = live.filter((f) => {
      if (!f.trip.registeredOn) return false;
      const deadline = deadlineOf(f.trip.from);
      return deadline !== null && f.trip.registeredOn > deadline;
    });
    if (late.length > 0) {
      failed = true;
      reasons.push(say.lateRegistration(late.length));
    }
  }
  if (pc.confirmed) {
    const unconfirmed = done.filter((f) => f.trip.confirmed !== true).length;
    if (unconfirmed > 0) {
      failed = true;
      reasons.push(say.notConfirmed(unconfirmed));
    }
  }
  if (pc.reported) {
    const unreported = done.filter((f) => f.trip.reported !== true).length;
    if (unreported > 0) {
      failed = true;
      reasons.push(say.notReported(unreported));
    }
  }

  if (policy.requireChiDoan && !done.some((f) => f.trip.kind === 'chi-doan')) {
    // 06-HD §III.2 asks for a chi đoàn meeting; a bare 3.4 row may be one, but the sheet does not say (advice only).
    const unclear = done.filter((f) => f.trip.kindUnclear);
    const number = policy.numbering['chi-doan'];
    reasons.push(unclear.length > 0 && number ? say.chiDoanUnclear(unclear.length, number) : say.noChiDoan());
  }
  const focus = policy.focusByGroup[cadre.group];
  if (focus && focus.length > 0 && live.length > 0 && !live.some((f) => focus.includes(f.trip.kind))) {
    reasons.push(
      say.focus(
        CADRE_GROUP_LABELS[cadre.group],
        focus.map((k) => CONTENT_KIND_LABELS[k]),
      ),
    );
  }
  if (policy.proRating && requiredDays !== policy.minDays) reasons.push(say.proRated(requiredDays, subjectDays, periodLength(period)));

  let rating: Rating | null = periodOver ? (failed ? 'khong-dat' : 'dat') : null;
  if (rating === 'dat' && pc.score && pc.evidence) {
    const best = done
      .filter((f) => f.trip.kind === 'chuyen-de' && f.trip.evidence && f.trip.score !== null && f.trip.score >= policy.excellentScore)
      .map((f) => f.trip.score!)
      .sort((a, b) => b - a)[0];
    if (best !== undefined) {
      rating = 'xuat-sac';
      reasons.push(say.excellent(best));
    }
  }

  const status: CadreStatus = shortDays && shortRounds ? 'short-both' : shortDays ? 'short-days' : shortRounds ? 'short-rounds' : 'ok';
  return { ...base, exempt: null, status, rating, reasons };
}

type Warn = (trip: Trip, field: WarnField, code: PlacedIssue['code'], message: string) => void;

function rowWarner(input: EvaluationInput, issues: PlacedIssue[]): Warn {
  return (trip, field, code, message) => {
    const column = input.tripColumns?.[field];
    issues.push(issue(input.tripsTab, trip.row, column?.caption ?? field, column?.number ?? null, 'warning', code, message));
  };
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
function rowChecks(live: TripFacts[], period: Period, warn: Warn): void {
  const duplicates = new Set<Trip>();
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!.trip;
    for (let j = i + 1; j < live.length; j++) {
      const b = live[j]!.trip;
      if (b.from > a.to) break; // sorted by start: nothing later can overlap a
      if (isDuplicateTrip(a, b)) {
        const [first, later] = a.row < b.row ? [a, b] : [b, a];
        duplicates.add(later);
        warn(later, 'name', 'duplicate-row', messages.duplicateRow(first.row));
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
      if (!overlapped.has(a)) warn(a, 'from', 'overlap', messages.overlap(b.row, b.from, b.to));
      if (!overlapped.has(b)) warn(b, 'from', 'overlap', messages.overlap(a.row, a.from, a.to));
      overlapped.add(a);
      overlapped.add(b);
    }
  }
  for (const f of live) {
    if (f.trip.from < period.start || f.trip.to > period.end) {
      warn(f.trip, 'from', 'outside-period', messages.outsidePeriod(period.start, period.end, f.counted === null));
    }
  }
}

/**
 * Valid required rounds among the trips: of a round kind, inside the period, within the length bounds. When rounds
 * may not be back to back (Kiên Giang 06-HD §III.1), rounds whose windows overlap or touch form one stint that
 * counts at most once. With `warn`, flags the round-length and back-to-back rows.
 */
export function validRounds(facts: TripFacts[], rule: RoundRule, notBackToBack: boolean, label: string, warn: Warn | null): number {
  const candidates = facts.filter((f) => rule.kinds.includes(f.trip.kind) && f.counted !== null);
  const lengthOk = (f: TripFacts) => roundLengthOk(rule, f.length);
  if (warn) {
    for (const f of candidates) if (!lengthOk(f)) warn(f.trip, 'days', 'round-length', messages.roundLength(label, f.length, rule.minDays, rule.maxDays));
  }
  if (!notBackToBack) return candidates.filter(lengthOk).length;
  let count = 0;
  let stintEnd = Number.NEGATIVE_INFINITY;
  let stintFirstRow = 0;
  let stintCounted = false;
  for (const f of candidates) {
    const start = dayNumber(f.trip.from);
    if (start <= stintEnd + 1) {
      warn?.(f.trip, 'from', 'rounds-back-to-back', messages.roundsBackToBack(label, stintFirstRow));
      stintEnd = Math.max(stintEnd, dayNumber(f.trip.to));
    } else {
      stintEnd = dayNumber(f.trip.to);
      stintFirstRow = f.trip.row;
      stintCounted = false;
    }
    if (!stintCounted && lengthOk(f)) {
      count++;
      stintCounted = true;
    }
  }
  return count;
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

/** Days expected by the period's end if the cadre keeps the pace so far. */
export function paceForecast(daysDone: number, period: Period, today: CalendarDate): number {
  const total = periodLength(period);
  if (today >= period.end) return daysDone;
  if (today < period.start) return daysDone;
  const elapsed = daysInclusive(period.start, today);
  return Math.min(total, Math.round((daysDone * total) / elapsed));
}
