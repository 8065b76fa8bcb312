import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import { banKey } from '../../core/names';
import { isBehind, type Verdict } from '../../core/verdict';
import { foldKey } from '../../core/text';
import type { ProgressEntry, ProgressPayload, StatusCounts, Tile } from '../../sheets/pages/progress';
import { call } from '../bridge';
import { announce } from '../shared/announce';
import { compactCard, progressCard } from '../shared/card';
import { banner, byId, focusOn, h, isBusy, replace } from '../shared/dom';
import { failureBanner } from '../shared/failure';
import { field, select, textInput } from '../shared/form';
import { loadPage } from '../shared/load';
import { banChart } from './chart';
import { FILTER_ALL, FILTER_BEHIND, progressTexts as T, type StatusFilter } from './texts';

/**
 * Tiến độ 1+2: who is behind and why. One tile per verdict of the phase (they add up to the cadres of the chosen Ban),
 * the filters, one card (or, in the compact mode, one line) per cadre, and a chart per Ban. The list opens on the
 * cadres who are behind, when there are any (the filter says so), and comes before the chart: in a 300 × 720 sidebar
 * the first of them is in the first screen. The page is built once; a refresh or a filter updates its parts in place,
 * so the focus stays where the person left it.
 */

function matchesStatus(e: ProgressEntry, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'behind') return isBehind(e.verdict);
  return e.verdict === filter;
}

const app = byId('app');
let data: ProgressPayload | null = null;
let loadedAt = 0;
const state = { ban: '', status: 'all' as StatusFilter, query: '', compact: false };
/** The list opens on those behind once, at the first load; after that the filter is the person's. */
let statusChosen = false;

const banSelect = select([{ value: '', label: T.allBans }]);
const statusSelect = select([FILTER_ALL, FILTER_BEHIND], 'all');
const search = textInput({ type: 'search', placeholder: T.searchPlaceholder, spellcheck: 'false' });
const banField = field(T.ban, banSelect);
const statusField = field(T.status, statusSelect);
const searchField = field(T.search, search);
const refreshButton = h(
  'button',
  { class: 'icon', attrs: { type: 'button', 'aria-label': T.refresh, title: T.refresh }, on: { click: () => void refresh() } },
  '↻',
);
const heading = h('h1', { attrs: { tabindex: -1 } }, T.title);
const head = h('div', { class: 'page-head' }, heading, refreshButton);
const subtitle = h('p', { class: 'subtitle' });
const messages = h('div');
const chart = h('div', { class: 'chart-slot' });
const tiles = new Map<Verdict, { button: HTMLButtonElement; value: HTMLElement }>();
const counts = h('div', { class: 'counts', attrs: { role: 'group', 'aria-label': T.tilesLabel } });

/** The tiles and the filter's choices for the verdicts of this phase (they change at the period's end). */
function buildTiles(list: readonly Tile[]): void {
  if (list.length === tiles.size && list.every((t) => tiles.has(t.verdict))) return;
  tiles.clear();
  replace(
    counts,
    list.map((t) => {
      const value = h('strong');
      const button = h(
        'button',
        {
          class: `count count-${t.tone}`,
          attrs: { type: 'button', 'aria-pressed': 'false', 'data-count': t.verdict },
          on: {
            click: () => {
              setStatus(state.status === t.verdict ? 'all' : t.verdict);
              statusSelect.value = state.status;
            },
          },
        },
        value,
        h('span', null, t.label),
      );
      tiles.set(t.verdict, { button, value });
      return button;
    }),
  );
  const keep = state.status;
  replace(
    statusSelect,
    [FILTER_ALL, FILTER_BEHIND, ...list.map((t) => ({ value: t.verdict, label: t.label }))].map((o) => h('option', { attrs: { value: o.value } }, o.label)),
  );
  state.status = keep === 'all' || keep === 'behind' || tiles.has(keep) ? keep : 'all';
  statusSelect.value = state.status;
}
const filters = h('div', { class: 'filters' }, h('div', { class: 'row' }, banField.root, statusField.root), searchField.root);
const resultLine = h('p', { class: 'result-line', attrs: { tabindex: -1 } });
const compactToggle = h(
  'button',
  { class: 'toggle', attrs: { type: 'button', 'aria-pressed': 'false', title: T.compactHint }, on: { click: () => setCompact(!state.compact) } },
  T.compact,
);
const toolbar = h('div', { class: 'list-toolbar' }, resultLine, compactToggle);
const list = h('ul', { class: 'cards', attrs: { 'aria-label': T.listLabel } });
const empty = h('div', { class: 'empty' });

