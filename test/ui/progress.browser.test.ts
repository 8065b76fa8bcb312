import { describe, expect, it } from 'vitest';
import { foldKey } from '../../src/core/text';
import type { ProgressPayload } from '../../src/sheets/pages/progress';
import { skipWithout } from '../support/tools';
import type { RawCell } from '../../src/sheets/workbook';
import { expectContrast, expectNoOverflow, focused, pageHeight, screenshot, usePages, type Pages } from './browser';

/** Tiến độ 1+2 in Chromium at 300 px, over the sample workbook on 15/11/2023, looked at by role and label. */

const XSS_NAME = '<img src=x onerror=window.__xss=1>';

/** Sets cells of the in-memory workbook (`change` gets each value and its 0-based row); returns what puts them back. */
function edit(pages: Pages, tab: string, change: (value: RawCell, row: number) => RawCell | undefined): () => void {
  const values = pages.preview.backend.workbook.readTab(tab)!.values;
  const undo: [number, number, RawCell][] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const next = change(value, r);
      if (next === undefined || next === value) return;
      undo.push([r + 1, c + 1, value]);
      pages.preview.backend.workbook.setCell(tab, r + 1, c + 1, next);
    }),
  );
  return () => {
    for (const [row, column, value] of undo) pages.preview.backend.workbook.setCell(tab, row, column, value);
  };
}

