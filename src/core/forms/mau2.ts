import { formatTripWindow } from '../calendar-date';
import type { TabLayout } from '../grid';
import type { Trip } from '../model';
import type { Policy } from '../policy';
import { contentKindCaption } from '../vocabulary';
import { addHeaderBlock, addSignatureBlock, headOf, headTitle, type FormContext } from './frame';
import { groupTrips } from './form-rows';
import { LayoutBuilder } from './layout-builder';
import { safeTabName, shortBanName } from './tab-name';

export const MAU2_CAPTIONS = ['STT', 'Họ và tên', 'Chức vụ', 'Nội dung đi cơ sở', 'Thời gian cụ thể', 'Địa điểm'] as const;
const WIDTHS = [48, 180, 140, 330, 250, 200];

export function mau2TabName(ban: string | null): string {
  return safeTabName(`Mẫu 2 - ${ban === null ? 'Tổng hợp' : shortBanName(ban)}`);
}

/**
 * Mẫu 2, "Bản tổng hợp đăng ký" (seed 001): every registered, approved or done trip of the year for one ban, or for
 * all bans with a heading per ban. A cadre's name is written on their first trip only; no merges in the body, so
 * the number of spreadsheet calls does not grow with the rows.
 */
export function buildMau2(ctx: FormContext, trips: readonly Trip[], policy: Policy): TabLayout {
  const b = new LayoutBuilder(MAU2_CAPTIONS.length);
  addHeaderBlock(b, ctx, 3, 'BẢN TỔNG HỢP ĐĂNG KÝ', `Đi công tác cơ sở theo chủ trương “1+2” năm ${ctx.year}`);
  const headerRow = b.row([...MAU2_CAPTIONS]);
  b.style({ row: headerRow, column: 0, rows: 1, columns: b.width }, { bold: true, horizontalAlignment: 'center', verticalAlignment: 'middle', background: '#f3f3f3' });
  const bodyStart = b.rowCount;
  const listed = trips.filter((t) => t.status !== 'cancelled' && String(t.from).startsWith(String(ctx.year)));
  const groups = groupTrips(listed, ctx.cadres, ctx.ban);
  let stt = 0;
  for (const group of groups) {
    if (ctx.ban === null) {
      const heading = b.row(['', group.ban]);
      b.style({ row: heading, column: 0, rows: 1, columns: b.width }, { bold: true, background: '#eef3fb' });
    }
    for (const { cadre, trips: list } of group.cadres) {
      stt++;
      list.forEach((trip, i) => {
        const content = contentKindCaption(trip.kind, policy.numbering) + (trip.detail ? `: ${trip.detail}` : '');
        b.row([i === 0 ? stt : '', i === 0 ? cadre.name : '', i === 0 ? cadre.position : '', content, formatTripWindow(trip.from, trip.to), trip.place]);
      });
    }
  }
  if (stt === 0) b.row(['', 'Chưa có đợt đi cơ sở nào được đăng ký.']);
  const bodyRows = b.rowCount - bodyStart;
  b.style({ row: headerRow, column: 0, rows: bodyRows + 1, columns: b.width }, { border: true, wrap: true, verticalAlignment: 'top' });
  b.style({ row: bodyStart, column: 0, rows: bodyRows, columns: 1 }, { horizontalAlignment: 'center' });
  addSignatureBlock(b, 'Phê duyệt của Lãnh đạo Tỉnh đoàn', headTitle(ctx.ban), headOf(ctx.ban, ctx.cadres));
  return b.build(mau2TabName(ctx.ban), WIDTHS, 0);
}
