import type { Quarter } from '../../core/calendar-date';
import type { FormOptionsPayload, FormScope } from '../../sheets/pages/forms';
import { call, closeHost, failureMessage } from '../bridge';
import { banner, busy, byId, h, newId, replace } from '../shared/dom';
import { field, select } from '../shared/form';

/** Tạo mẫu 2 / mẫu 3: choose the form, the Ban (or all) and the quarter; see what it will list; generate the tab. */

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const app = byId('app');
let options: FormOptionsPayload;

async function start(): Promise<void> {
  try {
    options = await call('getFormOptions');
  } catch (error) {
    replace(app, h('h1', null, 'Tạo mẫu 2 / mẫu 3'), banner('error', failureMessage(error)));
    app.setAttribute('aria-busy', 'false');
    return;
  }
  build();
  app.setAttribute('aria-busy', 'false');
}

function build(): void {
  const formName = newId('form');
  const radio = (value: 'mau2' | 'mau3', label: string, hint: string, checked: boolean) => {
    const input = h('input', { attrs: { type: 'radio', name: formName, value, id: newId('r'), checked } });
    input.addEventListener('change', render);
    return {
      input,
      root: h('div', { class: 'radio' }, input, h('label', { attrs: { for: input.id } }, h('strong', null, label), h('br'), h('span', { class: 'hint' }, hint))),
    };
  };
  // The menu item that opened the dialog (“Tạo mẫu 2…” or “Tạo mẫu 3…”) says which form to start with.
  const opened = (window as { __FORM__?: unknown }).__FORM__ === 'mau2' ? 'mau2' : 'mau3';
  const mau3 = radio('mau3', 'Mẫu 3 – Báo cáo kết quả quý', 'Các đợt đã thực hiện, bắt đầu trong quý.', opened === 'mau3');
  const mau2 = radio('mau2', 'Mẫu 2 – Bản tổng hợp đăng ký', `Mọi đợt đã đăng ký, đã duyệt, đã thực hiện năm ${options.year}.`, opened === 'mau2');
  const ban = select([{ value: '', label: 'Tất cả các ban (toàn tỉnh)' }, ...options.bans.map((b) => ({ value: b, label: b }))]);
  const quarter = select(
    ([1, 2, 3, 4] as const).map((q) => ({ value: String(q), label: `Quý ${ROMAN[q - 1]} năm ${options.year}` })),
    String(options.currentQuarter),
  );
  const banField = field('Ban/Văn phòng', ban);
  const quarterField = field('Quý', quarter);
  const summary = h('div', { class: 'summary', attrs: { role: 'status', 'aria-live': 'polite' } });
  const generate = h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Tạo mẫu');
  const close = h('button', { attrs: { type: 'button' }, on: { click: () => closeHost() } }, 'Đóng');
  const result = h('div', { attrs: { 'aria-live': 'polite' } });
  ban.addEventListener('change', render);
  quarter.addEventListener('change', render);

  function chosen(): { form: 'mau2' | 'mau3'; ban: string | null; quarter: Quarter; scope: FormScope } {
    const form = mau2.input.checked ? 'mau2' : 'mau3';
    const banValue = ban.value === '' ? null : ban.value;
    const scope = options.scopes.find((s) => s.ban === banValue) ?? options.scopes[0]!;
    return { form, ban: banValue, quarter: Number(quarter.value) as Quarter, scope };
  }

  function render(): void {
    const c = chosen();
    quarterField.root.hidden = c.form === 'mau2';
    const count = c.form === 'mau2' ? c.scope.mau2 : c.scope.mau3[c.quarter - 1]!;
    const what = c.form === 'mau2' ? `Mẫu 2 năm ${options.year}` : `Mẫu 3 quý ${ROMAN[c.quarter - 1]}/${options.year}`;
    const who = c.ban ?? 'toàn tỉnh';
    replace(
      summary,
      count.trips === 0
        ? `${what} (${who}) chưa có đợt nào để liệt kê; mẫu vẫn được tạo với dòng “không có”.`
        : [`${what} (${who}) sẽ liệt kê `, h('strong', null, `${count.cadres} cán bộ`), ', ', h('strong', null, `${count.trips} đợt`), '.'],
    );
  }

  const form = h(
    'form',
    {
      attrs: { novalidate: true, 'aria-label': 'Tạo mẫu' },
      on: {
        submit: (event) => {
          event.preventDefault();
          const c = chosen();
          void busy(generate, 'Đang tạo…', () => call('generateForm', { form: c.form, ban: c.ban, quarter: c.quarter }))
            .then((made) => {
              replace(result, banner('success', [`Đã tạo tab “${made.tabName}”: ${made.cadres} cán bộ, ${made.trips} đợt.`]));
            })
            .catch((error: unknown) => replace(result, banner('error', failureMessage(error))));
        },
      },
    },
    h('fieldset', null, h('legend', null, 'Mẫu'), mau3.root, mau2.root),
    banField.root,
    quarterField.root,
    summary,
    h('div', { class: 'actions' }, generate, close),
  );
  const warnings = options.warnings.length > 0 ? banner('warning', h('ul', null, options.warnings.map((w) => h('li', null, w)))) : null;
  replace(app, warnings, result, form, h('p', { class: 'subtitle note' }, 'Mẫu được ghi vào một tab mới; tab cùng tên được thay thế.'));
  render();
}

void start();
