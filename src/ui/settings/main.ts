import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import { parseDayFirstDate } from '../../core/date-parse';
import { splitEmailList } from '../../core/email/recipients';
import type { SettingsInput } from '../../core/settings';
import { checkSettingsInput } from '../../core/settings-check';
import {
  formatMonthDay,
  PAGE_SECTIONS,
  parseMonthDay,
  SCHEDULE_SWITCH,
  SETTING_FIELDS,
  type PageControl,
  type PageSection,
  type SettingField,
} from '../../core/settings-fields';
import type { ScheduleFailure, ScheduleStatus } from '../../sheets/schedule-status';
import type { PresetOption, SettingsPagePayload, TabSetting } from '../../sheets/pages/settings';
import { call } from '../bridge';
import { banner, busy, byId, emailAddress, focusOn, h, isBusy, replace } from '../shared/dom';
import { failureBanner } from '../shared/failure';
import { checkbox, field, pair, select, textInput, type Field } from '../shared/form';
import { loadPage } from '../shared/load';
import { selfCheckSection } from './self-check';
import { SECTION_INTROS, settingsTexts as T } from './texts';

/**
 * Cài đặt: the stored settings, checked with checkSettingsInput (SettingsSchema and the preset), the check the server
 * makes before saving. A field is checked when it is left, never while typing. A setting the Cài đặt tab sets is shown
 * read-only, marked as the tab's: saving here would not apply. Save is always there, in a bar that stays in view with
 * the fields still wrong; it saves every valid value and names each one it kept (the server's answer).
 */

const app = byId('app');

/** Space kept between a focused control and the save bar (or the top of the sidebar). */
const FOCUS_MARGIN = 8;

const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDayFirst(iso as CalendarDate) : iso);

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The page's controls, from the settings table (core/settings-fields.ts): the schedule's switch, then each setting. */
const CONTROLS: readonly PageControl[] = [SCHEDULE_SWITCH, ...SETTING_FIELDS.flatMap((f) => f.page ?? [])];
/** The setting each control belongs to: a `tab-text` control is read and shown by its field's own codec. */
const FIELD_OF = new Map<string, SettingField>(SETTING_FIELDS.flatMap((f) => (f.page ?? []).map((c) => [c.path, f] as const)));
const LEADER_PATH = 'recipients.banLeaders.';
/** The characters a placeholder shows whole in a 300 px sidebar at twice the text size. */
const PLACEHOLDER_FITS = 16;

