import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { evaluate } from '../../src/core/evaluate';
import { PRESETS } from '../../src/core/presets';
import { readRoster } from '../../src/core/read-roster';
import { readTrips } from '../../src/core/read-trips';
import { rosterValues, runScenario, tripValues, type Scenario, type TripRow } from '../support/domain';

/**
 * Each province's own document, read as its officers would (../shared/seeds): who is exempt (closed lists), the steps
 * the rating needs only where the sheet keeps them, urgent tasks, and the way offices type names, contents and dates.
 * Every expected figure is worked out by hand from the paragraph cited.
 */

const A = 'Nguyễn Thị Thủy';
const HUYEN = 'Huyện đoàn Châu Thành';
const ph = (from: string, to: string, extra: Partial<TripRow> = {}): TripRow => ({
  name: A,
  kind: 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
  from,
  to,
  ...extra,
});
const cd = (from: string, to: string, extra: Partial<TripRow> = {}): TripRow => ({ name: A, kind: 'Theo chuyên đề', from, to, ...extra });
/** Everything 06-HD §III asks: 61 days, two 5–7-day chuyên đề rounds apart, a chi đoàn meeting, cấp huyện and cơ sở. */
const complete = (extra: Partial<TripRow> = {}): TripRow[] => [
  ph('01/02/2023', '28/02/2023', extra),
  ph('01/04/2023', '20/04/2023', { place: HUYEN, ...extra }),
  cd('05/06/2023', '11/06/2023', extra),
  cd('04/09/2023', '08/09/2023', extra),
  { name: A, kind: 'Dự sinh hoạt chi đoàn', from: '15/11/2023', to: '15/11/2023', ...extra },
];

const one = (s: Scenario) => {
  const run = runScenario(s);
  return { ...run, cadre: run.evaluation.cadres[0]! };
};

