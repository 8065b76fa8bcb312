import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { CATCH_UP_DAYS, reminderDeadlines } from '../../src/core/email/plan';
import { PRESETS } from '../../src/core/presets';
import { quarterlyReportDate } from '../../src/core/period';
import {
  emptySentLog, isSent, markSent, parseSentLog, PROPERTY_VALUE_LIMIT, recordFailure, serializeSentLog, utf8Length, type SentLog,
} from '../../src/core/email/sent-log';

const BANS = Array.from({ length: 60 }, (_, i) => `ban so ${i + 1}|truongban${i + 1}@tinhdoan.example.vn`);
const BTCKT = ['btckt1@tinhdoan.example.vn', 'btckt2@tinhdoan.example.vn', 'btckt3@tinhdoan.example.vn'];

/** Everything a year can send in a 60-Ban province: 4 quarters × (3 BTC-KT + 60 Bans), every reminder to every Ban. */
function fillYear(log: SentLog, year: number): number {
  const policy = PRESETS['kien-giang-2023'].policy;
  let sends = 0;
  for (const q of [1, 2, 3, 4] as const) {
    const d = quarterlyReportDate(policy, year, q);
    for (const to of BTCKT) (markSent(log, `p${year}-${q}`, to, d), sends++);
    for (const b of BANS) (markSent(log, `q${year}-${q}`, b, d), sends++);
  }
  for (const deadline of reminderDeadlines(policy, year)) {
    for (const b of BANS) (markSent(log, `r${year}-${deadline.id}`, b, deadline.date), sends++);
  }
  return sends;
}

function twentyFailures(log: SentLog, year: number) {
  for (let i = 0; i < 25; i++) {
    recordFailure(log, { d: `${year}-12-2${i % 10}`, i: `q${year}-4`, to: `Ban Công tác Thanh thiếu nhi và Trường học số ${i} <dia-chi-rat-dai-${i}@tinhdoan.example.vn>`, m: 'Địa chỉ email “dia-chi-rat-dai@tinhdoan.example.vn” không hợp lệ nên thư không được gửi. Hãy sửa ở cột Email của tab Cán bộ.' }, `k${i}`);
  }
}

describe('sent-log', () => {
  it('a 60-Ban province, a whole year of sends, then the next year too: under the 9 KB property limit, nothing forgotten', () => {
    const log = emptySentLog(2023);
    const sends2023 = fillYear(log, 2023);
    const clean = serializeSentLog(log, '2023-12-31' as CalendarDate, CATCH_UP_DAYS);
    // Without failures, a whole year fits with every recipient of every item kept.
    expect(Object.values(parseSentLog(clean, 2023).log.sent).every((e) => e.r !== undefined)).toBe(true);
    twentyFailures(log, 2023);
    const json2023 = serializeSentLog(log, '2023-12-31' as CalendarDate, CATCH_UP_DAYS);
    const back = parseSentLog(json2023, 2023).log;
    log.year = 2024;
    const sends2024 = fillYear(back, 2024);
    back.year = 2024;
    twentyFailures(back, 2024);
    const json2024 = serializeSentLog(back, '2024-12-31' as CalendarDate, CATCH_UP_DAYS);
    console.info(`sent-log: ${sends2023} sends in 2023 → ${utf8Length(clean)} bytes, with 20 long failures ${utf8Length(json2023)} bytes; with 2024's ${sends2024} → ${utf8Length(json2024)} bytes (limit ${PROPERTY_VALUE_LIMIT})`);
    expect(sends2023).toBe(4 * 63 + 8 * 60);
    expect(utf8Length(json2023)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect(utf8Length(json2024)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    const reread = parseSentLog(json2024, 2024).log;
    expect(BANS.every((b) => isSent(reread, 'q2024-4', b) && isSent(reread, 'r2024-bao-cao-dot-2', b))).toBe(true);
    expect(isSent(reread, 'q2024-4', 'ban khac|ai-do@tinhdoan.example.vn')).toBe(false);
    expect(reread.failures).toHaveLength(20);
    expect(Object.keys(reread.sent).filter((k) => k.includes('2023')).every((k) => reread.sent[k]!.r === undefined)).toBe(true);
  });

  it('drops years before the previous one; keeps items inside their catch-up window in full', () => {
    const log = emptySentLog(2025);
    markSent(log, 'q2023-4', 'a@b.vn', '2023-12-27' as CalendarDate);
    markSent(log, 'q2024-4', 'a@b.vn', '2024-12-31' as CalendarDate);
    const json = serializeSentLog(log, '2025-01-02' as CalendarDate, CATCH_UP_DAYS);
    const back = parseSentLog(json, 2025).log;
    expect(Object.keys(back.sent)).toEqual(['q2024-4']);
    expect(back.sent['q2024-4']!.r).toHaveLength(6);
  });

  it('a corrupt value starts a new log with a warning, never an error', () => {
    expect(parseSentLog('{not json', 2023)).toMatchObject({ log: { v: 1, year: 2023, sent: {} }, warning: expect.stringContaining('hỏng') });
    expect(parseSentLog(null, 2023).warning).toBeNull();
  });

  it('a later successful send clears the failure of the same recipient', () => {
    const log = emptySentLog(2023);
    recordFailure(log, { d: '2023-03-27', i: 'q2023-1', to: 'x', m: 'lỗi' }, 'ban|x@y.vn');
    recordFailure(log, { d: '2023-03-28', i: 'q2023-1', to: 'x', m: 'lỗi' }, 'ban|x@y.vn');
    expect(log.failures).toHaveLength(1);
    markSent(log, 'q2023-1', 'ban|x@y.vn', '2023-03-29' as CalendarDate);
    expect(log.failures).toEqual([]);
  });
});
