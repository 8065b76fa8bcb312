import { convertWithLibreOffice, IN_CI, SOFFICE } from '../support/tools';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Real files for the CLI's input tests, built the way the programs that make them lay them out: zip archives (the
 * container of .xlsx, .ods, .docx) and OLE compound files (the container of .xls and of a password-protected .xlsx),
 * and, through LibreOffice, real .ods and .xls workbooks.
 */

/** A zip archive (PKWARE APPNOTE §4.3) holding `files` in order; `mimetype`-style entries can be stored uncompressed. */
export function zipArchive(files: Record<string, string | Buffer>, stored: readonly string[] = []): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const store = stored.includes(name);
    const packed = store ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x800, 2); // UTF-8 names
    common.writeUInt16LE(store ? 0 : 8, 4);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, packed]);
    const central = Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), nameBytes]);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(centrals.length), u16(centrals.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest package Excel recognises as a workbook with one sheet, plus `extra` parts. */
export function xlsxPackage(extra: Record<string, string> = {}): Buffer {
  return zipArchive({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row></sheetData></worksheet>',
    ...extra,
  });
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/**
 * An OLE compound file ([MS-CFB] version 3: 512-byte sectors) whose directory holds a root entry and `entries`
 * (empty streams, or storages), as an .xls (a "Workbook" stream) or an encrypted .xlsx ("EncryptionInfo",
 * "EncryptedPackage") has them. Sector 0 is the FAT, the directory follows.
 */
export function compoundFile(entries: readonly { name: string; storage?: boolean }[]): Buffer {
  const all = [{ name: 'Root Entry', type: 5 }, ...entries.map((e) => ({ name: e.name, type: e.storage ? 1 : 2 }))];
  const directorySectors = Math.ceil(all.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let s = 1; s <= directorySectors; s++) fat.writeUInt32LE(s === directorySectors ? END_OF_CHAIN : s + 1, s * 4);

  const directory = Buffer.alloc(512 * directorySectors);
  all.forEach((entry, i) => {
    const at = i * 128;
    const name = Buffer.from(`${entry.name}\u0000`, 'utf16le');
    name.copy(directory, at);
    directory.writeUInt16LE(name.length, at + 0x40);
    directory[at + 0x42] = entry.type;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(NO_STREAM, at + 0x44); // left sibling
    // Siblings as a chain to the right (a valid, if unbalanced, tree); the root's child is the first entry.
    directory.writeUInt32LE(i > 0 && i < all.length - 1 ? i + 1 : NO_STREAM, at + 0x48);
    directory.writeUInt32LE(i === 0 && all.length > 1 ? 1 : NO_STREAM, at + 0x4c);
    directory.writeUInt32LE(END_OF_CHAIN, at + 0x74); // start sector: empty stream
  });
  return Buffer.concat([header, fat, directory]);
}

/**
 * Tests that need LibreOffice skip on a machine without it, saying so, and fail under CI=true, where its absence
 * is a broken set-up (.ci/run installs it).
 */
export const noLibreOffice = SOFFICE === null && !IN_CI;
if (noLibreOffice) {
  console.warn(
    'LibreOffice (soffice) không có trên máy này: bỏ qua các kiểm thử cần tệp .ods/.xls/.xlsx do LibreOffice tạo. Cài bằng: sudo apt-get install libreoffice-calc',
  );
}

export { convertWithLibreOffice };

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
