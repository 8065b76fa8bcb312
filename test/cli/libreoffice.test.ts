import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/cli/commands/check';
import { MAU2_CAPTIONS } from '../../src/core/forms/mau2';
import { ROOT } from '../support/bundle';
import { convertWithLibreOffice, skipWithout } from '../support/tools';

// A real client opens what we write: LibreOffice converts the output workbook to PDF (all tabs) and pdftotext reads
// it back. CI installs both (.ci/run); elsewhere, without them, this suite is skipped with a reason, never faked.
// The forms are set in Times New Roman, which LibreOffice draws with its metric twin Liberation Serif: the page count
// below assumes those widths, and .ci/run installs the font (fonts-liberation).
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
    const [pdf] = convertWithLibreOffice([out], 'pdf', dir);
    const text = execFileSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' }).normalize('NFC');
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

  it('a conversion that writes nothing fails there, with what soffice said (it exits 0 when it cannot load a file)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-lo-'));
    expect(() => convertWithLibreOffice([path.join(dir, 'khong-co.xlsx')], 'pdf', dir)).toThrow(
      /missing: .*khong-co\.pdf[\s\S]*stderr:[\s\S]*source file could not be loaded/,
    );
  }, 180_000);
});
