import { describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../bench/actions';
import { buildDashboard } from '../../src/core/forms/dashboard';
import type { TabLayout } from '../../src/core/grid';
import { defaultSettings } from '../../src/core/settings';
import { SpreadsheetWorkbook, styleGrids, styleRuns } from '../../src/gas/spreadsheet-workbook';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { analyze } from '../../src/sheets/workflow';
import { generateWorkbook, BENCH_TIME_ZONE } from '../../bench/generate';
import type { CalendarDate } from '../../src/core/calendar-date';

/**
 * A generated tab's formats are written as one RangeList per format that differs from Sheets' default (the tab is new
 * or was just cleared): every cell must end with the format a grid per property would have given it.
 */

const layouts: [string, TabLayout][] = [
  [
    'ô chồng lên nhau: vùng sau thắng từng thuộc tính',
    {
      name: 'Thử',
      values: [
        ['A', 'B', 'C'],
        [1, 2, 3],
        [4, 5, 6],
      ],
      merges: [],
      styles: [
        { range: { row: 0, column: 0, rows: 3, columns: 3 }, style: { fontFamily: 'Times New Roman', verticalAlignment: 'top' } },
        { range: { row: 0, column: 0, rows: 1, columns: 3 }, style: { bold: true, horizontalAlignment: 'center', background: '#cfe2f3' } },
        { range: { row: 1, column: 1, rows: 2, columns: 1 }, style: { bold: false, italic: true, fontColor: '#666666', wrap: true } },
        { range: { row: 2, column: 2, rows: 1, columns: 1 }, style: { numberFormat: '0', fontSize: 14, verticalAlignment: 'bottom' } },
      ],
      columnWidths: [100, 100, 100],
      frozenRows: 1,
      landscape: true,
    },
  ],
  [
    'bảng tổng hợp của một tỉnh',
    (() => {
      const g = generateWorkbook({ cadres: 30, trips: 300 });
      const a = analyze(MemoryWorkbook.fromTabs(g.tabs, { dateTimeZone: BENCH_TIME_ZONE }), {
        settings: defaultSettings(2023),
        today: '2023-11-15' as CalendarDate,
      });
      return buildDashboard(a.evaluation, a.policy, a.today, a.presetTitle);
    })(),
  ],
];

describe('định dạng của tab do tiện ích tạo', () => {
  it.each(layouts)('%s: mỗi ô đúng định dạng, mỗi RangeList chỉ gồm ô khác mặc định', (_name, layout) => {
    const env = fakeEnvironment({ 'Cán bộ': [['x']] });
    const workbook = new SpreadsheetWorkbook(env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    const name = workbook.writeGeneratedTab(layout);
    const sheet = env.spreadsheet.tab(name);
    const height = layout.values.length;
    const width = layout.values[0]!.length;
    const grids = styleGrids(layout, height, width);
    const expected = (grid: unknown[][] | null, r: number, c: number, fallback: unknown) => (grid ? (grid[r]![c] ?? fallback) : fallback);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const cell = sheet.cellAt(r + 1, c + 1)!;
        const at = `${r + 1}:${c + 1}`;
        expect(cell.fontWeight, at).toBe(expected(grids.fontWeight, r, c, 'normal'));
        expect(cell.fontStyle, at).toBe(expected(grids.fontStyle, r, c, 'normal'));
        expect(cell.fontSize, at).toBe(expected(grids.fontSize, r, c, 10));
        expect(cell.fontFamily, at).toBe(expected(grids.fontFamily, r, c, null) ?? 'Arial');
        expect(cell.fontColor, at).toBe(expected(grids.fontColor, r, c, '#000000'));
        expect(cell.horizontalAlignment, at).toBe(expected(grids.horizontal, r, c, null) ?? 'general');
        expect(cell.verticalAlignment, at).toBe(expected(grids.vertical, r, c, 'bottom'));
        expect(cell.wrap, at).toBe(expected(grids.wrap, r, c, false));
        expect(cell.background, at).toBe(expected(grids.background, r, c, null));
      }
    }
    for (const { range, style } of layout.styles) {
      if (style.numberFormat) expect(sheet.cellAt(range.row + 1, range.column + 1)!.numberFormat).toBe(style.numberFormat);
    }
    // RangeLists cover only the cells whose format is not the default.
    const defaults = {
      fontWeight: 'normal',
      fontStyle: 'normal',
      fontSize: 10,
      fontFamily: null,
      fontColor: '#000000',
      horizontal: null,
      vertical: 'bottom',
      wrap: false,
      numberFormat: null,
    };
    for (const run of styleRuns(layout, height, width)) expect(run.value, run.property).not.toBe(defaults[run.property]);
  });
});
