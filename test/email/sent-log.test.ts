import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { CATCH_UP_DAYS, reminderDeadlines } from '../../src/core/email/plan';
import { PRESETS } from '../../src/core/presets';
import { quarterlySummaryDate } from '../../src/core/period';
import {
  emptySentLog,
  isGivenUp,
  isSent,
  markSent,
  parseSentLog,
  PROPERTY_VALUE_LIMIT,
  recordFailure,
  serializeSentLog,
  utf8Length,
  type SentLog,
} from '../../src/core/email/sent-log';

const BANS = Array.from({ length: 60 }, (_, i) => `ban so ${i + 1}|truongban${i + 1}@tinhdoan.example.vn`);
const BTCKT = ['btckt1@tinhdoan.example.vn', 'btckt2@tinhdoan.example.vn', 'btckt3@tinhdoan.example.vn'];

/**
 * Everything a year can send in a 60-Ban province: 4 quarters × (3 BTC-KT + 60 Bans), every reminder to every Ban.
 * Hà Nam has the most reminders a year (a plan and a report each quarter: 8).
 */
function fillYear(log: SentLog, year: number, skipQuarter: number | null = null): number {
  const policy = PRESETS['ha-nam-2022'].policy;
  let sends = 0;
  for (const q of [1, 2, 3, 4] as const) {
    if (q === skipQuarter) continue;
    const d = quarterlySummaryDate(policy, year, q);
    for (const to of BTCKT) {
      markSent(log, `p${year}-${q}`, to, d);
      sends++;
    }
    for (const b of BANS) {
      markSent(log, `q${year}-${q}`, b, d);
      sends++;
    }
  }
  for (const deadline of reminderDeadlines(policy, year)) {
    for (const b of BANS) {
      markSent(log, `r${year}-${deadline.id}`, b, deadline.date);
      sends++;
    }
  }
  return sends;
}

