import { describe, expect, it } from 'vitest';
import { runDailySends } from '../../src/sheets/email-run';
import { MemoryLogStore } from '../../src/sheets/email-send';
import { memoryContext, PEOPLE, provinceSettings, RecordingMailer, who } from './fixture';

function sendsOn(today: string, settings: ReturnType<typeof provinceSettings>) {
  const mailer = new RecordingMailer();
  runDailySends(memoryContext(today, settings), mailer, new MemoryLogStore(), { spreadsheetUrl: null });
  return mailer.sent.map((m) => `${m.subject} → ${who(m.to)}`);
}

describe('planSends: the calendar', () => {
  it('Kiên Giang 2024: Đợt 1 registration is due 20/12 of the year before; reminded on 13/12/2023', () => {
    const settings = provinceSettings('kien-giang-2023', { year: 2024 });
    expect(sendsOn('2023-12-12', settings)).toEqual([]);
    expect(sendsOn('2023-12-13', settings)).toEqual(
      ['bithu', 'tg', 'pt', 'vanphong'].map(
        (w) =>
          `[1+2] Nhắc hạn 20/12/2023: Gửi đăng ký đi cơ sở đợt 1 – ${{ bithu: 'Thường trực Tỉnh đoàn', tg: 'Ban Tuyên giáo', pt: 'Ban Phong trào', vanphong: 'Văn phòng' }[w]} → ${w}`,
      ),
    );
  });

  it('Tây Ninh 001 §III.1.2: reminderDaysBefore is a setting: 3 days before the mẫu 3 of quarter 1 (the 27th)', () => {
    const settings = provinceSettings('tay-ninh-2023', { schedule: { enabled: true, quarterlySummary: true, reminders: true, reminderDaysBefore: 3 } });
    expect(sendsOn('2023-03-20', settings)).toEqual([]);
    expect(sendsOn('2023-03-24', settings)).toEqual([
      '[1+2] Nhắc hạn 27/03/2023: Gửi báo cáo kết quả đi cơ sở của ban (mẫu 3) quý I năm 2023 – Ban Phong trào → pt',
    ]);
  });

  it('Kiên Giang 06-HD has no quarterly report: nothing reminds of a mẫu 3 or of a 27th', () => {
    const settings = provinceSettings('kien-giang-2023', { schedule: { enabled: true, quarterlySummary: false, reminders: true, reminderDaysBefore: 3 } });
    for (const day of ['2023-03-24', '2023-06-24', '2023-09-24', '2023-12-24']) expect(sendsOn(day, settings)).toEqual([]);
  });

  it('a reminder is never sent after its deadline, even in the catch-up window', () => {
    const settings = provinceSettings('tay-ninh-2023', { schedule: { enabled: true, quarterlySummary: false, reminders: true, reminderDaysBefore: 1 } });
    expect(sendsOn('2023-03-27', settings)).toHaveLength(1);
    expect(sendsOn('2023-03-28', settings)).toEqual([]);
  });

  it('summaries and reminders can each be switched off', () => {
    const noSummary = provinceSettings('kien-giang-2023', { schedule: { enabled: true, quarterlySummary: false, reminders: true, reminderDaysBefore: 7 } });
    expect(sendsOn('2023-03-27', noSummary)).toEqual([]);
    const noReminders = provinceSettings('kien-giang-2023', { schedule: { enabled: true, quarterlySummary: true, reminders: false, reminderDaysBefore: 7 } });
    expect(sendsOn('2023-03-20', noReminders)).toEqual([]);
  });

  it('the reminder says what is missing in that Ban', () => {
    const mailer = new RecordingMailer();
    runDailySends(memoryContext('2023-06-13', provinceSettings('kien-giang-2023')), mailer, new MemoryLogStore(), { spreadsheetUrl: null });
    const vp = mailer.sent.find((m) => who(m.to) === 'vanphong')!;
    expect(vp.body).toContain('Đợt đã qua ngày kết thúc nhưng chưa đánh dấu “Đã thực hiện” (1)');
    expect(vp.body).toContain('Hoàng Thị Phương: 1 đợt');
    const pt = mailer.sent.find((m) => who(m.to) === 'pt')!;
    expect(pt.body).toContain('Cán bộ chưa đăng ký đợt nào từ 01/07/2023 đến 31/12/2023 (1)');
    expect(pt.body).toContain('Đỗ Thị Dung');
    expect(pt.body).toContain('Hạn: ngày 20/06/2023 (còn 7 ngày)');
  });

  it('Hà Nam “trước ngày mùng 5”: the reminder of the 5 January plan goes 7 days before the 4th; a registration left past its end makes a Ban behind', () => {
    // The whole year registered, nothing done yet. The plan for quarter 1 must be approved before 05/01/2023: the last
    // day on time is 04/01, so the reminder is due 28/12/2022 (7 days before). Only Ban Phong trào lacks something
    // (Đỗ Thị Dung registered nothing). On 24/03, 7 days before the quarter's báo cáo thu hoạch (31/03), every Ban is
    // behind: its January trip, still "Đăng ký" after its end, counts nowhere (DOMAIN "Counting days"), leaving 51 days.
    const planned = PEOPLE.map((p) => ({
      ...p,
      trips: p.trips.map(([kind, from, to, , place]) => [kind, from, to, 'Đăng ký', place] as [string, string, string, string, string?]),
    }));
    const recipients = (today: string) => {
      const mailer = new RecordingMailer();
      runDailySends(memoryContext(today, provinceSettings('ha-nam-2022'), planned), mailer, new MemoryLogStore(), { spreadsheetUrl: null });
      return mailer.sent.filter((m) => m.subject.includes('Nhắc hạn')).map((m) => `${who(m.to)}: ${m.subject}`);
    };
    expect(recipients('2022-12-27')).toEqual([]);
    expect(recipients('2022-12-28')).toEqual(['pt: [1+2] Nhắc hạn 04/01/2023: Kế hoạch đi cơ sở được phê duyệt quý I năm 2023 – Ban Phong trào']);
    expect(recipients('2023-03-24').map((r) => r.split(':')[0])).toEqual(['bithu', 'tg', 'pt', 'vanphong']);
  });
});
