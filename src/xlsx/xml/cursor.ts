/**
 * A pull tokenizer over the bytes of one XML part: each `next()` moves to the next token and says where it lies in
 * the buffer, so a patch can copy the bytes it does not own exactly as they were (quotes, spacing, entity spelling,
 * prefixes) and a reader can decode only the few texts and attributes it needs.
 *
 * Why not a parser from npm: saxes (exceljs's) and sax hand out decoded names, attributes and texts, never the
 * source bytes of a tag, so a part written back from them is a re-serialisation, not the file; they also look at
 * every character in JavaScript and decode the whole part to one string (a national trips tab is 50–150 MB of XML).
 * Here the markup is found with Buffer.indexOf (native), texts are decoded only when asked for, and nothing is
 * copied. Namespaces are resolved by a scope stack (namespaces.ts), so `<x:c>` and `<c>` in the main namespace are
 * the same element. The input must be well-formed (what every spreadsheet program writes); a part that is not raises
 * an XmlError, which the adapter reports as a damaged file. DTDs are refused (OOXML forbids them, ECMA-376 Part 2 §8.1.4).
 */

export const Token = {
  /** End of the part. */
  End: 0,
  /** `<name …>` */
  Open: 1,
  /** `<name …/>` */
  Empty: 2,
  /** `</name>` */
  Close: 3,
  /** Character data between tags (entities still encoded). */
  Text: 4,
  /** `<![CDATA[…]]>`: its content is `textStart`…`textEnd`. */
  CData: 5,
  /** `<?…?>`, `<!--…-->`. */
  Other: 6,
} as const;
export type TokenKind = (typeof Token)[keyof typeof Token];

export class XmlError extends Error {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;

export class XmlCursor {
  kind: TokenKind = Token.End;
  /** The token's bytes: `start` … `end` (exclusive). */
  start = 0;
  end = 0;
  /** For tags: the qualified name. For CDATA: its content. */
  nameStart = 0;
  nameEnd = 0;
  /** For tags: where the prefix ends (the colon), or nameStart when there is none. */
  colon = 0;
  /** For start tags: whether an attribute is a namespace declaration (`xmlns` or `xmlns:p`). */
  declares = false;
  private pos: number;

