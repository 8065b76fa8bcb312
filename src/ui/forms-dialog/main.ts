import type { Quarter } from '../../core/calendar-date';
import { leftOutText } from '../../core/forms/frame';
import { quarterLabel } from '../../core/forms/mau3';
import type { FormCount, FormOptionsPayload, GenerateFormResult } from '../../sheets/pages/forms';
import { call, closeHost } from '../bridge';
import { combobox, type Combobox } from '../shared/combobox';
import { banner, busy, byId, focusOn, h, isBusy, newId, replace, type Child } from '../shared/dom';
import { failureBanner } from '../shared/failure';
import { checkbox, field, select, type Field } from '../shared/form';
import { loadPage } from '../shared/load';
import { formsTexts as T } from './texts';

/**
 * Tạo mẫu 1 / 2 / 3: choose the form and whom it is for (a cadre or a Ban for mẫu 1; a Ban or the province, and a
 * quarter for mẫu 3), see what it will list, generate its tab. A new choice clears the last result; a tab generated
 * before is replaced only once the person says so. Everything fits the 460 × 420 dialog the menu opens.
 */

type Form = 'mau1' | 'mau2' | 'mau3';

const app = byId('app');

/** The dialog's controls and the places its answers go, built once from the server's options. */
interface Dialog {
  options: FormOptionsPayload;
  forms: Record<Form, Radio>;
  who: { cadre: Radio; ban: Radio };
  whoGroup: HTMLElement;
  cadre: Combobox;
  cadreField: Field<HTMLInputElement>;
  ban: HTMLSelectElement;
  banField: Field<HTMLSelectElement>;
  quarter: HTMLSelectElement;
  quarterField: Field<HTMLSelectElement>;
  /** Where the sheet keeps approvals, mẫu 2 lists what the Ban approved; this box lists every registration, marked. */
  mau2All: { root: HTMLElement; control: HTMLInputElement };
  summary: HTMLElement;
  generate: HTMLButtonElement;
  result: HTMLElement;
  note: HTMLElement;
  warnings: HTMLElement | null;
}

interface Radio {
  input: HTMLInputElement;
  root: HTMLElement;
}

interface Choice {
  form: Form;
  byCadre: boolean;
  ban: string | null;
  cadre: number | null;
  quarter: Quarter;
  mau2All: boolean;
}

function build(options: FormOptionsPayload): void {
  const d = dialog(options);
  for (const input of [d.forms.mau1.input, d.forms.mau2.input, d.forms.mau3.input, d.who.cadre.input, d.who.ban.input])
    input.addEventListener('change', () => render(d, true));
  d.ban.addEventListener('change', () => render(d, true));
  d.quarter.addEventListener('change', () => render(d, true));
  d.mau2All.control.addEventListener('change', () => render(d, true));
  d.cadre.onChange(() => {
    d.cadreField.setError(null);
    render(d, true);
  });
  const form = formOf(d);
  d.warnings = warningsOf(options.warnings);
  replace(app, h('h1', { class: 'visually-hidden' }, T.title), d.warnings, form, d.note);
  render(d, false);
}

function radio(name: string, value: string, label: string, hint: string | null, checked: boolean): Radio {
  const input = h('input', { attrs: { type: 'radio', name, value, id: newId('r'), checked } });
  const root = h(
    'div',
    { class: 'radio' },
    input,
    h('label', { attrs: { for: input.id } }, hint ? [h('strong', null, label), h('span', { class: 'hint' }, hint)] : label),
  );
  return { input, root };
}

function dialog(options: FormOptionsPayload): Dialog {
  // The menu item that opened the dialog (“Tạo mẫu 1…”, “Tạo mẫu 2…” or “Tạo mẫu 3…”) says which form to start with.
  const asked = (window as { __FORM__?: unknown }).__FORM__;
  const opened: Form = asked === 'mau1' || asked === 'mau2' ? asked : 'mau3';
  const formName = newId('form');
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
  const mau2All = checkbox(T.mau2All, false);
  const summary = h('div', { class: 'summary', attrs: { role: 'status' } });
  const generate = h('button', { class: 'primary', attrs: { type: 'submit' } }, T.generate);
  const result = h('div', { class: 'result' });
  const note = h('p', { class: 'subtitle note' }, T.note);
  return { options, forms, who, whoGroup, cadre, cadreField, ban, banField, quarter, quarterField, mau2All, summary, generate, result, note, warnings: null };
}

/** An answer (made, replace?, failed) takes the place of the note and the folded warnings: the dialog keeps its 420 px. */
function answer(d: Dialog, ...children: HTMLElement[]): void {
  replace(d.result, ...children);
  d.note.hidden = children.length > 0;
  if (d.warnings) d.warnings.hidden = children.length > 0;
}

function chosen(d: Dialog): Choice {
  const form: Form = d.forms.mau1.input.checked ? 'mau1' : d.forms.mau2.input.checked ? 'mau2' : 'mau3';
  return {
    form,
    byCadre: form === 'mau1' && d.who.cadre.input.checked,
    ban: d.ban.value === '' ? null : d.ban.value,
    cadre: d.cadre.value(),
    quarter: Number(d.quarter.value) as Quarter,
    mau2All: d.mau2All.control.checked,
  };
}

