import { zipEntryContent, type ZipEntry } from './zip-entries';

/**
 * What an .xlsx file holds that the .xlsx writer (exceljs 4) drops when it writes the result: exceljs rebuilds the
 * file from the cells, styles, notes, tables and pictures it understands, and leaves out every other part of the
 * package. Each row names, in the words of Excel's own menus, what the person would miss in the result file.
 * Pictures (xl/media with their drawing anchors), tables, notes, data validation and themes are kept
 * (test/cli/unkept-parts.test.ts opens a LibreOffice-made file before and after to hold these claims).
 */
const UNKEPT: readonly { label: string; entry: RegExp }[] = [
  { label: 'biểu đồ', entry: /^xl\/charts\/chart[^/]*\.xml$/ },
  { label: 'trang biểu đồ (chart sheet)', entry: /^xl\/chartsheets\// },
  { label: 'bảng tổng hợp (PivotTable)', entry: /^xl\/pivot(?:Tables|Cache)\// },
  { label: 'bộ lọc slicer', entry: /^xl\/slicer(?:s|Caches)\// },
  { label: 'bộ lọc dòng thời gian (timeline)', entry: /^xl\/timeline(?:s|Caches)\// },
  { label: 'macro (VBA)', entry: /^xl\/vbaProject\.bin$/ },
  { label: 'nút bấm và điều khiển biểu mẫu (form control, ActiveX)', entry: /^xl\/(?:ctrlProps|activeX)\// },
  { label: 'sơ đồ SmartArt', entry: /^xl\/diagrams\// },
  { label: 'đối tượng nhúng (tệp Word, PDF… đặt trong bảng tính)', entry: /^xl\/embeddings\// },
  { label: 'liên kết tới bảng tính khác', entry: /^xl\/externalLinks\// },
  { label: 'bình luận dạng hội thoại (threaded comment; ghi chú thường vẫn giữ)', entry: /^xl\/threadedComments\// },
  { label: 'kết nối dữ liệu và truy vấn (Power Query)', entry: /^xl\/(?:connections\.xml$|queryTables\/)/ },
  { label: 'mô hình dữ liệu (Power Pivot)', entry: /^xl\/model\// },
  { label: 'ảnh đặt trong ô và kiểu dữ liệu liên kết', entry: /^xl\/richData\// },
  { label: 'công thức mảng động (FILTER, UNIQUE… trả về nhiều ô)', entry: /^xl\/metadata\.xml$/ },
];

const SHAPES = 'hình vẽ và hộp văn bản (shape)';
const SPARKLINES = 'biểu đồ thu nhỏ trong ô (sparkline)';
/** A drawing's shapes, connectors and groups; pictures (`pic`) and chart frames are told apart from them. */
const SHAPE_ELEMENT = /<(?:[\w-]+:)?(?:sp|cxnSp|grpSp)[\s>/]/;
/** Searched as bytes: a worksheet of 100,000 rows is tens of megabytes of XML. */
const SPARKLINE_ELEMENT = Buffer.from('sparklineGroups');

/**
 * What exceljs reads from a tab or a picture but writes back without some of its settings, found in the file's XML:
 * each names what is lost and on which tabs. (Defined names, the structure lock, custom properties and empty rows
 * with their own settings are carried over: workbook-parts.ts, xlsx-io.ts.)
 */
const SHEET_SETTINGS: readonly { label: string; note?: string; test: (tail: string) => boolean }[] = [
  // exceljs reads a hyperlink's target only from a relationship: Excel's link to a cell (location=, no r:id) is lost.
  { label: 'liên kết tới ô trong bảng tính', test: (tail) => /<(?:[\w-]+:)?hyperlink\s(?![^>]*\br:id=)[^>]*\blocation=/.test(tail) },
  { label: 'dòng chú thích hiện khi rê chuột lên liên kết', test: (tail) => /<(?:[\w-]+:)?hyperlink\s[^>]*\btooltip=/.test(tail) },
  { label: 'điều kiện lọc đang chọn', note: 'nút lọc vẫn còn, các dòng đang ẩn sẽ hiện lại', test: (tail) => /<(?:[\w-]+:)?filterColumn[\s>]/.test(tail) },
  { label: 'ngắt trang đặt tay', test: (tail) => /<(?:[\w-]+:)?(?:rowBreaks|colBreaks)[\s>][\s\S]*?<(?:[\w-]+:)?brk[\s/]/.test(tail) },
];
const PICTURE_SETTINGS = 'phần cắt bớt và độ xoay của ảnh cùng văn bản thay thế (alt text)';
/** A picture's crop (`srcRect` with an edge), a rotation other than 0, or a description (alt text). */
const PICTURE_SETTING = /<(?:[\w-]+:)?srcRect\s[^>]*\b[ltrb]="-?[1-9]|<(?:[\w-]+:)?xfrm\s[^>]*\brot="-?[1-9]|<(?:[\w-]+:)?cNvPr\s[^>]*\bdescr="[^"]/;
const SHEET_DATA_END = Buffer.from('</sheetData>');

/** Something the result file will not have: in the whole workbook (`tabs` undefined) or on these tabs. */
export interface UnkeptPart {
  label: string;
  tabs?: readonly string[];
  note?: string;
}

/** The Vietnamese names of what the result file will not have, in the order of the tables above. */
export function unkeptParts(bytes: Uint8Array, entries: readonly ZipEntry[]): string[] {
  return describeUnkept(findUnkept(bytes, entries));
}

/**
 * What the file holds that the result file will not have, each part with the tabs it is on; `describeUnkept` names
 * them. Found when the file is read, named just before the result is written, when the tabs rewritten are known.
 */
export function findUnkept(bytes: Uint8Array, entries: readonly ZipEntry[]): UnkeptPart[] {
  const found: UnkeptPart[] = UNKEPT.filter((rule) => entries.some((e) => rule.entry.test(e.name))).map((rule) => ({ label: rule.label }));
  const read = (e: ZipEntry) => zipEntryContent(bytes, e);
  if (entries.some((e) => /^xl\/drawings\/[^/]+\.xml$/.test(e.name) && SHAPE_ELEMENT.test(read(e)?.toString('utf8') ?? ''))) found.push({ label: SHAPES });

  const tabs = tabOfPart(bytes, entries);
  const settings = SHEET_SETTINGS.map(() => [] as string[]);
  const pictures: string[] = [];
  let sparklines = false;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const xml = read(e);
    if (!xml) continue;
    sparklines ||= xml.includes(SPARKLINE_ELEMENT);
    // What follows the cells: a worksheet of 100,000 rows is tens of megabytes of XML, its settings a few hundred bytes.
    const end = xml.lastIndexOf(SHEET_DATA_END);
    const tail = xml.subarray(end < 0 ? 0 : end).toString('utf8');
    const tab = tabs.get(e.name) ?? e.name;
    SHEET_SETTINGS.forEach((rule, i) => rule.test(tail) && settings[i]!.push(tab));
    for (const drawing of relatedParts(bytes, entries, e.name, /\/drawing$/)) {
      const entry = entries.find((d) => d.name === drawing);
      if (entry && PICTURE_SETTING.test(read(entry)?.toString('utf8') ?? '') && !pictures.includes(tab)) pictures.push(tab);
    }
  }
  if (sparklines) found.push({ label: SPARKLINES });
  SHEET_SETTINGS.forEach(
    (rule, i) => settings[i]!.length > 0 && found.push({ label: rule.label, tabs: settings[i]!, ...(rule.note ? { note: rule.note } : {}) }),
  );
  if (pictures.length > 0) found.push({ label: PICTURE_SETTINGS, tabs: pictures });
  return found;
}

/**
 * The parts' Vietnamese names, leaving out what is only on tabs `rewritten` says this run writes anew (a form of ours
 * written again from scratch: what the old one had is not lost, it is replaced).
 */
export function describeUnkept(parts: readonly UnkeptPart[], rewritten: (tab: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part.tabs === undefined) {
      out.push(part.label);
      continue;
    }
    const tabs = part.tabs.filter((t) => !rewritten(t));
    if (tabs.length > 0) out.push(onTabs(part.label, tabs, part.note));
  }
  return out;
}

/** "liên kết … (tab “Cán bộ” và “Đi cơ sở”; note)". */
function onTabs(label: string, tabs: readonly string[], note?: string): string {
  const quoted = tabs.map((t) => `“${t}”`);
  const named = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} và ${quoted[quoted.length - 1]}` : quoted[0];
  return `${label} (tab ${named}${note ? `; ${note}` : ''})`;
}

/** Each worksheet part's tab name, from the workbook part and its relationships. */
function tabOfPart(bytes: Uint8Array, entries: readonly ZipEntry[]): Map<string, string> {
  const text = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return (entry && zipEntryContent(bytes, entry)?.toString('utf8')) || '';
  };
  const targets = relationships(text('xl/_rels/workbook.xml.rels'), 'xl/');
  const out = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<(?:[\w-]+:)?sheet\s([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1]!)?.[1];
    const part = id === undefined ? undefined : targets.get(id)?.target;
    if (name !== undefined && part) out.set(part, xmlText(name));
  }
  return out;
}

/** The parts a part's relationships point at whose type ends with `type`. */
function relatedParts(bytes: Uint8Array, entries: readonly ZipEntry[], part: string, type: RegExp): string[] {
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const entry = entries.find((e) => e.name === rels);
  if (!entry) return [];
  const xml = zipEntryContent(bytes, entry)?.toString('utf8') ?? '';
  return [...relationships(xml, part.slice(0, slash + 1)).values()].filter((r) => type.test(r.type)).map((r) => r.target);
}

/** A relationships part's targets by id, as part names (resolved against `base`, the source part's folder). */
function relationships(xml: string, base: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<(?:[\w-]+:)?Relationship\s([^>]*?)\/?>/g)) {
    const get = (key: string) => new RegExp(`\\b${key}="([^"]*)"`).exec(m[1]!)?.[1];
    const id = get('Id');
    const target = get('Target');
    if (id === undefined || target === undefined || get('TargetMode') === 'External') continue;
    out.set(id, { type: get('Type') ?? '', target: resolve(base, xmlText(target)) });
  }
  return out;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

function xmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_all, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
