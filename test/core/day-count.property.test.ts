import fc from 'fast-check';
import { NO_APPROVAL } from '../../src/core/approval';
import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive, type CalendarDate } from '../../src/core/calendar-date';
import { countedDays, countedWindow, unionLength } from '../../src/core/day-count';
import { evaluate } from '../../src/core/evaluate';
import type { Cadre, Trip } from '../../src/core/model';
import { PRESETS } from '../../src/core/presets';
import { CONTENT_KINDS } from '../../src/core/vocabulary';

const period = { start: '2023-01-01' as CalendarDate, end: '2023-12-31' as CalendarDate };
const policy = PRESETS['kien-giang-2023'].policy;

const tripArb = fc
  .record({
    start: fc.integer({ min: -20, max: 380 }),
    length: fc.integer({ min: 1, max: 40 }),
    declaredShare: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    kind: fc.constantFrom(...CONTENT_KINDS),
    status: fc.constantFrom('done', 'done', 'registered', 'approved', 'cancelled'),
  })
  .map(({ start, length, declaredShare, kind, status }) => {
    const from = addDays('2023-01-01' as CalendarDate, start);
    const to = addDays(from, length - 1);
    return { from, to, declaredDays: declaredShare === null ? null : Math.min(declaredShare, length), kind, status } as const;
  });

function asTrips(list: readonly { from: CalendarDate; to: CalendarDate; declaredDays: number | null; kind: Trip['kind']; status: string }[]): Trip[] {
  return list.map((t, i) => ({
    row: i + 2,
    cadre: 0,
    kind: t.kind,
    kindUnclear: false,
    detail: '',
    declaredDays: t.declaredDays,
    from: t.from,
    to: t.to,
    place: '',
    level: '',
    placeLevel: null,
    status: t.status as Trip['status'],
    registeredOn: null,
    urgent: null,
    approval: NO_APPROVAL,
    confirmed: null,
    reported: null,
    score: null,
    evidence: null,
    result: '',
  }));
}

const cadre: Cadre = {
  index: 0,
  row: 2,
  name: 'A',
  position: '',
  ban: 'B',
  group: 'chuyen-vien',
  email: '',
  exemption: null,
  exemptionWindow: null,
  waiver: null,
  startDate: null,
  reminder: null,
};
const run = (trips: Trip[]) =>
  evaluate({
    cadres: [cadre],
    trips,
    policy,
    year: 2023,
    today: '2023-12-31' as CalendarDate,
    processColumns: { registeredOn: false, confirmed: false, reported: false, score: false, evidence: false, level: false, reminder: false, approval: false },
    tripsTab: 'T',
  }).cadres[0]!;

describe('bất biến của cách đếm ngày', () => {
  it('số ngày tính ≤ tổng số ngày khai và ≤ số ngày lịch của hợp các khung', () => {
    fc.assert(
      fc.property(fc.array(tripArb, { maxLength: 25 }), (list) => {
        const windows = list.flatMap((t) => countedWindow(t, period) ?? []);
        const counted = countedDays(windows);
        expect(counted).toBeLessThanOrEqual(windows.reduce((s, w) => s + w.days, 0));
        expect(counted).toBeLessThanOrEqual(unionLength(windows));
        expect(counted).toBeLessThanOrEqual(365);
        expect(counted).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('không phụ thuộc thứ tự các dòng', () => {
    fc.assert(
      fc.property(
        fc
          .array(tripArb, { maxLength: 20 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          const a = run(asTrips(list));
          const b = run(asTrips(shuffled));
          expect([b.daysDone, b.daysProjected, b.roundsDone, b.roundsProjected, b.status]).toEqual([
            a.daysDone,
            a.daysProjected,
            a.roundsDone,
            a.roundsProjected,
            a.status,
          ]);
        },
      ),
    );
  });

  it('thêm một đợt đã hủy không thay đổi gì', () => {
    fc.assert(
      fc.property(fc.array(tripArb, { maxLength: 20 }), tripArb, (list, extra) => {
        const before = run(asTrips(list));
        const after = run(asTrips([...list, { ...extra, status: 'cancelled' }]));
        expect(after).toEqual(before);
      }),
    );
  });

  it('hợp các khung đếm đúng từng ngày (so với tập ngày)', () => {
    fc.assert(
      fc.property(fc.array(tripArb, { maxLength: 15 }), (list) => {
        const days = new Set<string>();
        for (const t of list) for (let d = t.from; d <= t.to; d = addDays(d, 1)) days.add(d);
        expect(unionLength(list)).toBe(days.size);
      }),
    );
  });

  it('một đợt đơn lẻ: khung nằm trong kỳ thì tính đúng số ngày khai', () => {
    fc.assert(
      fc.property(tripArb, (t) => {
        fc.pre(t.from >= period.start && t.to <= period.end);
        expect(countedDays([countedWindow(t, period)!])).toBe(t.declaredDays ?? daysInclusive(t.from, t.to));
      }),
    );
  });
});
