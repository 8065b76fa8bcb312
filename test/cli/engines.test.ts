import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/cli/check';
import { XlsxWorkbook } from '../../src/cli/xlsx-workbook';
import type { CalendarDate } from '../../src/core/calendar-date';
import { ROOT } from '../support/bundle';
import { hostileWorkbook } from '../support/hostile';
import { contentDifferences, loadForContent, workbookContent } from '../support/xlsx-content';
import { xlsxPackage } from './files';
import { writeFileSync } from 'node:fs';

/**
 * The streaming path (compact cells, xlsx-io.ts) against exceljs's own load and save, on the same input: the result
 * files must hold the same workbook, cell by cell (value, formula, rich text, hyperlink, style, note) and tab by tab
 * (merges, widths, heights, frozen panes, page set-up, dropdowns, conditional formats, pictures, defined names).
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-engines-'));
});

const today = '2023-11-15' as CalendarDate;

async function bothPaths(input: string, name: string, flags: { ban?: string; quarter?: 1 | 2 | 3 | 4 } = {}): Promise<{ exceljs: string; compact: string }> {
  const exceljs = path.join(dir, `${name}-exceljs.xlsx`);
  const compact = path.join(dir, `${name}-compact.xlsx`);
  await checkWorkbook(input, { json: false, today, out: exceljs, ...flags }, new Date(), () => {}, { engine: 'exceljs' });
  await checkWorkbook(input, { json: false, today, out: compact, ...flags }, new Date(), () => {}, { engine: 'compact' });
  return { exceljs, compact };
}

async function differences(a: string, b: string): Promise<string[]> {
  return contentDifferences(workbookContent(await loadForContent(a)), workbookContent(await loadForContent(b)));
}

describe('hai cách đọc/ghi tệp cho cùng một kết quả', () => {
  it.each([
    ['tệp mẫu, cả tỉnh', {}],
    ['tệp mẫu, một ban, quý 3', { ban: 'Ban Tuyên giáo', quarter: 3 as const }],
  ])('%s', async (_name, flags) => {
    const { exceljs, compact } = await bothPaths(path.join(ROOT, 'samples/tinh-doan-mau.xlsx'), `mau-${Object.keys(flags).length}`, flags);
    expect(await differences(exceljs, compact)).toEqual([]);
  });

  it('bảng tính “khó” (gộp ô, ghi chú ô trống, chữ nhiều định dạng, liên kết, công thức, ảnh…), chạy lần đầu rồi chạy lại trên kết quả', async () => {
    const input = path.join(dir, 'kho.xlsx');
    await hostileWorkbook().xlsx.writeFile(input);
    const first = await bothPaths(input, 'kho-1');
    expect(await differences(first.exceljs, first.compact)).toEqual([]);
    const again = await bothPaths(first.compact, 'kho-2');
    expect(await differences(again.exceljs, again.compact)).toEqual([]);
  });

  it('so sánh thấy được khác biệt (một ô đổi giá trị)', async () => {
    const input = path.join(dir, 'kho-doi.xlsx');
    const wb = hostileWorkbook();
    await wb.xlsx.writeFile(input);
    wb.getWorksheet('Đi cơ sở')!.getCell('I4').value = 'Xã khác';
    const changed = path.join(dir, 'kho-doi-2.xlsx');
    await wb.xlsx.writeFile(changed);
    expect(await differences(input, changed)).toEqual([expect.stringContaining('/sheets/1/cells/I4')]);
  });
});

describe('tệp lạ: đọc rồi ghi lại bằng hai cách cho cùng nội dung', () => {
  const SHEET = (rows: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  it.each([
    [
      'hai dòng cùng số (dòng sau thắng, như exceljs)',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>',
    ],
    [
      'hai dòng cùng số, dòng đầu có công thức',
      '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c></row><row r="3"><c r="A3"><f>2+2</f><v>4</v></c></row>',
    ],
    [
      'ô không theo thứ tự cột, ô thiếu địa chỉ',
      '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c></row>',
    ],
    [
      'chữ nhiều định dạng, chuỗi công thức, đúng/sai, lỗi',
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Tháng </t></r><r><rPr><b/></rPr><t>Thanh niên</t></r></is></c><c r="B1" t="str"><v>văn bản</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c></row>',
    ],
    [
      'công thức dùng chung và dòng có chiều cao, bị ẩn',
      '<row r="1" ht="30" customHeight="1" hidden="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3" hidden="1"/>',
      // exceljs alone drops a row with no cells unless it has a height; the streaming path keeps the hidden row 3.
      ['/sheets/0/rows/3: undefined ≠ {"hidden":true}'],
    ],
  ])('%s', async (name, rows, known: string[] = []) => {
    const input = path.join(dir, `la-${name.length}.xlsx`);
    writeFileSync(input, xlsxPackage({ 'xl/worksheets/sheet1.xml': SHEET(rows) }));
    const saved: string[] = [];
    for (const engine of ['exceljs', 'compact'] as const) {
      const book = await XlsxWorkbook.load(input, { engine });
      const out = path.join(dir, `la-${name.length}-${engine}.xlsx`);
      await book.save(out);
      saved.push(out);
    }
    const [a, b] = await Promise.all(saved.map((f) => XlsxWorkbook.load(f, { engine: 'exceljs' })));
    expect(b!.readTab('Cán bộ', { notes: true })).toEqual(a!.readTab('Cán bộ', { notes: true }));
    expect(await differences(saved[0]!, saved[1]!)).toEqual(known);
  });
});

describe('ô gọn (compact cells)', () => {
  it('ô thường nằm ngoài exceljs; ô có ghi chú, liên kết, gộp ô, công thức vẫn là của exceljs, và đọc ra như nhau', async () => {
    const input = path.join(dir, 'kho-doc.xlsx');
    await hostileWorkbook().xlsx.writeFile(input);
    const compact = await XlsxWorkbook.load(input);
    const full = await XlsxWorkbook.load(input, { engine: 'exceljs' });
    for (const tab of full.tabNames()) {
      expect(compact.readTab(tab, { notes: true }), tab).toEqual(full.readTab(tab, { notes: true }));
    }
    // After `.excel`, every cell is an exceljs Cell again, with the value exceljs itself loads.
    const trips = compact.excel.getWorksheet('Đi cơ sở')!;
    const expected = full.excel.getWorksheet('Đi cơ sở')!;
    for (const address of ['B2', 'G2', 'E2', 'I3', 'F4', 'K2', 'L2', 'B5', 'ZZ400']) {
      expect(trips.getCell(address).model, address).toEqual(expected.getCell(address).model);
    }
  });
});
