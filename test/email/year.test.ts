import { describe, expect, it } from 'vitest';
import type { PresetId } from '../../src/core/presets';
import { parseSentLog } from '../../src/core/email/sent-log';
import { SENT_LOG_KEY } from '../../src/sheets/email-run';
import { provinceSettings, who } from './fixture';
import { loadClockAddon, vnDay } from './gas-harness';

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
  'kien-giang-2023': [
    '2023-03-20 nhắc 27/03: pt',
    '2023-03-27 Q1: btckt bithu tg pt vanphong',
    '2023-05-24 nhắc 31/05: pt',
    '2023-06-13 nhắc 20/06: pt vanphong',
    '2023-06-20 nhắc 27/06: pt vanphong',
    '2023-06-23 nhắc 30/06: pt vanphong',
    '2023-06-27 Q2: btckt bithu tg pt vanphong',
    '2023-09-20 nhắc 27/09: pt vanphong',
    '2023-09-27 Q3: btckt bithu tg pt vanphong',
    '2023-12-20 nhắc 27/12: pt vanphong',
    '2023-12-23 nhắc 30/12: pt vanphong',
    '2023-12-27 Q4: btckt bithu tg pt vanphong',
  ],
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
  'ha-nam-2022': [
    // The 05/01 plan deadline's reminder day (29/12/2022) is within the catch-up window on 1 January: sent once.
    '2023-01-01 nhắc 05/01: pt',
    '2023-03-24 nhắc 31/03: pt',
    '2023-03-29 nhắc 05/04: pt',
    '2023-03-31 Q1: btckt bithu tg pt vanphong',
    '2023-06-23 nhắc 30/06: pt vanphong',
    '2023-06-28 nhắc 05/07: pt vanphong',
    '2023-06-30 Q2: btckt bithu tg pt vanphong',
    '2023-09-23 nhắc 30/09: pt vanphong',
    '2023-09-28 nhắc 05/10: pt vanphong',
    '2023-09-30 Q3: btckt bithu tg pt vanphong',
    '2023-12-24 nhắc 31/12: pt vanphong',
    '2023-12-31 Q4: btckt bithu tg pt vanphong',
  ],
};

function tag(subject: string): string {
  const quarterly = /^\[1\+2\] Báo cáo quý (\d)\/2023 – /.exec(subject);
  if (quarterly) return `Q${quarterly[1]}`;
  const reminder = /^\[1\+2\] Nhắc hạn (\d\d\/\d\d)\/\d{4}: /.exec(subject);
  if (reminder) return `nhắc ${reminder[1]}`;
  throw new Error(`unexpected subject ${subject}`);
}

describe.each(Object.keys(CALENDARS) as PresetId[])('một năm gửi thư, bộ quy định %s', (preset) => {
  it('gửi đúng những thư này, đúng ngày, mỗi thư một lần', { timeout: 120_000 }, () => {
    const addon = loadClockAddon(NEW_YEAR, provinceSettings(preset, { schedule: { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 } }));
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
    expect(log.failures.map((f) => `${f.i} ${f.to}`)).toEqual(['q2023-1', 'q2023-2', 'q2023-3', 'q2023-4'].map((i) => `${i} Ban Công tác Thiếu nhi`));

    // A second run on the last day sends nothing more.
    const before = addon.env.mail.outbox.length;
    addon.call('dailyRun');
    expect(addon.env.mail.outbox.length).toBe(before);
  });
});