banSelect.addEventListener('change', () => {
  state.ban = banSelect.value;
  renderCounts();
  renderChart();
  renderList(true);
});
statusSelect.addEventListener('change', () => setStatus(statusSelect.value as StatusFilter));
search.addEventListener('input', () => {
  state.query = search.value;
  renderList(true, 600);
});
// Sheets cannot push to a sidebar: coming back to it after a while (e.g. after “Kiểm tra”) reloads the numbers.
window.addEventListener('focus', () => {
  if (data && Date.now() - loadedAt > 30_000) void refresh();
});

function setStatus(status: StatusFilter): void {
  statusChosen = true;
  state.status = status;
  renderCounts();
  renderList(true);
}

function setCompact(compact: boolean): void {
  state.compact = compact;
  compactToggle.setAttribute('aria-pressed', String(compact));
  list.classList.toggle('cards-compact', compact);
  renderList(false);
}

/** The first load builds the page; later ones (↻, coming back to the sidebar) update it in place. */
function show(payload: ProgressPayload): void {
  data = payload;
  loadedAt = Date.now();
  if (!statusChosen && payload.cadres.some((e) => isBehind(e.verdict))) {
    state.status = 'behind';
    statusSelect.value = 'behind';
  }
  update();
  replace(app, head, subtitle, messages, counts, filters, toolbar, list, empty, chart);
}

async function refresh(): Promise<void> {
  if (isBusy(refreshButton)) return;
  refreshButton.setAttribute('aria-busy', 'true');
  try {
    data = await call('getProgress');
    loadedAt = Date.now();
    update();
  } catch (error) {
    replace(
      messages,
      failureBanner(error, () => void refresh()),
    );
  } finally {
    refreshButton.removeAttribute('aria-busy');
  }
}

function update(): void {
  if (!data) return;
  const day = (d: string) => formatDayFirst(d as CalendarDate);
  subtitle.textContent = T.subtitle(data.year, day(data.period.start).slice(0, 5), day(data.period.end), data.minDays, day(data.today));
  replace(
    messages,
    data.today < data.period.start ? banner('info', T.notStarted(day(data.period.start))) : null,
    data.warnings.length > 0
      ? banner(
          'warning',
          h(
            'ul',
            null,
            data.warnings.map((w) => h('li', null, w)),
          ),
        )
      : null,
  );
  const bans = data.bans.map((b) => b.ban);
  const current = state.ban;
  replace(
    banSelect,
    h('option', { attrs: { value: '' } }, T.allBans),
    bans.map((b) => h('option', { attrs: { value: b } }, b)),
  );
  banSelect.value = bans.includes(current) ? current : '';
  state.ban = banSelect.value;
  buildTiles(data.tiles);
  renderChart();
  renderCounts();
  renderList(false);
}

function renderChart(): void {
  if (data) replace(chart, banChart(data.bans, data.tiles, state.ban, data.minDays));
}

/** The chosen Ban's counts (the province's with no Ban chosen): five numbers that add up to its cadres. */
function currentCounts(): StatusCounts | null {
  if (!data) return null;
  return data.bans.find((b) => state.ban !== '' && banKey(b.ban) === banKey(state.ban))?.counts ?? data.counts;
}

function renderCounts(): void {
  const c = currentCounts();
  counts.setAttribute('aria-label', state.ban ? T.tilesOf(state.ban) : T.tilesLabel);
  for (const [verdict, tile] of tiles) {
    tile.value.textContent = String(c?.counts[verdict] ?? 0);
    tile.button.setAttribute('aria-pressed', String(state.status === verdict));
  }
}

