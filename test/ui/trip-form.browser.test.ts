import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../src/sheets/workbook';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectContrast, expectNoOverflow, expectReadableAt, focused, screenshot, textZoom, usePages, type Pages } from './browser';

/** Nhập đợt đi cơ sở in Chromium at 300 px, over the sample workbook on 15/11/2023: mouse and keyboard alone. */

const TAB = 'Đi cơ sở';

/** The trips tab's rows of a cadre, and a 6-day window in December 2023 none of them touches. */
function freeWindow(pages: Pages, name: string): { from: string; to: string; iso: [string, string] } {
  const values = pages.preview.backend.workbook.readTab(TAB)!.values;
  const header = values.findIndex((row) => row.includes('Họ và tên'));
  const [nameAt, fromAt, toAt] = ['Họ và tên', 'Từ ngày', 'Đến ngày'].map((c) => values[header]!.indexOf(c)) as [number, number, number];
  const day = (v: RawCell) => (v instanceof Date ? v.toISOString().slice(0, 10) : '');
  const taken = values.filter((row) => row[nameAt] === name).map((row) => [day(row[fromAt]!), day(row[toAt]!)]);
  for (let start = 1; start < 25; start++) {
    const from = `2023-12-${String(start).padStart(2, '0')}`;
    const to = `2023-12-${String(start + 5).padStart(2, '0')}`;
    if (taken.every(([a, b]) => b! < from || a! > to)) {
      const dmy = (iso: string) => iso.split('-').reverse().join('/');
      return { from: dmy(from), to: dmy(to), iso: [from, to] };
    }
  }
  throw new Error(`no free window for ${name}`);
}

async function pickCadre(page: Page, typed: string): Promise<void> {
  const box = page.getByRole('combobox', { name: /^Cán bộ/ });
  await box.fill(typed);
  await page.getByRole('listbox').waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
}

