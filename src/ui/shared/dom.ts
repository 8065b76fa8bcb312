/**
 * Small DOM helpers. Pages never assign innerHTML: every text (a cadre's name, a Ban, a server message) goes in as
 * a text node, so `<img onerror=…>` typed in a sheet shows as those characters.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Props = {
  class?: string;
  /** Attributes set with setAttribute (id, for, aria-*, role, type, …); false/null/undefined leave them out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<{ [E in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[E]) => void }>;
};

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [event, handler] of Object.entries(props?.on ?? {})) el.addEventListener(event, handler as EventListener);
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * A text whose email addresses may wrap after "@" and after each "." inside a word (a <wbr> each, copied as nothing),
 * so at 300 px with large text an address breaks between its parts instead of inside a name ("tinhd oan").
 */
export function breakable(text: string): (string | HTMLElement)[] {
  return text.split(/(?<=[@.])(?=[^\s@.])/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}

/** An email address in its own span, breakable as above. */
export function emailAddress(address: string, className = 'address'): HTMLElement {
  return h('span', { class: className }, breakable(address));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

let uid = 0;
/** A fresh id for pairing a label, an input and its error text. */
export function newId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A banner: role=alert for errors (read out at once), role=status otherwise. */
export function banner(kind: 'error' | 'warning' | 'info' | 'success', text: Child): HTMLElement {
  return h('div', { class: `banner banner-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, text);
}

/**
 * Shows a busy state on a button while a promise runs. The button is marked aria-disabled, not disabled: a disabled
 * button loses the keyboard focus, and the focus must stay where the person left it. Handlers check isBusy first.
 */
export async function busy<T>(button: HTMLButtonElement, label: string, work: () => Promise<T>): Promise<T> {
  const before = button.textContent;
  button.setAttribute('aria-disabled', 'true');
  button.setAttribute('aria-busy', 'true');
  button.textContent = label;
  try {
    return await work();
  } finally {
    button.textContent = before;
    button.removeAttribute('aria-disabled');
    button.removeAttribute('aria-busy');
  }
}

/** Whether a button is running its action (see busy): a second press does nothing. */
export function isBusy(button: HTMLElement): boolean {
  return button.getAttribute('aria-busy') === 'true';
}

/** Moves the focus to an element that is not a control (a heading, a message), so a screen reader reads it next. */
export function focusOn(el: HTMLElement | null | undefined): void {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}
