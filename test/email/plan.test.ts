import { describe, expect, it } from 'vitest';
import { MemoryLogStore, runDailySends } from '../../src/sheets/email-run';
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

  it('reminderDaysBefore is a setting: 3 days before the mẫu 3 of quarter 1', () => {
    const settings = provinceSettings('kien-giang-2023', { schedule: { enabled: true, quarterlySummary: true, reminders: true, reminderDaysBefore: 3 } });
    expect(sendsOn('2023-03-20', settings)).toEqual([]);
    expect(sendsOn('2023-03-24', settings)).toEqual(['[1+2] Nhắc hạn 27/03/2023: Gửi báo cáo kết quả đi cơ sở quý 1/2023 (mẫu 3) – Ban Phong trào → pt']);
  });

  it('a reminder is never sent after its deadline, even in the catch-up window', () => {
    const settings = provinceSettings('kien-giang-2023', { schedule: { enabled: true, quarterlySummary: false, reminders: true, reminderDaysBefore: 1 } });
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

  it('on the first days of the period nobody is behind by pace: everyone has done nothing yet', () => {
    // The whole year registered, nothing done yet. Hà Nam's 05/01 reminder is sent on 1 January (catch-up window):
    // only Ban Phong trào lacks something (Đỗ Thị Dung registered nothing). By 24 March the same sheet is behind
    // everywhere: 83 days in, nobody has done a day.
    const planned = PEOPLE.map((p) => ({ ...p, trips: p.trips.map(([kind, from, to]) => [kind, from, to, 'Đăng ký'] as [string, string, string, string]) }));
    const recipients = (today: string) => {
      const mailer = new RecordingMailer();
      runDailySends(memoryContext(today, provinceSettings('ha-nam-2022'), planned), mailer, new MemoryLogStore(), { spreadsheetUrl: null });
      return mailer.sent.filter((m) => m.subject.includes('Nhắc hạn')).map((m) => who(m.to));
    };
    expect(recipients('2023-01-01')).toEqual(['pt']);
    expect(recipients('2023-03-24')).toEqual(['bithu', 'tg', 'pt', 'vanphong']);
  });
});
