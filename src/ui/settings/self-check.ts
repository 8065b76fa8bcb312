import type { Probe, SelfCheckView, TriggerContext } from '../../sheets/pages/self-check';
import { call } from '../bridge';
import { busy, emailAddress, h, isBusy, replace } from '../shared/dom';
import { failureBanner } from '../shared/failure';
import { selfCheckTexts as T } from './texts';

/**
 * The settings page's "Kiểm tra môi trường" section: what the self-check (menu Trợ giúp) last found in this
 * spreadsheet, probe by probe, with what to do for each that failed, and what the time-driven run a minute later (or
 * the daily schedule) could reach. Loaded after the page, like the schedule; "Xem lại" reloads it.
 */

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
}

function mark(ok: boolean | null): string {
  return ok === null ? T.pending : ok ? T.passed : T.failed;
}

function item(ok: boolean | null, title: string, detail: string, advice: string): HTMLElement {
  return h(
    'li',
    { class: `self-check-item ${ok === null ? 'is-pending' : ok ? 'is-ok' : 'is-failed'}` },
    h('div', { class: 'self-check-title' }, `${mark(ok)} ${title}`),
    h('div', null, detail),
    ok === false && advice ? h('div', { class: 'hint' }, T.advice(advice)) : null,
  );
}

function triggerItem(probe: Probe | undefined, trigger: TriggerContext | null): HTMLElement | null {
  if (trigger) return item(trigger.ok, probe?.title ?? T.triggerTitle, `${T.triggerWhen(when(trigger.at), trigger.source)} ${trigger.detail}`, trigger.advice);
  return probe ? item(probe.ok, probe.title, probe.detail, probe.advice) : null;
}

/** The stored result in `box`, with “Xem lại”, which reads it again. */
function show(box: HTMLElement, view: SelfCheckView): void {
  const reload = h(
    'button',
    {
      attrs: { type: 'button' },
      on: {
        click: (event) => {
          const button = event.currentTarget as HTMLButtonElement;
          if (!isBusy(button)) void busy(button, T.reloading, () => load(box));
        },
      },
    },
    T.reload,
  );
  if (!view.report) {
    replace(box, h('p', { class: 'hint' }, T.never), view.trigger ? h('ul', { class: 'self-check-list' }, triggerItem(undefined, view.trigger)) : null, reload);
    return;
  }
  const probes = view.report.probes;
  const failed = probes.filter((p) => p.ok === false).length + (view.trigger && !view.trigger.ok ? 1 : 0);
  replace(
    box,
    h(
      'p',
      { class: 'hint', attrs: { role: 'status' } },
      T.ranAt(when(view.report.at), view.report.by !== ''),
      view.report.by ? emailAddress(view.report.by, 'hint-address') : null,
      T.ranResult(failed),
    ),
    h(
      'ul',
      { class: 'self-check-list' },
      probes.map((p) => (p.id === 'trigger' ? triggerItem(p, view.trigger) : item(p.ok, p.title, p.detail, p.advice))),
    ),
    reload,
  );
}

async function load(box: HTMLElement): Promise<void> {
  try {
    show(box, await call('getSelfCheck'));
  } catch (error) {
    replace(
      box,
      failureBanner(error, () => void load(box)),
    );
  }
}

/** The section, filled once the stored result arrives. */
export function selfCheckSection(): HTMLElement {
  const box = h('div', { class: 'self-check-box' }, h('p', { class: 'hint', attrs: { role: 'status' } }, T.loading));
  void load(box);
  return h('section', { class: 'section', attrs: { 'aria-labelledby': 'sec-self-check' } }, h('h2', { attrs: { id: 'sec-self-check' } }, T.title), box);
}
