import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import type { TabLayout } from '../../src/core/grid';
import { isUserError } from '../../src/core/user-error';
import { WorkbookReadError, XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { loadForContent } from '../support/xlsx-content';
import type { TabAnnotations } from '../../src/sheets/workbook';
import { NOTE_MARKER } from '../../src/sheets/notes';
import { rect } from '../support/grid';
import { zipEntries, zipEntryContent } from '../../src/xlsx/zip/entries';
import { highlightFormula, TRIP_HIGHLIGHTS } from '../../src/core/highlights';
import { xlsxPackage } from './files';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dicoso-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const tempPath = (name = 'wb') => join(dir, `${name}-${++counter}.xlsx`);

/** Writes a workbook built with exceljs directly (as Excel or another tool would have saved it). */
async function fileFrom(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = tempPath('src');
  await wb.xlsx.writeFile(path);
  return path;
}

async function saved(book: XlsxWorkbook): Promise<string> {
  const path = tempPath('saved');
  await book.save(path);
  return path;
}

async function reload(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await saved(book));
}

/** The saved file as exceljs reads it: what another program sees. */
async function excelOf(book: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  return loadForContent(await saved(book));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function layout(name: string, values: TabLayout['values'], extra: Partial<TabLayout> = {}): TabLayout {
  return { name, values, merges: [], styles: [], columnWidths: [], frozenRows: 0, landscape: true, ...extra };
}

describe('XlsxWorkbook.readTab', () => {
  it('reads values as Sheets would: text, numbers, booleans, dates, blanks as ""', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('Đi cơ sở');
      ws.addRow(['STT', 'Họ và tên', 'Số ngày', 'Từ ngày', 'Xác nhận']);
      ws.addRow([1, 'Nguyễn Thị Thủy', 5, utc(2023, 6, 5), true]);
      ws.addRow([2, 'Trần Văn Hòa', null, '05/06/2023', false]);
      ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    });
    const book = await XlsxWorkbook.load(path);
    expect(book.tabNames()).toEqual(['Đi cơ sở']);
    expect(book.dateTimeZone).toBe('UTC');
    expect(book.readTab('Đi cơ sở')!.values).toEqual([
      ['STT', 'Họ và tên', 'Số ngày', 'Từ ngày', 'Xác nhận'],
      [1, 'Nguyễn Thị Thủy', 5, utc(2023, 6, 5), true],
      [2, 'Trần Văn Hòa', '', '05/06/2023', false],
    ]);
    expect(book.readTab('Không có')).toBeNull();
  });

  it('reads rich text as its text, formulas as their result, links as their text, errors as the error', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getCell('A1').value = { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Thị Thủy' }] };
      ws.getCell('B1').value = { formula: 'DATE(2023,6,5)', result: utc(2023, 6, 5) };
      ws.getCell('B1').numFmt = 'dd/mm/yyyy';
      ws.getCell('C1').value = { formula: 'B2*2', result: 14 };
      ws.getCell('D1').value = { text: 'Minh chứng', hyperlink: 'https://tinhdoan.example.vn/anh' };
      ws.getCell('E1').value = { error: '#N/A' };
      ws.getCell('F1').value = { formula: 'UPPER("x")', result: 'X' };
      ws.getCell('G1').value = { formula: 'NOW()' };
      ws.getCell('A2').value = { formula: 'ROW()', result: 2, shareType: 'shared', ref: 'A2:A3' } as ExcelJS.CellValue;
      ws.getCell('A3').value = { sharedFormula: 'A2', result: 3 } as ExcelJS.CellValue;
    });
    const values = (await XlsxWorkbook.load(path)).readTab('A')!.values;
    // G1's formula was never calculated: no result, so blank, and the data range ends at F.
    expect(values[0]).toEqual(['Nguyễn Thị Thủy', utc(2023, 6, 5), 14, 'Minh chứng', '#N/A', 'X']);
    expect(values[1]![0]).toBe(2);
    expect(values[2]![0]).toBe(3);
  });

  it('reads a merged block as Sheets does: the value in the top-left cell only', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ';
      ws.mergeCells('A1:C2');
      ws.getCell('A3').value = 'STT';
      ws.getCell('C3').value = 'Chức vụ';
    });
    const tab = (await XlsxWorkbook.load(path)).readTab('A')!;
    expect(rect(tab.values)).toEqual([
      ['DANH SÁCH CÁN BỘ', '', ''],
      ['', '', ''],
      ['STT', '', 'Chức vụ'],
    ]);
    expect(tab.merges).toEqual([{ row: 0, column: 0, rows: 2, columns: 3 }]);
  });

  it('trims to the last cell with a value, ignoring cells that are only formatted', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getCell('B2').value = 'x';
      ws.getCell('F9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      ws.getCell('D1').value = '';
    });
    expect(rect((await XlsxWorkbook.load(path)).readTab('A')!.values)).toEqual([
      ['', ''],
      ['', 'x'],
    ]);
  });

  it('reads notes of the data range when asked', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getCell('A1').value = 'Họ và tên';
      ws.getCell('B1').value = 'Số ngày';
      ws.getCell('B1').note = 'Tính theo công lệnh';
      ws.getCell('A2').value = 'Nguyễn Thị Thủy';
      ws.getCell('A2').note = { texts: [{ text: 'Chữ ' }, { font: { bold: true }, text: 'đậm' }] };
    });
    const book = await XlsxWorkbook.load(path);
    expect(rect(book.readTab('A')!.values)).toEqual([
      ['Họ và tên', 'Số ngày'],
      ['Nguyễn Thị Thủy', ''],
    ]);
    expect(rect(book.readTab('A', { notes: true })!.notes!, 2)).toEqual([
      ['', 'Tính theo công lệnh'],
      ['Chữ đậm', ''],
    ]);
  });

  it('reads a 5,000-row sheet fast', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('Đi cơ sở');
      ws.addRow(['STT', 'Họ và tên', 'Nội dung', 'Số ngày', 'Từ ngày', 'Đến ngày', 'Địa điểm', 'Trạng thái']);
      for (let i = 1; i <= 5000; i++) {
        ws.addRow([
          i,
          `Cán bộ ${i % 40}`,
          'Theo chuyên đề',
          5,
          utc(2023, 1 + (i % 12), 1),
          utc(2023, 1 + (i % 12), 5),
          'Xã Phi Thông, Thành phố Rạch Giá',
          'Đã thực hiện',
        ]);
      }
    });
    const book = await XlsxWorkbook.load(path);
    const started = performance.now();
    const tab = book.readTab('Đi cơ sở', { notes: true })!;
    const elapsed = performance.now() - started;
    expect(tab.values).toHaveLength(5001);
    expect(tab.values[5000]).toEqual([
      5000,
      'Cán bộ 0',
      'Theo chuyên đề',
      5,
      utc(2023, 9, 1),
      utc(2023, 9, 5),
      'Xã Phi Thông, Thành phố Rạch Giá',
      'Đã thực hiện',
    ]);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('XlsxWorkbook.load errors', () => {
  const expectReadError = async (path: string, message: RegExp) => {
    const error = await XlsxWorkbook.load(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  };

  it('a missing file', async () => {
    await expectReadError(join(dir, 'khong-co.xlsx'), /^Không tìm thấy tệp 'khong-co\.xlsx'/);
  });

  it('a CSV renamed .xlsx', async () => {
    const path = join(dir, 'danh-sach.xlsx');
    await writeFile(path, '\uFEFFSTT,Họ và tên,Số ngày\n1,Nguyễn Thị Thủy,5\n');
    await expectReadError(path, /^Không đọc được tệp 'danh-sach\.xlsx': đây không phải tệp Excel \(\.xlsx\)/);
  });

  it('a .csv file', async () => {
    const path = join(dir, 'x.csv');
    await writeFile(path, 'a;b\n1;2\n');
    await expectReadError(path, /^Không đọc được tệp 'x\.csv': đây không phải tệp Excel \(\.xlsx\)/);
  });

  it('random bytes', async () => {
    const path = join(dir, 'rac.xlsx');
    const bytes = new Uint8Array(4096);
    let seed = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    await writeFile(path, bytes);
    await expectReadError(path, /^Không đọc được tệp 'rac\.xlsx': đây không phải tệp Excel \(\.xlsx\)\.$/);
  });

  it('a truncated (corrupt) .xlsx', async () => {
    const good = await fileFrom((wb) => wb.addWorksheet('A').addRow(['x']));
    const bytes = await readFile(good);
    const path = join(dir, 'hong.xlsx');
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectReadError(path, /^Không đọc được tệp 'hong\.xlsx': tệp Excel bị hỏng/);
  });

  it('an old .xls file', async () => {
    const path = join(dir, 'cu.xls');
    await writeFile(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await expectReadError(path, /tệp Excel cũ \(\.xls\)/);
  });

  it('an empty file and a directory', async () => {
    const empty = join(dir, 'rong.xlsx');
    await writeFile(empty, '');
    await expectReadError(empty, /tệp rỗng/);
    const folder = join(dir, 'thu-muc.xlsx');
    await mkdir(folder);
    await expectReadError(folder, /là một thư mục/);
  });
});

describe('XlsxWorkbook.writeGeneratedTab, through a saved file', () => {
  const form = layout(
    'Mẫu 3',
    [
      ['BẢNG TỔNG HỢP KẾT QUẢ ĐI CƠ SỞ', '', ''],
      ['STT', 'Họ và tên', 'Kết quả, đề xuất'],
      [1, 'Nguyễn Thị Thủy', '=Đề xuất tăng kinh phí'],
      [2, 'Trần Văn Hòa', '=SUM(A3:A4)'],
      ['Tổng', null, true],
    ],
    {
      merges: [{ row: 0, column: 0, rows: 1, columns: 3 }],
      styles: [
        { range: { row: 0, column: 0, rows: 1, columns: 3 }, style: { bold: true, fontSize: 14, horizontalAlignment: 'center' } },
        { range: { row: 1, column: 0, rows: 4, columns: 3 }, style: { border: true, wrap: true, verticalAlignment: 'middle' } },
        { range: { row: 1, column: 0, rows: 1, columns: 3 }, style: { bold: true, background: '#d9ead3', fontColor: '#1155cc' } },
        { range: { row: 2, column: 0, rows: 2, columns: 1 }, style: { numberFormat: '0', italic: true } },
      ],
      columnWidths: [42, 210, 350],
      frozenRows: 2,
      landscape: true,
    },
  );

  it('keeps a text that starts with "=" as text after reloading', async () => {
    const book = XlsxWorkbook.createEmpty();
    book.writeGeneratedTab(form);
    const again = await reload(book);
    const file = await excelOf(book);
    expect(rect(again.readTab('Mẫu 3')!.values)).toEqual([
      ['BẢNG TỔNG HỢP KẾT QUẢ ĐI CƠ SỞ', '', ''],
      ['STT', 'Họ và tên', 'Kết quả, đề xuất'],
      [1, 'Nguyễn Thị Thủy', '=Đề xuất tăng kinh phí'],
      [2, 'Trần Văn Hòa', '=SUM(A3:A4)'],
      ['Tổng', '', true],
    ]);
    const cell = file.getWorksheet('Mẫu 3')!.getCell('C4');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('writes merges, styles, widths, frozen rows and an A4 landscape page fitted to the width', async () => {
    const book = XlsxWorkbook.createEmpty();
    book.writeGeneratedTab(form);
    const ws = (await excelOf(book)).getWorksheet('Mẫu 3')!;

    expect(ws.model.merges).toEqual(['A1:C1']);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    // Header: border from one range, bold/fill/colour from another.
    expect(ws.getCell('B2').font).toMatchObject({ bold: true, color: { argb: 'FF1155CC' } });
    expect(ws.getCell('B2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } });
    for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(ws.getCell('C5').border[side]).toMatchObject({ style: 'thin' });
    expect(ws.getCell('C5').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(ws.getCell('A3').numFmt).toBe('0');
    expect(ws.getCell('A3').font).toMatchObject({ italic: true });
    expect(ws.getCell('A1').border?.top).toBeUndefined();

    expect(ws.getColumn(1).width).toBeCloseTo(6, 0);
    expect(ws.getColumn(2).width).toBeCloseTo(30, 0);
    expect(ws.getColumn(3).width).toBeCloseTo(50, 0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.25, right: 0.25 });
  });

  it('replaces a tab it made, in its place; a new tab goes at the end', async () => {
    const path = await fileFrom((wb) => {
      wb.addWorksheet('Cán bộ').addRow(['x']);
      wb.addWorksheet('Đi cơ sở').addRow(['y']);
    });
    const book = await XlsxWorkbook.load(path);
    book.writeGeneratedTab(layout('Mẫu 3', [['cũ', 'cũ']], { merges: [{ row: 0, column: 0, rows: 1, columns: 2 }] }));
    book.writeGeneratedTab(layout('Mẫu 2', [['thêm']]));
    const once = await reload(book);
    expect(once.writeGeneratedTab(layout('Mẫu 3', [['mới']]))).toBe('Mẫu 3');
    const again = await reload(once);
    expect(again.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở', 'Mẫu 3', 'Mẫu 2']);
    expect(again.readTab('Mẫu 3')!.values).toEqual([['mới']]);
    expect((await excelOf(again)).getWorksheet('Mẫu 3')!.model.merges).toEqual([]);
    expect(again.generatedTabs()).toEqual(['Mẫu 3', 'Mẫu 2']);
  });

  it("never writes over a tab of the user's with the same name, in any case: ours takes “(2)”", async () => {
    const path = await fileFrom((wb) => {
      wb.addWorksheet('Tổng hợp 1+2').addRow(['bảng của tôi']);
      wb.addWorksheet('mẫu 2 - tổng hợp').addRow(['của tôi nữa']);
    });
    const book = await XlsxWorkbook.load(path);
    expect(book.writeGeneratedTab(layout('Tổng hợp 1+2', [['mới']]))).toBe('Tổng hợp 1+2 (2)');
    expect(book.writeGeneratedTab(layout('Mẫu 2 - Tổng hợp', [['mới']]))).toBe('Mẫu 2 - Tổng hợp (2)');
    const again = await reload(book);
    expect(again.readTab('Tổng hợp 1+2')!.values).toEqual([['bảng của tôi']]);
    expect(again.readTab('mẫu 2 - tổng hợp')!.values).toEqual([['của tôi nữa']]);
    // A second run finds its own "(2)" tab by its marker and replaces it.
    expect(again.writeGeneratedTab(layout('Tổng hợp 1+2', [['lần hai']]))).toBe('Tổng hợp 1+2 (2)');
    expect(again.tabNames()).toEqual(['Tổng hợp 1+2', 'mẫu 2 - tổng hợp', 'Tổng hợp 1+2 (2)', 'Mẫu 2 - Tổng hợp (2)']);
  });

  it('refuses a layout that is not rectangular or a range outside it', () => {
    const book = XlsxWorkbook.createEmpty();
    expect(() => book.writeGeneratedTab(layout('T', [['a', 'b'], ['c']]))).toThrow();
    expect(() => book.writeGeneratedTab(layout('U', [['a']], { merges: [{ row: 0, column: 0, rows: 2, columns: 1 }] }))).toThrow();
  });
});

describe('XlsxWorkbook.annotateTab, through a saved file', () => {
  /** A user's sheet where all data cells share one loaded style (exceljs then shares the style object). */
  const userSheet = () =>
    fileFrom((wb) => {
      const ws = wb.addWorksheet('Đi cơ sở');
      ws.addRow(['Họ và tên', 'Số ngày', 'Từ ngày']);
      ws.addRow(['Nguyễn Thị Thủy', 5, utc(2023, 6, 5)]);
      ws.addRow(['Trần Văn Hòa', 9, utc(2023, 6, 12)]);
      ws.addRow(['Lê Hoàng Khoa', 3, utc(2023, 7, 1)]);
      for (let r = 1; r <= 4; r++) {
        for (let c = 1; c <= 3; c++) {
          ws.getCell(r, c).font = { name: 'Times New Roman', size: 13, italic: true };
          ws.getCell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
        }
      }
      ws.getCell('A3').note = 'Ghi chú của người dùng';
      ws.getColumn(3).numFmt = 'dd/mm/yyyy';
    });

  const M = NOTE_MARKER;
  const annotations = (extra: Partial<TabAnnotations> = {}): TabAnnotations => ({
    tab: 'Đi cơ sở',
    statusColumn: 4,
    statusCells: [{ row: 1, column: 4, values: [['Kiểm tra 1+2'], ['Hợp lệ'], ['Lỗi: Số ngày lớn hơn khoảng thời gian'], ['=Cảnh báo']] }],
    notes: [
      { row: 3, column: 1, values: [[`Ghi chú của người dùng\n${M}Trùng thời gian`]] },
      { row: 3, column: 2, values: [[`${M}Số ngày 9 > 7`]] },
    ],
    highlights: { firstRow: 2, rules: TRIP_HIGHLIGHTS },
    ...extra,
  });

  it('writes statuses, notes and our colouring rules, and leaves every user value and format as it was', async () => {
    const book = await XlsxWorkbook.load(await userSheet());
    book.annotateTab(annotations());
    const again = await reload(book);
    expect(again.readTab('Đi cơ sở', { notes: true })).toMatchObject({
      values: [
        ['Họ và tên', 'Số ngày', 'Từ ngày', 'Kiểm tra 1+2'],
        ['Nguyễn Thị Thủy', 5, utc(2023, 6, 5), 'Hợp lệ'],
        ['Trần Văn Hòa', 9, utc(2023, 6, 12), 'Lỗi: Số ngày lớn hơn khoảng thời gian'],
        ['Lê Hoàng Khoa', 3, utc(2023, 7, 1), '=Cảnh báo'],
      ],
      notes: [[], [], [`Ghi chú của người dùng\n${M}Trùng thời gian`, `${M}Số ngày 9 > 7`]],
      ownedColumn: 4,
    });
    const ws = (await excelOf(again)).getWorksheet('Đi cơ sở')!;
    // The user's fills and fonts are as they were: the colours are conditional-format rules keyed to column D.
    for (const a1 of ['A1', 'A2', 'B3', 'C4']) {
      expect(ws.getCell(a1).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
      expect(ws.getCell(a1).font).toMatchObject({ name: 'Times New Roman', size: 13, italic: true });
      expect(ws.getCell(a1).font.bold).toBeFalsy();
    }
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.String);
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => [r.ref, r.rules[0]!.formulae[0]])).toEqual([
      ['A2:D1048576', highlightFormula(4, 2, 'Lỗi')],
      ['D2:D1048576', highlightFormula(4, 2, 'Lưu ý')],
    ]);
  });

  it("a second run replaces our rules instead of adding to them, and keeps the user's own rule", async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('Đi cơ sở');
      ws.addRow(['Họ và tên', 'Số ngày']);
      ws.addRow(['Nguyễn Thị Thủy', 5]);
      ws.addConditionalFormatting({
        ref: 'B2:B100',
        rules: [{ type: 'expression', priority: 1, formulae: ['B2>7'], style: { font: { color: { argb: 'FFFF0000' } } } }],
      });
    });
    let book = await XlsxWorkbook.load(path);
    const a = (): TabAnnotations => ({
      tab: 'Đi cơ sở',
      statusColumn: 3,
      statusCells: [{ row: 1, column: 3, values: [['Kiểm tra'], ['Hợp lệ']] }],
      notes: [],
      highlights: { firstRow: 2, rules: TRIP_HIGHLIGHTS },
    });
    book.annotateTab(a());
    book = await reload(book);
    book.annotateTab({ ...a(), statusCells: [] });
    book = await reload(book);
    const rules = ((await excelOf(book)).getWorksheet('Đi cơ sở')! as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    expect(rules.map((r) => r.rules[0]!.formulae[0])).toEqual(['B2>7', highlightFormula(3, 2, 'Lỗi'), highlightFormula(3, 2, 'Lưu ý')]);
  });

  it('finds its column again by its defined name, even after a column is inserted before it', async () => {
    const book = await XlsxWorkbook.load(await userSheet());
    book.annotateTab(annotations());
    const excel = await excelOf(book);
    const ws = excel.getWorksheet('Đi cơ sở')!;
    // As Excel does when a person inserts a column: the cells and our defined name move right.
    ws.spliceColumns(2, 0, []);
    const path = tempPath('moved');
    await excel.xlsx.writeFile(path);
    const moved = await XlsxWorkbook.load(path);
    expect(moved.readTab('Đi cơ sở')!.ownedColumn).toBe(5);
  });

  it('throws for a missing tab or blocks of unequal rows', async () => {
    const book = await XlsxWorkbook.load(await userSheet());
    expect(() => book.annotateTab(annotations({ tab: 'Không có' }))).toThrow();
    expect(() => book.annotateTab(annotations({ notes: [{ row: 2, column: 1, values: [['a', 'b'], ['c']] }] }))).toThrow();
  });
});

describe('XlsxWorkbook.appendRows, through a saved file', () => {
  it('appends after the last used row: text stays text, dates become dd/mm/yyyy date cells', async () => {
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('Đi cơ sở');
      ws.addRow(['STT', 'Họ và tên', 'Từ ngày', 'Kết quả']);
      ws.addRow([1, 'Nguyễn Thị Thủy', utc(2023, 6, 5)]);
      ws.getCell('A9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    const book = await XlsxWorkbook.load(path);
    const first = book.appendRows('Đi cơ sở', [
      [2, 'Trần Văn Hòa', { date: '2023-12-04' as CalendarDate }, '=SUM(A1:A2)'],
      [3, 'Lê Hoàng Khoa', null, true],
    ]);
    expect(first).toBe(3);
    const again = await reload(book);
    expect(again.readTab('Đi cơ sở')!.values.slice(2)).toEqual([
      [2, 'Trần Văn Hòa', utc(2023, 12, 4), '=SUM(A1:A2)'],
      [3, 'Lê Hoàng Khoa', '', true],
    ]);
    const ws = (await excelOf(again)).getWorksheet('Đi cơ sở')!;
    expect(ws.getCell('C3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('XlsxWorkbook dates', () => {
  it('a date stays the same calendar date through save and load', async () => {
    const dates = [utc(2023, 1, 1), utc(2023, 6, 5), utc(2023, 12, 31), utc(2024, 2, 29), utc(1999, 12, 31)];
    const path = await fileFrom((wb) => {
      const ws = wb.addWorksheet('A');
      dates.forEach((d, i) => {
        ws.getCell(i + 1, 1).value = d;
        ws.getCell(i + 1, 1).numFmt = 'dd/mm/yyyy';
      });
    });
    const again = await reload(await XlsxWorkbook.load(path));
    const read = again.readTab('A')!.values.map((row) => (row[0] as Date).toISOString().slice(0, 10));
    expect(read).toEqual(['2023-01-01', '2023-06-05', '2023-12-31', '2024-02-29', '1999-12-31']);
  });
});

describe('XlsxWorkbook helpers for init', () => {
  it('adds a short dropdown inline', async () => {
    const book = XlsxWorkbook.createEmpty();
    book.writeGeneratedTab(layout('Đi cơ sở', [['STT', 'Trạng thái']], { landscape: false }));
    book.addListValidation('Đi cơ sở', 2, 2, 500, ['Đăng ký', 'Đã duyệt', 'Đã thực hiện', 'Hủy']);
    const ws = (await excelOf(book)).getWorksheet('Đi cơ sở')!;
    const rule = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(rule['B2']).toMatchObject({ type: 'list', formulae: ['"Đăng ký,Đã duyệt,Đã thực hiện,Hủy"'] });
    expect(rule['B500']).toBeDefined();
    expect(rule['B501']).toBeUndefined();
    expect(rule['A2']).toBeUndefined();
  });

  it('puts a list longer than 255 characters on a hidden "DanhMuc" tab, reused for the same list', async () => {
    const book = XlsxWorkbook.createEmpty();
    book.writeGeneratedTab(layout('Đi cơ sở', [['Họ và tên', 'Nội dung', 'Địa điểm']]));
    const names = Array.from({ length: 40 }, (_, i) => `Nguyễn Văn Người Thứ ${i + 1}`);
    const kinds = ['Theo chuyên đề', 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở', 'Kiểm tra, giám sát'];
    book.addListValidation('Đi cơ sở', 1, 2, 100, names);
    book.addListValidation('Đi cơ sở', 2, 2, 100, kinds); // short, but holds commas
    book.addListValidation('Đi cơ sở', 3, 2, 100, names);
    const again = await reload(book);
    const excel = await excelOf(book);
    const ws = excel.getWorksheet('Đi cơ sở')!;
    const rule = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(rule['A2']!.formulae).toEqual(["'DanhMuc'!$A$1:$A$40"]);
    expect(rule['B2']!.formulae).toEqual(["'DanhMuc'!$B$1:$B$3"]);
    expect(rule['C2']!.formulae).toEqual(["'DanhMuc'!$A$1:$A$40"]);
    const list = excel.getWorksheet('DanhMuc')!;
    expect(list.state).toBe('hidden');
    expect(again.readTab('DanhMuc')!.values.map((row) => row[0])).toEqual(names);
  });

  it('sets a date format on a column of a tab it creates, for rows typed later too, without touching other columns', async () => {
    const book = XlsxWorkbook.createEmpty();
    book.createUserTab(layout('Đi cơ sở', [['Từ ngày', 'Đến ngày']]));
    book.setColumnFormat('Đi cơ sở', 1, 'dd/mm/yyyy');
    book.appendRows('Đi cơ sở', [[{ date: '2023-06-05' as CalendarDate }, 45082]]);
    const ws = (await excelOf(book)).getWorksheet('Đi cơ sở')!;
    expect(ws.getColumn(1).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('A2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('A50').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B2').numFmt).not.toBe('dd/mm/yyyy');
  });
});

describe('XlsxWorkbook: in ấn', () => {
  it('tab mẫu lặp lại dòng tiêu đề cột trên mỗi trang và sang trang mới đúng chỗ', async () => {
    const book = XlsxWorkbook.createEmpty();
    book.writeGeneratedTab(layout('Mẫu 1', [['a'], ['STT'], ['(1)'], ['x'], ['b']], { printTitleRows: { first: 1, last: 2 }, pageBreaks: [4] }));
    const ws = (await excelOf(book)).getWorksheet('Mẫu 1')!;
    expect(ws.pageSetup.printTitlesRow).toBe('2:3');
    // exceljs writes page breaks but does not read them back: look in the saved sheet's XML.
    const bytes = await readFile(await saved(book));
    const sheet = zipEntries(bytes)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(zipEntryContent(bytes, sheet)!.toString('utf8')).toMatch(/<rowBreaks[^>]*><brk id="4"/);
  });

  it('tab nhập liệu chưa có thiết lập in: in A4 ngang vừa chiều rộng; thiết lập in của người dùng (cả khi không ghi khổ giấy, như Excel ghi khổ Letter) thì giữ', async () => {
    const sheet = (tail: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row></sheetData>${tail}</worksheet>`;
    const path = tempPath('in');
    await writeFile(
      path,
      xlsxPackage({
        'xl/workbook.xml':
          '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đi cơ sở" sheetId="1" r:id="rId1"/><sheet name="Cán bộ" sheetId="2" r:id="rId2"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
        'xl/worksheets/sheet1.xml': sheet('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'),
        'xl/worksheets/sheet2.xml': sheet(
          '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait"/>',
        ),
      }),
    );
    const book = await XlsxWorkbook.load(path);
    for (const tab of ['Đi cơ sở', 'Cán bộ'])
      book.annotateTab({ tab, statusColumn: 2, statusCells: [{ row: 1, column: 2, values: [['Kết quả']] }], notes: [] });
    const again = await excelOf(book);
    expect(again.getWorksheet('Đi cơ sở')!.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(again.getWorksheet('Cán bộ')!.pageSetup).toMatchObject({ paperSize: undefined, orientation: 'portrait', fitToPage: false });
  });
});

describe('cột kết quả của ta in ra đọc được (issue 20), không đụng định dạng của người dùng', () => {
  const LONG =
    'Lưu ý: Đợt “cùng ăn, cùng ở, cùng làm” 2 ngày không đạt yêu cầu tối thiểu 30 ngày: vẫn tính ngày nhưng không tính là đợt “cùng ăn, cùng ở, cùng làm” hợp lệ.';
  /** A trips tab of nine columns of `widths` characters (none for J, our column, unless `statusWidth`), row 3 of a height its author set. */
  const tripsSheet = (widths: number[], statusWidth?: number) => {
    const cols = [
      ...widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`),
      ...(statusWidth ? [`<col min="10" max="10" width="${statusWidth}" customWidth="1"/>`] : []),
    ];
    const row = (r: number, attrs = '') => `<row r="${r}"${attrs}><c r="A${r}" t="inlineStr"><is><t>${r === 1 ? 'STT' : r - 1}</t></is></c></row>`;
    return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:I3"/><cols>${cols.join('')}</cols><sheetData>${row(1)}${row(2)}${row(3, ' ht="21" customHeight="1"')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  };
  const run = async (widths: number[], statusWidth?: number) => {
    const path = tempPath('rong');
    await writeFile(path, xlsxPackage({ 'xl/worksheets/sheet1.xml': tripsSheet(widths, statusWidth) }));
    const book = await XlsxWorkbook.load(path);
    book.annotateTab({ tab: 'Cán bộ', statusColumn: 10, statusCells: [{ row: 1, column: 10, values: [['Kết quả kiểm tra'], [LONG], [LONG]] }], notes: [] });
    return (await excelOf(book)).getWorksheet('Cán bộ')!;
  };

  it('bảng rộng: in vừa hai trang ngang để chữ 11 pt còn từ 8 pt trở lên, không ép vào một trang', async () => {
    // A…I: 252 characters, 252 × 7 + 9 × 5 = 1,809 px; J, ours: 320 + 5 px; 2,134 px = 1,600.5 pt. A4 landscape less
    // 0.7" margins: 741.1 pt. One page wide prints at 46 % (5 pt); at 8/11 the table needs 1,164 pt: two pages.
    const ws = await run([6, 24, 20, 40, 10, 32, 36, 14, 70]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 2, fitToHeight: 0 });
    // Our column: our width (320 px, 45.71 characters), our texts wrapped and top-aligned.
    expect(ws.getColumn(10).width).toBeCloseTo(45.71, 1);
    expect(ws.getCell('J2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Row 2's height was automatic: it grows to the result's lines (about 150 characters, 40 to a line in 320 px
    // of Calibri: 4 lines of 11 pt, at least 48 pt). Row 3's height is its author's: kept.
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(48);
    expect(ws.getRow(2).height).toBeLessThanOrEqual(70);
    expect(ws.getRow(3).height).toBe(21);
  });

  it('bảng hẹp: vừa một trang ngang; độ rộng người dùng đã đặt cho cột của ta được giữ', async () => {
    // A…I: 9 × (10 × 7 + 5) px, J (20 characters) 145 px: 820 px = 615 pt, under the page's 741 pt: one page wide.
    const ws = await run([10, 10, 10, 10, 10, 10, 10, 10, 10], 20);
    expect(ws.pageSetup).toMatchObject({ fitToWidth: 1 });
    expect(ws.getColumn(10).width).toBe(20);
    expect(ws.getCell('J2').alignment).toMatchObject({ wrapText: true });
  });
});
