import { describe, expect, it } from 'vitest';
import { benchSettings, benchToday, fakeEnvironment, measureCheck } from '../../bench/actions';
import { callKind, commitsOf } from '../../bench/cost-model';
import { BENCH_TIME_ZONE, cloneTabs, generateWorkbook, ROSTER_TAB, SIZES, TRIPS_TAB } from '../../bench/generate';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { analyze, tripApprovals } from '../../src/sheets/workflow';

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

describe('dữ liệu benchmark như một tỉnh gõ đúng, trừ các lỗi cài sẵn', () => {
  it('mỗi giá trị nằm dưới đúng cột của mẫu: kiểm tra chỉ báo những lỗi đã cài, đăng ký đã duyệt đúng hạn', () => {
    const g = generateWorkbook({ cadres: 200, trips: 2_000 });
    const analysis = analyze(MemoryWorkbook.fromTabs(g.tabs, { dateTimeZone: BENCH_TIME_ZONE }), { settings: benchSettings(), today: benchToday });
    // The planted mistakes (bench/generate.ts), each with the cell it spoils; a value under the wrong caption (the
    // generator filled rows by position once, and the template's approval columns shifted them) shows up as another.
    const planted = new Set([
      'unknown-cadre Họ và tên',
      'date-invalid Từ ngày',
      'date-order Đến ngày',
      'unknown-status Trạng thái',
      'unknown-content Nội dung',
      'days-exceed-window Số ngày',
      'days-invalid Điểm',
      'date-invalid Ngày bắt đầu',
    ]);
    const found = new Set(analysis.issues.map((i) => `${i.code} ${i.column}`));
    expect([...found].filter((kind) => !planted.has(kind))).toEqual([]);
    const states = new Set(tripApprovals(analysis).map((t) => t.approval.state));
    expect(states).toContain('da-phe-duyet');
    expect(states).toContain('cho-ban-duyet');
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

describe('mô hình chi phí: loại lệnh và số lần Sheets phải ghi (commit)', () => {
  it.each([
    ['chỉ đọc', ['Sheet.getDataRange', 'Range.getValues'], 0],
    ['ghi rồi hết lượt chạy', ['Sheet.getRange', 'Range.setValues'], 1],
    ['ghi, đọc, ghi', ['Range.setValues', 'Range.getValues', 'Range.setNotes'], 2],
    ['mỗi dòng một flush (cách làm trong các bài hướng dẫn)', ['Range.setValue', 'SpreadsheetApp.flush', 'Range.setValue', 'SpreadsheetApp.flush'], 2],
    ['dựng luật tô màu không phải là ghi', ['SpreadsheetApp.newConditionalFormatRule', 'ConditionalFormatRuleBuilder.setBackground', 'Range.getValues'], 0],
  ])('%s', (_name, sequence, commits) => {
    expect(commitsOf(sequence)).toBe(commits);
  });

  it.each([
    ['Range.getValues', 'read'],
    ['Sheet.getDataRange', 'read'],
    ['DeveloperMetadataFinder.find', 'read'],
    ['Range.setNotes', 'write'],
    ['RangeList.setFontWeight', 'write'],
    ['Sheet.setColumnWidths', 'write'],
    ['Sheet.getRange', 'local'],
    ['DeveloperMetadata.getLocation', 'local'],
    ['ConditionalFormatRuleBuilder.setBackground', 'local'],
    ['SpreadsheetApp.flush', 'flush'],
  ])('%s là lệnh loại %s', (method, kind) => {
    expect(callKind(method)).toBe(kind);
  });
});
