import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreviewPerson } from '../../scripts/preview-approvals';
import type { ApprovalQueuePayload } from '../../src/sheets/approval-queue';
import { skipWithout } from '../support/tools';
import { expectAxeClean, expectContrast, expectNoOverflow, expectReadableAt, focused, pageHeight, screenshot, textZoom, usePages } from './browser';

/**
 * Duyệt đăng ký in the 300 px sidebar, over the sample workbook on 15/11/2023 with the preview's approval columns
 * (scripts/preview-approvals.ts): Ban Tuyên giáo's leader has two registrations of Đợt 2 waiting, BTC-KT each Ban's
 * list by Đợt, and someone without a role only looks. Each person is the preview's /duyet?as=<email>.
 */

describe.skipIf(skipWithout(['chromium']))('Duyệt đăng ký', () => {
  const pages = usePages();
  let people: PreviewPerson[] = [];
  beforeAll(() => {
    people = pages.preview.backend.addApprovalDemo();
  });
  const person = (role: RegExp) => people.find((p) => role.test(p.role))!;
  const openAs = (email: string) => pages.open(`duyet?as=${encodeURIComponent(email)}`, { height: 720 });
  const queueOf = (email: string) => {
    const outcome = pages.preview.backend.call('getApprovalQueue', [], email);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.value as ApprovalQueuePayload;
  };
  const workbook = () => pages.preview.backend.workbook;
  /** The trips tab's cells of a row, by caption. */
  const rowCells = (row: number): Record<string, unknown> => {
    const tab = workbook()
      .tabNames()
      .find((t) => t === 'Đi cơ sở')!;
    const values = workbook().readTab(tab, { valuesOnly: true })!.values;
    const header = values.find((r) => r.includes('Trạng thái'))!;
    return Object.fromEntries(header.map((caption, i) => [String(caption), values[row - 1]?.[i] ?? null]));
  };
  /** Tab until the focus is on `target` (at most 60 presses): the page is used from the keyboard alone. */
  const tabTo = async (page: Page, target: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (target(await focused(page))) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };

  it('a Ban leader decides the queue from the keyboard: one approved with the account and the date, the other returned with its reason', async () => {
    const leader = person(/^Lãnh đạo/);
    const waiting = queueOf(leader.email).roles[0]!.groups.flatMap((g) => g.rows);
    expect(waiting.map((r) => r.state)).toEqual(['cho-ban-duyet', 'cho-ban-duyet']);
    const [first, second] = waiting;
    const page = await openAs(leader.email);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Chờ Ban Tuyên giáo duyệt');
    expect(await page.getByText('2 đăng ký chờ anh/chị quyết định.').count()).toBe(1);
    expect(await page.getByText(/^Gửi đăng ký đi cơ sở đợt 2: hạn 20\/06\/2023/).count()).toBe(1);
    await expectNoOverflow(page);
    await expectContrast(page, 'Duyệt đăng ký');
    await expectAxeClean(page, 'Duyệt đăng ký (lãnh đạo ban)');
    await screenshot(page, 'duyet', { docs: true });

    // Space ticks the first registration; the button says how many; Enter approves.
    await tabTo(page, (f) => f.tag === 'input' && f.id.startsWith('pick'), 'the first tick box');
    await page.keyboard.press('Space');
    const approve = page.getByRole('button', { name: 'Duyệt 1 đợt đã chọn' });
    await approve.focus();
    await page.keyboard.press('Enter');
    const done = page.locator('.outcome').getByText('Đã duyệt 1 đợt.');
    await done.waitFor();
    expect(await focused(page)).toMatchObject({ text: expect.stringContaining('Đã duyệt 1 đợt.') });
    const approved = rowCells(first!.row);
    expect(approved['Ban duyệt (người)']).toBe(leader.email);
    expect(approved['Ban duyệt (ngày)']).toBeInstanceOf(Date);
    expect(approved['Trạng thái']).toBe('Đăng ký');
    expect(await page.getByText('1 đăng ký chờ anh/chị quyết định.').count()).toBe(1);

    // "Trả lại…" opens the reason; sending it empty says it is required and keeps the focus there.
    await tabTo(page, (f) => f.text.startsWith('Trả lại đăng ký dòng'), '“Trả lại…”');
    await page.keyboard.press('Enter');
    const reason = page.getByLabel('Lý do trả lại');
    expect(await focused(page)).toMatchObject({ tag: 'textarea' });
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Ghi lý do trả lại (bắt buộc).').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'textarea' });
    await expectAxeClean(page, 'Duyệt đăng ký (trả lại, thiếu lý do)');
    await reason.fill('Trùng lịch giao ban tháng 12');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.outcome').getByText('Đã trả lại 1 đợt.').waitFor();
    expect(rowCells(second!.row)['Trả lại (lý do)']).toBe('Trùng lịch giao ban tháng 12');
    // The returned one stays in the Ban's queue, saying why, until the Ban approves it again once it is fixed.
    await page.locator(`.queue-row[data-row="${second!.row}"]`).getByText('Trả lại: Trùng lịch giao ban tháng 12').waitFor();
    expect(await page.locator('.queue-row').count()).toBe(1);
    await expectAxeClean(page, 'Duyệt đăng ký (đã trả lại)');
  });

  it('BTC-KT sees each Ban’s list by Đợt, complete or not, on time or not; a row edited since the page loaded is not overwritten', async () => {
    const btckt = person(/Tổ chức/);
    const page = await openAs(btckt.email);
    const groups = page.locator('.queue-group h3');
    expect(await groups.allTextContents()).toContain('Ban Tuyên giáo · Đợt 2 (01/07/2023–31/12/2023)');
    expect(await page.getByText(/^Ban đã duyệt 23\/23 đợt · 23 đợt đã phê duyệt · gửi ngày 25\/05\/2023 · đúng hạn$/).count()).toBe(1);
    expect(await page.getByText(/đã quá hạn, chưa đủ/).count()).toBeGreaterThan(0);
    await expectNoOverflow(page);
    await expectAxeClean(page, 'Duyệt đăng ký (BTC-KT)');

    // Two rows of Ban Tổ chức – Kiểm tra's Đợt 2 ticked; one of them is edited in the sheet meanwhile.
    const group = page.locator('.queue-group').filter({ has: page.getByRole('heading', { name: 'Ban Tổ chức – Kiểm tra · Đợt 2 (01/07/2023–31/12/2023)' }) });
    const rows = group.locator('.queue-row');
    const [a, b] = (await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-row'))))).slice(0, 2) as [number, number];
    await group.locator(`.queue-row[data-row="${a}"] input[type=checkbox]`).check();
    await group.locator(`.queue-row[data-row="${b}"] input[type=checkbox]`).check();
    const placeColumn = Object.keys(rowCells(a)).indexOf('Địa điểm') + 1;
    workbook().setCell('Đi cơ sở', b, placeColumn, 'Xã Bình An (đổi)');
    await page.getByLabel('Số thông báo phê duyệt').fill('41-TB/TĐTN');
    await page.getByRole('button', { name: 'Phê duyệt 2 đợt đã chọn' }).click();
    const said = page.locator('.outcome .banner');
    await said.waitFor();
    expect(await said.textContent()).toContain('Đã phê duyệt 1 đợt.');
    expect(await said.textContent()).toContain(`Dòng ${b} đã có người sửa sau khi trang được tải, nên không ghi đè`);
    expect(rowCells(a)['Thông báo phê duyệt (số)']).toBe('41-TB/TĐTN');
    expect(rowCells(b)['Thông báo phê duyệt (số)'] ?? '').toBe('');
    expect(rowCells(b)['Địa điểm']).toBe('Xã Bình An (đổi)');
    await page.locator(`.queue-row.is-changed[data-row="${b}"]`).getByText('Có người vừa sửa dòng này').waitFor();
    await expectAxeClean(page, 'Duyệt đăng ký (dòng đã sửa)');
  });

  it('someone without a role sees what waits, read-only, with the reason; at twice the text size nothing is cut', async () => {
    const page = await openAs('khach@tinhdoan.example.vn');
    await page.getByText(/^Tài khoản khach@tinhdoan\.example\.vn không có trong danh sách người duyệt, nên chỉ xem được\./).waitFor();
    expect(await page.locator('input[type=checkbox]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Duyệt|Trả lại/ }).count()).toBe(0);
    expect(await page.locator('.queue-row').count()).toBeGreaterThan(0);
    await expectAxeClean(page, 'Duyệt đăng ký (chỉ xem)');
    expect(await textZoom(page, 2)).toBe(26);
    await expectReadableAt(page, 'Duyệt đăng ký at 200 %');
  });

  it('Tạo mẫu 2 on a sheet that keeps approvals: what the Bans approved, or every registration when asked (marked)', async () => {
    const page = await pages.open('forms-dialog', {
      width: 460,
      height: 420,
      before: (p) => p.addInitScript(() => ((window as unknown as { __FORM__: string }).__FORM__ = 'mau2')),
    });
    const all = page.getByLabel('Cả đăng ký chưa duyệt (có đánh dấu)');
    const summary = page.getByRole('status').filter({ hasText: 'sẽ liệt kê' });
    await expect.poll(() => summary.textContent()).toMatch(/^Mẫu 2 năm 2023 \(toàn tỉnh, các đợt ban đã duyệt\) sẽ liệt kê/);
    const approvedOnly = await summary.textContent();
    await all.check();
    await expect.poll(() => summary.textContent()).toMatch(/^Mẫu 2 năm 2023 \(toàn tỉnh, cả đợt chưa duyệt, có đánh dấu\) sẽ liệt kê/);
    expect(await summary.textContent()).not.toBe(approvedOnly);
    await expectNoOverflow(page);
    // The box takes the place of Quý (mẫu 2 covers the year): the dialog still fits its 460 × 420 window.
    expect(await pageHeight(page)).toBeLessThanOrEqual(420);
    await expectAxeClean(page, 'Tạo biểu mẫu (mẫu 2, cả đăng ký chưa duyệt)');
    await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
    await page.getByText('Đã tạo tab “Mẫu 2 - Tổng hợp (tất cả)”', { exact: false }).waitFor();
    expect(workbook().tabNames()).toContain('Mẫu 2 - Tổng hợp (tất cả)');
  });
});
