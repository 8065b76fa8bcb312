import { describe, expect, it } from 'vitest';
import { PolicyOverridesSchema, PRESETS } from '../../src/core/presets';
import { defaultSettings, settingsKeepingValid, type Settings } from '../../src/core/settings';
import { applySheetSettings, readSettingsTab } from '../../src/core/settings-tab';
import { describePolicy, SETTING_FIELDS } from '../../src/core/settings-fields';
import { settingsTabRows } from '../../src/core/template';

const base = defaultSettings(2023);
const TZ = 'Asia/Ho_Chi_Minh';
/** The Cài đặt tab as a person types it: a header, then key/value rows (row 1 is the header). */
const tab = (...rows: unknown[][]) => [['Cài đặt', 'Giá trị'], ...rows];
const apply = (values: unknown[][], settings: Settings = base) => applySheetSettings(settings, readSettingsTab(values, TZ));

describe('mọi cài đặt của trang Cài đặt đều ghi được ở tab Cài đặt', () => {
  it('mỗi mục chỉnh bộ quy định có một khóa tiếng Việt', () => {
    const tabPaths = new Set(SETTING_FIELDS.flatMap((f) => f.paths));
    const overrideKeys = Object.keys(PolicyOverridesSchema.shape).map((k) => `overrides.${k}`);
    expect(overrideKeys.filter((k) => !tabPaths.has(k))).toEqual([]);
    for (const path of [
      'province',
      'year',
      'preset',
      'planNumber',
      'planDate',
      'recipients.btcKt',
      'schedule.quarterlySummary',
      'schedule.reminders',
      'schedule.reminderDaysBefore',
    ]) {
      expect(tabPaths.has(path), path).toBe(true);
    }
  });

  it('tab do dicoso init tạo đọc lại được, không có lỗi, và chỉ đặt tỉnh, năm, bộ quy định', () => {
    const rows = settingsTabRows('Tây Ninh', 2024, 'tay-ninh-2023');
    const read = readSettingsTab(rows, TZ);
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => r.key)).toEqual(['Tỉnh', 'Năm', 'Bộ quy định']);
    const { settings, policy } = applySheetSettings(base, read);
    expect(settings).toMatchObject({ province: 'Tây Ninh', year: 2024, preset: 'tay-ninh-2023' });
    expect(policy.period).toEqual({ start: '01-01', end: '10-25' });
  });
});

describe('đọc từng mục', () => {
  it.each<[string, unknown[], (s: Settings) => unknown, unknown]>([
    ['kỳ tính của Tây Ninh “01/01 - 25/10”', ['Kỳ tính', '01/01 - 25/10'], (s) => [s.overrides.periodStart, s.overrides.periodEnd], ['01-01', '10-25']],
    ['kỳ tính viết “từ 01/01 đến 30/11”', ['Kỳ tính:', 'từ 01/01 đến 30/11'], (s) => s.overrides.periodEnd, '11-30'],
    [
      'kỳ tính ghi cả năm “01/01/2023 - 25/10/2023”',
      ['Kỳ tính', '01/01/2023 - 25/10/2023'],
      (s) => [s.overrides.periodStart, s.overrides.periodEnd],
      ['01-01', '10-25'],
    ],
    ['tính theo tỷ lệ “Có”', ['Tính theo tỷ lệ', 'Có'], (s) => s.overrides.proRating, true],
    ['không liên tiếp “không”', ['KHÔNG LIÊN TIẾP', 'không'], (s) => s.overrides.notBackToBack, false],
    ['yêu cầu sinh hoạt chi đoàn “Không”', ['Yêu cầu dự sinh hoạt chi đoàn', 'Không'], (s) => s.overrides.requireChiDoan, false],
    ['danh sách cấp sau sáp nhập', ['Danh sách cấp', 'Tỉnh; Xã/Phường; Chi đoàn'], (s) => s.overrides.levels, ['Tỉnh', 'Xã/Phường', 'Chi đoàn']],
    ['số ngày tối thiểu “30 ngày”', ['Số ngày tối thiểu', '30 ngày'], (s) => s.overrides.minDays, 30],
    ['số ngày một đợt không giới hạn', ['Số ngày tối đa của một đợt', 'Không'], (s) => s.overrides.roundMaxDays, null],
    ['ngày gửi tổng hợp quý “cuối quý” (khóa cũ “Hạn báo cáo quý”)', ['Hạn báo cáo quý', 'cuối quý'], (s) => s.overrides.summaryDay, 'last'],
    ['bộ quy định ghi tên tỉnh', ['Bộ quy định', 'Hà Nam'], (s) => s.preset, 'ha-nam-2022'],
    ['email lãnh đạo một ban', ['Email lãnh đạo Ban Tuyên giáo', 'tg@tinhdoan.vn'], (s) => s.recipients.banLeaders['Ban Tuyên giáo'], 'tg@tinhdoan.vn'],
    ['nhắc trước hạn 10 ngày', ['Nhắc trước hạn (ngày)', 10], (s) => s.schedule.reminderDaysBefore, 10],
  ])('%s', (_name, row, pick, expected) => {
    const result = apply(tab(row));
    expect(result.problems).toEqual([]);
    expect(pick(result.settings)).toEqual(expected);
  });
});

