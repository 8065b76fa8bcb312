import { formatDayFirst, formatTripWindow, type CalendarDate } from '../../core/calendar-date';
import { parseDateRange, parseDayFirstDate } from '../../core/date-parse';
import { messages } from '../../core/messages';
import { checkTripInput, type TripDraft, type TripField, type TripInputCheck } from '../../core/trip-input';
import { foldKey } from '../../core/text';
import { CADRE_GROUP_LABELS } from '../../core/vocabulary';
import type { SaveTripResult, TripConflict, TripFormPayload } from '../../sheets/pages/trip-form';
import { call } from '../bridge';
import { progressCard } from '../shared/card';
import { combobox, type Combobox } from '../shared/combobox';
import { banner, busy, byId, focusOn, h, isBusy, replace } from '../shared/dom';
import { failureBanner } from '../shared/failure';
import { field, pair, select, textInput, type Field } from '../shared/form';
import { loadPage } from '../shared/load';
import { tripTexts as T } from './texts';

/**
 * Nhập đợt đi cơ sở (mẫu 1): one trip, checked with checkTripInput, the same function the server runs before
 * appending the row. A field's problem shows once the field is left (never while typing); Save is always there and,
 * pressed with problems, lists every one of them in a summary whose links lead to the fields. Dates are read as the
 * sheet reads them (core/date-parse.ts: “5/6”, “ngày 20/9/2023”, a whole window “05-09/6/2023” in one box), and
 * whatever the page fills in or changes by itself (the dates as read, Số ngày, Trạng thái) is said under that field. A
 * trip that repeats or overlaps one of the cadre's is shown before anything is written (“Sửa ngày” by default, “Vẫn
 * lưu” on purpose); a saved trip can be opened in the sheet or taken back (“Hoàn tác”, only while nobody has changed
 * its row).
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Fields = Record<Exclude<TripField, 'ban'>, Field<Control>>;

const app = byId('app');

/** Nhập đợt's state: what the server gave it, the elements built from that, and what the person has done so far. */
interface TripFormState {
  payload: TripFormPayload;
  /** The page's elements, built once from the payload. */
  dom: {
    cadre: Combobox;
    fields: Fields;
    saveButton: HTMLButtonElement;
    /** Where a save's answer goes: the problems' summary, a conflict, the confirmation. */
    result: HTMLElement;
  };
  /** Fields whose problem is shown: left once, or everything after pressing Save. */
  touched: Set<TripField>;
  /** Số ngày follows the dates until a number of the person's own is typed in it. */
  daysAuto: boolean;
  /** Trạng thái follows the end of the trip until the person chooses (see switchStatus). */
  statusTouched: boolean;
  /** A field was left by pressing a button: its problem waits for the press to end (see pressedButton). */
  deferred: boolean;
  /**
   * The form is emptied after a save (and by “Nhập lại”) while a field may still have the focus; the focus then moving to
   * the confirmation is not the person leaving that field. Each field remembers which emptying it was entered after.
   */
  resets: number;
  enteredAfter: Map<TripField, number>;
  /** What was read from a typed date, said under its box until it is typed again (both boxes' for a window split in two). */
  dateNotes: Partial<Record<'from' | 'to', { note: string; both: boolean }>>;
  /** A window typed in one box whose other end the other box contradicts: the message, for as long as the text stays. */
  rangeProblems: Partial<Record<'from' | 'to', { text: string; message: string }>>;
  /** Why Trạng thái changed by itself, said under it until the person chooses. */
  statusNote: string | null;
}

const FIELD_LABELS: Record<Exclude<TripField, 'ban'>, string> = {
  name: T.cadre,
  kind: T.kind,
  detail: T.detail,
  from: T.from,
  to: T.to,
  days: T.days,
  place: T.place,
  level: T.level,
  status: T.status,
};
const ORDER = Object.keys(FIELD_LABELS) as (keyof Fields)[];

/** The page's state as it opens: its elements built from the payload, nothing typed yet. */
function tripFormState(payload: TripFormPayload): TripFormState {
  const cadre = combobox(
    payload.roster.map((r) => ({ label: r.name, detail: r.ban })),
    { none: T.cadreNone, more: T.cadreMore },
  );
  return {
    payload,
    dom: {
      cadre,
      fields: tripFields(payload, cadre),
      saveButton: h('button', { class: 'primary', attrs: { type: 'submit' } }, T.save),
      result: h('div', { class: 'result' }),
    },
    touched: new Set(),
    daysAuto: true,
    statusTouched: false,
    deferred: false,
    resets: 0,
    enteredAfter: new Map(),
    dateNotes: {},
    rangeProblems: {},
    statusNote: null,
  };
}

