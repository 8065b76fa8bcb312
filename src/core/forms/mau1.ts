import { formatDayFirst, formatTripWindow, type CalendarDate } from '../calendar-date';
import { contentKindCaption } from '../content';
import type { TabLayout } from '../grid';
import type { Cadre, Trip } from '../model';
import { banKey, nameKey } from '../names';
import type { Policy } from '../policy';
import { addHeaderBlock, addLeftOutNote, addSignatureBlock, FORM_FONT, type FormContext } from './frame';
import { tripDays } from './form-rows';
import { LayoutBuilder } from './layout-builder';
import { mau2Trips } from './mau2';
import { safeTabName, shortBanName } from './tab-name';

/** Seed 001's mẫu 1, "Bản đăng ký", table captions and their numbers. */
export const MAU1_CAPTIONS = ['STT', 'Nội dung', 'Số ngày đi', 'Thời gian cụ thể', 'Địa điểm'] as const;
const WIDTHS = [48, 360, 90, 250, 220];

/** Whose mẫu 1: one cadre, or every cadre of a Ban (one form each, a page apiece). */
export type Mau1Scope = { cadre: Cadre } | { ban: string };

/** The tab of a scope's forms; a cadre who shares a name with another gets their Ban too, so neither replaces the other's. */
export function mau1TabName(scope: Mau1Scope, cadres: readonly Cadre[]): string {
  if (!('cadre' in scope)) return safeTabName(`Mẫu 1 - ${shortBanName(scope.ban)}`);
  const { cadre } = scope;
  const namesake = cadres.some((c) => c.index !== cadre.index && nameKey(c.name) === nameKey(cadre.name));
  return safeTabName(`Mẫu 1 - ${cadre.name}${namesake ? ` (${shortBanName(cadre.ban)})` : ''}`);
}

/** The cadres a scope names, in roster order. */
export function mau1Cadres(scope: Mau1Scope, cadres: readonly Cadre[]): Cadre[] {
  if ('cadre' in scope) return [scope.cadre];
  const key = banKey(scope.ban);
  return cadres.filter((c) => banKey(c.ban) === key && c.exemption === null);
}

/**
 * Mẫu 1, "BẢN ĐĂNG KÝ đi công tác cơ sở theo chủ trương “1+2”" (seed 001): the header block, "1. Họ và tên",
 * "2. Chức vụ", "3. Nội dung đăng ký cụ thể như sau:", the numbered table (1)–(5) of the cadre's trips of the year
 * (registered, approved or done), and the signatures "Lãnh đạo Ban/Văn phòng phê duyệt" and "Người đăng ký".
 * For a Ban, one form per cadre, each starting a new printed page.
 */
export function buildMau1(ctx: FormContext, trips: readonly Trip[], policy: Policy, scope: Mau1Scope): { layout: TabLayout; cadres: number; trips: number } {
  const b = new LayoutBuilder(MAU1_CAPTIONS.length, { printed: true });
  const people = mau1Cadres(scope, ctx.cadres);
  const listed = mau2Trips(trips, ctx.year);
  let count = 0;
  let frozenRows = 0;
  people.forEach((cadre, i) => {
    if (i > 0) b.pageBreak();
    const own = listed.filter((t) => t.cadre === cadre.index).sort((a, c) => (a.from < c.from ? -1 : a.from > c.from ? 1 : a.row - c.row));
    count += own.length;
    const captions = addMau1(b, { ...ctx, ban: cadre.ban }, cadre, own, policy);
    // A single form repeats its captions as print titles, and freezes through them: Sheets, which has no print
    // titles, repeats frozen rows on every printed page. A Ban's stack begins each form on a new page, and a form
    // that runs on begins its next page with a copy of its captions (one tab has one range of print titles).
    if (people.length === 1) {
      b.printTitles(captions.first, captions.last);
      frozenRows = captions.last + 1;
    } else b.repeatCaptionsOnNewPages(captions.first, captions.last);
  });
  if (people.length === 0) b.row(['', 'Ban này chưa có cán bộ nào thuộc diện đi cơ sở.']);
  const name = mau1TabName(scope, ctx.cadres);
  return { layout: b.build(name, WIDTHS, frozenRows, FORM_FONT), cadres: people.length, trips: count };
}

/** One cadre's form; returns its caption rows. */
function addMau1(b: LayoutBuilder, ctx: FormContext, cadre: Cadre, trips: readonly Trip[], policy: Policy): { first: number; last: number } {
  const start = b.rowCount;
  addHeaderBlock(b, ctx, 2, 'BẢN ĐĂNG KÝ', `Đi công tác cơ sở theo chủ trương “1+2” năm ${ctx.year}`);
  b.spanRow(`1. Họ và tên: ${cadre.name}`, { bold: true });
  b.spanRow(`2. Chức vụ: ${cadre.position}`, {});
  b.spanRow('3. Nội dung đăng ký cụ thể như sau:', {});
  const header = b.row([...MAU1_CAPTIONS]);
  const numbers = b.row(['(1)', '(2)', '(3)', '(4)', '(5)']);
  b.style(
    { row: header, column: 0, rows: 1, columns: b.width },
    { bold: true, horizontalAlignment: 'center', verticalAlignment: 'middle', background: '#f3f3f3' },
  );
  b.style({ row: numbers, column: 0, rows: 1, columns: b.width }, { italic: true, horizontalAlignment: 'center' });
  const body = b.rowCount;
  // The heading, the captions and the first row print together: no page ends on the captions.
  b.keepTogether(start, body);
  trips.forEach((trip, i) =>
    b.row([
      i + 1,
      contentKindCaption(trip.kind, policy) + (trip.detail ? `: ${trip.detail}` : ''),
      `${tripDays(trip)} ngày`,
      formatTripWindow(trip.from, trip.to),
      trip.place,
    ]),
  );
  if (trips.length === 0) b.row(['', 'Chưa có đợt đi cơ sở nào được đăng ký.']);
  const rows = b.rowCount - body;
  b.style({ row: header, column: 0, rows: rows + 2, columns: b.width }, { border: true, wrap: true, verticalAlignment: 'top' });
  b.style({ row: body, column: 0, rows, columns: 1 }, { horizontalAlignment: 'center' });
  b.style({ row: body, column: 2, rows, columns: 1 }, { horizontalAlignment: 'center' });
  addLeftOutNote(
    b,
    ctx.leftOut.filter((r) => nameKey(r.name) === nameKey(cadre.name)),
  );
  addSignatureBlock(b, 'Lãnh đạo Ban/Văn phòng phê duyệt', 'Người đăng ký', cadre.name, approverLine(trips));
  return { first: header, last: numbers };
}

/**
 * Who approved the registration for the Ban and when, once every trip on it is approved (the Ban's approval, or the
 * Thường trực's notice beyond it); blank while any waits, so that nobody signs under a name that has not approved.
 */
export function approverLine(trips: readonly Trip[]): string {
  if (trips.length === 0) return '';
  const approved = (t: Trip) => t.approval.banBy !== null || t.approval.banOn !== null || t.approval.noticeNumber !== null || t.approval.noticeDate !== null;
  if (!trips.every(approved)) return '';
  const who = [...new Set(trips.map((t) => t.approval.banBy).filter((b): b is string => b !== null))].join(', ');
  const dates = trips
    .map((t) => t.approval.banOn)
    .filter((d): d is CalendarDate => d !== null)
    .sort();
  const on = dates.length > 0 ? formatDayFirst(dates[dates.length - 1]!) : '';
  return who && on ? `${who} (${on})` : who || (on ? `Đã duyệt ngày ${on}` : '');
}
