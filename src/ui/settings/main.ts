import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import { parseDayFirstDate } from '../../core/date-parse';
import type { SettingsInput } from '../../core/settings';
import { checkSettingsInput } from '../../core/settings-check';
import { formatMonthDay, PAGE_SECTIONS, parseMonthDay, SCHEDULE_SWITCH, SETTING_FIELDS, type PageControl, type PageSection } from '../../core/settings-fields';
import type { ScheduleFailure, ScheduleStatus } from '../../sheets/schedule-status';
import type { PresetOption, SettingsPagePayload } from '../../sheets/pages/settings';
import { call, failureMessage } from '../bridge';
import { banner, busy, byId, h, replace } from '../shared/dom';
import { checkbox, field, pair, select, textInput, type Field } from '../shared/form';

/**
 * Cài đặt: the stored settings, checked as they are typed with checkSettingsInput (SettingsSchema and the preset),
 * the same check the server makes before saving. A blank override means “as the preset says”.
 */

const app = byId('app');
let page: SettingsPagePayload;
/** The daily email trigger's state; null when it cannot be read (the page still works without it). */
let schedule: ScheduleStatus | null = null;
/** The outcome of the last "Gửi bù", shown above the schedule until the page is reloaded. */
let scheduleNotice: HTMLElement | null = null;

const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDayFirst(iso as CalendarDate) : iso);

/** One email (or several of one item) that did not go: what, to whom, when it was due, why, and what happens next. */
function unsentItem(f: ScheduleFailure): HTMLElement {
  const next = !f.final
    ? f.needsAddress
      ? 'Sửa địa chỉ email (tab Cán bộ hoặc phần Người nhận email) để lần chạy sau gửi được.'
      : 'Tiện ích sẽ gửi lại ở lần chạy sau.'
    : !f.resendable
      ? 'Đã quá thời hạn gửi: thư này sẽ không được gửi.'
      : f.needsAddress
        ? 'Đã quá thời hạn tự gửi: sửa địa chỉ email rồi bấm “Gửi bù báo cáo quý”.'
        : 'Đã quá thời hạn tự gửi: bấm “Gửi bù báo cáo quý” để gửi ngay.';
  return h(
    'li',
    { class: f.final ? 'unsent unsent-final' : 'unsent' },
    h('div', { class: 'unsent-what' }, f.count > 1 ? `${f.what} (${f.count} thư)` : f.what),
    h('div', null, `Người nhận: ${f.to}`),
    f.due ? h('div', null, `Hạn gửi: ${dmy(f.due)}`) : null,
    h('div', null, `Lý do: ${f.message}`),
    h('div', { class: 'hint' }, next),
  );
}

