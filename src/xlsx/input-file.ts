import { compoundFileNames, isCompoundFile } from './cfb';
import { zipEntries, zipEntryContent, type ZipEntry } from './zip/entries';

/**
 * What a file given to `dicoso` really is, from its bytes (never from its name: a CSV renamed .xlsx is still a CSV),
 * so that each kind of file the command cannot open gets its own message and its own way out.
 */
export type InputKind = { kind: 'xlsx'; entries: ZipEntry[] } | { kind: UnreadableKind };

/** The kinds of file the command cannot open, each with its own message (xlsx-workbook.ts). */
export type UnreadableKind =
  | 'empty'
  /** Excel 97–2003 (.xls): a compound file with a "Workbook" (BIFF8) or "Book" (BIFF5) stream. */
  | 'xls'
  /** An Office file saved with a password: a compound file holding "EncryptionInfo" and "EncryptedPackage". */
  | 'encrypted'
  /** Another compound file (.doc, .ppt, .msg …). */
  | 'ole-other'
  /** Starts like a compound file but its directory cannot be read. */
  | 'ole-damaged'
  /** OpenDocument spreadsheet (.ods, LibreOffice). */
  | 'ods'
  /** Excel binary workbook (.xlsb). */
  | 'xlsb'
  /** A zip that is no spreadsheet (.docx, .odt, .zip …). */
  | 'zip-other'
  /** Starts like a zip but its list of files cannot be read (truncated, damaged). */
  | 'zip-damaged'
  /** Plain text: what a CSV looks like. */
  | 'csv'
  /** A web page: what many programs export as "Excel" (.xls). */
  | 'html'
  /** Excel 2003 XML Spreadsheet. */
  | 'xml-spreadsheet'
  | 'other';

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const ZIP_LOCAL_HEADER = Buffer.from('PK\u0003\u0004', 'latin1');
/** An empty zip is only its end record. */
const ZIP_END = Buffer.from('PK\u0005\u0006', 'latin1');

export function sniffInput(bytes: Uint8Array): InputKind {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length === 0) return { kind: 'empty' };
  if (isCompoundFile(data)) return { kind: compoundKind(compoundFileNames(data)) };
  if (startsWith(data, ZIP_LOCAL_HEADER) || startsWith(data, ZIP_END)) return zipKind(data);
  return { kind: textKind(data) };
}

function compoundKind(names: string[] | null): UnreadableKind {
  if (names === null) return 'ole-damaged';
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  return 'ole-other';
}

function zipKind(data: Buffer): InputKind {
  const entries = zipEntries(data);
  if (entries === null) return { kind: 'zip-damaged' };
  const entry = (name: string) => entries.find((e) => e.name === name);
  if (entry('xl/workbook.xml')) return { kind: 'xlsx', entries };
  if (entry('xl/workbook.bin')) return { kind: 'xlsb' };
  const mimetype = entry('mimetype');
  if (mimetype && zipEntryContent(data, mimetype)?.toString('latin1').trim().startsWith(ODS_MIMETYPE)) return { kind: 'ods' };
  return { kind: 'zip-other' };
}

function textKind(data: Buffer): UnreadableKind {
  const head = data.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const text = utf16 ? decodeUtf16(head) : head.toString('utf8');
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  if (start.startsWith('<?xml') && /urn:schemas-microsoft-com:office:spreadsheet|<(?:ss:)?workbook\b/.test(start)) return 'xml-spreadsheet';
  if (/^<(?:!doctype html|html|table|meta)\b/.test(start) || (start.startsWith('<?xml') && start.includes('<html'))) return 'html';
  if (utf16) return 'csv';
  // UTF-8 (with or without BOM) text: a few odd bytes are allowed, a binary file has many.
  const controls = [...text].filter((ch) => {
    const code = ch.codePointAt(0)!;
    return (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') || ch === '\uFFFD';
  }).length;
  return controls <= text.length / 100 ? 'csv' : 'other';
}

function decodeUtf16(head: Buffer): string {
  const even = head.subarray(0, head.length - (head.length % 2));
  if (head[0] === 0xff) return even.toString('utf16le');
  const swapped = Buffer.from(even);
  swapped.swap16();
  return swapped.toString('utf16le');
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && data.subarray(0, prefix.length).equals(prefix);
}
