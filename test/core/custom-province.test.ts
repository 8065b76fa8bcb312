import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { reminderDeadlines } from '../../src/core/email/plan';
import { deadlineDates, quarterlySummaryDate, registrationDeadlineFor } from '../../src/core/period';
import { defaultSettings } from '../../src/core/settings';
import { applySheetSettings, readSettingsTab } from '../../src/core/settings-tab';
import { describePolicy } from '../../src/core/settings-fields';
import { inputTabTemplates, settingsTabRows } from '../../src/core/template';
import { PRESETS } from '../../src/core/presets';
import { readDeadlines, deadlineText } from '../../src/core/deadline-text';
import { runScenario } from '../support/domain';
import { formContextOf } from '../../src/core/forms/frame';
import { buildMau2 } from '../../src/core/forms/mau2';
import { provinceOf } from '../../src/core/settings';

/**
 * A province not in the seeds sets every item of its own document from the Cài đặt tab (DOMAIN "Every number above is
 * a setting"): its verdict kind, its exemption list, its calendar, its compiling department and its document's kind.
 * Here a made-up Tỉnh đoàn Đồng Tháp whose plan: "Hoàn thành / Chưa hoàn thành"; only kế toán and văn thư exempt;
 * registration by 15/3; approval before the 5th of each quarter's first month; results by the 25th of each quarter's
 * last month; compiled by the Ban Xây dựng Đoàn; a Kế hoạch.
 */

const TZ = 'Asia/Ho_Chi_Minh';
const DONG_THAP: unknown[][] = [
  ['Cài đặt', 'Giá trị'],
  ['Tỉnh', 'Đồng Tháp'],
  ['Năm', 2023],
  ['Cách đánh giá cuối năm', 'Hoàn thành / Chưa hoàn thành'],
  ['Danh sách được miễn', 'Kế toán; Văn thư'],
  ['Yêu cầu dự sinh hoạt chi đoàn', 'Không'],
  ['Cấp phải đến', 'Không'],
  ['Hạn đăng ký', '15/03'],
  ['Hạn phê duyệt', 'trước ngày mùng 5 tháng đầu quý'],
  ['Hạn báo cáo', 'ngày 25 tháng cuối quý'],
  ['Ban tổng hợp', 'Ban Xây dựng Đoàn'],
  ['Loại văn bản', 'Kế hoạch'],
];

const applied = () => applySheetSettings(defaultSettings(2023), readSettingsTab(DONG_THAP, TZ));

