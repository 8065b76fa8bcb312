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

export function mau2TabName(ban: string | null): string {
  return safeTabName(`Mẫu 2 - ${ban === null ? 'Tổng hợp' : shortBanName(ban)}`);
}

/** What mẫu 2 lists: the year's trips that are registered, approved or done. */
export function mau2Trips(trips: readonly Trip[], year: number): Trip[] {
  return trips.filter((t) => t.status !== 'cancelled' && t.from.startsWith(String(year)));
}

/**
 * Mẫu 2, "Bản tổng hợp đăng ký" (seed 001): every registered, approved or done trip of the year for one ban, or for
 * all bans with a heading per ban. A cadre's name is written on their first trip only; no merges in the body, so
 * the number of spreadsheet calls does not grow with the rows.
 */
export function buildMau2(ctx: FormContext, trips: readonly Trip[], policy: Policy): TabLayout {
  const b = new LayoutBuilder(MAU2_CAPTIONS.length, { printed: true });
  addHeaderBlock(b, ctx, 3, 'BẢN TỔNG HỢP ĐĂNG KÝ', `Đi công tác cơ sở theo chủ trương “1+2” năm ${ctx.year}`);
  const headerRow = b.row([...MAU2_CAPTIONS]);
  b.style(
    { row: headerRow, column: 0, rows: 1, columns: b.width },
    { bold: true, horizontalAlignment: 'center', verticalAlignment: 'middle', background: '#f3f3f3' },
  );
  b.printTitles(headerRow);
  const bodyStart = b.rowCount;
  const listed = mau2Trips(trips, ctx.year);
  const { cadres } = addTripRows(b, ctx, listed, (first, trip) => [
    first?.stt ?? '',
    first?.cadre.name ?? '',
    first?.cadre.position ?? '',
    contentKindCaption(trip.kind, policy) + (trip.detail ? `: ${trip.detail}` : ''),
    formatTripWindow(trip.from, trip.to),
    trip.place,
  ]);
  if (cadres === 0) b.row(['', 'Chưa có đợt đi cơ sở nào được đăng ký.']);
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
  return b.build(mau2TabName(ctx.ban), WIDTHS, headerRow + 1, FORM_FONT);
}
