import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import { banKey } from '../../core/names';
import { isBehind, type Verdict } from '../../core/verdict';
import { foldKey } from '../../core/text';
import type { ProgressEntry, ProgressPayload, StatusCounts, Tile } from '../../sheets/pages/progress';
import { call } from '../bridge';
import { announce } from '../shared/announce';
import { compactCard, progressCard } from '../shared/card';
import { banner, byId, focusOn, h, replace } from '../shared/dom';
import { failureBanner, refreshWith } from '../shared/failure';
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

/** Tiến độ 1+2's state: the numbers as last read, what the person chose to see, and the page's parts. */
interface ProgressState {
  /** The numbers as the server last read them: at the load, at ↻, on coming back to the sidebar. */
  data: ProgressPayload;
  /** When they were read (Date.now()): coming back to the sidebar after 30 s reads them again. */
  loadedAt: number;
  /**
   * The Ban, the status and the search the list is filtered by, and whether it is compact. The list opens on those
   * behind once, at the first load (see progressState); after that the filter is the person's.
   */
  view: { ban: string; status: StatusFilter; query: string; compact: boolean };
  dom: ProgressDom;
}

/** The page's parts, built once at the first load; a refresh or a filter updates them in place. */
interface ProgressDom {
  banSelect: HTMLSelectElement;
  statusSelect: HTMLSelectElement;
  search: HTMLInputElement;
  refreshButton: HTMLButtonElement;
  head: HTMLElement;
  subtitle: HTMLElement;
  messages: HTMLElement;
  chart: HTMLElement;
  /** The tiles of this phase's verdicts, by verdict (see buildTiles), in `counts`. */
  tiles: Map<Verdict, { button: HTMLButtonElement; value: HTMLElement }>;
  counts: HTMLElement;
  filters: HTMLElement;
  resultLine: HTMLElement;
  compactToggle: HTMLButtonElement;
  toolbar: HTMLElement;
  list: HTMLElement;
  empty: HTMLElement;
}

/** The page's parts, nothing filled in yet; the filter opens on the status given. */
function progressDom(status: StatusFilter): ProgressDom {
  const banSelect = select([{ value: '', label: T.allBans }]);
  const statusSelect = select([FILTER_ALL, FILTER_BEHIND], status);
  const search = textInput({ type: 'search', placeholder: T.searchPlaceholder, spellcheck: 'false' });
  const banField = field(T.ban, banSelect);
  const statusField = field(T.status, statusSelect);
  const searchField = field(T.search, search);
  const refreshButton = h('button', { class: 'icon', attrs: { type: 'button', 'aria-label': T.refresh, title: T.refresh } }, '↻');
  const heading = h('h1', { attrs: { tabindex: -1 } }, T.title);
  const resultLine = h('p', { class: 'result-line', attrs: { tabindex: -1 } });
  const compactToggle = h('button', { class: 'toggle', attrs: { type: 'button', 'aria-pressed': 'false', title: T.compactHint } }, T.compact);
  return {
    banSelect,
    statusSelect,
    search,
    refreshButton,
    head: h('div', { class: 'page-head' }, heading, refreshButton),
    subtitle: h('p', { class: 'subtitle' }),
    messages: h('div'),
    chart: h('div', { class: 'chart-slot' }),
    tiles: new Map(),
    counts: h('div', { class: 'counts', attrs: { role: 'group', 'aria-label': T.tilesLabel } }),
    filters: h('div', { class: 'filters' }, h('div', { class: 'row' }, banField.root, statusField.root), searchField.root),
    resultLine,
    compactToggle,
    toolbar: h('div', { class: 'list-toolbar' }, resultLine, compactToggle),
    list: h('ul', { class: 'cards', attrs: { 'aria-label': T.listLabel } }),
    empty: h('div', { class: 'empty' }),
  };
}

/** The page's state at the first load: the list opens on the cadres who are behind, when there are any. */
function progressState(data: ProgressPayload): ProgressState {
  const status: StatusFilter = data.cadres.some((e) => isBehind(e.verdict)) ? 'behind' : 'all';
  return { data, loadedAt: Date.now(), view: { ban: '', status, query: '', compact: false }, dom: progressDom(status) };
}

