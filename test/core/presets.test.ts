import { describe, expect, it } from 'vitest';
import { deadlineDates, documentQuarterlyReport, periodOf, quarterlySummaryDate, registrationDeadlineFor } from '../../src/core/period';
import { PRESETS, resolvePolicy } from '../../src/core/presets';
import { validateSettings } from '../../src/core/settings';
import type { CalendarDate } from '../../src/core/calendar-date';

describe('bộ quy định (DOMAIN.md)', () => {
  it.each([
    ['kien-giang-2023', 60, '2023-01-01', '2023-12-31', 2, 5, 7, true],
    ['tay-ninh-2023', 60, '2023-01-01', '2023-10-25', 2, null, null, false],
    ['ha-nam-2022', 60, '2023-01-01', '2023-12-31', 0, null, null, false],
  ] as const)('%s', (id, minDays, start, end, rounds, min, max, notBackToBack) => {
    const policy = PRESETS[id].policy;
    expect(policy.minDays).toBe(minDays);
    expect(periodOf(policy, 2023)).toEqual({ start, end });
    expect(policy.rounds.count).toBe(rounds);
    expect(policy.rounds.rule.minDays).toBe(min);
    expect(policy.rounds.rule.maxDays).toBe(max);
    expect(policy.rounds.notBackToBack).toBe(notBackToBack);
    expect(policy.proRating).toBe(false);
  });

  it('Tây Ninh 001 §II.2.3: chuyên viên có 02 đợt “cùng ăn, cùng ở, cùng làm”, mỗi đợt tối thiểu 30 ngày, nội dung nào cũng được; 1.1, 1.5 chỉ là trọng tâm', () => {
    const policy = PRESETS['tay-ninh-2023'].policy;
    expect(policy.rounds.byGroup['chuyen-vien']).toEqual({
      kinds: ['chuyen-de', 'phoi-hop', 'kiem-tra', 'hoi-nghi', 'chi-doan', 'phong-trao'],
      minDays: 30,
      maxDays: null,
    });
    expect(policy.focusByGroup['thuong-truc']).toEqual(['kiem-tra', 'chi-doan']);
    expect(policy.numbering['chuyen-de']).toBe('1.3');
  });

  it.each<[string, string, string, string | null]>([
    ['Kiên Giang 2023: đợt 1 đăng ký trong tháng 5/2023', 'kien-giang-2023', '2023-03-01', '2023-05-31'],
    ['Kiên Giang 2023: đợt 2 trước 20/6', 'kien-giang-2023', '2023-09-01', '2023-06-20'],
    ['Tây Ninh: mẫu 1 trước 15/02 cho cả năm', 'tay-ninh-2023', '2023-09-01', '2023-02-15'],
    // Seed 000: "phải được phê duyệt trước ngày mùng 5 tháng đầu tiên của mỗi quý": the 5th itself is late.
    ['Hà Nam: kế hoạch quý 3 duyệt trước mùng 5 tháng 7 (ngày cuối còn kịp: 04/7)', 'ha-nam-2022', '2023-08-10', '2023-07-04'],
  ])('hạn đăng ký: %s', (_name, id, start, expected) => {
    expect(registrationDeadlineFor(PRESETS[id as 'kien-giang-2023'].policy, 2023, start as CalendarDate)).toBe(expected);
  });

  it('Kiên Giang năm khác 2023: đợt 1 đăng ký trước 20/12 năm trước', () => {
    expect(registrationDeadlineFor(PRESETS['kien-giang-2023'].policy, 2024, '2024-02-01' as CalendarDate)).toBe('2023-12-20');
  });

  it.each([
    // 001 §III.1.2: mẫu 3 "trước ngày 27 của tháng cuối quý".
    ['tay-ninh-2023', 2, '2023-06-27'],
    // 06-HD has no quarterly report: the summary email keeps its default day, the 27th.
    ['kien-giang-2023', 4, '2023-12-27'],
    // Seed 000: "cuối mỗi quý cán bộ phải có báo cáo thu hoạch".
    ['ha-nam-2022', 1, '2023-03-31'],
    ['ha-nam-2022', 2, '2023-06-30'],
  ] as const)('ngày gửi thư tổng hợp quý: %s quý %i là %s', (id, quarter, expected) => {
    expect(quarterlySummaryDate(PRESETS[id].policy, 2023, quarter)).toBe(expected);
  });

  it.each([
    // 06-HD has no quarterly report: the day is the user's ("ngày gửi tổng hợp quý"), the 20th or the quarter's end.
    ['kien-giang-2023', 20, 2, '2023-06-20'],
    ['kien-giang-2023', 'last', 3, '2023-09-30'],
    // A day set in Cài đặt wins over the document's own too (Tây Ninh's 27th): the summary is the add-on's email.
    ['tay-ninh-2023', 15, 1, '2023-03-15'],
  ] as const)('ngày gửi thư tổng hợp quý đặt ở Cài đặt: %s, ngày %s, quý %i là %s', (id, day, quarter, expected) => {
    const resolved = resolvePolicy(id, { summaryDay: day });
    expect(resolved.ok).toBe(true);
    if (resolved.ok) expect(quarterlySummaryDate(resolved.policy, 2023, quarter)).toBe(expected);
  });

  it.each([
    ['tay-ninh-2023', { label: 'Gửi báo cáo kết quả đi cơ sở của ban (mẫu 3)', date: '2023-09-27', form: 'mau3' }],
    ['ha-nam-2022', { label: 'Báo cáo thu hoạch đi cơ sở của cán bộ', date: '2023-09-30', form: null }],
    ['kien-giang-2023', null],
  ] as const)('báo cáo quý của chính văn bản: %s', (id, expected) => {
    expect(documentQuarterlyReport(PRESETS[id].policy, 2023, 3)).toEqual(expected);
  });

  it('hạn theo quý trả về bốn ngày; “trước ngày mùng 5” thì ngày cuối còn kịp là ngày 4', () => {
    const deadline = PRESETS['ha-nam-2022'].policy.deadlines[0]!;
    expect(deadlineDates(deadline, 2022).map((d) => [d.date, d.lastDay])).toEqual([
      ['2022-01-05', '2022-01-04'],
      ['2022-04-05', '2022-04-04'],
      ['2022-07-05', '2022-07-04'],
      ['2022-10-05', '2022-10-04'],
    ]);
  });

  it('06-HD §IV: Kiên Giang làm theo đợt: đăng ký 20/12 năm trước (2023: tháng 5) và 20/6; phê duyệt 30/12 năm trước và 30/6; báo cáo 30/6 và 30/12', () => {
    const policy = PRESETS['kien-giang-2023'].policy;
    const dates = (year: number) => policy.deadlines.map((d) => [d.id, d.kind, deadlineDates(d, year).map((x) => x.lastDay)]);
    expect(dates(2024)).toEqual([
      ['dang-ky-dot-1', 'registration', ['2023-12-20']],
      ['dang-ky-dot-2', 'registration', ['2024-06-20']],
      ['phe-duyet-dot-1', 'approval', ['2023-12-30']],
      ['phe-duyet-dot-2', 'approval', ['2024-06-30']],
      ['bao-cao-dot-1', 'report', ['2024-06-30']],
      ['bao-cao-dot-2', 'report', ['2024-12-30']],
    ]);
    // "Riêng năm 2023, hoàn thành việc đăng ký đi cơ sở đợt 1 trong tháng 5/2023": no approval before 30/12/2022 that year.
    expect(dates(2023).slice(0, 3)).toEqual([
      ['dang-ky-dot-1', 'registration', ['2023-05-31']],
      ['dang-ky-dot-2', 'registration', ['2023-06-20']],
      ['phe-duyet-dot-1', 'approval', []],
    ]);
    expect(policy.deadlines.some((d) => d.form === 'mau3' || d.when.type === 'quarterly')).toBe(false);
  });

  it('06-HD §III.2 “phải đi cơ sở ở cấp huyện, cấp cơ sở” và “phải có nội dung dự sinh hoạt chi đoàn”: Kiên Giang 2023 có cấp Huyện, và đó là yêu cầu; Tây Ninh, Hà Nam không có', () => {
    const kg = PRESETS['kien-giang-2023'].policy;
    expect(kg.levels).toContain('Huyện');
    expect(kg.requireChiDoan).toBe(true);
    expect(kg.requiredLevels.map((r) => r.label)).toEqual(['cấp huyện', 'cấp cơ sở']);
    for (const id of ['tay-ninh-2023', 'ha-nam-2022'] as const) {
      expect(PRESETS[id].policy.requireChiDoan).toBe(false);
      expect(PRESETS[id].policy.requiredLevels).toEqual([]);
    }
  });

  it.each([
    ['kien-giang-2023', 'rating', 'Ban Tổ chức – Kiểm tra', 'Hướng dẫn', '06-HD/TĐTN-BTCKT'],
    ['tay-ninh-2023', 'completion', 'Ban Tổ chức – Kiểm tra', 'Kế hoạch', '……-KH/TĐTN-TCKT'],
    // Seed 000: "nộp về Ban Xây dựng đoàn Tỉnh đoàn"; Hướng dẫn số 25-HD/TĐTN ngày 27/3/2019.
    ['ha-nam-2022', 'completion', 'Ban Xây dựng Đoàn', 'Hướng dẫn', '25-HD/TĐTN'],
  ] as const)('%s: đánh giá cuối năm, ban tổng hợp và văn bản', (id, verdict, department, kind, number) => {
    const policy = PRESETS[id].policy;
    expect([policy.verdict, policy.compilingDepartment, policy.document.kind, policy.document.number]).toEqual([verdict, department, kind, number]);
  });
});

