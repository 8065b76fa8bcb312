import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollUp } from '../../src/cli/commands/tong-hop';
import { loadForContent } from '../support/xlsx-content';
import type { CalendarDate } from '../../src/core/calendar-date';
import { ROOT } from '../support/bundle';

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
const today = '2023-11-15' as CalendarDate;
let dir: string;

async function province(file: string, name: string | null, roster: string[][], trips: string[][], year = 2023): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cán bộ').addRows([['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng', 'Miễn (lý do)'], ...roster]);
  wb.addWorksheet('Đi cơ sở').addRows([['Họ và tên', 'Ban/Văn phòng', 'Nội dung', 'Số ngày', 'Từ ngày', 'Đến ngày', 'Trạng thái'], ...trips]);
  wb.addWorksheet('Cài đặt').addRows([['Cài đặt', 'Giá trị'], ['Năm', year], ...(name ? [['Tỉnh', name]] : [])]);
  const at = path.join(dir, file);
  await wb.xlsx.writeFile(at);
  return at;
}

// Kiên Giang 2023 (the default): 60 days and 2 chuyên đề rounds of 5–7 days, a chi đoàn meeting (06-HD §III.2; no Cấp
// or Địa điểm column, so the levels are not checked); every trip below is done.
// An Giang:
//   Ban Tuyên giáo: An 5 + 5 chuyên đề + 50 + 1 chi đoàn = 61 days, 2 rounds → Đủ; Bình 10 days, no round → Thiếu ngày
//                   và chuyên đề (once); Cường nghỉ thai sản → Miễn
//   Văn phòng:      Dung 10 days, 2 rounds → Thiếu ngày; Em 01/02–01/04 = 60 days, no round → Thiếu chuyên đề
//   One row with an error (an unknown person): counted nowhere.
// Bạc Liêu:
//   Ban Phong trào: Hà 60 days, no round → Thiếu chuyên đề; Khoa kế toán → Miễn
// None but An has a chi đoàn meeting: each other verdict names it too.
const AN_GIANG = {
  roster: [
    ['1', 'Nguyễn Văn An', 'Trưởng ban', 'Ban Tuyên giáo', ''],
    ['2', 'Trần Thị Bình', 'Chuyên viên', 'Ban Tuyên giáo', ''],
    ['3', 'Lê Văn Cường', 'Chuyên viên', 'Ban Tuyên giáo', 'Nghỉ thai sản'],
    ['4', 'Phạm Thị Dung', 'Chánh Văn phòng', 'Văn phòng', ''],
    ['5', 'Hoàng Văn Em', 'Chuyên viên', 'Văn phòng', ''],
  ],
  trips: [
    ['Nguyễn Văn An', 'Ban Tuyên giáo', 'Theo chuyên đề', '5', '01/03/2023', '05/03/2023', 'Đã thực hiện'],
    ['Nguyễn Văn An', 'Ban Tuyên giáo', 'Theo chuyên đề', '5', '01/05/2023', '05/05/2023', 'Đã thực hiện'],
    ['Nguyễn Văn An', 'Ban Tuyên giáo', '3.2', '50', '01/06/2023', '20/07/2023', 'Đã thực hiện'],
    ['Trần Thị Bình', 'Ban Tuyên giáo', '3.2', '10', '01/08/2023', '10/08/2023', 'Đã thực hiện'],
    ['Phạm Thị Dung', 'Văn phòng', 'Theo chuyên đề', '5', '01/03/2023', '05/03/2023', 'Đã thực hiện'],
    ['Phạm Thị Dung', 'Văn phòng', 'Theo chuyên đề', '5', '01/09/2023', '05/09/2023', 'Đã thực hiện'],
    ['Hoàng Văn Em', 'Văn phòng', '3.2', '', '01/02/2023', '01/04/2023', 'Đã thực hiện'],
    ['Đỗ Văn Lạ', 'Văn phòng', '3.2', '2', '01/10/2023', '02/10/2023', 'Đã thực hiện'],
    ['Nguyễn Văn An', 'Ban Tuyên giáo', 'Dự sinh hoạt chi đoàn', '1', '10/08/2023', '10/08/2023', 'Đã thực hiện'],
  ],
};
const BAC_LIEU = {
  roster: [
    ['1', 'Mai Thu Hà', 'Trưởng ban', 'Ban Phong trào', ''],
    ['2', 'Lý Minh Khoa', 'Kế toán', 'Ban Phong trào', 'Kế toán'],
  ],
  trips: [['Mai Thu Hà', 'Ban Phong trào', '3.2', '', '01/02/2023', '01/04/2023', 'Đã thực hiện']],
};

