import { describe, expect, it } from 'vitest';
import type { SettingsPagePayload } from '../../src/sheets/pages/settings';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectReadableAt, textZoom, usePages } from './browser';

/**
 * Cài đặt's states scanned like the other pages (issue 20, point 7): axe-core's WCAG 2.2 AA rules, and at 300 px
 * with the reader's text at twice its size no word split mid-syllable and no choice cut.
 */
describe.skipIf(skipWithout(['chromium']))('Cài đặt: axe-core and text zoom', () => {
  const pages = usePages();

  it('as it opens, at 300 px and at 200 % text', async () => {
    const page = await pages.open('settings', { height: 900 });
    await page.getByText('Chưa bật gửi email tự động.').waitFor();
    await expectAxeClean(page, 'Cài đặt');
    await expectReadableAt(page, 'Cài đặt');
    expect(await textZoom(page, 2)).toBe(26);
    await expectReadableAt(page, 'Cài đặt, chữ 200 %');
    await expectAxeClean(page, 'Cài đặt, chữ 200 %');
  });

  it('after a save with wrong values, and with the unsent-email list', async () => {
    const before = pages.preview.backend.settings.read();
    const storedLog = pages.preview.backend.emailLog.value;
    const page = await pages.open('settings', { height: 900 });
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('0');
    await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).fill('không-phải-email');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.locator('.action-bar [role="status"], .action-bar [role="alert"]').first().waitFor();
    await expectAxeClean(page, 'Cài đặt, sau khi lưu có lỗi');
    await expectReadableAt(page, 'Cài đặt, sau khi lưu có lỗi');

    const { settings } = pages.server<SettingsPagePayload>('getSettingsPage');
    pages.preview.backend.settings.write(
      JSON.stringify({ ...settings, recipients: { ...settings.recipients, btcKt: [] }, schedule: { ...settings.schedule, enabled: true } }),
    );
    pages.server('setSchedule', true);
    pages.preview.backend.runDailyEmails('2023-09-20');
    pages.preview.backend.runDailyEmails('2023-11-15');
    const unsent = await pages.open('settings', { height: 1400 });
    await unsent.getByText(/thư tổng hợp toàn tỉnh hằng quý sẽ không gửi cho ai/).waitFor();
    await unsent.getByRole('region', { name: /^Thư chưa gửi được/ }).waitFor();
    await expectAxeClean(unsent, 'Cài đặt, thư chưa gửi được');
    await textZoom(unsent, 2);
    await expectReadableAt(unsent, 'Cài đặt, thư chưa gửi được, chữ 200 %');
    pages.server('setSchedule', false);
    pages.preview.backend.settings.write(before ?? '');
    pages.preview.backend.emailLog.value = storedLog;
  });
});
