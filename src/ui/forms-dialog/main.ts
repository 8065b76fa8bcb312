import type { Quarter } from '../../core/calendar-date';
import { leftOutText } from '../../core/forms/frame';
import { quarterLabel } from '../../core/forms/mau3';
import type { FormCount, FormOptionsPayload, GenerateFormResult } from '../../sheets/pages/forms';
import { call, closeHost } from '../bridge';
import { combobox } from '../shared/combobox';
import { banner, busy, byId, focusOn, h, isBusy, newId, replace, type Child } from '../shared/dom';
import { failureBanner } from '../shared/failure';
import { field, select } from '../shared/form';
import { loadPage } from '../shared/load';
import { formsTexts as T } from './texts';

/**
 * Tạo mẫu 1 / 2 / 3: choose the form and whom it is for (a cadre or a Ban for mẫu 1; a Ban or the province, and a
 * quarter for mẫu 3), see what it will list, generate its tab. A new choice clears the last result; a tab generated
 * before is replaced only once the person says so. Everything fits the 460 × 420 dialog the menu opens.
 */

type Form = 'mau1' | 'mau2' | 'mau3';

const app = byId('app');

function build(options: FormOptionsPayload): void {
  // The menu item that opened the dialog (“Tạo mẫu 1…”, “Tạo mẫu 2…” or “Tạo mẫu 3…”) says which form to start with.
  const asked = (window as { __FORM__?: unknown }).__FORM__;
  const opened: Form = asked === 'mau1' || asked === 'mau2' ? asked : 'mau3';
  const formName = newId('form');
  const radio = (name: string, value: string, label: string, hint: string | null, checked: boolean) => {
    const input = h('input', { attrs: { type: 'radio', name, value, id: newId('r'), checked } });
    const root = h(
      'div',
      { class: 'radio' },
      input,
      h('label', { attrs: { for: input.id } }, hint ? [h('strong', null, label), h('span', { class: 'hint' }, hint)] : label),
    );
    return { input, root };
  };
  const forms = {
    mau1: radio(formName, 'mau1', T.mau1, T.mau1Hint, opened === 'mau1'),
    mau2: radio(formName, 'mau2', T.mau2, T.mau2Hint, opened === 'mau2'),
    mau3: radio(formName, 'mau3', T.mau3, T.mau3Hint, opened === 'mau3'),
  };
  const whoName = newId('who');
  const who = { cadre: radio(whoName, 'cadre', T.oneCadre, null, true), ban: radio(whoName, 'ban', T.wholeBan, null, false) };
  const whoGroup = h('fieldset', { class: 'inline-radios' }, h('legend', null, T.who), who.cadre.root, who.ban.root);

  const cadre = combobox(
    options.cadres.map((c) => ({ label: c.name, detail: c.ban })),
    { none: T.cadreNone, more: T.cadreMore },
  );
  const cadreField = field(T.cadre, cadre.input, null, '', cadre.root);
  const ban = select([{ value: '', label: T.allBans }, ...options.bans.map((b) => ({ value: b, label: b }))]);
  const banField = field(T.ban, ban);
  const quarter = select(
    ([1, 2, 3, 4] as const).map((q) => ({ value: String(q), label: quarterLabel(q, options.year) })),
    String(options.currentQuarter),
  );
  const quarterField = field(T.quarter, quarter);
  const summary = h('div', { class: 'summary', attrs: { role: 'status' } });
  const generate = h('button', { class: 'primary', attrs: { type: 'submit' } }, T.generate);
  const close = h('button', { attrs: { type: 'button' }, on: { click: () => closeHost() } }, T.close);
  const result = h('div', { class: 'result' });
  let warnings: HTMLElement | null = null;
  const note = h('p', { class: 'subtitle note' }, T.note);
  /** An answer (made, replace?, failed) takes the place of the note and the folded warnings: the dialog keeps its 420 px. */
  const answer = (...children: HTMLElement[]) => {
    replace(result, ...children);
    note.hidden = children.length > 0;
    if (warnings) warnings.hidden = children.length > 0;
  };

  function chosen(): { form: Form; byCadre: boolean; ban: string | null; cadre: number | null; quarter: Quarter } {
    const form: Form = forms.mau1.input.checked ? 'mau1' : forms.mau2.input.checked ? 'mau2' : 'mau3';
    return {
      form,
      byCadre: form === 'mau1' && who.cadre.input.checked,
      ban: ban.value === '' ? null : ban.value,
      cadre: cadre.value(),
      quarter: Number(quarter.value) as Quarter,
    };
  }

  function listing(what: string, count: FormCount): Child {
    return count.trips === 0
      ? T.noTrips(what)
      : [`${what} ${T.willList} `, h('strong', null, T.cadres(count.cadres)), ', ', h('strong', null, T.trips(count.trips)), '.'];
  }

  /** Shows the controls the choice needs and says what the form will list; a new choice clears the last result. */
  function render(clear: boolean): void {
    const c = chosen();
    if (clear) answer();
    whoGroup.hidden = c.form !== 'mau1';
    cadreField.root.hidden = !c.byCadre;
    banField.root.hidden = c.byCadre;
    quarterField.root.hidden = c.form !== 'mau3';
    // Mẫu 1 is per person: for a Ban, not the whole province.
    const all = ban.querySelector<HTMLOptionElement>('option[value=""]')!;
    all.hidden = c.form === 'mau1';
    all.disabled = c.form === 'mau1';
    if (c.form === 'mau1' && !c.byCadre && ban.value === '' && options.bans.length > 0) ban.value = options.bans[0]!;
    const now = chosen();
    const scope = options.scopes.find((s) => s.ban === now.ban) ?? options.scopes[0]!;
    const who = now.ban ?? T.province;
    if (now.form === 'mau1') {
      const person = now.cadre === null ? null : options.cadres[now.cadre]!;
      if (now.byCadre) replace(summary, person ? listing(T.whatMau1Cadre(person.name), { cadres: 1, trips: person.trips }) : T.pickCadre);
      else replace(summary, now.ban ? listing(T.whatMau1Ban(now.ban), scope.mau1) : T.pickBan);
    } else if (now.form === 'mau2') replace(summary, listing(T.whatMau2(options.year, who), scope.mau2));
    else replace(summary, listing(T.whatMau3(quarterLabel(now.quarter, options.year), who), scope.mau3[now.quarter - 1]!));
  }

  async function make(replaceTab: boolean): Promise<void> {
    if (isBusy(generate)) return;
    const c = chosen();
    const person = c.byCadre && c.cadre !== null ? options.cadres[c.cadre]! : null;
    if (c.form === 'mau1' && c.byCadre && !person) {
      cadreField.setError(T.pickCadre);
      cadre.input.focus();
      return;
    }
    cadreField.setError(null);
    let made: GenerateFormResult;
    try {
      made = await busy(generate, T.generating, () =>
        call('generateForm', {
          form: c.form,
          ban: c.form === 'mau1' && c.byCadre ? null : c.ban,
          cadre: person ? { name: person.name, ban: person.ban } : null,
          quarter: c.quarter,
          replace: replaceTab,
        }),
      );
    } catch (error) {
      answer(failureBanner(error));
      focusOn(result.firstElementChild as HTMLElement);
      return;
    }
    if (!made.ok) {
      ask(made.existing);
      return;
    }
    const done = banner('success', T.made(made.tabName, made.cadres, made.trips, made.replaced));
    if (made.leftOut.length > 0) answer(done, banner('warning', leftOutText(made.leftOut)));
    else answer(done);
    focusOn(done);
  }

  /**
   * The tab exists: replace it (and what was edited in it by hand)? Keeping it is the primary answer and has the focus;
   * Escape keeps it too.
   */
  function ask(existing: string): void {
    const keep = () => {
      answer();
      generate.focus();
    };
    const yes = h('button', { attrs: { type: 'button' }, on: { click: () => void make(true) } }, T.replace);
    const no = h('button', { class: 'primary', attrs: { type: 'button' }, on: { click: keep } }, T.keep);
    const question = h(
      'div',
      { class: 'banner banner-warning confirm', attrs: { role: 'alert' } },
      h('p', null, T.exists(existing)),
      h('div', { class: 'actions' }, no, yes),
    );
    question.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      // The Escape answers the question and goes no further.
      event.preventDefault();
      event.stopPropagation();
      keep();
    });
    answer(question);
    no.focus();
  }

  for (const input of [forms.mau1.input, forms.mau2.input, forms.mau3.input, who.cadre.input, who.ban.input])
    input.addEventListener('change', () => render(true));
  ban.addEventListener('change', () => render(true));
  quarter.addEventListener('change', () => render(true));
  cadre.onChange(() => {
    cadreField.setError(null);
    render(true);
  });

  const form = h(
    'form',
    {
      attrs: { novalidate: true, 'aria-label': T.formLabel },
      on: {
        submit: (event) => {
          event.preventDefault();
          void make(false);
        },
      },
    },
    h('fieldset', { class: 'form-choice' }, h('legend', null, T.form), forms.mau1.root, forms.mau2.root, forms.mau3.root),
    whoGroup,
    h('div', { class: 'row' }, cadreField.root, banField.root, quarterField.root),
    summary,
    result,
    h('div', { class: 'actions' }, generate, close),
  );
  warnings =
    options.warnings.length > 0
      ? h(
          'details',
          { class: 'banner banner-warning dialog-warnings' },
          h('summary', null, T.warnings(options.warnings.length)),
          h(
            'ul',
            null,
            options.warnings.map((w) => h('li', null, w)),
          ),
        )
      : null;
  replace(app, h('h1', { class: 'visually-hidden' }, T.title), warnings, form, note);
  render(false);
}

loadPage(app, { title: T.title, fetch: () => call('getFormOptions'), show: build });
