import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CalendarDate } from '../../src/core/calendar-date';
import type { TabLayout } from '../../src/core/grid';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import type { RawCell, TabAnnotations } from '../../src/sheets/workbook';
import { TRIP_HIGHLIGHTS } from '../../src/core/highlights';

const june5 = () => new Date(Date.UTC(2023, 5, 5));

function layout(name: string, values: TabLayout['values'], extra: Partial<TabLayout> = {}): TabLayout {
  return { name, values, merges: [], styles: [], columnWidths: [], frozenRows: 0, landscape: true, ...extra };
}

describe('MemoryWorkbook.readTab', () => {
  it('gives the data range: trimmed to the last used row and column, blanks as empty text', () => {
    const wb = MemoryWorkbook.fromTabs({
      'Đi cơ sở': [['STT', 'Họ và tên', null, ''], [1, 'Nguyễn Thị Thủy'], [], [null, '', '']],
    });
    expect(wb.readTab('Đi cơ sở')).toEqual({
      values: [
        ['STT', 'Họ và tên'],
        [1, 'Nguyễn Thị Thủy'],
      ],
      merges: [],
      ownedColumn: null,
    });
  });

  it('is a rectangle even when the stored rows are ragged', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [['a'], [null, null, 'c'], ['d', 'e']] });
    expect(wb.readTab('A')!.values).toEqual([
      ['a', '', ''],
      ['', '', 'c'],
      ['d', 'e', ''],
    ]);
  });

  it('an empty tab reads as no rows; a missing tab as null', () => {
    const wb = MemoryWorkbook.fromTabs({ Trống: [] });
    expect(wb.readTab('Trống')).toEqual({ values: [], merges: [], ownedColumn: null });
    expect(wb.readTab('Không có')).toBeNull();
  });

  it('hands out a copy of each Date, so the caller cannot change the sheet', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [[june5()]] });
    const first = wb.readTab('A')!.values[0]![0] as Date;
    first.setUTCFullYear(1999);
    expect((wb.readTab('A')!.values[0]![0] as Date).toISOString()).toBe('2023-06-05T00:00:00.000Z');
  });

  it('keeps a text that starts with "=" as text', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [['=Đề xuất tăng kinh phí', '=SUM(A1)']] });
    expect(wb.readTab('A')!.values).toEqual([['=Đề xuất tăng kinh phí', '=SUM(A1)']]);
  });

  it('reads notes of the data range only when asked', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [['a', 'b']] }, { notes: { A: [['', 'ghi chú'], ['ngoài vùng dữ liệu']] } });
    expect(wb.readTab('A')).toEqual({ values: [['a', 'b']], merges: [], ownedColumn: null });
    expect(wb.readTab('A', { notes: true })).toEqual({ values: [['a', 'b']], notes: [['', 'ghi chú']], merges: [], ownedColumn: null });
  });

  it('the Date zone is UTC unless given', () => {
    expect(MemoryWorkbook.fromTabs({}).dateTimeZone).toBe('UTC');
    expect(MemoryWorkbook.fromTabs({}, { dateTimeZone: 'Asia/Ho_Chi_Minh' }).dateTimeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('lists tabs in order, new ones at the end', () => {
    const wb = MemoryWorkbook.fromTabs({ 'Cán bộ': [['x']], 'Đi cơ sở': [['y']] });
    wb.writeGeneratedTab(layout('Mẫu 3', [['z']]));
    expect(wb.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở', 'Mẫu 3']);
  });

  it('property: what fromTabs stores, readTab gives back (blanks as "")', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (rows) => {
        const wb = MemoryWorkbook.fromTabs({ A: rows as RawCell[][] });
        const values = wb.readTab('A')!.values;
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            const got = values[r]?.[c] ?? '';
            const want = v === null ? '' : v;
            if (want instanceof Date) expect((got as Date).getTime()).toBe(want.getTime());
            else expect(got).toEqual(want);
          }),
        );
        for (const row of values) expect(row.length).toBe(values[0]!.length);
      }),
    );
  });
});

