import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../bench/actions';
import type { CalendarDate } from '../../src/core/calendar-date';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import type { ApprovalWrites, RawCell, Workbook } from '../../src/sheets/workbook';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/**
 * Workbook.writeApprovals in the three adapters: a decision over scattered rows writes its value in each of its
 * columns on exactly those rows, and the trail cells' notes, and nothing else; in Sheets at a fixed number of calls.
 */

const TRAIL = '\u2063[1+2 duyệt] ';
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function tab(rows: number): RawCell[][] {
  const values: RawCell[][] = [['STT', 'Họ và tên', 'Trạng thái', 'Ban duyệt (người)', 'Ban duyệt (ngày)', 'Trả lại (lý do)']];
  for (let i = 1; i <= rows; i++) values.push([i, `Cán Bộ Số ${i}`, 'Đăng ký', '', '', i === 4 ? 'Thiếu đề cương chuyên đề' : '']);
  return values;
}
const NOTES = { 3: 'Chị Thủy duyệt qua điện thoại' } as Record<number, string>;

/** Rows 2, 3 and 5 approved on 15/06/2023; row 5 had been returned (its reason emptied); a note on row 3 is the person's. */
function decision(rows: readonly number[]): ApprovalWrites {
  return {
    tab: 'Đi cơ sở',
    columns: [
      { column: 4, value: 'thuy.tb@tinhdoan.vn', rows },
      { column: 5, value: { date: '2023-06-15' as CalendarDate }, rows },
      { column: 6, value: '', rows: [5] },
    ],
    notes: [
      {
        row: 2,
        column: 4,
        values: [
          [`${TRAIL}15/06/2023 · Ban duyệt · thuy.tb@tinhdoan.vn`],
          [`${NOTES[3]}\n${TRAIL}15/06/2023 · Ban duyệt · thuy.tb@tinhdoan.vn`],
          [''],
          [`${TRAIL}…`],
        ],
      },
    ],
  };
}

interface Adapter {
  name: string;
  make(values: RawCell[][]): Promise<{ workbook: Workbook; read(): Promise<{ values: RawCell[][]; notes: string[][] }> }>;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dicoso-approvals-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ADAPTERS: Adapter[] = [
  {
    name: 'MemoryWorkbook',
    async make(values) {
      const workbook = MemoryWorkbook.fromTabs({ 'Đi cơ sở': values }, { notes: { 'Đi cơ sở': [[], [], ['', '', '', NOTES[3]!]] } });
      return { workbook, read: async () => ({ values: workbook.readTab('Đi cơ sở')!.values, notes: workbook.readTab('Đi cơ sở', { notes: true })!.notes! }) };
    },
  },
  {
    name: 'SpreadsheetWorkbook (Sheets)',
    async make(values) {
      const env = fakeEnvironment({ 'Đi cơ sở': values });
      env.spreadsheet.tab('Đi cơ sở').rangeAt(3, 4).setNote(NOTES[3]!);
      const workbook = new SpreadsheetWorkbook(env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
      return {
        workbook,
        read: async () => {
          const again = new SpreadsheetWorkbook(env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
          const data = again.readTab('Đi cơ sở', { notes: true })!;
          return { values: data.values, notes: data.notes! };
        },
      };
    },
  },
  {
    name: 'XlsxWorkbook (.xlsx, saved and opened again)',
    async make(values) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Đi cơ sở');
      values.forEach((row) => ws.addRow(row));
      ws.getCell('D3').note = NOTES[3]!;
      const path = join(dir, `in-${Math.random().toString(36).slice(2)}.xlsx`);
      await wb.xlsx.writeFile(path);
      const workbook = await XlsxWorkbook.load(path);
      return {
        workbook,
        read: async () => {
          const out = join(dir, `out-${Math.random().toString(36).slice(2)}.xlsx`);
          await workbook.save(out);
          const data = (await XlsxWorkbook.load(out)).readTab('Đi cơ sở', { notes: true })!;
          return { values: data.values, notes: data.notes! };
        },
      };
    },
  },
];

const cell = (grid: readonly (readonly unknown[])[], row: number, column: number) => grid[row - 1]?.[column - 1] ?? '';
/** A row's first six cells, '' where a ragged row (.xlsx) ends early. */
const six = (grid: readonly (readonly unknown[])[], row: number) => Array.from({ length: 6 }, (_, c) => cell(grid, row, c + 1));

describe.each(ADAPTERS)('writeApprovals: $name', (adapter) => {
  it('ghi đúng các ô duyệt của các dòng được chọn và ghi chú của ô lưu vết; các ô khác giữ nguyên', async () => {
    const before = tab(6);
    const { workbook, read } = await adapter.make(before);
    workbook.writeApprovals(decision([2, 3, 5]));
    const after = await read();
    for (const row of [2, 3, 5]) {
      expect(cell(after.values, row, 4)).toBe('thuy.tb@tinhdoan.vn');
      expect(cell(after.values, row, 5)).toEqual(utc(2023, 6, 15));
    }
    expect(cell(after.values, 5, 6)).toBe('');
    // Rows 4, 6 and 7 and every other column are as they were: row 4 keeps its reason.
    for (const row of [1, 4, 6, 7]) expect(six(after.values, row)).toEqual(six(before, row));
    for (const row of [2, 3, 5]) expect(six(after.values, row).slice(0, 3)).toEqual(six(before, row).slice(0, 3));
    expect(cell(after.notes, 2, 4)).toBe(`${TRAIL}15/06/2023 · Ban duyệt · thuy.tb@tinhdoan.vn`);
    expect(cell(after.notes, 3, 4)).toBe(`${NOTES[3]}\n${TRAIL}15/06/2023 · Ban duyệt · thuy.tb@tinhdoan.vn`);
    expect(cell(after.notes, 4, 4)).toBe('');
    expect(cell(after.notes, 5, 4)).toBe(`${TRAIL}…`);
  });

  it('một số dạng văn bản (“12/2023”, “=1+1”) vẫn là chữ', async () => {
    const { workbook, read } = await adapter.make(tab(3));
    workbook.writeApprovals({
      tab: 'Đi cơ sở',
      columns: [
        { column: 4, value: '12/2023', rows: [2] },
        { column: 6, value: '=1+1', rows: [3] },
      ],
      notes: [],
    });
    const after = await read();
    expect(cell(after.values, 2, 4)).toBe('12/2023');
    expect(cell(after.values, 3, 6)).toBe('=1+1');
  });
});

describe('writeApprovals in Sheets: a fixed number of calls', () => {
  const calls = (rows: number, chosen: readonly number[]) => {
    const env = fakeEnvironment({ 'Đi cơ sở': tab(rows) });
    const workbook = new SpreadsheetWorkbook(env.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    workbook.tabNames();
    env.calls.reset();
    const w = decision(chosen);
    const top = chosen[0]!;
    const bottom = chosen[chosen.length - 1]!;
    workbook.writeApprovals({ ...w, notes: [{ row: top, column: 4, values: Array.from({ length: bottom - top + 1 }, () => ['x']) }] });
    return env.calls.spreadsheet();
  };

  it('three rows or four hundred scattered ones: the same calls (a RangeList per column, one setNotes)', () => {
    const few = calls(10, [2, 3, 5]);
    const many = calls(
      2000,
      Array.from({ length: 400 }, (_, i) => 2 + i * 3),
    );
    // 2 per column of text (getRangeList, setValue), 3 for the date (its format), getRange + setNotes.
    expect(few).toBe(2 + 3 + 2 + 2 + 1);
    expect(many).toBe(few);
  });
});
