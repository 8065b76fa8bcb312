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
  const control = new ComboboxControl(options, texts);
  const { input } = control;
  input.addEventListener('input', () => control.typed());
  input.addEventListener('keydown', (event) => control.key(event));
  input.addEventListener('blur', () => control.left());
  return {
    input,
    root: control.root,
    value: () => control.picked,
    set: (index) => {
      if (index === null) input.value = '';
      control.pick(index);
    },
    onChange: (listener) => void control.listeners.push(listener),
  };
}

/** The combobox's elements and state: the picked option, the options shown, the highlighted one. */
class ComboboxControl {
  readonly input: HTMLInputElement;
  readonly root: HTMLElement;
  readonly listeners: ((index: number | null) => void)[] = [];
  picked: number | null = null;
  private readonly listId = newId('list');
  private readonly list: HTMLElement;
  private readonly keys: string[];
  private shown: number[] = [];
  private active = -1;

  constructor(
    private readonly options: readonly ComboOption[],
    private readonly texts: { none: string; more: (n: number) => string },
  ) {
    this.input = h('input', {
      attrs: { type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', 'aria-autocomplete': 'list', 'aria-expanded': 'false' },
    });
    this.list = h('ul', { class: 'listbox', attrs: { id: this.listId, role: 'listbox', hidden: true } });
    this.input.setAttribute('aria-controls', this.listId);
    this.root = h('div', { class: 'combobox' }, this.input, this.list);
    this.keys = options.map((o) => foldKey(`${o.label} ${o.detail}`));
  }

  private label(index: number): string {
    return this.options[index]!.label;
  }

  matches(text: string): number[] {
    const words = foldKey(text).split(' ').filter(Boolean);
    const out: number[] = [];
    this.keys.forEach((key, i) => {
      if (words.every((w) => key.includes(w))) out.push(i);
    });
    return out;
  }

  private open(text: string): void {
    const { list, input, texts } = this;
    this.shown = this.matches(text);
    this.active = -1;
    const shown = this.shown;
    replace(
      list,
      shown.slice(0, MAX_SHOWN).map((i) => this.optionItem(i)),
      shown.length === 0 ? h('li', { class: 'option-none', attrs: { role: 'presentation' } }, texts.none) : null,
      shown.length > MAX_SHOWN ? h('li', { class: 'option-none', attrs: { role: 'presentation' } }, texts.more(shown.length - MAX_SHOWN)) : null,
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.removeAttribute('aria-activedescendant');
  }

  private optionItem(i: number): HTMLElement {
    return h(
      'li',
      {
        class: 'option',
        attrs: { id: `${this.listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
        on: {
          // mousedown, not click: the text box keeps the focus.
          mousedown: (event) => event.preventDefault(),
          click: () => {
            this.pick(i);
            this.close();
          },
        },
      },
      h('span', { class: 'option-label' }, this.options[i]!.label),
      h('span', { class: 'option-detail' }, this.options[i]!.detail),
    );
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private highlight(n: number): void {
    const { list, input, shown } = this;
    const visible = Math.min(shown.length, MAX_SHOWN);
    if (visible === 0) return;
    this.active = (n + visible) % visible;
    for (const li of list.querySelectorAll('[role="option"]')) li.setAttribute('aria-selected', 'false');
    const el = list.querySelector<HTMLElement>(`#${CSS.escape(`${this.listId}-${shown[this.active]!}`)}`);
    if (!el) return;
    el.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', el.id);
    el.scrollIntoView?.({ block: 'nearest' });
  }

  pick(index: number | null): void {
    const changed = index !== this.picked;
    this.picked = index;
    this.input.value = index === null ? this.input.value : this.label(index);
    if (changed) for (const listener of this.listeners) listener(index);
  }

  typed(): void {
    if (this.picked !== null && this.input.value !== this.label(this.picked)) this.pick(null);
    this.open(this.input.value);
  }

  key(event: KeyboardEvent): void {
    const { list, input } = this;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (list.hidden) this.open(this.picked === null ? input.value : '');
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.highlight(this.active < 0 ? (event.key === 'ArrowDown' ? 0 : -1) : this.active + step);
        break;
      }
      case 'Enter':
        if (!list.hidden) {
          // Enter in an open list picks; it never submits the form behind it.
          event.preventDefault();
          const shown = this.shown;
          const choice = this.active >= 0 ? shown[this.active] : shown.length === 1 ? shown[0] : undefined;
          if (choice !== undefined) {
            this.pick(choice);
            this.close();
          }
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          this.close();
        } else if (input.value !== '') {
          event.preventDefault();
          input.value = '';
          this.pick(null);
        }
        break;
      case 'Tab':
        if (!list.hidden && this.active >= 0) this.pick(this.shown[this.active]!);
        this.close();
        break;
    }
  }

  left(): void {
    this.close();
    // Text that names exactly one option (typed in full, or narrowed to one) picks it.
    if (this.picked === null && this.input.value.trim() !== '') {
      const found = this.matches(this.input.value);
      if (found.length === 1) this.pick(found[0]!);
    }
  }
}