function valueAt(root: unknown, path: string): unknown {
  const keys = path.startsWith(LEADER_PATH) ? ['recipients', 'banLeaders', path.slice(LEADER_PATH.length)] : path.split('.');
  return keys.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** Sets (or, with undefined, deletes) the value at a dotted path, copying the objects on the way. */
function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.startsWith(LEADER_PATH) ? ['recipients', 'banLeaders', path.slice(LEADER_PATH.length)] : path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = { ...((node[key] as Record<string, unknown> | undefined) ?? {}) };
    node[key] = next;
    node = next;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * A `tab-text` control's lines, read as the Cài đặt tab reads its cell: blank is the preset's; what cannot be read keeps
 * the stored value, with the reader's message.
 */
function readTabText(input: Record<string, unknown>, spec: PageControl, text: string, local: Record<string, string>): void {
  const field = FIELD_OF.get(spec.path)!;
  if (text === '') {
    for (const path of field.paths) setAt(input, path, undefined);
    return;
  }
  const read = field.read(text.split(/\n+/).join('; '), 'Asia/Ho_Chi_Minh');
  if (!read.ok) {
    local[spec.path] = read.message;
    return;
  }
  for (const [key, value] of Object.entries(read.patch.overrides ?? {})) setAt(input, `overrides.${key}`, value);
}

/** One control, built: a labelled field or a checkbox, editable or (set by the Cài đặt tab) read-only. */
interface Built {
  path: string;
  spec: PageControl | null;
  label: string;
  field: Field<Control> | null;
  box: HTMLInputElement | null;
  root: HTMLElement;
  /** The Cài đặt tab's row that sets it, if any. */
  tab: TabSetting | null;
}

/** Cài đặt's state: what the server gave it, the form built from that, the email schedule, and the problems shown. */
interface SettingsState {
  /** The payload; its stored settings are replaced by what each save stored. */
  page: SettingsPagePayload;
  /** The daily email trigger's state: loaded after the page, never holding it up. */
  schedule: ScheduleStatus | null;
  /** The outcome of the last "Gửi bù", shown above the schedule until the page is reloaded. */
  scheduleNotice: HTMLElement | null;
  /** The problems beside their fields now, by path: while typing, one only goes once fixed (see recheck). */
  shownErrors: Record<string, string>;
  dom: SettingsDom;
}

/** The form as built from the payload (one page, one form). */
interface SettingsDom {
  /** The table's controls: the schedule's switch, then each setting. */
  built: Built[];
  presetBuilt: Built;
  /** Each Ban's leader's address. */
  leaders: Built[];
  /** The table's controls, then the leaders': the page's order. */
  all: Built[];
  byPath: Map<string, Built>;
  /** Where a rule spanning several overrides says its problem (the check's `overrides` path), above the rules. */
  overridesError: HTMLElement;
  saveButton: HTMLButtonElement;
  /** The bar's list of fields still wrong. */
  summary: HTMLElement;
  /** The bar's answer to a save. */
  status: HTMLElement;
  messagesBox: HTMLElement;
  bar: HTMLElement;
  scheduleBox: HTMLElement;
}

/** A value as the page shows it in a text box. */
function shown(spec: PageControl, value: unknown, presets: readonly PresetOption[]): string {
  if (value === null || value === undefined || value === '') return '';
  switch (spec.input.kind) {
    case 'month-day':
      return typeof value === 'string' ? formatMonthDay(value) : '';
    case 'date':
      return typeof value === 'string' ? formatDayFirst(value as CalendarDate) : '';
    case 'preset':
      return presets.find((p) => p.id === value)?.title ?? String(value);
    case 'yes-no':
      return value === true ? spec.input.yes : spec.input.no;
    case 'emails':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'choice':
      return spec.input.options.find((o) => o.value === value)?.label ?? String(value);
    default:
      return String(value);
  }
}

function buildControl(page: SettingsPagePayload, spec: PageControl, stored: unknown, tab: TabSetting | null): Built {
  const input = spec.input;
  const base = { path: spec.path, spec, label: spec.label, tab };
  const fromTab = tab && page.tab ? T.fromTab(page.tab.name, tab.row, tab.key) : null;
  if (input.kind === 'checkbox') {
    const box = checkbox(spec.label, (tab ? valueAt(page.effective, spec.path) : stored) === true);
    if (tab) {
      box.control.disabled = true;
      box.root.append(h('div', { class: 'hint from-tab' }, fromTab));
    }
    return { ...base, field: null, box: box.control, root: box.root };
  }
  let control: Control;
  if (tab) {
    // What applies, read-only: the tab's value, shown as this field shows values.
    const value =
      input.kind === 'tab-text' ? (FIELD_OF.get(spec.path)?.stored?.(page.effective) ?? '') : shown(spec, valueAt(page.effective, spec.path), page.presets);
    control = textInput({ value, readonly: true });
    const f = field(spec.label, control, fromTab, 'from-tab');
    return { ...base, field: f, box: null, root: f.root };
  }
  switch (input.kind) {
    case 'text':
      control = textInput({ value: shown(spec, stored, page.presets), maxlength: input.maxLength, placeholder: input.placeholder });
      break;
    case 'integer':
    case 'month-day':
    case 'date':
      control = textInput({ value: shown(spec, stored, page.presets), inputmode: 'numeric', placeholder: input.placeholder });
      break;
    case 'preset':
      control = select(
        page.presets.map((p) => ({ value: p.id, label: p.title })),
        String(stored),
      );
      break;
    case 'yes-no':
      // Its options name the preset's value: filled by showPresetDefaults.
      control = select([], stored === undefined ? '' : String(stored));
      break;
    case 'choice':
      // The first option names the preset's value: filled by showPresetDefaults.
      control = select([{ value: '', label: '' }, ...input.options], stored === undefined ? '' : String(stored));
      break;
    case 'emails':
      control = h('textarea', { attrs: { rows: 2, spellcheck: 'false' } });
      control.value = Array.isArray(stored) ? stored.join('\n') : '';
      break;
    case 'tab-text':
      control = h('textarea', { attrs: { rows: 2, spellcheck: 'false' } });
      control.value = (FIELD_OF.get(spec.path)?.stored?.(page.settings) ?? '').split('; ').join('\n');
      break;
  }
  const f = field(spec.label, control, spec.hint ?? null);
  return { ...base, field: f, box: null, root: f.root };
}

/** The page's state as it opens: the form built from the payload, no problem shown, the schedule not loaded yet. */
function settingsState(page: SettingsPagePayload): SettingsState {
  const tabRow = (path: string) => page.tab?.rows.find((r) => r.paths.includes(path)) ?? null;
  const built = CONTROLS.map((spec) => buildControl(page, spec, valueAt(page.settings, spec.path), tabRow(spec.path)));
  const leaders = page.bans.map((b) => leaderControl(page, b, tabRow));
  const all = [...built, ...leaders];
  const saveButton = h('button', { class: 'primary', attrs: { type: 'button' } }, T.save);
  const summary = h('div', { class: 'bar-summary' });
  const status = h('div', { class: 'bar-status', attrs: { role: 'status' } });
  // The messages scroll within a capped height above Save, so the bar stays small and Save in view at any zoom.
  // The answer to a save comes first: it is what the person reads after pressing Lưu, at any zoom.
  const messagesBox = h('div', { class: 'bar-messages' }, status, summary);
  const bar = h('div', { class: 'action-bar' }, messagesBox, h('div', { class: 'actions' }, saveButton));
  return {
    page,
    schedule: null,
    scheduleNotice: null,
    shownErrors: {},
    dom: {
      built,
      presetBuilt: built.find((b) => b.spec?.input.kind === 'preset')!,
      leaders,
      all,
      byPath: new Map(all.map((b) => [b.path, b])),
      overridesError: h('div'),
      saveButton,
      summary,
      status,
      messagesBox,
      bar,
      scheduleBox: h('div', { class: 'schedule-box' }),
    },
  };
}

function build(payload: SettingsPagePayload): SettingsState {
  const state = settingsState(payload);
  const { page } = state;
  state.dom.saveButton.addEventListener('click', () => void save(state));

  const form = formElement(state);
  const warnings =
    page.warnings.length > 0
      ? banner(
          'warning',
          h(
            'ul',
            null,
            page.warnings.map((w) => h('li', null, w)),
          ),
        )
      : null;
  const tabNote = page.tab && page.tab.rows.length > 0 ? banner('info', T.fromTabNote(page.tab.name)) : null;
  replace(app, h('h1', null, T.title), h('p', { class: 'subtitle' }, T.subtitle), warnings, tabNote, form, selfCheckSection());
  showPresetDefaults(state);
  applySwitches(state.dom);
  showSchedule(state);
  return state;
}

async function save(state: SettingsState): Promise<void> {
  const { saveButton, status, messagesBox, all, byPath } = state.dom;
  if (isBusy(saveButton)) return;
  const { input, local, typed } = problems(state);
  const result = await busy(saveButton, T.saving, () => call('saveSettingsPage', input)).catch((error: unknown) => {
    replace(status, failureBanner(error));
    return null;
  });
  if (!result) return;
  state.page = { ...state.page, settings: result.settings };
  // What the page could not even read was sent as the stored value: it was not saved either.
  const notSaved: Record<string, string> = { ...local, ...result.notSaved };
  const place = (path: string) =>
    byPath.has(path) ? all.indexOf(byPath.get(path)!) : path === 'overrides' ? all.findIndex((b) => b.path.startsWith('overrides.')) - 0.5 : all.length;
  const paths = Object.keys(notSaved).sort((a, b) => place(a) - place(b));
  // A list of addresses keeps its good ones: its message names the bad ones, not the whole text typed.
  const typedOf = (path: string) => (path === 'recipients.btcKt' ? '' : (typed[path] ?? ''));
  const messages = Object.fromEntries(paths.map((path) => [path, T.notSaved(typedOf(path), notSaved[path]!, keptText(state, path, result.settings))]));
  showErrors(state, messages, false);
  const answer =
    paths.length > 0
      ? banner(
          'warning',
          h(
            'div',
            null,
            h('p', null, T.savedExcept(paths.length)),
            h(
              'ul',
              null,
              paths.map((path) => h('li', null, fieldLink(state.dom, path), `: ${messages[path]}`)),
            ),
          ),
        )
      : banner('success', T.saved);
  // Read first (the bar shows it at its top; a screen reader hears the status region), the focus left on Lưu.
  replace(status, answer);
  messagesBox.scrollTop = 0;
  // Saving the choice is not enough: the daily trigger must be installed or removed for this user.
  const wanted = result.settings.schedule.enabled;
  const schedule = state.schedule;
  if (!schedule || (schedule.enabled === wanted && schedule.installed === wanted)) return;
  try {
    state.schedule = await call('setSchedule', wanted);
    showSchedule(state);
    if (paths.length === 0) replace(status, banner('success', wanted ? T.scheduleOn : T.scheduleOff));
  } catch (error) {
    replace(status, failureBanner(error));
  }
}

/** A Ban leader's address: the roster's unless one is typed here, or read-only when the Cài đặt tab sets it. */
function leaderControl(page: SettingsPagePayload, b: SettingsPagePayload['bans'][number], tabRow: (path: string) => TabSetting | null): Built {
  const path = LEADER_PATH + b.ban;
  const tab = tabRow(path);
  const hint = b.rosterEmail
    ? h('span', null, T.leaderFromRoster(b.leaderName), emailAddress(b.rosterEmail, 'hint-address'), '.')
    : b.leaderName
      ? T.leaderNoEmail(b.leaderName)
      : T.leaderMissing;
  const input = tab
    ? textInput({ type: 'email', value: String(valueAt(page.effective, path) ?? ''), readonly: true })
    : textInput({ type: 'email', value: b.override, spellcheck: 'false', placeholder: 'email@…' });
  const f = field(b.ban, input, tab && page.tab ? T.fromTab(page.tab.name, tab.row, tab.key) : hint, tab ? 'ban-leader from-tab' : 'ban-leader');
  return { path, spec: null, label: b.ban, field: f, box: null, root: f.root, tab };
}

/** The form: its sections over the bar; Enter does not save; a control focused under the bar is brought above it. */
function formElement(state: SettingsState): HTMLFormElement {
  const { dom } = state;
  const form = h(
    'form',
    {
      attrs: { novalidate: true, 'aria-label': T.formLabel },
      on: {
        // Enter in a box does not save: Save is the button's job (a half-typed value must not be sent by a key).
        submit: (event) => event.preventDefault(),
        keydown: (event) => {
          const target = event.target as HTMLElement;
          if (event.key === 'Enter' && target instanceof HTMLInputElement) event.preventDefault();
        },
        input: () => recheck(state, true),
        change: (event) => {
          if (event.target === dom.presetBuilt.field?.control) showPresetDefaults(state);
          if ((event.target as HTMLInputElement).type === 'checkbox') applySwitches(dom);
          recheck(state, false);
        },
      },
    },
    (Object.keys(PAGE_SECTIONS) as PageSection[]).map((id) => section(dom, id)),
    dom.bar,
  );
  // The bar covers the bottom of the sidebar: a control focused under it (by Tab, a link of the bar, a click) is
  // scrolled to just above it.
  form.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    if (dom.bar.contains(target)) return;
    const room = dom.bar.getBoundingClientRect().top - FOCUS_MARGIN;
    const box = target.getBoundingClientRect();
    if (box.bottom > room) window.scrollBy(0, Math.min(box.bottom - room, box.top - FOCUS_MARGIN));
  });
  return form;
}

