import { formatDayFirst, type CalendarDate } from '../../core/calendar-date';
import type { ApprovalQueuePayload, QueueGroup, QueueRow, RoleQueue } from '../../sheets/approval-queue';
import type { DecisionResult } from '../../sheets/approval-decision';
import { call } from '../bridge';
import { announce } from '../shared/announce';
import { banner, breakable, busy, byId, focusOn, h, isBusy, newId, replace } from '../shared/dom';
import { failureBanner, refreshWith } from '../shared/failure';
import { field, textInput } from '../shared/form';
import { loadPage } from '../shared/load';
import { duyetTexts as T } from './texts';

/**
 * Duyệt đăng ký: what waits for the person signed in, one section per role they hold (a Ban's leader, the compiling
 * department, the Thường trực), each by round and, at the province's step, by Ban. Tick one, several or all, then
 * approve; return one with its reason. Each decision answers with the queue read again: the page is rebuilt from it,
 * rows someone edited meanwhile are marked, and the focus goes to what the decision did.
 */

const app = byId('app');

/** Duyệt đăng ký's state: the queue as last read, what the person ticked, what a decision left alone, and the page's parts. */
interface DuyetState {
  /** The queue as the server last read it: at the load, at ↻, and in the answer to each decision. */
  data: ApprovalQueuePayload;
  /** The rows ticked, per role section. */
  ticked: Map<string, Set<number>>;
  /** Rows a decision left alone because someone had edited them: marked until the next decision or refresh. */
  changed: Set<number>;
  /** The page's parts, built once; render fills the subtitle and the body from the queue. */
  dom: {
    head: HTMLElement;
    refreshButton: HTMLButtonElement;
    subtitle: HTMLElement;
    /** What the last decision, ↻ or opening a row did (or why it failed). */
    outcome: HTMLElement;
    body: HTMLElement;
  };
}

const roleKey = (role: RoleQueue) => `${role.kind}:${role.ban ?? ''}`;
const day = (d: string) => formatDayFirst(d as CalendarDate);

/** The page's state at the first load: nothing ticked, nothing marked, its parts not filled yet. */
function duyetState(data: ApprovalQueuePayload): DuyetState {
  const heading = h('h1', { attrs: { tabindex: -1 } }, T.title);
  const refreshButton = h('button', { class: 'icon', attrs: { type: 'button', 'aria-label': T.refresh, title: T.refresh } }, '↻');
  return {
    data,
    ticked: new Map(),
    changed: new Set(),
    dom: {
      head: h('div', { class: 'page-head' }, heading, refreshButton),
      refreshButton,
      subtitle: h('p', { class: 'subtitle' }),
      outcome: h('div', { class: 'outcome' }),
      body: h('div'),
    },
  };
}

function show(payload: ApprovalQueuePayload): void {
  const state = duyetState(payload);
  const { head, refreshButton, subtitle, outcome, body } = state.dom;
  refreshButton.addEventListener('click', () => void refresh(state));
  render(state);
  replace(app, head, subtitle, outcome, body);
}

function refresh(state: DuyetState): Promise<void> {
  const { refreshButton, outcome } = state.dom;
  return refreshWith(
    refreshButton,
    outcome,
    () => call('getApprovalQueue'),
    (data) => {
      state.data = data;
      state.changed = new Set();
      replace(outcome);
      render(state);
    },
  );
}

/** The queue as the page shows it: who is signed in, then each role's section (or what the sheet lacks). */
function render(state: DuyetState): void {
  const { data } = state;
  const { subtitle, body } = state.dom;
  replace(subtitle, ...breakable(data.user ? T.signedIn(data.user, day(data.today)) : T.unknownUser(day(data.today))));
  state.ticked.clear();
  const warnings =
    data.warnings.length > 0
      ? banner(
          'warning',
          h(
            'ul',
            null,
            data.warnings.map((w) => h('li', null, w)),
          ),
        )
      : null;
  if (data.addColumns) {
    replace(body, warnings, banner('info', data.addColumns));
    return;
  }
  const readOnly = data.readOnly;
  replace(
    body,
    warnings,
    readOnly
      ? [banner('warning', breakable(readOnly.reason)), h('h2', null, readOnly.title), groupsView(state, readOnly.groups, null)]
      : data.roles.map((role) => roleSection(state, role)),
  );
}

function groupsView(state: DuyetState, groups: readonly QueueGroup[], role: RoleQueue | null): HTMLElement {
  if (groups.every((g) => g.rows.length === 0 && g.summary === null)) return h('p', { class: 'empty' }, T.empty);
  return h(
    'div',
    { class: 'groups' },
    groups.map((g) => groupView(state, g, role)),
  );
}

