import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emailPreview } from '../../src/cli/commands/email-preview';
import { run } from '../../src/cli/main';
import { ROOT } from '../support/bundle';

const SAMPLE = path.join(ROOT, 'samples/tinh-doan-mau.xlsx');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dicoso-email-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('dicoso email-preview', () => {
  it('writes one HTML file per Ban plus the BTC-KT one, with their plain texts', async () => {
    const out = tempDir();
    const files = await emailPreview(SAMPLE, { json: false, quarter: 3, out, today: '2023-09-27' as never }, new Date());
    expect(files.map((f) => path.basename(f))).toEqual([
      'tong-hop-quy-3-2023-toan-tinh.html',
      'tong-hop-quy-3-2023-thuong-truc-tinh-doan.html',
      'tong-hop-quy-3-2023-ban-to-chuc-kiem-tra.html',
      'tong-hop-quy-3-2023-ban-tuyen-giao.html',
      'tong-hop-quy-3-2023-ban-phong-trao.html',
      'tong-hop-quy-3-2023-ban-cong-tac-thieu-nhi.html',
      'tong-hop-quy-3-2023-van-phong.html',
    ]);
    expect(readdirSync(out)).toHaveLength(14);
    const html = readFileSync(files[4]!, 'utf8');
    expect(html).toContain('<title>[1+2] Tổng hợp đi cơ sở quý III năm 2023 – Ban Phong trào</title>');
    // The sample follows Kiên Giang's 06-HD, which has no mẫu 3 and no quarterly report: the block is named plainly.
    expect(html).toContain('Kết quả đi cơ sở quý III năm 2023');
    expect(html).not.toMatch(/[Mm]ẫu 3|hạn báo cáo quý/);
    expect(readFileSync(files[4]!.replace(/\.html$/, '.txt'), 'utf8')).toContain('Gửi tới: nguyenthanhtung@tinhdoan.example.vn');
  });

  it('--ban gives that Ban’s email and the BTC-KT one, through the command line', async () => {
    const out = tempDir();
    const lines: string[] = [];
    const code = await run(['email-preview', SAMPLE, '--quarter', '2', '--ban', 'tuyên giáo', '--out', out, '--today', '2023-06-27'], {
      stdout: (t) => lines.push(t),
      stderr: (t) => lines.push(t),
      env: {},
      isTTY: false,
      now: () => new Date(),
    });
    expect(code).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.html'))
        .sort(),
    ).toEqual(['tong-hop-quy-2-2023-ban-tuyen-giao.html', 'tong-hop-quy-2-2023-toan-tinh.html']);
    expect(lines.join('')).toContain('Đã ghi 2 thư');
  });

  it('an unknown Ban is a usage error naming the Bans', async () => {
    await expect(emailPreview(SAMPLE, { json: false, quarter: 2, out: tempDir(), ban: 'Ban Không Có' }, new Date())).rejects.toThrow(
      /Không có Ban “Ban Không Có”/,
    );
  });
});