let files: { anGiang: string; bacLieu: string; sameProvince: string; csv: string; noTabs: string };
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-tong-hop-'));
  const noTabs = new ExcelJS.Workbook();
  noTabs.addWorksheet('Trang tính 1').getCell('A1').value = 'chưa có gì';
  await noTabs.xlsx.writeFile(path.join(dir, 'trong.xlsx'));
  writeFileSync(path.join(dir, 'bang.xlsx'), 'Họ và tên,Ban\nAn,Tuyên giáo\n');
  files = {
    anGiang: await province('an-giang.xlsx', 'An Giang', AN_GIANG.roster, AN_GIANG.trips),
    bacLieu: await province('bac-lieu.xlsx', 'Bạc Liêu', BAC_LIEU.roster, BAC_LIEU.trips),
    sameProvince: await province('an-giang-ban-cu.xlsx', 'An Giang', BAC_LIEU.roster, BAC_LIEU.trips),
    csv: path.join(dir, 'bang.xlsx'),
    noTabs: path.join(dir, 'trong.xlsx'),
  };
});

/** A tab's rows from its header down, as plain values. */
function rowsOf(ws: ExcelJS.Worksheet, header: string): unknown[][] {
  const rows: unknown[][] = [];
  let started = false;
  ws.eachRow((row) => {
    const values = Array.from((row.values as unknown[]).slice(1), (v) => (v === undefined || v === null ? '' : v));
    if (values[0] === header) started = true;
    if (started) rows.push(values);
  });
  return rows;
}

