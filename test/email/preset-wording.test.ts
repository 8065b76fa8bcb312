import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import type { PresetId } from '../../src/core/presets';
import { previewSummaries } from '../../src/sheets/email-run';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { analyze } from '../../src/sheets/workflow';
import { PEOPLE, provinceSettings, provinceTabs } from './fixture';

/**
 * The quarterly summary, which users asked for under every preset, never takes the name of a report the document does
 * not have: only Tây Ninh 2023 has a mẫu 3 (001 §III.1.2, by the 27th); Hà Nam 2022 a báo cáo thu hoạch at quarter end
 * (seed 000); Kiên Giang's 06-HD reports by Đợt, twice a year. It greets the province's own compiling department.
 */

function summaries(preset: PresetId, today: string, people = PEOPLE) {
  const workbook = MemoryWorkbook.fromTabs(provinceTabs(people) as never);
  const analysis = analyze(workbook, { settings: provinceSettings(preset), today: today as CalendarDate });
  const [province, ...bans] = previewSummaries(analysis, 2, null, { spreadsheetUrl: null });
  return { province: province!, ban: bans.find((b) => b.ban === 'Ban Tuyên giáo')! };
}

describe('thư tổng hợp quý theo văn bản của từng tỉnh', () => {
  it('Tây Ninh: nói hạn mẫu 3 của quý (trước ngày 27 tháng cuối quý) và gọi bảng là mẫu 3', () => {
    const { province, ban } = summaries('tay-ninh-2023', '2023-06-27');
    expect(ban.text).toContain('Hạn gửi báo cáo kết quả đi cơ sở của ban (mẫu 3): ngày 27/06/2023.');
    expect(ban.text).toContain('Mẫu 3 – kết quả đi cơ sở quý II năm 2023');
    expect(province.text).toContain('Kính gửi Ban Tổ chức – Kiểm tra,');
  });

  it('Kiên Giang: không có mẫu 3, không có hạn báo cáo quý nào được nêu', () => {
    const { province, ban } = summaries('kien-giang-2023', '2023-06-27');
    for (const email of [province, ban]) {
      expect(email.text).not.toMatch(/[Mm]ẫu 3/);
      expect(email.text).not.toMatch(/[Hh]ạn/);
    }
    expect(ban.text).toContain('Kết quả đi cơ sở quý II năm 2023');
  });

  it('Hà Nam: nói hạn báo cáo thu hoạch cuối quý và gửi Ban Xây dựng Đoàn (seed 000)', () => {
    const { province, ban } = summaries('ha-nam-2022', '2023-06-30');
    expect(ban.text).toContain('Hạn báo cáo thu hoạch đi cơ sở của cán bộ: ngày 30/06/2023.');
    expect(ban.text).not.toMatch(/[Mm]ẫu 3/);
    expect(province.text).toContain('Kính gửi Ban Xây dựng Đoàn,');
    expect(province.text).not.toContain('Tổ chức – Kiểm tra');
  });

  it.each([
    // 06-HD §III.1–2 during the period: Đỗ Thị Dung has no trip, so she lacks the days, the chuyên đề rounds, the chi
    // đoàn meeting and both levels; the columns are the requirements' words.
    [
      'kien-giang-2023',
      '2023-09-27',
      3,
      'Đủ | Đủ nếu đi hết đợt đã đăng ký | Thiếu ngày | Thiếu chuyên đề | Thiếu ngày và chuyên đề | Thiếu yêu cầu địa bàn | Miễn',
      'Thiếu ngày và chuyên đề, sinh hoạt chi đoàn, cấp huyện, cấp cơ sở.',
    ],
    // 06-HD §V from the period's last day: the rating's three levels.
    ['kien-giang-2023', '2023-12-31', 4, 'Xuất sắc | Đạt | Không đạt | Miễn', 'Không đạt.'],
    // Tây Ninh's period ends on 25/10 (001 §II.3): in December the verdict is completion, not a scale.
    ['tay-ninh-2023', '2023-12-27', 4, 'Hoàn thành | Chưa hoàn thành | Miễn', 'Chưa hoàn thành.'],
  ] as const)(
    '%s, %s: thư toàn tỉnh dùng đúng một kết luận: cột theo kết luận, cán bộ chưa đủ với kết luận của mình',
    (preset, today, quarter, columns, dung) => {
      const workbook = MemoryWorkbook.fromTabs(provinceTabs(PEOPLE) as never);
      const analysis = analyze(workbook, { settings: provinceSettings(preset), today: today as CalendarDate });
      const [province] = previewSummaries(analysis, quarter, null, { spreadsheetUrl: null });
      expect(province!.text).toContain(`Cột: Ban/Văn phòng | Cán bộ | ${columns}\n`);
      expect(province!.text).toMatch(new RegExp(`\\n- Ban Phong trào \\| Đỗ Thị Dung \\| 0/60 ngày \\| 0 ngày \\| ${dung.replace('.', '\\.')}`));
      expect(province!.text).not.toContain('Đủ yêu cầu');
    },
  );

  it('thư quý II không kể là chậm một cán bộ vào cơ quan từ 01/07 (chưa bắt đầu)', () => {
    // Lê Văn Mới joins on 01/07 with nothing done yet: on 27/06 his verdict says what he lacks, but the Q2 summary has
    // nothing to reproach him for.
    const newcomer = { name: 'Lê Văn Mới', position: 'Chuyên viên', ban: 'Ban Tuyên giáo', email: '', trips: [], start: '01/07/2023' };
    const tabs = provinceTabs(PEOPLE);
    tabs['Cán bộ'].push([PEOPLE.length + 1, newcomer.name, newcomer.position, newcomer.ban, '', '', '', '', '01/07/2023']);
    const workbook = MemoryWorkbook.fromTabs(tabs as never);
    const analysis = analyze(workbook, { settings: provinceSettings('kien-giang-2023'), today: '2023-06-27' as CalendarDate });
    const [, ...bans] = previewSummaries(analysis, 2, 'Ban Tuyên giáo', { spreadsheetUrl: null });
    expect(bans[0]!.text).not.toContain('Lê Văn Mới');
    expect(analysis.evaluation.cadres.find((c) => c.name === 'Lê Văn Mới')).toMatchObject({ notStartedYet: true, verdict: 'short-both' });
  });
});
