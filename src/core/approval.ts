import { formatDayFirst, type CalendarDate } from './calendar-date';
import type { ApprovalCells, Trip } from './model';
import { registrationDeadlineFor } from './period';
import type { Policy } from './policy';
import { registrationRounds, roundOf, type RegistrationRound } from './registration-rounds';

/**
 * Where a registration stands in the province's process (Kiên Giang 06-HD §IV: the cadre registers with their Ban;
 * the head of the Ban reviews and sends the Ban's list to the compiling department by Đợt; the Thường trực's notice
 * approves it. Tây Ninh 001: mẫu 1 "Lãnh đạo Ban/Văn phòng phê duyệt", mẫu 2 "Phê duyệt của Lãnh đạo Tỉnh đoàn").
 * Read from the trips tab's own columns (the Ban's approval, the notice, a return with its reason) and its status;
 * a workbook that keeps none of those columns needs no approval and works as before.
 */

export const APPROVAL_STATES = ['cho-ban-duyet', 'cho-tong-hop', 'da-phe-duyet', 'tra-lai', 'khong-can'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export type { ApprovalCells } from './model';

export const NO_APPROVAL: ApprovalCells = { banBy: null, banOn: null, noticeNumber: null, noticeDate: null, returnReason: null };

export interface Approval {
  state: ApprovalState;
  by: string | null;
  date: CalendarDate | null;
  noticeNumber: string | null;
  noticeDate: CalendarDate | null;
  reason: string | null;
  /** Sent or approved after the preset's deadline (the sentence says which), or null. */
  late: string | null;
  /**
   * Sent after the deadline, no urgent-task decision recorded, under a document that refuses such lists (06-HD §IV.2):
   * not to be approved.
   */
  refused: boolean;
}

/**
 * The state of one registration. The Thường trực's notice approves it; a return (with its reason) sends it back
 * until it is approved again; the Ban's approval (an account, a typed name, a date, or the status typed "Đã duyệt")
 * passes it to the compiling department. `kept` is whether the sheet keeps approvals at all.
 */
export function approvalOf(
  trip: Pick<Trip, 'status' | 'from' | 'urgent'> & { approval: ApprovalCells },
  kept: boolean,
  policy: Policy,
  year: number,
): Approval {
  const a = trip.approval;
  const base = { by: a.banBy, date: a.banOn, noticeNumber: a.noticeNumber, noticeDate: a.noticeDate, reason: a.returnReason, late: null, refused: false };
  if (!kept) return { ...base, state: 'khong-can' };
  const state: ApprovalState =
    a.noticeNumber !== null || a.noticeDate !== null
      ? 'da-phe-duyet'
      : a.returnReason !== null
        ? 'tra-lai'
        : a.banBy !== null || a.banOn !== null || trip.status === 'approved'
          ? 'cho-tong-hop'
          : 'cho-ban-duyet';
  const late = approvalLateness(trip, policy, year);
  return {
    ...base,
    state,
    late: late.length > 0 ? late.map((l) => l.message).join(' ') : null,
    refused: late.some((l) => l.column === 'banApprovedOn') && policy.lateRegistrationsRefused,
  };
}

/** One step taken after its deadline: the cell that dates it, and what the row says of it. */
export interface Lateness {
  column: 'banApprovedOn' | 'noticeDate';
  message: string;
}

/**
 * The steps taken after the preset's deadline. The Ban's approval (its list sent) after the registration deadline
 * (001: mẫu 1 by 15/02; 25-HD: before the quarter's 5th; 06-HD: by Đợt), unless the Ban Thường vụ decided an urgent
 * task (06-HD §IV.1); under 06-HD §IV.2 such a list "không xem xét, phê duyệt". The Thường trực's notice after the
 * approval deadline (06-HD: 30/12 of the year before, 30/6).
 */
export function approvalLateness(trip: Pick<Trip, 'from' | 'urgent'> & { approval: ApprovalCells }, policy: Policy, year: number): Lateness[] {
  const out: Lateness[] = [];
  const { banOn, noticeDate } = trip.approval;
  if (trip.urgent === null && banOn !== null) {
    const deadline = registrationDeadlineFor(policy, year, trip.from as CalendarDate);
    if (deadline !== null && banOn > deadline) {
      const message = policy.lateRegistrationsRefused ? approvalTexts.late(banOn, deadline) : approvalTexts.lateSent(banOn, deadline);
      out.push({ column: 'banApprovedOn', message });
    }
  }
  if (noticeDate !== null) {
    const deadline = roundOf(roundsOf(policy, year), trip.from as CalendarDate)?.approvalDeadline ?? null;
    if (deadline !== null && noticeDate > deadline.date) out.push({ column: 'noticeDate', message: approvalTexts.lateNotice(noticeDate, deadline.date) });
  }
  return out;
}

const roundsCache = new WeakMap<Policy, Map<number, RegistrationRound[]>>();

/** The policy year's registration rounds, computed once per policy and year (a check asks for each trip). */
export function roundsOf(policy: Policy, year: number): RegistrationRound[] {
  const byYear = roundsCache.get(policy) ?? new Map<number, RegistrationRound[]>();
  roundsCache.set(policy, byYear);
  const rounds = byYear.get(year) ?? registrationRounds(policy, year);
  byYear.set(year, rounds);
  return rounds;
}

export const APPROVAL_LABELS: Record<ApprovalState, string> = {
  'cho-ban-duyet': 'Chờ Ban duyệt',
  'cho-tong-hop': 'Chờ tổng hợp, phê duyệt',
  'da-phe-duyet': 'Đã phê duyệt',
  'tra-lai': 'Trả lại',
  'khong-can': '',
};

export const approvalTexts = {
  /** "Chờ Ban Tổ chức – Kiểm tra tổng hợp": the compiling department by its preset's name. */
  waitingCompile: (department: string) => `Chờ ${department} tổng hợp`,
  late: (sent: CalendarDate, deadline: CalendarDate) =>
    `Ban duyệt ngày ${formatDayFirst(sent)}, sau hạn gửi đăng ký ${formatDayFirst(deadline)}: theo hướng dẫn không được xem xét phê duyệt (trừ nhiệm vụ đột xuất có văn bản của Ban Thường vụ).`,
  lateSent: (sent: CalendarDate, deadline: CalendarDate) => `Ban duyệt ngày ${formatDayFirst(sent)}, sau hạn ${formatDayFirst(deadline)}.`,
  lateNotice: (on: CalendarDate, deadline: CalendarDate) => `Thông báo phê duyệt ngày ${formatDayFirst(on)}, sau hạn phê duyệt ${formatDayFirst(deadline)}.`,
  returned: (reason: string) => `Trả lại: ${reason}`,
  approved: (number: string | null, date: CalendarDate | null) =>
    `Đã phê duyệt${number ? ` (thông báo ${number}${date ? ` ngày ${formatDayFirst(date)}` : ''})` : date ? ` ngày ${formatDayFirst(date)}` : ''}`,
  banApproved: (by: string | null, on: CalendarDate | null) =>
    `Ban đã duyệt${by ? ` (${by}${on ? `, ${formatDayFirst(on)}` : ''})` : on ? ` ngày ${formatDayFirst(on)}` : ''}`,
} as const;

/** The sentence the row's result shows about its approval ('' where the sheet keeps none). */
export function approvalSentence(approval: Approval, policy: Policy): string {
  switch (approval.state) {
    case 'khong-can':
      return '';
    case 'cho-ban-duyet':
      return `${APPROVAL_LABELS['cho-ban-duyet']}.`;
    case 'cho-tong-hop':
      return `${approvalTexts.banApproved(approval.by, approval.date)}. ${approvalTexts.waitingCompile(policy.compilingDepartment)}.`;
    case 'tra-lai':
      return `${approvalTexts.returned(approval.reason ?? '')}`;
    case 'da-phe-duyet':
      return `${approvalTexts.approved(approval.noticeNumber, approval.noticeDate)}.`;
  }
}
