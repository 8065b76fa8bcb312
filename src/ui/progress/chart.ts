import { banKey } from '../../core/names';
import { isMet } from '../../core/verdict';
import type { BanProgress, Tile } from '../../sheets/pages/progress';
import { h } from '../shared/dom';
import { progressTexts as T } from './texts';

/**
 * The per-Ban chart at the top of Tiến độ 1+2: each Ban's track is its required days, filled with the days done and,
 * hatched, the days registered ahead. Drawn in HTML rather than SVG so that its text is the page's text: it grows with
 * the reader's text size, and a long Ban name wraps whole instead of being cut. The numbers are printed beside each
 * bar, with the cadres who are not yet enough in the tiles' words (a Ban can have all its days and still a cadre
 * short of a round, because each cadre counts only up to their own required days, which the note under the chart
 * says); the whole chart is one image whose label reads all of it, so nothing is told by colour alone.
 */

/** "Chưa đủ: 1 Thiếu chuyên đề · 2 Đủ nếu đi hết đợt đã đăng ký": the Ban's cadres not yet enough, by tile. */
function notYet(ban: BanProgress, tiles: readonly Tile[]): string[] {
  return tiles
    .filter((t) => !isMet(t.verdict) && t.verdict !== 'exempt' && ban.counts.counts[t.verdict] > 0)
    .map((t) => `${ban.counts.counts[t.verdict]} ${t.label}`);
}

const percent = (part: number, whole: number) => `${Math.min(100, (part / whole) * 100).toFixed(1)}%`;

function banRow(b: BanProgress, tiles: readonly Tile[], picked: boolean): HTMLElement {
  const behind = notYet(b, tiles);
  return h(
    'div',
    { class: picked ? 'chart-row chart-picked' : 'chart-row' },
    h(
      'div',
      { class: 'chart-line' },
      h('span', { class: 'chart-label' }, b.ban),
      h('span', { class: 'chart-value' }, `${b.done}${b.planned > 0 ? ` (+${b.planned})` : ''}/${b.required}`),
    ),
    h(
      'div',
      { class: 'chart-track' },
      h('span', { class: 'chart-done', attrs: { style: `width:${percent(b.done, b.required)}` } }),
      b.planned > 0 ? h('span', { class: 'chart-planned', attrs: { style: `width:${percent(b.planned, b.required)}` } }) : null,
    ),
    behind.length > 0 ? h('p', { class: 'chart-behind' }, T.chartBehind(behind)) : null,
  );
}

export function banChart(bans: readonly BanProgress[], tiles: readonly Tile[], selected: string, minDays: number): HTMLElement | null {
  const shown = bans.filter((b) => b.required > 0);
  if (shown.length === 0) return null;
  // The note is the visible paragraph after the image, read in its turn.
  const label = `${T.chartTitle}. ${shown.map((b) => T.chartBan(b.ban, b.done, b.planned, b.required, notYet(b, tiles))).join('; ')}.`;
  const rows = shown.map((b) => banRow(b, tiles, selected !== '' && banKey(selected) === banKey(b.ban)));
  const swatch = (cls: string, text: string) => h('span', { class: 'legend-item' }, h('span', { class: `legend-swatch ${cls}` }), text);
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', { class: 'chart-title' }, T.chartTitle, h('span', { class: 'chart-unit' }, ' (ngày)')),
    h('div', { class: 'chart-rows', attrs: { role: 'img', 'aria-label': label } }, rows),
    h(
      'div',
      { class: 'legend', attrs: { 'aria-hidden': 'true' } },
      swatch('chart-done', T.legendDone),
      swatch('chart-planned', T.legendPlanned),
      swatch('chart-track', T.legendMissing),
    ),
    h('p', { class: 'chart-note' }, T.chartNote(minDays)),
  );
}
