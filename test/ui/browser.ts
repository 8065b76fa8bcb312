import type { AxeResults, RunOptions } from 'axe-core';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview.mjs';

/**
 * What every page's browser test shares: the preview server (the real server functions over an in-memory copy of the
 * sample workbook) and Debian's Chromium, opening a page as the add-on does (300 px sidebar, 460 × 420 dialog), and
 * looking at it as a person would: screenshots, overflow at 300 px, the contrast of every text as rendered, axe-core's
 * WCAG 2.2 AA scan, text-only zoom, words broken mid-syllable and choices cut off.
 */

const ARTIFACTS = path.resolve('test-artifacts');
const DOCS = path.resolve('docs/screenshots');

export interface Pages {
  preview: PreviewServer;
  /** Calls a server function as the page would (through the preview's backend); throws its message on failure. */
  server<T>(name: string, ...args: unknown[]): T;
  open(name: string, options?: OpenOptions): Promise<Page>;
}

export interface OpenOptions {
  height?: number;
  width?: number;
  /** Runs before the page loads (routes, a fake clock, init scripts). */
  before?: (page: Page) => Promise<unknown>;
  /** Wait for the page to finish loading (default true). */
  loaded?: boolean;
}

/** The run's one Chromium (test/ui/chromium-server.ts), connected to once per file. */
async function sharedChromium(): Promise<Browser> {
  const answer = (await (await fetch(inject('chromiumBroker'))).json()) as { wsEndpoint?: string; error?: string };
  if (!answer.wsEndpoint) throw new Error(`Chromium did not start: ${answer.error ?? 'no answer'}`);
  return chromium.connect(answer.wsEndpoint);
}

/**
 * Starts a preview server for the file's tests and connects to the run's Chromium; stops and disconnects after.
 *
 * A page costs Chromium a renderer process, and a context another: together more than a second of a busy CPU, against
 * a tenth of that to load the page again in a tab it already has. So a file's tests share one context, and each test's
 * first page is the file's one tab, navigated anew (a fresh document, its size and text zoom as asked). What `before`
 * sets on it would outlive the test: routes are taken off after it, and a tab given anything else (init scripts, a fake
 * clock) is closed, the next test getting a new one. A second page in the same test gets a tab of its own, closed after
 * the test. The pages keep nothing between loads (no storage, no cookies: src/ui uses none).
 */
