import { escapeAttribute } from '../xml/text';

/**
 * Start tags of the file rewritten as little as possible: one attribute set or added, the rest of the tag (its other
 * attributes, their order, quotes and spacing) as the file wrote it.
 */

export function tagText(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end);
}

/** A self-closing tag (`<a x="1"/>`) as a start tag (`<a x="1">`); a start tag unchanged. */
export function asStartTag(tag: string): string {
  return tag.replace(/\s*\/>$/, '>');
}

/** The tag with the attribute `name` set to `value`: replaced where it is, or added after the others. */
const patterns = new Map<string, RegExp>();

export function setAttribute(tag: string, name: string, value: string): string {
  let pattern = patterns.get(name);
  if (!pattern) patterns.set(name, (pattern = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*)(["'])[^"']*\\2`)));
  if (pattern.test(tag)) return tag.replace(pattern, (_all, head: string, quote: string) => `${head}${quote}${escapeAttribute(value)}${quote}`);
  return tag.replace(/\s*(\/?>)$/, (_all, close: string) => ` ${name}="${escapeAttribute(value)}"${close}`);
}

/** The local name's end tag for a start tag's qualified name. */
export function endTag(qname: string): string {
  return `</${qname}>`;
}
