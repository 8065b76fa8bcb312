import { describe, expect, it } from 'vitest';
import type { PresetId } from '../../src/core/presets';
import { parseSentLog } from '../../src/core/email/sent-log';
import { SENT_LOG_KEY } from '../../src/sheets/email-run';
import { at, PEOPLE, provinceSettings, who } from './fixture';
import { loadClockAddon, vnDay } from './gas-harness';
import type { ScheduleStatus } from '../../src/sheets/schedule-status';

/** 1 January 2023, 00:00 in Vietnam. */
const NEW_YEAR = Date.UTC(2022, 11, 31, 17, 0, 0);
const DAY = 86_400_000;

/**
 * The whole year, day by day, through the pushed Code.js: the schedule is switched on at midnight on 1 January, the
 * fake clock fires the daily trigger every morning at ~07:00 until 31 December, and the outbox is read as a calendar.
 * One row per (day, email kind): "Q1" a quarterly summary, "nhắc dd/mm" a reminder before that deadline; then who
 * received it, in send order.
 */
const CALENDARS: Record<PresetId, string[]> = {
  // 06-HD §IV works by Đợt: registration 31/05 (2023) and 20/06, results reports 30/06 and 30/12; no quarterly report,
  // so no reminder of a 27th. The quarterly summary (users asked for it) goes on its default day, the 27th.
  'kien-giang-2023': [
    '2023-03-27 Q1: btckt bithu tg pt vanphong',
    '2023-05-24 nhắc 31/05: pt',
    '2023-06-13 nhắc 20/06: pt vanphong',
    '2023-06-23 nhắc 30/06: pt vanphong',
    '2023-06-27 Q2: btckt bithu tg pt vanphong',
    '2023-09-27 Q3: btckt bithu tg pt vanphong',
    '2023-12-23 nhắc 30/12: pt vanphong',
    '2023-12-27 Q4: btckt bithu tg pt vanphong',
  ],
  // 001 §III.1.2: mẫu 1 by 15/02, mẫu 2 by 20/02, mẫu 3 by the 27th of each quarter's last month (the summary's day).
  'tay-ninh-2023': [
    '2023-02-08 nhắc 15/02: pt',
    '2023-02-13 nhắc 20/02: pt',
    '2023-03-20 nhắc 27/03: pt',
    '2023-03-27 Q1: btckt bithu tg pt vanphong',
    '2023-06-20 nhắc 27/06: pt vanphong',
    '2023-06-27 Q2: btckt bithu tg pt vanphong',
    '2023-09-20 nhắc 27/09: pt vanphong',
    '2023-09-27 Q3: btckt bithu tg pt vanphong',
    '2023-12-20 nhắc 27/12: pt vanphong',
    '2023-12-27 Q4: btckt bithu tg pt vanphong',
  ],
  // Seed 000: the plan approved before the 5th of each quarter's first month (the last day on time is the 4th), a
  // báo cáo thu hoạch at quarter end (the summary's day). Quarter 1's plan reminder fell on 28/12/2022, before the
  // schedule was switched on.
  'ha-nam-2022': [
    '2023-03-24 nhắc 31/03: pt',
    '2023-03-28 nhắc 04/04: pt',
    '2023-03-31 Q1: btckt bithu tg pt vanphong',
    '2023-06-23 nhắc 30/06: pt vanphong',
    '2023-06-27 nhắc 04/07: pt vanphong',
    '2023-06-30 Q2: btckt bithu tg pt vanphong',
    '2023-09-23 nhắc 30/09: pt vanphong',
    '2023-09-27 nhắc 04/10: pt vanphong',
    '2023-09-30 Q3: btckt bithu tg pt vanphong',
    '2023-12-24 nhắc 31/12: pt vanphong',
    '2023-12-31 Q4: btckt bithu tg pt vanphong',
  ],
};

function tag(subject: string): string {
  const quarterly = /^\[1\+2\] Tổng hợp đi cơ sở quý (I|II|III|IV) năm 2023 – /.exec(subject);
  if (quarterly) return `Q${['I', 'II', 'III', 'IV'].indexOf(quarterly[1]!) + 1}`;
  const reminder = /^\[1\+2\] Nhắc hạn (\d\d\/\d\d)\/\d{4}: /.exec(subject);
  if (reminder) return `nhắc ${reminder[1]}`;
  throw new Error(`unexpected subject ${subject}`);
}