function shownCadres(): ProgressEntry[] {
  if (!data) return [];
  const query = foldKey(state.query);
  return data.cadres.filter(
    (e) => (state.ban === '' || banKey(e.ban) === banKey(state.ban)) && matchesStatus(e, state.status) && (query === '' || foldKey(e.name).includes(query)),
  );
}

/** Redraws the list; with `say`, the count is announced once the person stops changing the filters. */
function renderList(say: boolean, delayMs = 300): void {
  if (!data) return;
  const shown = shownCadres();
  const inBan = currentCounts()?.total ?? 0;
  const line = T.shown(shown.length, inBan, state.ban, state.status === 'behind');
  resultLine.textContent = shown.length > 0 ? `${line} ${T.clickHint}` : line;
  const roundsLabel = data.roundsLabel;
  const card = state.compact ? compactCard : progressCard;
  replace(
    list,
    shown.map((e) => h('li', null, card(e, { roundsLabel, heading: 'h2', onSelect: (entry, el) => void selectRows(entry, el) }))),
  );
  list.hidden = shown.length === 0;
  renderEmpty(shown.length === 0);
  if (say) announce(line, delayMs);
}

function renderEmpty(isEmpty: boolean): void {
  if (!isEmpty) {
    replace(empty);
    return;
  }
  // No cadre at all is not a filter's doing: say where the cadres come from, and offer no "Bỏ lọc" that would change nothing.
  if (data?.cadres.length === 0) {
    const rosterTab = data.rosterTab;
    replace(empty, h('p', null, T.noCadres(rosterTab)), h('p', { class: 'hint' }, T.noCadresHow(rosterTab)));
    return;
  }
  const filters = [
    state.ban ? T.emptyBan(state.ban) : '',
    state.status !== 'all' ? T.emptyStatus(statusSelect.selectedOptions[0]?.textContent ?? state.status) : '',
    state.query.trim() ? T.emptyQuery(state.query.trim()) : '',
  ].filter(Boolean);
  replace(
    empty,
    h('p', null, filters.length > 0 ? T.empty(filters) : T.emptyNoFilter),
    filters.length > 0 ? h('button', { attrs: { type: 'button' }, on: { click: clearFilters } }, T.clearFilters) : null,
  );
}

/** "Bỏ lọc": every filter back to all; the focus goes to the count line, which now reads the whole list. */
function clearFilters(): void {
  statusChosen = true;
  state.ban = '';
  state.status = 'all';
  state.query = '';
  banSelect.value = '';
  statusSelect.value = 'all';
  search.value = '';
  renderChart();
  renderCounts();
  renderList(false);
  focusOn(resultLine);
}

/** Selects the cadre's rows in the trips tab; what happened is said inside that cadre's card, where the click was. */
async function selectRows(entry: ProgressEntry, card: HTMLElement): Promise<void> {
  for (const old of list.querySelectorAll('.card-feedback')) old.remove();
  const feedback = h('div', { class: 'card-feedback', attrs: { role: 'status' } });
  card.append(feedback);
  const tab = data?.tripsTab ?? 'Đi cơ sở';
  // The box is the live region: what goes in it is plain text, not another status.
  if (entry.tripRows.length === 0) {
    replace(feedback, h('p', { class: 'banner banner-info' }, T.noTrips(entry.name, tab)));
    return;
  }
  replace(feedback, h('p', { class: 'hint' }, T.selecting));
  try {
    const selected = await call('selectTripRows', { name: entry.name, rows: entry.tripRows });
    replace(feedback, h('p', { class: 'banner banner-success' }, T.selected(selected.selected, entry.name, selected.tab)));
  } catch (error) {
    feedback.removeAttribute('role');
    replace(
      feedback,
      failureBanner(error, () => void selectRows(entry, card)),
    );
  }
}

loadPage(app, { title: T.title, fetch: () => call('getProgress'), show });
