// The preview's Duyệt đăng ký data: the sample workbook as a Tỉnh đoàn that keeps approvals would have it on its day.
// Everything is typed into the in-memory copy as a person would type it (captions, names, dates as dd/mm/yyyy), so
// the page reads it exactly as it reads a real sheet. scripts/preview.mjs applies it for `npm run preview`; the
// browser tests apply it to their own preview.
import { isBanLeader } from '../src/core/approvers';
import type { CalendarDate } from '../src/core/calendar-date';
import { banKey } from '../src/core/names';
import { defaultSettings } from '../src/core/settings';
import type { MemoryWorkbook } from '../src/sheets/memory-workbook';
import { analyze } from '../src/sheets/workflow';

/** Who the preview can be, for /duyet?as=<email>: one person per role. */
export interface PreviewPerson {
  role: string;
  name: string;
  email: string;
}

const CAPTIONS = ['Ban duyệt (người)', 'Ban duyệt (ngày)', 'Thông báo phê duyệt (số)', 'Thông báo phê duyệt (ngày)', 'Trả lại (lý do)'];
const BTCKT = 'btckt@tinhdoan.example.vn';
const RETURNED = 'Trùng lịch kiểm tra của Ủy ban kiểm tra; đề nghị dời sang tháng 01/2024';

/**
 * Adds the five approval columns after the trips tab's last caption and fills them: every trip already begun was
 * approved by its Ban's leader and carries the Thường trực's notice (Đợt 1 in May 2023, Đợt 2 by 20/6 and 30/6, as
 * 06-HD sets them); the coming ones wait (Đăng ký) or were approved by typing “Đã duyệt” in Trạng thái, as the sample
 * has them; Văn phòng's were approved in the sheet by its Chánh Văn phòng; one of Ban Phong trào's was returned. The
 * Cài đặt tab gets the compiling department's and the Thường trực's addresses.
 */
export function addApprovalDemo(workbook: MemoryWorkbook, today: CalendarDate): PreviewPerson[] {
  const analysis = analyze(workbook, { settings: defaultSettings(2023), today });
  const table = analysis.trips.table!;
  const tab = analysis.tabs.trips;
  const header = analysis.raw.trips.values[table.header.headerIndex] ?? [];
  const first = header.length + 1;
  CAPTIONS.forEach((caption, i) => workbook.setCell(tab, table.header.headerIndex + 1, first + i, caption));
  const cadres = analysis.roster.cadres;
  const leaderOf = (ban: string) => cadres.find((c) => banKey(c.ban) === banKey(ban) && isBanLeader(c) && c.email !== '');
  const set = (row: number, values: (string | null)[]) => values.forEach((v, i) => v !== null && workbook.setCell(tab, row, first + i, v));
  let returned = false;
  for (const trip of analysis.trips.trips) {
    const cadre = cadres[trip.cadre]!;
    const leader = leaderOf(cadre.ban);
    if (trip.status === 'cancelled' || !leader) continue;
    const dot1 = trip.from <= '2023-06-30';
    if (trip.from < today)
      set(trip.row, [leader.email, dot1 ? '25/05/2023' : '15/06/2023', dot1 ? '12-TB/TĐTN' : '27-TB/TĐTN', dot1 ? '05/06/2023' : '28/06/2023']);
    else if (trip.status === 'registered' && banKey(cadre.ban) === banKey('Văn phòng')) set(trip.row, [leader.email, '16/06/2023']);
    else if (trip.status === 'registered' && banKey(cadre.ban) === banKey('Ban Phong trào') && !returned) {
      set(trip.row, [null, null, null, null, RETURNED]);
      returned = true;
    }
  }
  const settingsTab = analysis.settingsTab!;
  const rows = workbook.readTab(settingsTab, { valuesOnly: true })!.values.length;
  const thuongTruc = cadres.filter((c) => c.group === 'thuong-truc' && c.email !== '').map((c) => c.email);
  workbook.setCell(settingsTab, rows + 1, 1, 'Email BTC-KT');
  workbook.setCell(settingsTab, rows + 1, 2, BTCKT);
  workbook.setCell(settingsTab, rows + 2, 1, 'Email Thường trực');
  workbook.setCell(settingsTab, rows + 2, 2, thuongTruc.join(', '));
  const tuyenGiao = leaderOf('Ban Tuyên giáo')!;
  const biThu = cadres.find((c) => c.email === thuongTruc[0])!;
  return [
    { role: `Lãnh đạo ${tuyenGiao.ban}`, name: tuyenGiao.name, email: tuyenGiao.email },
    { role: analysis.policy.compilingDepartment, name: '', email: BTCKT },
    { role: 'Thường trực Tỉnh đoàn', name: biThu.name, email: biThu.email },
  ];
}
