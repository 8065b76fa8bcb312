import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetOf, SheetDates, todayInVietnamByOffset } from '../../src/gas/sheet-dates';
import { createAppsScriptEnvironment, instantOf } from '../fakes';

/** Calendar days of date cells by arithmetic (and one Utilities.formatDate for a zone other than Vietnam's). */

const env = createAppsScriptEnvironment();
const saved = (globalThis as { Utilities?: unknown }).Utilities;
beforeAll(() => Object.assign(globalThis, { Utilities: env.globals.Utilities }));
afterAll(() => Object.assign(globalThis, { Utilities: saved }));

const day = (d: Date) => d.toISOString().slice(0, 10);

describe('a date cell (the midnight that starts its day in the spreadsheet’s zone) is that calendar day', () => {
  const cases: [string, string, [number, number, number]][] = [
    ['Việt Nam', 'Asia/Ho_Chi_Minh', [2023, 6, 5]],
    ['New York, giờ mùa hè', 'America/New_York', [2023, 7, 2]],
    ['New York, giờ mùa đông', 'America/New_York', [2023, 1, 15]],
    ['New York, ngày chuyển sang giờ mùa hè', 'America/New_York', [2023, 3, 12]],
    ['Kolkata (+5:30)', 'Asia/Kolkata', [2023, 12, 31]],
    ['Kiritimati (+14)', 'Pacific/Kiritimati', [2024, 2, 29]],
    ['Pago Pago (−11)', 'Pacific/Pago_Pago', [2023, 1, 1]],
    ['Auckland, mùa hè (+13)', 'Pacific/Auckland', [2023, 1, 20]],
  ];
  for (const [name, zone, [y, m, d]] of cases) {
    it(name, () => {
      const dates = new SheetDates(() => zone);
      const midnight = new Date(instantOf(zone, y, m, d));
      expect(day(dates.utcMidnight(midnight))).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    });
  }

  it('a date with a time of day is the day it falls on there', () => {
    const dates = new SheetDates(() => 'Asia/Ho_Chi_Minh');
    expect(day(dates.utcMidnight(new Date(instantOf('Asia/Ho_Chi_Minh', 2023, 6, 5, 23, 30))))).toBe('2023-06-05');
    expect(day(dates.utcMidnight(new Date(instantOf('Asia/Ho_Chi_Minh', 2023, 6, 5, 6, 0))))).toBe('2023-06-05');
    expect(day(new SheetDates(() => 'America/New_York').utcMidnight(new Date(instantOf('America/New_York', 2023, 6, 5, 15, 0))))).toBe('2023-06-05');
  });

  it('Vietnam costs no call; another zone one Utilities.formatDate, whatever the number of cells', () => {
    env.calls.reset();
    const vn = new SheetDates(() => 'Asia/Ho_Chi_Minh');
    vn.utcMidnights([[new Date(instantOf('Asia/Ho_Chi_Minh', 2023, 1, 2)), 'x', new Date(instantOf('Asia/Ho_Chi_Minh', 2023, 8, 9))]]);
    expect(env.calls.total()).toBe(0);
    const ny = new SheetDates(() => 'America/New_York');
    const grid = Array.from({ length: 50 }, (_, i) => [new Date(instantOf('America/New_York', 2023, 1 + (i % 12), 1 + (i % 28)))]);
    ny.utcMidnights(grid);
    expect(env.calls.count('Utilities.formatDate')).toBe(1);
    expect(day(grid[7]![0] as Date)).toBe('2023-08-08');
  });
});

describe('today in Vietnam, by its fixed offset (UTC+7 since 1975)', () => {
  it.each([
    ['2023-11-15T16:59:59Z', '2023-11-15'],
    ['2023-11-15T17:00:00Z', '2023-11-16'],
    ['2023-12-31T17:00:00Z', '2024-01-01'],
  ])('%s is %s there', (instant, expected) => {
    expect(todayInVietnamByOffset(new Date(instant))).toBe(expected);
  });

  it('reads SimpleDateFormat offsets', () => {
    expect([offsetOf('+0700'), offsetOf('-0330'), offsetOf('+05:30')]).toEqual([7 * 3_600_000, -3.5 * 3_600_000, 5.5 * 3_600_000]);
  });
});
