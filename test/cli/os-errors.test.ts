import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileSystemError, isOsError, osErrorMessage, type FileAction } from '../../src/xlsx/os-errors';
import { isUserError } from '../../src/core/user-error';
import { ROOT } from '../support/bundle';

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');

describe('lỗi của hệ điều hành thành lời nhắn tiếng Việt nêu đường dẫn và việc cần làm', () => {
  it.each<[string, string, string, FileAction, string]>([
    ['không tìm thấy tệp đầu vào', 'ENOENT', 'bang-tinh.xlsx', 'read', "Không tìm thấy tệp 'bang-tinh.xlsx'. Hãy kiểm tra lại tên và thư mục của tệp."],
    [
      'không có quyền đọc',
      'EACCES',
      'bang-tinh.xlsx',
      'read',
      "Không đọc được tệp 'bang-tinh.xlsx': không có quyền đọc tệp này. Hãy chép tệp vào thư mục của anh/chị hoặc xin quyền đọc, rồi chạy lại.",
    ],
    [
      'ổ đĩa đầy',
      'ENOSPC',
      'ket-qua/kq.xlsx',
      'write',
      "Không ghi được tệp 'ket-qua/kq.xlsx': ổ đĩa đã đầy. Hãy xóa bớt tệp hoặc ghi ra ổ đĩa khác, rồi chạy lại.",
    ],
    [
      'ổ đĩa chỉ cho đọc',
      'EROFS',
      '/media/cd/kq.xlsx',
      'write',
      "Không ghi được tệp '/media/cd/kq.xlsx': ổ đĩa hoặc thư mục này chỉ cho đọc (ví dụ đĩa CD, thẻ nhớ đã khóa ghi). Hãy ghi ra thư mục khác.",
    ],
    [
      'tệp đang mở trong Excel',
      'EBUSY',
      'kq.xlsx',
      'write',
      "Không ghi được tệp 'kq.xlsx': tệp đang được mở ở chương trình khác (Excel?). Hãy đóng tệp rồi chạy lại.",
    ],
    [
      'tên quá dài',
      'ENAMETOOLONG',
      'thu/x.html',
      'write',
      "Không ghi được tệp 'thu/x.html': tên hoặc đường dẫn quá dài. Hãy chọn tên ngắn hơn, hoặc thư mục gần gốc ổ đĩa hơn.",
    ],
    ['thư mục đã là một tệp', 'EEXIST', 'thu', 'make-folder', "Không tạo được thư mục 'thu': đã có một tệp cùng tên ở đó. Hãy chọn tên thư mục khác."],
    [
      'mã lỗi chưa biết vẫn bằng tiếng Việt',
      'EWEIRD',
      'kq.xlsx',
      'write',
      "Không ghi được tệp 'kq.xlsx': hệ thống báo lỗi EWEIRD. Hãy kiểm tra đường dẫn và ổ đĩa rồi chạy lại.",
    ],
  ])('%s', (_name, code, target, action, expected) => {
    expect(osErrorMessage(code, target, action)).toBe(expected);
  });

  it('không có quyền ghi: nêu thư mục có thật gần nhất', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-os-'));
    expect(osErrorMessage('EPERM', path.join(dir, 'moi/sau/kq.xlsx'), 'write')).toBe(
      `Không ghi được tệp '${path.join(dir, 'moi/sau/kq.xlsx')}': không có quyền ghi vào thư mục '${dir}'. Hãy chọn thư mục khác, ví dụ thư mục của anh/chị, hoặc xin quyền ghi.`,
    );
  });

  it.each([
    ['lỗi của hệ thống', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }), true],
    ['lỗi của chương trình', new TypeError("Cannot read properties of null (reading 'theme')"), false],
    ['lỗi có code không phải của hệ thống', Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }), false],
  ])('phân biệt %s', (_name, error, fromSystem) => {
    expect(isOsError(error)).toBe(fromSystem);
    const converted = fileSystemError(error, 'kq.xlsx', 'write');
    expect(isUserError(converted)).toBe(fromSystem);
    if (!fromSystem) expect(converted).toBe(error);
  });
});

