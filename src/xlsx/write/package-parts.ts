import { relativeTarget, resolveTarget } from '../package/opc';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { escapeAttribute } from '../xml/text';
import { Splice } from './splice';
import { asStartTag, tagText } from './tags';

/**
 * The package's own parts as we change them (ECMA-376 Part 2): a relationships part with relationships added or
 * taken out, and [Content_Types].xml with the types of the parts we add or remove. Each keeps every other element
 * as the file wrote it.
 */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface NewRelationship {
  id: string;
  type: string;
  /** The part pointed at. */
  target: string;
}

/** A relationships part of `source` with `remove` (by id) taken out and `add` added; `bytes` null makes a new one. */
export function patchRelationships(bytes: Buffer | null, source: string, remove: ReadonlySet<string>, add: readonly NewRelationship[]): Buffer {
  const input = bytes ?? Buffer.from(`${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}"></Relationships>`);
  const splice = new Splice(input);
  const reader = new XmlReader(input);
  const added = add
    .map((r) => `<Relationship Id="${escapeAttribute(r.id)}" Type="${escapeAttribute(r.type)}" Target="${escapeAttribute(relativeTarget(source, r.target))}"/>`)
    .join('');
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    const c = reader.cursor;
    if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.package, 'Relationship') && remove.has(reader.attr('Id') ?? '')) {
      const start = c.start;
      reader.skip();
      splice.remove(start, c.end);
    } else if (reader.level === 1 && reader.is(NS.package, 'Relationships')) {
      if (kind === Token.Empty) splice.replace(c.start, c.end, `${asStartTag(tagText(input, c.start, c.end))}${added}</${c.qname}>`);
      else if (kind === Token.Close) splice.insert(c.start, added);
    }
  }
  return splice.toBuffer();
}

/** [Content_Types].xml with overrides for the parts added (part → type) and none for the parts removed. */
export function patchContentTypes(
  bytes: Buffer,
  overrides: ReadonlyMap<string, string>,
  defaults: ReadonlyMap<string, string>,
  removed: ReadonlySet<string>,
): Buffer {
  const splice = new Splice(bytes);
  const reader = new XmlReader(bytes);
  const gone = new Set([...removed, ...overrides.keys()].map((p) => p.toLowerCase()));
  const have = new Set<string>();
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    const c = reader.cursor;
    if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.contentTypes, 'Default')) have.add((reader.attr('Extension') ?? '').toLowerCase());
    if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.contentTypes, 'Override')) {
      const part = resolveTarget('', reader.attr('PartName') ?? '').toLowerCase();
      if (gone.has(part)) {
        const start = c.start;
        reader.skip();
        splice.remove(start, c.end);
      }
    } else if (kind === Token.Close && reader.level === 1) {
      const prefix = c.prefix ? `${c.prefix}:` : '';
      const xml = [
        ...[...defaults]
          .filter(([extension]) => !have.has(extension.toLowerCase()))
          .map(([extension, type]) => `<${prefix}Default Extension="${extension}" ContentType="${type}"/>`),
        ...[...overrides].map(([part, type]) => `<${prefix}Override PartName="/${escapeAttribute(part)}" ContentType="${type}"/>`),
      ].join('');
      splice.insert(c.start, xml);
    }
  }
  return splice.toBuffer();
}
