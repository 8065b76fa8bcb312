import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/cli/commands/check';
import type { CalendarDate } from '../../src/core/calendar-date';
import { isUserError } from '../../src/core/user-error';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { differences } from '../acceptance/package-diff';
import { ROSTER, TRIPS } from '../acceptance/producers';
import { xlsxPackage } from './files';

/**
 * A value at the grid's edge (issue 18, point 6): in Excel's last column (XFD, the 16,384th) on the trips tab's header
 * row there is no column left for ours, and the run stops with a Vietnamese message naming that cell (it used to crash
 * with "16385 is out of bounds"); a value in the last row (1,048,576) is read and checked like any other.
 */

const today = '2023-11-15' as CalendarDate;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-edge-'));
});

const text = (ref: string, value: string | number) =>
  typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const letter = (c: number) => String.fromCharCode(64 + c);

/** The province of producers.ts, with `inRow` cells added at the end of trips rows (1-based) and `rows` after them. */
function workbook(tripsExtra: { inRow?: Record<number, string>; rows?: string }): Buffer {
  const rows = (values: readonly (readonly unknown[])[], inRow: Record<number, string> = {}) =>
    values
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((v, c) => {
              const value = typeof v === 'object' && v !== null ? (v as { date: string }).date.split('-').reverse().join('/') : (v as string | number);
              return text(`${letter(c + 1)}${r + 1}`, value);
            })
            .join('')}${inRow[r + 1] ?? ''}</row>`,
      )
      .join('');
  const sheet = (data: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
  return xlsxPackage({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1"/><sheet name="Đi cơ sở" sheetId="2" r:id="rId2"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet(rows(ROSTER)),
    'xl/worksheets/sheet2.xml': sheet(rows(TRIPS, tripsExtra.inRow) + (tripsExtra.rows ?? '')),
  });
}

describe('giá trị ở mép bảng tính', () => {
  it('ô ở cột cuối cùng (XFD) trên dòng tiêu đề: dừng với lời báo tiếng Việt nêu đúng ô, không ghi tệp', async () => {
    const file = path.join(dir, 'xfd.xlsx');
    writeFileSync(file, workbook({ inRow: { 1: text('XFD1', 'Ghi chú riêng') } }));
    const out = path.join(dir, 'xfd-ket-qua.xlsx');
    const error = await checkWorkbook(file, { today, out }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Tab “Đi cơ sở”: không còn cột trống bên phải bảng để ghi cột kết quả, vì ô XFD1 (cột cuối cùng Excel cho phép) có giá trị “Ghi chú riêng”. Hãy chuyển hoặc xóa nội dung ô XFD1 rồi chạy lại.',
    );
  });

  it('ô ở cột XFD trên một dòng dữ liệu: cột kết quả vẫn ở ngay sau bảng', async () => {
    const file = path.join(dir, 'xfd-du-lieu.xlsx');
    writeFileSync(file, workbook({ inRow: { 3: text('XFD3', 'ô rất xa') } }));
    const out = path.join(dir, 'xfd-du-lieu-ket-qua.xlsx');
    await checkWorkbook(file, { today, out });
    expect((await XlsxWorkbook.load(out)).readTab('Đi cơ sở')!.ownedColumn).toBe(TRIPS[0]!.length + 1);
  });

  it('ô ở dòng cuối cùng (1.048.576): đọc và kiểm tra như mọi dòng, tệp ghi ra giữ nguyên phần còn lại', async () => {
    const file = path.join(dir, 'dong-cuoi.xlsx');
    const input = workbook({ rows: `<row r="1048576">${text('A1048576', 99)}${text('B1048576', 'Lê Văn Khoa')}</row>` });
    writeFileSync(file, input);
    const out = path.join(dir, 'dong-cuoi-ket-qua.xlsx');
    const outcome = await checkWorkbook(file, { today, out });
    expect(outcome.report.issues.some((i) => i.row === 1_048_576)).toBe(true);
    const trips = (await XlsxWorkbook.load(out)).readTab('Đi cơ sở')!;
    expect(trips.values).toHaveLength(1_048_576);
    expect(String(trips.values[1_048_575]![trips.ownedColumn! - 1])).toMatch(/^Lỗi/);
    expect(differences(input, readFileSync(out))).toEqual([]);
  });
});