describe('dicoso tong-hop: tổng hợp toàn quốc từ tệp của từng tỉnh', () => {
  it('số cán bộ theo tỉnh và theo ban, mỗi người đúng một cột; tệp lỗi được nêu tên và bỏ qua, các tệp khác vẫn tính', async () => {
    const out = path.join(dir, 'toan-quoc.xlsx');
    const outcome = await rollUp([files.anGiang, files.csv, files.bacLieu, files.noTabs, files.sameProvince, files.anGiang], { json: false, today, out });
    expect(outcome.provinces.map((p) => p.province)).toEqual(['An Giang', 'Bạc Liêu']);
    expect(outcome.skipped.map((s) => s.file)).toEqual(['bang.xlsx', 'trong.xlsx', 'an-giang-ban-cu.xlsx', 'an-giang.xlsx']);
    expect(outcome.skipped[0]!.reason).toContain("tệp 'bang.xlsx': đây không phải tệp Excel (.xlsx) mà là tệp văn bản (CSV)");
    expect(outcome.skipped[1]!.reason).toContain("Tệp 'trong.xlsx': Không tìm thấy tab danh sách cán bộ");
    expect(outcome.skipped[2]!.reason).toContain('là của An Giang, như tệp');
    expect(outcome.skipped[3]!.reason).toContain('được đưa vào hai lần');

    const wb = await loadForContent(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Toàn quốc', 'Theo ban', 'Chưa đủ cuối kỳ', 'Tệp bỏ qua']);
    expect(rowsOf(wb.getWorksheet('Toàn quốc')!, 'STT')).toEqual([
      // The columns are the verdicts some province has, in words that fit every preset.
      ['STT', 'Tỉnh, thành', 'Tệp', 'Cán bộ', 'Đủ', 'Thiếu ngày', 'Thiếu đợt bắt buộc', 'Thiếu ngày và đợt bắt buộc', 'Miễn', 'Dòng có lỗi (chưa tính)'],
      [1, 'An Giang', 'an-giang.xlsx', 5, 1, 1, 1, 1, 1, 1],
      [2, 'Bạc Liêu', 'bac-lieu.xlsx', 2, 0, 0, 1, 0, 1, 0],
      ['', 'Toàn quốc', '', 7, 1, 1, 2, 1, 2, 1],
    ]);
    expect(rowsOf(wb.getWorksheet('Theo ban')!, 'STT')).toEqual([
      ['STT', 'Tỉnh, thành', 'Ban/Văn phòng', 'Cán bộ', 'Đủ', 'Thiếu ngày', 'Thiếu đợt bắt buộc', 'Thiếu ngày và đợt bắt buộc', 'Miễn'],
      ['', 'An Giang', 'Cả tỉnh', 5, 1, 1, 1, 1, 1],
      [1, 'An Giang', 'Ban Tuyên giáo', 3, 1, 0, 0, 1, 1],
      [2, 'An Giang', 'Văn phòng', 2, 0, 1, 1, 0, 0],
      ['', 'Bạc Liêu', 'Cả tỉnh', 2, 0, 0, 1, 0, 1],
      [1, 'Bạc Liêu', 'Ban Phong trào', 2, 0, 0, 1, 0, 1],
    ]);
    const short = rowsOf(wb.getWorksheet('Chưa đủ cuối kỳ')!, 'STT').map((r) => r.slice(0, 8));
    expect(short).toEqual([
      ['STT', 'Tỉnh, thành', 'Ban/Văn phòng', 'Họ và tên', 'Kết luận', 'Ngày đã thực hiện', 'Ngày dự kiến / yêu cầu', 'Đợt bắt buộc đã / yêu cầu'],
      [1, 'An Giang', 'Ban Tuyên giáo', 'Trần Thị Bình', 'Thiếu ngày và chuyên đề, sinh hoạt chi đoàn', 10, '10/60', '0/2'],
      [2, 'An Giang', 'Văn phòng', 'Phạm Thị Dung', 'Thiếu ngày và sinh hoạt chi đoàn', 10, '10/60', '2/2'],
      [3, 'An Giang', 'Văn phòng', 'Hoàng Văn Em', 'Thiếu chuyên đề và sinh hoạt chi đoàn', 60, '60/60', '0/2'],
      [4, 'Bạc Liêu', 'Ban Phong trào', 'Mai Thu Hà', 'Thiếu chuyên đề và sinh hoạt chi đoàn', 60, '60/60', '0/2'],
    ]);
    expect(rowsOf(wb.getWorksheet('Tệp bỏ qua')!, 'STT').map((r) => r[1])).toEqual(['Tệp', 'bang.xlsx', 'trong.xlsx', 'an-giang-ban-cu.xlsx', 'an-giang.xlsx']);
  });

  it.each([
    ['mọi tệp đọc được: mã thoát 0', () => [files.anGiang, files.bacLieu], 0, []],
    ['có tệp bỏ qua: vẫn ghi tệp tổng hợp, mã thoát 2, nêu tên tệp', () => [files.anGiang, files.csv], 2, ["Bỏ qua: Không đọc được tệp 'bang.xlsx'"]],
    [
      'không tệp nào đọc được: không ghi gì, mã thoát 2',
      () => [files.csv, files.noTabs],
      2,
      ['Không đọc được tệp nào nên không có gì để tổng hợp', 'bang.xlsx', 'trong.xlsx'],
    ],
  ] as const)('%s', (_name, inputs, code, stderr) => {
    const out = path.join(dir, `cli-${code}-${stderr.length}.xlsx`);
    const run = spawnSync(process.execPath, [CLI, 'tong-hop', ...inputs(), '--today', '2023-11-15', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(code);
    for (const text of stderr) expect(run.stderr).toContain(text);
    if (code === 0 || stderr[0]!.startsWith('Bỏ qua')) expect(run.stdout).toContain(`Đã ghi ${out}`);
    else expect(run.stdout).toBe('');
  });

  it.each([
    ['thiếu --out', ['tong-hop', 'a.xlsx'], 'tong-hop cần --out'],
    ['--ban không dùng cho tổng hợp', ['tong-hop', 'a.xlsx', '--out', 'b.xlsx', '--ban', 'Văn phòng'], 'tong-hop không dùng --ban'],
  ])('%s', (_name, args, message) => {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('--out là một tệp đầu vào: từ chối, không ghi đè', async () => {
    await expect(rollUp([files.anGiang, files.bacLieu], { json: false, today, out: files.bacLieu })).rejects.toThrow('là một trong các tệp đầu vào');
  });

  // Bến Tre 2022: Năm 2022 in its Cài đặt, its one trip in 2022. Cà Mau: Năm 2023 in its Cài đặt, but both of its
  // trips in 2022 (last year's file with the year changed). Neither may add to the 2023 totals.
  const BEN_TRE = {
    roster: [['1', 'Huỳnh Văn Lợi', 'Chuyên viên', 'Ban Phong trào', '']],
    trips: [['Huỳnh Văn Lợi', 'Ban Phong trào', '3.2', '', '01/03/2022', '29/04/2022', 'Đã thực hiện']],
  };
  const CA_MAU = {
    roster: [['1', 'Tô Văn Sang', 'Chuyên viên', 'Ban Phong trào', '']],
    trips: [
      ['Tô Văn Sang', 'Ban Phong trào', '3.2', '', '01/03/2022', '29/04/2022', 'Đã thực hiện'],
      ['Tô Văn Sang', 'Ban Phong trào', 'Theo chuyên đề', '5', '01/06/2022', '05/06/2022', 'Đã thực hiện'],
    ],
  };

  it.each([
    ['tệp ghi Năm 2022 ở Cài đặt', undefined, 'ben-tre-2022.xlsx', ["Tệp 'ben-tre-2022.xlsx' là của năm 2022", 'bản tổng hợp là năm 2023', '--year 2022']],
    [
      'tệp ghi Năm 2022, tổng hợp với --year 2023: các đợt đều ngoài kỳ',
      2023,
      'ben-tre-2022.xlsx',
      ["Tệp 'ben-tre-2022.xlsx': 1/1 đợt đi cơ sở nằm ngoài kỳ tính năm 2023", 'phần lớn thuộc năm 2022'],
    ],
    [
      'tệp ghi Năm 2023 nhưng các đợt đều của năm 2022',
      undefined,
      'ca-mau.xlsx',
      ["Tệp 'ca-mau.xlsx': 2/2 đợt đi cơ sở nằm ngoài kỳ tính năm 2023", 'phần lớn thuộc năm 2022'],
    ],
  ] as const)('tệp của năm khác bị bỏ qua, không cộng vào năm đang tổng hợp: %s', async (_name, year, skippedFile, reason) => {
    const benTre = await province('ben-tre-2022.xlsx', 'Bến Tre', BEN_TRE.roster, BEN_TRE.trips, 2022);
    const caMau = await province('ca-mau.xlsx', 'Cà Mau', CA_MAU.roster, CA_MAU.trips, 2023);
    const input = skippedFile === 'ca-mau.xlsx' ? caMau : benTre;
    const out = path.join(dir, `nam-khac-${skippedFile}-${year ?? ''}.xlsx`);
    const outcome = await rollUp([input, files.bacLieu], { json: false, today, out, ...(year ? { year } : {}) });
    expect(outcome.provinces.map((p) => p.province)).toEqual(['Bạc Liêu']);
    expect(outcome.provinces.reduce((n, p) => n + p.counts.cadres, 0)).toBe(BAC_LIEU.roster.length);
    expect(outcome.skipped.map((s) => s.file)).toEqual([skippedFile]);
    for (const text of reason) expect(outcome.skipped[0]!.reason).toContain(text);
    const wb = await loadForContent(out);
    expect(rowsOf(wb.getWorksheet('Tệp bỏ qua')!, 'STT').map((r) => r[1])).toEqual(['Tệp', skippedFile]);

    const run = spawnSync(
      process.execPath,
      [CLI, 'tong-hop', input, files.bacLieu, '--today', '2023-11-15', ...(year ? ['--year', String(year)] : []), '--out', out],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`Bỏ qua: ${reason[0]}`);
  });

  it.each([
    ['dong-thap.xlsx', 'dong-thap'],
    ['Đồng Tháp.xlsx', 'Đồng Tháp'],
  ])('tệp không ghi Tỉnh ở Cài đặt: tên tỉnh là tên tệp bỏ phần đuôi (%s → %s)', async (file, name) => {
    const input = await province(file, null, BAC_LIEU.roster, BAC_LIEU.trips);
    const out = path.join(dir, `ten-tu-tep-${name}.xlsx`);
    const outcome = await rollUp([input], { json: false, today, out });
    expect(outcome.provinces.map((p) => [p.province, p.file])).toEqual([[name, file]]);
    const wb = await loadForContent(out);
    expect(rowsOf(wb.getWorksheet('Toàn quốc')!, 'STT')[1]!.slice(1, 3)).toEqual([name, file]);
  });
});
