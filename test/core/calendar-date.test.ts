import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDate,
  dayNumber,
  daysInclusive,
  formatDayFirst,
  formatTripWindow,
  fromDayNumber,
  fromSerial,
  isCalendarDate,
  quarterBounds,
  quarterOf,
  toSerial,
  type CalendarDate,
} from '../../src/core/calendar-date';

const d = (iso: string) => iso as CalendarDate;

describe('calendarDate: ngày có thật hay không', () => {
  it.each([
    ['ngày thường', 2023, 6, 5, '2023-06-05'],
    ['29/02 năm nhuận 2024', 2024, 2, 29, '2024-02-29'],
    ['29/02 năm 2000 (chia hết cho 400) là năm nhuận', 2000, 2, 29, '2000-02-29'],
    ['29/02 năm 2023 không có', 2023, 2, 29, null],
    ['29/02 năm 1900 không có (chia hết cho 100)', 1900, 2, 29, null],
    ['31/04 không có', 2023, 4, 31, null],
    ['tháng 13 không có', 2023, 13, 1, null],
    ['ngày 0 không có', 2023, 5, 0, null],
    ['năm trước 1900 bị từ chối', 1899, 12, 31, null],
    ['số lẻ không phải ngày', 2023, 6, 5.5, null],
  ])('%s', (_name, year, month, day, expected) => {
    expect(calendarDate(year, month, day)).toBe(expected);
  });

  it.each([
    ['2023-06-05', true],
    ['2023-02-29', false],
    ['2023-6-5', false],
    [20230605, false],
  ])('isCalendarDate(%s) = %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('tính ngày', () => {
  it.each([
    ['cộng 1 ngày qua cuối tháng', '2023-06-30', 1, '2023-07-01'],
    ['cộng 1 ngày qua năm mới', '2023-12-31', 1, '2024-01-01'],
    ['lùi 1 ngày về 29/02 năm nhuận', '2024-03-01', -1, '2024-02-29'],
    ['cộng 60 ngày', '2023-01-01', 60, '2023-03-02'],
  ])('%s', (_name, from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
  });

  it.each([
    ['đợt 01/6–15/6 là 15 ngày', '2023-06-01', '2023-06-15', 15],
    ['đi trong ngày là 1 ngày', '2023-06-05', '2023-06-05', 1],
    ['ngày về trước ngày đi cho số ≤ 0', '2023-06-05', '2023-06-04', 0],
  ])('daysInclusive: %s', (_name, from, to, expected) => {
    expect(daysInclusive(d(from), d(to))).toBe(expected);
  });

  it('dayNumber của 01/01/1970 là 0', () => {
    expect(dayNumber(d('1970-01-01'))).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });
});

describe('quý', () => {
  it.each([
    ['2023-01-01', 1],
    ['2023-03-31', 1],
    ['2023-04-01', 2],
    ['2023-09-30', 3],
    ['2023-12-31', 4],
  ])('ngày %s thuộc quý %i', (date, quarter) => {
    expect(quarterOf(d(date))).toBe(quarter);
  });

  it.each([
    [1, '2024-01-01', '2024-03-31'],
    [2, '2024-04-01', '2024-06-30'],
    [3, '2024-07-01', '2024-09-30'],
    [4, '2024-10-01', '2024-12-31'],
  ] as const)('quý %i năm 2024 từ %s đến %s', (quarter, start, end) => {
    expect(quarterBounds(2024, quarter)).toEqual({ start, end });
  });
});

describe('cách viết ngày trên biểu mẫu', () => {
  it('ngày trước tháng, có số 0 đứng trước', () => {
    expect(formatDayFirst(d('2023-06-05'))).toBe('05/06/2023');
  });

  it('ô "Thời gian cụ thể"', () => {
    expect(formatTripWindow(d('2023-06-01'), d('2023-06-15'))).toBe('Từ ngày 01/06/2023 đến ngày 15/06/2023');
  });
});

describe('số sê-ri của bảng tính (tính từ 30/12/1899)', () => {
  it.each([
    ['05/06/2023', '2023-06-05', 45082],
    ['01/01/1970', '1970-01-01', 25569],
    ['01/03/1900', '1900-03-01', 61],
    ['01/01/1900', '1900-01-01', 2],
    ['31/12/9999', '9999-12-31', 2958465],
  ])('%s là số %i', (_name, date, serial) => {
    expect(toSerial(d(date))).toBe(serial);
    expect(fromSerial(serial)).toBe(date);
  });

  it('phần lẻ (giờ trong ngày) không đổi ngày', () => {
    expect(fromSerial(45082.99)).toBe('2023-06-05');
  });

  it('tính chất: đổi ra số rồi đổi lại được đúng ngày', () => {
    fc.assert(
      fc.property(fc.integer({ min: toSerial(d('1900-01-01')), max: toSerial(d('9999-12-31')) }), (serial) => {
        const date = fromSerial(serial);
        expect(isCalendarDate(date)).toBe(true);
        expect(toSerial(date)).toBe(serial);
      }),
      { numRuns: 2000 },
    );
  });
});
