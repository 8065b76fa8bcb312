import { formatTripWindow, quarterBounds, type Quarter } from '../calendar-date';
import type { TabLayout } from '../grid';
import type { Trip } from '../model';
import type { Policy } from '../policy';
import { contentKindCaption } from '../content';
import { isDoneBy } from '../vocabulary';
import { periodName, quarterTitle } from '../quarter-name';
import { addHeaderBlock, addSignatureBlock, FORM_FONT, headOf, headTitle, type FormContext } from './frame';
import { addTripRows, tripDays } from './form-rows';
import { LayoutBuilder } from './layout-builder';
import { safeTabName, shortBanName } from './tab-name';

export const MAU3_CAPTIONS = [
  'STT',
  'Họ và tên',
  'Nội dung',
  'Cụ thể nội dung đi cơ sở',
  'Số ngày đi',
  'Thời gian cụ thể',
  'Địa điểm',
  'Nêu khái quát những kết quả chủ yếu (mặt được, hạn chế của từng nội dung); đề xuất, kiến nghị (nếu có)',
] as const;
const WIDTHS = [44, 160, 170, 200, 64, 170, 150, 300];

/** "Quý II-2023": how the forms dialog and the tab name a quarter (quarter-name.ts). */
export const quarterLabel = quarterTitle;

export function mau3TabName(quarter: Quarter, year: number, ban: string | null): string {
  // "Mẫu 3 Quý II-2023 - Tuyên giáo": short enough for Excel's 31 characters with most Ban names.
  return safeTabName(`Mẫu 3 ${quarterLabel(quarter, year)}${ban ? ` - ${shortBanName(ban)}` : ''}`);
}

export interface Mau3Summary {
  cadres: number;
  trips: number;
  days: number;
}

/**
 * Mẫu 3, "Tổng hợp báo cáo kết quả đi công tác quý" (seed 001): the trips done by today that start in the quarter (a trip
 * belongs to the quarter of its start date), with a Tổng row.
 */
export function buildMau3(ctx: FormContext, trips: readonly Trip[], policy: Policy, quarter: Quarter): { layout: TabLayout; summary: Mau3Summary } {
  const b = new LayoutBuilder(MAU3_CAPTIONS.length, { printed: true });
  addHeaderBlock(b, ctx, 3, 'TỔNG HỢP BÁO CÁO', `Kết quả đi công tác cơ sở ${periodName({ quarter, year: ctx.year })}`);
  const headerRow = b.row([...MAU3_CAPTIONS]);
  // Seed 001's mẫu 3 numbers its columns so, Họ và tên and the results column unnumbered.
  const numbers = b.row(['(1)', '', '(2)', '(3)', '(4)', '(5)', '(6)', '']);
  b.style(
    { row: headerRow, column: 0, rows: 1, columns: b.width },
    { bold: true, horizontalAlignment: 'center', verticalAlignment: 'middle', background: '#f3f3f3' },
  );
  b.style({ row: numbers, column: 0, rows: 1, columns: b.width }, { italic: true, horizontalAlignment: 'center' });
  b.printTitles(headerRow, numbers);
  const bodyStart = b.rowCount;
  const { start, end } = quarterBounds(ctx.year, quarter);
  const listed = trips.filter((t) => isDoneBy(t, ctx.today) && t.from >= start && t.from <= end);
  const table = addTripRows(b, ctx, listed, (first, trip) => [
    first?.stt ?? '',
    first?.cadre.name ?? '',
    contentKindCaption(trip.kind, policy),
    trip.detail,
    tripDays(trip),
    formatTripWindow(trip.from, trip.to),
    trip.place,
    trip.result,
  ]);
  const stt = table.cadres;
  const count = table.trips.length;
  const days = table.trips.reduce((sum, trip) => sum + tripDays(trip), 0);
  if (count === 0) b.row(['', 'Không có đợt đi cơ sở nào đã thực hiện trong quý.']);
  // The heading, the captions and the first row print together, and so do the last row and the Tổng under it.
  b.keepTogether(0, bodyStart);
  const total = b.row(['', 'Tổng', `${stt} cán bộ, ${count} đợt`, '', days, '', '', '']);
  b.keepWithPrevious(total);
  b.style({ row: total, column: 0, rows: 1, columns: b.width }, { bold: true, background: '#f3f3f3' });
  const tableRows = b.rowCount - headerRow;
  b.style({ row: headerRow, column: 0, rows: tableRows, columns: b.width }, { border: true, wrap: true, verticalAlignment: 'top' });
  b.style({ row: bodyStart, column: 0, rows: total - bodyStart + 1, columns: 1 }, { horizontalAlignment: 'center' });
  b.style({ row: bodyStart, column: 4, rows: total - bodyStart + 1, columns: 1 }, { horizontalAlignment: 'center', numberFormat: '0' });
  addSignatureBlock(b, '', headTitle(ctx.ban ?? ctx.compilingDepartment), headOf(ctx.ban ?? ctx.compilingDepartment, ctx.cadres));
  // Frozen through the captions: Sheets repeats frozen rows on every printed page (it has no print titles).
  return { layout: b.build(mau3TabName(quarter, ctx.year, ctx.ban), WIDTHS, numbers + 1, FORM_FONT), summary: { cadres: stt, trips: count, days } };
}