function roleSection(state: DuyetState, role: RoleQueue): HTMLElement {
  const key = roleKey(role);
  state.ticked.set(key, new Set());
  const titleId = newId('role');
  const notice = role.notice ? field(T.noticeNumber, textInput({ maxlength: 60, spellcheck: 'false' }), T.noticeHint) : null;
  const approve = h('button', { class: 'primary', attrs: { type: 'button' } }, role.notice ? T.approveNotice : T.approve);
  const count = () => state.ticked.get(key)!.size;
  const error = h('p', { class: 'field-error', attrs: { id: newId('err') } });
  approve.addEventListener('click', () => {
    if (isBusy(approve)) return;
    if (count() === 0) {
      error.textContent = T.needSelection;
      approve.setAttribute('aria-describedby', error.id);
      focusOn(error);
      return;
    }
    void decide(state, approve, role, 'approve', [...state.ticked.get(key)!], { noticeNumber: notice?.control.value ?? '' });
  });
  const section = h(
    'section',
    { class: 'role', attrs: { 'aria-labelledby': titleId, 'data-role': key } },
    h('h2', { attrs: { id: titleId } }, role.title),
    h('p', { class: 'subtitle' }, role.intro),
    role.missing.approve ? banner('warning', role.missing.approve) : null,
    h('p', { class: 'role-count' }, T.waiting(role.waiting)),
    groupsView(state, role.groups, role),
  );
  if (role.waiting > 0 && !role.missing.approve)
    section.append(h('div', { class: 'action-bar role-actions' }, notice?.root ?? null, error, h('div', { class: 'actions' }, approve)));
  // The button says how many are ticked, as they are ticked.
  section.addEventListener('change', () => {
    approve.textContent = count() > 0 ? T.approveCount(count(), role.notice) : role.notice ? T.approveNotice : T.approve;
    if (count() > 0) {
      error.textContent = '';
      approve.removeAttribute('aria-describedby');
    }
  });
  return section;
}

function groupView(state: DuyetState, group: QueueGroup, role: RoleQueue | null): HTMLElement {
  const titleId = newId('group');
  const selectable = role ? group.rows.filter((r) => !(role.notice && r.refused)) : [];
  const boxes: HTMLInputElement[] = [];
  const rows = h(
    'ul',
    { class: 'queue-rows', attrs: { 'aria-labelledby': titleId } },
    group.rows.map((r) => rowView(state, r, role, boxes)),
  );
  const all = selectable.length > 1 ? selectAll(selectable.length, boxes) : null;
  return h(
    'section',
    { class: `queue-group${group.tone ? ` tone-${group.tone}` : ''}`, attrs: { 'aria-labelledby': titleId } },
    h('h3', { attrs: { id: titleId } }, group.ban ? `${group.ban} · ${group.title}` : group.title),
    group.deadlines.map((d) => h('p', { class: 'deadline' }, d)),
    group.summary ? h('p', { class: 'list-summary' }, group.summary) : null,
    all,
    group.rows.length > 0 ? rows : null,
  );
}

