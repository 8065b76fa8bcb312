import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/core/calendar-date';
import { parseSentLog } from '../../src/core/email/sent-log';
import { emailTexts as say } from '../../src/core/email/texts';
import { runDailySends, sendTestSummary } from '../../src/sheets/email-run';
import { MemoryLogStore } from '../../src/sheets/email-send';
import { at, memoryContext, PEOPLE, provinceSettings, RecordingMailer, who } from './fixture';

const URL = 'https://docs.google.com/spreadsheets/d/abc123/edit';
const Q1_DAY = '2023-03-27';

function run(today: string, mailer: RecordingMailer, log: MemoryLogStore, settings = provinceSettings('kien-giang-2023'), people = PEOPLE) {
  return runDailySends(memoryContext(today, settings, people), mailer, log, { spreadsheetUrl: URL });
}

describe('runDailySends: never twice, never lost', () => {
  it('ngày báo cáo quý: thư toàn tỉnh trước, rồi mỗi ban; ban không có email được ghi lỗi', () => {
    const mailer = new RecordingMailer();
    const log = new MemoryLogStore();
    const outcome = run(Q1_DAY, mailer, log);
    expect(mailer.sent.map((m) => who(m.to))).toEqual(['btckt', 'bithu', 'tg', 'pt', 'vanphong']);
    expect(mailer.sent[0]!.subject).toBe('[1+2] Tổng hợp đi cơ sở quý I năm 2023 – Toàn tỉnh');
    expect(mailer.sent[2]!.subject).toBe('[1+2] Tổng hợp đi cơ sở quý I năm 2023 – Ban Tuyên giáo');
    expect(outcome.failures.map((f) => f.m)).toEqual(['Ban Công tác Thiếu nhi chưa có email lãnh đạo: thêm ở cột Email của tab Cán bộ hoặc trong Cài đặt.']);
    expect(mailer.sent.every((m) => m.htmlBody.includes(URL) && m.body.includes(URL) && m.name === 'Tiện ích 1+2 Tỉnh đoàn')).toBe(true);
  });

  it('chạy lần thứ hai trong cùng ngày không gửi gì', () => {
    const log = new MemoryLogStore();
    run(Q1_DAY, new RecordingMailer(), log);
    const again = new RecordingMailer();
    const outcome = run(Q1_DAY, again, log);
    expect(again.sent).toEqual([]);
    expect(outcome.sent).toEqual([]);
  });

  it.each([0, 1, 2, 3, 4])('bị dừng sau %i thư: lần chạy sau gửi phần còn lại, không trùng', (k) => {
    const log = new MemoryLogStore();
    const first = new RecordingMailer(100, k);
    expect(() => run(Q1_DAY, first, log)).toThrow('Exceeded maximum execution time');
    expect(first.sent).toHaveLength(k);
    const next = new RecordingMailer();
    run(addDays(Q1_DAY as CalendarDate, 1), next, log);
    const all = [...first.sent, ...next.sent].map((m) => m.to);
    expect(all.sort()).toEqual(['btckt', 'bithu', 'tg', 'pt', 'vanphong'].map(at).sort());
    // A third run finds everything in the log.
    const third = new RecordingMailer();
    run(addDays(Q1_DAY as CalendarDate, 2), third, log);
    expect(third.sent).toEqual([]);
  });

  it('hạn mức còn 3: gửi thư toàn tỉnh trước, để phần còn lại hôm sau', () => {
    const log = new MemoryLogStore();
    const day1 = new RecordingMailer(3);
    const outcome = run(Q1_DAY, day1, log);
    expect(day1.sent.map((m) => who(m.to))).toEqual(['btckt', 'bithu', 'tg']);
    expect(outcome.deferred).toBe(2);
    const day2 = new RecordingMailer(3);
    run('2023-03-28', day2, log);
    expect(day2.sent.map((m) => who(m.to))).toEqual(['pt', 'vanphong']);
  });

  it('hết hạn mức quá số ngày gửi bù: ghi lỗi thay vì bỏ qua im lặng', () => {
    const log = new MemoryLogStore();
    for (const day of ['2023-03-27', '2023-03-28', '2023-03-29']) run(day, new RecordingMailer(0), log);
    const last = run('2023-03-30', new RecordingMailer(0), log);
    // Nothing is left for a next run: the window closes today.
    expect(last).toMatchObject({ deferred: 0, stoppedBy: 'quota' });
    // One entry per item, naming every recipient, final: the window closes today.
    expect(last.failures.filter((f) => f.m === say.quotaLost).map((f) => [f.i, f.f, f.w])).toEqual([
      ['p2023-1', 1, [`Toàn tỉnh <${at('btckt')}>`]],
      [
        'q2023-1',
        1,
        [`Thường trực Tỉnh đoàn <${at('bithu')}>`, `Ban Tuyên giáo <${at('tg')}>`, `Ban Phong trào <${at('pt')}>`, `Văn phòng <${at('vanphong')}>`],
      ],
    ]);
    expect(run('2023-03-31', new RecordingMailer(), log).sent).toEqual([]);
  });

  it('một địa chỉ sai được báo lỗi, các thư khác vẫn đi', () => {
    const people = PEOPLE.map((p) => (p.email === at('tg') ? { ...p, email: 'tg at tinhdoan' } : p));
    const mailer = new RecordingMailer();
    const log = new MemoryLogStore();
    const outcome = run(Q1_DAY, mailer, log, provinceSettings('kien-giang-2023'), people);
    expect(mailer.sent.map((m) => who(m.to))).toEqual(['btckt', 'bithu', 'pt', 'vanphong']);
    expect(outcome.failures.map((f) => f.m)).toContain('Địa chỉ email “tg at tinhdoan” không hợp lệ nên thư không được gửi.');
    const stored = parseSentLog(log.value, 2023).log;
    expect(stored.failures.map((f) => f.w)).toEqual([['Ban Tuyên giáo <tg at tinhdoan>'], ['Ban Công tác Thiếu nhi']]);
  });

  it('lỡ một ngày (trigger bị tắt) vẫn gửi bù trong 3 ngày, không bao giờ gửi sớm', () => {
    expect(run('2023-03-26', new RecordingMailer(), new MemoryLogStore()).sent).toEqual([]);
    expect(run('2023-03-30', new RecordingMailer(), new MemoryLogStore()).sent).toHaveLength(5);
    expect(run('2023-03-31', new RecordingMailer(), new MemoryLogStore()).sent).toEqual([]);
  });

  it('tắt lịch trong Cài đặt thì không gửi gì', () => {
    const settings = provinceSettings('kien-giang-2023', { schedule: { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 } });
    const outcome = run(Q1_DAY, new RecordingMailer(), new MemoryLogStore(), settings);
    expect(outcome.state).toBe('disabled');
  });

  it('gửi thử: báo cáo quý hiện tại cho riêng người dùng, có [THỬ], không ghi vào nhật ký', () => {
    const mailer = new RecordingMailer();
    const ctx = memoryContext('2023-05-10', provinceSettings('kien-giang-2023'));
    const sent = sendTestSummary(ctx, mailer, { spreadsheetUrl: URL });
    expect(sent).toEqual({ to: at('nguoidung'), subject: '[THỬ] [1+2] Tổng hợp đi cơ sở quý II năm 2023 – Toàn tỉnh' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.htmlBody).toContain('THƯ GỬI THỬ');
    expect(() => sendTestSummary({ ...ctx, user: '' }, mailer, { spreadsheetUrl: URL })).toThrow(/Không xác định được email/);
    expect(() => sendTestSummary(ctx, new RecordingMailer(0), { spreadsheetUrl: URL })).toThrow(/hết hạn mức/);
  });
});