export function usePages(options: { today?: string } = {}): Pages {
  let preview: PreviewServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  /** The file's reused tab; whether the running test has it, and whether its `before` set more than routes. */
  let tab: Page | undefined;
  let tabInUse = false;
  let tabSpoilt = false;
  /** Tabs of this test alone, closed after it. */
  const ownTabs: Page[] = [];
  beforeAll(async () => {
    [preview, browser] = await Promise.all([startPreviewServer({ port: 0, today: options.today ?? '2023-11-15' }), sharedChromium()]);
    context = await browser.newContext({ viewport: DEFAULT_VIEWPORT, locale: 'vi-VN', deviceScaleFactor: 1 });
    context.setDefaultTimeout(8_000);
  });
  afterEach(async () => {
    if (tabSpoilt) {
      await tab?.close();
      tab = undefined;
    } else await tab?.unrouteAll({ behavior: 'ignoreErrors' });
    tabInUse = tabSpoilt = false;
    await Promise.all(ownTabs.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });
  const newTab = async (): Promise<Page> => {
    const page = await context!.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  };
  const reusedTab = async (): Promise<Page> => {
    if (tab === undefined || tab.isClosed()) tab = await newTab();
    else if (zoomOf.has(tab)) await textZoom(tab, 1).then(() => zoomOf.delete(tab!));
    tabInUse = true;
    return tab;
  };
  /** The page as `before` sees it: touching anything but `route` marks the reused tab as not to be reused. */
  const watched = (page: Page): Page =>
    new Proxy(page, {
      get(target, key) {
        if (key !== 'route' && page === tab) tabSpoilt = true;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return {
    get preview() {
      return preview!;
    },
    server<T>(name: string, ...args: unknown[]): T {
      const outcome = preview!.backend.call(name, args);
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.value as T;
    },
    async open(name, o = {}) {
      const page = tabInUse ? await newTab() : await reusedTab();
      if (page !== tab) ownTabs.push(page);
      await page.setViewportSize({ width: o.width ?? DEFAULT_VIEWPORT.width, height: o.height ?? DEFAULT_VIEWPORT.height });
      await o.before?.(watched(page));
      await page.goto(`${preview!.url}/${name}`);
      if (o.loaded ?? true) await page.locator('#app[aria-busy="false"]').waitFor();
      return page;
    },
  };
}

/** The add-on's sidebar: 300 px wide (HtmlService's fixed sidebar width). */
const DEFAULT_VIEWPORT = { width: 300, height: 800 };

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  const viewport = page.viewportSize();
  if (options.fullPage && zoomOf.has(page) && viewport) {
    // Playwright's full-page capture resets Chromium's font sizes (text zoom): the window is made as tall instead.
    await page.setViewportSize({ width: viewport.width, height: await pageHeight(page) });
    await page.screenshot({ path: file });
    await page.setViewportSize(viewport);
  } else await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  // README's screenshots change only when asked (UPDATE_SCREENSHOTS=1), so a test run never dirties the tree.
  if (options.docs && process.env.UPDATE_SCREENSHOTS) {
    await mkdir(DOCS, { recursive: true });
    await copyFile(file, path.join(DOCS, `${name}.png`));
  }
}

/** Nothing is wider than the page (no horizontal scroll, nothing cut off on the right). */
export async function expectNoOverflow(page: Page): Promise<void> {
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

export interface ContrastSample {
  text: string;
  color: string;
  background: string;
  ratio: number;
  fontSize: number;
  large: boolean;
}

/**
 * The contrast of every visible text on the page, from the colours Chromium actually rendered (computed styles, each
 * background found by walking up to the first opaque one, translucent ones blended over it): text, the values in
 * controls, placeholders. Disabled controls are left out (WCAG 1.4.3 exempts inactive components).
 */
export async function contrastOf(page: Page): Promise<ContrastSample[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const parse = (css: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!
        .split(/[,\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const backgroundOf = (el: Element | null): RGBA => {
      const layers: RGBA[] = [];
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let result: RGBA = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const luminance = ([r, g, b]: RGBA) => {
      const f = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
      return (x + 0.05) / (y + 0.05);
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0' && !el.closest('.visually-hidden');
    };
    const samples: ContrastSample[] = [];
    const add = (el: Element, text: string, color: string) => {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const fg = parse(color);
      const bg = backgroundOf(el);
      const shown = fg[3] < 1 ? over(fg, bg) : fg;
      samples.push({
        text: text.slice(0, 60),
        color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
        ratio: ratio(shown, bg),
        fontSize: size,
        large,
      });
    };
    for (const el of document.querySelectorAll('body *')) {
      if (!visible(el) || el.closest('[disabled], :disabled')) continue;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        if (el.value) add(el, el.value, getComputedStyle(el).color);
        else if (el.placeholder) add(el, el.placeholder, getComputedStyle(el, '::placeholder').color);
        continue;
      }
      if (el instanceof HTMLSelectElement) {
        add(el, el.selectedOptions[0]?.textContent ?? '', getComputedStyle(el).color);
        continue;
      }
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (own && !(el instanceof HTMLOptionElement)) add(el, own, getComputedStyle(el).color);
    }
    return samples;
  });
}

/** Every text at least 4.5:1 (3:1 when large); returns the lowest ratio measured, for the report. */
export async function expectContrast(page: Page, where: string): Promise<number> {
  const samples = await contrastOf(page);
  expect(samples.length).toBeGreaterThan(0);
  const poor = samples.filter((s) => s.ratio < (s.large ? 3 : 4.5));
  expect(poor, `texts below 4.5:1 on ${where}`).toEqual([]);
  const lowest = samples.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  console.info(
    `contrast on ${where}: ${samples.length} texts, lowest ${lowest.ratio.toFixed(2)}:1 (“${lowest.text}”, ${lowest.color} on ${lowest.background})`,
  );
  return lowest.ratio;
}

/** The focused element, described: its role-ish tag, accessible-ish name, and classes. */
export async function focused(page: Page): Promise<{ tag: string; text: string; id: string; className: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 120),
      id: el?.id ?? '',
      className: el?.className ?? '',
    };
  });
}

/** The page's full height in CSS pixels. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** WCAG 2.0–2.2 A and AA, and axe's best practices (heading order, landmarks, …). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** axe-core's findings on the page as it is now (WCAG 2.2 AA and best practices). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: new URL('axe.min.js', inject('chromiumBroker')).href });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
  }, AXE_TAGS);
}

/** Nothing axe-core finds (WCAG 2.2 AA, best practices) on the page as it is now; `where` names the state. */
export async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await axeFindings(page), `axe-core on ${where}`).toEqual([]);
}