/** "Chọn cả N đợt": ticks or unticks every box of the group; mixed while only some are. */
function selectAll(n: number, boxes: HTMLInputElement[]): HTMLElement {
  const input = h('input', { attrs: { type: 'checkbox', id: newId('all') } });
  input.addEventListener('change', () => {
    for (const box of boxes) {
      if (box.checked === input.checked) continue;
      box.checked = input.checked;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  const sync = () => {
    const on = boxes.filter((b) => b.checked).length;
    input.checked = on === boxes.length;
    input.indeterminate = on > 0 && on < boxes.length;
  };
  for (const box of boxes) box.addEventListener('change', sync);
  return h('div', { class: 'check select-all' }, input, h('label', { attrs: { for: input.id } }, T.selectAll(n)));
}

function rowView(state: DuyetState, row: QueueRow, role: RoleQueue | null, boxes: HTMLInputElement[]): HTMLElement {
  const isChanged = state.changed.has(row.row);
  const labelId = newId('row');
  const details = [
    h('span', { class: 'row-what', attrs: { id: labelId } }, T.rowLabel(row.cadre, row.what)),
    h('span', { class: 'row-when' }, T.rowPlace(row.when, row.place)),
    h('span', { class: `row-state state-${row.state}` }, breakable(row.stateText)),
    row.typed ? h('span', { class: 'row-note' }, T.typed) : null,
    row.late ? h('span', { class: 'row-late' }, role?.notice && row.refused ? `${T.refused}: ${row.late}` : row.late) : null,
    isChanged ? h('span', { class: 'row-changed', attrs: { role: 'note' } }, T.changed) : null,
  ];
  const open = h(
    'button',
    { class: 'link row-link', attrs: { type: 'button', title: T.openRowTitle }, on: { click: () => void openRow(state.dom.outcome, row) } },
    T.openRow(row.row),
  );
  const li = h('li', { class: `queue-row${isChanged ? ' is-changed' : ''}`, attrs: { 'data-row': row.row } });
  if (!role) {
    li.append(h('div', { class: 'row-text' }, details, open));
    return li;
  }
  const canApprove = !(role.notice && row.refused) && !role.missing.approve;
  let box: HTMLInputElement | null = null;
  if (canApprove) {
    box = h('input', { attrs: { type: 'checkbox', id: newId('pick'), 'aria-labelledby': labelId, value: row.row } });
    box.addEventListener('change', () => {
      const set = state.ticked.get(roleKey(role))!;
      if (box!.checked) set.add(row.row);
      else set.delete(row.row);
    });
    boxes.push(box);
  }
  const canReturn = !role.missing.return && (role.notice || row.state === 'cho-ban-duyet');
  const actions = h('div', { class: 'row-actions' }, open, canReturn ? returnButton(state, row, role, li) : null);
  li.append(h('div', { class: 'row-main' }, box, h('div', { class: 'row-text' }, details, actions)));
  return li;
}

/** "Trả lại…" opens the reason under the row; "Hủy" closes it and gives the focus back. */
function returnButton(state: DuyetState, row: QueueRow, role: RoleQueue, li: HTMLElement): HTMLElement {
  const button = h('button', { class: 'link', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-label': T.returnOpenLabel(row.row) } }, T.returnOpen);
  button.addEventListener('click', () => {
    const open = li.querySelector('.return-form');
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    const reason = h('textarea', { attrs: { rows: 2, maxlength: 500, required: true } });
    const f = field(T.returnReason, reason);
    const send = h('button', { class: 'primary', attrs: { type: 'submit' } }, T.returnSend);
    const cancel = h('button', { attrs: { type: 'button' } }, T.cancel);
    const form = h('form', { class: 'return-form', attrs: { novalidate: true } }, f.root, h('div', { class: 'actions' }, send, cancel));
    cancel.addEventListener('click', () => {
      form.remove();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (isBusy(send)) return;
      if (reason.value.trim() === '') {
        f.setError(T.needReason);
        reason.focus();
        return;
      }
      void decide(state, send, role, 'return', [row.row], { reason: reason.value });
    });
    li.append(form);
    button.setAttribute('aria-expanded', 'true');
    reason.focus();
  });
  return button;
}

async function decide(
  state: DuyetState,
  button: HTMLButtonElement,
  role: RoleQueue,
  decision: 'approve' | 'return',
  rows: number[],
  extra: { reason?: string; noticeNumber?: string },
): Promise<void> {
  const { outcome } = state.dom;
  const shown = new Map(role.groups.flatMap((g) => g.rows).map((r) => [r.row, r.fingerprint]));
  let result: DecisionResult;
  try {
    result = await busy(button, T.saving, () =>
      call('decideApprovals', {
        role: role.kind,
        ban: role.ban ?? '',
        decision,
        rows: rows.map((row) => ({ row, fingerprint: shown.get(row) ?? '' })),
        reason: extra.reason ?? '',
        noticeNumber: extra.noticeNumber ?? '',
      }),
    );
  } catch (error) {
    const failed = failureBanner(error);
    replace(outcome, failed);
    focusOn(failed);
    return;
  }
  state.data = result.queue;
  state.changed = new Set(result.skipped.filter((s) => s.why === 'changed').map((s) => s.row));
  render(state);
  const said = banner(result.written.length > 0 && result.skipped.length === 0 ? 'success' : 'warning', result.message);
  replace(outcome, said);
  announce(result.message);
  focusOn(said);
}

/** Selects the row in the trips tab; a failure is said where a decision's answer goes. */
async function openRow(outcome: HTMLElement, row: QueueRow): Promise<void> {
  try {
    await call('selectTripRows', { name: row.cadre, rows: [row.row] });
    announce(T.selectedRow(row.row));
  } catch (error) {
    const failed = failureBanner(error);
    replace(outcome, failed);
    focusOn(failed);
  }
}

loadPage(app, { title: T.title, fetch: () => call('getApprovalQueue'), show });