  constructor(
    readonly bytes: Buffer,
    from = 0,
    private readonly limit = bytes.length,
  ) {
    this.pos = from;
    // A byte-order mark before the declaration.
    if (from === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  /** Where the next token starts. */
  get position(): number {
    return this.pos;
  }

  next(): TokenKind {
    const b = this.bytes;
    const at = this.pos;
    this.start = at;
    if (at >= this.limit) return (this.kind = Token.End);
    if (b[at] !== LT) {
      let lt = b.indexOf(LT, at);
      if (lt < 0 || lt > this.limit) lt = this.limit;
      this.end = this.pos = lt;
      return (this.kind = Token.Text);
    }
    const second = b[at + 1];
    if (second === SLASH) {
      const gt = b.indexOf(GT, at + 2);
      if (gt < 0 || gt >= this.limit) throw new XmlError(`unclosed end tag at ${at}`);
      this.nameStart = at + 2;
      let nameEnd = gt;
      while (nameEnd > this.nameStart && isSpace(b[nameEnd - 1]!)) nameEnd--;
      this.nameEnd = nameEnd;
      this.colon = colonOf(b, this.nameStart, nameEnd);
      this.end = this.pos = gt + 1;
      return (this.kind = Token.Close);
    }
    if (second === QUESTION) return this.skipTo(at, '?>', Token.Other);
    if (second === BANG) {
      if (b[at + 2] === 0x2d && b[at + 3] === 0x2d) return this.skipTo(at, '-->', Token.Other);
      if (b.toString('latin1', at, at + 9) === '<![CDATA[') {
        this.skipTo(at, ']]>', Token.CData);
        this.nameStart = at + 9;
        this.nameEnd = this.end - 3;
        return this.kind;
      }
      throw new XmlError(`document type declarations are not allowed (at ${at})`);
    }
    return this.startTag(at);
  }

  /** Moves the cursor to `position` (the start of a token): what lies between is not read. */
  jump(position: number): void {
    this.pos = position;
  }

  /** The current tag's qualified name. */
  get qname(): string {
    return this.bytes.toString('latin1', this.nameStart, this.nameEnd);
  }

  /** The current tag's local name (after the prefix). */
  get local(): string {
    return this.bytes.toString('latin1', this.colon === this.nameStart ? this.nameStart : this.colon + 1, this.nameEnd);
  }

  /** The current tag's prefix ('' for none). */
  get prefix(): string {
    return this.colon === this.nameStart ? '' : this.bytes.toString('latin1', this.nameStart, this.colon);
  }

  /** After `findAttribute`: where the found attribute's value lies (between its quotes). */
  valueStart = 0;
  valueEnd = 0;

  /**
   * Finds the attribute of the current start tag whose qualified name is `name` (ASCII) and sets `valueStart` and
   * `valueEnd` to its still-encoded value; false when the tag has none. A byte loop: no string is made.
   */
  findAttribute(name: string): boolean {
    const b = this.bytes;
    const end = this.end;
    const length = name.length;
    let i = this.nameEnd;
    for (;;) {
      while (i < end && isSpace(b[i]!)) i++;
      const first = b[i];
      if (i >= end || first === GT || first === SLASH) return false;
      const nameStart = i;
      while (i < end && b[i] !== 0x3d && !isSpace(b[i]!)) i++;
      let match = i - nameStart === length;
      for (let k = 0; match && k < length; k++) if (b[nameStart + k] !== name.charCodeAt(k)) match = false;
      while (i < end && b[i] !== 0x3d) i++;
      i++;
      while (i < end && isSpace(b[i]!)) i++;
      const quote = b[i];
      if (quote !== QUOTE && quote !== APOS) return false;
      const close = b.indexOf(quote, i + 1);
      if (close < 0 || close >= end) return false;
      if (match) {
        this.valueStart = i + 1;
        this.valueEnd = close;
        return true;
      }
      i = close + 1;
    }
  }

  /** Whether the current tag's local name is `local` (ASCII), compared byte by byte. */
  localIs(local: string): boolean {
    const from = this.colon === this.nameStart ? this.nameStart : this.colon + 1;
    if (this.nameEnd - from !== local.length) return false;
    for (let k = 0; k < local.length; k++) if (this.bytes[from + k] !== local.charCodeAt(k)) return false;
    return true;
  }

  /** The raw bytes of the current token. */
  raw(): Buffer {
    return this.bytes.subarray(this.start, this.end);
  }

  /**
   * Skips to the end of the element whose start tag is the current token (an empty element is already whole) and
   * returns where it ends.
   */
  skipElement(): number {
    if (this.kind === Token.Empty) return this.end;
    let depth = 1;
    for (;;) {
      const kind = this.next();
      if (kind === Token.Open) depth++;
      else if (kind === Token.Close && --depth === 0) return this.end;
      else if (kind === Token.End) throw new XmlError('unclosed element');
    }
  }

  private skipTo(at: number, close: string, kind: TokenKind): TokenKind {
    const found = this.bytes.indexOf(close, at + 2, 'latin1');
    if (found < 0 || found + close.length > this.limit) throw new XmlError(`unclosed ${close} at ${at}`);
    this.end = this.pos = found + close.length;
    return (this.kind = kind);
  }

  private startTag(at: number): TokenKind {
    const b = this.bytes;
    let i = at + 1;
    this.nameStart = i;
    this.colon = i;
    for (; i < this.limit; i++) {
      const c = b[i]!;
      if (c === GT || c === SLASH || isSpace(c)) break;
      if (c === COLON && this.colon === this.nameStart) this.colon = i;
    }
    this.nameEnd = i;
    if (i === this.nameStart) throw new XmlError(`a tag without a name at ${at}`);
    this.declares = false;
    // Attributes: a '>' inside a quoted value does not end the tag.
    let quote = 0;
    let spaceBefore = false;
    for (; i < this.limit; i++) {
      const c = b[i]!;
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === QUOTE || c === APOS) quote = c;
      else if (c === GT) break;
      else if (spaceBefore && c === 0x78 && b[i + 1] === 0x6d && b[i + 2] === 0x6c && b[i + 3] === 0x6e && b[i + 4] === 0x73) {
        const after = b[i + 5];
        if (after === COLON || after === 0x3d || (after !== undefined && isSpace(after))) this.declares = true;
      }
      spaceBefore = isSpace(c);
    }
    if (i >= this.limit) throw new XmlError(`unclosed tag at ${at}`);
    this.end = this.pos = i + 1;
    return (this.kind = b[i - 1] === SLASH ? Token.Empty : Token.Open);
  }
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function colonOf(b: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === COLON) return i;
  return from;
}