function preset(state: SettingsState): PresetOption {
  const { page } = state;
  const { presetBuilt } = state.dom;
  const control = presetBuilt.field!.control;
  const id = presetBuilt.tab ? String(valueAt(page.effective, 'preset')) : control.value;
  return page.presets.find((p) => p.id === id) ?? page.presets[0]!;
}

/** The preset's values as placeholders and as the "Theo bộ quy định" choice: what a blank override means. */
function showPresetDefaults(state: SettingsState): void {
  const { built, presetBuilt } = state.dom;
  const p = preset(state);
  const d = p.defaults;
  if (!presetBuilt.tab) presetBuilt.field!.setHint(p.source);
  for (const { spec, field: f, tab } of built) {
    if (!f || !spec?.blank || tab) continue;
    const value = d[spec.blank];
    if (spec.input.kind === 'choice') {
      const first = (f.control as HTMLSelectElement).options[0];
      if (first) first.textContent = T.presetChoice(String(value));
    } else if (spec.input.kind === 'yes-no') {
      const control = f.control as HTMLSelectElement;
      const keep = control.value;
      replace(
        control,
        h('option', { attrs: { value: '' } }, T.presetChoice(value ? spec.input.presetYes : spec.input.presetNo)),
        h('option', { attrs: { value: 'true' } }, spec.input.yes),
        h('option', { attrs: { value: 'false' } }, spec.input.no),
      );
      control.value = keep;
    } else {
      // What a blank box means goes in the box when it fits at twice the text size, else under it (never cut).
      const meaning = value === null ? T.noLimit : String(value);
      const fits = meaning.length <= PLACEHOLDER_FITS;
      (f.control as HTMLInputElement).placeholder = fits ? meaning : '';
      if (!fits && !spec.presetHint) f.setHint(T.blankMeans(meaning));
    }
    if (spec.presetHint) f.setHint(spec.presetHint(d));
  }
  // The compiling department in force names the email box: a province that set its own is not shown the preset's.
  const department = String(valueAt(state.page.effective, 'overrides.compilingDepartment') ?? '').trim();
  const inForce = department ? { ...d, compilingDepartment: department } : d;
  for (const b of built) {
    const { spec, field: f, tab } = b;
    if (f && spec?.presetLabel) {
      b.label = spec.presetLabel(inForce);
      f.root.querySelector('label')!.textContent = b.label;
    }
    if (f && spec?.input.kind === 'tab-text' && !tab) (f.control as HTMLTextAreaElement).placeholder = d.texts[spec.path] || spec.input.placeholder || '';
    if (f && spec?.presetHint && !spec.blank && !tab) f.setHint(spec.presetHint(inForce));
  }
}