/** The tiles and the filter's choices for the verdicts of this phase (they change at the period's end). */
function buildTiles(state: ProgressState, list: readonly Tile[]): void {
  const { tiles, counts, statusSelect } = state.dom;
  const { view } = state;
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
              setStatus(state, view.status === t.verdict ? 'all' : t.verdict);
              statusSelect.value = view.status;
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
  const keep = view.status;
  replace(
    statusSelect,
    [FILTER_ALL, FILTER_BEHIND, ...list.map((t) => ({ value: t.verdict, label: t.label }))].map((o) => h('option', { attrs: { value: o.value } }, o.label)),
  );
  view.status = keep === 'all' || keep === 'behind' || tiles.has(keep) ? keep : 'all';
  statusSelect.value = view.status;
}

/** The filters' and the buttons' listeners: each change redraws what it changes. */
function watchControls(state: ProgressState): void {
  const { banSelect, statusSelect, search, refreshButton, compactToggle } = state.dom;
  refreshButton.addEventListener('click', () => void refresh(state));
  compactToggle.addEventListener('click', () => setCompact(state, !state.view.compact));
  banSelect.addEventListener('change', () => {
    state.view.ban = banSelect.value;
    renderCounts(state);
    renderChart(state);
    renderList(state, true);
  });
  statusSelect.addEventListener('change', () => setStatus(state, statusSelect.value as StatusFilter));
  search.addEventListener('input', () => {
    state.view.query = search.value;
    renderList(state, true, 600);
  });
}

function setStatus(state: ProgressState, status: StatusFilter): void {
  state.view.status = status;
  renderCounts(state);
  renderList(state, true);
}

function setCompact(state: ProgressState, compact: boolean): void {
  const { compactToggle, list } = state.dom;
  state.view.compact = compact;
  compactToggle.setAttribute('aria-pressed', String(compact));
  list.classList.toggle('cards-compact', compact);
  renderList(state, false);
}

/** The first load builds the page; later ones (↻, coming back to the sidebar) update it in place. */
function show(payload: ProgressPayload): void {
  const state = progressState(payload);
  const { head, subtitle, messages, counts, filters, toolbar, list, empty, chart } = state.dom;
  watchControls(state);
  update(state);
  replace(app, head, subtitle, messages, counts, filters, toolbar, list, empty, chart);
  // Sheets cannot push to a sidebar: coming back to it after a while (e.g. after “Kiểm tra”) reloads the numbers.
  window.addEventListener('focus', () => {
    if (Date.now() - state.loadedAt > 30_000) void refresh(state);
  });
}

function refresh(state: ProgressState): Promise<void> {
  const { refreshButton, messages } = state.dom;
  return refreshWith(
    refreshButton,
    messages,
    () => call('getProgress'),
    (data) => {
      state.data = data;
      state.loadedAt = Date.now();
      update(state);
    },
  );
}

function update(state: ProgressState): void {
  const { data, view } = state;
  const { subtitle, messages, banSelect } = state.dom;
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
  const current = view.ban;
  replace(
    banSelect,
    h('option', { attrs: { value: '' } }, T.allBans),
    bans.map((b) => h('option', { attrs: { value: b } }, b)),
  );
  banSelect.value = bans.includes(current) ? current : '';
  view.ban = banSelect.value;
  buildTiles(state, data.tiles);
  renderChart(state);
  renderCounts(state);
  renderList(state, false);
}

function renderChart(state: ProgressState): void {
  const { data } = state;
  replace(state.dom.chart, banChart(data.bans, data.tiles, state.view.ban, data.minDays));
}

/** The chosen Ban's counts (the province's with no Ban chosen): five numbers that add up to its cadres. */
function currentCounts(state: ProgressState): StatusCounts {
  const { data, view } = state;
  return data.bans.find((b) => view.ban !== '' && banKey(b.ban) === banKey(view.ban))?.counts ?? data.counts;
}

