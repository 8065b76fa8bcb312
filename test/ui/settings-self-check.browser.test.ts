import { describe, expect, it } from 'vitest';
import type { SelfCheckReport, TriggerContext } from '../../src/sheets/pages/self-check';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectContrast, expectNoOverflow, expectReadableAt, screenshot, textZoom, usePages } from './browser';

/**
 * Cài đặt's "Kiểm tra môi trường" section in Chromium at 300 px: what the self-check stored, probe by probe, a failure
 * with what to do, and the trigger's run once it has come. The preview has no self-check of its own: the test gives its
 * host the stored JSON Sheets would hand over (PageHost.selfCheck).
 */

const REPORT: SelfCheckReport = {
  at: '2023-11-15T03:00:00.000Z',
  by: 'bantochuc@tinhdoan.example.vn',
  probes: [
    { id: 'scopes', ok: true, title: 'Quyền đã cấp cho tiện ích', detail: 'Đã cấp đủ 5 quyền tiện ích cần.', advice: '' },
    {
      id: 'email',
      ok: false,
      title: 'Đọc được email của người dùng',
      detail: 'Google không cho tiện ích biết email của anh/chị.',
      advice: 'Hãy cấp quyền “xem địa chỉ email”.',
    },
    { id: 'trigger', ok: null, title: 'Lịch chạy nền (không có ai mở bảng tính)', detail: 'Đã hẹn một lần chạy thử sau khoảng 1 phút.', advice: '' },
  ],
};
const TRIGGER: TriggerContext = {
  at: '2023-11-15T03:02:00.000Z',
  source: 'probe',
  ok: true,
  activeSpreadsheet: false,
  openedById: true,
  documentLock: false,
  documentProperties: true,
  detail: 'Lần chạy nền tìm được bảng tính (mở theo mã bảng tính), đọc được cài đặt và khóa được (khóa của người cài).',
  advice: '',
};

describe.skipIf(skipWithout(['chromium']))('Cài đặt › Kiểm tra môi trường', () => {
  const pages = usePages();
  const host = () => pages.preview.backend.context.host;

  it('before any run, says how to run it', async () => {
    delete host().selfCheck;
    const page = await pages.open('settings', { height: 900 });
    const section = page.getByRole('region', { name: 'Kiểm tra môi trường' });
    await expect.poll(() => section.textContent()).toContain('Chưa chạy. Trong menu Tiện ích mở rộng › 1+2 Đi cơ sở › Trợ giúp');
  });

  it('shows each probe, what to do for the one that failed, and the trigger’s run after “Xem lại”', async () => {
    let stored: { report: unknown; trigger: unknown } = { report: REPORT, trigger: null };
    host().selfCheck = () => stored;
    const page = await pages.open('settings', { height: 900 });
    const section = page.getByRole('region', { name: 'Kiểm tra môi trường' });
    const items = section.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    expect(await section.getByRole('status').textContent()).toContain('bởi bantochuc@tinhdoan.example.vn: 1 mục cần xử lý.');
    expect(await items.nth(0).textContent()).toContain('✓ Quyền đã cấp cho tiện ích');
    expect(await items.nth(1).textContent()).toContain('✗ Đọc được email của người dùng');
    expect(await items.nth(1).textContent()).toContain('Cần làm: Hãy cấp quyền “xem địa chỉ email”.');
    expect(await items.nth(2).textContent()).toContain('… Lịch chạy nền');

    stored = { report: REPORT, trigger: TRIGGER };
    await section.getByRole('button', { name: 'Xem lại' }).click();
    await expect.poll(() => items.nth(2).textContent()).toContain('✓ Lịch chạy nền');
    expect(await items.nth(2).textContent()).toContain('mở theo mã bảng tính');
    await section.scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await expectContrast(page, 'Cài đặt › Kiểm tra môi trường');
    await expectAxeClean(page, 'Cài đặt › Kiểm tra môi trường');
    await textZoom(page, 2);
    await expectReadableAt(page, 'Cài đặt › Kiểm tra môi trường, chữ 200 %');
    await textZoom(page, 1);
    await screenshot(page, 'settings-self-check');
    delete host().selfCheck;
  });

  it('a stored result that cannot be read says so in the section, and “Thử lại” reads it again', async () => {
    let failing = true;
    host().selfCheck = () => {
      if (failing) throw new Error('Service invoked too many times in a short time: properties. Try Utilities.sleep(1000) between calls.');
      return { report: REPORT, trigger: null };
    };
    const page = await pages.open('settings', { height: 900 });
    const section = page.getByRole('region', { name: 'Kiểm tra môi trường' });
    await section.getByRole('alert').waitFor();
    expect(await section.getByRole('alert').textContent()).toContain('Google Trang tính đang bận');
    // The rest of the page loaded: only this section failed.
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    failing = false;
    await section.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => section.getByRole('listitem').count()).toBe(3);
    expect(await section.getByRole('alert').count()).toBe(0);
    delete host().selfCheck;
  });
});
