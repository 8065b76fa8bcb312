import { approvalSentence, roundsOf, type Approval, type ApprovalState } from '../core/approval';
import { rolesOf, type ApproverKind, type ApproverRole } from '../core/approvers';
import { dayNumber, formatTripWindow, type CalendarDate } from '../core/calendar-date';
import { columnLetter } from '../core/a1';
import { STATUS_CAPTIONS, TRIP_COLUMNS } from '../core/columns';
import { contentKindCaption } from '../core/content';
import { hash53 } from '../core/hash';
import type { Cadre, Trip } from '../core/model';
import { banKey } from '../core/names';
import { roundOf, type RegistrationRound, type RoundDeadline } from '../core/registration-rounds';
import { trailOf } from './notes';
import { approvalPageTexts as T } from './pages/approval-texts';
import type { RawCell } from './workbook';
import { bansOf, tripApprovals, userView, type Analysis } from './workflow';

/**
 * Duyệt đăng ký: what waits for the person signed in. A Ban's leader sees the Ban's registrations waiting for it; the
 * compiling department each Ban's list by round (complete or not, sent on time or not); the Thường trực the compiled
 * list. Each row carries a fingerprint of its cells, so that a decision never overwrites a row edited since.
 */

/** The approval columns, in the order a row's trail looks for its cell (the first the sheet has). */
export const APPROVAL_KEYS = ['banApprovedBy', 'banApprovedOn', 'noticeNumber', 'noticeDate', 'returnReason'] as const;
export type ApprovalKey = (typeof APPROVAL_KEYS)[number];

export interface QueueRow {
  row: number;
  /** The row's cells as read (ours left out), hashed: a decision is written only while they read the same. */
  fingerprint: string;
  cadre: string;
  ban: string;
  /** "3.1. Theo chuyên đề: Khảo sát mô hình…" */
  what: string;
  /** "Từ ngày 04/09/2023 đến ngày 08/09/2023" */
  when: string;
  place: string;
  state: ApprovalState;
  /** Where it stands, as the row's result says it (approval.ts). */
  stateText: string;
  /** The Ban's approval was typed into the cells, not written by the page with an account. */
  typed: boolean;
  late: string | null;
  /** Sent late under 06-HD §IV.2 without an urgent-task decision: not to be approved. */
  refused: boolean;
}

export interface QueueGroup {
  id: string;
  /** The round ("Đợt 2 (01/07/2023–31/12/2023)"), and the Ban for the compiling department's lists. */
  title: string;
  ban: string | null;
  /** The round's deadlines that concern this step, with the days left. */
  deadlines: string[];
  /** A Ban's list: how many the Ban approved, sent when, on time or not. */
  summary: string | null;
  tone: 'ok' | 'warning' | 'late' | null;
  rows: QueueRow[];
}

export interface RoleQueue {
  kind: ApproverKind;
  /** The Ban, for a Ban's leader. */
  ban: string | null;
  title: string;
  intro: string;
  /** Approving records a notice (the province's step) rather than the Ban's approval. */
  notice: boolean;
  /** What the sheet lacks to record this role's decisions (a sentence), or null. */
  missing: { approve: string | null; return: string | null };
  groups: QueueGroup[];
  /** Rows that can be decided now. */
  waiting: number;
}

export interface ApprovalQueuePayload {
  /** The account signed in; '' when Google withholds it. */
  user: string;
  year: number;
  today: string;
  tab: string;
  /** The sheet keeps approvals (an approval column); when not, `addColumns` says how to add them. */
  kept: boolean;
  addColumns: string | null;
  roles: RoleQueue[];
  /** No role: what waits, to look at, and why nothing can be decided. */
  readOnly: { reason: string; title: string; groups: QueueGroup[] } | null;
  warnings: string[];
}

interface Entry {
  trip: Trip;
  approval: Approval;
  cadre: Cadre;
  round: RegistrationRound;
  view: QueueRow;
}

/** A row's cells as the person typed them, hashed (dates by their instant, trailing blanks dropped). */
export function rowFingerprint(cells: readonly RawCell[] | undefined): string {
  const list = (cells ?? []).map((c) => (c instanceof Date ? `@${c.getTime()}` : c === null ? '' : c));
  while (list.length > 0 && list[list.length - 1] === '') list.pop();
  return hash53(JSON.stringify(list)).toString(36);
}

/** The column (1-based) of each approval key the trips tab has. */
export function approvalColumns(analysis: Analysis): Partial<Record<ApprovalKey, number>> {
  const columns = analysis.trips.table?.header.columns ?? {};
  const out: Partial<Record<ApprovalKey, number>> = {};
  for (const key of APPROVAL_KEYS) {
    const c = (columns as Partial<Record<string, number>>)[key];
    if (c !== undefined) out[key] = c + 1;
  }
  return out;
}

const caption = (key: ApprovalKey) => TRIP_COLUMNS.find((c) => c.key === key)!.caption;