function build(payload: TripFormPayload): void {
  const state = tripFormState(payload);
  const { cadre, fields, saveButton, result } = state.dom;
  cadre.onChange(() => {
    showCadre(state);
    clearConflict(result);
  });
  selectFilledDays(state);

  const clearButton = h('button', { attrs: { type: 'button' }, on: { click: () => resetTrip(state, true) } }, T.clear);
  const pressed = pressedButton(state, [saveButton, clearButton]);
  for (const key of ORDER) watchField(state, key, pressed);

  const form = tripForm(state, clearButton);
  replace(app, h('h1', null, T.title), h('p', { class: 'subtitle' }, T.subtitle(payload.year)), warningsBanner(payload.warnings), result, form);
  markRequired(fields);
  update(state);
}

/** The form's fields, each control in its labelled field, the cadre's combobox among them. */
function tripFields(p: TripFormPayload, cadre: Combobox): Fields {
  const kind = select([{ value: '', label: T.kindPick }, ...p.kinds.map((k) => ({ value: k.code, label: k.label }))]);
  const detail = h('textarea', { attrs: { rows: 2, maxlength: 500 } });
  const from = textInput({ placeholder: T.datePlaceholder, inputmode: 'numeric' });
  const to = textInput({ placeholder: T.datePlaceholder, inputmode: 'numeric' });
  const days = textInput({ inputmode: 'numeric', placeholder: T.daysPlaceholder });
  const place = textInput({ maxlength: 200, placeholder: T.placePlaceholder });
  const level = select([{ value: '', label: '—' }, ...p.levels.map((l) => ({ value: l, label: l }))]);
  const status = select(
    p.statuses.map((s) => ({ value: s.code, label: s.label })),
    'registered',
  );
  return {
    name: field(T.cadre, cadre.input, T.cadreHint, '', cadre.root),
    kind: field(T.kind, kind),
    detail: field(T.detail, detail),
    from: field(T.from, from),
    to: field(T.to, to),
    days: field(T.days, days),
    place: field(T.place, place),
    level: field(T.level, level),
    status: field(T.status, status),
  };
}

/**
 * The number the dates filled in is selected when the box is entered, by Tab or by a click (after the click has
 * placed its caret), so that typing replaces it: “2” gives 2, not 32.
 */
function selectFilledDays(state: TripFormState): void {
  const days = state.dom.fields.days.control as HTMLInputElement;
  days.addEventListener('focus', () =>
    setTimeout(() => {
      if (state.daysAuto && document.activeElement === days && days.value !== '') days.select();
    }),
  );
}

/**
 * Which of these buttons is being pressed, if any. A field left by pressing one of them shows its problem only after
 * the press: the message appearing or going would move the button between the press and the release, and the click
 * would be lost. Save checks every field anyway, Nhập lại clears them; a press that ends elsewhere (no click) shows the
 * problems then. Tabbing to a button moves nothing under a pointer, so the problem shows at once.
 */
function pressedButton(state: TripFormState, buttons: readonly HTMLButtonElement[]): () => HTMLButtonElement | null {
  let pressed: HTMLButtonElement | null = null;
  for (const button of buttons) button.addEventListener('pointerdown', () => (pressed = button));
  const released = () =>
    setTimeout(() => {
      pressed = null;
      if (state.deferred) update(state);
    });
  document.addEventListener('pointerup', released);
  document.addEventListener('pointercancel', released);
  return () => pressed;
}

/** A field's listeners: left or chosen, its problem may show and what depends on it is filled in; typed, what it changes. */
function watchField(state: TripFormState, key: keyof Fields, pressed: () => HTMLButtonElement | null): void {
  const own = state.dom.fields[key];
  const control = own.control;
  const isText = control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement;
  control.addEventListener('focus', () => state.enteredAfter.set(key, state.resets));
  // Left (blur) or chosen (change): now its problem may show, and what depends on it is filled in.
  control.addEventListener(isText ? 'blur' : 'change', () => {
    if (isText && state.enteredAfter.get(key) !== state.resets) return;
    if (key === 'from' || key === 'to') readDateField(state, key);
    state.touched.add(key);
    if (pressed()) state.deferred = true;
    else update(state);
  });
  control.addEventListener('input', () => {
    if (key === 'days') state.daysAuto = control.value.trim() === '';
    if (key === 'status') {
      state.statusTouched = true;
      state.statusNote = null;
    }
    if (key === 'from' || key === 'to') clearDateNote(state, key);
    clearConflict(state.dom.result);
    // While typing, a problem shown earlier goes as soon as it is fixed; a new one waits until the field is left.
    if (own.root.classList.contains('has-error') && !check(state, currentInput(state)).errors[key]) own.setError(null);
  });
  if (!isText) control.addEventListener('change', () => key === 'status' && (state.statusTouched = true));
}

