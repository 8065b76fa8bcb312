import { formatDayFirst } from '../../core/calendar-date';
import { parseDayFirstDate } from '../../core/date-parse';
import { messages } from '../../core/messages';
import { foldKey } from '../../core/text';
import { checkTripInput, type TripDraft, type TripField, type TripInputCheck } from '../../core/trip-input';
import type { TripFormPayload } from '../../sheets/pages/trip-form';
import { CADRE_GROUP_LABELS } from '../../core/vocabulary';
import { call, failureMessage } from '../bridge';
import { progressCard } from '../shared/card';
import { banner, busy, byId, h, replace } from '../shared/dom';
import { field, pair, select, textInput, type Field } from '../shared/form';

/**
 * Nhập đợt đi cơ sở (mẫu 1): one trip, checked as it is typed with checkTripInput, the same function the server
 * runs before appending the row. Save stays disabled while anything is wrong.
 */

const app = byId('app');
let payload: TripFormPayload;
const touched = new Set<TripField>();
let daysAuto = true;
let statusTouched = false;
let lastCheck: TripInputCheck | null = null;

async function start(): Promise<void> {
  try {
    payload = await call('getTripForm');
  } catch (error) {
    replace(app, h('h1', null, 'Nhập đợt đi cơ sở'), banner('error', failureMessage(error)));
    app.setAttribute('aria-busy', 'false');
    return;
  }
  build();
  app.setAttribute('aria-busy', 'false');
}

// ---- the form ----

let cadreSearch: HTMLInputElement;
let fields: Record<TripField, Field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>>;
let saveButton: HTMLButtonElement;
let saveHint: HTMLElement;
let result: HTMLElement;

function build(): void {
  const p = payload;
  cadreSearch = textInput({ type: 'search', placeholder: 'Gõ tên, không cần dấu', spellcheck: 'false' });
  const cadre = select([]);
  fillCadres(cadre, '');
  cadreSearch.addEventListener('input', () => fillCadres(cadre, cadreSearch.value));
  cadre.addEventListener('change', showCadre);

  const kind = select([{ value: '', label: '— Chọn nội dung —' }, ...p.kinds.map((k) => ({ value: k.code, label: k.label }))]);
  const detail = h('textarea', { attrs: { rows: 2, maxlength: 500 } });
  const from = textInput({ placeholder: 'dd/mm/yyyy', inputmode: 'numeric' });
  const to = textInput({ placeholder: 'dd/mm/yyyy', inputmode: 'numeric' });
  const days = textInput({ inputmode: 'numeric', placeholder: 'cả đợt' });
  const place = textInput({ maxlength: 200, placeholder: 'Xã/phường, chi đoàn…' });
  const level = select([{ value: '', label: '—' }, ...p.levels.map((l) => ({ value: l, label: l }))]);
  const status = select(p.statuses.map((s) => ({ value: s.code, label: s.label })), 'registered');

  fields = {
    name: field('Cán bộ', cadre),
    ban: field('Ban/Văn phòng', textInput()), // shown through the cadre option; kept for errors the server may return
    kind: field('Nội dung', kind),
    detail: field('Cụ thể nội dung', detail),
    from: field('Từ ngày', from),
    to: field('Đến ngày', to),
    days: field('Số ngày', days),
    place: field('Địa điểm', place),
    level: field('Cấp', level),
    status: field('Trạng thái', status),
  };

  for (const [key, f] of Object.entries(fields) as [TripField, Field][]) {
    const control = f.control as HTMLInputElement;
    const touch = () => {
      touched.add(key);
      if (key === 'days') daysAuto = control.value.trim() === '';
      if (key === 'status') statusTouched = true;
      update();
    };
    control.addEventListener('input', touch);
    control.addEventListener('change', touch);
  }
  for (const dateInput of [from, to]) {
    // Shown back in the Vietnamese order whatever way it was typed (5/6 → 05/06/2023).
    dateInput.addEventListener('blur', () => {
      const parsed = parseDayFirstDate(dateInput.value, p.year);
      if (parsed.ok) dateInput.value = formatDayFirst(parsed.date);
      update();
    });
  }

  saveButton = h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Lưu đợt đi cơ sở');
  saveHint = h('div', { class: 'hint', attrs: { id: 'save-hint' } });
  saveButton.setAttribute('aria-describedby', 'save-hint');
  const clearButton = h('button', { attrs: { type: 'button' }, on: { click: () => resetTrip(true) } }, 'Nhập lại');
  result = h('div', { attrs: { 'aria-live': 'polite' } });

  const form = h(
    'form',
    { attrs: { novalidate: true, 'aria-label': 'Đợt đi cơ sở' }, on: { submit: (event) => void submit(event) } },
    h('div', { class: 'field' }, h('label', { attrs: { for: cadreSearch.id || (cadreSearch.id = 'cadre-search') } }, 'Tìm cán bộ'), cadreSearch),
    fields.name.root,
    fields.kind.root,
    fields.detail.root,
    pair(fields.from, fields.to),
    pair(fields.days, fields.level),
    fields.place.root,
    fields.status.root,
    h('div', { class: 'actions' }, saveButton, clearButton, saveHint),
  );
  const warnings = p.warnings.length > 0 ? banner('warning', h('ul', null, p.warnings.map((w) => h('li', null, w)))) : null;
  replace(app, h('h1', null, 'Nhập đợt đi cơ sở'), h('p', { class: 'subtitle' }, `Mẫu 1 · năm ${p.year} · các ô có dấu * là bắt buộc`), warnings, result, form);
  markRequired();
  showCadre();
  update();
}