/** The trail's cell of a row: the first approval column the sheet has. */
export function trailColumn(analysis: Analysis): number | null {
  const columns = approvalColumns(analysis);
  const key = APPROVAL_KEYS.find((k) => columns[k] !== undefined);
  return key ? columns[key]! : null;
}

/** Every registration of the policy year that is not cancelled, with where it stands and its round. */
export function queueEntries(analysis: Analysis): Entry[] {
  const rounds = roundsOf(analysis.policy, analysis.year);
  const values = userView(analysis.raw.trips);
  const trail = trailColumn(analysis);
  const notes = analysis.raw.trips.notes ?? [];
  const outside = (start: CalendarDate): RegistrationRound => ({
    id: 'ngoai-ky',
    label: `Ngoài kỳ tính năm ${analysis.year}`,
    covers: { start, end: start },
    banDeadline: null,
    listDeadline: null,
    approvalDeadline: null,
  });
  return tripApprovals(analysis)
    .filter(({ trip }) => trip.status !== 'cancelled' && trip.from.startsWith(String(analysis.year)))
    .map(({ trip, approval }) => {
      const cadre = analysis.roster.cadres[trip.cadre]!;
      const round = roundOf(rounds, trip.from) ?? outside(trip.from);
      const trailNote = trail === null ? '' : (notes[trip.row - 1]?.[trail - 1] ?? '');
      const recorded = approval.by !== null && trailOf(trailNote).some((line) => line.endsWith(`${T.trail.ban} · ${approval.by}`));
      const view: QueueRow = {
        row: trip.row,
        fingerprint: rowFingerprint(values[trip.row - 1]),
        cadre: cadre.name,
        ban: cadre.ban,
        what: contentKindCaption(trip.kind, analysis.policy) + (trip.detail ? `: ${trip.detail}` : ''),
        when: formatTripWindow(trip.from, trip.to),
        place: trip.place,
        state: approval.state,
        stateText: approvalSentence(approval, analysis.policy),
        typed: (approval.state === 'cho-tong-hop' || approval.state === 'da-phe-duyet') && !recorded,
        late: approval.late,
        refused: approval.refused,
      };
      return { trip, approval, cadre, round, view };
    });
}

function deadlineLine(d: RoundDeadline | null, today: CalendarDate): string[] {
  return d ? [T.deadline(d.label, d.date, dayNumber(d.date) - dayNumber(today))] : [];
}

/** A Ban's leader: the Ban's registrations waiting for it (or returned to it), by round. */
function banGroups(entries: readonly Entry[], ban: string, today: CalendarDate): QueueGroup[] {
  const mine = entries.filter((e) => banKey(e.cadre.ban) === banKey(ban) && (e.approval.state === 'cho-ban-duyet' || e.approval.state === 'tra-lai'));
  return byRound(mine).map(({ round, list }) => ({
    id: `${round.id}:${banKey(ban)}`,
    title: round.label,
    ban: null,
    deadlines: [
      ...deadlineLine(round.banDeadline, today),
      ...(round.listDeadline && round.listDeadline.id !== round.banDeadline?.id ? deadlineLine(round.listDeadline, today) : []),
    ],
    summary: null,
    tone: null,
    rows: list.map((e) => e.view),
  }));
}

/**
 * The Bans' lists by round, as the compiling department follows them: for each Ban with registrations in the round,
 * how many it approved, when its list was sent (its latest approval), on time or not; the rows waiting at the
 * province's step. `all` keeps the Bans with nothing waiting there (the compiling department's view); otherwise
 * only the compiled rows (the Thường trực's).
 */
function provinceGroups(entries: readonly Entry[], analysis: Analysis, waiting: (e: Entry) => boolean, all: boolean): QueueGroup[] {
  const today = analysis.today;
  const order = bansOf(analysis).map(banKey);
  const groups: QueueGroup[] = [];
  for (const { round, list } of byRound(entries)) {
    const bans = [...new Set(list.map((e) => banKey(e.cadre.ban)))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const key of bans) {
      const own = list.filter((e) => banKey(e.cadre.ban) === key);
      const rows = own.filter(waiting).map((e) => e.view);
      if (!all && rows.length === 0) continue;
      const { summary, tone } = listSummary(own, round, today);
      groups.push({
        id: `${round.id}:${key}`,
        title: round.label,
        ban: own[0]!.cadre.ban,
        deadlines: [...deadlineLine(round.listDeadline, today), ...deadlineLine(round.approvalDeadline, today)],
        summary,
        tone,
        rows,
      });
    }
  }
  return groups;
}

