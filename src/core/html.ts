/**
 * HTML built with a tagged template that escapes by default: every interpolated value is text, escaped for element
 * content and quoted attributes, unless it is already Html: the result of another `html` template, the only way
 * markup is made. A forgotten escape is then impossible by construction: there is no call to forget.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup that is already safe: made only by `html`. */
export class Html {
  private constructor(readonly markup: string) {}
  /** Internal: use `html`. */
  static of(markup: string): Html {
    return new Html(markup);
  }
  toString(): string {
    return this.markup;
  }
}

/** A value inside `html`: text (escaped), a number, Html (kept), a list of them, or nothing (null, undefined, false). */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

function part(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(value as string | number);
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => (out += part(value) + strings[i + 1]!));
  return Html.of(out);
}

/** Only an https URL becomes a link (a javascript:, data: or quoted URL never does); null when it is not one. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}

/** A link to an https URL, or the label alone when the URL is anything else. */
export function link(url: string | null | undefined, label: HtmlValue, style: string): Html {
  const href = safeUrl(url);
  return href === null ? html`${label}` : html`<a href="${href}" style="${style}">${label}</a>`;
}