/** The tiles' numbers, by label, as the page shows them. */
async function tileValues(page: import('playwright-core').Page, tiles: ProgressPayload['tiles']): Promise<Record<string, number>> {
  const group = page.getByRole('group', { name: /^Số cán bộ theo tình trạng/ });
  const out: Record<string, number> = {};
  for (const { label } of tiles) {
    const text = await group
      .getByRole('button', { name: `${label}`, exact: false })
      .filter({ hasText: new RegExp(`^\\d+${escape(label)}$`) })
      .textContent();
    out[label] = Number(/\d+/.exec(text ?? '')![0]);
  }
  return out;
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The tiles' numbers the server gave, by label. */
const countsOf = (tiles: ProgressPayload['tiles'], counts: ProgressPayload['counts']) =>
  Object.fromEntries(tiles.map((t) => [t.label, counts.counts[t.verdict]]));

describe.skipIf(skipWithout(['chromium']))('Tiến độ 1+2', () => {
  const pages = usePages();

  it('one verdict per card in the roster’s words, tiles that add up, the chart per Ban, 24 px names', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    const cards = page.getByRole('list', { name: 'Danh sách cán bộ' }).getByRole('article');
    await expect.poll(() => cards.count()).toBe(expected.cadres.length);

    // The tiles: Kiên Giang's verdicts of the period, each cadre once (short of both only under “Thiếu ngày và chuyên
    // đề”), adding up to the cadres.
    expect(expected.tiles.map((t) => t.label)).toEqual([
      'Đủ',
      'Đủ nếu đi hết đợt đã đăng ký',
      'Thiếu ngày',
      'Thiếu chuyên đề',
      'Thiếu ngày và chuyên đề',
      'Thiếu yêu cầu địa bàn',
      'Miễn',
    ]);
    const tiles = await tileValues(page, expected.tiles);
    expect(tiles).toEqual(countsOf(expected.tiles, expected.counts));
    expect(Object.values(tiles).reduce((a, b) => a + b, 0)).toBe(expected.cadres.length);

    // One chip per card, in the roster's words; no second verdict (no “Xếp loại” line).
    for (const [i, entry] of expected.cadres.entries()) {
      const card = cards.nth(i);
      expect(await card.locator('.chip').allTextContents()).toEqual([entry.verdictLabel]);
      expect(await card.getByText(/^Xếp loại/).count()).toBe(0);
    }
    expect(
      await page
        .locator('.chip')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(12);

    // Names are buttons at least 24 px tall.
    const heights = await page.locator('button.card-name').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);

    // The chart: one image whose label reads every Ban's numbers.
    const chart = page.getByRole('img', { name: /^Tiến độ theo ban\./ });
    const label = (await chart.getAttribute('aria-label'))!;
    for (const b of expected.bans) expect(label).toContain(`${b.ban}: đã đi ${b.done}`);
    expect(await page.locator('.chart svg rect.chart-track').count()).toBe(expected.bans.filter((b) => b.required > 0).length);

    await expectNoOverflow(page);
    await expectContrast(page, 'Tiến độ 1+2 (thẻ)');
    await screenshot(page, 'progress', { docs: true });
    const cardsHeight = await pageHeight(page);
    await screenshot(page, 'progress-full', { fullPage: true });

    // The compact list: one line per cadre, the same cadres, far shorter.
    const toggle = page.getByRole('button', { name: 'Dạng gọn' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Dạng gọn' });
    await expect.poll(() => page.locator('article.card-compact').count()).toBe(expected.cadres.length);
    const compactHeight = await pageHeight(page);
    console.info(`Tiến độ 1+2 for ${expected.cadres.length} cadres: ${cardsHeight} px as cards, ${compactHeight} px as the compact list`);
    expect(compactHeight).toBeLessThan(cardsHeight * 0.6);
    await expectContrast(page, 'Tiến độ 1+2 (dạng gọn)');
    await screenshot(page, 'progress-compact', { fullPage: true });
    await page.context().close();
  });

  it('the tiles follow the Ban filter, a tile filters by its verdict and keeps the focus', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    const ban = expected.bans.find((b) => b.counts.total >= 3 && b.counts.counts.ok > 0)!;
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(ban.ban);
    await expect.poll(() => tileValues(page, expected.tiles)).toEqual(countsOf(expected.tiles, ban.counts));
    const inBan = expected.cadres.filter((c) => c.ban === ban.ban);
    await expect.poll(() => page.locator('article.card').count()).toBe(inBan.length);
    expect(await page.getByRole('group', { name: `Số cán bộ theo tình trạng, ${ban.ban}` }).count()).toBe(1);

    // Keyboard only: Tab to the “Đủ” tile, Space presses it; the list shows as many as it says, the focus stays.
    await page.getByRole('button', { name: /^\d+ Đủ$/ }).focus();
    await page.keyboard.press('Space');
    const ok = page.getByRole('button', { name: /^\d+ Đủ$/ });
    expect(await ok.getAttribute('aria-pressed')).toBe('true');
    expect((await focused(page)).text).toMatch(/^\d+Đủ$/);
    await expect.poll(() => page.locator('article.card').count()).toBe(ban.counts.counts.ok);
    expect(await page.getByLabel('Tình trạng', { exact: true }).inputValue()).toBe('ok');
    await page.keyboard.press('Enter');
    expect(await ok.getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });

  it('a search says the count once typing settles; no match gives “Bỏ lọc”, which brings everyone back', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    // Count what the live region is told while a name is typed letter by letter.
    await page.evaluate(() => {
      (window as unknown as { __said: string[] }).__said = [];
      new MutationObserver(() => {
        const region = document.querySelector('[data-announcer]');
        if (region?.textContent) (window as unknown as { __said: string[] }).__said.push(region.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Tìm theo tên', { exact: true }).pressSequentially('thuy', { delay: 60 });
    const thuy = expected.cadres.filter((c) => foldKey(c.name).includes('thuy'));
    await expect.poll(() => page.locator('article.card .card-name').allTextContents()).toEqual(thuy.map((c) => c.name));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __said: string[] }).__said))
      .toEqual([`Hiển thị ${thuy.length}/${expected.cadres.length} cán bộ.`]);
    // The visible count line is not a live region (it follows every keystroke).
    expect(await page.locator('.result-line').getAttribute('role')).toBeNull();

    await page.getByLabel('Tình trạng', { exact: true }).selectOption('exempt');
    const empty = page.getByText(/^Không có cán bộ nào khớp với bộ lọc: tình trạng “Miễn”; tên có “thuy”\.$/);
    await empty.waitFor();
    await screenshot(page, 'progress-empty');
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await expect.poll(() => page.locator('article.card').count()).toBe(expected.cadres.length);
    expect(await page.getByLabel('Tìm theo tên', { exact: true }).inputValue()).toBe('');
    expect(await focused(page)).toMatchObject({ tag: 'p', className: 'result-line' });
    await page.context().close();
  });

  it('clicking a name selects the cadre’s rows and says so inside that card, where the click was', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress', { height: 700 });
    // A cadre far down the list.
    const target = expected.cadres.filter((c) => c.tripRows.length > 0).at(-1)!;
    const card = page.getByRole('article', { name: target.name }).first();
    await card.getByRole('button', { name: target.name }).click();
    const said = card.getByRole('status');
    await said.getByText(`Đã chọn ${target.tripRows.length} dòng của ${target.name} trong tab Đi cơ sở.`).waitFor();
    expect(pages.preview.backend.calls.filter((c) => c.name === 'selectTripRows').at(-1)?.args).toEqual([{ name: target.name, rows: target.tripRows }]);
    // In view, inside the card; the focus is still on the name.
    const [box, viewport] = [await said.boundingBox(), page.viewportSize()!];
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    expect(await focused(page)).toMatchObject({ tag: 'button', text: target.name });
    await screenshot(page, 'progress-selected');
    await page.context().close();
  });

  it('a long Ban name is shortened with “…” to the room its numbers leave, the full name in its title', async () => {
    const long = 'Ban Thanh niên Trường học và Đô thị';
    const longer = 'Ban Công tác Thanh niên Trường học, Thanh niên Công nhân – Viên chức và Đoàn khối các cơ quan tỉnh';
    const rename = (value: RawCell) => (value === 'Ban Công tác Thiếu nhi' ? long : value === 'Ban Tuyên giáo' ? longer : undefined);
    const restore = ['Cán bộ', 'Đi cơ sở'].map((tab) => edit(pages, tab, rename));
    try {
      const page = await pages.open('progress');
      // The chosen Ban's name is bold, so wider: it is fitted too.
      await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(long);
      const rows = await page.locator('.chart svg g.chart-row').evaluateAll((gs) =>
        gs.map((g) => {
          const box = (sel: string) => g.querySelector(sel)!.getBoundingClientRect();
          return {
            title: g.querySelector('title')?.textContent ?? '',
            label: g.querySelector('.chart-label')!.textContent ?? '',
            labelRight: box('.chart-label').right,
            valueLeft: box('.chart-value').left,
            edge: g.closest('svg')!.getBoundingClientRect().right,
          };
        }),
      );
      for (const row of rows) {
        expect(row.labelRight, `“${row.label}” runs into its numbers`).toBeLessThan(row.valueLeft);
        expect(row.labelRight).toBeLessThanOrEqual(row.edge);
      }
      const cut = rows.filter((r) => r.label.endsWith('…'));
      expect(cut.map((r) => r.title).sort()).toEqual([long, longer].sort());
      for (const r of cut) expect(r.title.replace(/^Ban /, '')).toContain(r.label.slice(0, -1).trimEnd());
      // Short names are left whole.
      expect(rows.filter((r) => !r.label.endsWith('…')).every((r) => r.title.endsWith(r.label))).toBe(true);
      await expectNoOverflow(page);
      await page.locator('.chart').screenshot({ path: 'test-artifacts/progress-chart-long-names.png' });
      await page.context().close();
    } finally {
      for (const undo of restore) undo();
    }
  });

  it('with no cadre in the Cán bộ tab, it says so and how to add them, and offers no “Bỏ lọc”', async () => {
    const header = pages.preview.backend.workbook.readTab('Cán bộ')!.values.findIndex((row) => row.includes('Họ và tên'));
    const restore = edit(pages, 'Cán bộ', (value, row) => (row > header && value !== '' ? null : undefined));
    try {
      expect(pages.server<ProgressPayload>('getProgress').cadres).toEqual([]);
      const page = await pages.open('progress');
      await page.getByText('Tab Cán bộ chưa có cán bộ nào.', { exact: true }).waitFor();
      expect(await page.getByText(/^Hãy nhập mỗi cán bộ một dòng vào tab Cán bộ/).isVisible()).toBe(true);
      expect(await page.getByText(/khớp với bộ lọc/).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Bỏ lọc' }).count()).toBe(0);
      await expectNoOverflow(page);
      await expectContrast(page, 'Tiến độ 1+2 (chưa có cán bộ)');
      await screenshot(page, 'progress-no-cadres');
      await page.context().close();
    } finally {
      restore();
    }
  });

  it('a name like <img onerror=…> is shown as text and never runs', async () => {
    const row = pages.preview.backend.workbook.readTab('Cán bộ')!.values.length + 1;
    pages.preview.backend.workbook.setCell('Cán bộ', row, 2, XSS_NAME);
    pages.preview.backend.workbook.setCell('Cán bộ', row, 3, 'Chuyên viên');
    pages.preview.backend.workbook.setCell('Cán bộ', row, 4, 'Ban Tuyên giáo');
    try {
      const page = await pages.open('progress');
      await page.getByLabel('Tìm theo tên', { exact: true }).fill('img src');
      await page.getByText(XSS_NAME, { exact: true }).first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator('main img').count()).toBe(0);
      await page.context().close();
    } finally {
      for (const column of [2, 3, 4]) pages.preview.backend.workbook.setCell('Cán bộ', row, column, null);
    }
  });
});

describe.skipIf(skipWithout(['chromium']))('Tiến độ 1+2 after the period (the rating is given)', () => {
  const pages = usePages({ today: '2024-01-10' });

  it('each card’s one verdict is the rating (06-HD §V), the tiles are the rating’s, and nothing says “Đủ yêu cầu”', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    expect(expected.tiles.map((t) => t.label)).toEqual(['Xuất sắc', 'Đạt', 'Không đạt', 'Miễn']);
    expect(await tileValues(page, expected.tiles)).toEqual(countsOf(expected.tiles, expected.counts));
    const chips = await page.locator('article.card .chip').allTextContents();
    expect(chips).toEqual(expected.cadres.map((c) => c.verdictLabel));
    expect(new Set(chips)).toEqual(new Set(['Xuất sắc', 'Đạt', 'Không đạt', 'Miễn']));
    expect(await page.getByText('Đủ yêu cầu', { exact: true }).count()).toBe(0);
    expect(await page.getByText(/^Xếp loại/).count()).toBe(0);
    await expectContrast(page, 'Tiến độ 1+2 sau kỳ tính');
    await screenshot(page, 'progress-rated', { fullPage: true });
    await page.context().close();
  });
});
