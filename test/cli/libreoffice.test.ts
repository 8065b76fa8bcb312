import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/cli/check';
import { MAU2_CAPTIONS } from '../../src/core/forms/mau2';
import { ROOT } from '../support/bundle';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const pdftotext = spawnSync('which', ['pdftotext']).status === 0;

// A real client opens what we write: LibreOffice converts the output workbook to PDF (all tabs) and pdftotext reads
// it back. CI installs both (.ci/run); on a machine without them this suite is skipped, not faked.
describe.skipIf(!soffice || !pdftotext)('LibreOffice mở được tệp kết quả', () => {
  it('mẫu 2, mẫu 3 và tên cán bộ ra PDF đúng dấu tiếng Việt', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-lo-'));
    const out = path.join(dir, 'ket-qua.xlsx');
    await checkWorkbook(path.join(ROOT, 'samples/tinh-doan-mau.xlsx'), { json: false, today: '2023-11-15' as never, quarter: 3, out });
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
    const pdf = path.join(dir, 'ket-qua.pdf');
    expect(existsSync(pdf), readdirSync(dir).join(', ')).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const expected of [
      'BẢN TỔNG HỢP ĐĂNG KÝ',
      'TỔNG HỢP BÁO CÁO',
      'Kết quả đi công tác cơ sở quý III năm 2023',
      'TỔNG HỢP THỰC HIỆN CHỦ TRƯƠNG',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Nguyễn Thị Thủy',
      'Kết quả kiểm tra',
      ...MAU2_CAPTIONS,
    ]) {
      expect(text, expected).toContain(expected);
    }
  }, 180_000);
});
