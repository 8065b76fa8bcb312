import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import { banKey } from '../../core/names';
import { foldKey } from '../../core/text';
import type { ProgressEntry, ProgressPayload } from '../../sheets/pages/progress';
import { call, failureMessage } from '../bridge';
import { progressCard } from '../shared/card';
import { banner, byId, h, replace } from '../shared/dom';
import { field, select, textInput } from '../shared/form';

/** Tiến độ 1+2: who is behind and why, one card per cadre, behind first. */

type StatusFilter = 'all' | 'behind' | 'ok' | 'short-days' | 'short-rounds' | 'exempt';

const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'behind', label: 'Chưa đủ (thiếu ngày hoặc chuyên đề)' },
  { value: 'short-days', label: 'Thiếu ngày' },
  { value: 'short-rounds', label: 'Thiếu chuyên đề' },
  { value: 'ok', label: 'Đủ' },
  { value: 'exempt', label: 'Miễn' },
];

function matchesStatus(e: ProgressEntry, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'behind':
      return e.status === 'short-days' || e.status === 'short-rounds' || e.status === 'short-both';
    case 'short-days':
      return e.status === 'short-days' || e.status === 'short-both';
    case 'short-rounds':
      return e.status === 'short-rounds' || e.status === 'short-both';
    default:
      return e.status === filter;
  }
}

const app = byId('app');
let data: ProgressPayload | null = null;
let loadedAt = 0;
const state = { ban: '', status: 'all' as StatusFilter, query: '' };

const banSelect = select([{ value: '', label: 'Tất cả các ban' }]);
const statusSelect = select(STATUS_FILTERS, 'all');
const search = textInput({ type: 'search', placeholder: 'Gõ tên, không cần dấu', spellcheck: 'false' });
const banField = field('Ban/Văn phòng', banSelect);
const statusField = field('Tình trạng', statusSelect);
const searchField = field('Tìm theo tên', search);
const refreshButton = h('button', { class: 'icon', attrs: { type: 'button', 'aria-label': 'Làm mới', title: 'Làm mới' }, on: { click: () => void load() } }, '↻');
const head = h('div', { class: 'page-head' }, h('h1', null, 'Tiến độ 1+2'), refreshButton);
const subtitle = h('p', { class: 'subtitle' });
const messages = h('div', { attrs: { 'aria-live': 'polite' } });
const counts = h('div', { class: 'counts', attrs: { role: 'group', 'aria-label': 'Số cán bộ theo tình trạng' } });
const filters = h('div', { class: 'filters' }, h('div', { class: 'row' }, banField.root, statusField.root), searchField.root);
const resultLine = h('p', { class: 'result-line', attrs: { role: 'status' } });
const list = h('ul', { class: 'cards', attrs: { 'aria-label': 'Danh sách cán bộ' } });

banSelect.addEventListener('change', () => {
  state.ban = banSelect.value;
  renderList();
});
statusSelect.addEventListener('change', () => {
  state.status = statusSelect.value as StatusFilter;
  renderCounts();
  renderList();
});
search.addEventListener('input', () => {
  state.query = search.value;
  renderList();
});
// Sheets cannot push to a sidebar: coming back to it after a while (e.g. after “Kiểm tra”) reloads the numbers.
window.addEventListener('focus', () => {
  if (data && Date.now() - loadedAt > 30_000) void load();
});

async function load(): Promise<void> {
  app.setAttribute('aria-busy', 'true');
  refreshButton.disabled = true;
  try {
    data = await call('getProgress');
    loadedAt = Date.now();
    render();
  } catch (error) {
    replace(messages, banner('error', failureMessage(error)));
    if (!data) replace(app, head, messages);
  } finally {
    refreshButton.disabled = false;
    app.setAttribute('aria-busy', 'false');
  }
}

function render(): void {
  if (!data) return;
  const day = (d: string) => formatDayFirst(d as CalendarDate);
  subtitle.textContent = `Năm ${data.year} · kỳ tính ${day(data.period.start).slice(0, 5)}–${day(data.period.end)} · tối thiểu ${data.minDays} ngày · số liệu ngày ${day(data.today)}`;
  replace(messages, data.warnings.length > 0 ? banner('warning', h('ul', null, data.warnings.map((w) => h('li', null, w)))) : null);
  const current = state.ban;
  replace(banSelect, h('option', { attrs: { value: '' } }, 'Tất cả các ban'), data.bans.map((b) => h('option', { attrs: { value: b } }, b)));
  banSelect.value = data.bans.includes(current) ? current : '';
  state.ban = banSelect.value;
  renderCounts();
  renderList();
  replace(app, head, subtitle, messages, counts, filters, resultLine, list);
}

function renderCounts(): void {
  if (!data) return;
  const tile = (filter: StatusFilter, value: number, label: string, cls: string) =>
    h(
      'button',
      {
        class: `count ${cls}`,
        attrs: { type: 'button', 'aria-pressed': state.status === filter ? 'true' : 'false', 'data-count': filter },
        on: {
          click: () => {
            state.status = state.status === filter ? 'all' : filter;
            statusSelect.value = state.status;
            renderCounts();
            renderList();
          },
        },
      },
      h('strong', null, value),
      h('span', null, label),
    );
  replace(
    counts,
    tile('ok', data.counts.ok, 'Đủ', 'count-ok'),
    tile('short-days', data.counts.shortDays, 'Thiếu ngày', 'count-days'),
    tile('short-rounds', data.counts.shortRounds, 'Thiếu chuyên đề', 'count-rounds'),
    tile('exempt', data.counts.exempt, 'Miễn', 'count-exempt'),
  );
}

function renderList(): void {
  if (!data) return;
  const query = foldKey(state.query);
  const shown = data.cadres.filter(
    (e) => (state.ban === '' || banKey(e.ban) === banKey(state.ban)) && matchesStatus(e, state.status) && (query === '' || foldKey(e.name).includes(query)),
  );
  resultLine.textContent = `Hiển thị ${shown.length}/${data.cadres.length} cán bộ${shown.length > 0 ? '. Bấm vào tên để chọn các dòng của cán bộ trong tab Đi cơ sở.' : '.'}`;
  const roundsLabel = data.roundsLabel;
  replace(
    list,
    shown.map((e) => h('li', null, progressCard(e, { roundsLabel, onSelect: (entry) => void selectRows(entry) }))),
  );
}

async function selectRows(entry: ProgressEntry): Promise<void> {
  const tab = data?.tripsTab ?? 'Đi cơ sở';
  if (entry.tripRows.length === 0) {
    replace(messages, banner('info', `${entry.name} chưa có đợt nào trong tab ${tab}.`));
    return;
  }
  try {
    const selected = await call('selectTripRows', { name: entry.name, rows: entry.tripRows });
    replace(messages, banner('success', `Đã chọn ${selected.selected} dòng của ${entry.name} trong tab ${selected.tab}.`));
  } catch (error) {
    replace(messages, banner('error', failureMessage(error)));
  }
}

void load();