function tripForm(state: TripFormState, clearButton: HTMLButtonElement): HTMLElement {
  const { fields, saveButton } = state.dom;
  return h(
    'form',
    { attrs: { novalidate: true, 'aria-label': T.formLabel }, on: { submit: (event) => void submit(state, event) } },
    fields.name.root,
    fields.kind.root,
    fields.detail.root,
    pair(fields.from, fields.to, [T.datesHint, h('span', { class: 'nowrap' }, T.datesHintExample), '.'], { hintsBelow: true }),
    pair(fields.days, fields.level, null, { hintsBelow: true }),
    fields.place.root,
    fields.status.root,
    h('div', { class: 'actions' }, saveButton, clearButton),
  );
}

/** The settings' problems and the tabs not read, above the form; null when there are none. */
function warningsBanner(warnings: readonly string[]): HTMLElement | null {
  if (warnings.length === 0) return null;
  return banner(
    'warning',
    h(
      'ul',
      null,
      warnings.map((w) => h('li', null, w)),
    ),
  );
}

/**
 * A date box as it was left, read as the sheet reads a date cell: a date is shown back in the Vietnamese order,
 * whatever way it was typed (“5/6” → 05/06/2023, “ngày 20/9/2023” → 20/09/2023); a whole window typed in one box
 * (“05-09/6/2023”, “Từ ngày 01/6 đến ngày 15/6/2023”) fills both boxes when the other is empty or agrees. What was
 * made of the text is said under the boxes; a window the other box contradicts is left as typed, with why.
 */
function readDateField(state: TripFormState, key: 'from' | 'to'): void {
  const { fields } = state.dom;
  const { year } = state.payload;
  const input = fields[key].control as HTMLInputElement;
  const otherKey = key === 'from' ? 'to' : 'from';
  const other = fields[otherKey].control as HTMLInputElement;
  const typed = input.value.trim();
  delete state.rangeProblems[key];
  if (typed === '') return;
  const single = parseDayFirstDate(typed, year);
  if (single.ok) {
    input.value = formatDayFirst(single.date);
    if (input.value !== typed) noteDate(state, key, T.dateRead(typed, input.value), false);
    return;
  }
  const range = parseDateRange(typed, year);
  if (!range.ok) return;
  const [from, to] = [formatDayFirst(range.from), formatDayFirst(range.to)];
  const otherSide = key === 'from' ? range.to : range.from;
  const otherNow = parseDayFirstDate(other.value, year);
  if (other.value.trim() !== '' && !(otherNow.ok && otherNow.date === otherSide)) {
    const message = T.rangeConflict(FIELD_LABELS[key], typed, from, to, FIELD_LABELS[otherKey], other.value.trim());
    state.rangeProblems[key] = { text: input.value, message };
    return;
  }
  (fields.from.control as HTMLInputElement).value = from;
  (fields.to.control as HTMLInputElement).value = to;
  state.touched.add(otherKey);
  noteDate(state, key, T.rangeSplit(typed, from, to), true);
}

function noteDate(state: TripFormState, key: 'from' | 'to', note: string, both: boolean): void {
  clearDateNote(state, key);
  if (both) clearDateNote(state, key === 'from' ? 'to' : 'from');
  state.dateNotes[key] = { note, both };
  state.dom.fields[key].setHint(note);
}

/** The note on this box goes when it is typed in again, and so does a split's note on the other box. */
function clearDateNote(state: TripFormState, key: 'from' | 'to'): void {
  const other = key === 'from' ? 'to' : 'from';
  const keys: ('from' | 'to')[] = state.dateNotes[other]?.both ? [key, other] : [key];
  for (const k of keys) {
    if (state.dateNotes[k] === undefined) continue;
    delete state.dateNotes[k];
    state.dom.fields[k].setHint(null);
  }
}

