import { describe, expect, it } from 'vitest';
import type { ResendResult } from '../../src/sheets/schedule-status';
import type { SettingsPagePayload } from '../../src/sheets/pages/settings';
import { skipWithout } from '../support/tools';
import { expectContrast, expectNoOverflow, focused, screenshot, usePages } from './browser';

/**
 * Cài đặt in Chromium at 300 px over the sample workbook, whose Cài đặt tab sets Tỉnh, Năm, Bộ quy định, Kế hoạch số
 * and Ngày kế hoạch: those show read-only, marked as the tab's; everything else is checked when left and saved.
 */

describe.skipIf(skipWithout(['chromium']))('Cài đặt', () => {
  const pages = usePages();
  const stored = () => JSON.parse(pages.preview.backend.settings.read() ?? '{}') as Record<string, unknown>;
  const saveCalls = () => pages.preview.backend.calls.filter((c) => c.name === 'saveSettingsPage').length;

  it('a setting the Cài đặt tab sets is read-only and marked “Lấy từ tab Cài đặt”, and is never sent as saved', async () => {
    const page = await pages.open('settings', { height: 720 });
    for (const [label, value, row] of [
      ['Tên tỉnh (trên biểu mẫu)', 'Kiên Giang', 1],
      ['Năm theo dõi', '2023', 2],
      ['Bộ quy định', 'Kiên Giang 2023', 3],
      ['Kế hoạch số', '06-HD/TĐTN-BTCKT', 4],
      ['Ngày kế hoạch', '10/03/2023', 5],
    ] as const) {
      const box = page.getByLabel(label, { exact: true });
      expect(await box.getAttribute('readonly')).toBe('');
      expect(await box.inputValue()).toContain(value);
      const hint = page.locator(`#${await box.getAttribute('id')}-hint`);
      expect(await hint.textContent()).toMatch(new RegExp(`^Lấy từ tab Cài đặt \\(dòng ${row}, mục “`));
      expect(await box.getAttribute('aria-describedby')).toContain(`${await box.getAttribute('id')}-hint`);
    }
    expect(await page.getByLabel('Số ngày tối thiểu', { exact: true }).getAttribute('readonly')).toBeNull();
    await expectNoOverflow(page);
    await expectContrast(page, 'Cài đặt');
    await screenshot(page, 'settings', { docs: true });
  });

  it('a province that set its own compiling department sees that department’s name on the email box, not the preset’s', async () => {
    // Seed 000's Hà Nam sends to the Ban Xây dựng Đoàn; a province set up on Kiên Giang's preset may do the same.
    const before = pages.preview.backend.settings.read();
    pages.preview.backend.settings.write(JSON.stringify({ ...stored(), overrides: { compilingDepartment: 'Ban Xây dựng Đoàn' } }));
    try {
      const page = await pages.open('settings', { height: 720 });
      expect(await page.getByLabel('Email Ban Xây dựng Đoàn', { exact: true }).count()).toBe(1);
      expect(await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).count()).toBe(0);
    } finally {
      // Back exactly as it was (nothing stored yet reads as the defaults, which '' or '{}' would not be).
      Object.assign(pages.preview.backend.settings, { value: before });
    }
  });

  it('a wrong value shows when its field is left, naming the bad address; the bar keeps Save and the fields to fix in view', async () => {
    const page = await pages.open('settings', { height: 720 });
    const min = page.getByLabel('Số ngày tối thiểu', { exact: true });
    await min.fill('0');
    const minError = page.locator(`#${await min.getAttribute('id')}-error`);
    expect(await minError.textContent()).toBe('');
    await min.press('Tab');
    await expect.poll(() => minError.textContent()).toMatch(/từ 1 trở lên/);
    const emails = page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true });
    await emails.fill('btckt@tinhdoan.example.vn\nkhông-phải-email');
    await emails.press('Tab');
    const emailError = page.locator(`#${await emails.getAttribute('id')}-error`);
    await expect.poll(() => emailError.textContent()).toBe('“không-phải-email” không phải địa chỉ email hợp lệ.');

    // The bar: at the bottom of the sidebar whatever is scrolled, with Save (enabled) and a link per field to fix.
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = page.locator('.action-bar');
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720 + 0.5);
    expect(box.y).toBeLessThan(720);
    expect(await bar.getByRole('button', { name: 'Lưu cài đặt' }).isEnabled()).toBe(true);
    expect(await bar.getByRole('link').allTextContents()).toEqual(['Số ngày tối thiểu', 'Email Ban Tổ chức – Kiểm tra']);
    await bar.getByRole('link', { name: 'Email Ban Tổ chức – Kiểm tra' }).click();
    expect(await focused(page)).toMatchObject({ tag: 'textarea' });
    await expectContrast(page, 'Cài đặt (lỗi)');
    await screenshot(page, 'settings-errors');
  });

  it('Enter in a box does not save; the schedule’s options wait for their switch', async () => {
    const page = await pages.open('settings', { height: 900 });
    const calls = saveCalls();
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('55');
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).press('Enter');
    await page
      .getByLabel('Nhắc trước hạn (ngày)', { exact: true })
      .press('Enter')
      .catch(() => undefined);
    await page.waitForTimeout(300);
    expect(saveCalls()).toBe(calls);

    const on = page.getByLabel('Gửi email tự động', { exact: true });
    expect(await on.isChecked()).toBe(false);
    for (const label of ['Gửi bản tổng hợp mỗi quý', 'Nhắc hạn đăng ký và báo cáo', 'Nhắc trước hạn (ngày)']) {
      expect(await page.getByLabel(label, { exact: true }).isDisabled(), label).toBe(true);
    }
    expect(await page.getByText('Dùng khi bật “Gửi email tự động”.').first().isVisible()).toBe(true);
    await on.check();
    expect(await page.getByLabel('Gửi bản tổng hợp mỗi quý', { exact: true }).isEnabled()).toBe(true);
    expect(await page.getByLabel('Nhắc trước hạn (ngày)', { exact: true }).isEnabled()).toBe(true);
    await page.getByLabel('Nhắc hạn đăng ký và báo cáo', { exact: true }).uncheck();
    expect(await page.getByLabel('Nhắc trước hạn (ngày)', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText('Dùng khi bật “Nhắc hạn đăng ký và báo cáo”.').isVisible()).toBe(true);
  });

  it('Save keeps every valid value and says exactly which value was not saved and why; the focus stays on Save', async () => {
    const before = pages.preview.backend.settings.read();
    const page = await pages.open('settings', { height: 900 });
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('0');
    await page.getByLabel('Kỳ tính từ ngày', { exact: true }).fill('1/2');
    await page.getByLabel('Số đợt bắt buộc', { exact: true }).fill('hai');
    await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).fill('btckt@tinhdoan.example.vn\nsai@');
    await page.getByLabel('Gửi email tự động', { exact: true }).check();
    await page.getByLabel('Nhắc trước hạn (ngày)', { exact: true }).fill('10');
    const save = page.getByRole('button', { name: 'Lưu cài đặt' });
    await save.click();

    const status = page.locator('.bar-status');
    await status.getByText('Đã lưu cài đặt, trừ 3 mục:').waitFor();
    // Each refused value with what is in force instead: the good address of the list was saved, and is said.
    expect(await status.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Số ngày tối thiểu: Chưa lưu “0”: .*từ 1 trở lên.* Đang dùng: giá trị của bộ quy định\.$/),
      'Số đợt bắt buộc: Chưa lưu “hai”: Nhập một số nguyên, ví dụ 2. Đang dùng: giá trị của bộ quy định.',
      'Email Ban Tổ chức – Kiểm tra: Chưa lưu: “sai@” không phải địa chỉ email hợp lệ. Đang dùng: btckt@tinhdoan.example.vn.',
    ]);
    // The bar's answer replaces its list of fields to fix: read first, not behind the old list.
    expect(await page.locator('.bar-messages > :not(:empty)').count()).toBe(1);
    expect(await status.getAttribute('role')).toBe('status');
    expect(await focused(page)).toMatchObject({ text: 'Lưu cài đặt' });
    expect(stored()).toMatchObject({
      overrides: { periodStart: '02-01' },
      recipients: { btcKt: ['btckt@tinhdoan.example.vn'] },
      schedule: { enabled: true, reminderDaysBefore: 10 },
    });
    expect((stored().overrides as Record<string, unknown>).minDays).toBeUndefined();
    // Turning the schedule on also installs the daily trigger (setSchedule).
    await page.getByText(/^Đang bật/).waitFor();
    expect(pages.preview.backend.calls.map((c) => c.name)).toContain('setSchedule');
    await screenshot(page, 'settings-saved-partly');

    // Fixed, saved again: now it says “Đã lưu cài đặt.”, and a reload shows what was stored.
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('55');
    await page.getByLabel('Số đợt bắt buộc', { exact: true }).fill('');
    await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).fill('btckt@tinhdoan.example.vn');
    await save.click();
    await status.getByText('Đã lưu cài đặt.').waitFor();
    await page.reload();
    await page.locator('#app[aria-busy="false"]').waitFor();
    expect(await page.getByLabel('Số ngày tối thiểu', { exact: true }).inputValue()).toBe('55');
    expect(await page.getByLabel('Kỳ tính từ ngày', { exact: true }).inputValue()).toBe('01/02');
    expect(await page.getByLabel('Gửi email tự động', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Nhắc trước hạn (ngày)', { exact: true }).inputValue()).toBe('10');
    pages.server('setSchedule', false);
    pages.preview.backend.settings.write(before ?? '');
  });

  it('at 200 % zoom (150 × 360 px) after a save with three wrong values, the bar stays small, Save in view, the focused field above it', async () => {
    const before = pages.preview.backend.settings.read();
    const [width, height] = [150, 360];
    const page = await pages.open('settings', { width, height });
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('0');
    await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).fill('btckt@tinhdoan.example.vn\nsai@');
    await page.getByLabel('Số đợt bắt buộc', { exact: true }).fill('hai');
    const save = page.getByRole('button', { name: 'Lưu cài đặt' });
    await save.click();
    const answer = page.locator('.bar-status').getByText('Đã lưu cài đặt, trừ 3 mục:');
    await answer.waitFor();
    // The answer is the first thing in the bar, and on screen at this zoom.
    const answerBox = (await answer.boundingBox())!;
    const messagesBox = (await page.locator('.bar-messages').boundingBox())!;
    expect(answerBox.y).toBeGreaterThanOrEqual(messagesBox.y);
    expect(answerBox.y + answerBox.height).toBeLessThanOrEqual(messagesBox.y + messagesBox.height);

    const bar = page.locator('.action-bar');
    const barBox = (await bar.boundingBox())!;
    console.info(`Cài đặt at ${width}×${height}: the save bar is ${Math.round(barBox.height)} px (${Math.round((100 * barBox.height) / height)} %)`);
    expect(barBox.height).toBeLessThanOrEqual(height / 3);
    // Save whole, on screen, and not scrolled away inside the bar.
    const saveBox = (await save.boundingBox())!;
    expect(saveBox.y).toBeGreaterThanOrEqual(barBox.y);
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(Math.min(height, barBox.y + barBox.height));
    const center = { x: saveBox.x + saveBox.width / 2, y: saveBox.y + saveBox.height / 2 };
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, center)).toBe('Lưu cài đặt');
    // What the bar says can still be read whole: it scrolls within the bar.
    expect(await page.locator('.bar-messages').evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY)).toBe('auto');

    // A field focused where the bar would cover it is brought above the bar: by a link of the bar, and by a click.
    const uncovered = async (label: string) => {
      const box = (await page.getByLabel(label, { exact: true }).boundingBox())!;
      const top = (await bar.boundingBox())!.y;
      return box.y >= 0 && box.y + box.height <= top;
    };
    await bar.getByRole('link', { name: 'Số ngày tối thiểu' }).click();
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    await expect.poll(() => uncovered('Số ngày tối thiểu')).toBe(true);
    const from = page.getByLabel('Kỳ tính từ ngày', { exact: true });
    // Scrolled so that the field sits under the bar, within the sidebar, then focused (as a click on its edge would).
    await from.evaluate((el) => {
      const barTop = document.querySelector('.action-bar')!.getBoundingClientRect().top;
      window.scrollBy(0, el.getBoundingClientRect().top - (barTop + 20));
    });
    expect(await uncovered('Kỳ tính từ ngày')).toBe(false);
    await from.focus();
    await expect.poll(() => uncovered('Kỳ tính từ ngày')).toBe(true);
    await screenshot(page, 'settings-zoom-200');
    pages.preview.backend.settings.write(before ?? '');
  });

  it('lists the emails that did not go, with why; Gửi bù sends the missed summaries once, and the focus goes to what happened', async () => {
    const before = pages.preview.backend.settings.read();
    const storedLog = pages.preview.backend.emailLog.value;
    const { settings } = pages.server<SettingsPagePayload>('getSettingsPage');
    pages.preview.backend.settings.write(
      JSON.stringify({
        ...settings,
        recipients: { ...settings.recipients, btcKt: ['btckt@tinhdoan.example.vn'] },
        schedule: { ...settings.schedule, enabled: true },
      }),
    );
    pages.server('setSchedule', true);
    // The trigger ran until 24/09, then Google disabled it: the Q3 summaries (due 27/09, catch-up until 30/09) never went.
    pages.preview.backend.runDailyEmails('2023-09-20');
    pages.preview.backend.runDailyEmails('2023-09-24');
    pages.preview.backend.runDailyEmails('2023-11-15');
    const sentBefore = pages.preview.backend.outbox.length;

    const page = await pages.open('settings', { height: 1400 });
    await page.getByRole('status').filter({ hasText: 'Có 7 thư không được gửi và sẽ không tự gửi lại' }).waitFor();
    const unsent = page.getByRole('region', { name: 'Thư chưa gửi được (7)' });
    // One item per email kind; each names its recipients in a list of its own.
    const items = unsent.locator('ul.unsent-list > li');
    expect(await items.count()).toBe(2);
    const bans = await items.nth(0).textContent();
    expect(bans).toContain('Thư tổng hợp quý III năm 2023 của ban (6 thư)');
    expect(bans).toContain('Ngày cần gửi thư: 27/09/2023');
    // Names and addresses apart, never "Ban … <address>" as the log keeps them.
    expect(bans).not.toMatch(/[<>]/);
    expect(await items.nth(0).getByRole('listitem').count()).toBeGreaterThan(1);
    expect(bans).toContain('bấm “Gửi bù báo cáo quý” để gửi ngay');
    const resend = page.getByRole('button', { name: 'Gửi bù báo cáo quý' });
    expect(await page.locator('#resend-hint').textContent()).toContain('Gửi ngay 7 thư báo cáo quý đã lỡ hạn');
    await expectNoOverflow(page);
    await screenshot(page, 'settings-unsent', { fullPage: true });

    await resend.click();
    await page.getByText('Đã gửi bù 7 thư báo cáo quý.').waitFor();
    expect(pages.preview.backend.outbox.length).toBe(sentBefore + 7);
    expect(await page.getByRole('button', { name: 'Gửi bù báo cáo quý' }).count()).toBe(0);
    expect((await focused(page)).text).toMatch(/^Đã gửi bù 7 thư/);
    expect(pages.server<ResendResult>('sendMissedSummaries')).toMatchObject({ sent: [] });

    pages.server('setSchedule', false);
    pages.preview.backend.settings.write(before ?? '');
    pages.preview.backend.emailLog.value = storedLog;
  });
});
