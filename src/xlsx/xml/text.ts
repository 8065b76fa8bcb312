import { isSpace } from './cursor';

/**
 * Attributes and character data of the XML parts, read from and written to their bytes: XML 1.0's entities, line
 * ends and attribute-value normalisation (§2.11, §3.3.3, §4.6), and OOXML's `_xHHHH_` escapes for characters XML
 * cannot hold (ECMA-376 Part 1 §22.9.2.19, ST_Xstring: a cell's or a note's text).
 */

export interface RawAttribute {
  /** Qualified name. */
  name: string;
  /** Where the attribute starts (its name) and ends (after its closing quote). */
  start: number;
  end: number;
  /** The value between the quotes, still encoded. */
  valueStart: number;
  valueEnd: number;
}

/** The attributes of the start tag at `start`…`end` whose name ends at `nameEnd`. */
export function attributesOf(bytes: Buffer, nameEnd: number, end: number): RawAttribute[] {
  const out: RawAttribute[] = [];
  let i = nameEnd;
  for (;;) {
    while (i < end && isSpace(bytes[i]!)) i++;
    const c = bytes[i];
    if (i >= end || c === 0x3e || c === 0x2f) return out;
    const nameStart = i;
    while (i < end && bytes[i] !== 0x3d && !isSpace(bytes[i]!)) i++;
    const name = bytes.toString('latin1', nameStart, i);
    while (i < end && bytes[i] !== 0x3d) i++;
    i++;
    while (i < end && isSpace(bytes[i]!)) i++;
    const quote = bytes[i];
    if (quote !== 0x22 && quote !== 0x27) return out;
    const close = bytes.indexOf(quote, i + 1);
    if (close < 0 || close >= end) return out;
    out.push({ name, start: nameStart, end: close + 1, valueStart: i + 1, valueEnd: close });
    i = close + 1;
  }
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.includes('&')
    ? text.replace(ENTITY, (_all, named?: string, dec?: string, hex?: string) => (named ? NAMED[named]! : String.fromCodePoint(Number(dec ?? `0x${hex}`))))
    : text;
}

/** Character data as the XML processor hands it on: line ends made \n, entities decoded. */
export function decodeText(raw: string): string {
  const lines = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(lines);
}

/** An attribute value as the XML processor hands it on: literal tabs and line ends become spaces. */
export function decodeAttribute(raw: string): string {
  return decodeEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
}

/** ST_Xstring's escapes: `_x000D_` is a carriage return, `_x005F_` a literal underscore before such a sequence. */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Characters XML 1.0 cannot hold (§2.2): C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching those control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A text for a `<t>` element: OOXML escapes for what XML cannot hold, then XML's. */
export function encodeXstring(text: string): string {
  const kept = text.replace(/_x[0-9A-Fa-f]{4}_/g, (all) => `_x005F${all}`).replace(/\r/g, '_x000D_');
  const safe = kept.replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(safe);
}

export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

export function escapeAttribute(text: string): string {
  return /[&<>"\t\n\r]/.test(text)
    ? text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
    : text;
}

/** Whether a text needs `xml:space="preserve"` to keep its spaces and line breaks. */
export function needsPreserve(text: string): boolean {
  return /^\s|\s$|\n|\t| {2}/.test(text);
}
