import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOurFormula, ourHighlightPrefixes } from '../../src/core/highlights';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { keepNotesOnEmptyCells } from '../support/exceljs-notes';
import { userPartOf } from '../../src/sheets/notes';
import type { FakeSheet, FakeSpreadsheet } from '../fakes';
import { BLANK } from '../fakes/cells';
import { loadAddon } from '../gas/harness';
import { ROOT } from '../support/bundle';
import { HOSTILE, hostileWorkbook } from '../support/hostile';
import { fakeFromXlsx } from '../support/xlsx-to-fake';
import { checkWorkbook } from '../../src/cli/commands/check';
import type { CalendarDate } from '../../src/core/calendar-date';
import { NOTE_MARKER } from '../../src/sheets/notes';
import { removeOurMarks } from '../../src/sheets/workflow';
import { convertWithLibreOffice, noLibreOffice, xlsxPackage } from '../cli/files';
import { loadForContent } from '../support/xlsx-content';
import { differences, partsOf } from './package-diff';
import { excel365, googleExport, libreOffice, prefixedTool, UNKNOWN_CADRE_ROW } from './producers';

/**
 * The preservation suite. Part one: workbooks as Excel 365, Google Sheets, LibreOffice and a tool writing prefixed
 * XML lay them out (producers.ts), through `dicoso check`, compared with the input part by part (package-diff.ts):
 * what we do not own comes back byte for byte, what we change is equal outside what is ours, a re-run changes
 * nothing more, and LibreOffice and exceljs open every result. Part two: a hostile workbook (test/support/hostile.ts)
 * through both adapters, and every input cell's
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

/** Every stored cell of a sheet but those of column `skip`, keyed by address (exceljs's public iteration). */
function cellsOf(ws: ExcelJS.Worksheet, skip: number | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (Number(cell.col) === skip) return;
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

const today = '2023-11-15' as CalendarDate;

interface Case {
  name: string;
  build: () => Buffer;
  /** exceljs (another reader of .xlsx) reads the file too; it cannot read prefixed XML, so not that one. */
  exceljsReads?: false;
  /** What else of the issue's list this file holds, checked on the result's XML and as read back. */
  also: (result: { part: (name: string) => string; input: Buffer; output: string }) => Promise<void> | void;
}

const part = (bytes: Buffer) => {
  const parts = partsOf(bytes);
  return (name: string) => {
    const found = parts.get(name);
    if (!found) throw new Error(`no part ${name}`);
    return found.content.toString('utf8');
  };
};

/** Each producer's workbook, and what its case is about. */
const CASES: Case[] = [
  {
    name: 'Excel 365: bảng (Format as Table) có dòng tổng, thanh dữ liệu và danh sách chọn x14 cạnh ghi chú của chúng ta; mật khẩu tab, khổ in Letter, kiểu ô có tên, phông Aptos',
    build: excel365,
    also: ({ part: p }) => {
      const trips = p('xl/worksheets/sheet2.xml');
      // Our notes drawing goes before the table and the extensions (CT_Worksheet), the data bar stays one rule.
      expect(trips).toMatch(/<legacyDrawing r:id="rId\d+"\/><tableParts count="1">/);
      expect(trips.match(/type="dataBar"/g)).toHaveLength(2);
      expect(p('xl/worksheets/sheet1.xml')).toContain('<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>');
      expect(p('xl/worksheets/sheet1.xml')).toContain('<pageSetup orientation="landscape" r:id="rId1"/>');
      expect(p('xl/styles.xml')).toContain('<font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font>');
      expect(p('xl/tables/table1.xml')).not.toContain('headerRowCount');
    },
  },
  {
    name: 'Google Sheets: phông Arial 10, ghi chú dạng chữ thường (<text><t>) của người dùng cạnh ghi chú của chúng ta',
    build: googleExport,
    also: async ({ output }) => {
      const notes = (await XlsxWorkbook.load(output)).readTab('Đi cơ sở', { notes: true })!.notes!;
      expect(notes[2]![8]).toBe('Xã đổi tên từ 2023\n(theo Nghị quyết 1234)');
      expect(notes[UNKNOWN_CADRE_ROW - 1]![1]).toMatch(new RegExp(`^${NOTE_MARKER.replace(/[[\]+]/g, '\\$&')}Không có cán bộ “Lê Văn Khoa”`));
    },
  },
  {
    name: 'LibreOffice: không có phần chủ đề (theme), kiểu ô có tên của LibreOffice',
    build: libreOffice,
    also: ({ part: p, output }) => {
      expect(partsOf(readFileSync(output)).has('xl/theme/theme1.xml')).toBe(false);
      expect(p('xl/_rels/workbook.xml.rels')).not.toContain('theme');
      expect(p('xl/styles.xml')).toContain('<cellStyle name="Tiêu đề cột" xfId="5"/>');
    },
  },
  {
    name: 'XML có tiền tố (x:c), phần tab không tên sheetN.xml, ô và dòng không có r=, ngày 1904 và ISO, _x000D_ và ký tự điều khiển',
    build: prefixedTool,
    exceljsReads: false,
    also: async ({ output }) => {
      const trips = (await XlsxWorkbook.load(output)).readTab('Đi cơ sở')!.values;
      expect(trips[1]![8]).toBe('Xã Phi Thông\r\nấp \u00013 (mã _x000D_)');
      expect(trips[1]![6]).toEqual(new Date(Date.UTC(2023, 1, 1)));
      expect(trips[2]![7]).toEqual(new Date(Date.UTC(2023, 4, 12)));
    },
  },
];

describe('dicoso check trả lại nguyên vẹn tệp của từng phần mềm', () => {
  const results: string[] = [];
  it.each(CASES)('$name', async ({ name, build, also, exceljsReads }) => {
    const input = build();
    const file = path.join(dir, `${CASES.findIndex((c) => c.name === name)}.xlsx`);
    writeFileSync(file, input);
    const output = file.replace(/\.xlsx$/, '-ket-qua.xlsx');
    const outcome = await checkWorkbook(file, { today, out: output });
    // Worked out by hand: the one trip whose cadre is not on the roster; nothing on an Excel table's totals row.
    expect(outcome.report.issues.map((i) => [i.tab, i.row, i.column, i.code])).toEqual([['Đi cơ sở', UNKNOWN_CADRE_ROW, 'Họ và tên', 'unknown-cadre']]);
    expect(outcome.report.cadres.map((c) => [c.name, c.daysDone])).toEqual([
      ['Nguyễn Thị Thủy', 1],
      ['Trần Văn Hòa', 5],
    ]);
    const bytes = readFileSync(output);
    expect(differences(input, bytes)).toEqual([]);
    await also({ part: part(bytes), input, output });
    // Another program reads it all.
    if (exceljsReads !== false)
      expect((await loadForContent(output)).worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Cán bộ', 'Đi cơ sở', 'Tổng hợp 1+2']));
    // A second run changes nothing more.
    const again = output.replace(/\.xlsx$/, '-2.xlsx');
    await checkWorkbook(output, { today, out: again });
    const [first, second] = [partsOf(bytes), partsOf(readFileSync(again))];
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, p] of first) expect(second.get(name)!.content.equals(p.content), name).toBe(true);
    results.push(output);
  });

  it.skipIf(noLibreOffice)(
    'LibreOffice mở được mọi tệp kết quả và đọc thấy ô, ghi chú của người dùng cùng cột kết quả',
    () => {
      expect(results).toHaveLength(CASES.length);
      const converted = convertWithLibreOffice(results, 'fods');
      for (const fods of converted) {
        const text = readFileSync(fods, 'utf8');
        expect(text, fods).toContain('Lê Văn Khoa');
        expect(text, fods).toContain('Kết quả kiểm tra');
        expect(text, fods).toContain('Không có cán bộ “Lê Văn Khoa” trong tab Cán bộ');
      }
      expect(readFileSync(converted[0]!, 'utf8')).toContain('Đang nghỉ phép tháng 6');
      expect(readFileSync(converted[1]!, 'utf8')).toContain('Xã đổi tên từ 2023');
    },
    180_000,
  );
});

