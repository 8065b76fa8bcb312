import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args';
import { isUserError } from '../../src/core/user-error';

/** The message parseCommand refuses `argv` with (a UserError: the command exits 2 and prints it). */
function refusal(argv: string[]): string {
  try {
    parseCommand(argv);
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('dòng lệnh: tùy chọn thiếu giá trị', () => {
  it.each([
    ['--out ở cuối', ['check', 'a.xlsx', '--out'], '--out cần tên tệp kết quả, ví dụ --out ket-qua.xlsx'],
    ['-o ở cuối', ['check', 'a.xlsx', '-o'], '--out cần tên tệp kết quả'],
    ['--out rồi tới tùy chọn khác', ['check', 'a.xlsx', '--out', '--json'], '--out cần tên tệp kết quả'],
    ['--ban', ['check', 'a.xlsx', '--ban'], '--ban cần tên một ban, ví dụ --ban "Ban Tuyên giáo"'],
    ['--today', ['check', 'a.xlsx', '--today'], '--today cần một ngày dạng YYYY-MM-DD, ví dụ --today 2023-11-15.'],
    ['--quarter', ['check', 'a.xlsx', '--quarter'], '--quarter cần số quý 1, 2, 3 hoặc 4'],
    ['--mau1', ['check', 'a.xlsx', '--mau1'], '--mau1 cần họ tên một cán bộ hoặc tên một ban'],
    ['--year', ['tong-hop', 'a.xlsx', '--out', 'b.xlsx', '--year'], '--year cần một năm, ví dụ --year 2023.'],
    ['--preset', ['check', 'a.xlsx', '--preset'], '--preset cần tên một bộ quy định (kien-giang-2023, tay-ninh-2023, ha-nam-2022)'],
    ['--province', ['init', 'a.xlsx', '--province'], '--province cần tên tỉnh'],
  ])('%s: nói tùy chọn cần gì, không in tên tùy chọn kiểu tiếng Anh', (_name, argv, message) => {
    const text = refusal(argv);
    expect(text).toContain(message);
    expect(text).not.toContain('<value>');
    expect(text).not.toContain('không hợp lệ');
  });
});

describe('dòng lệnh: --today', () => {
  it.each([
    ['30 tháng 2: ngày không có', '2023-02-30', '--today “2023-02-30”: ngày này không có, tháng 2 năm 2023 chỉ có 28 ngày.'],
    ['29 tháng 2 năm nhuận thì có, năm thường thì không', '2023-02-29', 'tháng 2 năm 2023 chỉ có 28 ngày'],
    ['31 tháng 4', '2023-04-31', 'tháng 4 năm 2023 chỉ có 30 ngày'],
    ['tháng 13 (ghi ngày trước tháng)', '2023-15-11', '--today “2023-15-11”: không có tháng 15.'],
    ['sai dạng: vẫn nói cần dạng YYYY-MM-DD', '15/11/2023', '--today “15/11/2023” không hợp lệ: cần dạng YYYY-MM-DD'],
  ])('%s', (_name, value, message) => {
    const text = refusal(['check', 'a.xlsx', '--today', value]);
    expect(text).toContain(message);
    if (value.includes('-')) expect(text).not.toContain('cần dạng');
  });

  it('ngày có thật được nhận, cả 29/02 năm nhuận', () => {
    expect(parseCommand(['check', 'a.xlsx', '--today', '2024-02-29'])).toMatchObject({ kind: 'check', flags: { today: '2024-02-29' } });
  });
});

describe('dòng lệnh: mỗi tùy chọn khai báo một lần', () => {
  it('--help nói từng lệnh làm gì và từng tùy chọn làm gì, lấy từ chính khai báo', async () => {
    const { run } = await import('../../src/cli/main');
    const { OPTIONS } = await import('../../src/cli/options');
    const { COMMANDS } = await import('../../src/cli/commands/index');
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => {}, env: {}, isTTY: false, now: () => new Date() };
    expect(await run(['--help'], io)).toBe(0);
    const flat = out.replace(/\s+/g, ' ');
    for (const spec of COMMANDS) expect(flat).toContain(spec.summary);
    for (const [name, spec] of Object.entries(OPTIONS)) {
      expect(flat).toContain(`--${name}`);
      expect(flat).toContain(spec.help);
    }
    out = '';
    expect(await run(['tong-hop', '--help'], io)).toBe(0);
    expect(out).toContain('dicoso tong-hop <tỉnh-a.xlsx>');
    expect(out).not.toContain('--mau1');
    expect(out).not.toContain('dicoso check');
  });

  it.each([
    ['init không dùng --json', ['init', 'moi.xlsx', '--json'], 'init không dùng --json.'],
    ['email-preview thiếu --out', ['email-preview', 'a.xlsx', '--quarter', '2'], 'email-preview cần --out.'],
    ['tong-hop thiếu --out', ['tong-hop', 'a.xlsx', 'b.xlsx'], 'tong-hop cần --out.'],
    ['check chỉ nhận một tệp', ['check', 'a.xlsx', 'b.xlsx'], 'Thừa tham số: b.xlsx.'],
  ])('%s', (_name, argv, message) => {
    const text = refusal(argv);
    expect(text).toContain(message);
    expect(text).toContain('Cách dùng:');
  });

  it('cách dùng (usage) liệt kê mọi tùy chọn của từng lệnh, tùy chọn bắt buộc không có ngoặc', () => {
    const text = refusal(['kiemtra', 'a.xlsx']).replace(/\s+/g, ' ');
    expect(text).toContain('dicoso email-preview <bảng-tính.xlsx> --quarter 1-4 --out <tệp hoặc thư mục> [--ban "<tên ban>"]');
    expect(text).toContain('dicoso tong-hop <tỉnh-a.xlsx> <tỉnh-b.xlsx> … --out <tệp hoặc thư mục> [--year YYYY]');
  });
});

describe('dòng lệnh: một tùy chọn ghi hai lần', () => {
  it('--mau1 ghi nhiều lần: mỗi lần thêm một bản mẫu 1', () => {
    expect(parseCommand(['check', 'a.xlsx', '--mau1', 'Nguyễn Văn An', '--mau1', 'Ban Tuyên giáo'])).toMatchObject({
      flags: { mau1: ['Nguyễn Văn An', 'Ban Tuyên giáo'] },
    });
  });

  it.each([
    ['--ban', ['check', 'a.xlsx', '--ban', 'Ban Tuyên giáo', '--ban', 'Văn phòng']],
    ['--quarter', ['check', 'a.xlsx', '--quarter', '2', '--quarter', '3']],
    ['--out', ['check', 'a.xlsx', '-o', 'x.xlsx', '--out', 'y.xlsx']],
  ])('%s ghi hai lần bị từ chối, không lặng lẽ lấy lần sau', (option, argv) => {
    expect(refusal(argv)).toContain(`${option} chỉ ghi một lần`);
  });
});
