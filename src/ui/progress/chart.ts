import { banKey } from '../../core/names';
import { shortBanName } from '../../core/forms/tab-name';
import type { BanProgress } from '../../sheets/pages/progress';
import { h } from '../shared/dom';
import { progressTexts as T } from './texts';

/**
 * The per-Ban bar chart at the top of Tiến độ 1+2, as inline SVG (no chart library in a 300 px sidebar): each Ban's
 * track is its required days, filled with the days done and, lighter, the days registered ahead. The numbers are
 * printed beside each bar and the whole chart is one image whose label reads them all (role="img"), so nothing is
 * told by colour alone.
 */

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 268;
const ROW = 36;
const BAR = 10;
/** Between a Ban's name and its numbers. */
const GAP = 8;

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child);
  return el;
}

export function banChart(bans: readonly BanProgress[], selected: string): HTMLElement | null {
  const shown = bans.filter((b) => b.required > 0);
  if (shown.length === 0) return null;
  const height = shown.length * ROW;
  const label = `${T.chartTitle}. ${shown.map((b) => T.chartBan(b.ban, b.done, b.planned, b.required)).join('; ')}. ${T.chartNote}`;
  const rows = shown.map((b, i) => {
    const y = i * ROW;
    const done = (b.done / b.required) * WIDTH;
    const planned = (b.planned / b.required) * WIDTH;
    const picked = selected !== '' && banKey(selected) === banKey(b.ban);
    return svg(
      'g',
      { class: picked ? 'chart-row chart-picked' : 'chart-row' },
      svg('title', {}, b.ban),
      svg('text', { x: 0, y: y + 13, class: 'chart-label' }, shortBanName(b.ban)),
      svg('text', { x: WIDTH, y: y + 13, 'text-anchor': 'end', class: 'chart-value' }, `${b.done}${b.planned > 0 ? ` (+${b.planned})` : ''}/${b.required}`),
      svg('rect', { x: 0, y: y + 19, width: WIDTH, height: BAR, rx: 3, class: 'chart-track' }),
      svg('rect', { x: 0, y: y + 19, width: done.toFixed(1), height: BAR, rx: 3, class: 'chart-done' }),
      planned > 0 ? svg('rect', { x: done.toFixed(1), y: y + 19, width: planned.toFixed(1), height: BAR, class: 'chart-planned' }) : '',
    );
  });
  const image = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img', 'aria-label': label, focusable: 'false' }, ...rows);
  const swatch = (cls: string, text: string) => h('span', { class: 'legend-item' }, h('span', { class: `legend-swatch ${cls}` }), text);
  const figure = h(
    'figure',
    { class: 'chart' },
    h('figcaption', { class: 'chart-title' }, T.chartTitle, h('span', { class: 'chart-unit' }, ' (ngày)')),
    image,
    h(
      'div',
      { class: 'legend', attrs: { 'aria-hidden': 'true' } },
      swatch('chart-done', T.legendDone),
      swatch('chart-planned', T.legendPlanned),
      swatch('chart-track', T.legendMissing),
    ),
  );
  fitLabels(figure);
  return figure;
}

/**
 * Each Ban's name shortened with “…” to the room its numbers leave on its line, measured as Chromium draws it (bold
 * for the chosen Ban), so a long name never runs into its numbers or past the edge; the full name is the row's <title>
 * and is in the image's label. A chart not yet on the page is measured in a hidden copy of its place.
 */
function fitLabels(figure: HTMLElement): void {
  const detached = !figure.isConnected;
  if (detached) {
    figure.style.cssText = 'position:absolute;visibility:hidden;width:300px';
    document.body.append(figure);
  }
  try {
    for (const row of figure.querySelectorAll('.chart-row')) {
      const label = row.querySelector<SVGTextElement>('.chart-label');
      const value = row.querySelector<SVGTextElement>('.chart-value');
      if (!label || !value) continue;
      const room = WIDTH - value.getComputedTextLength() - GAP;
      const full = label.textContent ?? '';
      if (label.getComputedTextLength() <= room) continue;
      const cut = (n: number) => `${full.slice(0, n).trimEnd()}…`;
      let fits = 0;
      let over = full.length;
      while (over - fits > 1) {
        const mid = Math.floor((fits + over) / 2);
        label.textContent = cut(mid);
        if (label.getComputedTextLength() <= room) fits = mid;
        else over = mid;
      }
      label.textContent = cut(fits);
    }
  } finally {
    if (detached) {
      figure.remove();
      figure.style.cssText = '';
    }
  }
}