describe.each(Object.keys(CALENDARS) as PresetId[])('một năm gửi thư, bộ quy định %s', (preset) => {
  it('gửi đúng những thư này, đúng ngày, mỗi thư một lần', { timeout: 120_000 }, () => {
    const addon = loadClockAddon(
      NEW_YEAR,
      provinceSettings(preset, { schedule: { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 } }),
    );
    const status = addon.call('setSchedule', true) as { installed: boolean; installedBy: string; problem: string | null };
    expect(status).toMatchObject({ installed: true, installedBy: 'quantri@tinhdoan.example.vn', problem: null });
    addon.advance(365 * DAY - 1);

    const runs = addon.env.triggers.runs;
    expect(runs).toHaveLength(365);
    expect(runs.every((r) => r.error === null)).toBe(true);
    expect(new Set(runs.map((r) => vnDay(r.at))).size).toBe(365);

    const rows: string[] = [];
    for (const mail of addon.env.mail.outbox) {
      const key = `${vnDay(mail.at)} ${tag(mail.subject)}:`;
      const last = rows[rows.length - 1];
      if (last?.startsWith(key)) rows[rows.length - 1] = `${last} ${who(mail.to[0]!)}`;
      else rows.push(`${key} ${who(mail.to[0]!)}`);
    }
    expect(rows).toEqual(CALENDARS[preset]);

    // Every email exactly once: no (subject, recipient) pair twice.
    const pairs = addon.env.mail.outbox.map((m) => `${m.subject} → ${m.to.join(',')}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // HTML and plain text in every email; the Ban with no address is a recorded failure, never an email.
    expect(addon.env.mail.outbox.every((m) => m.htmlBody && m.body && m.to.length === 1)).toBe(true);
    const log = parseSentLog(addon.env.properties.document.map.get(SENT_LOG_KEY) ?? null, 2023).log;
    // Final ("will not go") once its window closed; Hà Nam's Q4 (31/12) may still go until 3 January.
    const q4 = preset === 'ha-nam-2022' ? 0 : 1;
    expect(log.failures.map((f) => `${f.i} ${f.w.join()} ${f.f}`)).toEqual([
      'q2023-1 Ban Công tác Thiếu nhi 1',
      'q2023-2 Ban Công tác Thiếu nhi 1',
      'q2023-3 Ban Công tác Thiếu nhi 1',
      `q2023-4 Ban Công tác Thiếu nhi ${q4}`,
    ]);

    // A second run on the last day sends nothing more.
    const before = addon.env.mail.outbox.length;
    addon.call('dailyRun');
    expect(addon.env.mail.outbox.length).toBe(before);
  });
});

/**
 * The same province, Kiên Giang's calendar, through a year with every gap of issue 10, one per quarter; the expected
 * outbox and failures are worked out by hand from the calendar above.
 * - All year: Ban Tuyên giáo's leader address is "quota.tg@…" and Google refuses it ("Invalid email: quota.tg@…").
 *   Only that Ban's summaries fail; nothing is taken for a used-up quota.
 * - Q2: no quota left on 27–30/06, the summaries' whole window: on 30/06 they are written down as not sent; on 01/07
 *   the user presses "Gửi bù" twice: the first sends them, the second nothing. Each press also tries again the
 *   summaries that failed for their address (Ban Tuyên giáo's, and Ban Công tác Thiếu nhi's, which has none), of Q1
 *   too: they stay listed.
 * - Q3: Google disables the trigger from 25/09 to 02/10 (the user reinstalls it on 02/10): the run of 03/10 finds the
 *   Q3 window closed unsent and writes it down; "Gửi bù" sends it.
 * - Q4: no quota on 27–29/12; on 30/12, the last day, the execution is killed after two sends (6-minute limit), so it
 *   writes nothing more: the run of 31/12 finds the rest unsent; "Gửi bù" sends it.
 */
describe('một năm có sự cố: không thư nào mất mà không có tên trong danh sách, gửi bù đúng một lần', () => {
  const QUOTA_TG = 'quota.tg@tinhdoan.example.vn';
  const NO_QUOTA = ['2023-06-27', '2023-06-28', '2023-06-29', '2023-06-30', '2023-12-27', '2023-12-28', '2023-12-29'];
  const vnTime = (day: string, hour: number) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour - 7);

  interface Resend {
    sent: { to: string; subject: string }[];
    message: string;
    status: { problem: string | null; resendable: number };
  }
  type Status = ScheduleStatus;

  it('gửi đúng những thư này, ghi đúng những thư không gửi được', { timeout: 120_000 }, () => {
    const people = PEOPLE.map((p) => (p.email === at('tg') ? { ...p, email: QUOTA_TG } : p));
    const addon = loadClockAddon(
      NEW_YEAR,
      provinceSettings('kien-giang-2023', { schedule: { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 } }),
      people,
    );
    addon.env.mail.refused.add(QUOTA_TG);
    const until = (day: string, hour: number, beforeRun?: (day: string) => void) =>
      addon.advance(vnTime(day, hour) - addon.env.clock.nowMs(), (d) => (NO_QUOTA.includes(d) ? 0 : 100), beforeRun);
    const resend = () => addon.call('sendMissedSummaries') as Resend;
    addon.call('setSchedule', true);

    until('2023-07-01', 9);
    const first = resend();
    expect(first.message).toBe('Đã gửi bù 4 thư báo cáo quý. Còn 4 thư chưa gửi được: xem lý do trong danh sách.');
    const second = resend();
    expect(second.sent).toEqual([]);
    expect(second.message).toBe('Chưa gửi bù được thư nào. Còn 4 thư chưa gửi được: xem lý do trong danh sách.');

    until('2023-09-24', 12);
    addon.env.triggers.disable(addon.env.triggers.list()[0]!.id);
    until('2023-10-02', 10);
    expect(addon.call('getScheduleStatus')).toMatchObject({ problem: 'stale', offerReinstall: true });
    addon.call('setSchedule', true);
    until('2023-10-03', 9);
    const gap = addon.call('getScheduleStatus') as Status;
    // The page must not say all is well: the Q3 summaries are listed as missed, and Gửi bù is offered.
    expect(gap.problem).toBe('unsent');
    expect(gap.failures.slice(0, 2).map((f) => [f.what, f.to, f.more, f.count, f.due, f.message, f.final, f.resendable])).toEqual([
      [
        'Thư tổng hợp quý III năm 2023 của ban',
        [
          { name: 'Thường trực Tỉnh đoàn', address: at('bithu') },
          { name: 'Ban Tuyên giáo', address: QUOTA_TG },
          { name: 'Ban Phong trào', address: at('pt') },
        ],
        2,
        5,
        '2023-09-27',
        'Lịch gửi hằng ngày không chạy, hoặc bị dừng giữa chừng, trong cả thời hạn gửi (27/09/2023–30/09/2023).',
        true,
        true,
      ],
      [
        'Thư tổng hợp quý III năm 2023 toàn tỉnh',
        [{ name: 'Toàn tỉnh', address: at('btckt') }],
        0,
        1,
        '2023-09-27',
        'Lịch gửi hằng ngày không chạy, hoặc bị dừng giữa chừng, trong cả thời hạn gửi (27/09/2023–30/09/2023).',
        true,
        true,
      ],
    ]);
    expect(resend().sent).toHaveLength(4);

    until('2023-12-31', 9, (day) => {
      if (day === '2023-12-30') addon.env.mail.killExecutionAfter(2);
    });
    expect(resend().sent.map((m) => who(m.to))).toEqual(['pt', 'vanphong']);
    addon.advance(vnTime('2024-01-01', 0) - 1 - addon.env.clock.nowMs());

    const rows: string[] = [];
    for (const mail of addon.env.mail.outbox) {
      const key = `${vnDay(mail.at)} ${tag(mail.subject)}:`;
      const last = rows[rows.length - 1];
      if (last?.startsWith(key)) rows[rows.length - 1] = `${last} ${who(mail.to[0]!)}`;
      else rows.push(`${key} ${who(mail.to[0]!)}`);
    }
    expect(rows).toEqual([
      '2023-03-27 Q1: btckt bithu pt vanphong',
      '2023-05-24 nhắc 31/05: pt',
      '2023-06-13 nhắc 20/06: pt vanphong',
      '2023-06-23 nhắc 30/06: pt vanphong',
      '2023-07-01 Q2: btckt bithu pt vanphong',
      '2023-10-03 Q3: btckt bithu pt vanphong',
      '2023-12-23 nhắc 30/12: pt vanphong',
      '2023-12-30 Q4: btckt bithu',
      '2023-12-31 Q4: pt vanphong',
    ]);
    const pairs = addon.env.mail.outbox.map((m) => `${m.subject} → ${m.to.join(',')}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Only the killed run ended in an error; the refused address never stopped a run.
    expect(addon.env.triggers.runs.filter((r) => r.error !== null).map((r) => [vnDay(r.at), r.error])).toEqual([
      ['2023-12-30', 'Exceeded maximum execution time'],
    ]);

    const log = parseSentLog(addon.env.properties.document.map.get(SENT_LOG_KEY) ?? null, 2023).log;
    const refused = 'Google không nhận địa chỉ “quota.tg@tinhdoan.example.vn”; hãy kiểm tra lại địa chỉ này.';
    const noAddress = 'Ban Công tác Thiếu nhi chưa có email lãnh đạo: thêm ở cột Email của tab Cán bộ hoặc trong Cài đặt.';
    expect(log.failures.map((f) => `${f.i} ${f.f} ${f.w.join()}: ${f.m}`)).toEqual(
      [1, 2, 3, 4].flatMap((q) => [`q2023-${q} 1 Ban Tuyên giáo <${QUOTA_TG}>: ${refused}`, `q2023-${q} 1 Ban Công tác Thiếu nhi: ${noAddress}`]),
    );
    const status = addon.call('getScheduleStatus') as Status;
    expect(status).toMatchObject({ problem: 'unsent', resendable: 8 });
    expect(status.message).toContain('Có 8 thư không được gửi và sẽ không tự gửi lại');
    expect(status.failures.every((f) => f.final && f.needsAddress)).toBe(true);
  });
});
