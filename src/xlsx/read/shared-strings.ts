import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { decodeXstring } from '../xml/text';

/**
 * The shared strings (ECMA-376 Part 1 §18.4.9): each item's text, plain (`<t>`) or rich (`<r><t>`), without its
 * phonetic runs (`<rPh>`, which Excel shows only as a reading guide).
 */
export function readSharedStrings(bytes: Buffer | null): string[] {
  const out: string[] = [];
  if (!bytes) return out;
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.main, 'si')) out.push(stringItemText(reader));
  }
  return out;
}

/** The text of the element the reader is on (an `si`, an inline `is`, a note's `text`): its runs joined. */
export function stringItemText(reader: XmlReader): string {
  if (reader.cursor.kind === Token.Empty) return '';
  const level = reader.level;
  let out = '';
  for (let kind = reader.next(); !(kind === Token.Close && reader.level === level); kind = reader.next()) {
    if (kind === Token.End) break;
    if (kind !== Token.Open) continue;
    if (reader.is(NS.main, 't')) out += decodeXstring(reader.text());
    else if (reader.is(NS.main, 'rPh')) reader.skip();
  }
  return out;
}
