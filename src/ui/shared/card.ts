import type { ProgressEntry } from '../../sheets/pages/progress';
import { h } from './dom';

/** The chip colour of each status (the sheet's colours: red short of days, orange short of rounds, grey exempt). */
export const STATUS_CLASS: Record<ProgressEntry['status'], string> = {
  ok: 'chip-ok',
  'short-days': 'chip-days',
  'short-rounds': 'chip-rounds',
  'short-both': 'chip-both',
  exempt: 'chip-exempt',
};

/** One cadre's progress: the days bar (done solid, planned lighter), rounds, status, rating, reasons, forecast. */
export function progressCard(e: ProgressEntry, options: { roundsLabel: string; onSelect?: (e: ProgressEntry) => void }): HTMLElement {
  const exempt = e.status === 'exempt';
  const title = options.onSelect
    ? h(
        'button',
        {
          class: 'card-name link',
          attrs: { type: 'button', title: 'Chọn các dòng của cán bộ này trong tab Đi cơ sở' },
          on: { click: () => options.onSelect!(e) },
        },
        e.name,
      )
    : h('span', { class: 'card-name' }, e.name);
  const children: HTMLElement[] = [
    h('div', { class: 'card-head' }, h('h3', { class: 'card-title' }, title), h('span', { class: `chip ${STATUS_CLASS[e.status]}` }, e.statusLabel)),
    h('div', { class: 'card-sub' }, `${e.ban} · ${e.groupLabel}`),
  ];
  if (!exempt) {
    const required = Math.max(e.requiredDays, 1);
    const donePct = Math.min(100, (e.daysDone / required) * 100);
    const plannedPct = Math.max(0, Math.min(100, (e.daysProjected / required) * 100) - donePct);
    const planned = Math.max(0, e.daysProjected - e.daysDone);
    children.push(
      h(
        'div',
        {
          class: 'bar',
          attrs: {
            role: 'img',
            'aria-label': `Đã đi ${e.daysDone}/${e.requiredDays} ngày${planned > 0 ? `, đăng ký thêm ${planned} ngày` : ''}`,
          },
        },
        h('span', { class: 'bar-done', attrs: { style: `width:${donePct.toFixed(1)}%` } }),
        h('span', { class: 'bar-planned', attrs: { style: `width:${plannedPct.toFixed(1)}%` } }),
      ),
      h(
        'div',
        { class: 'card-stats' },
        h('span', null, h('strong', null, `${e.daysDone}/${e.requiredDays}`), ' ngày', planned > 0 ? ` (+${planned} dự kiến)` : ''),
        e.roundsRequired > 0 ? h('span', null, `Đợt ${options.roundsLabel}: `, h('strong', null, `${e.roundsDone}/${e.roundsRequired}`)) : null,
      ),
    );
  }
  if (e.ratingLabel) children.push(h('div', { class: 'card-rating' }, 'Xếp loại: ', h('strong', { class: `rating-${e.rating}` }, e.ratingLabel)));
  if (e.reasons.length > 0) children.push(h('ul', { class: 'reasons' }, e.reasons.map((r) => h('li', null, r))));
  if (e.forecast) children.push(h('p', { class: 'forecast' }, e.forecast));
  return h('article', { class: `card card-${e.status}`, attrs: { 'data-cadre': e.id } }, children);
}
