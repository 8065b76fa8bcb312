import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/cli/commands/check';
import { MAU2_CAPTIONS } from '../../src/core/forms/mau2';
import { ROOT } from '../support/bundle';
import { SOFFICE, skipWithout } from '../support/tools';

const soffice = SOFFICE ?? 'soffice';

// A real client opens what we write: LibreOffice converts the output workbook to PDF (all tabs) and pdftotext reads
// it back. CI installs both (.ci/run); elsewhere, without them, this suite is skipped with a reason, never faked.
describe.skipIf(skipWithout(['libreoffice', 'pdftotext']))('LibreOffice mở được tệp kết quả', () => {
  it('mẫu 2, mẫu 3 và tên cán bộ ra PDF đúng dấu tiếng Việt', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-lo-'));
    const out = path.join(dir, 'ket-qua.xlsx');
    await checkWorkbook(path.join(ROOT, 'samples/tinh-doan-mau.xlsx'), {
      json: false,
      today: '2023-11-15' as never,
      quarter: 3,
      out,
      mau1: ['Ban Tuyên giáo'],
    });
    execFileSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, out], {
      stdio: 'pipe',
      timeout: 120_000,
    });
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
      'BẢN ĐĂNG KÝ',
      '1. Họ và tên:',
      'Lãnh đạo Ban/Văn phòng phê duyệt',
      'Người đăng ký',
      ...MAU2_CAPTIONS,
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Print titles: mẫu 2 runs over several pages and each continuation page starts with its column captions.
    const pages = text.split('\f');
    const mau2Pages = pages.filter((p) => p.includes('Nội dung đi cơ sở') && p.includes('Thời gian cụ thể'));
    expect(mau2Pages.length).toBeGreaterThan(1);
  }, 180_000);
});
