import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOurFormula, ROSTER_HIGHLIGHTS, TRIP_HIGHLIGHTS } from '../../src/core/highlights';
import { XlsxWorkbook } from '../../src/cli/xlsx-workbook';
import { keepNotesOnEmptyCells } from '../../src/cli/exceljs-notes';
import { userPartOf } from '../../src/sheets/notes';
import type { FakeSheet, FakeSpreadsheet } from '../fakes';
import { BLANK } from '../fakes/cells';
import { loadAddon } from '../gas/harness';
import { ROOT } from '../support/bundle';
import { HOSTILE, hostileWorkbook } from '../support/hostile';
import { fakeFromXlsx } from '../support/xlsx-to-fake';

/**
 * The preservation suite: a hostile workbook (test/support/hostile.ts) through both adapters, and every input cell's
 * value, formula, note (the user's part) and format compared before and after, cell by cell, with the sheet-level
 * things a person sets (merges, hidden rows and columns, frozen panes, dropdowns, their own conditional formats,
 * defined names, pictures). Only what is ours may differ: our column, our lines in notes, our rules, our tabs.
 */

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-keep-'));
});

function dicoso(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Reads a file as the CLI does (notes on empty cells kept), so before and after are read alike. */
async function load(file: string): Promise<ExcelJS.Workbook> {
  keepNotesOnEmptyCells();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const noteText = (note: ExcelJS.Comment | string | undefined): string =>
  note === undefined ? '' : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');

/** Everything of a cell a person typed or formatted, with only the user's part of its note. */
function cellView(cell: ExcelJS.Cell): unknown {
  const model = cell.model as unknown as Record<string, unknown>;
  const content: Record<string, unknown> = {};
  for (const key of ['type', 'value', 'formula', 'sharedFormula', 'result', 'hyperlink', 'text', 'richText', 'error']) {
    if (model[key] !== undefined) content[key] = model[key];
  }
  if (cell.type === ExcelJS.ValueType.Merge) content.master = cell.master.address;
  return { ...JSON.parse(JSON.stringify(content)), style: JSON.parse(JSON.stringify(cell.style ?? {})), note: userPartOf(noteText(cell.note)) };
}

/** Every stored cell of a sheet but those of column `skip`, keyed by address. */
function cellsOf(ws: ExcelJS.Worksheet, skip: number | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const rows = (ws as unknown as { _rows: ({ _cells: (ExcelJS.Cell | undefined)[] } | undefined)[] })._rows;
  rows.forEach((row) =>
    row?._cells.forEach((cell) => {
      if (!cell || Number(cell.col) === skip) return;
      const view = cellView(cell);
      // An untouched empty cell is no different from none.
      if (JSON.stringify(view) === JSON.stringify({ type: 0, style: {}, note: '' })) return;
      out.set(cell.address, view);
    }),
  );
  return out;
}

function sheetView(ws: ExcelJS.Worksheet): unknown {
  const model = ws.model as unknown as { merges: string[]; cols?: unknown[]; views: unknown[] };
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings
    .map((c) => ({ ...c, rules: c.rules.filter((r) => !(r.formulae ?? []).some((f) => isOurFormula(f))) }))
    .filter((c) => c.rules.length > 0);
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => row.hidden && hiddenRows.push(r));
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  return {
    merges: [...model.merges].sort(),
    views: model.views,
    hiddenColumns: (model.cols ?? []).filter((c) => (c as { hidden?: boolean }).hidden),
    hiddenRows,
    validations,
    conditionalFormats: cf,
    images: ws.getImages().map((i) => {
      const at = (a: { nativeRow: number; nativeCol: number }) => [a.nativeRow, a.nativeCol];
      const range = i.range as unknown as { tl: { nativeRow: number; nativeCol: number }; br: { nativeRow: number; nativeCol: number } };
      return { image: i.imageId, tl: at(range.tl), br: at(range.br) };
    }),
  };
}

function userNames(wb: ExcelJS.Workbook): unknown {
  return wb.definedNames.model.filter((n) => !n.name.startsWith('_dicoso_'));
}

describe('dicoso check trên bảng tính “khó”', () => {
  it('mọi ô của người dùng (giá trị, công thức, ghi chú, định dạng) và mọi thiết lập của tab đều như cũ, qua hai lần chạy', async () => {
    const input = path.join(dir, 'kho.xlsx');
    await hostileWorkbook().xlsx.writeFile(input);
    const once = path.join(dir, 'kho-1.xlsx');
    const twice = path.join(dir, 'kho-2.xlsx');
    const first = dicoso(['check', input, '--today', '2023-11-15', '--out', once]);
    expect(first.code, first.stderr).toBe(0);
    // The bad address in Cài đặt drops only itself, and says where it is.
    expect(first.stdout).toContain('Tab “Cài đặt”, dòng 3: Email BTC-KT “sai@” không hợp lệ');
    const second = dicoso(['check', once, '--today', '2023-11-15', '--out', twice]);
    expect(second.code, second.stderr).toBe(0);

    const before = await load(input);
    for (const file of [once, twice]) {
      const after = await load(file);
      const book = await XlsxWorkbook.load(file);
      expect(book.readTab(HOSTILE.roster)!.ownedColumn).toBe(HOSTILE.rosterStatusColumn);
      expect(book.readTab(HOSTILE.trips)!.ownedColumn).toBe(HOSTILE.tripsStatusColumn);
      for (const ws of before.worksheets) {
        const now = after.getWorksheet(ws.name);
        expect(now, ws.name).toBeDefined();
        const owned = book.readTab(ws.name)!.ownedColumn;
        const was = cellsOf(ws, null);
        const is = cellsOf(now!, owned);
        for (const [address, view] of was) expect(is.get(address), `${ws.name}!${address}`).toEqual(view);
        expect(
          [...is.keys()].filter((a) => !was.has(a)),
          `${ws.name}: cells that appeared`,
        ).toEqual([]);
        expect(sheetView(now!), ws.name).toEqual(sheetView(ws));
      }
      expect(userNames(after)).toEqual(userNames(before));
      // The user's tabs named like ours are theirs: ours took the next free names.
      const names = after.worksheets.map((w) => w.name);
      expect(names.slice(0, before.worksheets.length)).toEqual(before.worksheets.map((w) => w.name));
      expect(names).toContain('Tổng hợp 1+2 (2)');
      expect(book.generatedTabs()).not.toContain('Tổng hợp 1+2');
    }
  });

  it('ghi đè lên chính tệp đầu vào bị từ chối', async () => {
    const input = path.join(dir, 'chinh-no.xlsx');
    await hostileWorkbook().xlsx.writeFile(input);
    const run = dicoso(['check', input, '--out', path.join(dir, '.', 'chinh-no.xlsx')]);
    expect(run.code).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------- Sheets

/** Every cell the user owns in a fake sheet: all stored fields, with only the user's part of the note. */
function fakeCells(sheet: FakeSheet, skip: number | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || c + 1 === skip) return;
      // A cell the fake created but nobody wrote into is no different from none.
      if (JSON.stringify(cell) === JSON.stringify(BLANK)) return;
      const { validation, ...rest } = cell;
      out.set(`${r + 1}:${c + 1}`, { ...JSON.parse(JSON.stringify(rest)), validation: validation?.describe() ?? null, note: userPartOf(cell.note) });
    }),
  );
  return out;
}

const OUR_PREFIXES = new Set([...ROSTER_HIGHLIGHTS, ...TRIP_HIGHLIGHTS].map((h) => h.prefix));

/** One of our rules in Sheets: a formula with our marker, or a text-start rule with our words (on our column). */
function isOurRule(r: { criteria: string; values: unknown[] }): boolean {
  return r.values.some((v) => typeof v === 'string' && (isOurFormula(v) || (r.criteria === 'TEXT_STARTS_WITH' && OUR_PREFIXES.has(v))));
}

function fakeSheetView(sheet: FakeSheet): unknown {
  const snap = sheet.snapshot();
  return {
    merges: [...snap.merges].sort(),
    frozenRows: snap.frozenRows,
    frozenColumns: snap.frozenColumns,
    protections: snap.protections,
    columnWidths: snap.columnWidths,
    conditionalFormats: snap.conditionalFormats.filter((r) => !isOurRule(r)),
    userMetadata: snap.developerMetadata.filter((m) => !m.key.startsWith('dicoso.')),
  };
}

function ownedColumnOf(sheet: FakeSheet): number | null {
  const m = sheet.snapshot().developerMetadata.find((x) => x.key === 'dicoso.status-column');
  return m ? columnOfLocation(m.location) : null;
}

function columnOfLocation(location: string): number {
  let n = 0;
  for (const ch of location.replace(/^column /, '')) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

async function hostileSpreadsheet(): Promise<FakeSpreadsheet> {
  const file = path.join(dir, 'kho-sheets.xlsx');
  await hostileWorkbook().xlsx.writeFile(file);
  const wb = await load(file);
  const ss = fakeFromXlsx(wb);
  // What the converter does not carry, set as a person would in Sheets: a formula, a dropdown, their own rule.
  const trips = ss.tab(HOSTILE.trips);
  const f4 = trips.ensureCell(4, 6);
  f4.formula = '=H4-G4+1';
  f4.value = 5;
  trips.ensureCell(5, 4).numberFormat = '@';
  return ss;
}

describe('tiện ích trong Google Sheets trên bảng tính “khó”', () => {
  it('Kiểm tra dữ liệu hai lần, sửa một dòng, rồi Xóa đánh dấu: mọi ô của người dùng như cũ; cuối cùng đúng như lúc đầu', async () => {
    const ss = await hostileSpreadsheet();
    const addon = loadAddon({ spreadsheet: ss });
    const inputs = ss.sheets.map((s) => s.name);
    const before = new Map(ss.sheets.map((s) => [s.name, { cells: fakeCells(s, null), view: fakeSheetView(s) }]));
    const compare = (stage: string) => {
      for (const name of inputs) {
        const sheet = ss.tab(name);
        const owned = ownedColumnOf(sheet);
        const was = before.get(name)!;
        const is = fakeCells(sheet, owned);
        for (const [at, cell] of was.cells) expect(is.get(at), `${stage}: ${name} ${at}`).toEqual(cell);
        expect(
          [...is.keys()].filter((k) => !was.cells.has(k)),
          `${stage}: ${name} new cells`,
        ).toEqual([]);
        expect(fakeSheetView(sheet), `${stage}: ${name}`).toEqual(was.view);
        expect(sheet.hiddenUnderMerges(), `${stage}: ${name}`).toEqual([]);
      }
    };

    addon.call('menuCheck');
    compare('first check');
    expect(ownedColumnOf(ss.tab(HOSTILE.roster))).toBe(HOSTILE.rosterStatusColumn);
    expect(ownedColumnOf(ss.tab(HOSTILE.trips))).toBe(HOSTILE.tripsStatusColumn);
    expect(ss.sheets.map((s) => s.name)).toContain('Tổng hợp 1+2 (2)');
    // What a person sees: the error row (Trần Văn Hoan, row 5) red over the user's own blue on B5.
    expect(ss.tab(HOSTILE.trips).effectiveFormat(5, 2).background).toBe('#f4c7c3');
    expect(ss.tab(HOSTILE.trips).snapshot().backgrounds[4]![1]).toBe('#cfe2f3');

    addon.call('menuCheck');
    compare('second check');
    addon.env.setAuthMode('LIMITED');
    addon.call('onEdit', { authMode: 'LIMITED', range: ss.tab(HOSTILE.trips).rangeAt(6, 6), source: ss, value: '99' });
    compare('onEdit');

    addon.env.setAuthMode('FULL');
    addon.env.ui.answerAlerts('YES');
    addon.call('menuClearMarks');
    compare('after Xóa đánh dấu');
    for (const name of inputs) {
      expect(ownedColumnOf(ss.tab(name)), name).toBeNull();
      expect(ss.tab(name).snapshot().conditionalFormats.some(isOurRule)).toBe(false);
      // Not a line of ours left in any note, and our column empty again.
      expect(
        ss
          .tab(name)
          .snapshot()
          .notes.flat()
          .some((n) => n.includes('\u2063')),
      ).toBe(false);
    }
    expect(ss.sheets.map((s) => s.name)).toEqual(inputs);
    expect(addon.env.ui.alerts.at(-1)?.prompt).toContain('Dữ liệu và định dạng của anh/chị được giữ nguyên.');
  });
});

describe('Khởi tạo bảng tính trên tab đã có dữ liệu', () => {
  it('chỉ thêm danh sách chọn và định dạng ngày vào ô chưa có; quy tắc và định dạng của người dùng giữ nguyên', async () => {
    const ss = await hostileSpreadsheet();
    const addon = loadAddon({ spreadsheet: ss });
    const trips = ss.tab(HOSTILE.trips);
    // The user's own dropdown on D5 and their own date format on G3.
    const own = addon.env.globals.SpreadsheetApp.newDataValidation().requireValueInList(['3.1', '3.2'], true).build();
    trips.getRange(5, 4).setDataValidation(own);
    trips.ensureCell(3, 7).numberFormat = 'd/m/yy';
    const rule = trips.cellAt(5, 4)!.validation!.describe();
    const typed = (name: string) =>
      [...fakeCells(ss.tab(name), null)]
        .map(([at, cell]) => [at, (cell as { value: unknown }).value, (cell as { formula: string }).formula])
        .filter(([, v, f]) => v !== '' || f !== '');
    const before = new Map(ss.sheets.map((s) => [s.name, typed(s.name)]));
    addon.call('menuSetup');
    expect(trips.cellAt(5, 4)!.validation!.describe()).toEqual(rule);
    expect(trips.cellAt(3, 7)!.numberFormat).toBe('d/m/yy');
    // Cells nobody had set get ours.
    expect(trips.cellAt(20, 4)!.validation!.describe().criteria).toBe('VALUE_IN_LIST');
    expect(trips.cellAt(20, 7)!.numberFormat).toBe('dd/MM/yyyy');
    // And no value anywhere changed.
    for (const [name, cells] of before) expect(typed(name), name).toEqual(cells);
  });
});
