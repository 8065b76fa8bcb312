import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldKey } from '../../src/core/text';
import type { ResendResult } from '../../src/sheets/schedule-status';
import type { FormOptionsPayload } from '../../src/sheets/pages/forms';
import type { ProgressEntry, ProgressPayload } from '../../src/sheets/pages/progress';
import type { SettingsPagePayload } from '../../src/sheets/pages/settings';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview.mjs';
import { CHROMIUM, skipWithout } from '../support/tools';

/**
 * The pages in Debian's Chromium against the preview server (the real server functions over the sample workbook),
 * looked at as a person would: by label and role. Screenshots go to test-artifacts/; with UPDATE_SCREENSHOTS=1 the
 * progress and trip-form ones are also copied to docs/screenshots/ for the README.
 */

const ARTIFACTS = path.resolve('test-artifacts');
const DOCS = path.resolve('docs/screenshots');
const XSS_NAME = '<img src=x onerror=window.__xss=1>';

describe.skipIf(skipWithout(['chromium']))('the pages in Chromium', () => {
  let preview: PreviewServer;
  let browser: Browser;

  const server = <T>(name: string, ...args: unknown[]): T => {
    const outcome = preview.backend.call(name, args);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.value as T;
  };
  const tripRowCount = () => preview.backend.workbook.readTab('Đi cơ sở')!.values.length;

  async function open(name: string, height = 800, width = 300): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', deviceScaleFactor: 1 });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${preview.url}/${name}`);
    await page.locator('#app[aria-busy="false"]').waitFor();
    return page;
  }

  async function screenshot(page: Page, name: string, options: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
    // README's screenshots change only when asked (UPDATE_SCREENSHOTS=1), so a test run never dirties the tree.
    if (options.docs && process.env.UPDATE_SCREENSHOTS) {
      await mkdir(DOCS, { recursive: true });
      await copyFile(file, path.join(DOCS, `${name}.png`));
    }
  }

  /** Nothing is wider than the 300 px sidebar (no horizontal scroll, nothing cut off on the right). */
  async function expectNoOverflow(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > width + 0.5 && getComputedStyle(el).position !== 'absolute';
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth > width, wide };
    });
    expect(overflow).toEqual({ scroll: false, wide: [] });
  }

  beforeAll(async () => {
    preview = await startPreviewServer({ port: 0, today: '2023-11-15' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('Tiến độ 1+2 lists every cadre with the server’s counts, behind first', async () => {
    const expected = server<ProgressPayload>('getProgress');
    const page = await open('progress');
    await expect.poll(() => page.locator('article.card').count()).toBe(expected.cadres.length);
    const counts = page.getByRole('group', { name: 'Số cán bộ theo tình trạng' });
    for (const [label, value] of [
      ['Đủ', expected.counts.ok],
      ['Thiếu ngày', expected.counts.shortDays],
      ['Thiếu chuyên đề', expected.counts.shortRounds],
      ['Miễn', expected.counts.exempt],
    ] as const) {
      await expect.poll(() => counts.getByRole('button', { name: new RegExp(`^${value} ${label}$`) }).count()).toBe(1);
    }
    const names = await page.locator('article.card .card-name').allTextContents();
    expect(names).toEqual(expected.cadres.map((c) => c.name));
    const first = expected.cadres[0]!;
    const card = page.locator('article.card').first();
    expect(await card.textContent()).toContain(first.forecast);
    expect(await card.textContent()).toContain(`${first.daysDone}/${first.requiredDays}`);
    await expectNoOverflow(page);
    await screenshot(page, 'progress', { docs: true });
    await screenshot(page, 'progress-full', { fullPage: true });
    await page.context().close();
  });

  it('filters by Ban and status, and finds “Thủy” when “thuy” is typed', async () => {
    const expected = server<ProgressPayload>('getProgress');
    const page = await open('progress');
    const ban = 'Ban Tuyên giáo';
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(ban);
    const inBan = expected.cadres.filter((c) => c.ban === ban);
    await expect.poll(() => page.locator('article.card').count()).toBe(inBan.length);
    expect(await page.locator('article.card .card-sub').allTextContents()).toEqual(inBan.map((c) => `${ban} · ${c.groupLabel}`));

    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption('');
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('short-days');
    const short = expected.cadres.filter((c) => c.status === 'short-days' || c.status === 'short-both');
    await expect.poll(() => page.locator('article.card').count()).toBe(short.length);
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('all');

    await page.getByLabel('Tìm theo tên', { exact: true }).fill('thuy');
    const thuy = expected.cadres.filter((c) => foldKey(c.name).includes('thuy'));
    expect(thuy.some((c) => c.name.includes('Thủy'))).toBe(true);
    await expect.poll(() => page.locator('article.card .card-name').allTextContents()).toEqual(thuy.map((c) => c.name));

    // Clicking a name asks Sheets to select that cadre's rows (the preview records the call).
    const target = thuy[0]!;
    await page.getByRole('button', { name: target.name }).click();
    await page.getByText(`Đã chọn ${target.tripRows.length} dòng của ${target.name}`).waitFor();
    expect(preview.backend.calls.filter((c) => c.name === 'selectTripRows').at(-1)?.args).toEqual([{ name: target.name, rows: target.tripRows }]);
    await screenshot(page, 'progress-search');
    await page.context().close();
  });

  it('an invalid trip shows the errors beside the fields, cannot be saved, and appends nothing', async () => {
    const before = tripRowCount();
    const page = await open('trip-form');
    await page.getByLabel('Tìm cán bộ', { exact: true }).fill('hoa');
    await expect.poll(() => page.getByRole('combobox', { name: 'Cán bộ', exact: true }).inputValue()).not.toBe('');
    await page.getByRole('combobox', { name: 'Nội dung', exact: true }).selectOption({ label: '3.1. Theo chuyên đề' });
    await page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill('25/11/2023');
    await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill('20/11/2023');
    await page.getByLabel('Số ngày', { exact: true }).fill('9');
    await page.getByLabel('Cấp', { exact: true }).selectOption('Xã/Phường');
    await page.getByLabel('Địa điểm', { exact: true }).click();

    const toError = page.locator('#' + (await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).getAttribute('id')) + '-error');
    await expect.poll(() => toError.textContent()).toMatch(/Đến ngày 20\/11\/2023 trước Từ ngày 25\/11\/2023/);
    expect(await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).getAttribute('aria-invalid')).toBe('true');
    const save = page.getByRole('button', { name: 'Lưu đợt đi cơ sở' });
    expect(await save.isDisabled()).toBe(true);

    await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill('31/02/2023');
    await expect.poll(() => toError.textContent()).toMatch(/không tồn tại trong lịch/);
    await screenshot(page, 'trip-form-errors', { fullPage: true });

    // The server runs the same check: an invalid trip sent past the page is refused, field by field.
    const refused = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          const chain = (run.withSuccessHandler as (f: unknown) => Record<string, (...a: unknown[]) => unknown>)(resolve);
          chain.saveTrip!({ name: 'Trần Văn Hòa', ban: '', kind: 'chuyen-de', detail: '', from: '2023-11-25', to: '2023-11-20', days: '', place: '', level: '', status: 'registered' });
        }),
    );
    expect(refused).toMatchObject({ ok: false, errors: { to: expect.stringMatching(/trước Từ ngày/) } });
    expect(tripRowCount()).toBe(before);
    await page.context().close();
  });

  it('a valid trip appends exactly one row and shows the cadre’s new progress', async () => {
    const before = tripRowCount();
    const page = await open('trip-form', 770);
    await page.getByLabel('Tìm cán bộ', { exact: true }).fill('thuy');
    const picked = await page.getByRole('combobox', { name: 'Cán bộ', exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    const [name, ban] = picked.split(' — ') as [string, string];
    expect(name).toMatch(/Thủy/);
    await page.getByRole('combobox', { name: 'Nội dung', exact: true }).selectOption('chuyen-de');
    await page.getByLabel('Cụ thể nội dung', { exact: true }).fill('Tuyên truyền “Tháng Thanh niên” – đợt 2');
    await page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill('20/11/2023');
    await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill('25/11');
    await page.getByLabel('Địa điểm', { exact: true }).fill('Xã Thạnh Đông, huyện Tân Hiệp');
    await expect.poll(() => page.getByLabel('Số ngày', { exact: true }).inputValue()).toBe('6');
    expect(await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).inputValue()).toBe('25/11/2023');
    await page.getByLabel('Cấp', { exact: true }).selectOption('Xã/Phường');
    const save = page.getByRole('button', { name: 'Lưu đợt đi cơ sở' });
    await expect.poll(() => save.isEnabled()).toBe(true);
    await screenshot(page, 'trip-form', { docs: true, fullPage: true });

    await save.click();
    await page.getByText(/Đã thêm đợt đi cơ sở của .* vào dòng \d+ của tab Đi cơ sở\./).waitFor();
    expect(tripRowCount()).toBe(before + 1);
    const last = preview.backend.workbook.readTab('Đi cơ sở')!.values.at(-1)!;
    expect(last.slice(1, 11)).toEqual([
      name,
      ban,
      '3.1. Theo chuyên đề',
      'Tuyên truyền “Tháng Thanh niên” – đợt 2',
      6,
      new Date(Date.UTC(2023, 10, 20)),
      new Date(Date.UTC(2023, 10, 25)),
      'Xã Thạnh Đông, huyện Tân Hiệp',
      'Xã/Phường',
      'Đăng ký',
    ]);
    const now = server<ProgressPayload>('getProgress').cadres.find((c: ProgressEntry) => c.name === name && c.ban === ban)!;
    const card = page.getByRole('region', { name: `Tiến độ của ${name}` });
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain(`${now.daysDone}/${now.requiredDays} ngày`);
    expect(text).toContain(`+${now.daysProjected - now.daysDone} dự kiến`);
    expect(text).toContain(now.statusLabel);
    expect(now.tripRows).toContain(before + 1);
    await expectNoOverflow(page);
    await screenshot(page, 'trip-form-saved', { fullPage: true });
    await page.context().close();
  });

  it('settings are checked as typed, saved, and still there after a reload', async () => {
    const stored = preview.backend.settings.read();
    const page = await open('settings', 1000);
    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('0');
    const minError = page.locator('#' + (await page.getByLabel('Số ngày tối thiểu', { exact: true }).getAttribute('id')) + '-error');
    await expect.poll(() => minError.textContent()).toMatch(/từ 1 trở lên/);
    await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).fill('btckt@tinhdoan.example.vn\nkhông-phải-email');
    const save = page.getByRole('button', { name: 'Lưu cài đặt' });
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, 'settings-errors', { fullPage: true });

    await page.getByLabel('Số ngày tối thiểu', { exact: true }).fill('55');
    await page.getByLabel('Kỳ tính từ ngày', { exact: true }).fill('1/2');
    await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).fill('btckt@tinhdoan.example.vn');
    await page.getByLabel('Gửi email tự động', { exact: true }).check();
    await page.getByLabel('Nhắc trước hạn (ngày)', { exact: true }).fill('10');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await expect.poll(() => page.getByText('Chưa bật gửi email tự động.').isVisible()).toBe(true);
    await save.click();
    // Turning the schedule on also installs the daily trigger (setSchedule), and the page shows the new state.
    await page.getByText('Đã lưu cài đặt và bật gửi email tự động.').waitFor();
    await page.getByText(/^Đang bật/).waitFor();
    expect(preview.backend.calls.map((c) => c.name)).toContain('setSchedule');
    expect(JSON.parse(preview.backend.settings.read()!)).toMatchObject({
      overrides: { minDays: 55, periodStart: '02-01' },
      recipients: { btcKt: ['btckt@tinhdoan.example.vn'] },
      schedule: { enabled: true, reminderDaysBefore: 10 },
    });

    await page.reload();
    await page.locator('#app[aria-busy="false"]').waitFor();
    expect(await page.getByLabel('Số ngày tối thiểu', { exact: true }).inputValue()).toBe('55');
    expect(await page.getByLabel('Kỳ tính từ ngày', { exact: true }).inputValue()).toBe('01/02');
    expect(await page.getByLabel('Email Ban Tổ chức – Kiểm tra', { exact: true }).inputValue()).toBe('btckt@tinhdoan.example.vn');
    expect(await page.getByLabel('Gửi email tự động', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Nhắc trước hạn (ngày)', { exact: true }).inputValue()).toBe('10');
    await expectNoOverflow(page);
    await screenshot(page, 'settings', { fullPage: true });
    await page.context().close();
    preview.backend.settings.write(stored ?? '');
  });

  it('Cài đặt lists the emails that did not go, with why, and Gửi bù sends the missed summaries once', async () => {
    const stored = preview.backend.settings.read();
    const storedLog = preview.backend.emailLog.value;
    const { settings } = server<SettingsPagePayload>('getSettingsPage');
    preview.backend.settings.write(
      JSON.stringify({ ...settings, recipients: { ...settings.recipients, btcKt: ['btckt@tinhdoan.example.vn'] }, schedule: { ...settings.schedule, enabled: true } }),
    );
    server('setSchedule', true);
    // The trigger ran until 24/09, then Google disabled it: the Q3 summaries (due 27/09, catch-up until 30/09) never went.
    preview.backend.runDailyEmails('2023-09-20');
    preview.backend.runDailyEmails('2023-09-24');
    preview.backend.runDailyEmails('2023-11-15');
    const before = preview.backend.outbox.length;

    const page = await open('settings', 1400);
    // Not "all is well": the schedule's banner says emails did not go.
    await page.getByRole('status').filter({ hasText: 'Có 7 thư không được gửi và sẽ không tự gửi lại' }).waitFor();
    const unsent = page.getByRole('region', { name: 'Thư chưa gửi được (7)' });
    const items = unsent.getByRole('listitem');
    expect(await items.count()).toBe(2);
    const bans = await items.nth(0).textContent();
    expect(bans).toContain('Báo cáo quý 3/2023 của ban (6 thư)');
    expect(bans).toContain('Người nhận: Thường trực Tỉnh đoàn <tranvanhoa@tinhdoan.example.vn>, Ban Tổ chức – Kiểm tra');
    expect(bans).toContain('và 3 người nhận khác');
    expect(bans).toContain('Hạn gửi: 27/09/2023');
    expect(bans).toContain('Lý do: Lịch gửi hằng ngày không chạy, hoặc bị dừng giữa chừng, trong cả thời hạn gửi (27/09/2023–30/09/2023).');
    expect(bans).toContain('bấm “Gửi bù báo cáo quý” để gửi ngay');
    expect(await items.nth(1).textContent()).toContain('Báo cáo quý 3/2023 toàn tỉnh');
    const resend = page.getByRole('button', { name: 'Gửi bù báo cáo quý' });
    expect(await resend.getAttribute('aria-describedby')).toBe('resend-hint');
    expect(await page.locator('#resend-hint').textContent()).toContain('Gửi ngay 7 thư báo cáo quý đã lỡ hạn');
    await expectNoOverflow(page);
    await screenshot(page, 'settings-unsent', { fullPage: true });

    await resend.click();
    await page.getByText('Đã gửi bù 7 thư báo cáo quý.').waitFor();
    const sent = preview.backend.outbox.slice(before);
    expect(sent.map((m) => m.subject)).toEqual([
      '[1+2] Báo cáo quý 3/2023 – Toàn tỉnh',
      ...settingsBans().map((ban) => `[1+2] Báo cáo quý 3/2023 – ${ban}`),
    ]);
    expect(await page.getByRole('button', { name: 'Gửi bù báo cáo quý' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: /Thư chưa gửi được/ }).count()).toBe(0);
    await screenshot(page, 'settings-resent', { fullPage: true });

    // Never twice: another click (say, from a second sidebar) and the next daily run send nothing.
    expect(server<ResendResult>('sendMissedSummaries')).toMatchObject({ sent: [], message: 'Không còn báo cáo quý nào cần gửi bù.' });
    expect(preview.backend.runDailyEmails('2023-11-16').sent).toEqual([]);
    expect(preview.backend.outbox.length).toBe(before + 7);
    await page.context().close();

    server('setSchedule', false);
    preview.backend.settings.write(stored ?? '');
    preview.backend.emailLog.value = storedLog;

    function settingsBans(): string[] {
      return ['Thường trực Tỉnh đoàn', 'Ban Tổ chức – Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Công tác Thiếu nhi', 'Văn phòng'];
    }
  });

  it('Tạo mẫu 3 says what it will list and creates the tab', async () => {
    const options = server<FormOptionsPayload>('getFormOptions');
    const page = await open('forms-dialog', 640);
    const ban = options.bans[2]!;
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(ban);
    await page.getByLabel('Quý', { exact: true }).selectOption('3');
    const count = options.scopes.find((s) => s.ban === ban)!.mau3[2]!;
    const summary = page.getByRole('status').filter({ hasText: 'sẽ liệt kê' });
    await expect.poll(() => summary.textContent()).toContain(`${count.cadres} cán bộ, ${count.trips} đợt`);
    await expectNoOverflow(page);
    await screenshot(page, 'forms-dialog');
    const tabsBefore = preview.backend.workbook.tabNames();
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    const done = page.getByText(/^Đã tạo tab “Mẫu 3 Quý III-2023 - .+”/);
    await done.waitFor();
    const tab = /“(.+)”/.exec((await done.textContent())!)![1]!;
    expect(await done.textContent()).toContain(`${count.cadres} cán bộ, ${count.trips} đợt`);
    expect(tabsBefore).not.toContain(tab);
    expect(preview.backend.workbook.tabNames()).toContain(tab);
    expect(preview.backend.workbook.readTab(tab)!.values.flat()).toContain('Tổng');
    await page.context().close();
  });

  it('the forms dialog fits the 460 × 420 window the menu opens, without scrolling', async () => {
    const page = await open('forms-dialog', 420, 460);
    expect(await page.getByRole('radio', { name: /Mẫu 3/ }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(420);
    await screenshot(page, 'forms-dialog-460x420');
    await page.context().close();
  });

  it('a name like <img onerror=…> is shown as text and never runs', async () => {
    // A roster row a prankster typed: it must show as text everywhere.
    const row = preview.backend.workbook.readTab('Cán bộ')!.values.length + 1;
    preview.backend.workbook.setCell('Cán bộ', row, 2, XSS_NAME);
    preview.backend.workbook.setCell('Cán bộ', row, 3, 'Chuyên viên');
    preview.backend.workbook.setCell('Cán bộ', row, 4, 'Ban Tuyên giáo');
    const page = await open('progress');
    await page.getByLabel('Tìm theo tên', { exact: true }).fill('img src');
    await page.getByText(XSS_NAME, { exact: true }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    await screenshot(page, 'progress-xss');

    const form = await open('trip-form');
    await form.getByLabel('Tìm cán bộ', { exact: true }).fill('img');
    expect(await form.getByRole('combobox', { name: 'Cán bộ', exact: true }).locator('option:checked').textContent()).toBe(`${XSS_NAME} — Ban Tuyên giáo`);
    expect(await form.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.context().close();
    await form.context().close();
  });
});
