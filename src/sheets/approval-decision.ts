import { approvalSentence } from '../core/approval';
import { holdsRole, rolesOf, type ApproverKind, type ApproverRole } from '../core/approvers';
import { formatDayFirst, type CalendarDate } from '../core/calendar-date';
import { banKey } from '../core/names';
import { UserError } from '../core/user-error';
import { approvalColumns, approvalQueue, queueEntries, trailColumn, type ApprovalKey, type ApprovalQueuePayload } from './approval-queue';
import { withTrailLine } from './notes';
import { approvalPageTexts as T } from './pages/approval-texts';
import { analyzeContext, type ServerContext } from './server-context';
import type { ApprovalWrites, CellBlock } from './workbook';
import { writeEditedRowResults, type Analysis } from './workflow';

/**
 * A decision of the approval page, written under the document lock (the page's server function writes): approve or
 * return the chosen rows. Each row is written only while its cells read as they did when the page was loaded (the
 * fingerprint it was sent with); a row already where the decision would put it is left as it is; the rest are
 * written in one batch (Workbook.writeApprovals): the account and the date, or the notice, or the reason, and a line
 * in the row's trail. Nothing else in the row changes; our status cell of each written row is brought up to date.
 */

export interface DecisionInput {
  role: ApproverKind;
  /** The Ban a Ban's leader decides for. */
  ban: string;
  decision: 'approve' | 'return';
  rows: readonly { row: number; fingerprint: string }[];
  reason: string;
  noticeNumber: string;
}

export interface DecisionResult {
  written: number[];
  /** Rows left as they were, each with why: already decided, edited since, not at this step. */
  skipped: { row: number; why: 'already' | 'changed' | 'refused'; message: string }[];
  /** One sentence for the page's live region. */
  message: string;
  /** The queue as it is now, read again after writing. */
  queue: ApprovalQueuePayload;
}

type Verdict = { write: true } | { write: false; why: 'already' | 'changed' | 'refused'; message: string };

function roleOf(input: DecisionInput): ApproverRole {
  return input.role === 'ban' ? { kind: 'ban', ban: input.ban } : { kind: input.role };
}

/** What happens to one row: written, or left with its reason. The order matters: a row someone else approved meanwhile is "already", not "changed". */
function judge(entry: ReturnType<typeof queueEntries>[number] | undefined, sent: string, input: DecisionInput, row: number, analysis: Analysis): Verdict {
  if (!entry) return { write: false, why: 'changed', message: T.gone(row) };
  if (input.role === 'ban' && banKey(entry.cadre.ban) !== banKey(input.ban))
    return { write: false, why: 'refused', message: T.notYourBan(row, entry.cadre.ban) };
  const state = entry.approval.state;
  const said = approvalSentence(entry.approval, analysis.policy);
  const done =
    input.decision === 'return' ? state === 'tra-lai' : input.role === 'ban' ? state === 'cho-tong-hop' || state === 'da-phe-duyet' : state === 'da-phe-duyet';
  if (done) return { write: false, why: 'already', message: T.already(row, said) };
  if (entry.view.fingerprint !== sent) return { write: false, why: 'changed', message: T.changed([row]) };
  const step = input.role === 'ban' ? (input.decision === 'approve' ? ['cho-ban-duyet', 'tra-lai'] : ['cho-ban-duyet']) : ['cho-tong-hop'];
  if (!step.includes(state)) return { write: false, why: 'refused', message: T.notThisStep(row, said) };
  if (input.role !== 'ban' && input.decision === 'approve' && entry.approval.refused)
    return { write: false, why: 'refused', message: T.refusedLate(row, entry.approval.late ?? '') };
  return { write: true };
}

/** The cells a decision sets, by approval key: one value each, the same on every row written. */
function decisionCells(
  input: DecisionInput,
  user: string,
  today: CalendarDate,
  has: Partial<Record<ApprovalKey, number>>,
): Partial<Record<ApprovalKey, string | { date: CalendarDate }>> {
  if (input.decision === 'return') {
    if (input.reason === '') throw new UserError(T.needReason);
    return { returnReason: input.reason };
  }
  if (input.role === 'ban') return { banApprovedBy: user, banApprovedOn: { date: today } };
  if (has.noticeDate === undefined && input.noticeNumber === '') throw new UserError(T.needNotice);
  return { noticeDate: { date: today }, ...(input.noticeNumber !== '' ? { noticeNumber: input.noticeNumber } : {}) };
}

