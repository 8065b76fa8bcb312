import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import { parseDayFirstDate } from '../../core/date-parse';
import type { PresetId } from '../../core/presets';
import type { SettingsInput } from '../../core/settings';
import { checkSettingsInput } from '../../core/settings-check';
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

function build(): void {
  const s = page.settings;
  const o = s.overrides;
  const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  const dm = (monthDay: string | undefined) => (monthDay ? `${monthDay.slice(3, 5)}/${monthDay.slice(0, 2)}` : '');
  const tri = (v: boolean | undefined) => (v === undefined ? '' : String(v));

  const f = {
    province: field('Tên tỉnh (trên biểu mẫu)', textInput({ value: s.province, maxlength: 60 })),
    year: field('Năm theo dõi', textInput({ value: String(s.year), inputmode: 'numeric' })),
    preset: field('Bộ quy định', select(page.presets.map((p) => ({ value: p.id, label: p.title })), s.preset)),
    minDays: field('Số ngày tối thiểu', textInput({ value: numberText(o.minDays), inputmode: 'numeric' })),
    periodStart: field('Kỳ tính từ ngày', textInput({ value: dm(o.periodStart), inputmode: 'numeric' })),
    periodEnd: field('đến ngày', textInput({ value: dm(o.periodEnd), inputmode: 'numeric' })),
    roundsCount: field('Số đợt bắt buộc', textInput({ value: numberText(o.roundsCount), inputmode: 'numeric' })),
    roundMinDays: field('Ngày/đợt tối thiểu', textInput({ value: numberText(o.roundMinDays), inputmode: 'numeric' })),
    roundMaxDays: field('Ngày/đợt tối đa', textInput({ value: numberText(o.roundMaxDays), inputmode: 'numeric' })),
    notBackToBack: field('Hai đợt liền nhau', select([], tri(o.notBackToBack))),
    proRating: field('Tính theo thời gian áp dụng', select([], tri(o.proRating))),
    planNumber: field('Kế hoạch số', textInput({ value: s.planNumber, maxlength: 60, placeholder: 'VD: 06-HD/TĐTN-BTCKT' })),
    planDate: field('Ngày kế hoạch', textInput({ value: s.planDate ? formatDayFirst(s.planDate as CalendarDate) : '', placeholder: 'dd/mm/yyyy', inputmode: 'numeric' })),
    btcKt: field('Email Ban Tổ chức – Kiểm tra', h('textarea', { attrs: { rows: 2, spellcheck: 'false' } }), 'Mỗi dòng một địa chỉ; nhận bản tổng hợp toàn tỉnh.'),
    reminderDaysBefore: field('Nhắc trước hạn (ngày)', textInput({ value: String(s.schedule.reminderDaysBefore), inputmode: 'numeric' })),
  };
  (f.btcKt.control as HTMLTextAreaElement).value = s.recipients.btcKt.join('\n');

  const leaders = page.bans.map((b) => {
    const input = textInput({ type: 'email', value: b.override, spellcheck: 'false', placeholder: b.rosterEmail || 'email@…' });
    const hint = b.rosterEmail ? `Theo tab Cán bộ: ${b.leaderName}.` : b.leaderName ? `${b.leaderName} chưa có email trong tab Cán bộ.` : 'Tab Cán bộ chưa ghi lãnh đạo của ban này.';
    return { ban: b.ban, field: field(b.ban, input, hint, 'ban-leader') };
  });

  const enabled = checkbox('Gửi email tự động', s.schedule.enabled);
  const quarterly = checkbox('Gửi bản tổng hợp mỗi quý', s.schedule.quarterlySummary);
  const reminders = checkbox('Nhắc hạn đăng ký và báo cáo', s.schedule.reminders);

  const overridesError = h('div', { attrs: { 'aria-live': 'polite' } });
  const topErrors = h('div', { attrs: { 'aria-live': 'polite' } });
  const saveButton = h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Lưu cài đặt');
  const saveHint = h('div', { class: 'hint', attrs: { id: 'settings-save-hint' } });
  saveButton.setAttribute('aria-describedby', saveHint.id);
  const status = h('div', { attrs: { 'aria-live': 'polite' } });
  const scheduleBox = h('div', { attrs: { 'aria-live': 'polite' } });

  /** Installed or not, by whom, the last run and its outcome, recent failures, and a reinstall button when needed. */
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
    ['province', f.province],
    ['year', f.year],
    ['preset', f.preset],
    ['overrides.minDays', f.minDays],
    ['overrides.periodStart', f.periodStart],
    ['overrides.periodEnd', f.periodEnd],
    ['overrides.roundsCount', f.roundsCount],
    ['overrides.roundMinDays', f.roundMinDays],
    ['overrides.roundMaxDays', f.roundMaxDays],
    ['overrides.notBackToBack', f.notBackToBack],
    ['overrides.proRating', f.proRating],
    ['planNumber', f.planNumber],
    ['planDate', f.planDate],
    ['recipients.btcKt', f.btcKt],
    ['schedule.reminderDaysBefore', f.reminderDaysBefore],
    ...leaders.map((l) => [`recipients.banLeaders.${l.ban}`, l.field] as [string, Field]),
  ]);

  function preset(): PresetOption {
    return page.presets.find((p) => p.id === f.preset.control.value) ?? page.presets[0]!;
  }

  /** The preset's values as placeholders: what a blank override means. */
  function showPresetDefaults(): void {
    const p = preset();
    const d = p.defaults;
    f.preset.setHint(p.source);
    (f.province.control as HTMLInputElement).placeholder = p.province;
    (f.minDays.control as HTMLInputElement).placeholder = String(d.minDays);
    (f.periodStart.control as HTMLInputElement).placeholder = d.periodStart;
    (f.periodEnd.control as HTMLInputElement).placeholder = d.periodEnd;
    (f.roundsCount.control as HTMLInputElement).placeholder = String(d.roundsCount);
    (f.roundMinDays.control as HTMLInputElement).placeholder = d.roundMinDays === null ? 'không giới hạn' : String(d.roundMinDays);
    (f.roundMaxDays.control as HTMLInputElement).placeholder = d.roundMaxDays === null ? 'không giới hạn' : String(d.roundMaxDays);
    const yesNo = (v: boolean, yes: string, no: string) => (v ? yes : no);
    const n2n = f.notBackToBack.control as HTMLSelectElement;
    const keepN2n = n2n.value;
    replace(
      n2n,
      h('option', { attrs: { value: '' } }, `Theo bộ quy định (${yesNo(d.notBackToBack, 'chỉ tính một đợt', 'tính riêng từng đợt')})`),
      h('option', { attrs: { value: 'true' } }, 'Chỉ tính một đợt'),
      h('option', { attrs: { value: 'false' } }, 'Tính riêng từng đợt'),
    );
    n2n.value = keepN2n;
    const pr = f.proRating.control as HTMLSelectElement;
    const keepPr = pr.value;
    replace(
      pr,
      h('option', { attrs: { value: '' } }, `Theo bộ quy định (${yesNo(d.proRating, 'có', 'không')})`),
      h('option', { attrs: { value: 'true' } }, 'Có: giảm theo tỷ lệ'),
      h('option', { attrs: { value: 'false' } }, 'Không'),
    );
    pr.value = keepPr;
    f.roundsCount.setHint(`Đợt ${d.roundLabel}.`);
  }

  /** The page's values as SettingsInput, plus the errors of text that is not even a number or a day/month. */
  function read(): { input: SettingsInput; local: Record<string, string> } {
    const local: Record<string, string> = {};
    const value = (fl: Field) => (fl.control as Control).value.trim();
    const integer = (key: string, fl: Field): number | undefined => {
      const text = value(fl);
      if (text === '') return undefined;
      if (!/^\d+$/.test(text)) {
        local[key] = 'Nhập một số nguyên, ví dụ 60.';
        return undefined;
      }
      return Number(text);
    };
    const monthDay = (key: string, fl: Field): string | undefined => {
      const text = value(fl);
      if (text === '') return undefined;
      const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(text);
      if (!m) {
        local[key] = 'Nhập ngày/tháng, ví dụ 31/12.';
        return undefined;
      }
      return `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    };
    const bool = (fl: Field): boolean | undefined => (value(fl) === '' ? undefined : value(fl) === 'true');

    const overrides: Record<string, unknown> = { ...page.settings.overrides };
    const set = (key: string, v: unknown) => {
      if (v === undefined) delete overrides[key];
      else overrides[key] = v;
    };
    set('minDays', integer('overrides.minDays', f.minDays));
    set('periodStart', monthDay('overrides.periodStart', f.periodStart));
    set('periodEnd', monthDay('overrides.periodEnd', f.periodEnd));
    set('roundsCount', integer('overrides.roundsCount', f.roundsCount));
    set('roundMinDays', integer('overrides.roundMinDays', f.roundMinDays));
    set('roundMaxDays', integer('overrides.roundMaxDays', f.roundMaxDays));
    set('notBackToBack', bool(f.notBackToBack));
    set('proRating', bool(f.proRating));

    const yearText = value(f.year);
    if (!/^\d+$/.test(yearText)) local.year = 'Nhập năm bằng số, ví dụ 2024.';
    const planText = value(f.planDate);
    const plan = parseDayFirstDate(planText);
    if (planText !== '' && !plan.ok) local.planDate = 'Ngày kế hoạch không hợp lệ: nhập ngày/tháng/năm, ví dụ 10/03/2023.';
    const reminderText = value(f.reminderDaysBefore);
    if (!/^\d+$/.test(reminderText)) local['schedule.reminderDaysBefore'] = 'Nhập một số nguyên, ví dụ 7.';

    const banLeaders: Record<string, string> = {};
    for (const l of leaders) {
      const email = value(l.field);
      if (email !== '') banLeaders[l.ban] = email;
    }
    const input: SettingsInput = {
      province: value(f.province),
      year: /^\d+$/.test(yearText) ? Number(yearText) : page.settings.year,
      preset: value(f.preset) as PresetId,
      overrides,
      planNumber: value(f.planNumber),
      planDate: plan.ok ? plan.date : '',
      recipients: {
        btcKt: value(f.btcKt)
          .split(/[\s,;]+/)
          .filter(Boolean),
        banLeaders,
      },
      schedule: {
        enabled: enabled.control.checked,
        quarterlySummary: quarterly.control.checked,
        reminders: reminders.control.checked,
        reminderDaysBefore: /^\d+$/.test(reminderText) ? Number(reminderText) : page.settings.schedule.reminderDaysBefore,
      },
    };
    return { input, local };
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
          if (event.target === f.preset.control) showPresetDefaults();
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
    h(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'sec-general' } },
      h('h2', { attrs: { id: 'sec-general' } }, 'Chung'),
      f.province.root,
      f.year.root,
      f.preset.root,
    ),
    h(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'sec-rules' } },
      h('h2', { attrs: { id: 'sec-rules' } }, 'Quy định riêng'),
      h('p', { class: 'subtitle' }, 'Để trống một ô để dùng giá trị của bộ quy định (hiện mờ trong ô).'),
      overridesError,
      f.minDays.root,
      pair(f.periodStart, f.periodEnd, 'Ngày/tháng, ví dụ 31/12.'),
      f.roundsCount.root,
      pair(f.roundMinDays, f.roundMaxDays),
      f.notBackToBack.root,
      f.proRating.root,
    ),
    h(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'sec-forms' } },
      h('h2', { attrs: { id: 'sec-forms' } }, 'Biểu mẫu'),
      h('p', { class: 'subtitle' }, 'Dòng “(Kèm theo Kế hoạch số …)” trên mẫu 2 và mẫu 3.'),
      f.planNumber.root,
      f.planDate.root,
    ),
    h(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'sec-mail' } },
      h('h2', { attrs: { id: 'sec-mail' } }, 'Người nhận email'),
      f.btcKt.root,
      leaders.length > 0 ? h('p', { class: 'subtitle' }, 'Lãnh đạo từng ban: để trống để dùng email trong tab Cán bộ (hiện mờ trong ô).') : null,
      leaders.map((l) => l.field.root),
    ),
    h(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'sec-schedule' } },
      h('h2', { attrs: { id: 'sec-schedule' } }, 'Gửi tự động'),
      scheduleBox,
      enabled.root,
      quarterly.root,
      reminders.root,
      f.reminderDaysBefore.root,
    ),
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
