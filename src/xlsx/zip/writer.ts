import type { FileHandle } from 'node:fs/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { ZipEntry } from './entries';
import { entryData } from './entries';

/**
 * Writes a zip archive (PKWARE APPNOTE 6.3.x §4.3) to an open file, one entry after another:
 * - `copy` carries an entry of the input archive over as it is stored: its compressed bytes, CRC, time and central
 *   record are copied, never inflated and deflated again (a part we do not change comes out byte for byte);
 * - `add` deflates a new part from chunks as they are made (zlib, in the thread pool), so a part of a hundred
 *   megabytes never exists whole in memory; only its compressed form is held until its header can be written.
 * Neither writes a data descriptor: every local header carries the sizes. Archives past 4 GiB (zip64) are refused.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x800;
const DATA_DESCRIPTOR_FLAG = 0x8;
const LIMIT = 0xffffffff;
const FLUSH_AT = 1 << 20;

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly names = new Set<string>();
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(
    private readonly file: FileHandle,
    now = new Date(),
  ) {
    this.dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.dosDate = ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** Carries an entry of `source` (the input archive) over as it is stored. */
  async copy(source: Buffer, entry: ZipEntry): Promise<void> {
    const data = entryData(source, entry);
    if (!data) throw new Error(`damaged zip entry ${entry.name}`);
    this.claim(entry.name);
    const record = Buffer.from(source.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength));
    const nameLength = record.readUInt16LE(28);
    const name = record.subarray(46, 46 + nameLength);
    const flags = record.readUInt16LE(8) & ~DATA_DESCRIPTOR_FLAG;
    if (entry.compressedSize >= LIMIT || entry.size >= LIMIT) throw new Error(`zip entry ${entry.name} needs zip64`);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    record.copy(header, 4, 6, 8); // version needed
    header.writeUInt16LE(flags, 6);
    record.copy(header, 8, 10, 16); // method, time, date
    header.writeUInt32LE(entry.crc32, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameLength, 26);
    record.writeUInt16LE(flags, 8);
    record.writeUInt32LE(entry.compressedSize, 20);
    record.writeUInt32LE(entry.size, 24);
    this.central.push(this.located(record));
    await this.write(header);
    await this.write(name);
    await this.write(source.subarray(data.start, data.end));
  }

  /** Adds a new part, deflated from `chunks` as they come. */
  async add(name: string, chunks: Iterable<Buffer | string> | AsyncIterable<Buffer | string>, level = 6): Promise<void> {
    this.claim(name);
    const deflate = createDeflateRaw({ level });
    const compressed: Buffer[] = [];
    let compressedSize = 0;
    deflate.on('data', (chunk: Buffer) => {
      compressed.push(chunk);
      compressedSize += chunk.length;
    });
    const done = new Promise<void>((resolve, reject) => {
      deflate.once('end', resolve);
      deflate.once('error', reject);
    });
    let crc = 0;
    let size = 0;
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (bytes.length === 0) continue;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await done;
    if (size >= LIMIT || compressedSize >= LIMIT) throw new Error(`zip entry ${name} needs zip64`);
    const nameBytes = Buffer.from(name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(UTF8_NAMES, 2);
    common.writeUInt16LE(8, 4);
    common.writeUInt16LE(this.dosTime, 6);
    common.writeUInt16LE(this.dosDate, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(compressedSize, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const record = Buffer.concat([u32(CENTRAL_HEADER), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(0), nameBytes]);
    this.central.push(this.located(record));
    await this.write(Buffer.concat([u32(LOCAL_HEADER), common, nameBytes]));
    for (const chunk of compressed) await this.write(chunk);
  }

  /** Writes the central directory and the end record, and flushes everything to the file. */
  async close(): Promise<void> {
    if (this.central.length > 0xffff) throw new Error('zip archive needs zip64 (more than 65,535 entries)');
    const start = this.offset;
    for (const record of this.central) await this.write(record);
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await this.flush();
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`zip entry ${name} written twice`);
    this.names.add(name);
  }

  /** A central record with this entry's local header offset. */
  private located(record: Buffer): Buffer {
    if (this.offset >= LIMIT) throw new Error('zip archive needs zip64 (over 4 GiB)');
    record.writeUInt32LE(this.offset, 42);
    return record;
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    for (let written = 0; written < bytes.length;) written += (await this.file.write(bytes, written, bytes.length - written)).bytesWritten;
  }
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
