import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../src/core/text';
import { isBehind, isMet } from '../../src/core/verdict';
import type { ProgressPayload } from '../../src/sheets/pages/progress';
import { skipWithout } from '../support/tools';
import type { RawCell } from '../../src/sheets/workbook';
import { expectAxeClean, expectContrast, expectNoOverflow, expectReadableAt, focused, pageHeight, screenshot, textZoom, usePages, type Pages } from './browser';

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
/**
 * The non-text contrast (WCAG 1.4.11) of a bar segment against its track, as drawn: the segment's colours (its fill, its
 * background colour, every colour of a pattern in its background image) and the track's; the strongest colour of the
 * segment is what sets it apart.
 */
async function segmentContrast(page: Page, segment: string, track: string): Promise<number> {
  return page.evaluate(
    ([segmentSelector, trackSelector]) => {
      const colours = (el: Element) => {
        const style = getComputedStyle(el);
        const found = [el instanceof SVGElement ? style.fill : '', style.backgroundColor, ...(style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? [])];
        return found
          .map((c) =>
            /rgba?\(([^)]+)\)/
              .exec(c)?.[1]
              ?.split(/[,\s/]+/)
              .filter(Boolean)
              .map(Number),
          )
          .filter((c): c is number[] => c !== undefined && (c.length < 4 || c[3]! > 0));
      };
      const luminance = ([r, g, b]: number[]) => {
        const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const ratio = (a: number[], b: number[]) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
        return (x + 0.05) / (y + 0.05);
      };
      const seg = document.querySelector(segmentSelector)!;
      const trackColour = colours(document.querySelector(trackSelector)!)[0]!;
      return Math.max(...colours(seg).map((c) => ratio(c, trackColour)));
    },
    [segment, track] as const,
  );
}

/** The tiles' numbers the server gave, by label. */
const countsOf = (tiles: ProgressPayload['tiles'], counts: ProgressPayload['counts']) =>
  Object.fromEntries(tiles.map((t) => [t.label, counts.counts[t.verdict]]));