/** The chosen cadre's Ban and group under the box (namesakes differ there). */
function showCadre(state: TripFormState): void {
  const picked = state.dom.cadre.value();
  const entry = picked === null ? undefined : state.payload.roster[picked];
  state.dom.fields.name.setHint(entry ? T.cadreHintPicked(entry.ban, CADRE_GROUP_LABELS[entry.group]) : T.cadreHint);
}

function markRequired(fields: Fields): void {
  for (const key of ['name', 'kind', 'from', 'to'] as const) {
    const label = fields[key].root.querySelector('label');
    if (label) label.append(h('span', { attrs: { 'aria-hidden': 'true' } }, ' *'));
    fields[key].control.setAttribute('aria-required', 'true');
  }
}

// ---- reading and checking ----

/** A typed date as ISO when it reads as one; otherwise the text itself, so the message quotes what was typed. */
function isoOrText(text: string, year: number): string {
  const parsed = parseDayFirstDate(text, year);
  return parsed.ok ? parsed.date : text.trim();
}

/** The trip as the form holds it now, dates read as the sheet reads them. */
function currentInput(state: TripFormState): TripDraft {
  const { fields, cadre } = state.dom;
  const value = (key: keyof Fields) => fields[key].control.value;
  const picked = cadre.value();
  const entry = picked === null ? undefined : state.payload.roster[picked];
  return {
    name: entry?.name ?? '',
    ban: entry?.ban ?? '',
    kind: value('kind'),
    detail: value('detail'),
    from: isoOrText(value('from'), state.payload.year),
    to: isoOrText(value('to'), state.payload.year),
    days: value('days').trim(),
    place: value('place'),
    level: value('level'),
    status: value('status'),
  };
}

/**
 * Why typed text picks no cadre: a full name two people share (the roster tells them apart by Ban), a name that is not
 * on the roster at all (it must be added to the Cán bộ tab first), or text that still matches several.
 */
function unpickedCadre(text: string, payload: TripFormPayload): string {
  const key = foldKey(text);
  const namesakes = payload.roster.filter((r) => foldKey(r.name) === key);
  if (namesakes.length > 1)
    return T.cadreNamesakes(
      namesakes[0]!.name,
      namesakes.map((r) => r.ban),
    );
  const words = key.split(' ').filter(Boolean);
  const any = payload.roster.some((r) => {
    const entry = foldKey(`${r.name} ${r.ban}`);
    return words.every((w) => entry.includes(w));
  });
  return any ? T.cadrePick : T.cadreUnknown(text, payload.rosterTab);
}

function check(state: TripFormState, input: TripDraft): TripInputCheck {
  const { payload } = state;
  const { cadre, fields } = state.dom;
  const result = checkTripInput(input, payload.roster, payload.policy, payload.year);
  if (result.errors.ban && !result.errors.name) result.errors.name = result.errors.ban;
  // Text typed in the cadre box that picks nobody (not "Chọn cán bộ." as if it were empty).
  if (cadre.value() === null && cadre.input.value.trim() !== '') result.errors.name = unpickedCadre(cadre.input.value.trim(), payload);
  // A date that cannot exist (31/02) deserves its own sentence rather than “not a date”.
  for (const key of ['from', 'to'] as const) {
    const text = fields[key].control.value;
    const parsed = parseDayFirstDate(text, payload.year);
    if (!parsed.ok && parsed.reason === 'impossible') result.errors[key] = messages.dateImpossible(FIELD_LABELS[key], text);
    const problem = state.rangeProblems[key];
    if (problem && problem.text === text) result.errors[key] = problem.message;
  }
  return result;
}

/** Shows the problems of the fields already left, and fills Số ngày and Trạng thái from the dates. */
function update(state: TripFormState): TripInputCheck {
  const { fields } = state.dom;
  state.deferred = false;
  let input = currentInput(state);
  let result = check(state, input);
  if (result.windowDays !== null) {
    const days = fields.days.control;
    const filled = String(result.windowDays);
    if (!state.statusTouched) switchStatus(state, input.to);
    if (state.daysAuto && days.value !== filled) {
      days.value = filled;
      // Số ngày is checked again with the number it now shows, not the one the dates replaced.
      input = currentInput(state);
      result = check(state, input);
    }
  }
  for (const key of ORDER) fields[key].setError(state.touched.has(key) ? result.errors[key] : null);
  fields.status.setHint(state.statusNote);
  const filledIn = result.windowDays !== null && state.daysAuto && fields.days.control.value === String(result.windowDays);
  const windowHint = result.windowDays === null ? T.daysBlank : filledIn ? T.daysFilled(result.windowDays) : T.daysWindow(result.windowDays);
  fields.days.setHint(result.warnings.days ? h('span', { class: 'warning' }, `${windowHint} ${result.warnings.days}`) : windowHint);
  return result;
}