describe('MemoryWorkbook.annotateTab', () => {
  const trips = () =>
    MemoryWorkbook.fromTabs({
      'Đi cơ sở': [
        ['Họ và tên', 'Số ngày'],
        ['Nguyễn Thị Thủy', 5],
        ['Trần Văn Hòa', 9],
      ],
    });
  const annotations = (extra: Partial<TabAnnotations> = {}): TabAnnotations => ({
    tab: 'Đi cơ sở',
    statusColumn: 3,
    statusCells: [{ row: 1, column: 3, values: [['Kiểm tra'], ['Hợp lệ'], ['Lỗi: Số ngày lớn hơn khoảng thời gian']] }],
    notes: [{ row: 3, column: 2, values: [['\u2063[1+2] Số ngày 9 > 7 ngày']] }],
    highlights: { firstRow: 2, rules: TRIP_HIGHLIGHTS },
    ...extra,
  });

  it('writes our column, notes and rules, marks the column as ours, and changes no user value or format', () => {
    const wb = trips();
    wb.setFormat('Đi cơ sở', 3, 1, { background: '#cfe2f3', bold: true });
    wb.annotateTab(annotations());
    const s = wb.snapshot('Đi cơ sở');
    expect(s.values).toEqual([
      ['Họ và tên', 'Số ngày', 'Kiểm tra'],
      ['Nguyễn Thị Thủy', 5, 'Hợp lệ'],
      ['Trần Văn Hòa', 9, 'Lỗi: Số ngày lớn hơn khoảng thời gian'],
    ]);
    expect(s.notes).toEqual([
      ['', ''],
      ['', ''],
      ['', '\u2063[1+2] Số ngày 9 > 7 ngày'],
    ]);
    expect(s.ownedColumn).toBe(3);
    expect(s.backgrounds).toEqual([[null], [null], ['#cfe2f3']]);
    // What a person sees: the error row in red over the user's own fill, which is still there underneath.
    expect(wb.seen('Đi cơ sở', 3, 1)).toEqual({ background: '#f4c7c3', bold: true });
    expect(wb.seen('Đi cơ sở', 2, 1)).toEqual({ background: null, bold: false });
    expect(wb.readTab('Đi cơ sở')!.ownedColumn).toBe(3);
  });

  it('refuses to take a column that holds a user value, or to write through a merge', () => {
    const wb = trips();
    wb.setCell('Đi cơ sở', 7, 3, 'ghi chú riêng');
    expect(() => wb.annotateTab(annotations())).toThrow(/user value/);
    const merged = trips();
    merged.merge('Đi cơ sở', 2, 2, 1, 2);
    expect(() => merged.annotateTab(annotations())).toThrow(/through a merge/);
  });

  it.each([
    ['a missing tab', { tab: 'Không có' }],
    ['a status column of 0', { statusColumn: 0 }],
    ['status cells in another column', { statusCells: [{ row: 1, column: 2, values: [['x']] }] }],
    ['a notes row of another width', { notes: [{ row: 2, column: 1, values: [['', ''], ['']] }] }],
  ] as [string, Partial<TabAnnotations>][])('throws, as Sheets does, for %s', (_name, change) => {
    const wb = trips();
    const before = wb.snapshot('Đi cơ sở');
    expect(() => wb.annotateTab(annotations(change))).toThrow();
    expect(wb.snapshot('Đi cơ sở')).toMatchObject({ values: before.values, notes: before.notes });
  });
});

describe('MemoryWorkbook.appendRows', () => {
  it('appends after the last used row and returns the first new row', () => {
    const wb = MemoryWorkbook.fromTabs({ 'Đi cơ sở': [['STT', 'Họ và tên'], [1, 'Nguyễn Thị Thủy'], [null, ''], []] });
    const first = wb.appendRows('Đi cơ sở', [
      [2, 'Trần Văn Hòa', '=Đề xuất'],
      [3, 'Lê Hoàng Khoa'],
    ]);
    expect(first).toBe(3);
    expect(wb.readTab('Đi cơ sở')!.values).toEqual([
      ['STT', 'Họ và tên', ''],
      [1, 'Nguyễn Thị Thủy', ''],
      [2, 'Trần Văn Hòa', '=Đề xuất'],
      [3, 'Lê Hoàng Khoa', ''],
    ]);
    expect(wb.appendRows('Đi cơ sở', [])).toBe(5);
  });

  it('writes a calendar date as a Date at midnight in the workbook zone', () => {
    const utc = MemoryWorkbook.fromTabs({ A: [] });
    expect(utc.appendRows('A', [[{ date: '2023-06-05' as CalendarDate }]])).toBe(1);
    expect((utc.readTab('A')!.values[0]![0] as Date).toISOString()).toBe('2023-06-05T00:00:00.000Z');
    const hcm = MemoryWorkbook.fromTabs({ A: [['x']] }, { dateTimeZone: 'Asia/Ho_Chi_Minh' });
    hcm.appendRows('A', [[{ date: '2023-06-05' as CalendarDate }]]);
    expect((hcm.readTab('A')!.values[1]![0] as Date).toISOString()).toBe('2023-06-04T17:00:00.000Z');
  });

  it('throws for a missing tab', () => {
    expect(() => MemoryWorkbook.fromTabs({}).appendRows('Không có', [['x']])).toThrow();
  });
});

