import { inflateRawSync } from 'node:zlib';

/**
 * The list of files inside a zip archive (an .xlsx, .ods or .docx is one), read from its central directory without
 * unpacking anything: enough to tell what the file is and which parts it holds. PKWARE APPNOTE 6.3.x, §4.3.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** General purpose flags (bit 3: sizes in a data descriptor after the data; bit 11: UTF-8 name). */
  flags: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
  /** The entry's record in the central directory (start, length): copied as it is when the entry is. */
  centralOffset: number;
  centralLength: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

/** The archive's entries, or null when `bytes` is not a readable zip (truncated, damaged, not a zip at all). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(data);
  if (end < 0) return null;
  let count = data.readUInt16LE(end + 10);
  let size = data.readUInt32LE(end + 12);
  let offset = data.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = zip64End(data, end);
    if (!zip64) return null;
    ({ count, size, offset } = zip64);
  }
  if (offset + size > data.length) return null;

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const flags = data.readUInt16LE(at + 8);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength > data.length) return null;
    const rawName = data.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, whose lower half (all the names we look for) is ASCII.
    const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
    const entry: ZipEntry = {
      name,
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      crc32: data.readUInt32LE(at + 16),
      flags,
      localHeaderOffset: data.readUInt32LE(at + 42),
      centralOffset: at,
      centralLength: 46 + nameLength + extraLength + commentLength,
    };
    applyZip64Extra(entry, data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += entry.centralLength;
  }
  return entries;
}

/** Where an entry's stored (compressed) bytes lie, after its local header; null when damaged. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): { start: number; end: number } | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > data.length ? null : { start, end };
}

/** One entry's content, or null when it cannot be read (damaged, or a compression other than deflate). */
export function zipEntryContent(bytes: Uint8Array, entry: ZipEntry): Buffer | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const extent = entryData(data, entry);
  if (!extent) return null;
  const raw = data.subarray(extent.start, extent.end);
  try {
    if (entry.method === 0) return raw;
    // Output in chunks of up to 4 MiB: zlib's 16 KiB default makes a 50 MB part thousands of buffers to join.
    if (entry.method === 8) return inflateRawSync(raw, { chunkSize: Math.min(4 << 20, Math.max(64 << 10, entry.size)) });
  } catch {
    return null;
  }
  return null;
}

function findEnd(data: Buffer): number {
  const stop = Math.max(0, data.length - MAX_END_SEARCH);
  for (let at = data.length - 22; at >= stop; at--) {
    if (data.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

function zip64End(data: Buffer, end: number): { count: number; size: number; offset: number } | null {
  const locator = end - 20;
  if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_END_LOCATOR) return null;
  const record = Number(data.readBigUInt64LE(locator + 8));
  if (record + 56 > data.length || data.readUInt32LE(record) !== ZIP64_END) return null;
  return {
    count: Number(data.readBigUInt64LE(record + 32)),
    size: Number(data.readBigUInt64LE(record + 40)),
    offset: Number(data.readBigUInt64LE(record + 48)),
  };
}

/** The zip64 extra field (id 1) holds, in this order, whichever of the sizes and offset were 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) return null;
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + length;
  }
}
