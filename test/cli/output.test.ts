import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { ROOT } from '../support/bundle';

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
const LONG_BAN = 'Ban Công tác Thanh niên công nhân, viên chức và lực lượng vũ trang tại các khu công nghiệp';
const EMOJI_BAN = 'Ban Thanh niên 🌟 Công nhân Đô thị';
const LONG_NAME = 'Nguyễn Văn Một '.repeat(10).trim();
let dir: string;

function dicoso(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function workbook(file: string, roster: string[][], trips: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cán bộ').addRows([['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng', 'Miễn (lý do)'], ...roster]);
  wb.addWorksheet('Đi cơ sở').addRows([['Họ và tên', 'Ban/Văn phòng', 'Nội dung', 'Số ngày', 'Từ ngày', 'Đến ngày', 'Trạng thái'], ...trips]);
  await wb.xlsx.writeFile(path.join(dir, file));
}

/** The summary's table rows as cells (columns are at least two spaces apart; cells hold single spaces only). */
function tableRows(stdout: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Ban/Văn phòng'));
  const end = lines.indexOf('', start);
  return lines.slice(start, end).map((l) => l.trimEnd().split(/ {2,}/));
}

// Kiên Giang 2023 (the default): 60 days and 2 chuyên đề rounds of 5–7 days in 2023, a chi đoàn meeting (06-HD
// §III.2; the sheet has no Cấp or Địa điểm, so the levels are not checked); every trip below is done.
//   Nguyễn Văn An: 5 + 5 chuyên đề days + 50 days + 1 chi đoàn day = 61, 2 rounds → Đủ
//   Trần Thị Bình: 10 days, no round → Thiếu ngày và chuyên đề (counted once, not under Thiếu ngày and Thiếu chuyên đề)
//   Lê Văn Cường: nghỉ thai sản (06-HD §II) → Miễn;    Phạm Thị Dung: 10 days, 2 rounds → Thiếu ngày
//   Hoàng Văn Em: 01/02–01/04 = 28 + 31 + 1 = 60 days, no round → Thiếu chuyên đề;    Võ Thị Giang: kế toán → Miễn
// Two rows with errors: Bình's (no Ban written, found by name) and an unknown person's written under Văn phòng.
const ROSTER = [
  ['1', 'Nguyễn Văn An', 'Trưởng ban', 'Ban Tuyên giáo', ''],
  ['2', 'Trần Thị Bình', 'Chuyên viên', 'Ban Tuyên giáo', ''],
  ['3', 'Lê Văn Cường', 'Chuyên viên', 'Ban Tuyên giáo', 'Nghỉ thai sản'],
  ['4', 'Phạm Thị Dung', 'Chánh Văn phòng', 'Văn phòng', ''],
  ['5', 'Hoàng Văn Em', 'Chuyên viên', 'Văn phòng', ''],
  ['6', 'Võ Thị Giang', 'Kế toán', LONG_BAN, 'Kế toán'],
];
const TRIPS = [
  ['Nguyễn Văn An', 'Ban Tuyên giáo', 'Theo chuyên đề', '5', '01/03/2023', '05/03/2023', 'Đã thực hiện'],
  ['Nguyễn Văn An', 'Ban Tuyên giáo', 'Theo chuyên đề', '5', '01/05/2023', '05/05/2023', 'Đã thực hiện'],
  ['Nguyễn Văn An', 'Ban Tuyên giáo', '3.2', '50', '01/06/2023', '20/07/2023', 'Đã thực hiện'],
  ['Trần Thị Bình', 'Ban Tuyên giáo', '3.2', '10', '01/08/2023', '10/08/2023', 'Đã thực hiện'],
  ['Trần Thị Bình', '', '3.2', '3', '31/02/2023', '02/03/2023', 'Đã thực hiện'],
  ['Phạm Thị Dung', 'Văn phòng', 'Theo chuyên đề', '5', '01/03/2023', '05/03/2023', 'Đã thực hiện'],
  ['Phạm Thị Dung', 'Văn phòng', 'Theo chuyên đề', '5', '01/09/2023', '05/09/2023', 'Đã thực hiện'],
  ['Hoàng Văn Em', 'Văn phòng', '3.2', '', '01/02/2023', '01/04/2023', 'Đã thực hiện'],
  ['Đỗ Văn Lạ', 'Văn phòng', '3.2', '2', '01/10/2023', '02/10/2023', 'Đã thực hiện'],
  ['Nguyễn Văn An', 'Ban Tuyên giáo', 'Dự sinh hoạt chi đoàn', '1', '10/08/2023', '10/08/2023', 'Đã thực hiện'],
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-output-'));
  await workbook('tinh.xlsx', ROSTER, TRIPS);
  await workbook('trong.xlsx', [], []);
  await workbook('dai.xlsx', [['1', LONG_NAME, 'Chuyên viên', 'Văn phòng', '']], []);
  await workbook(
    'hai-ban.xlsx',
    [
      ['1', 'Mai Văn Hải', 'Chuyên viên', 'Ban A/B', ''],
      ['2', 'Mai Thị Hà', 'Chuyên viên', 'Ban A-B', ''],
    ],
    [],
  );
  await workbook('bieu-tuong.xlsx', [['1', 'Mai Văn Hải', 'Trưởng ban', EMOJI_BAN, '']], []);
});

