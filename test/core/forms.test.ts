import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { buildDashboard } from '../../src/core/forms/dashboard';
import type { FormContext } from '../../src/core/forms/frame';
import { buildMau2, MAU2_CAPTIONS, mau2TabName } from '../../src/core/forms/mau2';
import { buildMau3, MAU3_CAPTIONS, mau3TabName } from '../../src/core/forms/mau3';
import { safeTabName } from '../../src/core/forms/tab-name';
import { runScenario } from '../support/domain';

const cadres = [
  { name: 'Nguyễn Thị Thủy', position: 'Trưởng ban', ban: 'Ban Tuyên giáo' },
  { name: 'Trần Văn Hòa', position: 'Chuyên viên', ban: 'Ban Tuyên giáo' },
  { name: 'Lê Văn Tám', position: 'Chánh Văn phòng', ban: 'Văn phòng' },
];
const scenario = runScenario({
  cadres,
  trips: [
    { name: 'Nguyễn Thị Thủy', kind: 'Theo chuyên đề', from: '30/06/2023', to: '04/07/2023', days: 5 },
    { name: 'Trần Văn Hòa', kind: 'Kiểm tra, giám sát', from: '01/07/2023', to: '03/07/2023' },
    { name: 'Trần Văn Hòa', kind: 'Dự sinh hoạt chi đoàn', from: '20/08/2023', to: '20/08/2023', status: 'Hủy' },
    { name: 'Lê Văn Tám', kind: 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở', from: '10/08/2023', to: '19/08/2023', status: 'Đăng ký' },
  ],
});
const ctx = (ban: string | null): FormContext => ({
  province: 'Kiên Giang',
  year: 2023,
  ban,
  planNumber: '06-HD/TĐTN-BTCKT',
  planDate: '2023-03-10',
  today: '2023-11-15' as CalendarDate,
  cadres: scenario.roster.cadres,
});
const texts = (values: unknown[][]) => values.flat().filter((v) => v !== '' && v !== null);

describe('mẫu 2: bản tổng hợp đăng ký', () => {
  const layout = buildMau2(ctx('Ban Tuyên giáo'), scenario.trips.trips, scenario.policy);
  it('có khối tiêu đề, tên mẫu, dòng kèm theo kế hoạch, tiêu đề cột và chữ ký như mẫu của Tây Ninh', () => {
    expect(layout.values.slice(0, 9).map((r) => r.filter(Boolean))).toEqual([
      ['BCH ĐOÀN TỈNH KIÊN GIANG', 'ĐOÀN TNCS HỒ CHÍ MINH'],
      ['BAN TUYÊN GIÁO', 'Kiên Giang, ngày 15 tháng 11 năm 2023'],
      ['***'],
      [],
      ['BẢN TỔNG HỢP ĐĂNG KÝ'],
      ['Đi công tác cơ sở theo chủ trương “1+2” năm 2023'],
      ['(Kèm theo Kế hoạch số 06-HD/TĐTN-BTCKT, ngày 10/03/2023 của Ban Thường vụ Tỉnh đoàn)'],
      [],
      [...MAU2_CAPTIONS],
    ]);
    expect(texts(layout.values)).toEqual(expect.arrayContaining(['Phê duyệt của Lãnh đạo Tỉnh đoàn', 'TRƯỞNG BAN TUYÊN GIÁO', 'Nguyễn Thị Thủy']));
  });
  it('một dòng mỗi đợt (trừ đợt hủy), tên cán bộ ghi ở đợt đầu', () => {
    expect(layout.values.slice(9, 11)).toEqual([
      [1, 'Nguyễn Thị Thủy', 'Trưởng ban', '3.1. Theo chuyên đề', 'Từ ngày 30/06/2023 đến ngày 04/07/2023', 'Xã A'],
      [2, 'Trần Văn Hòa', 'Chuyên viên', '3.3. Kiểm tra, giám sát', 'Từ ngày 01/07/2023 đến ngày 03/07/2023', 'Xã A'],
    ]);
    expect(layout.values[11]!.every((v) => v === '')).toBe(true);
  });
  it('khổ A4 ngang, chữ Times New Roman, có viền và xuống dòng trong bảng', () => {
    expect(layout.landscape).toBe(true);
    expect(layout.styles[0]).toEqual({ range: { row: 0, column: 0, rows: layout.values.length, columns: 6 }, style: { fontFamily: 'Times New Roman' } });
    expect(layout.styles).toContainEqual({ range: { row: 8, column: 0, rows: 3, columns: 6 }, style: { border: true, wrap: true, verticalAlignment: 'top' } });
  });
  it('tổng hợp toàn tỉnh có dòng tên từng ban; ban Tổ chức – Kiểm tra ký', () => {
    const all = buildMau2(ctx(null), scenario.trips.trips, scenario.policy);
    expect(all.name).toBe('Mẫu 2 - Tổng hợp');
    expect(texts(all.values)).toEqual(expect.arrayContaining(['BAN TỔ CHỨC – KIỂM TRA', 'Ban Tuyên giáo', 'Văn phòng', 'TRƯỞNG BAN TỔ CHỨC – KIỂM TRA']));
  });
});

describe('mẫu 3: tổng hợp báo cáo kết quả quý', () => {
  it('đợt thuộc quý của ngày bắt đầu; chỉ đợt đã thực hiện; có dòng Tổng', () => {
    const q2 = buildMau3(ctx(null), scenario.trips.trips, scenario.policy, 2);
    const q3 = buildMau3(ctx(null), scenario.trips.trips, scenario.policy, 3);
    expect(q2.summary).toEqual({ cadres: 1, trips: 1, days: 5 });
    expect(q3.summary).toEqual({ cadres: 1, trips: 1, days: 3 });
    expect(texts(q3.layout.values)).toEqual(expect.arrayContaining(['TỔNG HỢP BÁO CÁO', 'Kết quả đi công tác cơ sở quý III năm 2023', ...MAU3_CAPTIONS, 'Tổng', '1 cán bộ, 1 đợt']));
    const total = q3.layout.values.find((r) => r[1] === 'Tổng')!;
    expect(total[4]).toBe(3);
  });
  it('quý không có đợt nào: vẫn có bảng và dòng Tổng bằng 0', () => {
    const q1 = buildMau3(ctx('Văn phòng'), scenario.trips.trips, scenario.policy, 1);
    expect(texts(q1.layout.values)).toEqual(expect.arrayContaining(['Không có đợt đi cơ sở nào đã thực hiện trong quý.', 'CHÁNH VĂN PHÒNG', 'Lê Văn Tám']));
    expect(q1.summary).toEqual({ cadres: 0, trips: 0, days: 0 });
  });
});

describe('tên tab sinh ra', () => {
  it.each([
    [mau2TabName(null), 'Mẫu 2 - Tổng hợp'],
    [mau2TabName('Ban Tuyên giáo'), 'Mẫu 2 - Tuyên giáo'],
    [mau3TabName(2, 2023, null), 'Mẫu 3 - Quý 2-2023'],
    [mau3TabName(4, 2023, 'Ban Công tác Thiếu nhi'), 'Mẫu 3 - Quý 4-2023 - Công tác…'],
    [safeTabName('Ban A/B: [x]?'), 'Ban A-B- -x--'],
  ])('%s', (name, expected) => {
    expect(name).toBe(expected);
    expect([...name].length).toBeLessThanOrEqual(31);
  });
});

describe('tab Tổng hợp 1+2', () => {
  it('mỗi cán bộ một dòng, xếp theo ban rồi theo tên, tô màu theo tình trạng; có bảng theo ban', () => {
    const evaluation = scenario.evaluation;
    const layout = buildDashboard(evaluation, scenario.policy, '2023-11-15' as CalendarDate, 'Kiên Giang 2023');
    const header = layout.values.findIndex((r) => r[0] === 'STT');
    expect(layout.values.slice(header + 1, header + 4).map((r) => [r[1], r[2]])).toEqual([
      ['Ban Tuyên giáo', 'Trần Văn Hòa'],
      ['Ban Tuyên giáo', 'Nguyễn Thị Thủy'],
      ['Văn phòng', 'Lê Văn Tám'],
    ]);
    expect(layout.frozenRows).toBe(header + 1);
    expect(texts(layout.values)).toEqual(expect.arrayContaining(['TỔNG HỢP THEO BAN', 'Toàn tỉnh']));
    const rowStyles = layout.styles.filter((s) => s.range.rows === 1 && s.range.row > header && s.style.background);
    expect(rowStyles.slice(0, 3).map((s) => s.style.background)).toEqual(['#f4c7c3', '#f4c7c3', '#f4c7c3']);
  });
});