/** Trạng thái follows the end of the trip until the person chooses: done once it is past, and says why it changed. */
function switchStatus(state: TripFormState, to: string): void {
  const { payload } = state;
  const status = state.dom.fields.status.control;
  const next = to < payload.today ? 'done' : 'registered';
  if (status.value === next) return;
  status.value = next;
  const label = (code: string) => payload.statuses.find((s) => s.code === code)?.label ?? code;
  const end = formatDayFirst(to as CalendarDate);
  state.statusNote = next === 'done' ? T.statusDone(label('done'), end) : T.statusRegistered(label('registered'), end);
}

// ---- saving ----

/** The problems, each a link to its field, in a summary that takes the focus. */
function showSummary(state: TripFormState, errors: Partial<Record<TripField, string>>, lead?: string): void {
  const { fields, result } = state.dom;
  const keys = ORDER.filter((k) => errors[k]);
  const titleId = 'error-summary-title';
  const summary = h(
    'div',
    { class: 'error-summary', attrs: { 'aria-labelledby': titleId } },
    h('h2', { attrs: { id: titleId } }, T.summaryTitle(keys.length)),
    lead ? h('p', null, lead) : null,
    h(
      'ul',
      null,
      keys.map((k) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              attrs: { href: `#${fields[k].control.id}` },
              on: {
                click: (event) => {
                  event.preventDefault();
                  fields[k].control.focus();
                  fields[k].root.scrollIntoView?.({ block: 'center' });
                },
              },
            },
            `${FIELD_LABELS[k]}: ${errors[k]}`,
          ),
        ),
      ),
    ),
  );
  replace(result, summary);
  focusOn(summary);
}

async function submit(state: TripFormState, event: Event, force = false): Promise<void> {
  const { fields, saveButton, result } = state.dom;
  event.preventDefault();
  if (isBusy(saveButton)) return;
  // Enter pressed in a date box: it is read as if it had been left.
  for (const key of ['from', 'to'] as const) if (document.activeElement === fields[key].control) readDateField(state, key);
  for (const key of ORDER) state.touched.add(key);
  const checked = update(state);
  if (Object.keys(checked.errors).length > 0) {
    showSummary(state, checked.errors);
    return;
  }
  const input = currentInput(state);
  let saved: SaveTripResult;
  try {
    saved = await busy(saveButton, T.saving, () => call('saveTrip', { ...input, force }));
  } catch (error) {
    replace(result, failureBanner(error));
    focusOn(result.firstElementChild as HTMLElement);
    return;
  }
  if (!saved.ok && saved.conflicts.length > 0) {
    showConflicts(state, input, saved.conflicts);
    return;
  }
  if (!saved.ok) {
    const errors = { ...saved.errors };
    if (errors.ban && !errors.name) errors.name = errors.ban;
    for (const key of ORDER) fields[key].setError(errors[key] ?? null);
    showSummary(state, errors, T.serverRefused);
    return;
  }
  showSaved(state, input, saved);
}

/** The conflicts shown are those of the trip as it was sent: a change to the trip takes them away. */
function clearConflict(result: HTMLElement): void {
  if (result.querySelector('.conflict')) replace(result);
}

/** The cadre's trips this one repeats or overlaps, before anything is written; "Vẫn lưu" saves it all the same. */
function showConflicts(state: TripFormState, input: TripDraft, conflicts: readonly TripConflict[]): void {
  const { fields, result } = state.dom;
  const window = (c: TripConflict) => formatTripWindow(c.from as CalendarDate, c.to as CalendarDate);
  const anyway = h('button', { attrs: { type: 'button' } }, T.saveAnyway);
  const fix = h('button', { class: 'primary', attrs: { type: 'button' } }, T.fixDates);
  anyway.addEventListener('click', (event) => {
    if (JSON.stringify(currentInput(state)) !== JSON.stringify(input)) return;
    void submit(state, event, true);
  });
  const box = h(
    'div',
    { class: 'banner banner-warning conflict', attrs: { role: 'alert' } },
    h('p', null, T.conflictTitle(input.name, conflicts.length)),
    h(
      'ul',
      null,
      conflicts.map((c) => h('li', null, T.conflictLine(c.row, c.kind, window(c), c.status), c.duplicate ? T.conflictDuplicate : T.conflictOverlap)),
    ),
    h('p', null, T.conflictAdvice),
    h('div', { class: 'actions' }, fix, anyway),
  );
  // “Sửa ngày”, and Escape, leave the question for the dates; the safe choice is the default.
  const backToDates = () => {
    replace(result);
    fields.from.control.focus();
  };
  fix.addEventListener('click', backToDates);
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    backToDates();
  });
  replace(result, box);
  fix.focus();
}

