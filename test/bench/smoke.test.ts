import { describe, expect, it } from 'vitest';
import { fakeEnvironment, measureCheck } from '../../bench/actions';
import { cloneTabs, generateWorkbook, ROSTER_TAB, SIZES, TRIPS_TAB } from '../../bench/generate';

// A smoke run of the benchmark's parts (issue 7), not a timed test: the bench itself is `npm run bench`.
describe('bộ sinh dữ liệu benchmark', () => {
  it('cùng hạt giống cho cùng bảng tính, đúng số cán bộ và số đợt', () => {
    const a = generateWorkbook(SIZES.small);
    const b = generateWorkbook(SIZES.small);
    expect(a.tabs).toEqual(b.tabs);
    expect(a.tabs[ROSTER_TAB]!.length - 1).toBe(SIZES.small.cadres);
    expect(a.tabs[TRIPS_TAB]!.length - 1).toBe(SIZES.small.trips);
    expect(generateWorkbook({ ...SIZES.small, seed: 7 }).tabs).not.toEqual(a.tabs);
  });

  it('tên không trùng trong một ban; có ô ngày thật, ngày gõ kiểu ngày/tháng/năm và vài lỗi cài sẵn', () => {
    const g = generateWorkbook({ cadres: 200, trips: 2_000 });
    const seen = new Set<string>();
    for (const row of g.tabs[ROSTER_TAB]!.slice(1)) {
      const key = `${String(row[1])}|${String(row[3])}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    expect(g.bans.length).toBeGreaterThanOrEqual(6);
    const dates = g.tabs[TRIPS_TAB]!.slice(1).map((r) => r[6]);
    expect(dates.some((d) => d instanceof Date)).toBe(true);
    expect(dates.some((d) => typeof d === 'string' && /^\d{1,2}[/.-]\d{1,2}[/.-]2023$/.test(d))).toBe(true);
    expect(Object.keys(g.planted).length).toBeGreaterThanOrEqual(5);
  });
});

describe('số lần gọi Sheets của lệnh kiểm tra', () => {
  it('như nhau cho 10 và 200 cán bộ (qua SpreadsheetWorkbook trên bộ giả lập)', () => {
    const calls = [10, 200].map((cadres) => {
      const g = generateWorkbook({ cadres, trips: cadres * 5 });
      const cost = measureCheck(fakeEnvironment(cloneTabs(g.tabs)));
      expect(cost.cellsWritten).toBeGreaterThan(cadres * 5);
      return cost.spreadsheetCalls;
    });
    expect(calls[1]).toBe(calls[0]);
  });
});