describe('quy định riêng = bộ quy định + phần chỉnh', () => {
  it('chỉnh số ngày và số đợt', () => {
    const result = resolvePolicy('kien-giang-2023', { minDays: 30, roundsCount: 1 });
    expect(result.ok && result.policy.minDays).toBe(30);
    expect(result.ok && result.policy.rounds.count).toBe(1);
  });
  it.each([
    ['số ngày âm', { minDays: -5 }, 'Số ngày tối thiểu phải từ 1 trở lên.'],
    ['đợt tối thiểu lớn hơn tối đa', { roundMinDays: 8, roundMaxDays: 5 }, 'Đợt bắt buộc: Số ngày tối thiểu của một đợt (8) lớn hơn số ngày tối đa (5).'],
    ['kỳ ngược', { periodStart: '12-31', periodEnd: '01-01' }, 'Kỳ tính: Ngày bắt đầu kỳ phải trước ngày kết thúc kỳ.'],
    ['ngày kỳ không tồn tại', { periodEnd: '02-30' }, 'Kỳ tính: Ngày trong năm không tồn tại.'],
  ])('báo lỗi tiếng Việt: %s', (_name, overrides, message) => {
    const result = resolvePolicy('kien-giang-2023', overrides as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContain(message);
  });
});

describe('cài đặt', () => {
  it('mặc định: Kiên Giang, lịch gửi thư tắt, nhắc trước 7 ngày', () => {
    const result = validateSettings({ year: 2023 });
    expect(result.ok && result.settings.preset).toBe('kien-giang-2023');
    expect(result.ok && result.settings.schedule).toEqual({ enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 });
  });
  it.each([
    ['email sai', { year: 2023, recipients: { btcKt: ['khong-phai-email'] } }, 'Địa chỉ email không hợp lệ.'],
    ['năm quá xa', { year: 1990 }, 'Năm phải từ 2000 trở đi.'],
    ['bộ quy định lạ', { year: 2023, preset: 'da-nang' }, 'Bộ quy định phải là kien-giang-2023, tay-ninh-2023 hoặc ha-nam-2022.'],
  ])('báo lỗi: %s', (_name, input, message) => {
    const result = validateSettings(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(' ')).toContain(message);
  });
});