function twentyFailures(log: SentLog, year: number) {
  for (let i = 0; i < 25; i++) {
    const d = `${year}-12-2${i % 10}` as CalendarDate;
    recordFailure(
      log,
      {
        d,
        i: `q${year}-4`,
        u: d,
        m: 'Địa chỉ email “dia-chi-rat-dai@tinhdoan.example.vn” không hợp lệ nên thư không được gửi. Hãy sửa ở cột Email của tab Cán bộ.',
        final: false,
      },
      [{ target: `k${i}`, name: `Ban Công tác Thanh thiếu nhi và Trường học số ${i} <dia-chi-rat-dai-${i}@tinhdoan.example.vn>` }],
    );
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
    console.info(
      `sent-log: ${sends2023} sends in 2023 → ${utf8Length(clean)} bytes, with 20 long failures ${utf8Length(json2023)} bytes; with 2024's ${sends2024} → ${utf8Length(json2024)} bytes (limit ${PROPERTY_VALUE_LIMIT})`,
    );
    expect(sends2023).toBe(4 * 63 + 8 * 60);
    expect(utf8Length(json2023)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect(utf8Length(json2024)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    const reread = parseSentLog(json2024, 2024).log;
    expect(BANS.every((b) => isSent(reread, 'q2024-4', b) && isSent(reread, 'r2024-thu-hoach-quy-q4', b))).toBe(true);
    expect(isSent(reread, 'q2024-4', 'ban khac|ai-do@tinhdoan.example.vn')).toBe(false);
    expect(reread.failures).toHaveLength(20);
    expect(
      Object.keys(reread.sent)
        .filter((k) => k.includes('2023'))
        .every((k) => reread.sent[k]!.r === undefined),
    ).toBe(true);
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
    const failure = (d: string) => ({ d: d as CalendarDate, i: 'q2023-1', u: '2023-03-27' as CalendarDate, m: 'lỗi', final: false });
    recordFailure(log, failure('2023-03-27'), [{ target: 'ban|x@y.vn', name: 'x' }]);
    recordFailure(log, failure('2023-03-28'), [{ target: 'ban|x@y.vn', name: 'x' }]);
    expect(log.failures).toHaveLength(1);
    markSent(log, 'q2023-1', 'ban|x@y.vn', '2023-03-29' as CalendarDate);
    expect(log.failures).toEqual([]);
  });

  it('a failure naming several recipients: each send takes its recipient out, the last one the whole entry', () => {
    const log = emptySentLog(2023);
    const d = '2023-04-03' as CalendarDate;
    recordFailure(log, { d, i: 'q2023-1', u: '2023-03-27' as CalendarDate, m: 'lỡ hạn', final: true }, [
      { target: 'ban tuyen giao', name: 'Ban Tuyên giáo' },
      { target: 'ban phong trao', name: 'Ban Phong trào' },
    ]);
    expect(isGivenUp(log, 'q2023-1', 'ban phong trao')).toBe(true);
    markSent(log, 'q2023-1', 'ban tuyen giao|tg@x.vn', d, 'ban tuyen giao');
    expect(log.failures.map((f) => f.w)).toEqual([['Ban Phong trào']]);
    markSent(log, 'q2023-1', 'ban phong trao|pt@x.vn', d, 'ban phong trao');
    expect(log.failures).toEqual([]);
    expect(isGivenUp(log, 'q2023-1', 'ban phong trao')).toBe(false);
  });

  it('a recipient keeps only its latest reason; past 20 entries the ones that will be retried go first', () => {
    const log = emptySentLog(2023);
    const at = (i: number) => ({ d: '2023-06-30' as CalendarDate, i: `q2023-2`, u: '2023-06-27' as CalendarDate, m: `lý do ${i}`, final: i === 0 });
    recordFailure(log, at(0), [
      { target: 'a', name: 'A' },
      { target: 'b', name: 'B' },
    ]);
    recordFailure(log, { ...at(1), final: true }, [{ target: 'b', name: 'B' }]);
    expect(log.failures.map((f) => `${f.m}: ${f.w.join()}`)).toEqual(['lý do 0: A', 'lý do 1: B']);
    for (let i = 2; i < 30; i++) recordFailure(log, at(i), [{ target: `k${i}`, name: `K${i}` }]);
    expect(log.failures).toHaveLength(20);
    expect(log.failures.slice(0, 2).map((f) => f.m)).toEqual(['lý do 0', 'lý do 1']);
    expect(log.failures.at(-1)!.m).toBe('lý do 29');
  });

  it('a 60-Ban province whose whole Q2 window was missed, with 20 long failures besides: under 9 KB, every missed recipient kept', () => {
    const log = emptySentLog(2023);
    fillYear(log, 2023, 2);
    const d = '2023-07-03' as CalendarDate;
    const missed = {
      d,
      u: '2023-06-27' as CalendarDate,
      m: 'Lịch gửi hằng ngày không chạy, hoặc bị dừng giữa chừng, trong cả thời hạn gửi (27/06/2023–30/06/2023).',
      final: true,
    };
    recordFailure(
      log,
      { ...missed, i: 'p2023-2' },
      BTCKT.map((b) => ({ target: b, name: `Toàn tỉnh <${b}>` })),
    );
    recordFailure(
      log,
      { ...missed, i: 'q2023-2' },
      BANS.map((b) => ({ target: b.split('|')[0]!, name: `Ban Công tác Thanh thiếu nhi và Trường học số ${b.split(' ')[2]} <${b.split('|')[1]}>` })),
    );
    twentyFailures(log, 2023);
    const json = serializeSentLog(log, '2023-12-31' as CalendarDate, CATCH_UP_DAYS);
    expect(utf8Length(json)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    const back = parseSentLog(json, 2023).log;
    expect(BANS.every((b) => isGivenUp(back, 'q2023-2', b.split('|')[0]!))).toBe(true);
    expect(BTCKT.every((b) => isGivenUp(back, 'p2023-2', b))).toBe(true);
    expect(back.failures.filter((f) => f.f === 1).map((f) => f.w.length)).toEqual([3, 60]);
    // Nothing sent is forgotten: compacted items still answer "sent" for everyone.
    expect(BANS.every((b) => isSent(back, 'q2023-1', b))).toBe(true);
  });

  it('reads failures of the first format (one recipient under "to") and clears them on a later send', () => {
    const json = JSON.stringify({
      v: 1,
      year: 2023,
      sent: {},
      failures: [{ d: '2023-03-27', i: 'q2023-1', to: 'Ban Tuyên giáo <tg@x.vn>', m: 'lỗi', h: '' }],
    });
    const first = parseSentLog(json, 2023).log;
    expect(first.failures).toEqual([{ d: '2023-03-27', i: 'q2023-1', u: '', m: 'lỗi', f: 0, w: ['Ban Tuyên giáo <tg@x.vn>'], h: '' }]);
    const log = emptySentLog(2023);
    recordFailure(log, { d: '2023-03-27' as CalendarDate, i: 'q2023-1', u: '2023-03-27' as CalendarDate, m: 'lỗi', final: false }, [
      { target: 'ban|tg@x.vn', name: 'Ban Tuyên giáo' },
    ]);
    const old = JSON.parse(serializeSentLog(log, '2023-03-27' as CalendarDate, CATCH_UP_DAYS)) as { failures: Record<string, unknown>[] };
    old.failures = old.failures.map(({ d, i, m, h }) => ({ d, i, to: 'Ban Tuyên giáo', m, h }));
    const reread = parseSentLog(JSON.stringify(old), 2023).log;
    markSent(reread, 'q2023-1', 'ban|tg@x.vn', '2023-03-28' as CalendarDate, 'ban');
    expect(reread.failures).toEqual([]);
  });
});