/** Sub-options are usable only while their switches are on ("Nhắc trước hạn" needs the schedule and reminders). */
function applySwitches(dom: SettingsDom): void {
  const { built, byPath } = dom;
  for (const b of built) {
    if (!b.spec?.requires || b.tab) continue;
    const off = b.spec.requires.filter((path) => byPath.get(path)?.box?.checked === false);
    const control = b.box ?? b.field!.control;
    control.disabled = off.length > 0;
    b.root.classList.toggle('is-disabled', off.length > 0);
    const note = off.length > 0 ? T.needsSwitch(off.map((path) => `“${byPath.get(path)!.label}”`).join(' và ')) : null;
    if (b.field) b.field.setHint(note ?? b.spec.hint ?? null);
    else {
      let hint = b.root.querySelector<HTMLElement>('.switch-hint');
      if (!hint) {
        hint = h('div', { class: 'hint switch-hint', attrs: { id: `${control.id}-hint` } });
        b.root.append(hint);
        control.setAttribute('aria-describedby', hint.id);
      }
      hint.textContent = note ?? '';
    }
  }
}

/**
 * The page's values as SettingsInput, each read with its kind's codec. What the tab sets and text that is not even
 * a number, a day/month or a date keep the stored value (the latter with its message in `local`). A blank override
 * means "as the preset says".
 */
