import { APPROVAL_LABELS, approvalOf, approvalTexts, type ApprovalState } from '../approval';
import { formatTripWindow } from '../calendar-date';
import type { TabLayout } from '../grid';
import type { Trip } from '../model';
import type { Policy } from '../policy';
import { contentKindCaption } from '../content';
import { addHeaderBlock, addLeftOutNote, addSignatureBlock, FORM_FONT, headOf, headTitle, type FormContext } from './frame';
import { addTripRows } from './form-rows';
import { LayoutBuilder } from './layout-builder';
import { safeTabName, shortBanName } from './tab-name';

export const MAU2_CAPTIONS = ['STT', 'Họ và tên', 'Chức vụ', 'Nội dung đi cơ sở', 'Thời gian cụ thể', 'Địa điểm'] as const;
const WIDTHS = [48, 180, 140, 330, 250, 200];

/**
 * Which registrations mẫu 2 lists where the sheet keeps approvals: those the Ban approved (its list to the compiling
 * department: Tây Ninh 2023 mẫu 1 approved by the Ban, then mẫu 2 to BTC-KT; Kiên Giang 06-HD §IV the Ban's list),
 * or every registration, each not yet approved marked with where it stands. A sheet without approval columns lists
 * every registration either way, as before.
 */
export type Mau2Listing = 'approved' | 'all';

export interface Mau2Options {
  listing: Mau2Listing;
  /** The sheet keeps approvals (an approval column on the trips tab). */
  kept: boolean;
}

const PASSED: readonly ApprovalState[] = ['cho-tong-hop', 'da-phe-duyet', 'khong-can'];

/** "Mẫu 2 - Tuyên giáo"; the list with those not yet approved too is "Mẫu 2 - Tuyên giáo (tất cả)". */
export function mau2TabName(ban: string | null, listing: Mau2Listing = 'approved'): string {
  return safeTabName(`Mẫu 2 - ${ban === null ? 'Tổng hợp' : shortBanName(ban)}${listing === 'all' ? ' (tất cả)' : ''}`);
}

/** Every registration of the year: registered, approved or done (mẫu 1's trips; mẫu 2's with `listing` all). */
export function mau2Trips(trips: readonly Trip[], year: number): Trip[] {
  return trips.filter((t) => t.status !== 'cancelled' && t.from.startsWith(String(year)));
}

/** Where a registration stands for mẫu 2 (approval.ts, the one rule). */
function stateOf(trip: Trip, kept: boolean, policy: Policy, year: number): ApprovalState {
  return approvalOf(trip, kept, policy, year).state;
}

/** What mẫu 2 lists: the year's registrations the Ban approved, or all of them (see Mau2Listing). */
export function mau2Listed(trips: readonly Trip[], year: number, policy: Policy, options: Mau2Options): Trip[] {
  const all = mau2Trips(trips, year);
  if (options.listing === 'all' || !options.kept) return all;
  return all.filter((t) => PASSED.includes(stateOf(t, options.kept, policy, year)));
}

/** The mark of a registration not yet approved on the "all" list: "(Chờ Ban duyệt)", "(Trả lại: …)". */
function notApprovedMark(trip: Trip, options: Mau2Options, policy: Policy, year: number): string {
  if (options.listing !== 'all' || !options.kept) return '';
  const state = stateOf(trip, options.kept, policy, year);
  if (PASSED.includes(state)) return '';
  const said = state === 'tra-lai' && trip.approval.returnReason ? approvalTexts.returned(trip.approval.returnReason) : APPROVAL_LABELS[state];
  return `\n(${said})`;
}

/**
 * Mẫu 2, "Bản tổng hợp đăng ký" (seed 001): the year's registrations the Ban approved (or all, marked: Mau2Listing)
 * for one ban, or for all bans with a heading per ban. A cadre's name is written on their first trip only; no merges in the body, so
 * the number of spreadsheet calls does not grow with the rows.
 */
export function buildMau2(ctx: FormContext, trips: readonly Trip[], policy: Policy, options: Mau2Options = { listing: 'approved', kept: false }): TabLayout {
  const b = new LayoutBuilder(MAU2_CAPTIONS.length, { printed: true });
  const marked = options.kept && options.listing === 'all';
  const subtitle = `Đi công tác cơ sở theo chủ trương “1+2” năm ${ctx.year}`;
  addHeaderBlock(b, ctx, 3, 'BẢN TỔNG HỢP ĐĂNG KÝ', marked ? `${subtitle} (gồm cả đăng ký chưa được duyệt, ghi rõ ở cột Nội dung)` : subtitle);
  const headerRow = b.row([...MAU2_CAPTIONS]);
  b.style(
    { row: headerRow, column: 0, rows: 1, columns: b.width },
    { bold: true, horizontalAlignment: 'center', verticalAlignment: 'middle', background: '#f3f3f3' },
  );
  b.printTitles(headerRow);
  const bodyStart = b.rowCount;
  const listed = mau2Listed(trips, ctx.year, policy, options);
  const { cadres } = addTripRows(b, ctx, listed, (first, trip) => [
    first?.stt ?? '',
    first?.cadre.name ?? '',
    first?.cadre.position ?? '',
    contentKindCaption(trip.kind, policy) + (trip.detail ? `: ${trip.detail}` : '') + notApprovedMark(trip, options, policy, ctx.year),
    formatTripWindow(trip.from, trip.to),
    trip.place,
  ]);
  if (cadres === 0)
    b.row(['', options.kept && options.listing === 'approved' ? 'Chưa có đợt đi cơ sở nào được ban duyệt.' : 'Chưa có đợt đi cơ sở nào được đăng ký.']);
  // The heading, the captions and the first row print together: no page ends on the captions.
  b.keepTogether(0, bodyStart);
  const bodyRows = b.rowCount - bodyStart;
  b.style({ row: headerRow, column: 0, rows: bodyRows + 1, columns: b.width }, { border: true, wrap: true, verticalAlignment: 'top' });
  b.style({ row: bodyStart, column: 0, rows: bodyRows, columns: 1 }, { horizontalAlignment: 'center' });
  addLeftOutNote(b, ctx.leftOut);
  addSignatureBlock(
    b,
    'Phê duyệt của Lãnh đạo Tỉnh đoàn',
    headTitle(ctx.ban ?? ctx.compilingDepartment),
    headOf(ctx.ban ?? ctx.compilingDepartment, ctx.cadres),
  );
  // Frozen through the captions: Sheets repeats frozen rows on every printed page (it has no print titles).
  return b.build(mau2TabName(ctx.ban, options.kept ? options.listing : 'approved'), WIDTHS, headerRow + 1, FORM_FONT);
}