function trailLine(input: DecisionInput, user: string, today: CalendarDate): string {
  const what = input.decision === 'return' ? T.trail.returned(input.reason) : input.role === 'ban' ? T.trail.ban : T.trail.notice(input.noticeNumber);
  return `${formatDayFirst(today)} · ${what} · ${user}`;
}

/** The writes of a decision on these rows: each of its columns the sheet has, a returned row's reason emptied on approval, the trail notes. */
function writesOf(analysis: Analysis, input: DecisionInput, rows: readonly number[], user: string): ApprovalWrites {
  const has = approvalColumns(analysis);
  const cells = decisionCells(input, user, analysis.today, has);
  const columns: ApprovalWrites['columns'][number][] = [];
  for (const [key, value] of Object.entries(cells) as [ApprovalKey, string | { date: CalendarDate }][]) {
    const column = has[key];
    if (column === undefined && key === 'noticeNumber') throw new UserError(T.missingFor(analysis.tabs.trips, ['Thông báo phê duyệt (số)']));
    if (column !== undefined) columns.push({ column, value, rows });
  }
  // Approving a returned registration again takes it out of the return: its reason stays in the trail.
  if (input.decision === 'approve' && input.role === 'ban' && has.returnReason !== undefined) {
    const returned = rows.filter((r) => analysis.trips.trips.find((t) => t.row === r)?.approval.returnReason !== null);
    if (returned.length > 0) columns.push({ column: has.returnReason, value: '', rows: returned });
  }
  const trail = trailColumn(analysis)!;
  const line = trailLine(input, user, analysis.today);
  const notes = analysis.raw.trips.notes ?? [];
  const existing = (r: number) => notes[r - 1]?.[trail - 1] ?? '';
  const top = rows[0]!;
  const bottom = rows[rows.length - 1]!;
  const chosen = new Set(rows);
  const block: CellBlock<string> = {
    row: top,
    column: trail,
    values: Array.from({ length: bottom - top + 1 }, (_, i) => [chosen.has(top + i) ? withTrailLine(existing(top + i), line) : existing(top + i)]),
  };
  return { tab: analysis.tabs.trips, columns, notes: [block] };
}

/** Approves or returns the chosen rows for the role the person holds; see the module's comment. */
export function decideApprovals(ctx: ServerContext, input: DecisionInput): DecisionResult {
  const user = ctx.user.trim();
  if (user === '') throw new UserError(T.noAccount);
  const first = analyzeContext(ctx, { withNotes: true });
  const analysis = first.analysis;
  const queueNow = approvalQueue(analysis, user, first.warnings);
  if (queueNow.addColumns) throw new UserError(queueNow.addColumns);
  const role = roleOf(input);
  if (!holdsRole(rolesOf(user, analysis.roster.cadres, analysis.settings.recipients), role)) throw new UserError(T.noRoleFor);
  const missing = queueNow.roles.find((r) => r.kind === role.kind && (role.kind !== 'ban' || banKey(r.ban ?? '') === banKey(role.ban)))?.missing;
  const lacking = input.decision === 'approve' ? missing?.approve : missing?.return;
  if (lacking) throw new UserError(lacking);
  if (input.decision === 'return' && input.reason === '') throw new UserError(T.needReason);

  const entries = new Map(queueEntries(analysis).map((e) => [e.trip.row, e]));
  const written: number[] = [];
  const skipped: DecisionResult['skipped'] = [];
  for (const { row, fingerprint } of [...input.rows].sort((a, b) => a.row - b.row)) {
    if (written.includes(row) || skipped.some((s) => s.row === row)) continue;
    const verdict = judge(entries.get(row), fingerprint, input, row, analysis);
    if (verdict.write) written.push(row);
    else skipped.push({ row, why: verdict.why, message: verdict.message });
  }
  let queue = queueNow;
  if (written.length > 0) {
    ctx.workbook.writeApprovals(writesOf(analysis, input, written, user));
    const fresh = analyzeContext(ctx, { withNotes: true });
    // Our status cells of the rows written say where they stand now (as the next check would), where we have a column.
    if (fresh.analysis.raw.trips.ownedColumn !== null) writeEditedRowResults(ctx.workbook, fresh.analysis, { trips: new Set(written), roster: new Set() });
    queue = approvalQueue(fresh.analysis, user, fresh.warnings);
  }
  const changed = skipped.filter((s) => s.why === 'changed').map((s) => s.row);
  const message = [
    ...(written.length > 0 ? [T.written(written.length, input.decision, input.role !== 'ban')] : []),
    ...(changed.length > 0 ? [T.changed(changed)] : []),
    ...skipped.filter((s) => s.why !== 'changed').map((s) => s.message),
  ].join(' ');
  return { written, skipped, message, queue };
}