describe('Xóa đánh dấu của tiện ích trên tệp .xlsx (cổng Workbook)', () => {
  // Google's empty <definedNames/> is left out once our names go: a names list may not be empty (CT_DefinedNames).
  it.each(CASES.filter((c) => c.build !== googleExport))('$name: sau khi kiểm tra rồi xóa đánh dấu, không còn gì của chúng ta', async ({ build }) => {
    const input = build();
    const file = path.join(dir, `xoa-${input.length}.xlsx`);
    writeFileSync(file, input);
    const checked = file.replace(/\.xlsx$/, '-kq.xlsx');
    await checkWorkbook(file, { today, out: checked });
    const book = await XlsxWorkbook.load(checked);
    expect(removeOurMarks(book, { deleteGenerated: true })).toEqual({
      tabs: ['Cán bộ', 'Đi cơ sở'],
      deleted: ['Tổng hợp 1+2', 'Mẫu 2 - Tổng hợp', 'Mẫu 3 Quý IV-2023'],
    });
    const clean = file.replace(/\.xlsx$/, '-sach.xlsx');
    await book.save(clean);
    const bytes = readFileSync(clean);
    expect(differences(input, bytes)).toEqual([]);
    const again = await XlsxWorkbook.load(clean);
    expect(again.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở', ...(build === excel365 ? ['Danh mục'] : [])]);
    for (const tab of ['Cán bộ', 'Đi cơ sở']) {
      const data = again.readTab(tab, { notes: true })!;
      expect(data.ownedColumn).toBeNull();
      expect(data.notes!.flat().some((n) => n.includes(NOTE_MARKER))).toBe(false);
    }
    const xml = [...partsOf(bytes).values()].map((p) => p.content.toString('utf8')).join('');
    expect(xml).not.toContain('dicoso 1+2');
    expect(xml).not.toContain('_dicoso_');
  });
});

describe('những phần exceljs từng bỏ đi (biểu đồ, bảng tổng hợp, macro, slicer…) nay được chép nguyên', () => {
  const SAMPLE = path.join(ROOT, 'samples/tinh-doan-mau.xlsx');

  it('gói có macro, slicer, liên kết ngoài, bình luận hội thoại, dữ liệu tùy chỉnh: từng phần giữ nguyên từng byte', async () => {
    const sample = partsOf(readFileSync(SAMPLE));
    const files: Record<string, string | Buffer> = {};
    for (const [name, p] of sample) files[name] = p.content;
    const extra: Record<string, string> = {
      'xl/vbaProject.bin': 'VBA\u0000project',
      'xl/slicers/slicer1.xml': '<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/>',
      'xl/externalLinks/externalLink1.xml': '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      'xl/threadedComments/threadedComment1.xml': '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
      'customXml/item1.xml': '<dulieu xmlns="urn:tinh-doan">riêng</dulieu>',
    };
    const input = xlsxPackage({ ...(files as Record<string, string>), ...extra });
    const file = path.join(dir, 'day-du-goi.xlsx');
    writeFileSync(file, input);
    const out = path.join(dir, 'day-du-goi-ket-qua.xlsx');
    await checkWorkbook(file, { today, out });
    expect(differences(input, readFileSync(out))).toEqual([]);
  });

  it('tệp do LibreOffice lưu có biểu đồ, ảnh, hình vẽ, bảng tổng hợp và bảng: không báo mất gì, mọi phần còn nguyên', () => {
    // The sample with a tab of a chart, a picture, a shape, a pivot table and a table, saved by LibreOffice
    // (test/fixtures/libreoffice/make.ts).
    const input = path.join(ROOT, 'test/fixtures/libreoffice/tinh-doan-mau-bieu-do.xlsx');
    const out = path.join(dir, 'bieu-do-ket-qua.xlsx');
    const run = dicoso(['check', input, '--today', '2023-11-15', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const parts = [...partsOf(readFileSync(out)).keys()];
    expect(parts.some((n) => n.startsWith('xl/charts/'))).toBe(true);
    expect(parts.some((n) => n.startsWith('xl/pivotTables/'))).toBe(true);
    expect(differences(readFileSync(input), readFileSync(out))).toEqual([]);
  }, 180_000);
});

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

const OUR_PREFIXES = ourHighlightPrefixes();

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