function showSaved(state: TripFormState, input: TripDraft, saved: Extract<SaveTripResult, { ok: true }>): void {
  const { result } = state.dom;
  const after = h('div', { class: 'after', attrs: { role: 'status' } });
  const open = h('button', { attrs: { type: 'button' } }, T.openRow(saved.row));
  const undo = h('button', { attrs: { type: 'button' } }, T.undo);
  open.addEventListener('click', () => {
    if (isBusy(open)) return;
    busy(open, T.openRow(saved.row), () => call('openTripRow', { row: saved.row })).then(
      (opened) => replace(after, T.opened(opened.row, opened.tab)),
      (error: unknown) => replace(after, failureBanner(error)),
    );
  });
  undo.addEventListener('click', () => {
    if (isBusy(undo)) return;
    busy(undo, T.undoing, () => call('undoTrip', { row: saved.row, written: saved.written })).then(
      (undone) => {
        const message = banner('success', T.undone(undone.row, undone.tab));
        replace(result, message);
        restore(state, input);
        focusOn(message);
      },
      (error: unknown) => replace(after, failureBanner(error)),
    );
  });
  const confirmation = h(
    'div',
    { class: 'banner banner-success confirmation' },
    h('p', null, T.saved(input.name, saved.row, saved.tab)),
    h('div', { class: 'actions' }, open, undo),
    after,
  );
  const progress = saved.progress;
  replace(
    result,
    confirmation,
    progress
      ? h(
          'section',
          { class: 'saved-progress', attrs: { 'aria-label': T.progressOf(progress.name) } },
          h('h2', null, T.progressTitle),
          progressCard(progress, { roundsLabel: state.payload.policy.rounds.label }),
        )
      : null,
  );
  resetTrip(state, false);
  focusOn(confirmation);
}

/** Puts a trip taken back by "Hoàn tác" into the form again, to be fixed and saved. */
function restore(state: TripFormState, input: TripDraft): void {
  const day = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDayFirst(v as CalendarDate) : v);
  const index = state.payload.roster.findIndex((r) => r.name === input.name && r.ban === input.ban);
  state.dom.cadre.set(index >= 0 ? index : null);
  const values: Partial<Record<keyof Fields, string>> = {
    kind: input.kind,
    detail: input.detail,
    from: day(input.from),
    to: day(input.to),
    days: input.days,
    place: input.place,
    level: input.level,
    status: input.status,
  };
  for (const [key, value] of Object.entries(values) as [keyof Fields, string][]) state.dom.fields[key].control.value = value;
  forgetAutomatic(state);
  state.daysAuto = false;
  state.statusTouched = true;
  state.touched.clear();
  update(state);
}

/** What the page said it filled in or read belongs to the trip just saved or cleared. */
function forgetAutomatic(state: TripFormState): void {
  state.resets++;
  clearDateNote(state, 'from');
  clearDateNote(state, 'to');
  for (const key of ['from', 'to'] as const) delete state.rangeProblems[key];
  state.statusNote = null;
}

/** Clears the trip's fields; the cadre stays chosen for the next trip. "Nhập lại" also clears the result. */
function resetTrip(state: TripFormState, clearResult: boolean): void {
  const { fields } = state.dom;
  for (const key of ['kind', 'detail', 'from', 'to', 'days', 'place', 'level'] as const) fields[key].control.value = '';
  fields.status.control.value = 'registered';
  forgetAutomatic(state);
  state.touched.clear();
  state.daysAuto = true;
  state.statusTouched = false;
  update(state);
  if (clearResult) {
    replace(state.dom.result);
    fields.kind.control.focus();
  }
}

loadPage(app, { title: T.title, fetch: () => call('getTripForm'), show: build });
