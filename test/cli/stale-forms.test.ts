import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { checkWorkbook } from '../../src/cli/commands/check';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

// Issue 20: re-running `check` on a result file carried an old "Mẫu 3 Quý II-…" tab over unchanged after the data
// was fixed. The result file is a new file, so our forms made from older data are made again; the input stays.

const TODAY = '2023-11-15' as CalendarDate;
let dir: string;

/** A Ban typed as in seed 001: row 3's Nội dung without number nor diacritics (an error), row 2 done in quý II. */
async function writeProvince(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Cán bộ').addRows([
    ['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng'],
    [1, 'Nguyễn Thị Hoa', 'Trưởng ban', 'Ban Tuyên giáo'],
    [2, 'Trần Văn Nam', 'Chuyên viên', 'Ban Tuyên giáo'],
  ]);
  book.addWorksheet('Đi cơ sở').addRows([
    ['STT', 'Họ và tên', 'Ban/Văn phòng', 'Nội dung đi cơ sở', 'Số ngày', 'Thời gian cụ thể', 'Địa điểm', 'Trạng thái'],
    [
      1,
      'Nguyễn Thị Hoa',
      'Ban Tuyên giáo',
      '3.1. Theo chuyên đề: Tuyên truyền Nghị quyết',
      '5 ngày',
      'Từ ngày 03/4/2023 – 07/4/2023',
      'Xã Thạnh Đông',
      'Đã thực hiện',
    ],
    [2, 'Trần Văn Nam', 'Ban Tuyên giáo', 'Tuyen truyen nghi quyet o xa', '3 ngày', 'Từ ngày 10/5/2023 – 12/5/2023', 'Xã Bình An', 'Đã thực hiện'],
  ]);
  await book.xlsx.writeFile(file);
}

/** What a person does in Excel between two runs: retypes one cell of the trips tab. */
async function retype(from: string, to: string, cell: string, value: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  book.getWorksheet('Đi cơ sở')!.getCell(cell).value = value;
  await book.xlsx.writeFile(to);
}

const flat = async (file: string, tab: string) => (await XlsxWorkbook.load(file)).readTab(tab)!.values.flat().map(String);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-stale-'));
  await writeProvince(path.join(dir, 'tinh.xlsx'));
});

describe('check on its own result file', () => {
  it('makes again the forms of an earlier run that the fixed data changes, and says so', async () => {
    const first = path.join(dir, 'lan1.xlsx');
    const one = await checkWorkbook(path.join(dir, 'tinh.xlsx'), { json: false, today: TODAY, quarter: 2, out: first, mau1: ['Trần Văn Nam'] });
    expect(one.tabsWritten).toEqual(expect.arrayContaining(['Mẫu 3 Quý II-2023', 'Mẫu 1 - Trần Văn Nam']));
    // Row 3 cannot be read: quý II's report lists Hoa's trip only, and Nam's mẫu 1 names his row instead of a trip.
    expect((await flat(first, 'Mẫu 3 Quý II-2023')).some((v) => v.includes('Xã Bình An'))).toBe(false);
    expect((await flat(first, 'Mẫu 1 - Trần Văn Nam')).some((v) => v.startsWith('Chưa ghi vào bản này 1 dòng'))).toBe(true);

    // Nội dung fixed in the result file; the next run is for quý III, without --mau1.
    const fixed = path.join(dir, 'da-sua.xlsx');
    await retype(first, fixed, 'D3', '3.3. Kiểm tra, giám sát');
    const second = path.join(dir, 'lan2.xlsx');
    const two = await checkWorkbook(fixed, { json: false, today: TODAY, quarter: 3, out: second });
    expect(two.tabsRefreshed.sort()).toEqual(['Mẫu 1 - Trần Văn Nam', 'Mẫu 3 Quý II-2023']);
    expect((await flat(second, 'Mẫu 3 Quý II-2023')).some((v) => v.includes('Xã Bình An'))).toBe(true);
    const nam = await flat(second, 'Mẫu 1 - Trần Văn Nam');
    expect(nam.some((v) => v.startsWith('Chưa ghi vào bản này'))).toBe(false);
    expect(nam).toContain('Xã Bình An');
  });

  it('leaves forms alone when the data has not changed', async () => {
    const first = path.join(dir, 'a1.xlsx');
    await checkWorkbook(path.join(dir, 'tinh.xlsx'), { json: false, today: TODAY, quarter: 2, out: first, mau1: ['Ban Tuyên giáo', 'Nguyễn Thị Hoa'] });
    const again = await checkWorkbook(first, { json: false, today: '2023-12-01' as CalendarDate, quarter: 3, out: path.join(dir, 'a2.xlsx') });
    expect(again.tabsRefreshed).toEqual([]);
  });

  it('--mau1 given twice makes both forms', async () => {
    const out = path.join(dir, 'hai.xlsx');
    const run = await checkWorkbook(path.join(dir, 'tinh.xlsx'), { json: false, today: TODAY, out, mau1: ['Nguyễn Thị Hoa', 'Trần Văn Nam'] });
    expect(run.tabsWritten).toEqual(expect.arrayContaining(['Mẫu 1 - Nguyễn Thị Hoa', 'Mẫu 1 - Trần Văn Nam']));
  });
});
