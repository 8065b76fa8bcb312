/**
 * The names in an OLE compound file's directory ([MS-CFB]). An old Excel workbook (.xls) and a password-protected
 * .xlsx are both compound files with the same first eight bytes; only the streams inside tell them apart
 * ("Workbook"/"Book" vs "EncryptionInfo"/"EncryptedPackage", [MS-OFFCRYPTO] §2.3.4).
 */

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const HEADER_SIZE = 512;
const DIRECTORY_ENTRY_SIZE = 128;
/** FAT sector numbers at or above this value are markers (free, end of chain, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(CFB_SIGNATURE);
}

/**
 * Every storage and stream name in the file's directory, or null when the directory cannot be read (truncated or
 * damaged file). Names are compared by callers; they are UTF-16LE in the file.
 */
export function compoundFileNames(bytes: Uint8Array): string[] | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isCompoundFile(data) || data.length < HEADER_SIZE) return null;
  if (data.readUInt16LE(0x1c) !== 0xfffe) return null;
  const sectorShift = data.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((data.length - HEADER_SIZE) / sectorSize) + 1;
  const sectorAt = (sector: number) => HEADER_SIZE + sector * sectorSize;
  const validSector = (sector: number) => sector < MAX_REGULAR_SECTOR && sectorAt(sector) + sectorSize <= data.length;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sector = data.readUInt32LE(0x4c + i * 4);
    if (sector < MAX_REGULAR_SECTOR) fatSectors.push(sector);
  }
  const perSector = sectorSize / 4;
  const seenDifat = new Set<number>();
  for (let difat = data.readUInt32LE(0x44); difat < MAX_REGULAR_SECTOR;) {
    if (!validSector(difat) || seenDifat.has(difat)) return null;
    seenDifat.add(difat);
    for (let i = 0; i < perSector - 1; i++) {
      const sector = data.readUInt32LE(sectorAt(difat) + i * 4);
      if (sector < MAX_REGULAR_SECTOR) fatSectors.push(sector);
    }
    difat = data.readUInt32LE(sectorAt(difat) + (perSector - 1) * 4);
  }
  const next = (sector: number): number | null => {
    const index = Math.floor(sector / perSector);
    const fatSector = fatSectors[index];
    if (fatSector === undefined || !validSector(fatSector)) return null;
    return data.readUInt32LE(sectorAt(fatSector) + (sector % perSector) * 4);
  };

  // The directory is a chain of sectors holding 128-byte entries.
  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector: number | null = data.readUInt32LE(0x30); sector !== null && sector < MAX_REGULAR_SECTOR; sector = next(sector)) {
    if (!validSector(sector) || seen.has(sector) || seen.size > sectorCount) return null;
    seen.add(sector);
    for (let at = sectorAt(sector); at < sectorAt(sector) + sectorSize; at += DIRECTORY_ENTRY_SIZE) {
      const type = data[at + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue; // unused entry
      const length = Math.min(data.readUInt16LE(at + 0x40), 64);
      names.push(data.toString('utf16le', at, at + Math.max(0, length - 2)));
    }
  }
  return names.length > 0 ? names : null;
}
