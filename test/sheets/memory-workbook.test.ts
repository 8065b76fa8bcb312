import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CalendarDate } from '../../src/core/calendar-date';
import type { TabLayout } from '../../src/core/grid';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import type { RawCell, TabAnnotations } from '../../src/sheets/workbook';

const june5 = () => new Date(Date.UTC(2023, 5, 5));

function layout(name: string, values: TabLayout['values'], extra: Partial<TabLayout> = {}): TabLayout {
  return { name, values, merges: [], styles: [], columnWidths: [], frozenRows: 0, landscape: true, ...extra };
}

function annotations(tab: string, rows: number, width: number, extra: Partial<TabAnnotations> = {}): TabAnnotations {
  return {
    tab,
    headerRow: 1,
    firstRow: 2,
    statusColumn: width + 1,
    statusCaption: 'Kiểm tra',
    statuses: Array.from({ length: rows }, (_, i) => `dòng ${i + 1}`),
    backgrounds: Array.from({ length: rows }, () => Array.from({ length: width }, () => null)),
    notes: Array.from({ length: rows }, () => Array.from({ length: width }, () => '')),
    fontWeights: Array.from({ length: rows }, () => Array.from({ length: width }, () => 'normal' as const)),
    ...extra,
  };
}

describe('MemoryWorkbook.readTab', () => {
  it('gives the data range: trimmed to the last used row and column, blanks as empty text', () => {
    const wb = MemoryWorkbook.fromTabs({
      'Đi cơ sở': [
        ['STT', 'Họ và tên', null, ''],
        [1, 'Nguyễn Thị Thủy'],
        [],
        [null, '', ''],
      ],
    });
    expect(wb.readTab('Đi cơ sở')).toEqual({ values: [['STT', 'Họ và tên'], [1, 'Nguyễn Thị Thủy']] });
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
    expect(wb.readTab('Trống')).toEqual({ values: [] });
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
    expect(wb.readTab('A')).toEqual({ values: [['a', 'b']] });
    expect(wb.readTab('A', { notes: true })).toEqual({ values: [['a', 'b']], notes: [['', 'ghi chú']] });
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

  it('writes the status caption, statuses, backgrounds, notes and weights, and no user value', () => {
    const wb = trips();
    wb.annotateTab(
      annotations('Đi cơ sở', 2, 2, {
        statuses: ['Hợp lệ', 'Số ngày lớn hơn khoảng thời gian'],
        backgrounds: [
          [null, null],
          [null, '#f4cccc'],
        ],
        notes: [
          ['', ''],
          ['', '[1+2] Số ngày 9 > 7 ngày'],
        ],
        fontWeights: [
          ['normal', 'normal'],
          ['bold', 'normal'],
        ],
      }),
    );
    const s = wb.snapshot('Đi cơ sở');
    expect(s.values).toEqual([
      ['Họ và tên', 'Số ngày', 'Kiểm tra'],
      ['Nguyễn Thị Thủy', 5, 'Hợp lệ'],
      ['Trần Văn Hòa', 9, 'Số ngày lớn hơn khoảng thời gian'],
    ]);
    // Snapshots trim each grid to its last non-default cell.
    expect(s.backgrounds).toEqual([
      [null, null],
      [null, null],
      [null, '#f4cccc'],
    ]);
    expect(s.notes).toEqual([
      ['', ''],
      ['', ''],
      ['', '[1+2] Số ngày 9 > 7 ngày'],
    ]);
    expect(s.fontWeights).toEqual([['normal'], ['normal'], ['bold']]);
  });

  it('a second run clears what the first one set (null background, "" note, normal weight)', () => {
    const wb = trips();
    wb.annotateTab(annotations('Đi cơ sở', 2, 2, { backgrounds: [[null, '#ff0000'], [null, null]], notes: [['x', ''], ['', '']], fontWeights: [['bold', 'bold'], ['normal', 'normal']] }));
    wb.annotateTab(annotations('Đi cơ sở', 2, 2));
    const s = wb.snapshot('Đi cơ sở');
    expect(s.backgrounds).toEqual([]);
    expect(s.notes).toEqual([]);
    expect(s.fontWeights).toEqual([]);
  });

  it('without font weights, leaves the weights alone', () => {
    const wb = trips();
    wb.annotateTab(annotations('Đi cơ sở', 2, 2, { fontWeights: [['bold', 'normal'], ['normal', 'normal']] }));
    const { fontWeights: _unused, ...rest } = annotations('Đi cơ sở', 2, 2);
    wb.annotateTab(rest);
    expect(wb.snapshot('Đi cơ sở').fontWeights[1]).toEqual(['bold']);
  });

  it.each([
    ['a missing tab', { tab: 'Không có' }],
    ['a header row of 0', { headerRow: 0 }],
    ['a status column of 0', { statusColumn: 0 }],
    ['a first row on the header', { firstRow: 1 }],
    ['fewer background rows than statuses', { backgrounds: [[null, null]] }],
    ['a notes row of another width', { notes: [['', ''], ['']] }],
    ['a weights row of another width', { fontWeights: [['normal', 'normal'], ['normal', 'normal', 'bold']] as ('bold' | 'normal')[][] }],
  ] as [string, Partial<TabAnnotations>][])('throws, as Sheets does, for %s', (_name, change) => {
    const wb = trips();
    const before = wb.snapshot('Đi cơ sở');
    expect(() => wb.annotateTab(annotations('Đi cơ sở', 2, 2, change))).toThrow();
    expect(wb.snapshot('Đi cơ sở')).toEqual(before);
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

  it('replaces the tab whole, in its place', () => {
    const wb = MemoryWorkbook.fromTabs({ A: [['a']], 'Mẫu 3': [['cũ', 'cũ', 'cũ']], B: [['b']] });
    wb.writeGeneratedTab(layout('Mẫu 3', [['mới']]));
    expect(wb.tabNames()).toEqual(['A', 'Mẫu 3', 'B']);
    expect(wb.readTab('Mẫu 3')!.values).toEqual([['mới']]);
  });

  it('writes "=…" as text, never as a formula', () => {
    const wb = MemoryWorkbook.fromTabs({});
    wb.writeGeneratedTab(layout('T', [['=SUM(A1:A3)', '+84', '-', '@x']]));
    expect(wb.readTab('T')!.values).toEqual([['=SUM(A1:A3)', '+84', '-', '@x']]);
  });

  it.each([
    ['rows of different widths', layout('T', [['a', 'b'], ['c']])],
    ['a merge outside the grid', layout('T', [['a']], { merges: [{ row: 0, column: 0, rows: 1, columns: 2 }] })],
    ['overlapping merges', layout('T', [['a', 'b', 'c']], { merges: [{ row: 0, column: 0, rows: 1, columns: 2 }, { row: 0, column: 1, rows: 1, columns: 2 }] })],
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
    expect(wb.readTab('A', { notes: true })).toEqual({
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