describe.skipIf(skipWithout(['chromium']))('Nhập đợt đi cơ sở', () => {
  const pages = usePages();
  const rows = () => pages.preview.backend.workbook.readTab(TAB)!.values.length;

  it('Save is there from the start, reached by Tab; pressed empty, a summary lists every missing field with links', async () => {
    const before = rows();
    const page = await pages.open('trip-form');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở');
    const save = page.getByRole('button', { name: 'Lưu đợt đi cơ sở' });
    expect(await save.isEnabled()).toBe(true);
    // Keyboard alone: Tab from the top of the page reaches Save.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focused(page)).text === 'Lưu đợt đi cơ sở';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await focused(page)).toMatchObject({ className: 'error-summary' });
    expect(await summary.getByRole('heading').textContent()).toBe('Chưa lưu: có 4 ô cần sửa');
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Cán bộ: Chọn cán bộ.',
      'Nội dung: Chọn nội dung đi cơ sở.',
      'Từ ngày: Thiếu Từ ngày.',
      'Đến ngày: Thiếu Đến ngày.',
    ]);
    await links.nth(2).click();
    expect(await focused(page)).toMatchObject({ tag: 'input', id: (await page.getByRole('textbox', { name: /^Từ ngày/ }).getAttribute('id'))! });
    expect(await page.getByRole('textbox', { name: /^Từ ngày/ }).getAttribute('aria-invalid')).toBe('true');
    expect(rows()).toBe(before);
    await expectContrast(page, 'Nhập đợt đi cơ sở (lỗi)');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (lỗi)');
    await screenshot(page, 'trip-form-errors', { fullPage: true });
  });

  it('a date is checked when the field is left, never while typing; a fixed one clears at once', async () => {
    const page = await pages.open('trip-form');
    const from = page.getByRole('textbox', { name: /^Từ ngày/ });
    const error = page.locator(`#${await from.getAttribute('id')}-error`);
    await from.pressSequentially('0', { delay: 30 });
    expect(await error.textContent()).toBe('');
    expect(await from.getAttribute('aria-invalid')).toBeNull();
    await from.press('Tab');
    await expect.poll(() => error.textContent()).toMatch(/Từ ngày “0” không phải là ngày/);
    // Typing a real date clears the message as soon as it reads as one.
    await from.fill('');
    await from.pressSequentially('20/11/2023', { delay: 20 });
    await expect.poll(() => error.textContent()).toBe('');

    const to = page.getByRole('textbox', { name: /^Đến ngày/ });
    await to.fill('31/02/2023');
    await to.press('Tab');
    const toError = page.locator(`#${await to.getAttribute('id')}-error`);
    await expect.poll(() => toError.textContent()).toMatch(/không tồn tại trong lịch/);
    await to.fill('15/11/2023');
    await to.press('Tab');
    await expect.poll(() => toError.textContent()).toMatch(/Đến ngày 15\/11\/2023 trước Từ ngày 20\/11\/2023/);
  });

  it('one combobox picks the cadre: typed without accents, by name and Ban, keyboard only', async () => {
    const form = pages.server<{ roster: { name: string; ban: string }[] }>('getTripForm');
    const page = await pages.open('trip-form');
    const box = page.getByRole('combobox', { name: /^Cán bộ/ });
    await box.focus();
    await page.keyboard.type('nguyen van an');
    const options = page.getByRole('listbox').getByRole('option');
    const ans = form.roster.filter((r) => r.name === 'Nguyễn Văn An');
    expect(ans.length).toBe(2);
    await expect.poll(() => options.count()).toBe(ans.length);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    // Narrowed by the Ban's words too.
    await page.keyboard.type(' phong trao');
    await expect.poll(() => options.allTextContents()).toEqual(['Nguyễn Văn AnBan Phong trào']);
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('Nguyễn Văn An');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    const hint = page.locator(`#${await box.getAttribute('id')}-hint`);
    expect(await hint.textContent()).toMatch(/^Ban Phong trào · /);
    // Esc closes the list, a second Esc clears the box.
    await box.fill('zzz');
    expect(await page.getByText('Không có cán bộ nào khớp').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    // Kiên Giang's 3.4 is one item.
    const kinds = await page
      .getByRole('combobox', { name: /^Nội dung/ })
      .locator('option')
      .allTextContents();
    expect(kinds.filter((k) => k.startsWith('3.4'))).toHaveLength(1);
  });

  it('saves: the focus goes to the confirmation; “Mở dòng N” selects it; “Hoàn tác” takes it back into the form', async () => {
    const name = 'Trần Văn Hòa';
    const window = freeWindow(pages, name);
    const before = rows();
    const page = await pages.open('trip-form', { height: 900 });
    await pickCadre(page, 'tran van hoa');
    await page.getByRole('combobox', { name: /^Nội dung/ }).selectOption('chuyen-de');
    await page.getByLabel('Cụ thể nội dung', { exact: true }).fill('Tuyên truyền “Tháng Thanh niên” – đợt 2');
    await page.getByRole('textbox', { name: /^Từ ngày/ }).fill(window.from);
    await page.getByRole('textbox', { name: /^Đến ngày/ }).fill(window.to.slice(0, 5));
    await page.getByLabel('Địa điểm', { exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Đến ngày/ }).inputValue()).toBe(window.to);
    await expect.poll(() => page.getByLabel('Số ngày', { exact: true }).inputValue()).toBe('6');
    await page.getByLabel('Địa điểm', { exact: true }).fill('Xã Thạnh Đông');
    await page.getByLabel('Cấp', { exact: true }).selectOption('Cơ sở');
    await expectNoOverflow(page);
    await expectContrast(page, 'Nhập đợt đi cơ sở');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (đã điền)');
    await screenshot(page, 'trip-form', { docs: true });

    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    const row = before + 1;
    const confirmation = page.locator('.confirmation');
    await confirmation.getByText(`Đã thêm đợt đi cơ sở của ${name} vào dòng ${row} của tab ${TAB}.`).waitFor();
    expect(await focused(page)).toMatchObject({ className: expect.stringContaining('confirmation') });
    expect(rows()).toBe(row);
    expect(pages.preview.backend.workbook.readTab(TAB)!.values[row - 1]!.slice(1, 4)).toEqual([name, 'Thường trực Tỉnh đoàn', '3.1. Theo chuyên đề']);
    expect(await page.getByRole('region', { name: `Tiến độ của ${name}` }).count()).toBe(1);
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (đã lưu)');
    await screenshot(page, 'trip-form-saved', { fullPage: true });

    await page.getByRole('button', { name: `Mở dòng ${row}` }).click();
    await page.getByText(`Đã chọn dòng ${row} trong tab ${TAB}.`).waitFor();
    expect(pages.preview.backend.calls.filter((c) => c.name === 'openTripRow').at(-1)?.args).toEqual([{ row }]);
    expect(await focused(page)).toMatchObject({ text: `Mở dòng ${row}` });

    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    const undone = page.getByText(`Đã hoàn tác: dòng ${row} của tab ${TAB} đã được xóa trắng.`, { exact: false });
    await undone.waitFor();
    expect(rows()).toBe(before);
    expect(await focused(page)).toMatchObject({ text: expect.stringMatching(/^Đã hoàn tác/) });
    // The trip is back in the form, to be fixed and saved again.
    expect(await page.getByRole('combobox', { name: /^Cán bộ/ }).inputValue()).toBe(name);
    expect(await page.getByRole('textbox', { name: /^Từ ngày/ }).inputValue()).toBe(window.from);
    expect(await page.getByLabel('Địa điểm', { exact: true }).inputValue()).toBe('Xã Thạnh Đông');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (đã hoàn tác)');
  });

  it('“Hoàn tác” of a row someone changed meanwhile refuses, in Vietnamese, and leaves the row', async () => {
    const window = freeWindow(pages, 'Lê Hoàng Khoa');
    const page = await pages.open('trip-form');
    await pickCadre(page, 'le hoang khoa');
    await page.getByRole('combobox', { name: /^Nội dung/ }).selectOption({ index: 2 });
    await page.getByRole('textbox', { name: /^Từ ngày/ }).fill(window.from);
    await page.getByRole('textbox', { name: /^Đến ngày/ }).fill(window.to);
    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    await page.locator('.confirmation').waitFor();
    const row = rows();
    pages.preview.backend.workbook.setCell(TAB, row, 9, 'Xã khác');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Không hoàn tác: dòng \d+ của tab “Đi cơ sở” không còn đúng như lúc vừa lưu/)
      .waitFor();
    expect(pages.preview.backend.workbook.readTab(TAB)!.values[row - 1]![8]).toBe('Xã khác');
  });

  it('a trip the cadre already has is shown before saving: “Sửa ngày” is the default, Escape goes back to the dates, “Vẫn lưu” saves it all the same', async () => {
    const name = 'Nguyễn Thị Thủy';
    const window = freeWindow(pages, name);
    const fill = async (page: Page) => {
      await pickCadre(page, 'nguyen thi thuy');
      await page.getByRole('combobox', { name: /^Nội dung/ }).selectOption('chuyen-de');
      await page.getByRole('textbox', { name: /^Từ ngày/ }).fill(window.from);
      await page.getByRole('textbox', { name: /^Đến ngày/ }).fill(window.to);
    };
    const page = await pages.open('trip-form', { height: 900 });
    await fill(page);
    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    await page.locator('.confirmation').waitFor();
    const first = rows();

    await page.getByRole('button', { name: 'Nhập lại' }).click();
    await fill(page);
    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    const warning = page.getByRole('alert').filter({ hasText: `${name} đã có một đợt trùng thời gian với đợt này:` });
    await warning.waitFor();
    expect(await warning.getByRole('listitem').allTextContents()).toEqual([
      `Dòng ${first}: 3.1. Theo chuyên đề, Từ ngày ${window.from} đến ngày ${window.to} (Đăng ký) — trùng hẳn: cùng nội dung, cùng thời gian`,
    ]);
    // The safe choice is the primary button and has the focus; “Vẫn lưu” is an ordinary one.
    const fix = warning.getByRole('button', { name: 'Sửa ngày' });
    const anyway = warning.getByRole('button', { name: 'Vẫn lưu' });
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Sửa ngày' });
    expect(await fix.getAttribute('class')).toContain('primary');
    expect((await anyway.getAttribute('class')) ?? '').not.toContain('primary');
    expect(rows()).toBe(first);
    await expectContrast(page, 'Nhập đợt đi cơ sở (trùng đợt)');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (trùng đợt)');
    await screenshot(page, 'trip-form-duplicate', { fullPage: true });

    // Escape is “Sửa ngày”: the question goes, the focus is on Từ ngày, nothing is written.
    await page.keyboard.press('Escape');
    expect(await warning.count()).toBe(0);
    expect(await focused(page)).toMatchObject({ tag: 'input', id: (await page.getByRole('textbox', { name: /^Từ ngày/ }).getAttribute('id'))! });
    expect(rows()).toBe(first);

    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    await warning.waitFor();
    await anyway.click();
    await page
      .locator('.confirmation')
      .getByText(`vào dòng ${first + 1}`, { exact: false })
      .waitFor();
    expect(rows()).toBe(first + 1);
    expect(pages.preview.backend.calls.filter((c) => c.name === 'saveTrip').at(-1)?.args[0]).toMatchObject({ force: true });
  });

  it('Enter in “Đến ngày” saves, and the emptied fields stay clean under the confirmation', async () => {
    const name = 'Trần Văn Hòa';
    const window = freeWindow(pages, name);
    const before = rows();
    const page = await pages.open('trip-form', { height: 900 });
    await pickCadre(page, 'tran van hoa');
    await page.getByRole('combobox', { name: /^Nội dung/ }).selectOption('chuyen-de');
    await page.getByRole('textbox', { name: /^Từ ngày/ }).fill(window.from);
    const to = page.getByRole('textbox', { name: /^Đến ngày/ });
    await to.fill(window.to);
    await to.press('Enter');
    await page
      .locator('.confirmation')
      .getByText(`Đã thêm đợt đi cơ sở của ${name} vào dòng ${before + 1}`, { exact: false })
      .waitFor();
    expect(await focused(page)).toMatchObject({ className: expect.stringContaining('confirmation') });
    // The focus left Đến ngày for the confirmation after the form was emptied: that is not the person leaving a field.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(await page.locator('.field-error').allTextContents()).toEqual(Array(await page.locator('.field-error').count()).fill(''));
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    expect(await page.locator('.error-summary').count()).toBe(0);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText(/^Đã hoàn tác/).waitFor();
    expect(rows()).toBe(before);
  });

  it('a past Đến ngày turns Trạng thái to “Đã thực hiện” and says so beside it; every value filled in is said beside its field', async () => {
    const page = await pages.open('trip-form');
    const from = page.getByRole('textbox', { name: /^Từ ngày/ });
    const to = page.getByRole('textbox', { name: /^Đến ngày/ });
    const status = page.getByRole('combobox', { name: /^Trạng thái/ });
    const days = page.getByLabel('Số ngày', { exact: true });
    const hintOf = async (control: typeof from) => page.locator(`#${await control.getAttribute('id')}-hint`);
    expect(await status.inputValue()).toBe('registered');
    await from.fill('1/11');
    await from.press('Tab');
    await to.fill('05/11/2023');
    await to.press('Tab');
    // Today is 15/11/2023 in the preview.
    await expect.poll(() => status.inputValue()).toBe('done');
    const statusHint = await hintOf(status);
    expect(await statusHint.textContent()).toBe('Đã tự chuyển sang “Đã thực hiện” vì Đến ngày 05/11/2023 đã qua.');
    expect(await status.getAttribute('aria-describedby')).toContain(await statusHint.getAttribute('id'));
    expect(await statusHint.isVisible()).toBe(true);
    // Số ngày and the date typed short say what was filled in.
    expect(await days.inputValue()).toBe('5');
    expect(await (await hintOf(days)).textContent()).toBe('Đã tự điền theo ngày đi: cả đợt 5 ngày.');
    expect(await from.inputValue()).toBe('01/11/2023');
    expect(await (await hintOf(from)).textContent()).toBe('Đã đọc “1/11” là 01/11/2023.');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (tự điền)');

    // Later dates turn it back, and say so.
    await to.fill('20/11/2023');
    await to.press('Tab');
    await expect.poll(() => status.inputValue()).toBe('registered');
    expect(await statusHint.textContent()).toBe('Đã tự chuyển lại “Đăng ký” vì Đến ngày 20/11/2023 chưa qua.');
    // Once the person chooses, nothing changes it, and there is nothing to say.
    await status.selectOption('done');
    expect(await statusHint.textContent()).toBe('');
    await to.fill('25/11/2023');
    await to.press('Tab');
    expect(await status.inputValue()).toBe('done');
  });

  it('dates are read as the sheet reads them: “05-09/12/2023” in Từ ngày fills both, “ngày 20/12/2023” is a date, and what cannot be read says what to type', async () => {
    const page = await pages.open('trip-form');
    const from = page.getByRole('textbox', { name: /^Từ ngày/ });
    const to = page.getByRole('textbox', { name: /^Đến ngày/ });
    const hintOf = async (control: typeof from) => page.locator(`#${await control.getAttribute('id')}-hint`);
    const errorOf = async (control: typeof from) => page.locator(`#${await control.getAttribute('id')}-error`);
    // Said once for the pair, before anything is typed.
    expect(await page.getByText('Gõ ngày/tháng/năm (5/6 là ngày 5 tháng 6), hoặc cả đợt trong ô Từ ngày: 05-09/6/2023.').isVisible()).toBe(true);

    await from.fill('05-09/12/2023');
    await from.press('Tab');
    await expect.poll(() => from.inputValue()).toBe('05/12/2023');
    expect(await to.inputValue()).toBe('09/12/2023');
    expect(await page.getByLabel('Số ngày', { exact: true }).inputValue()).toBe('5');
    expect(await (await hintOf(from)).textContent()).toBe('Đã tách “05-09/12/2023” thành Từ ngày 05/12/2023 và Đến ngày 09/12/2023.');
    expect(await (await errorOf(from)).textContent()).toBe('');
    expect(await (await errorOf(to)).textContent()).toBe('');

    // The forms' own words, one cell: “Từ ngày … đến ngày …”.
    await from.fill('Từ ngày 01/12/2023 đến ngày 03/12/2023');
    await to.fill('');
    await from.press('Tab');
    await expect.poll(() => to.inputValue()).toBe('03/12/2023');
    expect(await from.inputValue()).toBe('01/12/2023');

    await to.fill('ngày 20/12/2023');
    await to.press('Tab');
    await expect.poll(() => to.inputValue()).toBe('20/12/2023');
    expect(await (await hintOf(to)).textContent()).toBe('Đã đọc “ngày 20/12/2023” là 20/12/2023.');
    expect(await (await errorOf(to)).textContent()).toBe('');

    // A range in Từ ngày while Đến ngày already says another end: nothing is overwritten, and the message says why.
    await from.fill('05-09/12/2023');
    await from.press('Tab');
    await expect
      .poll(async () => (await errorOf(from)).textContent())
      .toBe('Từ ngày “05-09/12/2023” là cả một đợt (05/12/2023 – 09/12/2023) nhưng Đến ngày đã là 20/12/2023: hãy chỉ gõ ngày bắt đầu ở đây.');
    expect(await to.inputValue()).toBe('20/12/2023');

    await from.fill('mùng năm');
    await from.press('Tab');
    await expect.poll(async () => (await errorOf(from)).textContent()).toMatch(/^Từ ngày “mùng năm” không phải là ngày\. Hãy nhập theo dạng ngày\/tháng\/năm/);
    await expectAxeClean(page, 'Nhập đợt đi cơ sở (ngày không đọc được)');
  });

  it('at text-only zoom 200 % in the 300 px sidebar, no word is split and no choice cut, the longest content chosen', async () => {
    const page = await pages.open('trip-form');
    expect(await textZoom(page, 2)).toBe(26);
    await pickCadre(page, 'tran van hoa');
    const kind = page.getByRole('combobox', { name: /^Nội dung/ });
    const longest = await kind
      .locator('option')
      .evaluateAll((options) => options.map((o) => o.textContent ?? '').reduce((a, b) => (b.length > a.length ? b : a)));
    expect(longest).toMatch(/^3\.4\. Dự sinh hoạt chuyên đề/);
    await kind.selectOption({ label: longest });
    await page.getByRole('textbox', { name: /^Từ ngày/ }).fill('01/12/2023');
    await page.getByRole('textbox', { name: /^Đến ngày/ }).fill('03/12/2023');
    await page.getByLabel('Cấp', { exact: true }).selectOption('Chi đoàn');
    await page.getByLabel('Địa điểm', { exact: true }).click();
    await expectReadableAt(page, 'Nhập đợt đi cơ sở at 200 %');
    await expectAxeClean(page, 'Nhập đợt đi cơ sở at 200 %');
    await screenshot(page, 'trip-form-text-200', { fullPage: true });
    // The summary of a refused save, too.
    await page.getByRole('textbox', { name: /^Đến ngày/ }).fill('31/11/2023');
    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    await page.locator('.error-summary').waitFor();
    await expectReadableAt(page, 'Nhập đợt đi cơ sở at 200 %, the summary');
  });

  it('one click on Save after typing a date that cannot exist shows the summary: the click is not lost to a moving message', async () => {
    const before = rows();
    const page = await pages.open('trip-form', { height: 720 });
    await pickCadre(page, 'tran van hoa');
    await page.getByRole('combobox', { name: /^Nội dung/ }).selectOption('chuyen-de');
    await page.getByRole('textbox', { name: /^Từ ngày/ }).click();
    await page.keyboard.type('04/12/2023');
    await page.getByRole('textbox', { name: /^Đến ngày/ }).click();
    await page.keyboard.type('31/11/2023');
    // Straight from the field to Save, with the mouse: leaving the field must not move Save before the click lands.
    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([expect.stringMatching(/^Đến ngày: .*31\/11\/2023.*không tồn tại trong lịch/)]);
    expect(await focused(page)).toMatchObject({ className: 'error-summary' });
    expect(rows()).toBe(before);
  });

  it('changing the dates re-checks Số ngày against the new window, and one click on Save then saves', async () => {
    const name = 'Lê Hoàng Khoa';
    const window = freeWindow(pages, name);
    const day = (offset: number) => {
      const [d, m, y] = window.from.split('/').map(Number) as [number, number, number];
      return `${String(d + offset).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
    };
    const before = rows();
    const page = await pages.open('trip-form', { height: 720 });
    await pickCadre(page, 'le hoang khoa');
    await page.getByRole('combobox', { name: /^Nội dung/ }).selectOption('chuyen-de');
    const from = page.getByRole('textbox', { name: /^Từ ngày/ });
    const days = page.getByLabel('Số ngày', { exact: true });
    await from.fill(day(0));
    await page.getByRole('textbox', { name: /^Đến ngày/ }).fill(day(4));
    await page.keyboard.press('Tab');
    await expect.poll(() => days.inputValue()).toBe('5');
    // Số ngày is left once (its problem may show from now on), then the trip is shortened to three days.
    await from.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(day(2));
    await page.keyboard.press('Tab');
    await expect.poll(() => days.inputValue()).toBe('3');
    expect(await page.locator(`#${await days.getAttribute('id')}-error`).textContent()).toBe('');
    expect(await days.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Lưu đợt đi cơ sở' }).click();
    await page.locator('.confirmation').waitFor();
    expect(rows()).toBe(before + 1);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText(/^Đã hoàn tác/).waitFor();
  });

  it('the number of days filled in from the dates is selected on a click, so typing replaces it', async () => {
    const page = await pages.open('trip-form');
    for (const name of [/^Từ ngày/, /^Đến ngày/]) expect(await page.getByRole('textbox', { name }).getAttribute('placeholder')).toBe('ngày/tháng/năm');
    await page.getByRole('textbox', { name: /^Từ ngày/ }).click();
    await page.keyboard.type('01/12/2023');
    await page.getByRole('textbox', { name: /^Đến ngày/ }).click();
    await page.keyboard.type('03/12/2023');
    const days = page.getByLabel('Số ngày', { exact: true });
    await days.click();
    await expect.poll(() => days.evaluate((el: HTMLInputElement) => [el.value, el.selectionStart, el.selectionEnd])).toEqual(['3', 0, 1]);
    await page.keyboard.type('2');
    expect(await days.inputValue()).toBe('2');
    await page.getByLabel('Địa điểm', { exact: true }).click();
    expect(await page.locator(`#${await days.getAttribute('id')}-error`).textContent()).toBe('');
  });

  it('a typed name two cadres share asks for the right Ban; a name not on the roster says to add it to the Cán bộ tab', async () => {
    const form = pages.server<{ roster: { name: string; ban: string }[] }>('getTripForm');
    const ans = form.roster.filter((r) => r.name === 'Nguyễn Văn An');
    expect(ans.length).toBe(2);
    const page = await pages.open('trip-form');
    const box = page.getByRole('combobox', { name: /^Cán bộ/ });
    const error = page.locator(`#${await box.getAttribute('id')}-error`);
    await box.fill('Nguyễn Văn An');
    await box.press('Escape');
    await box.press('Tab');
    await expect
      .poll(() => error.textContent())
      .toBe(`Có 2 người tên Nguyễn Văn An (${ans.map((a) => a.ban).join('; ')}): chọn trong danh sách người thuộc đúng ban.`);
    await box.fill('Hứa Vĩnh Khang');
    await box.press('Escape');
    await box.press('Tab');
    await expect
      .poll(() => error.textContent())
      .toBe('“Hứa Vĩnh Khang” không có trong tab Cán bộ: hãy thêm người này vào tab Cán bộ trước, rồi mở lại trang này.');
    // Text that still matches several people (not a full name) keeps asking to pick one.
    await box.fill('Nguyễn');
    await box.press('Escape');
    await box.press('Tab');
    await expect.poll(() => error.textContent()).toBe('Chọn cán bộ trong danh sách.');
  });

  it('a name like <img onerror=…> shows as text in the cadre list', async () => {
    const xss = '<img src=x onerror=window.__xss=1>';
    const row = pages.preview.backend.workbook.readTab('Cán bộ')!.values.length + 1;
    for (const [column, value] of [
      [2, xss],
      [3, 'Chuyên viên'],
      [4, 'Ban Tuyên giáo'],
    ] as const)
      pages.preview.backend.workbook.setCell('Cán bộ', row, column, value);
    try {
      const page = await pages.open('trip-form');
      await page.getByRole('combobox', { name: /^Cán bộ/ }).fill('img');
      await expect.poll(() => page.getByRole('option').first().textContent()).toBe(`${xss}Ban Tuyên giáo`);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    } finally {
      for (const column of [2, 3, 4]) pages.preview.backend.workbook.setCell('Cán bộ', row, column, null);
    }
  });
});