describe('một tỉnh không có trong các văn bản mẫu, đặt mọi mục ở tab Cài đặt', () => {
  it('mọi dòng được đọc, không có lỗi', () => {
    expect(applied().problems).toEqual([]);
  });

  it('cách đánh giá, danh sách miễn, lịch, ban tổng hợp và loại văn bản là của tỉnh đó', () => {
    const { policy } = applied();
    expect(policy.verdict).toBe('completion');
    expect(policy.exemptions).toMatchObject({ needsDocument: false, items: [{ label: 'Kế toán' }, { label: 'Văn thư' }] });
    expect(policy.requireChiDoan).toBe(false);
    expect(policy.requiredLevels).toEqual([]);
    expect(policy.compilingDepartment).toBe('Ban Xây dựng Đoàn');
    expect(policy.document.kind).toBe('Kế hoạch');
    expect(registrationDeadlineFor(policy, 2023, '2023-08-01' as CalendarDate)).toBe('2023-03-15');
    // "trước ngày mùng 5": the 5th itself is late.
    const approval = policy.deadlines.find((d) => d.kind === 'approval')!;
    expect(deadlineDates(approval, 2023).map((d) => d.lastDay)).toEqual(['2023-01-04', '2023-04-04', '2023-07-04', '2023-10-04']);
    // Its quarterly report is its own: the summary email goes on the 25th.
    expect(quarterlySummaryDate(policy, 2023, 2)).toBe('2023-06-25');
    expect(reminderDeadlines(policy, 2023).map((d) => `${d.date} ${d.label}`)).toEqual([
      '2023-03-15 Gửi đăng ký đi cơ sở',
      '2023-03-25 Gửi báo cáo kết quả đi cơ sở quý I năm 2023',
      '2023-06-25 Gửi báo cáo kết quả đi cơ sở quý II năm 2023',
      '2023-09-25 Gửi báo cáo kết quả đi cơ sở quý III năm 2023',
      '2023-12-25 Gửi báo cáo kết quả đi cơ sở quý IV năm 2023',
    ]);
  });

  it('dicoso check in ra quy định đang áp dụng, mỗi mục khác bộ quy định nói lấy từ dòng nào', () => {
    const { settings, policy, applied: rows } = applied();
    const lines = describePolicy(settings, policy, rows);
    expect(lines).toContain(
      'Cách đánh giá cuối năm: Hoàn thành / Chưa hoàn thành (bộ quy định: Xếp loại: Không đạt / Đạt / Xuất sắc; theo tab “Cài đặt”, dòng 4).',
    );
    expect(lines).toContain('Ban tổng hợp: Ban Xây dựng Đoàn (bộ quy định: Ban Tổ chức – Kiểm tra; theo tab “Cài đặt”, dòng 11).');
  });

  it('một cán bộ cuối năm đủ ngày và đợt: Hoàn thành (không xếp loại); thủ quỹ không có trong danh sách miễn của tỉnh', () => {
    const { policy } = applied();
    const { evaluation, issues } = runScenario({
      policy,
      cadres: [{ name: 'Lê Văn Tài', exemption: 'Thủ quỹ' }],
      trips: [
        { name: 'Lê Văn Tài', kind: 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở', from: '01/02/2023', to: '21/03/2023' },
        { name: 'Lê Văn Tài', kind: 'Theo chuyên đề', from: '05/06/2023', to: '11/06/2023' },
        { name: 'Lê Văn Tài', kind: 'Theo chuyên đề', from: '04/09/2023', to: '08/09/2023' },
      ],
    });
    expect(evaluation.cadres[0]).toMatchObject({ exempt: null, daysDone: 49 + 7 + 5, rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' });
    expect(issues.find((i) => i.code === 'exemption-not-listed')!.message).toContain('Kế toán; Văn thư');
  });

  it('biểu mẫu là của tỉnh đó: Ban Xây dựng Đoàn tổng hợp, “Kèm theo Kế hoạch số …” để điền, không mang số, ngày của 06-HD', () => {
    // The Cài đặt tab says Kế hoạch and gives no number or date: like seed 001's forms, the line leaves them to fill in.
    const { settings, policy } = applied();
    const run = runScenario({ policy, cadres: [{ name: 'Lê Văn Tài' }], trips: [] });
    const context = formContextOf({
      province: provinceOf(settings),
      year: 2023,
      ban: null,
      settings,
      policy,
      today: '2023-11-15' as CalendarDate,
      cadres: run.roster.cadres,
    });
    const values = buildMau2(context, [], policy)
      .values.flat()
      .filter((v) => v !== '' && v !== null);
    expect(values).toContain('BCH ĐOÀN TỈNH ĐỒNG THÁP');
    expect(values).toContain('BAN XÂY DỰNG ĐOÀN');
    expect(values).toContain('(Kèm theo Kế hoạch số ……, ngày …/…/… của Ban Thường vụ Tỉnh đoàn)');
    expect(values.join(' ')).not.toMatch(/06-HD|10\/03\/2023|TỔ CHỨC/);
  });

  it('hạn viết sai: lời nhắn nêu tab, dòng, mục và cách viết; các dòng khác vẫn dùng', () => {
    const result = applySheetSettings(defaultSettings(2023), readSettingsTab([...DONG_THAP, ['Hạn đăng ký', 'giữa tháng 3']], TZ));
    expect(result.problems).toEqual([
      expect.stringMatching(/^Tab “Cài đặt”, dòng 13, mục “Hạn đăng ký”: Hạn đăng ký: không đọc được “giữa tháng 3”\. Mỗi hạn một dòng/),
    ]);
    // Row 8's 15/03 still applies.
    expect(registrationDeadlineFor(result.policy, 2023, '2023-08-01' as CalendarDate)).toBe('2023-03-15');
  });

  it('mẫu tab Cài đặt của dicoso init có đủ các mục mới, với gợi ý là giá trị của bộ quy định', () => {
    const rows = settingsTabRows('Kiên Giang', 2023, 'kien-giang-2023');
    const hint = (key: string) => rows.find((r) => r[0] === key)?.[2];
    expect(hint('Hạn đăng ký')).toContain('Để trống: 20/12 năm trước (01/01 - 30/06); 20/06 (01/07 - 31/12).');
    expect(hint('Cách đánh giá cuối năm')).toContain('Để trống: Xếp loại: Không đạt / Đạt / Xuất sắc');
    expect(hint('Danh sách được miễn')).toContain('Kế toán; Văn thư; Thủ quỹ; Quản trị cơ quan');
    expect(hint('Ban tổng hợp')).toContain('Để trống: Ban Tổ chức – Kiểm tra');
    expect(hint('Cấp phải đến')).toContain('Để trống: Huyện; Cơ sở hoặc Chi đoàn');
  });
});

describe('cách viết một hạn (đọc và ghi lại như nhau)', () => {
  it.each([
    ['15/02', { type: 'yearly', monthDay: '02-15', yearOffset: 0 }, false, null],
    ['trước ngày 15/02', { type: 'yearly', monthDay: '02-15', yearOffset: 0 }, true, null],
    ['20/12 năm trước (01/01 - 30/06)', { type: 'yearly', monthDay: '12-20', yearOffset: -1 }, false, { start: '01-01', end: '06-30' }],
    ['ngày 5 tháng đầu quý', { type: 'quarterly', monthOfQuarter: 1, day: 5 }, false, null],
    ['trước ngày mùng 5 tháng đầu quý', { type: 'quarterly', monthOfQuarter: 1, day: 5 }, true, null],
    ['ngày 27 tháng cuối quý', { type: 'quarterly', monthOfQuarter: 3, day: 27 }, false, null],
    ['cuối quý', { type: 'quarterly', monthOfQuarter: 3, day: 'last' }, false, null],
  ])('“%s”', (text, when, before, covers) => {
    const read = readDeadlines(text, 'report');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.deadlines[0]).toMatchObject({ when, before, covers });
    expect(readDeadlines(deadlineText(read.deadlines[0]!), 'report')).toEqual(read);
  });

  it.each(['giữa tháng 3', '31/02', 'ngày 40 tháng cuối quý', '15/02 (01/01 - 31/13)'])('“%s” không đọc được', (text) => {
    expect(readDeadlines(text, 'registration')).toEqual({ ok: false, item: text });
  });
});

describe('mẫu bảng tính mới theo bộ quy định', () => {
  const captions = (preset: 'kien-giang-2023' | 'tay-ninh-2023' | 'ha-nam-2022') => {
    const [roster, trips] = inputTabTemplates(PRESETS[preset].policy, 2023);
    return { roster: roster!.captions, trips: trips!.captions, bans: roster!.lists.find((l) => l.column === roster!.keys.indexOf('ban'))!.values };
  };

  it('Kiên Giang có các bước 06-HD xét khi xếp loại: ngày đăng ký, đột xuất, xác nhận cơ sở, điểm, minh chứng, văn bản nhắc nhở', () => {
    const kg = captions('kien-giang-2023');
    expect(kg.trips).toEqual(expect.arrayContaining(['Ngày đăng ký', 'Đột xuất (văn bản)', 'Xác nhận cơ sở', 'Đã báo cáo', 'Điểm', 'Minh chứng']));
    expect(kg.roster).toContain('Văn bản nhắc nhở');
  });

  it('Tây Ninh không có cột của riêng Kiên Giang (xếp loại, văn bản nhắc nhở)', () => {
    const tn = captions('tay-ninh-2023');
    for (const caption of ['Xác nhận cơ sở', 'Điểm', 'Minh chứng']) expect(tn.trips).not.toContain(caption);
    expect(tn.roster).not.toContain('Văn bản nhắc nhở');
    expect(tn.trips).toEqual(expect.arrayContaining(['Ngày đăng ký', 'Đã báo cáo']));
  });

  it('Hà Nam: ban đầu danh sách là Ban Xây dựng Đoàn (seed 000), không phải Ban Tổ chức – Kiểm tra', () => {
    expect(captions('ha-nam-2022').bans[0]).toBe('Ban Xây dựng Đoàn');
    expect(captions('ha-nam-2022').bans).not.toContain('Ban Tổ chức – Kiểm tra');
  });
});