function read(state: SettingsState): { input: SettingsInput; local: Record<string, string>; typed: Record<string, string> } {
  const local: Record<string, string> = {};
  const typed: Record<string, string> = {};
  const input = JSON.parse(JSON.stringify(state.page.settings)) as Record<string, unknown>;
  for (const { spec, field: f, box, tab } of state.dom.built) {
    if (!spec || tab) continue;
    const optional = spec.path.startsWith('overrides.');
    const text = f ? f.control.value.trim() : '';
    // Quoted in "Chưa lưu “…”": a list of addresses is not (its message names the bad ones).
    if (spec.input.kind !== 'emails' && spec.input.kind !== 'checkbox') typed[spec.path] = text;
    const bad = () => (local[spec.path] = spec.invalid ?? '');
    switch (spec.input.kind) {
      case 'checkbox':
        setAt(input, spec.path, box!.checked);
        break;
      case 'text':
      case 'preset':
        // A blank override is the preset's value; a blank plain setting (Tỉnh, Kế hoạch số) is blank.
        setAt(input, spec.path, text === '' && optional ? undefined : text);
        break;
      case 'integer':
        if (text === '' && optional) setAt(input, spec.path, undefined);
        else if (/^\d+$/.test(text)) setAt(input, spec.path, Number(text));
        else bad();
        break;
      case 'month-day': {
        const monthDay = parseMonthDay(text);
        if (text === '') setAt(input, spec.path, undefined);
        else if (monthDay) setAt(input, spec.path, monthDay);
        else bad();
        break;
      }
      case 'date': {
        const date = parseDayFirstDate(text);
        if (text === '') setAt(input, spec.path, '');
        else if (date.ok) setAt(input, spec.path, date.date);
        else bad();
        break;
      }
      case 'yes-no':
        setAt(input, spec.path, text === '' ? undefined : text === 'true');
        break;
      case 'emails':
        setAt(input, spec.path, splitEmailList(text));
        break;
      case 'choice':
        setAt(input, spec.path, text === '' ? undefined : text);
        break;
      case 'tab-text':
        readTabText(input, spec, text, local);
        break;
    }
  }
  for (const l of state.dom.leaders) {
    if (l.tab) continue;
    const email = l.field!.control.value.trim();
    typed[l.path] = email;
    setAt(input, l.path, email === '' ? undefined : email);
  }
  return { input: input as SettingsInput, local, typed };
}

