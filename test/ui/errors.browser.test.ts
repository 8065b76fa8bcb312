import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageTexts } from '../../src/sheets/pages/texts';
import { errorCode } from '../../src/sheets/user-message';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectContrast, focused, screenshot, usePages } from './browser';

/** The pages whose every state axe-core scans here. */
const SCANNED = new Set(['progress', 'trip-form', 'forms-dialog', 'settings', 'duyet']);

/**
 * What a person sees when a call fails or hangs, on every page through the one bridge: Apps Script's English
 * failures (made here by answering the preview's calls as Google would) read in Vietnamese with what to do; every
 * failed load offers “Thử lại”; a wait past 20 s says so; an optional call never holds a page up.
 */

/** Answers a page's call to `name` as google.script.run's failure handler would receive it. */
function failWith(message: string) {
  return (route: Route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, message }) });
}

describe.skipIf(skipWithout(['chromium']))('failures and waits, on every page', () => {
  const pages = usePages();

  it.each<[string, string, string, string]>([
    ['progress', 'getProgress', 'Authorization is required to perform that action.', pageTexts.platform.authorize],
    ['trip-form', 'getTripForm', 'Service Spreadsheets timed out while accessing document with id 1AbC.', pageTexts.platform.retry],
    ['settings', 'getSettingsPage', 'Exception: Service error: Spreadsheets', pageTexts.platform.retry],
    ['forms-dialog', 'getFormOptions', 'ScriptError', pageTexts.platform.connection],
    ['progress', 'getProgress', 'Exceeded maximum execution time', pageTexts.platform.timeLimit],
    ['trip-form', 'getTripForm', 'NetworkError: Connection failure due to HTTP 0', pageTexts.platform.connection],
    ['settings', 'getSettingsPage', 'We are sorry, something odd happened.', pageTexts.platform.other(errorCode('We are sorry, something odd happened.'))],
    ['progress', 'getProgress', 'Exception: Service invoked too many times for one day: email.', pageTexts.platform.quota],
    ['duyet', 'getApprovalQueue', 'You do not have permission to access the requested document.', pageTexts.platform.permission],
  ])('%s: “%s” failing with “%s” reads in Vietnamese, and “Thử lại” loads the page', async (name, fn, english, vietnamese) => {
    let fail = true;
    const page = await pages.open(name, {
      before: (p) => p.route(`**/__rpc/${fn}`, (route) => (fail ? failWith(english)(route) : route.fallback())),
    });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain(vietnamese);
    // Never Google's English: a failure no family fits is named by a short code (its English goes to the console).
    expect(await alert.textContent()).not.toContain(english.replace(/^Exception: /, ''));
    await expectContrast(page, `${name}, tải lỗi`);
    if (SCANNED.has(name)) await expectAxeClean(page, `${name}, tải lỗi`);
    if (fn === 'getProgress' && english.startsWith('Authorization')) await screenshot(page, 'error-authorization');
    fail = false;
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await page.locator('#app[aria-busy="false"]').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    // The button pressed is gone: the focus is on the page's heading, as on a fresh page.
    expect(await focused(page)).toMatchObject({ tag: 'h1' });
  });

  it('a load that fails again keeps “Thử lại” and the focus on it', async () => {
    const page = await pages.open('progress', { before: (p) => p.route('**/__rpc/getProgress', failWith('Service unavailable. Try again later.')) });
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('alert').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Thử lại');
    await expectAxeClean(page, 'progress, tải lỗi lần nữa');
  });

  it('a wait past 20 s says so; “Thử lại” beside “Đang tải” asks again', async () => {
    let hang = true;
    const waiting: Route[] = [];
    const page = await pages.open('trip-form', {
      loaded: false,
      before: async (p) => {
        await p.clock.install();
        await p.route('**/__rpc/getTripForm', (route) => (hang ? void waiting.push(route) : route.fallback()));
      },
    });
    await page.getByText('Đang tải…').waitFor();
    expect(await page.locator('.slow-notice').count()).toBe(0);
    await page.clock.fastForward(21_000);
    await page.getByRole('status').filter({ hasText: 'Google Trang tính đang trả lời chậm (đã hơn 20 giây)' }).waitFor();
    await page.getByText('Vẫn đang tải. Nếu chờ quá lâu, hãy bấm “Thử lại”.').waitFor();
    await expectAxeClean(page, 'trip-form, tải chậm');
    await screenshot(page, 'error-slow');
    hang = false;
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.locator('#app[aria-busy="false"]').waitFor();
    expect(await page.getByRole('combobox', { name: /^Cán bộ/ }).isVisible()).toBe(true);
    // The first call, answered late, changes nothing (and no longer holds the notice up once it ends).
    for (const route of waiting) await route.fallback();
    await expect.poll(() => page.locator('.slow-notice').count()).toBe(0);
  });

  it('Cài đặt opens while the schedule’s status is slow or failing, and only that section offers “Thử lại”', async () => {
    let answer: 'hang' | 'fail' | 'ok' = 'hang';
    const page = await pages.open('settings', {
      before: (p: Page) =>
        p.route('**/__rpc/getScheduleStatus', (route) =>
          answer === 'hang' ? undefined : answer === 'fail' ? failWith('Service invoked too many times for one day: properties.')(route) : route.fallback(),
        ),
    });
    // The settings are there and editable, the schedule section says it is loading.
    expect(await page.getByLabel('Số ngày tối thiểu', { exact: true }).isEditable()).toBe(true);
    expect(await page.getByText('Đang tải trạng thái lịch gửi email…').isVisible()).toBe(true);

    answer = 'fail';
    const again = await pages.open('settings', {
      before: (p: Page) =>
        p.route('**/__rpc/getScheduleStatus', (route) =>
          answer === 'fail' ? failWith('Service invoked too many times for one day: properties.')(route) : route.fallback(),
        ),
    });
    const section = again.getByRole('region', { name: 'Gửi tự động' });
    // A daily quota: tomorrow, not "in a moment" (quotas reset 24 hours after the first request).
    await section.getByRole('alert').getByText(pageTexts.platform.quota).waitFor();
    expect(await again.getByLabel('Số ngày tối thiểu', { exact: true }).isEditable()).toBe(true);
    answer = 'ok';
    await section.getByRole('button', { name: 'Thử lại' }).click();
    await section.getByText('Chưa bật gửi email tự động.').waitFor();
  });

  it('an action that fails says so in Vietnamese where it was pressed, and nothing is written', async () => {
    const before = pages.preview.backend.workbook.tabNames();
    const page = await pages.open('forms-dialog', {
      width: 460,
      height: 420,
      before: (p) => p.route('**/__rpc/generateForm', failWith('Exceeded maximum execution time')),
    });
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    await page.getByRole('alert').getByText(pageTexts.platform.timeLimit).waitFor();
    expect((await focused(page)).className).toContain('banner-error');
    await expectAxeClean(page, 'forms-dialog, tạo lỗi');
    expect(pages.preview.backend.workbook.tabNames()).toEqual(before);
  });
  it.each([
    ['progress', 'getProgress'],
    ['duyet', 'getApprovalQueue'],
  ])('%s: “Làm mới” that fails says so on the page, which keeps what it showed; “Thử lại” reads again', async (name, fn) => {
    let calls = 0;
    let fail = false;
    const page = await pages.open(name, {
      before: (p) =>
        p.route(`**/__rpc/${fn}`, (route) => {
          calls++;
          return fail ? failWith('Service Spreadsheets timed out while accessing document with id 1AbC.')(route) : route.fallback();
        }),
    });
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    fail = true;
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page.getByRole('alert').getByText(pageTexts.platform.retry).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    expect(calls).toBe(2);
    fail = false;
    await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(calls).toBe(3);
    expect(await page.getByRole('button', { name: 'Làm mới' }).getAttribute('aria-busy')).toBeNull();
  });
});