describe('MemoryWorkbook.writeGeneratedTab', () => {
  it('stores values, merges, styles, widths, frozen rows and print orientation', () => {
    const wb = MemoryWorkbook.fromTabs({});
    const tab = layout(
      'Mẫu 3',
      [
        ['TỔNG HỢP KẾT QUẢ', ''],
        ['STT', 'Họ và tên'],
        [1, 'Nguyễn Thị Thủy'],
      ],
      {
        merges: [{ row: 0, column: 0, rows: 1, columns: 2 }],
        styles: [{ range: { row: 1, column: 0, rows: 2, columns: 2 }, style: { border: true, bold: true } }],
        columnWidths: [40, 200],
        frozenRows: 2,
        landscape: true,
      },
    );
    wb.writeGeneratedTab(tab);
    const s = wb.snapshot('Mẫu 3');
    expect(s.values).toEqual(tab.values);
    expect(s.merges).toEqual(tab.merges);
    expect(s.styles).toEqual(tab.styles);
    expect(s.columnWidths).toEqual([40, 200]);
    expect(s.frozenRows).toBe(2);
    expect(s.landscape).toBe(true);
  });

  it('replaces a tab it generated whole, in its place', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [['a']] });
    wb.writeGeneratedTab(layout('Mẫu 3', [['cũ', 'cũ', 'cũ']]));
    wb.addTab('B');
    expect(wb.writeGeneratedTab(layout('Mẫu 3', [['mới']]))).toBe('Mẫu 3');
    expect(wb.tabNames()).toEqual(['A', 'Mẫu 3', 'B']);
    expect(wb.readTab('Mẫu 3')!.values).toEqual([['mới']]);
  });

  it("leaves a user's tab of the same name (any case) alone: ours takes the next free name", () => {
    const wb = MemoryWorkbook.fromTabs({ 'tổng hợp 1+2': [['của tôi']] });
    expect(wb.writeGeneratedTab(layout('Tổng hợp 1+2', [['mới']]))).toBe('Tổng hợp 1+2 (2)');
    expect(wb.readTab('tổng hợp 1+2')!.values).toEqual([['của tôi']]);
    expect(wb.generatedTabs()).toEqual(['Tổng hợp 1+2 (2)']);
  });

  it('writes "=…" as text, never as a formula', () => {
    const wb = MemoryWorkbook.fromTabs({});
    wb.writeGeneratedTab(layout('T', [['=SUM(A1:A3)', '+84', '-', '@x']]));
    expect(wb.readTab('T')!.values).toEqual([['=SUM(A1:A3)', '+84', '-', '@x']]);
  });

  it.each([
    ['rows of different widths', layout('T', [['a', 'b'], ['c']])],
    ['a merge outside the grid', layout('T', [['a']], { merges: [{ row: 0, column: 0, rows: 1, columns: 2 }] })],
    [
      'overlapping merges',
      layout('T', [['a', 'b', 'c']], {
        merges: [
          { row: 0, column: 0, rows: 1, columns: 2 },
          { row: 0, column: 1, rows: 1, columns: 2 },
        ],
      }),
    ],
    ['a style range outside the grid', layout('T', [['a']], { styles: [{ range: { row: 1, column: 0, rows: 1, columns: 1 }, style: { bold: true } }] })],
    ['an empty merge', layout('T', [['a']], { merges: [{ row: 0, column: 0, rows: 0, columns: 1 }] })],
  ])('throws for %s', (_name, bad) => {
    const wb = MemoryWorkbook.fromTabs({});
    expect(() => wb.writeGeneratedTab(bad)).toThrow();
    expect(wb.tabNames()).toEqual([]);
  });

  it('snapshot returns copies', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [[june5()]] });
    const s = wb.snapshot('A');
    (s.values[0]![0] as Date).setUTCFullYear(2000);
    s.values[0]!.push('x');
    expect(wb.snapshot('A').values).toEqual([[june5()]]);
  });
});

describe('MemoryWorkbook test helpers', () => {
  it('setCell and setNote act as a person typing', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [['a']] });
    wb.setCell('A', 2, 3, 'c');
    wb.setNote('A', 1, 1, 'của tôi');
    expect(wb.readTab('A', { notes: true })).toMatchObject({
      values: [
        ['a', '', ''],
        ['', '', 'c'],
      ],
      notes: [
        ['của tôi', '', ''],
        ['', '', ''],
      ],
    });
    expect(() => wb.setCell('A', 0, 1, 'x')).toThrow();
    expect(() => wb.addTab('A')).toThrow();
  });
});