describe('dicoso: lỗi ghi tệp → mã 2 và lời nhắn tiếng Việt', () => {
  let dir: string;
  // As root, permissions stop no one: the command then runs without the capabilities that override them
  // (setpriv, from util-linux, which every Debian has), so a read-only folder or an unreadable file bites as it would
  // for any other user, wherever the checkout lives.
  const asRoot = process.getuid?.() === 0;
  const runAs = (args: string[], options: { unprivileged?: boolean; shell?: string } = {}) => {
    let command: [string, string[]] = options.shell
      ? ['/bin/sh', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, CLI, ...args]]
      : [process.execPath, [CLI, ...args]];
    if (options.unprivileged && asRoot) command = ['setpriv', ['--bounding-set', '-dac_override,-dac_read_search', '--', command[0], ...command[1]]];
    const result = spawnSync(command[0], command[1], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-os-cli-'));
    chmodSync(dir, 0o755);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cán bộ').addRows([
      ['Họ và tên', 'Ban/Văn phòng'],
      ['Nguyễn Văn An', 'Ban Tuyên giáo'],
    ]);
    wb.addWorksheet('Đi cơ sở').addRows([
      ['Họ và tên', 'Nội dung', 'Từ ngày', 'Đến ngày'],
      ['Nguyễn Văn An', 'Theo chuyên đề', '01/03/2023', '05/03/2023'],
    ]);
    await wb.xlsx.writeFile(path.join(dir, 'mau.xlsx'));
    chmodSync(path.join(dir, 'mau.xlsx'), 0o644);
    mkdirSync(path.join(dir, 'thu-muc'));
    mkdirSync(path.join(dir, 'chi-doc'));
    chmodSync(path.join(dir, 'chi-doc'), 0o555);
  });

  it.each([
    [
      '--out nằm trong một tệp',
      ['check', 'mau.xlsx', '--out', 'mau.xlsx/kq.xlsx'],
      "Không tạo được thư mục 'mau.xlsx': đã có một tệp cùng tên ở đó. Hãy chọn tên thư mục khác.",
    ],
    [
      '--out nằm sâu dưới một tệp',
      ['check', 'mau.xlsx', '--out', 'mau.xlsx/a/kq.xlsx'],
      "Không tạo được thư mục 'mau.xlsx/a': 'mau.xlsx' là một tệp, không phải thư mục. Hãy chọn đường dẫn khác.",
    ],
    [
      '--out là một thư mục',
      ['check', 'mau.xlsx', '--out', 'thu-muc'],
      "Không ghi được tệp 'thu-muc': 'thu-muc' là một thư mục. Hãy ghi cả tên tệp, ví dụ 'thu-muc/ket-qua.xlsx'.",
    ],
    [
      'email-preview --out là một tệp',
      ['email-preview', 'mau.xlsx', '--quarter', '3', '--out', 'mau.xlsx'],
      "Không tạo được thư mục 'mau.xlsx': đã có một tệp cùng tên ở đó. Hãy chọn tên thư mục khác.",
    ],
    ['init trong một tệp', ['init', 'mau.xlsx/moi.xlsx'], "Không tạo được thư mục 'mau.xlsx': đã có một tệp cùng tên ở đó. Hãy chọn tên thư mục khác."],
  ])('%s', (_name, args, message) => {
    const { code, stdout, stderr } = runAs(args);
    expect(stderr).toBe(`Lỗi: ${message}\n`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  const unprivileged = { unprivileged: true };
  it.each([
    [
      'thư mục mới trong thư mục chỉ cho đọc',
      ['check', 'mau.xlsx', '--out', 'chi-doc/moi/kq.xlsx'],
      "Không tạo được thư mục 'chi-doc/moi': không có quyền ghi vào thư mục 'chi-doc'. Hãy chọn thư mục khác, ví dụ thư mục của anh/chị, hoặc xin quyền ghi.",
    ],
    [
      'tệp trong thư mục chỉ cho đọc',
      ['check', 'mau.xlsx', '--out', 'chi-doc/kq.xlsx'],
      "Không ghi được tệp 'chi-doc/kq.xlsx': không có quyền ghi vào thư mục 'chi-doc'. Hãy chọn thư mục khác, ví dụ thư mục của anh/chị, hoặc xin quyền ghi.",
    ],
    [
      'thư mục thư xem trước trong thư mục chỉ cho đọc',
      ['email-preview', 'mau.xlsx', '--quarter', '3', '--out', 'chi-doc/thu'],
      "Không tạo được thư mục 'chi-doc/thu': không có quyền ghi vào thư mục 'chi-doc'. Hãy chọn thư mục khác, ví dụ thư mục của anh/chị, hoặc xin quyền ghi.",
    ],
  ])('%s', (_name, args, message) => {
    const { code, stderr } = runAs(args, unprivileged);
    expect(stderr).toBe(`Lỗi: ${message}\n`);
    expect(code).toBe(2);
  });

  it('tệp vượt cỡ cho phép khi đang ghi: báo lỗi, không để lại tệp dở dang', () => {
    // `ulimit -f` caps the size of files the process may write, as a full disk or a FAT32 stick cuts a write short.
    const { code, stderr } = runAs(['check', 'mau.xlsx', '--today', '2023-11-15', '--out', 'lon.xlsx'], { shell: 'ulimit -f 4' });
    expect(stderr).toBe("Lỗi: Không ghi được tệp 'lon.xlsx': tệp lớn hơn cỡ tệp mà ổ đĩa hoặc hệ thống cho phép. Hãy ghi ra ổ đĩa khác.\n");
    expect(code).toBe(2);
    expect(existsSync(path.join(dir, 'lon.xlsx'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('tệp đầu vào không đọc được vì không có quyền', () => {
    writeFileSync(path.join(dir, 'rieng.xlsx'), 'x');
    chmodSync(path.join(dir, 'rieng.xlsx'), 0o000);
    const { code, stderr } = runAs(['check', 'rieng.xlsx'], unprivileged);
    expect(stderr).toBe(
      "Lỗi: Không đọc được tệp 'rieng.xlsx': không có quyền đọc tệp này. Hãy chép tệp vào thư mục của anh/chị hoặc xin quyền đọc, rồi chạy lại.\n",
    );
    expect(code).toBe(2);
  });
});
