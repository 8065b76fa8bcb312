import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { defaultSettings } from '../../src/core/settings';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { getProgress } from '../../src/sheets/pages/progress';
import { MemorySettingsStore } from '../../src/sheets/settings-store';
import { checkReport } from '../../src/sheets/report';
import { runCheck } from '../../src/sheets/workflow';
import type { RawCell } from '../../src/sheets/workbook';
import { ROSTER_HEADER } from '../support/domain';

/**
 * A Kiên Giang registration sheet that keeps the approval steps (06-HD §IV): on 01/06/2023, four registrations of Đợt 2
 * stand at each step — one waits for its Ban, one was approved by the Ban and waits for the Ban Tổ chức – Kiểm tra,
 * one carries the Thường trực's notice, one was returned.
 */
const today = '2023-06-01' as CalendarDate;
const HEADER = [
  'STT',
  'Họ và tên',
  'Ban/Văn phòng',
  'Nội dung',
  'Từ ngày',
  'Đến ngày',
  'Trạng thái',
  'Ban duyệt (người)',
  'Ban duyệt (ngày)',
  'Thông báo phê duyệt (số)',
  'Thông báo phê duyệt (ngày)',
  'Trả lại (lý do)',
];
function tabs(): Record<string, RawCell[][]> {
  return {
    'Cán bộ': [
      ROSTER_HEADER,
      [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', '', '', '', ''],
      [2, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', '', '', '', '', ''],
      [3, 'Lê Văn Tám', 'Chuyên viên', 'Văn phòng', '', '', '', '', ''],
    ],
    'Đi cơ sở': [
      HEADER,
      [1, 'Trần Văn Hòa', 'Ban Tuyên giáo', '3.2', '01/08/2023', '10/08/2023', 'Đăng ký', '', '', '', '', ''],
      [2, 'Trần Văn Hòa', 'Ban Tuyên giáo', '3.1', '04/09/2023', '08/09/2023', 'Đăng ký', 'thuy.tb@tinhdoan.vn', '30/05/2023', '', '', ''],
      [3, 'Lê Văn Tám', 'Văn phòng', '3.2', '01/10/2023', '20/10/2023', 'Đăng ký', 'Phạm Văn Tư', '29/05/2023', '15-TB/TĐTN', '31/05/2023', ''],
      [4, 'Lê Văn Tám', 'Văn phòng', '3.3', '01/11/2023', '05/11/2023', 'Đăng ký', '', '', '', '', 'Trùng lịch kiểm tra của Ủy ban kiểm tra'],
    ],
  };
}

describe('đăng ký theo bước duyệt (06-HD §IV)', () => {
  it('kết quả từng dòng nói đợt đang ở bước nào; --json có trips với trạng thái duyệt', () => {
    const wb = MemoryWorkbook.fromTabs(tabs());
    const analysis = runCheck(wb, { settings: defaultSettings(2023), today });
    const status = wb.snapshot('Đi cơ sở').values.map((r) => String(r[12] ?? ''));
    expect(status.slice(1, 5)).toEqual([
      'Hợp lệ\nChờ Ban duyệt.',
      'Hợp lệ\nBan đã duyệt (thuy.tb@tinhdoan.vn, 30/05/2023). Chờ Ban Tổ chức – Kiểm tra tổng hợp.',
      'Hợp lệ\nĐã phê duyệt (thông báo 15-TB/TĐTN ngày 31/05/2023).',
      'Hợp lệ\nTrả lại: Trùng lịch kiểm tra của Ủy ban kiểm tra',
    ]);
    const report = checkReport(analysis);
    expect(report.trips.map((t) => [t.row, t.cadre, t.ban, t.status, t.approval.state])).toEqual([
      [2, 'Trần Văn Hòa', 'Ban Tuyên giáo', 'registered', 'cho-ban-duyet'],
      [3, 'Trần Văn Hòa', 'Ban Tuyên giáo', 'registered', 'cho-tong-hop'],
      [4, 'Lê Văn Tám', 'Văn phòng', 'registered', 'da-phe-duyet'],
      [5, 'Lê Văn Tám', 'Văn phòng', 'registered', 'tra-lai'],
    ]);
    expect(report.trips[2]!.approval).toEqual({
      state: 'da-phe-duyet',
      by: 'Phạm Văn Tư',
      date: '2023-05-29',
      noticeNumber: '15-TB/TĐTN',
      noticeDate: '2023-05-31',
      reason: null,
    });
    expect(report.trips[3]!.approval.reason).toBe('Trùng lịch kiểm tra của Ủy ban kiểm tra');
  });

  it('tab Tổng hợp 1+2 đếm đợt đăng ký của từng ban theo bước duyệt', () => {
    const wb = MemoryWorkbook.fromTabs(tabs());
    runCheck(wb, { settings: defaultSettings(2023), today });
    const values = wb.snapshot('Tổng hợp 1+2').values;
    const title = values.findIndex((r) => r[0] === 'ĐĂNG KÝ THEO BƯỚC DUYỆT');
    expect(title).toBeGreaterThan(0);
    expect(values.slice(title + 1, title + 4).map((r) => r.slice(1, 7))).toEqual([
      ['Ban/Văn phòng', 'Số đợt', 'Chờ Ban duyệt', 'Chờ Ban Tổ chức – Kiểm tra tổng hợp', 'Đã phê duyệt', 'Trả lại'],
      ['Ban Tuyên giáo', 2, 1, 1, 0, 0],
      ['Văn phòng', 2, 0, 0, 1, 1],
    ]);
  });

  it('trang Tiến độ: mỗi cán bộ có số đợt ở từng bước', () => {
    const ctx = { workbook: MemoryWorkbook.fromTabs(tabs()), settings: new MemorySettingsStore(null), today, user: '' };
    const hoa = getProgress(ctx).cadres.find((c) => c.name === 'Trần Văn Hòa')!;
    expect(hoa.approvals).toEqual([
      { state: 'cho-ban-duyet', label: 'Chờ Ban duyệt', count: 1 },
      { state: 'cho-tong-hop', label: 'Chờ Ban Tổ chức – Kiểm tra tổng hợp', count: 1 },
    ]);
  });
});
