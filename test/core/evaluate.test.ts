import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario, type TripRow } from '../support/domain';

const A = 'Nguyễn Thị Thủy';
const cd = (from: string, to: string, extra: Partial<TripRow> = {}): TripRow => ({ name: A, kind: 'Theo chuyên đề', from, to, ...extra });
const ph = (from: string, to: string, extra: Partial<TripRow> = {}): TripRow => ({
  name: A,
  kind: 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
  from,
  to,
  ...extra,
});
const chiDoan: TripRow = { name: A, kind: 'Dự sinh hoạt chi đoàn', from: '15/11/2023', to: '15/11/2023' };
/** 06-HD §III.2 "phải đi cơ sở ở cấp huyện, cấp cơ sở": one trip at a huyện đoàn; every other place is "Xã A". */
const HUYEN = 'Huyện đoàn Châu Thành';
/**
 * 60 days of phối hợp in three blocks plus two valid chuyên đề rounds and a chi đoàn meeting, at cấp huyện and cấp
 * cơ sở: everything 06-HD §III asks.
 */
const complete: TripRow[] = [
  ph('01/02/2023', '28/02/2023'),
  ph('01/04/2023', '20/04/2023', { place: HUYEN }),
  cd('05/06/2023', '11/06/2023'),
  cd('04/09/2023', '08/09/2023'),
  chiDoan,
];

interface Case {
  name: string;
  scenario: Scenario;
  expected: Partial<{
    daysDone: number;
    daysProjected: number;
    roundsDone: number;
    roundsProjected: number;
    requiredDays: number;
    status: string;
    rating: string | null;
    verdict: string;
    verdictLabel: string;
  }>;
  reasons?: string[];
  noReason?: RegExp;
}