describe('bảng tổng hợp trong cửa sổ lệnh', () => {
  it('mỗi dòng: các cột kết luận cộng lại bằng Cán bộ; tên ban dài được rút gọn', () => {
    const { code, stdout } = dicoso(['check', 'tinh.xlsx', '--today', '2023-11-15']);
    expect(code).toBe(0);
    const rows = tableRows(stdout);
    expect(rows).toEqual([
      [
        'Ban/Văn phòng',
        'Cán bộ',
        'Đủ',
        'Đủ nếu đi hết đợt đã đăng ký',
        'Thiếu ngày',
        'Thiếu chuyên đề',
        'Thiếu ngày và chuyên đề',
        'Thiếu yêu cầu địa bàn',
        'Miễn',
      ],
      ['Ban Công tác Thanh niên công nhân, viên…', '1', '0', '0', '0', '0', '0', '0', '1'],
      ['Ban Tuyên giáo', '3', '1', '0', '0', '0', '1', '0', '1'],
      ['Văn phòng', '2', '0', '0', '1', '1', '0', '0', '0'],
      ['Toàn tỉnh', '6', '1', '0', '1', '1', '1', '0', '2'],
    ]);
    for (const [, cadres, ...counts] of rows.slice(1)) expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(Number(cadres));
    expect(stdout).toContain('Cán bộ chưa đủ yêu cầu (3):');
  });

  it('ô rất dài được rút gọn trên một dòng (tên cán bộ 149 ký tự còn 60)', () => {
    const { code, stdout } = dicoso(['check', 'dai.xlsx', '--today', '2023-11-15']);
    expect(code).toBe(0);
    expect(stdout).not.toContain(LONG_NAME);
    // 59 columns: three times "Nguyễn Văn Một " (15 each) and one more "Nguyễn Văn Một" (14), then "…".
    expect(stdout).toContain('\n  Nguyễn Văn Một Nguyễn Văn Một Nguyễn Văn Một Nguyễn Văn Một… (Văn phòng) · 0/60 ngày');
  });

  it.each([
    [
      'không có cán bộ nào',
      'trong.xlsx',
      [],
      'Chưa có cán bộ nào trong tab Cán bộ: hãy nhập danh sách cán bộ (mỗi người một dòng, có Họ và tên và Ban/Văn phòng) rồi kiểm tra lại.',
    ],
    ['mọi cán bộ đều được miễn', 'tinh.xlsx', ['--ban', LONG_BAN], 'Không có cán bộ nào thuộc diện áp dụng: cả 1 cán bộ đều được miễn.'],
  ])('%s: nói đúng như vậy, không nói “tất cả đều đủ”', (_name, file, extra, says) => {
    const { code, stdout } = dicoso(['check', file, '--today', '2023-11-15', ...extra]);
    expect(code).toBe(0);
    expect(stdout).toContain(says);
    expect(stdout).not.toContain('đều đủ yêu cầu');
  });
});

