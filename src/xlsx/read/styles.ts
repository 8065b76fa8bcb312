import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';

/**
 * What the styles part holds that reading and appending to it need (ECMA-376 Part 1 §18.8): which cell formats show
 * dates, and how many of each list there are (so our formats are numbered after the file's own).
 */

export interface StylesInfo {
  /** By cell format (cellXfs) index: whether its number format shows a date or time. */
  dateStyle: boolean[];
  /** Number format ids the file defines itself. */
  numFmtIds: Set<number>;
  counts: { fonts: number; fills: number; borders: number; cellStyleXfs: number; cellXfs: number; dxfs: number };
  /** Each item of the lists we add to, as written: one equal to ours (from an earlier run) is reused, not added again. */
  raw: { fonts: string[]; fills: string[]; borders: string[]; cellXfs: string[]; dxfs: string[] };
  /** The file's own number formats, by format code. */
  numFmtCodes: Map<string, number>;
  /** The workbook's default font (font 0): what every unformatted cell shows. */
  defaultFont: { name?: string; size?: number; family?: number };
}

/** Built-in number formats (§18.8.30) that show dates or times. 27–36 and 50–58 are the East Asian date formats. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a format code shows a date or time: a y, m, d, h, s or b outside quoted text and brackets (the rule
 * exceljs applies, kept so that files read as they always have been).
 */
export function isDateFormat(code: string): boolean {
  const plain = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(plain);
}

const LISTS = ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'dxfs'] as const;

export function readStyles(bytes: Buffer | null): StylesInfo {
  const info: StylesInfo = {
    dateStyle: [],
    numFmtIds: new Set(),
    counts: { fonts: 0, fills: 0, borders: 0, cellStyleXfs: 0, cellXfs: 0, dxfs: 0 },
    raw: { fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] },
    numFmtCodes: new Map(),
    defaultFont: {},
  };
  if (!bytes) return info;
  const codes = new Map<number, string>();
  const xfFormats: number[] = [];
  const reader = new XmlReader(bytes);
  let list: (typeof LISTS)[number] | null = null;
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind === Token.Close && reader.level === 2) {
      list = null;
      continue;
    }
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (reader.level === 2) {
      const local = reader.cursor.local;
      list = kind === Token.Open && (LISTS as readonly string[]).includes(local) && reader.is(NS.main, local) ? (local as (typeof LISTS)[number]) : null;
      continue;
    }
    if (reader.is(NS.main, 'numFmt')) {
      const id = Number(reader.attr('numFmtId'));
      const code = reader.attr('formatCode') ?? '';
      codes.set(id, code);
      info.numFmtIds.add(id);
      if (!info.numFmtCodes.has(code)) info.numFmtCodes.set(code, id);
      continue;
    }
    // A list's own children are one level below it.
    if (list === null || reader.level !== 3) continue;
    info.counts[list]++;
    if (list === 'cellXfs') xfFormats.push(Number(reader.attr('numFmtId') ?? 0));
    const start = reader.cursor.start;
    if (list === 'fonts' && info.counts.fonts === 1) readFont(reader, info.defaultFont);
    else reader.skip();
    if (list !== 'cellStyleXfs') info.raw[list].push(bytes.toString('utf8', start, reader.cursor.end));
  }
  info.dateStyle = xfFormats.map((id) => (codes.has(id) ? isDateFormat(codes.get(id)!) : BUILT_IN_DATES.has(id)));
  return info;
}

function readFont(reader: XmlReader, font: StylesInfo['defaultFont']): void {
  if (reader.cursor.kind === Token.Empty) return;
  const level = reader.level;
  for (let kind = reader.next(); !(kind === Token.Close && reader.level === level); kind = reader.next()) {
    if (kind === Token.End) return;
    if (kind !== Token.Empty && kind !== Token.Open) continue;
    const val = reader.attr('val');
    if (reader.is(NS.main, 'name') && val !== undefined) font.name = val;
    else if (reader.is(NS.main, 'sz') && val !== undefined) font.size = Number(val);
    else if (reader.is(NS.main, 'family') && val !== undefined) font.family = Number(val);
  }
}