describe('miễn: chỉ những trường hợp văn bản của tỉnh cho miễn', () => {
  it.each<[string, Scenario['preset'], string]>([
    // 06-HD §II: "cán bộ làm kế toán, văn thư, thủ quỹ, quản trị cơ quan Tỉnh đoàn không áp dụng".
    ['Kiên Giang 06-HD §II: “kế toán” (chữ thường)', 'kien-giang-2023', 'kế toán'],
    ['Kiên Giang 06-HD §II: thủ quỹ', 'kien-giang-2023', 'Thủ quỹ'],
    ['Kiên Giang 06-HD §II: nghỉ chế độ thai sản', 'kien-giang-2023', 'Nghỉ thai sản'],
    ['Kiên Giang 06-HD §II: nuôi con nhỏ dưới 12 tháng', 'kien-giang-2023', 'Nuôi con nhỏ 8 tháng tuổi'],
    ['Kiên Giang 06-HD §II: cử đi học tập dài hạn', 'kien-giang-2023', 'Đang đi học thạc sĩ (2 năm)'],
    ['Kiên Giang 06-HD §II: ốm đau phải nghỉ dài hạn', 'kien-giang-2023', 'Nghỉ ốm dài hạn'],
    // 001 §II.2 Lưu ý: "… văn thư; kế toán; cán bộ phụ trách công tác thi đua khen thưởng".
    ['Tây Ninh 001 §II.2: phụ trách thi đua khen thưởng', 'tay-ninh-2023', 'Phụ trách thi đua - khen thưởng'],
    ['Tây Ninh 001 §II.2: không dấu', 'tay-ninh-2023', 'van thu'],
    // Seed 000 lists none: an exemption must cite the decision that grants it.
    ['Hà Nam: có quyết định cho phép', 'ha-nam-2022', 'Theo Quyết định số 12/QĐ-TĐTN ngày 05/01/2022'],
  ])('%s: Miễn', (_name, preset, reason) => {
    const { cadre, issues } = one({ preset, ...(preset === 'ha-nam-2022' ? { year: 2022 } : {}), cadres: [{ name: A, exemption: reason }], trips: [] });
    expect(cadre).toMatchObject({ verdict: 'exempt', verdictLabel: 'Miễn', exempt: reason });
    expect(issues.filter((i) => i.code === 'exemption-not-listed')).toEqual([]);
  });

  it.each<[string, Scenario['preset'], string, string]>([
    ['Kiên Giang: “Bận việc gia đình” không có trong 06-HD §II', 'kien-giang-2023', 'Bận việc gia đình', 'Hướng dẫn 06-HD/TĐTN-BTCKT, mục II'],
    // Thi đua khen thưởng is Tây Ninh's item, not Kiên Giang's; thủ quỹ is Kiên Giang's, not Tây Ninh's.
    ['Kiên Giang: thi đua khen thưởng là trường hợp của Tây Ninh', 'kien-giang-2023', 'Thi đua khen thưởng', 'mục II'],
    ['Tây Ninh: thủ quỹ là trường hợp của Kiên Giang', 'tay-ninh-2023', 'Thủ quỹ', 'Kế hoạch đi công tác cơ sở năm 2023, mục II.2'],
    ['Hà Nam: nghỉ thai sản mà không ghi văn bản', 'ha-nam-2022', 'Nghỉ thai sản', 'Hướng dẫn 25-HD/TĐTN'],
  ])('%s: lỗi ở dòng cán bộ nêu danh sách, và cán bộ vẫn được đánh giá', (_name, preset, reason, source) => {
    const { cadre, issues } = one({
      preset,
      ...(preset === 'ha-nam-2022' ? { year: 2022 } : {}),
      today: '2023-06-01',
      cadres: [{ name: A, exemption: reason }],
      trips: [ph('01/02/2023', '10/02/2023')],
    });
    expect(cadre.exempt).toBeNull();
    expect(cadre.verdict).not.toBe('exempt');
    const problem = issues.find((i) => i.code === 'exemption-not-listed')!;
    expect(problem).toMatchObject({ tab: 'Cán bộ', row: 2, column: 'Miễn (lý do)', level: 'error' });
    expect(problem.message).toContain(`“${reason}”`);
    expect(problem.message).toContain(source);
    expect(problem.message).toContain('Cán bộ vẫn được đánh giá như mọi người');
  });

  it('Kiên Giang danh sách: lời nhắn liệt kê đủ mười trường hợp của 06-HD §II', () => {
    const { issues } = one({ cadres: [{ name: A, exemption: 'Bận việc gia đình' }], trips: [] });
    const message = issues.find((i) => i.code === 'exemption-not-listed')!.message;
    for (const item of [
      'học tập dài hạn',
      'ốm đau',
      '20 năm',
      'mang thai',
      'con nhỏ dưới 12 tháng',
      'thai sản',
      'Kế toán',
      'Văn thư',
      'Thủ quỹ',
      'Quản trị cơ quan',
    ])
      expect(message).toContain(item);
  });

  it.each<[string, string, string, string | null]>([
    // 06-HD §II: "cán bộ từ 20 năm trở lên công tác tại cơ quan Tỉnh đoàn": 01/03/2000 + 20 năm = 01/03/2020, before 2023.
    ['vào cơ quan 01/03/2000: đủ 20 năm, miễn dù ô lý do để trống', '01/03/2000', '', 'Công tác tại cơ quan Tỉnh đoàn từ 20 năm trở lên (từ 01/03/2000)'],
    // 15/12/2003 + 20 năm = 15/12/2023, inside the period: 20 years reached this year.
    ['vào 15/12/2003: đủ 20 năm trong năm 2023', '15/12/2003', '', 'Công tác tại cơ quan Tỉnh đoàn từ 20 năm trở lên (từ 15/12/2003)'],
    // 10/01/2004 + 20 năm = 10/01/2024: not this year.
    ['vào 10/01/2004: chưa đủ 20 năm', '10/01/2004', '', null],
  ])('Kiên Giang, 20 năm công tác tính từ Ngày bắt đầu: %s', (_name, start, exemption, expected) => {
    const { cadre } = one({ cadres: [{ name: A, start, exemption }], trips: [] });
    expect(cadre.exempt).toBe(expected);
  });

  it('Kiên Giang: ghi “Trên 20 năm công tác” mà Ngày bắt đầu 01/09/2010 thì chưa đủ: lỗi nêu ngày đủ 20 năm', () => {
    const { cadre, issues } = one({ cadres: [{ name: A, start: '01/09/2010', exemption: 'Trên 20 năm công tác' }], trips: [] });
    expect(cadre.exempt).toBeNull();
    expect(issues.find((i) => i.code === 'exemption-not-listed')!.message).toContain('đủ 20 năm công tác từ 01/09/2030');
  });

  it('Tây Ninh không có trường hợp 20 năm: người vào cơ quan năm 2000 vẫn phải đi', () => {
    const { cadre } = one({ preset: 'tay-ninh-2023', cadres: [{ name: A, start: '01/03/2000' }], trips: [] });
    expect(cadre.exempt).toBeNull();
  });
});

