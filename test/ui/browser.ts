import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview.mjs';
import { CHROMIUM } from '../support/tools';

/**
 * What every page's browser test shares: the preview server (the real server functions over an in-memory copy of the
 * sample workbook) and Debian's Chromium, opening a page as the add-on does (300 px sidebar, 460 × 420 dialog), and
 * looking at it as a person would: screenshots, overflow at 300 px, the contrast of every text as rendered.
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

/** Starts a preview server and Chromium for the file's tests, and stops them after. */
export function usePages(options: { today?: string } = {}): Pages {
  let preview: PreviewServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    preview = await startPreviewServer({ port: 0, today: options.today ?? '2023-11-15' });
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
      const context = await browser!.newContext({ viewport: { width: o.width ?? 300, height: o.height ?? 800 }, locale: 'vi-VN', deviceScaleFactor: 1 });
      context.setDefaultTimeout(8_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await o.before?.(page);
      await page.goto(`${preview!.url}/${name}`);
      if (o.loaded ?? true) await page.locator('#app[aria-busy="false"]').waitFor();
      return page;
    },
  };
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
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