/** Both checks, the page's (text that is no value) and the schema's: each problem by its field's path. */
function problems(state: SettingsState): {
  input: SettingsInput;
  errors: Record<string, string>;
  local: Record<string, string>;
  typed: Record<string, string>;
} {
  const { input, local, typed } = read(state);
  const checked = checkSettingsInput(input);
  return { input, errors: { ...(checked.ok ? {} : checked.fieldErrors), ...local }, local, typed };
}

/** Each field's problem beside it; the bar's list too, unless a save's answer lists them already. */
function showErrors(state: SettingsState, errors: Record<string, string>, listInBar = true): void {
  const { all, overridesError, summary } = state.dom;
  state.shownErrors = errors;
  for (const b of all) b.field?.setError(errors[b.path] ?? null);
  replace(overridesError, errors.overrides ? banner('error', errors.overrides) : null);
  if (listInBar) renderSummary(state.dom, errors);
  else replace(summary);
}

/** A link that takes the focus to the field of a path. */
function fieldLink(dom: SettingsDom, path: string): HTMLElement {
  const { byPath, overridesError } = dom;
  const target = () => byPath.get(path)?.field?.control ?? (path === 'overrides' ? overridesError : null);
  const open = (event: Event) => {
    event.preventDefault();
    const el = target();
    if (el) focusOn(el);
  };
  return h('a', { attrs: { href: '#' }, on: { click: open } }, byPath.get(path)?.label ?? PAGE_SECTIONS.rules);
}