/** "Ban đã duyệt 3/4 đợt · còn 1 đợt chờ ban duyệt · gửi ngày 15/06/2023 · đúng hạn". */
function listSummary(own: readonly Entry[], round: RegistrationRound, today: CalendarDate): { summary: string; tone: QueueGroup['tone'] } {
  const count = (...states: ApprovalState[]) => own.filter((e) => states.includes(e.approval.state)).length;
  const passed = count('cho-tong-hop', 'da-phe-duyet');
  const waitingBan = count('cho-ban-duyet');
  const returned = count('tra-lai');
  const noticed = count('da-phe-duyet');
  const sent = own
    .map((e) => e.approval.date)
    .filter((d): d is CalendarDate => d !== null)
    .sort()
    .pop();
  const deadline = round.listDeadline?.date ?? null;
  const late = sent !== undefined && deadline !== null && sent > deadline;
  const complete = waitingBan + returned === 0;
  const overdue = !complete && deadline !== null && today > deadline;
  const parts = [
    T.banList(passed, own.length),
    ...(waitingBan > 0 ? [T.waitingBan(waitingBan)] : []),
    ...(returned > 0 ? [T.returned(returned)] : []),
    ...(noticed > 0 ? [T.noticed(noticed)] : []),
    ...(sent !== undefined ? [T.sentOn(sent)] : []),
    ...(late && deadline ? [T.sentLate(deadline)] : sent !== undefined && deadline !== null ? [T.onTime] : []),
    ...(overdue ? [T.overdue] : []),
  ];
  return { summary: parts.join(' · '), tone: late || overdue ? 'late' : complete ? 'ok' : 'warning' };
}

function byRound(entries: readonly Entry[]): { round: RegistrationRound; list: Entry[] }[] {
  const out = new Map<string, { round: RegistrationRound; list: Entry[] }>();
  for (const e of [...entries].sort((a, b) => (a.round.covers.start < b.round.covers.start ? -1 : a.round.covers.start > b.round.covers.start ? 1 : 0))) {
    const group = out.get(e.round.id) ?? { round: e.round, list: [] };
    group.list.push(e);
    out.set(e.round.id, group);
  }
  for (const g of out.values()) g.list.sort((a, b) => a.trip.row - b.trip.row);
  return [...out.values()];
}

/** What the sheet lacks to record a role's decisions: a sentence naming the captions to add, or null. */
function missingFor(analysis: Analysis, role: ApproverRole): RoleQueue['missing'] {
  const has = approvalColumns(analysis);
  const need = (keys: readonly ApprovalKey[]) => (keys.some((k) => has[k] !== undefined) ? null : T.missingFor(analysis.tabs.trips, keys.map(caption)));
  return {
    approve: need(role.kind === 'ban' ? ['banApprovedBy', 'banApprovedOn'] : ['noticeNumber', 'noticeDate']),
    return: need(['returnReason']),
  };
}

const atProvince = (e: Entry) => e.approval.state === 'cho-tong-hop';

function roleQueue(role: ApproverRole, entries: readonly Entry[], analysis: Analysis): RoleQueue {
  const department = analysis.policy.compilingDepartment;
  const base = { kind: role.kind, missing: missingFor(analysis, role) };
  let queue: Omit<RoleQueue, 'waiting' | 'kind' | 'missing'>;
  if (role.kind === 'ban') {
    queue = { ban: role.ban, title: T.banTitle(role.ban), intro: T.banIntro, notice: false, groups: banGroups(entries, role.ban, analysis.today) };
  } else if (role.kind === 'btc-kt') {
    queue = {
      ban: null,
      title: T.compileTitle(department),
      intro: T.compileIntro(department),
      notice: true,
      groups: provinceGroups(entries, analysis, atProvince, true),
    };
  } else {
    queue = { ban: null, title: T.approveTitle, intro: T.approveIntro, notice: true, groups: provinceGroups(entries, analysis, atProvince, false) };
  }
  const waiting = queue.groups.reduce((n, g) => n + g.rows.filter((r) => !(queue.notice && r.refused)).length, 0);
  return { ...base, ...queue, waiting };
}

/** The page's data for the person signed in as `user` ('' when Google withholds the address). */
export function approvalQueue(analysis: Analysis, user: string, warnings: readonly string[]): ApprovalQueuePayload {
  const kept = analysis.trips.processColumns.approval;
  const owned = analysis.raw.trips.ownedColumn;
  const base = { user, year: analysis.year, today: analysis.today, tab: analysis.tabs.trips, kept, warnings: [...warnings] };
  if (!kept) {
    const status = owned === null ? null : { caption: STATUS_CAPTIONS.trips, letter: columnLetter(owned) };
    return { ...base, addColumns: T.notKept(analysis.tabs.trips, APPROVAL_KEYS.map(caption), status), roles: [], readOnly: null };
  }
  const entries = queueEntries(analysis);
  const roles = rolesOf(user, analysis.roster.cadres, analysis.settings.recipients).map((role) => roleQueue(role, entries, analysis));
  const readOnly =
    roles.length > 0
      ? null
      : {
          reason: user === '' ? T.noAccount : T.noRole(user, analysis.policy.compilingDepartment),
          title: T.readOnlyTitle,
          groups: provinceGroups(entries, analysis, (e) => e.approval.state !== 'da-phe-duyet', false),
        };
  return { ...base, addColumns: null, roles, readOnly };
}
