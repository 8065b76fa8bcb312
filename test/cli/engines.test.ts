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
