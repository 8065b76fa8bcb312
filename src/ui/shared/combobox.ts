import { foldKey } from '../../core/text';
import { h, newId, replace } from './dom';

/**
 * One searchable control to pick from a long list (the roster): an editable combobox with a listbox popup, the ARIA
 * 1.2 pattern. Typing filters the options (without accents: "thuy tuyen" finds "Nguyễn Thị Thủy, Ban Tuyên giáo");
 * ↓/↑ move through them, Enter or a click picks one, Esc closes the list (a second Esc clears the text), Tab picks the
 * highlighted option and moves on. The focus never leaves the text box: the highlighted option is
 * aria-activedescendant.
 */

export interface ComboOption {
  label: string;
  /** A second line under the label (the cadre's Ban). */
  detail: string;
}

export interface Combobox {
  /** The text box: give it to field() for its label, hint and error. */
  input: HTMLInputElement;
  /** The text box and its list. */
  root: HTMLElement;
  /** The index of the picked option, or null while none is. */
  value(): number | null;
  set(index: number | null): void;
  /** Called when the picked option changes (by the person or by set). */
  onChange(listener: (index: number | null) => void): void;
}

const MAX_SHOWN = 60;

export function combobox(options: readonly ComboOption[], texts: { none: string; more: (n: number) => string }): Combobox {
  const input = h('input', {
    attrs: { type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', 'aria-autocomplete': 'list', 'aria-expanded': 'false' },
  });
  const listId = newId('list');
  const list = h('ul', { class: 'listbox', attrs: { id: listId, role: 'listbox', hidden: true } });
  input.setAttribute('aria-controls', listId);
  const root = h('div', { class: 'combobox' }, input, list);
  const keys = options.map((o) => foldKey(`${o.label} ${o.detail}`));
  const listeners: ((index: number | null) => void)[] = [];
  let picked: number | null = null;
  let shown: number[] = [];
  let active = -1;

  const label = (index: number) => options[index]!.label;

  function matches(text: string): number[] {
    const words = foldKey(text).split(' ').filter(Boolean);
    const out: number[] = [];
    keys.forEach((key, i) => {
      if (words.every((w) => key.includes(w))) out.push(i);
    });
    return out;
  }

  function open(text: string): void {
    shown = matches(text);
    active = -1;
    const items = shown.slice(0, MAX_SHOWN).map((i) =>
      h(
        'li',
        {
          class: 'option',
          attrs: { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
          on: {
            // mousedown, not click: the text box keeps the focus.
            mousedown: (event) => event.preventDefault(),
            click: () => {
              pick(i);
              close();
            },
          },
        },
        h('span', { class: 'option-label' }, options[i]!.label),
        h('span', { class: 'option-detail' }, options[i]!.detail),
      ),
    );
    replace(
      list,
      items,
      shown.length === 0 ? h('li', { class: 'option-none', attrs: { role: 'presentation' } }, texts.none) : null,
      shown.length > MAX_SHOWN ? h('li', { class: 'option-none', attrs: { role: 'presentation' } }, texts.more(shown.length - MAX_SHOWN)) : null,
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.removeAttribute('aria-activedescendant');
  }

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(n: number): void {
    const visible = Math.min(shown.length, MAX_SHOWN);
    if (visible === 0) return;
    active = (n + visible) % visible;
    for (const li of list.querySelectorAll('[role="option"]')) li.setAttribute('aria-selected', 'false');
    const el = list.querySelector<HTMLElement>(`#${CSS.escape(`${listId}-${shown[active]!}`)}`);
    if (!el) return;
    el.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', el.id);
    el.scrollIntoView?.({ block: 'nearest' });
  }

  function pick(index: number | null): void {
    const changed = index !== picked;
    picked = index;
    input.value = index === null ? input.value : label(index);
    if (changed) for (const listener of listeners) listener(index);
  }

  input.addEventListener('input', () => {
    if (picked !== null && input.value !== label(picked)) pick(null);
    open(input.value);
  });
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (list.hidden) open(picked === null ? input.value : '');
        highlight(active < 0 ? (event.key === 'ArrowDown' ? 0 : -1) : active + (event.key === 'ArrowDown' ? 1 : -1));
        break;
      }
      case 'Enter':
        if (!list.hidden) {
          // Enter in an open list picks; it never submits the form behind it.
          event.preventDefault();
          const choice = active >= 0 ? shown[active] : shown.length === 1 ? shown[0] : undefined;
          if (choice !== undefined) {
            pick(choice);
            close();
          }
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          input.value = '';
          pick(null);
        }
        break;
      case 'Tab':
        if (!list.hidden && active >= 0) pick(shown[active]!);
        close();
        break;
    }
  });
  input.addEventListener('blur', () => {
    close();
    // Text that names exactly one option (typed in full, or narrowed to one) picks it.
    if (picked === null && input.value.trim() !== '') {
      const found = matches(input.value);
      if (found.length === 1) pick(found[0]!);
    }
  });

  return {
    input,
    root,
    value: () => picked,
    set: (index) => {
      if (index === null) input.value = '';
      pick(index);
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