describe('một giá trị sai chỉ bỏ giá trị đó', () => {
  it('email BTC-KT sai không làm mất Năm và Bộ quy định; lời nhắn nêu tab, dòng, giá trị', () => {
    const result = apply(tab(['Năm', 2024], ['Bộ quy định', 'tay-ninh-2023'], ['Email BTC-KT', 'btckt@tinhdoan.vn, abc@']));
    expect(result.settings).toMatchObject({ year: 2024, preset: 'tay-ninh-2023', recipients: { btcKt: ['btckt@tinhdoan.vn'] } });
    expect(result.problems).toEqual(['Tab “Cài đặt”, dòng 4: Email BTC-KT “abc@” không hợp lệ; đã bỏ qua địa chỉ này.']);
  });

  it('email BTC-KT có họ tên gõ lẫn: cả mục bị bỏ, không thành địa chỉ của người khác', () => {
    const result = apply(tab(['Email BTC-KT', 'btckt@tinhdoan.vn\nnguyen van a@tinhdoan.vn']));
    expect(result.settings.recipients.btcKt).toEqual(['btckt@tinhdoan.vn']);
    expect(result.problems).toEqual(['Tab “Cài đặt”, dòng 2: Email BTC-KT “nguyen van a@tinhdoan.vn” không hợp lệ; đã bỏ qua địa chỉ này.']);
  });

  it('mục không có trong danh sách: lưu ý nêu dòng, các dòng khác vẫn dùng', () => {
    const result = apply(tab(['Năm', 2024], ['Kỳ tính toán', '01/01 - 30/06']));
    expect(result.settings.year).toBe(2024);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^Tab “Cài đặt”, dòng 3: không có mục cài đặt “Kỳ tính toán”/);
  });

  it('giá trị không đọc được: bỏ dòng đó, nêu giá trị', () => {
    const result = apply(tab(['Số ngày tối thiểu', 'sáu mươi'], ['Năm', 2024]));
    expect(result.settings.year).toBe(2024);
    expect(result.settings.overrides.minDays).toBeUndefined();
    expect(result.problems).toEqual([
      'Tab “Cài đặt”, dòng 2, mục “Số ngày tối thiểu”: Số ngày tối thiểu “sáu mươi” phải là số nguyên. Dòng này không được dùng.',
    ]);
  });

  it('số ngoài khoảng cho phép: lời nhắn nêu giá trị đã ghi', () => {
    const result = apply(tab(['Nhắc trước hạn', 90]));
    expect(result.problems).toEqual(['Tab “Cài đặt”, dòng 2, mục “Nhắc trước hạn (ngày)”: Nhắc trước hạn “90” phải từ 1 đến 60. Dòng này không được dùng.']);
  });

  it('một mục ghi hai lần: dùng dòng sau cùng, nói rõ, và phần quy định áp dụng nêu đúng dòng ấy', () => {
    const result = apply(tab(['Năm', 2024], ['Số ngày tối thiểu', 45], ['Bộ quy định', 'kien-giang-2023'], ['Số ngày tối thiểu', '40 ngày']));
    expect(result.settings.overrides.minDays).toBe(40);
    expect(result.problems).toEqual(['Tab “Cài đặt”, dòng 5: mục “Số ngày tối thiểu” đã ghi ở dòng 3; dùng giá trị ở dòng 5 (dòng sau cùng).']);
    expect(describePolicy(result.settings, result.policy, result.applied)).toContain('Số ngày tối thiểu: 40 (bộ quy định: 60; theo tab “Cài đặt”, dòng 5).');
  });

  it('hai mục mâu thuẫn (tối thiểu 9 > tối đa 7 của Kiên Giang): bỏ dòng gây mâu thuẫn, giữ dòng sau', () => {
    const result = apply(tab(['Số ngày tối thiểu của một đợt', 9], ['Tính theo tỷ lệ', 'Có']));
    expect(result.settings.overrides.roundMinDays).toBeUndefined();
    expect(result.settings.overrides.proRating).toBe(true);
    expect(result.problems[0]).toMatch(/^Tab “Cài đặt”, dòng 2, mục “Số ngày tối thiểu của một đợt” = “9”: .*Dòng này không được dùng\.$/);
  });

  it('cài đặt đã lưu có một giá trị sai: chỉ bỏ giá trị đó', () => {
    const stored = {
      ...base,
      year: 2024,
      preset: 'tay-ninh-2023',
      recipients: { btcKt: ['ok@tinhdoan.vn', 'sai@'], banLeaders: {} },
      overrides: { minDays: 45 },
    };
    const kept = settingsKeepingValid(stored, 2023);
    expect(kept.settings).toMatchObject({ year: 2024, preset: 'tay-ninh-2023', overrides: { minDays: 45 }, recipients: { btcKt: ['ok@tinhdoan.vn'] } });
    expect(kept.dropped).toHaveLength(1);
  });
});

describe('in ra bộ quy định đã dùng', () => {
  it('bộ quy định và từng mục khác bộ quy định, kèm dòng của tab', () => {
    const result = apply(tab(['Bộ quy định', 'tay-ninh-2023'], ['Kỳ tính', '01/01 - 30/11']));
    expect(describePolicy(result.settings, result.policy, result.applied)).toEqual([
      `Bộ quy định: Tây Ninh 2023 (${PRESETS['tay-ninh-2023'].source}).`,
      'Kỳ tính: 01/01 - 30/11 (bộ quy định: 01/01 - 25/10; theo tab “Cài đặt”, dòng 3).',
    ]);
  });
});
