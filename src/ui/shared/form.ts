import { h, newId, type Child } from './dom';

/** One labelled control with its hint and its inline error, wired for screen readers. */
export interface Field<E extends HTMLElement = HTMLElement> {
  root: HTMLElement;
  control: E;
  hintEl: HTMLElement;
  errorEl: HTMLElement;
  setError(message: string | null | undefined): void;
  setHint(message: Child): void;
}

/** `wrapper`, when given, stands where the control would (a combobox's box holding its text box and its list). */
export function field<E extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
  label: string,
  control: E,
  hint: Child = null,
  extraClass = '',
  wrapper: HTMLElement | null = null,
): Field<E> {
  const id = control.id || newId('f');
  control.id = id;
  const hintEl = h('div', { class: 'hint', attrs: { id: `${id}-hint` } });
  // Not a live region: the error is read with the field (aria-describedby), and an error summary announces a failed save.
  const errorEl = h('div', { class: 'field-error', attrs: { id: `${id}-error` } });
  const root = h('div', { class: `field ${extraClass}`.trim() }, h('label', { attrs: { for: id } }, label), wrapper ?? control, hintEl, errorEl);
  const describe = () => {
    const ids = [hintEl.textContent ? hintEl.id : '', errorEl.textContent ? errorEl.id : ''].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
  };
  const result: Field<E> = {
    root,
    control,
    hintEl,
    errorEl,
    setError(message) {
      errorEl.textContent = message ?? '';
      root.classList.toggle('has-error', Boolean(message));
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      describe();
    },
    setHint(message) {
      hintEl.replaceChildren();
      if (message !== null && message !== undefined && message !== false)
        hintEl.append(typeof message === 'object' && message instanceof Node ? message : String(message));
      describe();
    },
  };
  if (hint !== null) result.setHint(hint);
  return result;
}

/** A labelled checkbox (label after the box, the whole line clickable). */
export function checkbox(label: string, checked: boolean): { root: HTMLElement; control: HTMLInputElement } {
  const control = h('input', { attrs: { type: 'checkbox', id: newId('c') } });
  control.checked = checked;
  const root = h('div', { class: 'check' }, control, h('label', { attrs: { for: control.id } }, label));
  return { root, control };
}

export function textInput(attrs: Record<string, string | number | boolean | null | undefined> = {}): HTMLInputElement {
  return h('input', { attrs: { type: 'text', autocomplete: 'off', ...attrs } });
}

export function select(options: readonly { value: string; label: string }[], value = ''): HTMLSelectElement {
  const el = h(
    'select',
    null,
    options.map((o) => h('option', { attrs: { value: o.value } }, o.label)),
  );
  el.value = value;
  return el;
}

/**
 * Two half-width fields side by side; their errors go below the pair at full width, where a sentence stays readable
 * in a 300 px sidebar (each error keeps its id, so the control still announces it). With `hintsBelow`, their hints
 * too (what was filled in or read from what was typed).
 */
export function pair(a: Field, b: Field, hint: Child = null, options: { hintsBelow?: boolean } = {}): HTMLElement {
  const errors = h('div', { class: 'pair-errors' }, options.hintsBelow ? [a.hintEl, b.hintEl] : null, a.errorEl, b.errorEl);
  return h('div', { class: 'pair' }, h('div', { class: 'row' }, a.root, b.root), hint ? h('div', { class: 'hint pair-hint' }, hint) : null, errors);
}