const cases: Case[] = [
  {
    name: '06-HD §V.2: đủ 60 ngày, hai đợt chuyên đề, dự sinh hoạt chi đoàn, đến cấp huyện và cơ sở: Đạt',
    scenario: { cadres: [{ name: A }], trips: complete },
    expected: { daysDone: 28 + 20 + 7 + 5 + 1, roundsDone: 2, status: 'ok', rating: 'dat', verdict: 'dat', verdictLabel: 'Đạt' },
  },
  {
    name: 'số ngày khai ít hơn khung thời gian: tính theo số ngày khai (mẫu 1: 10 ngày từ 01/6 đến 15/6)',
    scenario: { cadres: [{ name: A }], trips: [ph('01/06/2023', '15/06/2023', { days: 10 })] },
    expected: { daysDone: 10 },
  },
  {
    name: 'số ngày để trống: tính cả khung thời gian',
    scenario: { cadres: [{ name: A }], trips: [ph('01/06/2023', '15/06/2023')] },
    expected: { daysDone: 15 },
  },
  {
    name: 'hai đợt trùng thời gian: những ngày trùng chỉ tính một lần',
    scenario: { cadres: [{ name: A }], trips: [ph('01/06/2023', '10/06/2023'), ph('06/06/2023', '15/06/2023')] },
    expected: { daysDone: 15 },
  },
  {
    name: 'tổng số ngày khai nhỏ hơn số ngày thực tế: lấy tổng số ngày khai',
    scenario: { cadres: [{ name: A }], trips: [ph('01/06/2023', '10/06/2023', { days: 3 }), ph('06/06/2023', '15/06/2023', { days: 4 })] },
    expected: { daysDone: 7 },
  },
  {
    name: 'hai đợt chuyên đề liền nhau chỉ tính một',
    scenario: { cadres: [{ name: A }], trips: [cd('05/06/2023', '11/06/2023'), cd('12/06/2023', '16/06/2023')] },
    expected: { roundsDone: 1, daysDone: 12 },
  },
  {
    name: 'hai đợt chuyên đề cách nhau một ngày: tính hai đợt',
    scenario: { cadres: [{ name: A }], trips: [cd('05/06/2023', '11/06/2023'), cd('13/06/2023', '17/06/2023')] },
    expected: { roundsDone: 2 },
  },
  {
    name: 'đợt chuyên đề 4 ngày: vẫn tính ngày nhưng không là đợt hợp lệ',
    scenario: { cadres: [{ name: A }], trips: [cd('05/06/2023', '08/06/2023'), cd('04/09/2023', '08/09/2023')] },
    expected: { roundsDone: 1, daysDone: 9, status: 'short-both' },
    reasons: ['Còn thiếu 51 ngày.', 'Thiếu 1 đợt chuyên đề hợp lệ (5–7 ngày).'],
  },
  {
    name: 'đợt chuyên đề 8 ngày vượt mức tối đa 7 ngày',
    scenario: { cadres: [{ name: A }], trips: [cd('05/06/2023', '12/06/2023')] },
    expected: { roundsDone: 0, daysDone: 8 },
  },
  {
    name: 'đợt hủy không được tính ở đâu cả',
    scenario: { cadres: [{ name: A }], trips: [...complete, ph('01/10/2023', '30/10/2023', { status: 'Hủy' })] },
    expected: { daysDone: 61, daysProjected: 61 },
  },
  {
    name: 'đợt đã đăng ký chưa thực hiện: chỉ tính vào dự kiến; trong kỳ “Đủ nếu đi hết các đợt đã đăng ký”, không phải “Đủ yêu cầu”',
    scenario: {
      today: '2023-05-31',
      cadres: [{ name: A }],
      trips: [
        ph('01/02/2023', '28/02/2023'),
        ph('01/06/2023', '30/06/2023', { status: 'Đăng ký', place: HUYEN }),
        cd('05/07/2023', '11/07/2023', { status: 'Đã duyệt' }),
        cd('04/09/2023', '08/09/2023', { status: 'Đăng ký' }),
        { ...chiDoan, status: 'Đăng ký' },
      ],
    },
    // 06-HD §V.1 rates once a year: before the period's last day there is no rating yet, only the verdict.
    expected: {
      daysDone: 28,
      daysProjected: 28 + 30 + 7 + 5 + 1,
      roundsDone: 0,
      roundsProjected: 2,
      status: 'ok',
      rating: null,
      verdict: 'ok-planned',
      verdictLabel: 'Đủ nếu đi hết các đợt đã đăng ký',
    },
    reasons: ['Đã thực hiện 28/60 ngày; các đợt đã đăng ký đủ bù phần còn thiếu.', 'Sinh hoạt chi đoàn: mới có trong các đợt đã đăng ký.'],
  },
  {
    name: 'trạng thái để trống: đã qua ngày kết thúc là đã thực hiện, chưa qua là dự kiến',
    scenario: {
      today: '2023-06-10',
      cadres: [{ name: A }],
      trips: [ph('01/06/2023', '05/06/2023', { status: '' }), ph('20/06/2023', '24/06/2023', { status: '' })],
    },
    expected: { daysDone: 5, daysProjected: 10 },
  },
  {
    // On 31/5 nobody has yet been on a trip that starts 1/6, whatever its status says (DOMAIN "Counting days": done
    // means achieved). Its 30 days and the chuyên đề round in July wait as planned; February's 28 are done.
    name: 'ghi “Đã thực hiện” cho đợt chưa tới ngày bắt đầu: chỉ tính vào dự kiến',
    scenario: {
      today: '2023-05-31',
      cadres: [{ name: A }],
      trips: [
        ph('01/02/2023', '28/02/2023'),
        ph('01/06/2023', '30/06/2023', { status: 'Đã thực hiện' }),
        cd('05/07/2023', '11/07/2023', { status: 'Đã thực hiện' }),
      ],
    },
    expected: { daysDone: 28, daysProjected: 28 + 30 + 7, roundsDone: 0, roundsProjected: 1 },
  },
  {
    name: 'Tây Ninh: kỳ tính đến 25/10, phần sau đó không được tính',
    scenario: { preset: 'tay-ninh-2023', cadres: [{ name: A }], trips: [ph('20/10/2023', '31/10/2023')] },
    expected: { daysDone: 6 },
  },
  {
    name: '06-HD §II: kế toán được miễn: Miễn, không bị tô màu thiếu, không xếp loại',
    scenario: { cadres: [{ name: A, position: 'Kế toán', exemption: 'Kế toán' }], trips: [] },
    expected: { status: 'exempt', rating: null, requiredDays: 0, verdict: 'exempt', verdictLabel: 'Miễn' },
    reasons: ['Kế toán.'],
  },
  {
    name: '06-HD §V.2 “trừ trường hợp … đồng ý bằng văn bản”: có văn bản miễn chuyên đề thì đủ 60 ngày là Đạt dù không có đợt chuyên đề',
    scenario: {
      cadres: [{ name: A, waiver: 'Công văn số 12/TĐTN' }],
      trips: [ph('01/02/2023', '31/03/2023'), ph('01/04/2023', '02/04/2023', { place: HUYEN }), chiDoan],
    },
    expected: { daysDone: 62, roundsDone: 0, status: 'ok', rating: 'dat' },
  },
  {
    name: '06-HD §III.2 “phải có nội dung dự sinh hoạt chi đoàn”: thiếu thì Không đạt dù đủ ngày và đợt',
    scenario: { cadres: [{ name: A }], trips: complete.filter((t) => t !== chiDoan).concat(ph('01/12/2023', '01/12/2023')) },
    expected: { status: 'short-place', rating: 'khong-dat', verdictLabel: 'Không đạt' },
    reasons: ['Chưa dự sinh hoạt chi đoàn (Hướng dẫn yêu cầu phải có).'],
  },
  {
    name: '06-HD §III.2 “phải đi cơ sở ở cấp huyện, cấp cơ sở”: mọi đợt ở cấp tỉnh thì thiếu cả hai cấp, trong kỳ đã nói rõ',
    scenario: {
      today: '2023-11-01',
      cadres: [{ name: A }],
      trips: complete.map((t) => ({ ...t, place: 'Tỉnh đoàn Kiên Giang', level: 'Tỉnh' })),
    },
    expected: { status: 'short-place', rating: null, verdict: 'short-place', verdictLabel: 'Thiếu cấp huyện và cấp cơ sở' },
    reasons: ['Chưa đi cơ sở ở cấp huyện, cấp cơ sở (Hướng dẫn yêu cầu phải có).'],
  },
  {
    name: 'Hà Nam (seed 000): chỉ cần đủ 60 ngày, không yêu cầu đợt chuyên đề; cuối năm là Hoàn thành, không xếp loại',
    scenario: { preset: 'ha-nam-2022', year: 2022, cadres: [{ name: A }], trips: [ph('01/02/2022', '01/04/2022')] },
    expected: { daysDone: 60, roundsDone: 0, status: 'ok', rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' },
    noReason: /chuyên đề/,
  },
  {
    name: 'Tây Ninh 001 §II.2.3, chuyên viên: đợt “cùng ăn, cùng ở, cùng làm” tối thiểu 30 ngày, nội dung nào cũng được',
    scenario: {
      preset: 'tay-ninh-2023',
      cadres: [{ name: A, position: 'Chuyên viên' }],
      trips: [ph('01/02/2023', '02/03/2023'), ph('01/05/2023', '25/05/2023'), cd('01/06/2023', '30/06/2023')],
    },
    expected: { roundsDone: 2, daysDone: 30 + 25 + 30, status: 'ok', rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' },
  },
  {
    name: 'Tây Ninh 001 §II.2.3, chuyên viên: một đợt 25 ngày không là đợt “cùng ăn, cùng ở, cùng làm”; cuối kỳ Chưa hoàn thành',
    scenario: {
      preset: 'tay-ninh-2023',
      cadres: [{ name: A, position: 'Chuyên viên' }],
      trips: [ph('01/02/2023', '02/03/2023'), ph('01/05/2023', '25/05/2023'), ph('01/06/2023', '10/06/2023')],
    },
    expected: { roundsDone: 1, daysDone: 65, status: 'short-rounds', rating: 'chua-hoan-thanh', verdictLabel: 'Chưa hoàn thành' },
    reasons: ['Thiếu 1 đợt “cùng ăn, cùng ở, cùng làm” hợp lệ (tối thiểu 30 ngày).'],
  },
  {
    name: 'Tây Ninh, lãnh đạo ban: mọi nội dung đều là đợt; không có kiểm tra, hội nghị, chi đoàn thì được nhắc trọng tâm',
    scenario: {
      preset: 'tay-ninh-2023',
      today: '2023-10-01',
      cadres: [{ name: A, position: 'Trưởng ban' }],
      trips: [ph('01/02/2023', '15/03/2023'), cd('01/06/2023', '20/06/2023')],
    },
    expected: { roundsDone: 2, daysDone: 63, status: 'ok', verdictLabel: 'Đủ yêu cầu' },
    reasons: ['Lãnh đạo ban nên tập trung vào: Kiểm tra, giám sát; Dự họp, sinh hoạt chuyên đề hội nghị BCH, BTV đoàn cấp dưới; Dự sinh hoạt chi đoàn.'],
  },
  {
    name: 'Xuất sắc: Đạt và có đợt chuyên đề có minh chứng, báo cáo đạt 85 điểm',
    scenario: {
      withProcess: true,
      cadres: [{ name: A }],
      trips: complete.map((t, i) => ({
        ...t,
        registeredOn: '01/01/2023',
        confirmed: 'Có',
        reported: 'Có',
        ...(i === 2 ? { score: 85, evidence: 'Mô hình điểm' } : {}),
      })),
    },
    expected: { rating: 'xuat-sac' },
    reasons: ['Có đợt chuyên đề có minh chứng, báo cáo đạt 85 điểm.'],
  },
  {
    name: 'Không đạt: đăng ký đợt 2 sau hạn 20/6',
    scenario: {
      withProcess: true,
      cadres: [{ name: A }],
      trips: complete.map((t, i) => ({ ...t, registeredOn: i === 3 ? '25/06/2023' : '01/01/2023', confirmed: 'Có', reported: 'Có' })),
    },
    expected: { rating: 'khong-dat', status: 'ok' },
    reasons: ['1 đợt đăng ký sau hạn.'],
  },
  {
    name: 'Không đạt: đợt đã thực hiện chưa có xác nhận của cơ sở',
    scenario: { withProcess: true, cadres: [{ name: A }], trips: complete.map((t, i) => ({ ...t, confirmed: i === 0 ? '' : 'Có', reported: 'Có' })) },
    expected: { rating: 'khong-dat' },
    reasons: ['1 đợt chưa có xác nhận của cơ sở.'],
  },
  {
    // 06-HD §V.2: "Có đăng ký, đã được phê duyệt nhưng không hoàn thành …, có văn bản nhắc nhở của đơn vị thường trực".
    name: '06-HD §V.2: đợt đã đăng ký nhưng không thực hiện, chưa có văn bản nhắc nhở: việc cần làm, chưa Không đạt',
    scenario: { today: '2024-01-05', cadres: [{ name: A }], trips: [...complete, ph('01/12/2023', '05/12/2023', { status: 'Đăng ký' })] },
    expected: { rating: 'dat', status: 'ok' },
    reasons: [
      '1 đợt đã đăng ký nhưng không thực hiện; chưa ghi văn bản nhắc nhở của Thường trực nên chưa tính là Không đạt (nếu đã có, ghi ở cột “Văn bản nhắc nhở”).',
    ],
  },
  {
    name: '06-HD §V.2: đợt đã đăng ký nhưng không thực hiện, đã có văn bản nhắc nhở của Thường trực: Không đạt',
    scenario: {
      today: '2024-01-05',
      withReminder: true,
      cadres: [{ name: A, reminder: 'Công văn 45-CV/TĐTN ngày 10/11/2023' }],
      trips: [...complete, ph('01/12/2023', '05/12/2023', { status: 'Đăng ký' })],
    },
    expected: { rating: 'khong-dat', status: 'ok', verdictLabel: 'Không đạt' },
    reasons: ['1 đợt đã đăng ký nhưng không thực hiện, đã có văn bản nhắc nhở (Công văn 45-CV/TĐTN ngày 10/11/2023).'],
  },
  {
    // 1+2 DOMAIN "Counting days": a registered/approved trip whose end has passed counts neither as done nor planned.
    name: 'đợt chuyên đề “Đã duyệt” đã qua ngày kết thúc mà chưa đánh dấu: không còn tính vào dự kiến, thiếu chuyên đề',
    scenario: {
      today: '2023-07-01',
      cadres: [{ name: A }],
      trips: [
        ph('01/02/2023', '28/02/2023'),
        ph('01/04/2023', '20/04/2023'),
        cd('05/06/2023', '11/06/2023', { status: 'Đã duyệt' }),
        cd('04/09/2023', '08/09/2023', { status: 'Đăng ký' }),
        ph('01/10/2023', '10/10/2023', { status: 'Đăng ký' }),
      ],
    },
    expected: { daysDone: 28 + 20, daysProjected: 28 + 20 + 5 + 10, roundsDone: 0, roundsProjected: 1, status: 'short-rounds', rating: null },
    reasons: [
      '1 đợt đã qua ngày kết thúc nhưng chưa đánh dấu “Đã thực hiện”: không tính vào số ngày đã đi hay dự kiến.',
      'Thiếu 1 đợt chuyên đề hợp lệ (5–7 ngày).',
    ],
  },
  {
    name: 'đợt “Đăng ký” 31 ngày đã qua mà chưa thực hiện: còn thiếu ngày dù đã đăng ký đủ',
    scenario: {
      today: '2023-07-01',
      cadres: [{ name: A }],
      trips: [
        ph('01/02/2023', '28/02/2023'),
        ph('01/05/2023', '31/05/2023', { status: 'Đăng ký' }),
        cd('05/09/2023', '11/09/2023', { status: 'Đăng ký' }),
        cd('02/10/2023', '06/10/2023', { status: 'Đăng ký' }),
      ],
    },
    expected: { daysDone: 28, daysProjected: 28 + 7 + 5, roundsProjected: 2, status: 'short-days', rating: null },
    reasons: ['Còn thiếu 20 ngày.'],
  },
  {
    // 06-HD §III.3.4 is one item; §III.2 asks for a chi đoàn meeting, which a bare "3.4" does not show.
    name: 'Kiên Giang: mục 3.4 trơn tính đủ ngày, nhưng chưa xác nhận được đã dự sinh hoạt chi đoàn (yêu cầu §III.2 chưa đạt)',
    scenario: { cadres: [{ name: A }], trips: [...complete.filter((t) => t !== chiDoan), { name: A, kind: '3.4', from: '15/11/2023', to: '15/11/2023' }] },
    expected: { daysDone: 28 + 20 + 7 + 5 + 1, status: 'short-place', rating: 'khong-dat' },
    reasons: [
      'Chưa xác nhận được việc dự sinh hoạt chi đoàn: 1 đợt mục 3.4 không ghi rõ là sinh hoạt chi đoàn (ghi “sinh hoạt chi đoàn” ở nội dung hoặc cụ thể nội dung nếu đúng).',
    ],
    noReason: /^Chưa dự sinh hoạt chi đoàn/,
  },
  {
    name: 'Kiên Giang: “3.4 Sinh hoạt chi đoàn ấp Phú Lợi” là đã dự sinh hoạt chi đoàn',
    scenario: {
      cadres: [{ name: A }],
      trips: [...complete.filter((t) => t !== chiDoan), { name: A, kind: '3.4 Sinh hoạt chi đoàn ấp Phú Lợi', from: '15/11/2023', to: '15/11/2023' }],
    },
    expected: { daysDone: 28 + 20 + 7 + 5 + 1, status: 'ok', rating: 'dat' },
    noReason: /chi đoàn/,
  },
  {
    name: 'tính theo tỷ lệ (khi bật): vào làm từ 01/7 thì yêu cầu 31 ngày (làm tròn lên)',
    scenario: { overrides: { proRating: true }, cadres: [{ name: A, start: '01/07/2023' }], trips: [] },
    expected: { requiredDays: Math.ceil((60 * 184) / 365) },
  },
  {
    name: 'tính theo tỷ lệ (khi bật): nghỉ thai sản có ngày thì chỉ giảm yêu cầu, không miễn hẳn',
    scenario: { overrides: { proRating: true }, cadres: [{ name: A, exemption: 'Nghỉ thai sản từ 01/01/2023 đến 30/06/2023' }], trips: [] },
    expected: { requiredDays: Math.ceil((60 * 184) / 365), status: 'short-both' },
  },
  {
    // One forecast: done plus registered ahead. 20 days done by 01/04 is "Thiếu ngày" with 40 to go, whatever the pace.
    name: 'dự kiến là đã đi cộng đã đăng ký: 20 ngày sau 1/4, không đăng ký thêm, là Thiếu ngày còn 40',
    scenario: { today: '2023-04-01', cadres: [{ name: A }], trips: [ph('01/02/2023', '20/02/2023')] },
    expected: { daysDone: 20, daysProjected: 20, status: 'short-both', verdictLabel: 'Thiếu ngày và chuyên đề, sinh hoạt chi đoàn, cấp huyện' },
    reasons: ['Còn thiếu 40 ngày.'],
  },
];

describe('đánh giá từng cán bộ', () => {
  it.each(cases)('$name', ({ scenario, expected, reasons, noReason }) => {
    const { evaluation } = runScenario(scenario);
    const result = evaluation.cadres[0]!;
    expect(result).toMatchObject(expected);
    for (const reason of reasons ?? []) expect(result.reasons).toContain(reason);
    if (noReason) expect(result.reasons.join(' ')).not.toMatch(noReason);
  });
});

describe('cảnh báo trên từng dòng', () => {
  const codes = (s: Scenario) => runScenario(s).issues.map((i) => [i.row, i.code, i.level]);
  it.each<[string, Scenario, (string | number)[][]]>([
    [
      'hai đợt trùng thời gian: cảnh báo trên cả hai dòng',
      { cadres: [{ name: A }], trips: [ph('01/06/2023', '10/06/2023'), ph('06/06/2023', '15/06/2023')] },
      [
        [2, 'overlap', 'warning'],
        [3, 'overlap', 'warning'],
      ],
    ],
    [
      'dòng nhập trùng: cảnh báo trên dòng sau',
      { cadres: [{ name: A }], trips: [ph('01/06/2023', '10/06/2023'), ph('01/06/2023', '10/06/2023')] },
      [[3, 'duplicate-row', 'warning']],
    ],
    [
      'chuyên đề liền nhau: cảnh báo trên dòng sau',
      { cadres: [{ name: A }], trips: [cd('05/06/2023', '11/06/2023'), cd('12/06/2023', '16/06/2023')] },
      [[3, 'rounds-back-to-back', 'warning']],
    ],
    ['chuyên đề 4 ngày: cảnh báo độ dài', { cadres: [{ name: A }], trips: [cd('05/06/2023', '08/06/2023')] }, [[2, 'round-length', 'warning']]],
    ['đợt ngoài kỳ: cảnh báo', { cadres: [{ name: A }], trips: [ph('25/12/2022', '05/01/2023')] }, [[2, 'outside-period', 'warning']]],
  ])('%s', (_name, scenario, expected) => {
    expect(codes(scenario)).toEqual(expected);
  });
});