/** The value a refused field keeps, as the field shows values. */
function keptText(state: SettingsState, path: string, settings: SettingsPagePayload['settings']): string {
  const spec = state.dom.byPath.get(path)?.spec;
  const value = valueAt(settings, path);
  const text = spec ? shown(spec, value, state.page.presets) : Array.isArray(value) ? value.join(', ') : String(value ?? '');
  return text || (path.startsWith('overrides.') ? T.keptPreset : T.keptBlank);
}

/** The bar's list of fields still wrong, each a link to its field (not a live region: it follows every change). */
function renderSummary(dom: SettingsDom, errors: Record<string, string>): void {
  const { summary } = dom;
  const paths = Object.keys(errors).filter((p) => errors[p]);
  if (paths.length === 0) {
    replace(summary);
    return;
  }
  replace(
    summary,
    h('span', null, T.errorsCount(paths.length), ' '),
    paths.map((path, i) => [i > 0 ? ', ' : '', fieldLink(dom, path)]),
    h('div', { class: 'hint' }, T.errorsNote),
  );
}

/** A field left (or a choice made): its problems show; while typing, a problem only goes once fixed. */
function recheck(state: SettingsState, onlyClear: boolean): void {
  const { errors } = problems(state);
  if (!onlyClear) {
    showErrors(state, errors);
    return;
  }
  const before = state.shownErrors;
  const kept = Object.fromEntries(Object.entries(before).filter(([path]) => errors[path]));
  if (Object.keys(kept).length !== Object.keys(before).length) showErrors(state, kept);
}

/** A section of the page: its title, its intro, then its controls in table order (pairs side by side). */
function section(dom: SettingsDom, id: PageSection): HTMLElement {
  const { built, leaders, overridesError, scheduleBox } = dom;
  const mine = built.filter((b) => b.spec?.section === id);
  const rows: HTMLElement[] = [];
  for (let i = 0; i < mine.length; i++) {
    const a = mine[i]!;
    const b = mine[i + 1];
    if (a.spec?.pair && b?.spec?.pair?.id === a.spec.pair.id && a.field && b.field) {
      rows.push(pair(a.field, b.field, a.spec.pair.hint ?? null));
      i++;
    } else rows.push(a.root);
  }
  const intro = SECTION_INTROS[id];
  return h(
    'section',
    { class: 'section', attrs: { 'aria-labelledby': `sec-${id}` } },
    h('h2', { attrs: { id: `sec-${id}` } }, PAGE_SECTIONS[id]),
    intro ? h('p', { class: 'subtitle' }, intro) : null,
    id === 'rules' ? overridesError : null,
    id === 'schedule' ? scheduleBox : null,
    rows,
    id === 'mail' && leaders.length > 0 ? h('p', { class: 'subtitle' }, T.leadersIntro) : null,
    id === 'mail' ? leaders.map((l) => l.root) : null,
  );
}

// ---- the email schedule: loaded after the page, so that a slow or failing status never holds the settings up ----

function loadSchedule(state: SettingsState): void {
  const { scheduleBox } = state.dom;
  replace(scheduleBox, h('p', { class: 'hint', attrs: { role: 'status' } }, T.scheduleLoading));
  call('getScheduleStatus').then(
    (status) => {
      state.schedule = status;
      showSchedule(state);
    },
    (error: unknown) =>
      replace(
        scheduleBox,
        failureBanner(error, () => loadSchedule(state)),
      ),
  );
}

/** One email (or several of one item) that did not go: what, to whom, when it was due, why, and what happens next. */
function unsentItem(state: SettingsState, f: ScheduleFailure): HTMLElement {
  const next = !f.final ? (f.needsAddress ? T.nextAddress : T.nextRetry) : !f.resendable ? T.nextNever : f.needsAddress ? T.nextFixThenResend : T.nextResend;
  // One recipient a line, its address kept whole on a line of its own: "<" and ">" never wrap alone.
  const recipients = h(
    'ul',
    { class: 'unsent-to' },
    f.to.map((r) => h('li', null, r.name, r.address ? emailAddress(r.address) : null)),
    f.more > 0 ? h('li', null, T.more(f.more)) : null,
  );
  return h(
    'li',
    { class: f.final ? 'unsent unsent-final' : 'unsent' },
    h('div', { class: 'unsent-what' }, T.unsentCount(f.what, f.count)),
    h('div', null, T.to),
    recipients,
    f.due ? h('div', null, T.due(dmy(f.due))) : null,
    h('div', null, T.why(f.message)),
    h('div', { class: 'hint' }, next),
    f.dismissable ? dismissButton(state, f) : null,
  );
}

