import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { buildDashboard } from '../../src/core/forms/dashboard';
import { formContextOf, type FormContext } from '../../src/core/forms/frame';
import { buildMau1, mau1TabName } from '../../src/core/forms/mau1';
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
  compilingDepartment: 'Ban Tổ chức – Kiểm tra',
  document: { kind: 'Hướng dẫn', number: '06-HD/TĐTN-BTCKT', date: '2023-03-10' },
  today: '2023-11-15' as CalendarDate,
  cadres: scenario.roster.cadres,
  leftOut: [],
});
/** Every line of every cell: a signature cell holds its title, room to sign and the name, one per line. */
const texts = (values: unknown[][]) =>
  values
    .flat()
    .flatMap((v) => (typeof v === 'string' ? v.split('\n') : [v]))
    .filter((v) => v !== '' && v !== null);
/** The name under a signature's title: the last line of the cell the title begins. */
const signerUnder = (values: unknown[][], title: string) => {
  const cell = values.flat().find((v): v is string => typeof v === 'string' && v.split('\n')[0] === title);
  return cell?.split('\n').pop();
};

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
      ['(Kèm theo Hướng dẫn số 06-HD/TĐTN-BTCKT, ngày 10/03/2023 của Ban Thường vụ Tỉnh đoàn)'],
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
    expect(texts(q3.layout.values)).toEqual(
      expect.arrayContaining(['TỔNG HỢP BÁO CÁO', 'Kết quả đi công tác cơ sở quý III năm 2023', ...MAU3_CAPTIONS, 'Tổng', '1 cán bộ, 1 đợt']),
    );
    const total = q3.layout.values.find((r) => r[1] === 'Tổng')!;
    expect(total[4]).toBe(3);
    // Seed 001, mẫu 3: “(1) | | (2) | (3) | (4) | (5) | (6) |” under the captions.
    const header = q3.layout.values.findIndex((r) => r[0] === 'STT');
    expect(q3.layout.values[header + 1]).toEqual(['(1)', '', '(2)', '(3)', '(4)', '(5)', '(6)', '']);
  });
  it('đợt ghi “Đã thực hiện” nhưng chưa tới ngày bắt đầu (hôm nay 15/11) không vào báo cáo quý IV', () => {
    const withDecember = runScenario({
      cadres: [{ name: 'Nguyễn Thị Thủy', position: 'Trưởng ban', ban: 'Ban Tuyên giáo' }],
      trips: [
        { name: 'Nguyễn Thị Thủy', kind: 'Theo chuyên đề', from: '02/10/2023', to: '06/10/2023', status: 'Đã thực hiện' },
        { name: 'Nguyễn Thị Thủy', kind: 'Theo chuyên đề', from: '04/12/2023', to: '08/12/2023', status: 'Đã thực hiện' },
      ],
    });
    const build = (today: string) =>
      buildMau3({ ...ctx(null), cadres: withDecember.roster.cadres, today: today as CalendarDate }, withDecember.trips.trips, withDecember.policy, 4).summary;
    expect(build('2023-11-15')).toEqual({ cadres: 1, trips: 1, days: 5 });
    expect(build('2023-12-27')).toEqual({ cadres: 1, trips: 2, days: 10 });
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
    [mau3TabName(2, 2023, null), 'Mẫu 3 Quý II-2023'],
    [mau3TabName(4, 2023, 'Ban Công tác Thiếu nhi'), 'Mẫu 3 Quý IV-2023 - Công tác T…'],
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

describe('mẫu 1: bản đăng ký của một cán bộ (seed 001)', () => {
  const hoa = scenario.roster.cadres[1]!;
  const built = buildMau1(ctx('Ban Tuyên giáo'), scenario.trips.trips, scenario.policy, { cadre: hoa });
  const rows = built.layout.values.map((r) => r.filter((v) => v !== '' && v !== null));
  it('khối tiêu đề, “BẢN ĐĂNG KÝ”, họ tên, chức vụ, câu dẫn và bảng (1)–(5) như mẫu', () => {
    expect(rows.slice(0, 13)).toEqual([
      ['BCH ĐOÀN TỈNH KIÊN GIANG', 'ĐOÀN TNCS HỒ CHÍ MINH'],
      ['BAN TUYÊN GIÁO', 'Kiên Giang, ngày 15 tháng 11 năm 2023'],
      ['***'],
      [],
      ['BẢN ĐĂNG KÝ'],
      ['Đi công tác cơ sở theo chủ trương “1+2” năm 2023'],
      ['(Kèm theo Hướng dẫn số 06-HD/TĐTN-BTCKT, ngày 10/03/2023 của Ban Thường vụ Tỉnh đoàn)'],
      [],
      ['1. Họ và tên: Trần Văn Hòa'],
      ['2. Chức vụ: Chuyên viên'],
      ['3. Nội dung đăng ký cụ thể như sau:'],
      ['STT', 'Nội dung', 'Số ngày đi', 'Thời gian cụ thể', 'Địa điểm'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
    ]);
  });
  it('mỗi đợt một dòng (đợt hủy không ghi), số ngày ghi “3 ngày”; chữ ký lãnh đạo ban và người đăng ký', () => {
    // 01–03/07 is a 3-day kiểm tra; the chi đoàn meeting of 20/08 was cancelled.
    expect(rows[13]).toEqual([1, '3.3. Kiểm tra, giám sát', '3 ngày', 'Từ ngày 01/07/2023 đến ngày 03/07/2023', 'Xã A']);
    expect(texts(built.layout.values)).toEqual(expect.arrayContaining(['Lãnh đạo Ban/Văn phòng phê duyệt', 'Người đăng ký', 'Trần Văn Hòa']));
    expect(signerUnder(built.layout.values, 'Người đăng ký')).toBe('Trần Văn Hòa');
    // Nobody has approved it: the approver's line is blank, not the Trưởng ban's name from the roster.
    expect(texts(built.layout.values)).not.toContain('Nguyễn Thị Thủy');
    expect(rows.flat().filter((v) => v === 'BẢN ĐĂNG KÝ')).toHaveLength(1);
    expect(built).toMatchObject({ cadres: 1, trips: 1 });
    expect(built.layout.name).toBe('Mẫu 1 - Trần Văn Hòa');
    // A long table repeats its captions on the next printed page.
    expect(built.layout.printTitleRows).toEqual({ first: 11, last: 12 });
    expect(built.layout.landscape).toBe(true);
  });
  it('đã được ban duyệt mọi đợt: dòng người phê duyệt ghi tài khoản và ngày duyệt (mới nhất); còn đợt chờ duyệt thì để trống', () => {
    const hoa = scenario.roster.cadres[1]!;
    const approve = (trips: typeof scenario.trips.trips, on: string[]) =>
      trips.map((t, i) => (t.cadre === hoa.index ? { ...t, approval: { ...t.approval, banBy: 'thuy.tb@tinhdoan.vn', banOn: (on[i] ?? null) as never } } : t));
    const signer = (trips: typeof scenario.trips.trips) =>
      signerUnder(buildMau1(ctx('Ban Tuyên giáo'), trips, scenario.policy, { cadre: hoa }).layout.values, 'Lãnh đạo Ban/Văn phòng phê duyệt');
    expect(signer(approve(scenario.trips.trips, ['2023-05-20', '2023-05-25', '2023-05-22', '2023-05-21']))).toBe('thuy.tb@tinhdoan.vn (25/05/2023)');
    expect(signer(scenario.trips.trips)).toBe('');
  });
  it('bản của chính Trưởng ban: tên người phê duyệt để trống, không tự phê duyệt', () => {
    const thuy = scenario.roster.cadres[0]!;
    const own = buildMau1(ctx('Ban Tuyên giáo'), scenario.trips.trips, scenario.policy, { cadre: thuy }).layout.values;
    expect(signerUnder(own, 'Lãnh đạo Ban/Văn phòng phê duyệt')).toBe('');
    expect(signerUnder(own, 'Người đăng ký')).toBe('Nguyễn Thị Thủy');
    const block = own.find((r) => r.some((v) => typeof v === 'string' && v.startsWith('Người đăng ký')))!;
    expect(block.findIndex((v) => typeof v === 'string' && v.startsWith('Người đăng ký'))).toBeGreaterThan(block.length / 2 - 1);
  });
  it('hai cán bộ trùng tên: tên tab kèm ban, để bản của người này không thay bản của người kia', () => {
    const twins = runScenario({
      cadres: [
        { name: 'Nguyễn Văn An', position: 'Chuyên viên', ban: 'Ban Tổ chức – Kiểm tra' },
        { name: 'Nguyễn Văn An', position: 'Chuyên viên', ban: 'Ban Phong trào' },
        { name: 'Lê Văn Tám', position: 'Chánh Văn phòng', ban: 'Văn phòng' },
      ],
      trips: [],
    }).roster.cadres;
    expect(twins.map((cadre) => mau1TabName({ cadre }, twins))).toEqual([
      // Excel's 31 characters cut the Ban short; the two tabs still differ.
      'Mẫu 1 - Nguyễn Văn An (Tổ chức…',
      'Mẫu 1 - Nguyễn Văn An (Phong t…',
      'Mẫu 1 - Lê Văn Tám',
    ]);
  });
  it('cả ban: mỗi cán bộ một bản, mỗi bản sang trang mới', () => {
    const ban = buildMau1(ctx('Ban Tuyên giáo'), scenario.trips.trips, scenario.policy, { ban: 'Ban Tuyên giáo' });
    const titles = ban.layout.values.map((r, i) => (r.includes('BẢN ĐĂNG KÝ') ? i : -1)).filter((i) => i >= 0);
    expect(titles).toHaveLength(2);
    expect(ban.layout.pageBreaks).toEqual([titles[1]! - 4]);
    expect(ban.layout.name).toBe('Mẫu 1 - Tuyên giáo');
    expect(ban.layout.printTitleRows).toBeUndefined();
  });
});

describe('in ấn: tiêu đề cột lặp lại trên mỗi trang, đóng băng đến tiêu đề cột', () => {
  it.each([
    ['mẫu 2', () => buildMau2(ctx(null), scenario.trips.trips, scenario.policy), 1],
    ['mẫu 3', () => buildMau3(ctx(null), scenario.trips.trips, scenario.policy, 3).layout, 2],
  ] as const)('%s', (_name, build, captionRows) => {
    const layout = build();
    const header = layout.values.findIndex((r) => r[0] === 'STT');
    expect(layout.printTitleRows).toEqual({ first: header, last: header + captionRows - 1 });
    expect(layout.frozenRows).toBe(header + captionRows);
  });
  it('tên tab mẫu 3 ghi quý bằng số La Mã như hộp thoại', () => {
    expect(mau3TabName(2, 2023, null)).toBe('Mẫu 3 Quý II-2023');
  });
});

describe('biểu mẫu theo văn bản của từng tỉnh', () => {
  const formOf = (preset: 'tay-ninh-2023' | 'ha-nam-2022', planNumber = '') => {
    const run = runScenario({ preset, ...(preset === 'ha-nam-2022' ? { year: 2022 } : {}), cadres, trips: [] });
    const settings = { planNumber, planDate: '' };
    return buildMau2(
      formContextOf({ province: 'X', year: 2023, ban: null, settings, policy: run.policy, today: '2023-11-15' as CalendarDate, cadres: run.roster.cadres }),
      [],
      run.policy,
    );
  };

  it('Hà Nam (seed 000): bản toàn tỉnh do Ban Xây dựng Đoàn tổng hợp, kèm theo Hướng dẫn số 25-HD/TĐTN', () => {
    const values = texts(formOf('ha-nam-2022').values);
    expect(values).toContain('BAN XÂY DỰNG ĐOÀN');
    expect(values).toContain('(Kèm theo Hướng dẫn số 25-HD/TĐTN, ngày 27/03/2019 của Ban Thường vụ Tỉnh đoàn)');
    expect(values).toContain('TRƯỞNG BAN XÂY DỰNG ĐOÀN');
    expect(values.join(' ')).not.toContain('TỔ CHỨC');
  });

  it('Tây Ninh (seed 001): “Kèm theo Kế hoạch số …-KH/TĐTN-TCKT” để điền số; số ghi ở Cài đặt thì in số đó', () => {
    expect(texts(formOf('tay-ninh-2023').values)).toContain('(Kèm theo Kế hoạch số ……-KH/TĐTN-TCKT, ngày …/…/… của Ban Thường vụ Tỉnh đoàn)');
    expect(texts(formOf('tay-ninh-2023', '12-KH/TĐTN-TCKT').values)).toContain(
      '(Kèm theo Kế hoạch số 12-KH/TĐTN-TCKT, ngày …/…/… của Ban Thường vụ Tỉnh đoàn)',
    );
  });
});