/** The chosen cadre's Ban and group under the list, where a long option is cut off. */
function showCadre(): void {
  const picked = payload.roster[Number(fields.name.control.value)];
  fields.name.setHint(fields.name.control.value !== '' && picked ? `${picked.ban} · ${CADRE_GROUP_LABELS[picked.group]}` : null);
}

function markRequired(): void {
  for (const key of ['name', 'kind', 'from', 'to'] as TripField[]) {
    const label = fields[key].root.querySelector('label');
    if (label) label.append(h('span', { attrs: { 'aria-hidden': 'true' } }, ' *'));
    fields[key].control.setAttribute('aria-required', 'true');
  }
}

function fillCadres(selectEl: HTMLSelectElement, query: string): void {
  const q = foldKey(query);
  const current = selectEl.value;
  const matches = payload.roster
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => q === '' || foldKey(r.name).includes(q) || foldKey(r.ban).includes(q));
  replace(
    selectEl,
    h('option', { attrs: { value: '' } }, matches.length === 0 ? '— Không có cán bộ phù hợp —' : '— Chọn cán bộ —'),
    matches.map(({ r, i }) => h('option', { attrs: { value: String(i) } }, `${r.name} — ${r.ban}`)),
  );
  const keep = matches.some(({ i }) => String(i) === current);
  selectEl.value = keep ? current : q !== '' && matches.length > 0 ? String(matches[0]!.i) : '';
  if (fields) {
    if (selectEl.value !== current) touched.add('name');
    showCadre();
    update();
  }
}

// ---- reading and checking ----

/** A typed date as ISO when it reads as one; otherwise the text itself, so the message quotes what was typed. */
function isoOrText(text: string): string {
  const parsed = parseDayFirstDate(text, payload.year);
  return parsed.ok ? parsed.date : text.trim();
}

function currentInput(): TripDraft {
  const value = (key: TripField) => fields[key].control.value;
  const picked = payload.roster[Number(value('name'))];
  return {
    name: value('name') === '' || !picked ? '' : picked.name,
    ban: value('name') === '' || !picked ? '' : picked.ban,
    kind: value('kind'),
    detail: value('detail'),
    from: isoOrText(value('from')),
    to: isoOrText(value('to')),
    days: value('days').trim(),
    place: value('place'),
    level: value('level'),
    status: value('status'),
  };
}