/** "Bỏ khỏi danh sách": an email nothing will ever send leaves the list once read. */
function dismissButton(state: SettingsState, f: ScheduleFailure): HTMLElement {
  const { scheduleBox } = state.dom;
  const dismiss = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    if (isBusy(button)) return;
    void busy(button, T.dismissing, () => call('dismissUnsent', f.key))
      .then((next) => {
        state.schedule = next;
        showSchedule(state);
        focusOn(document.getElementById('unsent-title') ?? scheduleBox);
      })
      .catch((error: unknown) => replace(scheduleBox, failureBanner(error)));
  };
  return h('button', { class: 'dismiss', attrs: { type: 'button', 'aria-label': T.dismissLabel(f.what) }, on: { click: dismiss } }, T.dismiss);
}

/** "Gửi bù": sends the summaries the schedule missed; what happened is said above the schedule. */
function resendButton(state: SettingsState): HTMLButtonElement {
  const resend = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    if (isBusy(button)) return;
    void busy(button, T.resending, () => call('sendMissedSummaries'))
      .then((result) => {
        state.schedule = result.status;
        state.scheduleNotice = banner(result.sent.length > 0 ? 'success' : 'warning', result.message);
      })
      .catch((error: unknown) => {
        state.scheduleNotice = failureBanner(error);
      })
      .then(() => {
        showSchedule(state);
        // The button is gone once nothing is left to send: the focus goes to what happened.
        focusOn(state.scheduleNotice);
      });
  };
  return h('button', { attrs: { type: 'button', 'aria-describedby': 'resend-hint' }, on: { click: resend } }, T.resend);
}

/** Installs the daily trigger again, when the status says it went missing. */
function reinstallButton(state: SettingsState): HTMLButtonElement {
  const reinstall = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    if (isBusy(button)) return;
    void busy(button, T.reinstalling, () => call('setSchedule', true))
      .then((next) => {
        state.schedule = next;
        showSchedule(state);
      })
      .catch((error: unknown) => replace(state.dom.scheduleBox, failureBanner(error)));
  };
  return h('button', { attrs: { type: 'button' }, on: { click: reinstall } }, T.reinstall);
}

function showSchedule(state: SettingsState): void {
  if (!state.schedule) return;
  const st = state.schedule;
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  };
  const resend = st.resendable > 0 ? resendButton(state) : null;
  const unsentCount = st.failures.reduce((n, f) => n + f.count, 0);
  const reinstall = st.offerReinstall ? reinstallButton(state) : null;
  replace(
    state.dom.scheduleBox,
    state.scheduleNotice,
    banner(st.problem ? 'warning' : 'info', st.message),
    ...st.gaps.map((gap) => banner('warning', gap)),
    st.lastRun ? h('p', { class: 'hint' }, T.lastRun(when(st.lastRun.at), st.lastRun.ok, st.lastRun.message)) : null,
    st.failures.length > 0
      ? h(
          'section',
          { attrs: { 'aria-labelledby': 'unsent-title' } },
          h('h3', { attrs: { id: 'unsent-title' } }, T.unsentTitle(unsentCount)),
          h(
            'ul',
            { class: 'unsent-list' },
            st.failures.map((f) => unsentItem(state, f)),
          ),
        )
      : null,
    resend ? h('div', { class: 'actions resend' }, resend, h('div', { class: 'hint', attrs: { id: 'resend-hint' } }, T.resendHint(st.resendable))) : null,
    reinstall,
  );
}

loadPage(app, {
  title: T.title,
  fetch: () => call('getSettingsPage'),
  show: (payload) => loadSchedule(build(payload)),
});
