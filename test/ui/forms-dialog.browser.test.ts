import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FormOptionsPayload } from '../../src/sheets/pages/forms';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectContrast, expectNoOverflow, expectReadableAt, focused, pageHeight, screenshot, textZoom, usePages } from './browser';

/** Tạo biểu mẫu in the 460 × 420 dialog the menu opens, over the sample workbook on 15/11/2023. */

const DIALOG = { width: 460, height: 420 };

describe.skipIf(skipWithout(['chromium']))('Tạo biểu mẫu', () => {
  const pages = usePages();
  const tabs = () => pages.preview.backend.workbook.tabNames();
  const open = (form?: 'mau1' | 'mau2' | 'mau3') =>
    pages.open('forms-dialog', {
      ...DIALOG,
      // What the menu item sets before the page's scripts (src/gas/actions.ts formDialogAction).
      before: form
        ? async (page) => {
            await page.addInitScript((f) => ((window as unknown as { __FORM__: string }).__FORM__ = f), form);
          }
        : undefined,
    });
  /** The dialog fits its 460 × 420 window: nothing to scroll. */
  const fits = async (page: Page, where: string) => {
    const height = await pageHeight(page);
    expect(height, `${where}: ${height} px`).toBeLessThanOrEqual(DIALOG.height);
    await expectNoOverflow(page);
  };

  it('mẫu 1, 2, 3 in order; quarters named as the tabs name them; the summary says what the form will list', async () => {
    const options = pages.server<FormOptionsPayload>('getFormOptions');
    const page = await open();
    const radios = page.getByRole('group', { name: 'Mẫu' }).getByRole('radio');
    expect(await radios.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent))).toEqual([
      'Mẫu 1Đăng ký cá nhân',
      'Mẫu 2Tổng hợp đăng ký',
      'Mẫu 3Kết quả theo quý',
    ]);
    expect(await page.getByRole('radio', { name: /^Mẫu 3/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Quý', { exact: true }).locator('option').allTextContents()).toEqual([
      'Quý I-2023',
      'Quý II-2023',
      'Quý III-2023',
      'Quý IV-2023',
    ]);

    const ban = options.bans[2]!;
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(ban);
    await page.getByLabel('Quý', { exact: true }).selectOption('3');
    const count = options.scopes.find((s) => s.ban === ban)!.mau3[2]!;
    const summary = page.getByRole('status').filter({ hasText: 'sẽ liệt kê' });
    await expect.poll(() => summary.textContent()).toBe(`Mẫu 3 Quý III-2023 (${ban}) sẽ liệt kê ${count.cadres} cán bộ, ${count.trips} đợt.`);
    await fits(page, 'mẫu 3');
    await expectContrast(page, 'Tạo biểu mẫu');
    await expectAxeClean(page, 'Tạo biểu mẫu');
    await screenshot(page, 'forms-dialog', { docs: true });

    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    const done = page.getByText(/^Đã tạo tab “Mẫu 3 Quý III-2023 - .+”: \d+ cán bộ, \d+ đợt\.$/);
    await done.waitFor();
    const tab = /“(.+)”/.exec((await done.textContent())!)![1]!;
    expect(tabs()).toContain(tab);
    expect(await focused(page)).toMatchObject({ text: expect.stringMatching(/^Đã tạo tab/) });
    await fits(page, 'mẫu 3, made');
    await expectAxeClean(page, 'Tạo biểu mẫu (đã tạo)');

    // A new choice clears the last result.
    await page.getByLabel('Quý', { exact: true }).selectOption('2');
    expect(await done.count()).toBe(0);
  });

  it('generating a form whose tab exists asks first: “Không thay” is the default and Escape, “Thay thế tab” replaces it', async () => {
    const page = await open('mau2');
    expect(await page.getByRole('radio', { name: /^Mẫu 2/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Quý', { exact: true }).isVisible()).toBe(false);
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption('Văn phòng');
    const generate = page.getByRole('button', { name: 'Tạo mẫu', exact: true });
    await generate.click();
    await page.getByText('Đã tạo tab “Mẫu 2 - Văn phòng”', { exact: false }).waitFor();
    const calls = () => pages.preview.backend.calls.filter((c) => c.name === 'generateForm').length;
    const written = pages.preview.backend.workbook.snapshot('Mẫu 2 - Văn phòng');

    await generate.click();
    const question = page.getByRole('alert').filter({ hasText: 'Tab “Mẫu 2 - Văn phòng” đã có (tiện ích tạo lần trước).' });
    await question.waitFor();
    // Replacing overwrites what was edited by hand: the safe answer is the primary button and has the focus.
    const keep = question.getByRole('button', { name: 'Không thay' });
    const overwrite = question.getByRole('button', { name: 'Thay thế tab' });
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Không thay' });
    expect(await keep.getAttribute('class')).toContain('primary');
    expect((await overwrite.getAttribute('class')) ?? '').not.toContain('primary');
    await fits(page, 'the question');
    await expectContrast(page, 'Tạo biểu mẫu (hỏi thay thế)');
    await expectAxeClean(page, 'Tạo biểu mẫu (hỏi thay thế)');
    await screenshot(page, 'forms-dialog-replace');
    await keep.click();
    expect(await question.count()).toBe(0);
    expect(await focused(page)).toMatchObject({ text: 'Tạo mẫu' });
    expect(pages.preview.backend.workbook.snapshot('Mẫu 2 - Văn phòng')).toEqual(written);

    // Escape is “Không thay”.
    await generate.click();
    await question.waitFor();
    await page.keyboard.press('Escape');
    expect(await question.count()).toBe(0);
    expect(await focused(page)).toMatchObject({ text: 'Tạo mẫu' });
    expect(pages.preview.backend.workbook.snapshot('Mẫu 2 - Văn phòng')).toEqual(written);

    const before = calls();
    await generate.click();
    await overwrite.click();
    await page.getByText('Đã tạo lại tab “Mẫu 2 - Văn phòng”', { exact: false }).waitFor();
    expect(calls()).toBe(before + 2);
    expect(pages.preview.backend.calls.at(-1)?.args[0]).toMatchObject({ form: 'mau2', ban: 'Văn phòng', replace: true });
  });

  it('at text-only zoom 200 % no word is split and no choice cut: the longest Ban, the province, a cadre', async () => {
    const options = pages.server<FormOptionsPayload>('getFormOptions');
    const page = await open();
    expect(await textZoom(page, 2)).toBe(26);
    await expectReadableAt(page, 'Tạo biểu mẫu at 200 %');
    const longest = options.bans.reduce((a, b) => (b.length > a.length ? b : a));
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(longest);
    await page.getByLabel('Quý', { exact: true }).selectOption('4');
    await expectReadableAt(page, 'Tạo biểu mẫu at 200 %, the longest Ban');
    await expectAxeClean(page, 'Tạo biểu mẫu at 200 %');
    await page.getByRole('radio', { name: /^Mẫu 1/ }).check();
    await expectReadableAt(page, 'Tạo biểu mẫu at 200 %, mẫu 1');
    await screenshot(page, 'forms-dialog-text-200', { fullPage: true });
  });

  it('mẫu 1 for one cadre (picked in the combobox) and for every cadre of a Ban, within the dialog', async () => {
    const options = pages.server<FormOptionsPayload>('getFormOptions');
    const page = await open('mau1');
    expect(await page.getByRole('radio', { name: /^Mẫu 1/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Một cán bộ' }).isChecked()).toBe(true);
    // Nobody picked: the button says what is missing rather than making a form.
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    const box = page.getByRole('combobox', { name: 'Cán bộ' });
    await box.fill('tran van hoa');
    await box.press('ArrowDown');
    await box.press('Enter');
    const hoa = options.cadres.find((c) => c.name === 'Trần Văn Hòa')!;
    await expect.poll(() => page.locator('.summary').textContent()).toBe(`Mẫu 1 của Trần Văn Hòa sẽ liệt kê 1 cán bộ, ${hoa.trips} đợt.`);
    await fits(page, 'mẫu 1, one cadre');
    await expectAxeClean(page, 'Tạo biểu mẫu (mẫu 1, một cán bộ)');
    await screenshot(page, 'forms-dialog-mau1');
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    await page.getByText(`Đã tạo tab “Mẫu 1 - Trần Văn Hòa”: 1 cán bộ, ${hoa.trips} đợt.`).waitFor();
    const form = pages.preview.backend.workbook.readTab('Mẫu 1 - Trần Văn Hòa')!.values.flat();
    expect(form).toContain('BẢN ĐĂNG KÝ');
    expect(form).toContain('1. Họ và tên: Trần Văn Hòa');

    await page.getByRole('radio', { name: 'Mọi cán bộ của một ban' }).check();
    const ban = page.getByLabel('Ban/Văn phòng', { exact: true });
    // Mẫu 1 is per person: the province-wide choice is not offered.
    expect(await ban.locator('option[value=""]').isDisabled()).toBe(true);
    await ban.selectOption('Ban Tuyên giáo');
    const scope = options.scopes.find((s) => s.ban === 'Ban Tuyên giáo')!.mau1;
    await expect.poll(() => page.locator('.summary').textContent()).toBe(`Mẫu 1 của Ban Tuyên giáo sẽ liệt kê ${scope.cadres} cán bộ, ${scope.trips} đợt.`);
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    await page.getByText(`Đã tạo tab “Mẫu 1 - Tuyên giáo”: ${scope.cadres} cán bộ, ${scope.trips} đợt.`).waitFor();
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    await page.getByRole('button', { name: 'Thay thế tab' }).waitFor();
    await fits(page, 'mẫu 1 of a Ban, the question');
    await expectContrast(page, 'Tạo biểu mẫu (mẫu 1)');
    await expectAxeClean(page, 'Tạo biểu mẫu (mẫu 1 của một ban, hỏi thay thế)');
  });

  it('settings problems fold into one line, which an answer replaces: still within 420 px', async () => {
    const tab = pages.preview.backend.workbook;
    const row = tab.readTab('Cài đặt')!.values.length + 1;
    tab.setCell('Cài đặt', row, 1, 'Số ngày tối thiểu');
    tab.setCell('Cài đặt', row, 2, 'sáu mươi');
    try {
      const page = await open('mau1');
      const warnings = page.locator('details.dialog-warnings');
      expect(await warnings.locator('summary').textContent()).toBe('Có 1 lưu ý về dữ liệu và cài đặt');
      await page.getByRole('radio', { name: 'Mọi cán bộ của một ban' }).check();
      await fits(page, 'mẫu 1 of a Ban, with a warning');
      await expectAxeClean(page, 'Tạo biểu mẫu (lưu ý)');
      pages.server('generateForm', { form: 'mau1', ban: 'Văn phòng', quarter: 1, replace: true });
      await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption('Văn phòng');
      await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
      await page.getByRole('button', { name: 'Thay thế tab' }).waitFor();
      expect(await warnings.isVisible()).toBe(false);
      await fits(page, 'mẫu 1 of a Ban, with a warning, the question');
      await expectAxeClean(page, 'Tạo biểu mẫu (lưu ý, hỏi thay thế)');
    } finally {
      tab.setCell('Cài đặt', row, 1, null);
      tab.setCell('Cài đặt', row, 2, null);
    }
  });
});
