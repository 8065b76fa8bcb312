/**
 * A part written as its input bytes with some ranges replaced: every byte outside the edits is copied as it was.
 * Edits may be given in any order (they are sorted by position, insertions at one position kept in the order given)
 * but must not overlap; `chunks()` yields the result in pieces of about `CHUNK` bytes (a zlib stream fed thousands of
 * tiny buffers spends its time on them, not on compressing).
 */

const CHUNK = 256 * 1024;

export class Splice {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: (string | Buffer)[] = [];

  constructor(readonly bytes: Buffer) {}

  get edited(): boolean {
    return this.texts.length > 0;
  }

  /** Replaces bytes `start`…`end` (exclusive) by `text`. */
  replace(start: number, end: number, text: string | Buffer): void {
    const last = this.starts.length - 1;
    if (last >= 0 && (start < this.starts[last]! || (start === this.starts[last] && end === start && this.ends[last]! > start))) this.sorted = false;
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  }

  private sorted = true;

  /**
   * The edits in position order, checked not to overlap. At one position, insertions come before a replacement that
   * starts there (inserting "at" a byte puts the text before it), each kind in the order given.
   */
  private order(): number[] {
    const order = this.texts.map((_, i) => i);
    const replaces = (i: number) => (this.ends[i]! > this.starts[i]! ? 1 : 0);
    if (!this.sorted) order.sort((a, b) => this.starts[a]! - this.starts[b]! || replaces(a) - replaces(b) || a - b);
    let end = 0;
    for (const i of order) {
      if (this.starts[i]! < end) throw new Error(`overlapping splice edits at ${this.starts[i]}`);
      end = this.ends[i]!;
    }
    return order;
  }

  insert(at: number, text: string | Buffer): void {
    if (text.length > 0) this.replace(at, at, text);
  }

  remove(start: number, end: number): void {
    if (end > start) this.replace(start, end, '');
  }

  *chunks(): Generator<Buffer> {
    const out = new ChunkBuilder();
    let at = 0;
    for (const i of this.order()) {
      yield* out.bytes(this.bytes, at, this.starts[i]!);
      const text = this.texts[i]!;
      if (typeof text === 'string') yield* out.text(text);
      else yield* out.bytes(text, 0, text.length);
      at = this.ends[i]!;
    }
    yield* out.bytes(this.bytes, at, this.bytes.length);
    yield* out.end();
  }

  /** The whole result (for small parts). */
  toBuffer(): Buffer {
    return Buffer.concat([...this.chunks()]);
  }
}

/**
 * Fills buffers of about CHUNK bytes from copied bytes and encoded texts (no Buffer per text), handing each one on
 * when full: a fresh buffer every time, since the zlib stream may still hold the last.
 */
class ChunkBuilder {
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  *bytes(source: Buffer, start: number, end: number): Generator<Buffer> {
    while (start < end) {
      const n = Math.min(end - start, this.buffer.length - this.used);
      source.copy(this.buffer, this.used, start, start + n);
      this.used += n;
      start += n;
      if (this.used === this.buffer.length) yield this.take();
    }
  }

  *text(text: string): Generator<Buffer> {
    // At most 3 bytes per UTF-16 unit in UTF-8.
    if (text.length * 3 > this.buffer.length - this.used) {
      if (this.used > 0) yield this.take();
      if (text.length * 3 > this.buffer.length) {
        yield Buffer.from(text, 'utf8');
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  *end(): Generator<Buffer> {
    if (this.used > 0) yield this.take();
  }

  private take(): Buffer {
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    return full;
  }
}

/** Text pieces as chunks of about CHUNK bytes. */
export function* joined(texts: Iterable<string>): Generator<Buffer> {
  const out = new ChunkBuilder();
  for (const text of texts) yield* out.text(text);
  yield* out.end();
}
