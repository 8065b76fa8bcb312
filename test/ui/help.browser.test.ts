import { describe, expect, it } from 'vitest';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectContrast, expectNoOverflow, usePages } from './browser';

/** Trợ giúp › Hướng dẫn: the help text in its 520 × 480 dialog (src/gas/actions.ts), a page of text without a script. */
describe.skipIf(skipWithout(['chromium']))('Hướng dẫn', () => {
  const pages = usePages();

  it('reads in its dialog: every section, the date formats people type, nothing cut off, WCAG 2.2 AA', async () => {
    const page = await pages.open('help', { width: 520, height: 480, loaded: false });
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Bắt đầu',
      'Nhập ngày',
      'Tên và nội dung',
      'Màu trong tab Cán bộ',
      'Duyệt đăng ký',
      'Biểu mẫu',
      'Cài đặt',
    ]);
    expect(await page.locator('main').textContent()).toContain('“Từ ngày 01/4/2023 – 01/5/2023”');
    await expectNoOverflow(page);
    await expectContrast(page, 'Hướng dẫn');
    await expectAxeClean(page, 'Hướng dẫn');
  });
});
