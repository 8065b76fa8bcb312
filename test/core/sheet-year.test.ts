import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import type { Period, Trip } from '../../src/core/model';
import { tripsYearElsewhere } from '../../src/core/sheet-year';

const PERIOD_2024: Period = { start: '2024-01-01' as CalendarDate, end: '2024-12-31' as CalendarDate };
const trip = (from: string, to: string, status: Trip['status'] = 'done') => ({ from, to, status }) as unknown as Trip;

describe('bảng tính của năm khác năm đang kiểm tra', () => {
  it.each([
    [
      'bảng tính 2023 kiểm tra như năm 2024: 3/3 đợt thuộc 2023',
      [trip('2023-03-01', '2023-03-10'), trip('2023-06-01', '2023-06-05'), trip('2023-09-01', '2023-09-05')],
      { year: 2023, outside: 3, total: 3 },
    ],
    ['đợt vắt qua năm mới vẫn có phần trong kỳ', [trip('2023-12-28', '2024-01-03'), trip('2024-02-01', '2024-02-05')], null],
    ['một nửa ngoài kỳ chưa phải là phần lớn', [trip('2023-03-01', '2023-03-10'), trip('2024-03-01', '2024-03-10')], null],
    [
      'đợt Hủy không tính',
      [trip('2023-03-01', '2023-03-10', 'cancelled'), trip('2023-04-01', '2023-04-10', 'cancelled'), trip('2024-03-01', '2024-03-10')],
      null,
    ],
    [
      'năm chiếm nhiều đợt nhất được nêu',
      [trip('2022-03-01', '2022-03-10'), trip('2023-03-01', '2023-03-10'), trip('2023-05-01', '2023-05-10')],
      { year: 2023, outside: 3, total: 3 },
    ],
    ['không có đợt nào', [], null],
  ] as const)('%s', (_name, trips, expected) => {
    expect(tripsYearElsewhere(trips, PERIOD_2024)).toEqual(expected);
  });
});