function check(input: TripDraft): TripInputCheck {
  const result = checkTripInput(input, payload.roster, payload.policy, payload.year);
  // A date that cannot exist (31/02) deserves its own sentence rather than “not a date”.
  for (const [key, caption] of [['from', 'Từ ngày'], ['to', 'Đến ngày']] as const) {
    const text = fields[key].control.value;
    const parsed = parseDayFirstDate(text, payload.year);
    if (!parsed.ok && parsed.reason === 'impossible') result.errors[key] = messages.dateImpossible(caption, text);
  }
  return result;
}

function update(): void {
  const input = currentInput();
  const result = check(input);
  lastCheck = result;
  if (result.windowDays !== null) {
    if (daysAuto) fields.days.control.value = String(result.windowDays);
    if (!statusTouched) fields.status.control.value = input.to < payload.today ? 'done' : 'registered';
  }
  if (result.errors.ban && !result.errors.name) result.errors.name = result.errors.ban;
  for (const [key, f] of Object.entries(fields) as [TripField, Field][]) f.setError(touched.has(key) ? result.errors[key] : null);
  const windowHint = result.windowDays !== null ? `Cả đợt: ${result.windowDays} ngày.` : 'Để trống: tính cả đợt.';
  fields.days.setHint(result.warnings.days ? h('span', { class: 'warning' }, `${windowHint} ${result.warnings.days}`) : windowHint);
  const invalid = Object.keys(result.errors).length > 0;
  saveButton.disabled = invalid;
  const hidden = (Object.keys(result.errors) as TripField[]).filter((k) => !touched.has(k));
  saveHint.textContent = !invalid ? '' : hidden.length > 0 ? 'Điền đủ các ô bắt buộc (*) để lưu.' : 'Sửa các ô báo lỗi để lưu.';
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  for (const key of Object.keys(fields) as TripField[]) touched.add(key);
  update();
  if (!lastCheck || Object.keys(lastCheck.errors).length > 0) {
    focusFirstError();
    return;
  }
  const input = currentInput();
  try {
    const saved = await busy(saveButton, 'Đang lưu…', () => call('saveTrip', input));
    if (!saved.ok) {
      for (const [key, message] of Object.entries(saved.errors) as [TripField, string][]) {
        const target = key === 'ban' ? 'name' : key;
        touched.add(target);
        fields[target]?.setError(message);
      }
      saveButton.disabled = true;
      replace(result, banner('error', 'Máy chủ chưa nhận đợt này: hãy sửa các ô báo lỗi.'));
      focusFirstError();
      return;
    }
    const progress = saved.progress;
    replace(
      result,
      banner('success', `Đã thêm đợt đi cơ sở của ${input.name} vào dòng ${saved.row} của tab Đi cơ sở.`),
      progress ? h('section', { class: 'saved-progress', attrs: { 'aria-label': `Tiến độ của ${progress.name}` } }, h('h2', null, 'Tiến độ sau khi thêm'), progressCard(progress, { roundsLabel: payload.policy.rounds.label })) : null,
    );
    resetTrip(false);
    result.scrollIntoView?.({ block: 'start' });
  } catch (error) {
    replace(result, banner('error', failureMessage(error)));
  }
}

function focusFirstError(): void {
  const first = (Object.keys(fields) as TripField[]).find((k) => fields[k].root.classList.contains('has-error'));
  if (first) fields[first].control.focus();
}

/** Clears the trip's fields; the cadre stays chosen for the next trip. */
function resetTrip(clearResult: boolean): void {
  for (const key of ['kind', 'detail', 'from', 'to', 'days', 'place', 'level'] as TripField[]) fields[key].control.value = '';
  fields.status.control.value = 'registered';
  touched.clear();
  daysAuto = true;
  statusTouched = false;
  if (clearResult) replace(result);
  update();
}

void start();