function listing(what: string, count: FormCount): Child {
  return count.trips === 0
    ? T.noTrips(what)
    : [`${what} ${T.willList} `, h('strong', null, T.cadres(count.cadres)), ', ', h('strong', null, T.trips(count.trips)), '.'];
}

/** Shows the controls the choice needs and says what the form will list; a new choice clears the last result. */
function render(d: Dialog, clear: boolean): void {
  const { options, ban } = d;
  const c = chosen(d);
  if (clear) answer(d);
  d.whoGroup.hidden = c.form !== 'mau1';
  d.cadreField.root.hidden = !c.byCadre;
  d.banField.root.hidden = c.byCadre;
  d.quarterField.root.hidden = c.form !== 'mau3';
  d.mau2All.root.hidden = c.form !== 'mau2' || !options.approvalsKept;
  // Mẫu 1 is per person: for a Ban, not the whole province.
  const all = ban.querySelector<HTMLOptionElement>('option[value=""]')!;
  all.hidden = c.form === 'mau1';
  all.disabled = c.form === 'mau1';
  if (c.form === 'mau1' && !c.byCadre && ban.value === '' && options.bans.length > 0) ban.value = options.bans[0]!;
  replace(d.summary, summaryOf(options, chosen(d)));
}

/** What the chosen form will list, or what is still to choose. */
function summaryOf(options: FormOptionsPayload, now: Choice): Child {
  const scope = options.scopes.find((s) => s.ban === now.ban) ?? options.scopes[0]!;
  const who = now.ban ?? T.province;
  if (now.form === 'mau1') {
    const person = now.cadre === null ? null : options.cadres[now.cadre]!;
    if (now.byCadre) return person ? listing(T.whatMau1Cadre(person.name), { cadres: 1, trips: person.trips }) : T.pickCadre;
    return now.ban ? listing(T.whatMau1Ban(now.ban), scope.mau1) : T.pickBan;
  }
  if (now.form === 'mau2') {
    const all = now.mau2All && options.approvalsKept;
    const what = !options.approvalsKept ? T.whatMau2 : all ? T.whatMau2All : T.whatMau2Approved;
    return listing(what(options.year, who), all ? scope.mau2All : scope.mau2);
  }
  return listing(T.whatMau3(quarterLabel(now.quarter, options.year), who), scope.mau3[now.quarter - 1]!);
}

async function make(d: Dialog, replaceTab: boolean): Promise<void> {
  if (isBusy(d.generate)) return;
  const c = chosen(d);
  const person = c.byCadre && c.cadre !== null ? d.options.cadres[c.cadre]! : null;
  if (c.form === 'mau1' && c.byCadre && !person) {
    d.cadreField.setError(T.pickCadre);
    d.cadre.input.focus();
    return;
  }
  d.cadreField.setError(null);
  let made: GenerateFormResult;
  try {
    made = await busy(d.generate, T.generating, () =>
      call('generateForm', {
        form: c.form,
        ban: c.form === 'mau1' && c.byCadre ? null : c.ban,
        cadre: person ? { name: person.name, ban: person.ban } : null,
        quarter: c.quarter,
        mau2: c.mau2All ? 'all' : 'approved',
        replace: replaceTab,
      }),
    );
  } catch (error) {
    answer(d, failureBanner(error));
    focusOn(d.result.firstElementChild as HTMLElement);
    return;
  }
  if (!made.ok) {
    ask(d, made.existing);
    return;
  }
  const done = banner('success', T.made(made.tabName, made.cadres, made.trips, made.replaced));
  if (made.leftOut.length > 0) answer(d, done, banner('warning', leftOutText(made.leftOut)));
  else answer(d, done);
  focusOn(done);
}

/**
 * The tab exists: replace it (and what was edited in it by hand)? Keeping it is the primary answer and has the focus;
 * Escape keeps it too.
 */
function ask(d: Dialog, existing: string): void {
  const keep = () => {
    answer(d);
    d.generate.focus();
  };
  const yes = h('button', { attrs: { type: 'button' }, on: { click: () => void make(d, true) } }, T.replace);
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
  answer(d, question);
  no.focus();
}

function formOf(d: Dialog): HTMLElement {
  const close = h('button', { attrs: { type: 'button' }, on: { click: () => closeHost() } }, T.close);
  return h(
    'form',
    {
      attrs: { novalidate: true, 'aria-label': T.formLabel },
      on: {
        submit: (event) => {
          event.preventDefault();
          void make(d, false);
        },
      },
    },
    h('fieldset', { class: 'form-choice' }, h('legend', null, T.form), d.forms.mau1.root, d.forms.mau2.root, d.forms.mau3.root),
    d.whoGroup,
    h('div', { class: 'row' }, d.cadreField.root, d.banField.root, d.quarterField.root, d.mau2All.root),
    d.summary,
    d.result,
    h('div', { class: 'actions' }, d.generate, close),
  );
}

/** The settings' problems, folded into one line above the form; null when there are none. */
function warningsOf(warnings: readonly string[]): HTMLElement | null {
  if (warnings.length === 0) return null;
  return h(
    'details',
    { class: 'banner banner-warning dialog-warnings' },
    h('summary', null, T.warnings(warnings.length)),
    h(
      'ul',
      null,
      warnings.map((w) => h('li', null, w)),
    ),
  );
}

loadPage(app, { title: T.title, fetch: () => call('getFormOptions'), show: build });