describe('--ban chỉ cho thấy ban đó', () => {
  it.each([
    ['Ban Tuyên giáo', 'ban tuyen giao', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'], [['date-invalid', 6]]],
    ['Văn phòng', 'VP', ['Phạm Thị Dung', 'Hoàng Văn Em'], [['unknown-cadre', 10]]],
  ])('--json --ban %s: cán bộ và lỗi của ban', (_ban, typed, names, issues) => {
    const { code, stdout } = dicoso(['check', 'tinh.xlsx', '--today', '2023-11-15', '--json', '--ban', typed]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { cadres: { name: string }[]; issues: { code: string; row: number }[] };
    expect(report.cadres.map((c) => c.name)).toEqual(names);
    expect(report.issues.map((i) => [i.code, i.row])).toEqual(issues);
  });

  it('bản tóm tắt: chỉ dòng của ban, không có dòng Toàn tỉnh, nói có lỗi của ban khác bị ẩn', () => {
    const { code, stdout } = dicoso(['check', 'tinh.xlsx', '--today', '2023-11-15', '--ban', 'Ban Tuyên giáo', '--out', 'tg.xlsx']);
    expect(code).toBe(0);
    expect(tableRows(stdout).slice(1)).toEqual([['Ban Tuyên giáo', '3', '1', '0', '0', '0', '1', '0', '1']]);
    expect(stdout).toContain('Cán bộ chưa đủ yêu cầu (1):');
    expect(stdout).not.toContain('Phạm Thị Dung');
    expect(stdout).toContain('Đi cơ sở, dòng 6, cột Từ ngày');
    expect(stdout).not.toContain('Đỗ Văn Lạ');
    expect(stdout).toContain('(1 lỗi và lưu ý ở dòng của các ban khác không in ra; bỏ --ban để xem.)');
  });
});

describe('--json không ghi tệp nào khi không có --out', () => {
  it.each([
    ['không có --out: không ghi (kể cả json-ket-qua.xlsx)', 'json.xlsx', [], []],
    ['có --out: ghi đúng tệp đó', 'json-out.xlsx', ['--out', 'json-kq.xlsx'], ['json-kq.xlsx']],
  ])('%s', (_name, input, extra, written) => {
    copyFileSync(path.join(dir, 'tinh.xlsx'), path.join(dir, input));
    const before = new Set(readdirSync(dir));
    const { code, stdout } = dicoso(['check', input, '--today', '2023-11-15', '--json', ...extra]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).cadres).toHaveLength(6);
    expect(readdirSync(dir).filter((f) => !before.has(f))).toEqual(written);
  });
});

describe('dicoso check --out là chính tệp đầu vào → mã 2, không ghi đè', () => {
  it.each([
    ['cùng tên', 'tinh.xlsx'],
    ['viết kèm ./', './tinh.xlsx'],
    ['đi vòng qua thư mục cha', `../${'DIR'}/tinh.xlsx`],
  ])('%s', (_name, out) => {
    const target = out.replace('DIR', path.basename(dir));
    const before = readFileSync(path.join(dir, 'tinh.xlsx'));
    const { code, stderr, stdout } = dicoso(['check', 'tinh.xlsx', '--out', target]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `Lỗi: --out '${target}' là chính tệp đầu vào 'tinh.xlsx': dicoso không ghi đè tệp anh/chị đưa vào. Hãy đặt tên khác cho --out, hoặc bỏ --out để ghi ra 'tinh-ket-qua.xlsx'.\n`,
    );
    expect(readFileSync(path.join(dir, 'tinh.xlsx')).equals(before)).toBe(true);
  });
});

describe('tên ban có biểu tượng cảm xúc', () => {
  it('--ban với biểu tượng: tab mẫu 2 vừa 31 ký tự Excel, lệnh chạy xong', async () => {
    const { code, stderr } = dicoso(['check', 'bieu-tuong.xlsx', '--today', '2023-11-15', '--ban', EMOJI_BAN, '--out', 'bt.xlsx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const written = await XlsxWorkbook.load(path.join(dir, 'bt.xlsx'));
    // "Mẫu 2 - Thanh niên 🌟 Công nhâ" is 30 UTF-16 units (🌟 counts two), then "…".
    expect(written.tabNames()).toContain('Mẫu 2 - Thanh niên 🌟 Công nhâ…');
  });
});

describe('dicoso email-preview', () => {
  it('hai ban cùng ra một tên tệp: mỗi ban vẫn có thư riêng', () => {
    const { code } = dicoso(['email-preview', 'hai-ban.xlsx', '--quarter', '3', '--today', '2023-09-27', '--out', 'thu-hai-ban']);
    expect(code).toBe(0);
    const files = readdirSync(path.join(dir, 'thu-hai-ban')).sort();
    expect(files).toEqual([
      'tong-hop-quy-3-2023-ban-a-b-2.html',
      'tong-hop-quy-3-2023-ban-a-b-2.txt',
      'tong-hop-quy-3-2023-ban-a-b.html',
      'tong-hop-quy-3-2023-ban-a-b.txt',
      'tong-hop-quy-3-2023-toan-tinh.html',
      'tong-hop-quy-3-2023-toan-tinh.txt',
    ]);
    const subjects = files.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, 'thu-hai-ban', f), 'utf8').split('\n')[0]);
    expect(subjects.sort()).toEqual([
      'Tiêu đề: [1+2] Tổng hợp đi cơ sở quý III năm 2023 – Ban A-B',
      'Tiêu đề: [1+2] Tổng hợp đi cơ sở quý III năm 2023 – Ban A/B',
      'Tiêu đề: [1+2] Tổng hợp đi cơ sở quý III năm 2023 – Toàn tỉnh',
    ]);
  });

  it('bản chữ thường có tên cột của bảng', () => {
    const { code } = dicoso(['email-preview', 'tinh.xlsx', '--quarter', '3', '--today', '2023-09-27', '--out', 'thu']);
    expect(code).toBe(0);
    const text = readFileSync(path.join(dir, 'thu', 'tong-hop-quy-3-2023-toan-tinh.txt'), 'utf8');
    const lines = text.split('\n');
    const title = lines.indexOf('Tổng hợp theo ban');
    expect(lines[title + 2]).toBe(
      'Cột: Ban/Văn phòng | Cán bộ | Đủ | Đủ nếu đi hết đợt đã đăng ký | Thiếu ngày | Thiếu chuyên đề | Thiếu ngày và chuyên đề | Thiếu yêu cầu địa bàn | Miễn',
    );
    expect(lines[title + 3]).toMatch(/^- /);
  });
});
