import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sniffInput } from '../../src/xlsx/input-file';
import { ROOT } from '../support/bundle';
import { compoundFile, xlsxPackage, zipArchive } from './files';

const LIBREOFFICE_FIXTURES = path.join(ROOT, 'test/fixtures/libreoffice');
const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');

const XLS_STREAMS = [{ name: 'Workbook' }, { name: '\u0005SummaryInformation' }, { name: '\u0005DocumentSummaryInformation' }];
// What Excel writes for "Encrypt with Password" ([MS-OFFCRYPTO] §2.3.4.1): a data-space storage and two streams.
const ENCRYPTED_STREAMS = [{ name: '\u0006DataSpaces', storage: true }, { name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let seed = 2024;
  for (let i = 0; i < length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

describe('nhận ra loại tệp từ nội dung, không từ đuôi tên', () => {
  it.each<[string, () => Buffer, string]>([
    ['bảng tính Excel (.xlsx)', () => xlsxPackage(), 'xlsx'],
    ['tệp Excel cũ 97–2003 (.xls)', () => compoundFile(XLS_STREAMS), 'xls'],
    ['tệp Excel 5.0/95 (.xls, luồng "Book")', () => compoundFile([{ name: 'Book' }]), 'xls'],
    ['tệp .xlsx đặt mật khẩu (cũng là tệp OLE như .xls)', () => compoundFile(ENCRYPTED_STREAMS), 'encrypted'],
    ['tệp đặt mật khẩu có nhiều mục trong thư mục (hai cung thư mục)', () => compoundFile([...ENCRYPTED_STREAMS, { name: 'a' }, { name: 'b' }]), 'encrypted'],
    ['tài liệu Word cũ (.doc)', () => compoundFile([{ name: 'WordDocument' }, { name: '1Table' }]), 'ole-other'],
    ['tệp .xls bị cắt mất phần sau', () => compoundFile(XLS_STREAMS).subarray(0, 600), 'ole-damaged'],
    ['bảng tính LibreOffice (.ods)', () => zipArchive({ mimetype: ODS_MIMETYPE, 'content.xml': '<office:document-content/>' }, ['mimetype']), 'ods'],
    ['sổ làm việc nhị phân Excel (.xlsb)', () => zipArchive({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': noise(64) }), 'xlsb'],
    ['tài liệu Word (.docx)', () => zipArchive({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'zip-other'],
    ['văn bản OpenDocument (.odt) không phải bảng tính', () => zipArchive({ mimetype: 'application/vnd.oasis.opendocument.text' }, ['mimetype']), 'zip-other'],
    ['tệp .xlsx bị cắt mất phần sau', () => xlsxPackage().subarray(0, 700), 'zip-damaged'],
    ['CSV có BOM do Excel lưu', () => Buffer.from('\uFEFFSTT,Họ và tên,Ban\n1,Nguyễn Thị Thủy,Ban Tuyên giáo\n'), 'csv'],
    ['CSV dấu chấm phẩy', () => Buffer.from('Họ và tên;Số ngày\nTrần Văn Hòa;5\n'), 'csv'],
    ['văn bản Unicode (UTF-16) do Excel lưu', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Họ và tên\tBan\r\n', 'utf16le')]), 'csv'],
    [
      'trang web mang đuôi .xls',
      () => Buffer.from('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>Họ và tên</td></tr></table></body></html>'),
      'html',
    ],
    ['bảng HTML không có thẻ html', () => Buffer.from('\uFEFF  <table border="1"><tr><td>STT</td></tr></table>'), 'html'],
    [
      'bảng tính XML của Excel 2003',
      () =>
        Buffer.from(
          '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
        ),
      'xml-spreadsheet',
    ],
    ['tệp rỗng', () => Buffer.alloc(0), 'empty'],
    ['dữ liệu nhị phân bất kỳ', () => noise(4096), 'other'],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffInput(bytes()).kind).toBe(expected);
  });
});

// Saved by LibreOffice from the sample workbook (test/fixtures/libreoffice/make.ts).
describe('tệp .ods và .xls thật do LibreOffice lưu', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-input-lo-'));
    copyFileSync(path.join(LIBREOFFICE_FIXTURES, 'tinh-doan-mau.ods'), path.join(dir, 'that.ods'));
    copyFileSync(path.join(LIBREOFFICE_FIXTURES, 'tinh-doan-mau.xls'), path.join(dir, 'that.xls'));
  });

  it.each([
    ['bảng tính .ods', 'that.ods', 'ods', "Không đọc được tệp 'that.ods': đây là bảng tính OpenDocument (.ods)"],
    ['tệp Excel cũ .xls', 'that.xls', 'xls', "Không đọc được tệp 'that.xls': đây là tệp Excel cũ (.xls, Excel 97–2003)"],
  ])('%s', (_name, file, kind, message) => {
    expect(sniffInput(readFileSync(path.join(dir, file))).kind).toBe(kind);
    const result = spawnSync(process.execPath, [CLI, 'check', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('dicoso check: mỗi loại tệp không đọc được có lời nhắn riêng (mã 2)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-input-'));
  });
  const check = (file: string) => {
    const result = spawnSync(process.execPath, [CLI, 'check', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stderr: result.stderr, stdout: result.stdout };
  };

  it.each<[string, string, () => Buffer, string, string]>([
    ['tệp đặt mật khẩu không bị gọi là .xls', 'mat-khau.xlsx', () => compoundFile(ENCRYPTED_STREAMS), 'được đặt mật khẩu', 'Excel cũ'],
    ['tệp .xls', 'cu.xls', () => compoundFile(XLS_STREAMS), 'đây là tệp Excel cũ (.xls, Excel 97–2003)', 'mật khẩu'],
    [
      'tệp .ods không bị gọi là "không có trang tính"',
      'bang.ods',
      () => zipArchive({ mimetype: ODS_MIMETYPE, 'content.xml': '<x/>' }, ['mimetype']),
      'bảng tính OpenDocument (.ods)',
      'không có trang tính',
    ],
    ['tệp .csv', 'bang.csv', () => Buffer.from('Họ và tên,Ban\nNguyễn Văn A,Ban Tuyên giáo\n'), 'tệp văn bản (CSV)', 'Excel cũ'],
    ['trang web đổi đuôi .xls', 'xuat.xls', () => Buffer.from('<html><body><table><tr><td>STT</td></tr></table></body></html>'), 'trang web (HTML)', 'CSV'],
  ])('%s', (_name, file, bytes, says, neverSays) => {
    writeFileSync(path.join(dir, file), bytes());
    const { code, stderr, stdout } = check(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Không đọc được tệp '${file}'`);
    expect(stderr).toContain(says);
    expect(stderr).not.toContain(neverSays);
  });
});
