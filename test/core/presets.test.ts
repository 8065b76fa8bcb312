import { describe, expect, it } from 'vitest';
import { deadlineDates, periodOf, quarterlyReportDate, registrationDeadlineFor } from '../../src/core/period';
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

  it('Tây Ninh: chuyên viên có đợt riêng (phối hợp, chi đoàn; tối thiểu 30 ngày) và trọng tâm theo nhóm', () => {
    const policy = PRESETS['tay-ninh-2023'].policy;
    expect(policy.rounds.byGroup['chuyen-vien']).toEqual({ kinds: ['phoi-hop', 'chi-doan'], minDays: 30, maxDays: null });
    expect(policy.focusByGroup['thuong-truc']).toEqual(['kiem-tra', 'chi-doan']);
    expect(policy.numbering['chuyen-de']).toBe('1.3');
  });

  it.each<[string, string, string, string | null]>([
    ['Kiên Giang 2023: đợt 1 đăng ký trong tháng 5/2023', 'kien-giang-2023', '2023-03-01', '2023-05-31'],
    ['Kiên Giang 2023: đợt 2 trước 20/6', 'kien-giang-2023', '2023-09-01', '2023-06-20'],
    ['Tây Ninh: mẫu 1 trước 15/02 cho cả năm', 'tay-ninh-2023', '2023-09-01', '2023-02-15'],
    ['Hà Nam: kế hoạch quý 3 duyệt trước mùng 5 tháng 7', 'ha-nam-2022', '2023-08-10', '2023-07-05'],
  ])('hạn đăng ký: %s', (_name, id, start, expected) => {
    expect(registrationDeadlineFor(PRESETS[id as 'kien-giang-2023'].policy, 2023, start as CalendarDate)).toBe(expected);
  });

  it('Kiên Giang năm khác 2023: đợt 1 đăng ký trước 20/12 năm trước', () => {
    expect(registrationDeadlineFor(PRESETS['kien-giang-2023'].policy, 2024, '2024-02-01' as CalendarDate)).toBe('2023-12-20');
  });

  it.each([
    ['tay-ninh-2023', 2, '2023-06-27'],
    ['kien-giang-2023', 4, '2023-12-27'],
    ['ha-nam-2022', 1, '2023-03-31'],
    ['ha-nam-2022', 2, '2023-06-30'],
  ] as const)('hạn báo cáo quý (mẫu 3): %s quý %i là %s', (id, quarter, expected) => {
    expect(quarterlyReportDate(PRESETS[id].policy, 2023, quarter)).toBe(expected);
  });

  it('hạn theo quý trả về bốn ngày', () => {
    const deadline = PRESETS['ha-nam-2022'].policy.deadlines[0]!;
    expect(deadlineDates(deadline, 2022).map((d) => d.date)).toEqual(['2022-01-05', '2022-04-05', '2022-07-05', '2022-10-05']);
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
