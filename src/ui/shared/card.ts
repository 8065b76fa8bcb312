import type { ProgressEntry } from '../../sheets/pages/progress';
import { h } from './dom';

/** The card's own words (the verdict itself is the roster's: ProgressEntry.verdictLabel). */
const cardTexts = {
  selectTitle: 'Chọn các dòng của cán bộ này trong tab Đi cơ sở',
  days: ' ngày',
  planned: (days: number) => ` (+${days} dự kiến)`,
  bar: (done: number, required: number, planned: number) => `Đã đi ${done}/${required} ngày${planned > 0 ? `, đăng ký thêm ${planned} ngày` : ''}`,
  rounds: (label: string) => `Đợt ${label}: `,
  roundsShort: 'đợt',
  approvals: 'Đăng ký: ',
} as const;

export interface CardOptions {
  roundsLabel: string;
  /** The name's heading level: the page's outline decides (h2 in Tiến độ's list, h3 under a section's h2). */
  heading?: 'h2' | 'h3';
  /** Makes the name a button (selecting the cadre's rows in the trips tab). */
  onSelect?: (e: ProgressEntry, card: HTMLElement) => void;
}

/** The name (a button when cards can be selected) and the one verdict chip: the same on both kinds of card. */
function cardHead(e: ProgressEntry, options: CardOptions, card: () => HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'card-head' },
    h(options.heading ?? 'h3', { class: 'card-title' }, nameOf(e, options, card)),
    // The sheet's colours, by the verdict's tone: red short of days or failed, orange short of rounds, grey exempt.
    h('span', { class: `chip chip-${e.tone}` }, e.verdictLabel),
  );
}

function nameOf(e: ProgressEntry, options: CardOptions, card: () => HTMLElement): HTMLElement {
  return options.onSelect
    ? h(
        'button',
        { class: 'card-name link', attrs: { type: 'button', title: cardTexts.selectTitle }, on: { click: () => options.onSelect!(e, card()) } },
        e.name,
      )
    : h('span', { class: 'card-name' }, e.name);
}

/** The days bar: done solid, registered ahead lighter, on a track as long as the required days. */
function daysBar(e: ProgressEntry): HTMLElement {
  const required = Math.max(e.requiredDays, 1);
  const donePct = Math.min(100, (e.daysDone / required) * 100);
  const plannedPct = Math.max(0, Math.min(100, (e.daysProjected / required) * 100) - donePct);
  const planned = Math.max(0, e.daysProjected - e.daysDone);
  return h(
    'div',
    { class: 'bar', attrs: { role: 'img', 'aria-label': cardTexts.bar(e.daysDone, e.requiredDays, planned) } },
    h('span', { class: 'bar-done', attrs: { style: `width:${donePct.toFixed(1)}%` } }),
    h('span', { class: 'bar-planned', attrs: { style: `width:${plannedPct.toFixed(1)}%` } }),
  );
}

/**
 * One cadre's progress: one verdict (the chip, in the roster's words: the year-end verdict from the period's last day),
 * the days bar (done, and registered ahead: the one forecast), rounds, and the reasons.
 */
export function progressCard(e: ProgressEntry, options: CardOptions): HTMLElement {
  const exempt = e.verdict === 'exempt';
  let card: HTMLElement | null = null;
  const children: HTMLElement[] = [cardHead(e, options, () => card!), h('div', { class: 'card-sub' }, `${e.ban} · ${e.groupLabel}`)];
  if (!exempt) {
    const planned = Math.max(0, e.daysProjected - e.daysDone);
    children.push(
      daysBar(e),
      h(
        'div',
        { class: 'card-stats' },
        h('span', null, h('strong', null, `${e.daysDone}/${e.requiredDays}`), cardTexts.days, planned > 0 ? cardTexts.planned(planned) : ''),
        e.roundsRequired > 0 ? h('span', null, cardTexts.rounds(options.roundsLabel), h('strong', null, `${e.roundsDone}/${e.roundsRequired}`)) : null,
      ),
    );
  }
  if (e.approvals.length > 0)
    children.push(h('p', { class: 'card-approvals' }, `${cardTexts.approvals}${e.approvals.map((a) => `${a.label} ${a.count}`).join(' · ')}`));
  if (e.reasons.length > 0)
    children.push(
      h(
        'ul',
        { class: 'reasons' },
        e.reasons.map((r) => h('li', null, r)),
      ),
    );
  card = h('article', { class: `card card-tone-${e.tone}`, attrs: { 'data-cadre': e.id, 'aria-label': e.name } }, children);
  return card;
}

/** The compact row of the list mode: name, verdict, and one line of numbers with a thin bar. */
export function compactCard(e: ProgressEntry, options: CardOptions): HTMLElement {
  let card: HTMLElement | null = null;
  const planned = Math.max(0, e.daysProjected - e.daysDone);
  const numbers =
    e.verdict === 'exempt'
      ? e.ban
      : `${e.daysDone}/${e.requiredDays}${cardTexts.days}${planned > 0 ? ` +${planned}` : ''}` +
        (e.roundsRequired > 0 ? ` · ${cardTexts.roundsShort} ${e.roundsDone}/${e.roundsRequired}` : '');
  card = h(
    'article',
    { class: `card card-compact card-tone-${e.tone}`, attrs: { 'data-cadre': e.id, 'aria-label': e.name } },
    cardHead(e, options, () => card!),
    h(
      'div',
      { class: 'compact-line', attrs: { title: planned > 0 ? cardTexts.bar(e.daysDone, e.requiredDays, planned) : null } },
      e.verdict === 'exempt' ? null : daysBar(e),
      h('span', { class: 'compact-numbers' }, numbers),
    ),
  );
  return card;
}
