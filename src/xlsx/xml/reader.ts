import { Token, XmlCursor, XmlError, type TokenKind } from './cursor';
import { attributesOf, decodeAttribute, decodeText } from './text';

/**
 * The cursor with namespaces resolved (Namespaces in XML 1.0 §6): which namespace each element and attribute is
 * in, whatever prefix the file uses for it. Excel writes SpreadsheetML in the default namespace, other programs as
 * `x:`; ECMA-376's Strict conformance class uses other namespace names for the same elements (Part 1 §A.1).
 */

export const NS: Record<'main' | 'relationships' | 'package' | 'contentTypes' | 'markup', readonly string[]> = {
  main: ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  relationships: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  package: ['http://schemas.openxmlformats.org/package/2006/relationships'],
  contentTypes: ['http://schemas.openxmlformats.org/package/2006/content-types'],
  markup: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
};
export type Namespace = readonly string[];

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Prefix → namespace name for one element and those inside it. */
export class Scope {
  constructor(
    private readonly parent: Scope | null,
    private readonly own: ReadonlyMap<string, string>,
  ) {}

  private defaultUri: string | undefined | null = null;

  /** The default namespace here (memoised: most tags of a part are unprefixed). */
  get default(): string | undefined {
    if (this.defaultUri === null) this.defaultUri = this.uri('');
    return this.defaultUri;
  }

  uri(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NS;
    const found = this.own.get(prefix);
    if (found !== undefined) return found;
    return this.parent ? this.parent.uri(prefix) : undefined;
  }

  /** A prefix bound to one of `ns` here ('' for the default namespace), or undefined. */
  prefixOf(ns: Namespace): string | undefined {
    for (const [prefix, uri] of this.own) if (ns.includes(uri)) return prefix;
    const inherited = this.parent?.prefixOf(ns);
    // A prefix bound further out may be bound to something else here.
    return inherited !== undefined && !this.own.has(inherited) ? inherited : undefined;
  }

  static readonly root = new Scope(null, new Map());
}

export class XmlReader {
  readonly cursor: XmlCursor;
  private readonly scopes: Scope[] = [Scope.root];
  /** The scope of the current tag (its own declarations included). */
  scope: Scope = Scope.root;

  constructor(bytes: Buffer, from = 0, limit = bytes.length) {
    this.cursor = new XmlCursor(bytes, from, limit);
  }

  get bytes(): Buffer {
    return this.cursor.bytes;
  }

  /** How many elements are open around the current token (a start tag counts itself). */
  get depth(): number {
    return this.scopes.length - 1;
  }

  /** The current tag's own level: the root element is 1, its children 2, … (start, empty and end tags alike). */
  get level(): number {
    return this.cursor.kind === Token.Empty ? this.scopes.length : this.scopes.length - 1;
  }

  next(): TokenKind {
    const c = this.cursor;
    if (c.kind === Token.Close) this.scopes.pop();
    const kind = c.next();
    if (kind === Token.Open || kind === Token.Empty) {
      const parent = this.scopes[this.scopes.length - 1]!;
      this.scope = c.declares ? declared(parent, c) : parent;
      if (kind === Token.Open) this.scopes.push(this.scope);
    } else if (kind === Token.Close) {
      if (this.scopes.length === 1) throw new XmlError(`an end tag without a start at ${c.start}`);
      this.scope = this.scopes[this.scopes.length - 1]!;
    } else if (kind === Token.End && this.scopes.length > 1) {
      throw new XmlError('the part ends inside an element');
    }
    return kind;
  }

  /** Whether the current tag (start, empty or end) is `local` in one of `ns`. */
  is(ns: Namespace, local: string): boolean {
    const c = this.cursor;
    if (!c.localIs(local)) return false;
    const uri = c.colon === c.nameStart ? this.scope.default : this.scope.uri(c.prefix);
    return uri !== undefined && (uri === ns[0] || ns.includes(uri));
  }

  /** The current tag's namespace name. */
  get ns(): string | undefined {
    return this.scope.uri(this.cursor.prefix);
  }

  /** An unprefixed attribute's decoded value. */
  attr(name: string): string | undefined {
    const c = this.cursor;
    if (!c.findAttribute(name)) return undefined;
    return decodeAttribute(c.bytes.toString('utf8', c.valueStart, c.valueEnd));
  }

  /** An attribute holding a whole number (`s`, `r` of a row), read from its bytes; undefined when absent or not one. */
  attrInt(name: string): number | undefined {
    const c = this.cursor;
    if (!c.findAttribute(name) || c.valueEnd === c.valueStart) return undefined;
    let n = 0;
    for (let i = c.valueStart; i < c.valueEnd; i++) {
      const d = c.bytes[i]! - 0x30;
      if (d < 0 || d > 9) return Number(decodeAttribute(c.bytes.toString('utf8', c.valueStart, c.valueEnd)).trim()) || undefined;
      n = n * 10 + d;
    }
    return n;
  }

  /** A prefixed attribute's decoded value, found by its namespace (`r:id` whatever the prefix). */
  attrNs(ns: Namespace, local: string): string | undefined {
    const c = this.cursor;
    for (const a of attributesOf(c.bytes, c.nameEnd, c.end)) {
      const colon = a.name.indexOf(':');
      if (colon < 0 || a.name.slice(colon + 1) !== local) continue;
      const uri = this.scope.uri(a.name.slice(0, colon));
      if (uri !== undefined && ns.includes(uri)) return decodeAttribute(c.bytes.toString('utf8', a.valueStart, a.valueEnd));
    }
    return undefined;
  }

  /**
   * The text inside the current element (its character data and CDATA, at any depth but leaving out the elements
   * `skip` names), decoded; the cursor ends on its end tag.
   */
  text(skip?: (reader: XmlReader) => boolean): string {
    const c = this.cursor;
    if (c.kind === Token.Empty) return '';
    let out = '';
    let depth = 1;
    for (;;) {
      const kind = this.next();
      if (kind === Token.Text) out += decodeText(c.bytes.toString('utf8', c.start, c.end));
      else if (kind === Token.CData) out += c.bytes.toString('utf8', c.nameStart, c.nameEnd);
      else if (kind === Token.Open) {
        if (skip?.(this)) this.skip();
        else depth++;
      } else if (kind === Token.Close) {
        if (--depth === 0) return out;
      } else if (kind === Token.End) throw new XmlError('unclosed element');
    }
  }

  /** Moves past the current element; the cursor ends on its end tag (or stays on an empty tag). */
  skip(): void {
    if (this.cursor.kind === Token.Empty) return;
    let depth = 1;
    for (;;) {
      const kind = this.next();
      if (kind === Token.Open) depth++;
      else if (kind === Token.Close && --depth === 0) return;
      else if (kind === Token.End) throw new XmlError('unclosed element');
    }
  }
}

function declared(parent: Scope, c: XmlCursor): Scope {
  const own = new Map<string, string>();
  for (const a of attributesOf(c.bytes, c.nameEnd, c.end)) {
    if (a.name === 'xmlns') own.set('', decodeAttribute(c.bytes.toString('utf8', a.valueStart, a.valueEnd)));
    else if (a.name.startsWith('xmlns:')) own.set(a.name.slice(6), decodeAttribute(c.bytes.toString('utf8', a.valueStart, a.valueEnd)));
  }
  return new Scope(parent, own);
}

/** Visits the start (and empty) tags of a part with the reader placed on each; `visit` may consume an element. */
export function eachElement(bytes: Buffer, visit: (reader: XmlReader) => void): void {
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind === Token.Open || kind === Token.Empty) visit(reader);
  }
}