/**
 * Text-only zoom as Chromium gives it: the browser's default font size (Settings › Appearance › Font size, the
 * `standard`/`fixed` sizes Chrome DevTools Protocol's Page.setFontSizes sets) raised by `factor`, the page's layout
 * otherwise untouched (the viewport and every length in px stay). Text grows only as far as the page sizes it from
 * the browser's default (rem, em, %), which is what is tested: returns the root's font size, to check it did grow.
 */
export async function textZoom(page: Page, factor: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round(16 * factor), fixed: Math.round(13 * factor) } });
  await cdp.detach();
  zoomOf.set(page, factor);
  return rootFontSize(page);
}

/** The text zoom set on a page (Playwright's full-page screenshot would undo it: see screenshot). */
const zoomOf = new WeakMap<Page, number>();

function rootFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

/**
 * Words (runs of letters: a Vietnamese syllable, a name) the layout splits across two lines, as drawn: each run's
 * boxes, taken with a Range, must share one line. “Quan g Vinh” and “Nhắ c” are what this finds.
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, .visually-hidden, option, [hidden]')) continue;
      for (const m of (node.textContent ?? '').matchAll(/[\p{L}\p{M}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length > 1 && rects.some((r) => Math.abs(r.top - rects[0]!.top) > 1))
          out.push(`${m[0]} (in “${(node.textContent ?? '').trim().slice(0, 60)}”)`);
      }
    }
    return out;
  });
}

/**
 * Texts shown cut: a select whose chosen option is wider than the room its box gives it, a placeholder wider than its
 * box, and any element whose text is clipped with “…” or hidden overflow (its scrollWidth past its width). Measured
 * with the control's own font.
 */
export async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;left:0;top:0';
    document.body.append(probe);
    for (const select of document.querySelectorAll('select')) {
      const box = select.getBoundingClientRect();
      if (box.width === 0 || select.closest('[hidden]')) continue;
      const style = getComputedStyle(select);
      // A customizable select (appearance: base-select) lays its chosen option out as text: cut is wider than its box.
      if (style.appearance === 'base-select') {
        if (select.scrollWidth > select.clientWidth + 1)
          out.push(`select “${select.selectedOptions[0]?.textContent ?? ''}” (${select.scrollWidth} > ${select.clientWidth} px)`);
        continue;
      }
      probe.style.font = style.font;
      probe.style.letterSpacing = style.letterSpacing;
      probe.textContent = select.selectedOptions[0]?.textContent ?? '';
      // The text's room: the box less its padding (the arrow takes more, so this errs towards calling it whole).
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (probe.getBoundingClientRect().width > room + 0.5)
        out.push(`select “${probe.textContent}” (${Math.round(probe.getBoundingClientRect().width)} > ${Math.round(room)} px)`);
    }
    // A placeholder is the page's own words: it must fit its box (what a person types may scroll).
    for (const input of document.querySelectorAll('input')) {
      if (!input.placeholder || input.value || input.getBoundingClientRect().width === 0 || input.closest('[hidden]')) continue;
      const style = getComputedStyle(input);
      probe.style.font = style.font;
      probe.textContent = input.placeholder;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (probe.getBoundingClientRect().width > room + 0.5)
        out.push(`placeholder “${input.placeholder}” (${Math.round(probe.getBoundingClientRect().width)} > ${Math.round(room)} px)`);
    }
    probe.remove();
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) continue;
      const style = getComputedStyle(el);
      const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
      if (!clips || el.clientWidth === 0 || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim() !== '')
        out.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 60)}”`);
    }
    return out;
  });
}

/** At the zoom it is given, nothing wider than the page, no word split mid-syllable, no choice or label cut. */
export async function expectReadableAt(page: Page, where: string): Promise<void> {
  const zoom = zoomOf.get(page);
  if (zoom !== undefined) expect(await rootFontSize(page), `the text zoom is still in force on ${where}`).toBe(13 * zoom);
  await expectNoOverflow(page);
  expect(await brokenWords(page), `words broken across lines on ${where}`).toEqual([]);
  expect(await cutTexts(page), `texts cut on ${where}`).toEqual([]);
}