function renderCounts(state: ProgressState): void {
  const { view } = state;
  const c = currentCounts(state);
  state.dom.counts.setAttribute('aria-label', view.ban ? T.tilesOf(view.ban) : T.tilesLabel);
  for (const [verdict, tile] of state.dom.tiles) {
    tile.value.textContent = String(c.counts[verdict] ?? 0);
    tile.button.setAttribute('aria-pressed', String(view.status === verdict));
  }
}

/** The cadres the filters let through, in the payload's order. */
function shownCadres(state: ProgressState): ProgressEntry[] {
  const { view } = state;
  const query = foldKey(view.query);
  return state.data.cadres.filter(
    (e) => (view.ban === '' || banKey(e.ban) === banKey(view.ban)) && matchesStatus(e, view.status) && (query === '' || foldKey(e.name).includes(query)),
  );
}

/** Redraws the list; with `say`, the count is announced once the person stops changing the filters. */
function renderList(state: ProgressState, say: boolean, delayMs = 300): void {
  const { view } = state;
  const { resultLine, list } = state.dom;
  const shown = shownCadres(state);
  const inBan = currentCounts(state).total;
  const line = T.shown(shown.length, inBan, view.ban, view.status === 'behind');
  resultLine.textContent = shown.length > 0 ? `${line} ${T.clickHint}` : line;
  const roundsLabel = state.data.roundsLabel;
  const card = view.compact ? compactCard : progressCard;
  replace(
    list,
    shown.map((e) => h('li', null, card(e, { roundsLabel, heading: 'h2', onSelect: (entry, el) => void selectRows(state, entry, el) }))),
  );
  list.hidden = shown.length === 0;
  renderEmpty(state, shown.length === 0);
  if (say) announce(line, delayMs);
}

function renderEmpty(state: ProgressState, isEmpty: boolean): void {
  const { data, view } = state;
  const { empty, statusSelect } = state.dom;
  if (!isEmpty) {
    replace(empty);
    return;
  }
  // No cadre at all is not a filter's doing: say where the cadres come from, and offer no "Bỏ lọc" that would change nothing.
  if (data.cadres.length === 0) {
    const rosterTab = data.rosterTab;
    replace(empty, h('p', null, T.noCadres(rosterTab)), h('p', { class: 'hint' }, T.noCadresHow(rosterTab)));
    return;
  }
  const filters = [
    view.ban ? T.emptyBan(view.ban) : '',
    view.status !== 'all' ? T.emptyStatus(statusSelect.selectedOptions[0]?.textContent ?? view.status) : '',
    view.query.trim() ? T.emptyQuery(view.query.trim()) : '',
  ].filter(Boolean);
  replace(
    empty,
    h('p', null, filters.length > 0 ? T.empty(filters) : T.emptyNoFilter),
    filters.length > 0 ? h('button', { attrs: { type: 'button' }, on: { click: () => clearFilters(state) } }, T.clearFilters) : null,
  );
}

/** "Bỏ lọc": every filter back to all; the focus goes to the count line, which now reads the whole list. */
function clearFilters(state: ProgressState): void {
  const { banSelect, statusSelect, search, resultLine } = state.dom;
  state.view.ban = '';
  state.view.status = 'all';
  state.view.query = '';
  banSelect.value = '';
  statusSelect.value = 'all';
  search.value = '';
  renderChart(state);
  renderCounts(state);
  renderList(state, false);
  focusOn(resultLine);
}

/** Selects the cadre's rows in the trips tab; what happened is said inside that cadre's card, where the click was. */
async function selectRows(state: ProgressState, entry: ProgressEntry, card: HTMLElement): Promise<void> {
  for (const old of state.dom.list.querySelectorAll('.card-feedback')) old.remove();
  const feedback = h('div', { class: 'card-feedback', attrs: { role: 'status' } });
  card.append(feedback);
  const tab = state.data.tripsTab;
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
      failureBanner(error, () => void selectRows(state, entry, card)),
    );
  }
}

loadPage(app, { title: T.title, fetch: () => call('getProgress'), show });