async function start(): Promise<void> {
  try {
    const status = call('getScheduleStatus').catch(() => null);
    page = await call('getSettingsPage');
    schedule = await status;
  } catch (error) {
    replace(app, h('h1', null, 'Cài đặt'), banner('error', failureMessage(error)));
    app.setAttribute('aria-busy', 'false');
    return;
  }
  build();
  app.setAttribute('aria-busy', 'false');
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The page's controls, from the settings table (core/settings-fields.ts): the schedule's switch, then each setting. */
const CONTROLS: readonly PageControl[] = [SCHEDULE_SWITCH, ...SETTING_FIELDS.flatMap((f) => f.page ?? [])];

/** What a section says above its controls. */
const SECTION_INTROS: Partial<Record<PageSection, string>> = {
  rules: 'Để trống một ô để dùng giá trị của bộ quy định (hiện mờ trong ô).',
  forms: 'Dòng “(Kèm theo Kế hoạch số …)” trên mẫu 2 và mẫu 3.',
};

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** Sets (or, with undefined, deletes) the value at a dotted path, copying the objects on the way. */
function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
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

/** One control of the table, built: a labelled field, or a checkbox. */
interface Built {
  spec: PageControl;
  field: Field | null;
  box: HTMLInputElement | null;
  root: HTMLElement;
}

function buildControl(spec: PageControl, value: unknown): Built {
  const input = spec.input;
  const numberText = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  let control: Control;
  switch (input.kind) {
    case 'checkbox': {
      const box = checkbox(spec.label, value === true);
      return { spec, field: null, box: box.control, root: box.root };
    }
    case 'text':
      control = textInput({ value: numberText(value), maxlength: input.maxLength, placeholder: input.placeholder });
      break;
    case 'integer':
      control = textInput({ value: numberText(value), inputmode: 'numeric', placeholder: input.placeholder });
      break;
    case 'month-day':
      control = textInput({ value: typeof value === 'string' && value ? formatMonthDay(value) : '', inputmode: 'numeric', placeholder: input.placeholder });
      break;
    case 'date':
      control = textInput({ value: typeof value === 'string' && value ? formatDayFirst(value as CalendarDate) : '', placeholder: input.placeholder, inputmode: 'numeric' });
      break;
    case 'preset':
      control = select(page.presets.map((p) => ({ value: p.id, label: p.title })), String(value));
      break;
    case 'yes-no':
      // Its options name the preset's value: filled by showPresetDefaults.
      control = select([], value === undefined ? '' : String(value));
      break;
    case 'emails':
      control = h('textarea', { attrs: { rows: 2, spellcheck: 'false' } });
      control.value = Array.isArray(value) ? value.join('\n') : '';
      break;
  }
  const f = field(spec.label, control, spec.hint ?? null);
  return { spec, field: f, box: null, root: f.root };
}

function build(): void {
  const s = page.settings;
  const built = CONTROLS.map((spec) => buildControl(spec, valueAt(s, spec.path)));
  const presetField = built.find((b) => b.spec.input.kind === 'preset')!.field!;

  const leaders = page.bans.map((b) => {
    const input = textInput({ type: 'email', value: b.override, spellcheck: 'false', placeholder: b.rosterEmail || 'email@…' });
    const hint = b.rosterEmail ? `Theo tab Cán bộ: ${b.leaderName}.` : b.leaderName ? `${b.leaderName} chưa có email trong tab Cán bộ.` : 'Tab Cán bộ chưa ghi lãnh đạo của ban này.';
    return { ban: b.ban, field: field(b.ban, input, hint, 'ban-leader') };
  });

  const overridesError = h('div', { attrs: { 'aria-live': 'polite' } });
  const topErrors = h('div', { attrs: { 'aria-live': 'polite' } });
  const saveButton = h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Lưu cài đặt');
  const saveHint = h('div', { class: 'hint', attrs: { id: 'settings-save-hint' } });
  saveButton.setAttribute('aria-describedby', saveHint.id);
  const status = h('div', { attrs: { 'aria-live': 'polite' } });
  const scheduleBox = h('div', { attrs: { 'aria-live': 'polite' } });

  function showSchedule(): void {
    if (!schedule) {
      replace(scheduleBox);
      return;
    }
    const st = schedule;
    const when = (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
    };
    const resend =
      st.resendable > 0
        ? h(
            'button',
            {
              attrs: { type: 'button', 'aria-describedby': 'resend-hint' },
              on: {
                click: (event) => {
                  void busy(event.currentTarget as HTMLButtonElement, 'Đang gửi bù…', () => call('sendMissedSummaries'))
                    .then((result) => {
                      schedule = result.status;
                      scheduleNotice = banner(result.sent.length > 0 ? 'success' : 'warning', result.message);
                      showSchedule();
                    })
                    .catch((error: unknown) => {
                      scheduleNotice = banner('error', failureMessage(error));
                      showSchedule();
                    });
                },
              },
            },
            'Gửi bù báo cáo quý',
          )
        : null;
    const unsentCount = st.failures.reduce((n, f) => n + f.count, 0);
    const reinstall = st.offerReinstall
      ? h(
          'button',
          {
            attrs: { type: 'button' },
            on: {
              click: (event) => {
                void busy(event.currentTarget as HTMLButtonElement, 'Đang cài lại…', () => call('setSchedule', true))
                  .then((next) => {
                    schedule = next;
                    showSchedule();
                  })
                  .catch((error: unknown) => replace(scheduleBox, banner('error', failureMessage(error))));
              },
            },
          },
          'Cài lại lịch gửi',
        )
      : null;
    replace(
      scheduleBox,
      scheduleNotice,
      banner(st.problem ? 'warning' : 'info', st.message),
      st.lastRun ? h('p', { class: 'hint' }, `Lần chạy gần nhất: ${when(st.lastRun.at)} — ${st.lastRun.ok ? 'xong' : 'lỗi'}: ${st.lastRun.message}`) : null,
      st.failures.length > 0
        ? h(
            'section',
            { attrs: { 'aria-labelledby': 'unsent-title' } },
            h('h3', { attrs: { id: 'unsent-title' } }, `Thư chưa gửi được (${unsentCount})`),
            h('ul', { class: 'unsent-list' }, st.failures.map(unsentItem)),
          )
        : null,
      resend
        ? h(
            'div',
            { class: 'actions resend' },
            resend,
            h(
              'div',
              { class: 'hint', attrs: { id: 'resend-hint' } },
              `Gửi ngay ${st.resendable} thư báo cáo quý đã lỡ hạn; thư nào đã gửi thì không bao giờ gửi lại.`,
            ),
          )
        : null,
      reinstall,
    );
  }


  const byKey = new Map<string, Field>([
    ...built.flatMap((b) => (b.field ? [[b.spec.path, b.field] as [string, Field]] : [])),
    ...leaders.map((l) => [`recipients.banLeaders.${l.ban}`, l.field] as [string, Field]),
  ]);

  function preset(): PresetOption {
    return page.presets.find((p) => p.id === (presetField.control as HTMLSelectElement).value) ?? page.presets[0]!;
  }

  /** The preset's values as placeholders and as the "Theo bộ quy định" choice: what a blank override means. */
  function showPresetDefaults(): void {
    const p = preset();
    const d = p.defaults;
    presetField.setHint(p.source);
    for (const { spec, field: f } of built) {
      if (!f || !spec.blank) continue;
      const value = d[spec.blank];
      if (spec.input.kind === 'yes-no') {
        const control = f.control as HTMLSelectElement;
        const keep = control.value;
        replace(
          control,
          h('option', { attrs: { value: '' } }, `Theo bộ quy định (${value ? spec.input.presetYes : spec.input.presetNo})`),
          h('option', { attrs: { value: 'true' } }, spec.input.yes),
          h('option', { attrs: { value: 'false' } }, spec.input.no),
        );
        control.value = keep;
      } else (f.control as HTMLInputElement).placeholder = value === null ? 'không giới hạn' : String(value);
      if (spec.presetHint) f.setHint(spec.presetHint(d));
    }
  }

  /**
   * The page's values as SettingsInput, each read with its kind's codec, plus the errors of text that is not even
   * a number, a day/month or a date. A blank override means "as the preset says"; a blank required value keeps the
   * stored one (and says so).
   */
  function read(): { input: SettingsInput; local: Record<string, string> } {
    const local: Record<string, string> = {};
    const input = JSON.parse(JSON.stringify(page.settings)) as Record<string, unknown>;
    for (const { spec, field: f, box } of built) {
      const optional = spec.path.startsWith('overrides.');
      const text = f ? (f.control as Control).value.trim() : '';
      const bad = () => {
        local[spec.path] = spec.invalid ?? '';
        if (optional) setAt(input, spec.path, undefined);
      };
      switch (spec.input.kind) {
        case 'checkbox':
          setAt(input, spec.path, box!.checked);
          break;
        case 'text':
        case 'preset':
          setAt(input, spec.path, text);
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
          setAt(input, spec.path, date.ok ? date.date : '');
          if (text !== '' && !date.ok) local[spec.path] = spec.invalid ?? '';
          break;
        }
        case 'yes-no':
          setAt(input, spec.path, text === '' ? undefined : text === 'true');
          break;
        case 'emails':
          setAt(input, spec.path, text.split(/[\s,;]+/).filter(Boolean));
          break;
      }
    }
    const banLeaders: Record<string, string> = {};
    for (const l of leaders) {
      const email = (l.field.control as Control).value.trim();
      if (email !== '') banLeaders[l.ban] = email;
    }
    setAt(input, 'recipients.banLeaders', banLeaders);
    return { input: input as SettingsInput, local };
  }

  function showErrors(fieldErrors: Record<string, string>, errors: string[] = []): void {
    for (const [key, fl] of byKey) fl.setError(fieldErrors[key] ?? null);
    replace(overridesError, fieldErrors.overrides ? banner('error', fieldErrors.overrides) : null);
    const placed = new Set([...byKey.keys(), 'overrides']);
    const rest = Object.entries(fieldErrors)
      .filter(([k]) => !placed.has(k))
      .map(([, m]) => m);
    const unplaced = rest.length > 0 ? rest : Object.keys(fieldErrors).length === 0 ? errors : [];
    replace(topErrors, unplaced.length > 0 ? banner('error', h('ul', null, unplaced.map((m) => h('li', null, m)))) : null);
  }

  /** Runs both checks and shows their messages; true when the settings can be saved. */
  function validate(): { ok: boolean; input: SettingsInput } {
    const { input, local } = read();
    const checked = checkSettingsInput(input);
    const fieldErrors = { ...(checked.ok ? {} : checked.fieldErrors), ...local };
    showErrors(fieldErrors, checked.ok ? [] : checked.errors);
    const ok = checked.ok && Object.keys(local).length === 0;
    saveButton.disabled = !ok;
    saveHint.textContent = ok ? '' : 'Sửa các ô báo lỗi để lưu.';
    return { ok, input };
  }


  /** A section of the page: its title, its intro, then its controls in table order (pairs side by side). */
  function section(id: PageSection): HTMLElement {
    const mine = built.filter((b) => b.spec.section === id);
    const rows: HTMLElement[] = [];
    for (let i = 0; i < mine.length; i++) {
      const a = mine[i]!;
      const b = mine[i + 1];
      if (a.spec.pair && b?.spec.pair?.id === a.spec.pair.id && a.field && b.field) {
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
      id === 'mail' && leaders.length > 0 ? h('p', { class: 'subtitle' }, 'Lãnh đạo từng ban: để trống để dùng email trong tab Cán bộ (hiện mờ trong ô).') : null,
      id === 'mail' ? leaders.map((l) => l.field.root) : null,
    );
  }

  const form = h(
    'form',
    {
      attrs: { novalidate: true, 'aria-label': 'Cài đặt' },
      on: {
        input: () => {
          replace(status);
          validate();
        },
        change: (event) => {
          if (event.target === presetField.control) showPresetDefaults();
          validate();
        },
        submit: (event) => {
          event.preventDefault();
          const { ok, input } = validate();
          if (!ok) return;
          void busy(saveButton, 'Đang lưu…', () => call('saveSettingsPage', input))
            .then((saved) => {
              if (saved.ok) {
                page = { ...page, settings: { ...page.settings, ...(input as typeof page.settings) } };
                replace(status, banner('success', 'Đã lưu cài đặt.'));
                // Saving the choice is not enough: the daily trigger must be installed or removed for this user.
                const wanted = input.schedule?.enabled ?? false;
                if (schedule && schedule.enabled === wanted && schedule.installed === wanted) return;
                return call('setSchedule', wanted).then((next) => {
                  schedule = next;
                  showSchedule();
                  replace(status, banner('success', wanted ? 'Đã lưu cài đặt và bật gửi email tự động.' : 'Đã lưu cài đặt và tắt gửi email tự động.'));
                });
              } else {
                showErrors(saved.fieldErrors, saved.errors);
                replace(status, banner('error', 'Chưa lưu: hãy sửa các ô báo lỗi.'));
              }
            })
            .catch((error: unknown) => replace(status, banner('error', failureMessage(error))));
        },
      },
    },
    topErrors,
    (Object.keys(PAGE_SECTIONS) as PageSection[]).map(section),
    status,
    h('div', { class: 'actions' }, saveButton, saveHint),
  );
  const warnings = page.warnings.length > 0 ? banner('warning', h('ul', null, page.warnings.map((w) => h('li', null, w)))) : null;
  replace(app, h('h1', null, 'Cài đặt'), h('p', { class: 'subtitle' }, 'Lưu trong bảng tính này; áp dụng cho mọi người dùng bảng tính.'), warnings, form);
  showPresetDefaults();
  showSchedule();
  validate();
}

void start();