describe('06-HD §V.2: không Không đạt vì một bước bảng tính không ghi', () => {
  it('mẫu của dicoso init: cột Ngày đăng ký, Xác nhận cơ sở, Đã báo cáo có nhưng để trống mọi dòng: Đạt, và nói rõ chưa kiểm tra được', () => {
    const { cadre, evaluation } = one({ withProcess: true, cadres: [{ name: A }], trips: complete() });
    expect(cadre).toMatchObject({ daysDone: 61, roundsDone: 2, rating: 'dat', verdictLabel: 'Đạt' });
    expect(cadre.reasons.join(' ')).toContain('Chưa kiểm tra được hạn đăng ký (cột “Ngày đăng ký”), xác nhận của cơ sở (cột “Xác nhận cơ sở”)');
    expect(evaluation.notChecked[0]).toContain('không cán bộ nào bị đánh giá Không đạt vì các bước này');
  });

  it('khi bảng tính có ghi (một dòng có “Có”), đợt chưa xác nhận là lý do Không đạt', () => {
    const trips = complete({ reported: 'Có', registeredOn: '02/01/2023' }).map((t, i) => ({ ...t, confirmed: i === 0 ? 'Có' : '' }));
    const { cadre } = one({ withProcess: true, cadres: [{ name: A }], trips });
    expect(cadre.rating).toBe('khong-dat');
    expect(cadre.reasons).toContain('4 đợt chưa có xác nhận của cơ sở.');
  });

  it('bảng tính có ghi ngày đăng ký: đợt đã đi mà không có ngày đăng ký là không đăng ký theo tiến độ (Không đạt)', () => {
    const trips = complete({ confirmed: 'Có', reported: 'Có' }).map((t, i) => ({ ...t, registeredOn: i === 2 ? '' : '02/01/2023' }));
    const { cadre } = one({ withProcess: true, cadres: [{ name: A }], trips });
    expect(cadre.rating).toBe('khong-dat');
    expect(cadre.reasons).toContain('1 đợt đã đi nhưng không có ngày đăng ký (không đăng ký theo tiến độ).');
  });

  it('06-HD §IV.1 “nhiệm vụ đột xuất ngoài thời hạn”: có văn bản của Ban Thường vụ thì không xét hạn đăng ký của dòng đó', () => {
    const trips = complete({ confirmed: 'Có', reported: 'Có' }).map((t, i) => ({
      ...t,
      registeredOn: i === 3 ? '01/09/2023' : i === 2 ? '' : '02/01/2023',
      urgent: i >= 2 && i <= 3 ? 'QĐ 31-QĐ/TĐTN ngày 01/9/2023' : '',
    }));
    const { cadre } = one({ withProcess: true, cadres: [{ name: A }], trips });
    expect(cadre.rating).toBe('dat');
    expect(cadre.reasons).toContain('2 đợt là nhiệm vụ đột xuất có văn bản của Ban Thường vụ: không xét hạn đăng ký.');
  });

  it.each<[string, string, string, string]>([
    // 06-HD §V.2: "Có đăng ký, đã được phê duyệt nhưng không hoàn thành …, có văn bản nhắc nhở": a registration the
    // Thường trực never approved (returned to the Ban) is no reason for Không đạt, reminder or not.
    ['trả lại, chưa được phê duyệt: không phải lý do Không đạt', '', 'Trùng lịch hội nghị tỉnh', 'dat'],
    ['đã có thông báo phê duyệt: Không đạt', '12-TB/TĐTN', '', 'khong-dat'],
  ])('bảng tính có ghi phê duyệt, đợt tháng 12 không thực hiện, có văn bản nhắc nhở: %s', (_name, notice, returned, rating) => {
    const policy = PRESETS['kien-giang-2023'].policy;
    const roster = readRoster(
      { tab: 'Cán bộ', values: rosterValues([{ name: A, reminder: 'Công văn 45-CV/TĐTN ngày 10/11/2023' }], true) },
      { timeZone: 'UTC', year: 2023, policy },
    );
    const undone = ph('01/12/2023', '05/12/2023', { status: 'Đăng ký' });
    const values = tripValues([...complete(), undone]).map((row, i) =>
      i === 0 ? [...row, 'Thông báo phê duyệt (số)', 'Trả lại (lý do)'] : i === 6 ? [...row, notice, returned] : [...row, '', ''],
    );
    const today = '2024-01-05' as CalendarDate;
    const trips = readTrips({ tab: 'Đi cơ sở', values }, roster.cadres, { timeZone: 'UTC', year: 2023, policy, today });
    const { cadres } = evaluate({
      cadres: roster.cadres,
      trips: trips.trips,
      policy,
      year: 2023,
      today,
      processColumns: { ...trips.processColumns, reminder: roster.reminderKept },
      tripsTab: 'Đi cơ sở',
    });
    expect(cadres[0]).toMatchObject({ daysDone: 61, roundsDone: 2, rating });
  });

  it('Tây Ninh và Hà Nam không có thang xếp loại: đăng ký muộn hay điểm cao đều không đổi Hoàn thành', () => {
    // 001 defines completion ("hoàn thành"), not a scale: no Xuất sắc, no Không đạt for a late registration.
    const trips = complete({ confirmed: 'Có', reported: 'Có', registeredOn: '01/05/2023', score: 95, evidence: 'Mô hình' });
    const tayNinh = one({ preset: 'tay-ninh-2023', withProcess: true, cadres: [{ name: A, position: 'Trưởng ban' }], trips });
    expect(tayNinh.cadre).toMatchObject({ rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' });
    expect(tayNinh.evaluation.notChecked).toEqual([]);
    const haNam = one({
      preset: 'ha-nam-2022',
      year: 2022,
      withProcess: true,
      cadres: [{ name: A }],
      trips: [ph('01/02/2022', '02/04/2022', { registeredOn: '20/01/2022' })],
    });
    expect(haNam.cadre).toMatchObject({ rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' });
  });
});

describe('cách ghi của văn phòng', () => {
  it.each<[string, Partial<TripRow>, { daysDone: number; from?: string }]>([
    ['“ngày 20/9/2023” ở Từ ngày, Đến ngày trống: đợt một ngày', { from: 'ngày 20/9/2023', to: '' }, { daysDone: 1 }],
    ['“10 ngày, từ 01/6 – 15/6” ở Từ ngày: 10 ngày khai trong khung 15 ngày', { from: '10 ngày, từ 01/6 – 15/6', to: '' }, { daysDone: 10 }],
    ['“Từ ngày 01/4/2023 – 01/5/2023” ở Từ ngày', { from: 'Từ ngày 01/4/2023 – 01/5/2023', to: '' }, { daysDone: 31 }],
    ['“05-09/6/2023” ở Từ ngày', { from: '05-09/6/2023', to: '' }, { daysDone: 5 }],
    // The other forms the user guide (README “Nhập ngày”) lists for one cell, each counted by hand.
    ['“Từ ngày 01/4/2023 đến ngày 01/5/2023” ở Từ ngày', { from: 'Từ ngày 01/4/2023 đến ngày 01/5/2023', to: '' }, { daysDone: 31 }],
    ['“01/7/2023 - 30/7/2023” ở Từ ngày', { from: '01/7/2023 - 30/7/2023', to: '' }, { daysDone: 30 }],
    ['“01/4 tới 05/4/2023” ở Từ ngày', { from: '01/4 tới 05/4/2023', to: '' }, { daysDone: 5 }],
    ['“Từ ngày 01 đến ngày 05/4/2023” ở Từ ngày', { from: 'Từ ngày 01 đến ngày 05/4/2023', to: '' }, { daysDone: 5 }],
  ])('Từ ngày nhận mọi cách ghi của Thời gian cụ thể khi Đến ngày để trống: %s', (_name, trip, expected) => {
    const { cadre, issues } = one({ today: '2023-12-01', cadres: [{ name: A }], trips: [ph('', '', trip)] });
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(cadre.daysDone).toBe(expected.daysDone);
  });

  it('Từ ngày “Từ ngày 01/4/2023” mà Đến ngày trống: lỗi ở ô Từ ngày, nói thiếu ngày kết thúc', () => {
    const { issues } = one({ cadres: [{ name: A }], trips: [ph('Từ ngày 01/4/2023', '')] });
    expect(issues.filter((i) => i.level === 'error').map((i) => [i.column, i.message])).toEqual([
      ['Từ ngày', 'Từ ngày “Từ ngày 01/4/2023” thiếu ngày kết thúc. Hãy ghi đủ hai ngày, ví dụ “Từ ngày 01/4/2023 – 01/5/2023”.'],
    ]);
  });

  it('một ngày trơn ở Từ ngày mà Đến ngày trống: lỗi “Thiếu Đến ngày” (thường là quên ngày về), như hướng dẫn sử dụng nói', () => {
    const { issues } = one({ cadres: [{ name: A }], trips: [ph('05/06/2023', '')] });
    const errors = issues.filter((i) => i.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Thiếu Đến ngày');
  });

  it.each(['Đ/c Nguyễn Thị Thủy', 'đ/c Nguyễn Thị Thủy', 'Đồng chí Nguyễn Thị Thủy', 'ĐỒNG CHÍ NGUYỄN THỊ THỦY', 'Đ/C: Nguyễn Thị Thuỷ'])(
    'tên có danh xưng “%s” là cán bộ trong danh sách',
    (name) => {
      const { cadre, issues } = one({ cadres: [{ name: A }], trips: [ph('01/02/2023', '10/02/2023', { name })] });
      expect(issues.filter((i) => i.level === 'error')).toEqual([]);
      expect(cadre.daysDone).toBe(10);
    },
  );

  it('danh xưng không che một người có họ Đồng: “Đồng Văn Chí” vẫn là tên của người ấy', () => {
    const { evaluation } = one({ cadres: [{ name: 'Đồng Văn Chí' }], trips: [ph('01/02/2023', '10/02/2023', { name: 'Đồng Văn Chí' })] });
    expect(evaluation.cadres[0]!.daysDone).toBe(10);
  });

  it.each<[Scenario['preset'], string, number]>([
    // Seed 002: "đi theo chuyên đề; Phối hợp tổ chức…; Kiểm tra, giám sát; Dự sinh hoạt chuyên đề của HN BCH, BTV…".
    ['kien-giang-2023', 'Đi theo chuyên đề', 1],
    ['tay-ninh-2023', 'đi theo chuyên đề', 1],
    ['kien-giang-2023', 'Tham dự sinh hoạt chi đoàn ấp 3', 0],
    // Tây Ninh counts every content as a leader's round: the 1.5 item is read, and is one.
    ['tay-ninh-2023', 'Tham dự sinh hoạt chi đoàn ấp 3', 1],
    // The user guide's third example (README “Ghi Nội dung”): 06-HD §III.3.3, no round under Kiên Giang.
    ['kien-giang-2023', 'đi kiểm tra giám sát', 0],
    ['tay-ninh-2023', 'đi kiểm tra giám sát', 1],
  ])('%s: nội dung ghi bằng lời của mục “%s” chọn đúng mục', (preset, kind, rounds) => {
    // A Trưởng ban: under Tây Ninh every content is a round for leaders (001 §II.2), so the round shows the item was read.
    const cadres = [{ name: A, position: 'Trưởng ban' }];
    const { cadre, issues } = one({ preset, today: '2023-09-01', cadres, trips: [{ name: A, kind, from: '05/06/2023', to: '11/06/2023' }] });
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(cadre.roundsDone).toBe(rounds);
  });

  it('lời nói tới hai mục (“sinh hoạt chuyên đề hội nghị”) không bị đoán: lỗi Nội dung', () => {
    const { issues } = one({
      cadres: [{ name: A }],
      trips: [{ name: A, kind: 'Tổ chức sinh hoạt chuyên đề, hội nghị ở xã', from: '05/06/2023', to: '11/06/2023' }],
    });
    expect(issues.map((i) => i.code)).toContain('unknown-content');
  });
});

describe('một kết luận, không nói “thiếu” cho thời gian trước khi cán bộ vào cơ quan', () => {
  it('cán bộ vào cơ quan từ 01/07: trong quý II chưa bắt đầu, nói rõ trong lý do', () => {
    const { cadre } = one({ today: '2023-06-27', cadres: [{ name: A, start: '01/07/2023' }], trips: [] });
    expect(cadre.notStartedYet).toBe(true);
    expect(cadre.reasons).toContain('Bắt đầu công tác từ 01/07/2023.');
  });
});