describe.skipIf(skipWithout(['chromium']))('Tiến độ 1+2', () => {
  const pages = usePages();

  it('one verdict per card in the roster’s words, tiles that add up, the chart per Ban, 24 px names', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    // Those behind first and alone (the filter says so); “Tất cả” lists everyone.
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('all');
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
    expect(await page.locator('.chart-rows .chart-track').count()).toBe(expected.bans.filter((b) => b.required > 0).length);

    await expectNoOverflow(page);
    await expectContrast(page, 'Tiến độ 1+2 (thẻ)');
    await expectAxeClean(page, 'Tiến độ 1+2 (thẻ)');
    await screenshot(page, 'progress-all');
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
    await expectAxeClean(page, 'Tiến độ 1+2 (dạng gọn)');
    await screenshot(page, 'progress-compact', { fullPage: true });
  });

  it('the tiles follow the Ban filter, a tile filters by its verdict and keeps the focus', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    const ban = expected.bans.find((b) => b.counts.total >= 3 && b.counts.counts.ok > 0)!;
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(ban.ban);
    await expect.poll(() => tileValues(page, expected.tiles)).toEqual(countsOf(expected.tiles, ban.counts));
    const inBan = expected.cadres.filter((c) => c.ban === ban.ban);
    await expect.poll(() => page.locator('article.card').count()).toBe(inBan.filter((c) => isBehind(c.verdict)).length);
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('all');
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
    await expectAxeClean(page, 'Tiến độ 1+2 (lọc theo ban và ô Đủ)');
    await page.keyboard.press('Enter');
    expect(await ok.getAttribute('aria-pressed')).toBe('false');
  });

  it('a search says the count once typing settles; no match gives “Bỏ lọc”, which brings everyone back', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('all');
    // That choice is said first; then count what the live region is told while a name is typed letter by letter.
    await page.locator('[data-announcer]').getByText(`Hiển thị ${expected.cadres.length}/${expected.cadres.length} cán bộ.`).waitFor();
    await page.evaluate(() => {
      (window as unknown as { __said: string[] }).__said = [];
      new MutationObserver(() => {
        const region = document.querySelector('[data-announcer]');
        if (region?.textContent) (window as unknown as { __said: string[] }).__said.push(region.textContent);
      }).observe(document.querySelector('[data-announcer]')!, { subtree: true, childList: true, characterData: true });
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
    await expectAxeClean(page, 'Tiến độ 1+2 (không ai khớp bộ lọc)');
    await screenshot(page, 'progress-empty');
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await expect.poll(() => page.locator('article.card').count()).toBe(expected.cadres.length);
    expect(await page.getByLabel('Tìm theo tên', { exact: true }).inputValue()).toBe('');
    expect(await focused(page)).toMatchObject({ tag: 'p', className: 'result-line' });
  });

  it('clicking a name selects the cadre’s rows and says so inside that card, where the click was', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress', { height: 700 });
    // A cadre far down the list.
    const target = expected.cadres.filter((c) => c.tripRows.length > 0).at(-1)!;
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('all');
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
    await expectAxeClean(page, 'Tiến độ 1+2 (đã chọn dòng)');
    await screenshot(page, 'progress-selected');
  });

  it('a long Ban name wraps whole on its chart row, never cut nor run into its numbers', async () => {
    const long = 'Ban Thanh niên Trường học và Đô thị';
    const longer = 'Ban Công tác Thanh niên Trường học, Thanh niên Công nhân – Viên chức và Đoàn khối các cơ quan tỉnh';
    const rename = (value: RawCell) => (value === 'Ban Công tác Thiếu nhi' ? long : value === 'Ban Tuyên giáo' ? longer : undefined);
    const restore = ['Cán bộ', 'Đi cơ sở'].map((tab) => edit(pages, tab, rename));
    try {
      const page = await pages.open('progress');
      // The chosen Ban's name is bold, so wider.
      await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption(long);
      const rows = await page.locator('.chart .chart-row').evaluateAll((rows) =>
        rows.map((row) => {
          const label = row.querySelector('.chart-label')!;
          const value = row.querySelector('.chart-value')!.getBoundingClientRect();
          const lines = [...label.getClientRects()];
          return {
            label: label.textContent ?? '',
            // Every line of the name ends before the numbers start, or lies above or below them.
            clear: lines.every((l) => l.right <= value.left || l.bottom <= value.top + 1 || l.top >= value.bottom - 1),
            right: Math.max(...lines.map((l) => l.right)),
            edge: row.getBoundingClientRect().right,
          };
        }),
      );
      expect(rows.map((r) => r.label)).toContain(long);
      expect(rows.map((r) => r.label)).toContain(longer);
      for (const row of rows) {
        expect(row.clear, `“${row.label}” runs into its numbers`).toBe(true);
        expect(row.right).toBeLessThanOrEqual(row.edge + 0.5);
      }
      await expectReadableAt(page, 'Tiến độ 1+2 (tên ban dài)');
      await page.locator('.chart').screenshot({ path: 'test-artifacts/progress-chart-long-names.png' });
    } finally {
      for (const undo of restore) undo();
    }
  });

  it('the per-cadre cap is said on the page, and a Ban whose days are all there but not its cadres says how many are short, in the tiles’ words', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const page = await pages.open('progress');
    // Said where everyone sees it, under the chart, not only in the image's label.
    const cap = page.getByText(`Mỗi cán bộ chỉ được tính đến số ngày yêu cầu của mình (thường là ${expected.minDays} ngày)`, { exact: false });
    expect(await cap.isVisible()).toBe(true);
    expect(await cap.evaluate((el) => el.closest('.visually-hidden, [aria-hidden="true"]'))).toBeNull();

    // Ban Tuyên giáo has all its 240 days, but one cadre is short of a chuyên đề round (the sample on 15/11/2023).
    const full = expected.bans.filter(
      (b) => b.done === b.required && b.required > 0 && expected.cadres.some((c) => c.ban === b.ban && !isMet(c.verdict) && c.verdict !== 'exempt'),
    );
    expect(full.map((b) => b.ban)).toEqual(['Ban Tuyên giáo', 'Ban Phong trào']);
    const rows = page.locator('.chart .chart-row');
    for (const ban of expected.bans) {
      const row = rows.filter({ has: page.locator('.chart-label', { hasText: new RegExp(`^${ban.ban}$`) }) });
      const notYet = expected.tiles
        .filter((t) => !isMet(t.verdict) && t.verdict !== 'exempt' && ban.counts.counts[t.verdict] > 0)
        .map((t) => `${ban.counts.counts[t.verdict]} ${t.label}`);
      const said = row.locator('.chart-behind');
      if (notYet.length === 0) expect(await said.count()).toBe(0);
      else expect(await said.textContent()).toBe(`Chưa đủ: ${notYet.join(' · ')}`);
    }
    const tuyenGiao = rows.filter({ has: page.locator('.chart-label', { hasText: /^Ban Tuyên giáo$/ }) });
    expect(await tuyenGiao.locator('.chart-value').textContent()).toBe('240/240');
    expect(await tuyenGiao.locator('.chart-behind').textContent()).toBe('Chưa đủ: 1 Thiếu chuyên đề');
    // The image's label says it too.
    const label = (await page.getByRole('img', { name: /^Tiến độ theo ban\./ }).getAttribute('aria-label'))!;
    expect(label).toContain('Ban Tuyên giáo: đã đi 240 trên 240 ngày yêu cầu (chưa đủ: 1 Thiếu chuyên đề)');
    await expectAxeClean(page, 'Tiến độ 1+2 (biểu đồ)');
  });

  it('the days registered ahead stand out from the track (3:1), in the chart and on the cards', async () => {
    const page = await pages.open('progress');
    expect(await segmentContrast(page, '.chart .chart-planned', '.chart .chart-track')).toBeGreaterThanOrEqual(3);
    expect(await segmentContrast(page, '.chart .chart-done', '.chart .chart-track')).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('ok-planned');
    expect(await segmentContrast(page, '.card .bar-planned', '.card .bar')).toBeGreaterThanOrEqual(3);
    expect(await segmentContrast(page, '.card .bar-done', '.card .bar')).toBeGreaterThanOrEqual(3);
  });

  it('the first screen (300 × 720) shows a cadre who is behind: the list starts with them, and the filter says so', async () => {
    const expected = pages.server<ProgressPayload>('getProgress');
    const behind = expected.cadres.filter((c) => isBehind(c.verdict));
    const page = await pages.open('progress', { height: 720 });
    expect(await page.getByLabel('Tình trạng', { exact: true }).inputValue()).toBe('behind');
    await expect.poll(() => page.locator('article.card .card-name').allTextContents()).toEqual(behind.map((c) => c.name));
    expect(await page.locator('.result-line').textContent()).toMatch(
      new RegExp(`^Hiển thị ${behind.length}/${expected.cadres.length} cán bộ chưa đủ yêu cầu\\.`),
    );
    const first = page.getByRole('article', { name: behind[0]!.name }).first();
    // Its name and its verdict are whole inside the first screen, without scrolling.
    for (const part of [first.locator('.card-name'), first.locator('.chip')]) {
      const box = (await part.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // README's picture: the sidebar as it opens.
    await screenshot(page, 'progress', { docs: true });
  });

  it('at text-only zoom 200 % in the 300 px sidebar the text grows, the chart’s too, and no word or choice is cut', async () => {
    const page = await pages.open('progress');
    const chartText = () =>
      page
        .locator('.chart .chart-label')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const [bodyBefore, chartBefore] = [await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)), await chartText()];
    expect(await textZoom(page, 2)).toBe(26);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(bodyBefore * 2);
    expect(await chartText()).toBe(chartBefore * 2);
    await expectReadableAt(page, 'Tiến độ 1+2 at 200 %');
    await screenshot(page, 'progress-text-200', { fullPage: true });
    // The longest choices, chosen.
    await page.getByLabel('Ban/Văn phòng', { exact: true }).selectOption('Ban Tổ chức – Kiểm tra');
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('ok-planned');
    await expectReadableAt(page, 'Tiến độ 1+2 at 200 %, the longest choices');
    await expectAxeClean(page, 'Tiến độ 1+2 at 200 %');
    await page.getByRole('button', { name: 'Dạng gọn' }).click();
    await expectReadableAt(page, 'Tiến độ 1+2 at 200 %, compact');
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
      await expectAxeClean(page, 'Tiến độ 1+2 (chưa có cán bộ)');
      await screenshot(page, 'progress-no-cadres');
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
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('all');
    expect(await tileValues(page, expected.tiles)).toEqual(countsOf(expected.tiles, expected.counts));
    const chips = await page.locator('article.card .chip').allTextContents();
    expect(chips).toEqual(expected.cadres.map((c) => c.verdictLabel));
    expect(new Set(chips)).toEqual(new Set(['Xuất sắc', 'Đạt', 'Không đạt', 'Miễn']));
    expect(await page.getByText('Đủ yêu cầu', { exact: true }).count()).toBe(0);
    expect(await page.getByText(/^Xếp loại/).count()).toBe(0);
    await expectContrast(page, 'Tiến độ 1+2 sau kỳ tính');
    await expectAxeClean(page, 'Tiến độ 1+2 sau kỳ tính');
    await screenshot(page, 'progress-rated', { fullPage: true });
  });
});
