import { parseCell } from '../../src/xlsx/a1';
import { zipEntries, zipEntryContent, entryData } from '../../src/xlsx/zip/entries';
import { Token } from '../../src/xlsx/xml/cursor';
import { XmlReader } from '../../src/xlsx/xml/reader';
import { decodeAttribute, decodeText } from '../../src/xlsx/xml/text';
import { attributesOf } from '../../src/xlsx/xml/text';
import { userPartOf } from '../../src/sheets/notes';
import { HIGHLIGHT_MARKER } from '../../src/core/highlights';

/**
 * The preservation suite's comparison of a workbook before and after `dicoso check`, part by part:
 * - every part of the input is in the output; a part we have no reason to change is byte-identical, and stored as it
 *   was (its compressed bytes copied, not deflated again);
 * - a part we change (the input tabs, their notes and drawings, the workbook's tabs and names, styles, content
 *   types, relationships) is equal to the input's once what is ours is left out of both: our status column's cells,
 *   our colouring rules, our lines in notes, our defined names and tabs, the formats we added after the file's, the
 *   relationships and types of the parts we added, and a print set-up or notes drawing the tab did not have;
 * - every new part is ours, every relationship and content type points at a part that is there;
 * - the children of every worksheet we changed are in ECMA-376's CT_Worksheet order.
 * The XML is read with the adapter's tokenizer; LibreOffice and exceljs open the result independently elsewhere.
 */

/** ECMA-376 Part 1 §18.3.1.99, CT_Worksheet: its children's order, as the schema gives it (written out again here). */
const CT_WORKSHEET =
  'sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst'.split(
    ' ',
  );

interface Part {
  content: Buffer;
  stored: Buffer;
  method: number;
}

export function partsOf(bytes: Buffer): Map<string, Part> {
  const out = new Map<string, Part>();
  for (const entry of zipEntries(bytes)!) {
    if (entry.name.endsWith('/')) continue;
    const data = entryData(bytes, entry)!;
    out.set(entry.name, { content: zipEntryContent(bytes, entry)!, stored: bytes.subarray(data.start, data.end), method: entry.method });
  }
  return out;
}

// ---- a small DOM, for comparing

interface El {
  qname: string;
  local: string;
  attrs: [string, string][];
  children: (El | string)[];
}

export function parseXml(bytes: Buffer): El {
  const reader = new XmlReader(bytes);
  const root: El = { qname: '#document', local: '#document', attrs: [], children: [] };
  const stack = [root];
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    const c = reader.cursor;
    const top = stack[stack.length - 1]!;
    if (kind === Token.Open || kind === Token.Empty) {
      const el: El = {
        qname: c.qname,
        local: c.local,
        attrs: attributesOf(c.bytes, c.nameEnd, c.end).map((a) => [a.name, decodeAttribute(c.bytes.toString('utf8', a.valueStart, a.valueEnd))]),
        children: [],
      };
      top.children.push(el);
      if (kind === Token.Open) stack.push(el);
    } else if (kind === Token.Close) stack.pop();
    else if (kind === Token.Text) top.children.push(decodeText(c.bytes.toString('utf8', c.start, c.end)));
    else if (kind === Token.CData) top.children.push(c.bytes.toString('utf8', c.nameStart, c.nameEnd));
  }
  return root;
}

const attr = (el: El, name: string) => el.attrs.find(([k]) => k === name)?.[1];
const elements = (el: El) => el.children.filter((c): c is El => typeof c !== 'string');
const textOf = (el: El): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

function serialize(el: El | string, ignore: (el: El, attribute: string) => boolean = () => false): string {
  if (typeof el === 'string') return el;
  const attrs = el.attrs
    .filter(([k]) => !ignore(el, k))
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return `<${el.qname}${attrs}>${el.children.map((c) => serialize(c, ignore)).join('')}</${el.qname}>`;
}

function root(doc: El): El {
  return elements(doc)[0]!;
}

// ---- what is ours, found in the output

export interface Ours {
  /** Input sheet part → our status column on it. */
  statusColumns: Map<string, number>;
  /** Names of the tabs we generated. */
  generatedTabs: Set<string>;
}

const MARK = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/;

export function oursIn(output: Map<string, Part>): Ours {
  const workbook = root(parseXml(output.get('xl/workbook.xml')!.content));
  const rels = relationshipsOf(output, 'xl/workbook.xml');
  const partOf = new Map<string, string>();
  for (const sheet of elements(elements(workbook).find((e) => e.local === 'sheets')!)) {
    const id = sheet.attrs.find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    partOf.set(attr(sheet, 'name')!, rels.get(id) ?? '');
  }
  const ours: Ours = { statusColumns: new Map(), generatedTabs: new Set() };
  for (const name of elements(elements(workbook).find((e) => e.local === 'definedNames') ?? { qname: '', local: '', attrs: [], children: [] })) {
    const n = attr(name, 'name') ?? '';
    const m = MARK.exec(textOf(name));
    if (!m) continue;
    const tab = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
    if (n.startsWith('_dicoso_status_')) ours.statusColumns.set(partOf.get(tab)!, parseCell(`${m[3]}1`)!.column);
    if (n.startsWith('_dicoso_tab_') || n.startsWith('_dicoso_list_')) ours.generatedTabs.add(tab);
  }
  return ours;
}

function relationshipsOf(parts: Map<string, Part>, source: string): Map<string, string> {
  const slash = source.lastIndexOf('/');
  const relsPart = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const out = new Map<string, string>();
  const bytes = parts.get(relsPart)?.content;
  if (!bytes) return out;
  for (const rel of elements(root(parseXml(bytes)))) {
    if (attr(rel, 'TargetMode') === 'External') continue;
    out.set(attr(rel, 'Id')!, resolve(source, attr(rel, 'Target')!));
  }
  return out;
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

// ---- the comparison

/** Every difference between the input and the output outside what is ours; empty when the workbook came back whole. */
export function differences(inputBytes: Buffer, outputBytes: Buffer): string[] {
  const input = partsOf(inputBytes);
  const output = partsOf(outputBytes);
  const ours = oursIn(output);
  const kinds = kindsOf(input);
  const out: string[] = [];
  for (const [name, part] of input) {
    const after = output.get(name);
    if (!after) {
      out.push(`${name}: lost`);
      continue;
    }
    if (part.content.equals(after.content)) {
      if (!part.stored.equals(after.stored) || part.method !== after.method) out.push(`${name}: same content but not copied as stored`);
      continue;
    }
    const kind = kinds.get(name);
    const compare = kind ? CANONICAL[kind] : undefined;
    if (!compare) {
      out.push(`${name}: changed, though nothing of ours is in it`);
      continue;
    }
    const [a, b] = [compare(part.content, ours, name, part.content), compare(after.content, ours, name, part.content)];
    if (a !== b) out.push(`${name}: changed outside what is ours: ${firstDifference(a, b)}`);
    if (kind === 'worksheet') out.push(...orderProblems(name, after.content));
  }
  out.push(...newParts(input, output, ours), ...danglingReferences(output));
  return out;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}… ≠ …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

type Kind = 'worksheet' | 'comments' | 'vml' | 'workbook' | 'styles' | 'types' | 'rels';

function kindsOf(parts: Map<string, Part>): Map<string, Kind> {
  const out = new Map<string, Kind>();
  const types = root(parseXml(parts.get('[Content_Types].xml')!.content));
  const defaults = new Map(
    elements(types)
      .filter((e) => e.local === 'Default')
      .map((e) => [attr(e, 'Extension')!.toLowerCase(), attr(e, 'ContentType')!]),
  );
  const overrides = new Map(
    elements(types)
      .filter((e) => e.local === 'Override')
      .map((e) => [attr(e, 'PartName')!.slice(1), attr(e, 'ContentType')!]),
  );
  for (const name of parts.keys()) {
    const type = overrides.get(name) ?? defaults.get(name.split('.').pop()!.toLowerCase()) ?? '';
    if (name === '[Content_Types].xml') out.set(name, 'types');
    else if (name.endsWith('.rels')) out.set(name, 'rels');
    else if (type.endsWith('worksheet+xml')) out.set(name, 'worksheet');
    else if (type.endsWith('comments+xml')) out.set(name, 'comments');
    else if (type.endsWith('vmlDrawing')) out.set(name, 'vml');
    else if (type.endsWith('sheet.main+xml')) out.set(name, 'workbook');
    else if (type.endsWith('styles+xml')) out.set(name, 'styles');
  }
  return out;
}

type Canonical = (bytes: Buffer, ours: Ours, part: string, input: Buffer) => string;

const CANONICAL: Record<Kind, Canonical> = {
  worksheet: (bytes, ours, part, input) => {
    const column = ours.statusColumns.get(part) ?? 0;
    const had = new Set(elements(root(parseXml(input))).map((e) => e.local));
    const hadFit = /pageSetUpPr/.test(input.toString('utf8'));
    const sheet = root(parseXml(bytes));
    sheet.children = sheet.children.filter(
      (child) => typeof child === 'string' || had.has(child.local) || !['legacyDrawing', 'pageSetup', 'sheetPr'].includes(child.local),
    );
    for (const child of elements(sheet)) {
      if (child.local === 'sheetData')
        child.children = elements(child)
          .map((row) => withoutColumn(row, column))
          .filter((row) => row.children.length > 0 || row.attrs.some(([k]) => k !== 'r'));
      if (child.local === 'sheetPr' && !hadFit) child.children = child.children.filter((c) => typeof c === 'string' || c.local !== 'pageSetUpPr');
      // The width of our status column: ours (a `<col>` over it alone).
      if (child.local === 'cols')
        child.children = child.children.filter((c) => typeof c === 'string' || !(attr(c, 'min') === String(column) && attr(c, 'max') === String(column)));
      if (child.local === 'conditionalFormatting')
        child.children = child.children.filter((rule) => typeof rule === 'string' || !textOf(rule).includes(HIGHLIGHT_MARKER));
    }
    sheet.children = sheet.children.filter((c) => typeof c === 'string' || !['conditionalFormatting', 'cols'].includes(c.local) || elements(c).length > 0);
    // A row's height without customHeight is the program's fit to its text, not the person's: ours to grow for our text.
    const fitted = (el: El, a: string) => el.local === 'row' && a === 'ht' && !['1', 'true'].includes(attr(el, 'customHeight') ?? '');
    return serialize(sheet, (el, a) => (el.local === 'row' && a === 'spans') || (el.local === 'dimension' && a === 'ref') || fitted(el, a));
  },
  comments: (bytes) => {
    const comments = root(parseXml(bytes));
    const authors = elements(elements(comments).find((e) => e.local === 'authors')!).map(textOf);
    const list = elements(elements(comments).find((e) => e.local === 'commentList')!);
    return list
      .map((comment) => {
        const text = elements(comment).find((e) => e.local === 'text');
        const runs = text ? runsOf(text) : [];
        const user = userPartOf(runs.map((r) => r.text).join(''));
        let left = user.length;
        const kept = runs.flatMap((r) => {
          const piece = r.text.slice(0, Math.max(0, left));
          left -= r.text.length;
          return piece ? [`${r.properties}|${piece}`] : [];
        });
        const others = comment.attrs.map(([k, v]) => (k === 'authorId' ? `author=${authors[Number(v)]}` : `${k}=${v}`)).join(' ');
        return user === '' ? '' : `[${others}] ${kept.join(' / ')}`;
      })
      .filter(Boolean)
      .join('\n');
  },
  vml: (bytes, _ours, _part, input) => {
    const shapes = (text: string) => [...text.matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)].map((m) => m[0]);
    const before = new Set(shapes(input.toString('utf8')));
    const text = bytes.toString('utf8');
    const kept = text
      .replace(/<v:shape\b[\s\S]*?<\/v:shape>\s*/g, (shape) => (before.has(shape.trim()) ? shape : ''))
      .replace(/<v:shapetype\b[\s\S]*?<\/v:shapetype>/g, '')
      .replace(/(<o:idmap\b[^>]*\bdata=")[^"]*"/, '$1"');
    return kept.replace(/\s+/g, ' ');
  },
  workbook: (bytes, ours, _part, input) => {
    const had = /<(\w+:)?definedNames\b/.test(input.toString('utf8'));
    const book = root(parseXml(bytes));
    const sheets = elements(book).find((e) => e.local === 'sheets')!;
    const order = elements(sheets).map((s) => attr(s, 'name')!);
    sheets.children = sheets.children.filter((s) => typeof s === 'string' || !ours.generatedTabs.has(attr(s, 'name')!));
    const names = elements(book).find((e) => e.local === 'definedNames');
    if (names) {
      names.children = names.children.filter((n) => {
        if (typeof n === 'string') return true;
        const local = attr(n, 'localSheetId');
        return !(attr(n, 'name') ?? '').startsWith('_dicoso_') && !(local !== undefined && ours.generatedTabs.has(order[Number(local)]!));
      });
      if (!had && elements(names).length === 0) book.children = book.children.filter((c) => c !== names);
    }
    return serialize(book);
  },
  styles: (bytes, _ours, _part, input) => {
    const before = root(parseXml(input));
    const counts = new Map(elements(before).map((e) => [e.local, elements(e).length]));
    const styles = root(parseXml(bytes));
    styles.children = styles.children.filter((c) => typeof c === 'string' || counts.has(c.local));
    for (const list of elements(styles)) {
      const n = counts.get(list.local) ?? 0;
      let seen = 0;
      list.children = list.children.filter((c) => typeof c === 'string' || seen++ < n);
    }
    return serialize(styles, (_el, a) => a === 'count');
  },
  types: (bytes, _ours, _part, input) => {
    const before = root(parseXml(input));
    const keys = new Set(elements(before).map((e) => `${e.local}:${attr(e, 'PartName') ?? attr(e, 'Extension')}`));
    const types = root(parseXml(bytes));
    types.children = types.children.filter((c) => typeof c === 'string' || keys.has(`${c.local}:${attr(c, 'PartName') ?? attr(c, 'Extension')}`));
    return serialize(types);
  },
  rels: (bytes, _ours, _part, input) => {
    const ids = new Set(elements(root(parseXml(input))).map((e) => attr(e, 'Id')));
    const rels = root(parseXml(bytes));
    rels.children = rels.children.filter((c) => typeof c === 'string' || ids.has(attr(c, 'Id')));
    return serialize(rels);
  },
};

/** A row without the cells of `column` (numbered by their `r`, or following the one before). */
function withoutColumn(row: El, column: number): El {
  let at = 0;
  return {
    ...row,
    children: row.children.filter((cell) => {
      if (typeof cell === 'string' || cell.local !== 'c') return true;
      const ref = attr(cell, 'r');
      at = ref ? parseCell(ref)!.column : at + 1;
      return at !== column;
    }),
  };
}

function runsOf(text: El): { properties: string; text: string }[] {
  return elements(text).flatMap((child) => {
    if (child.local === 't') return [{ properties: '', text: textOf(child) }];
    if (child.local !== 'r') return [];
    const pr = elements(child).find((e) => e.local === 'rPr');
    return [
      {
        properties: pr ? serialize(pr) : '',
        text: elements(child)
          .filter((e) => e.local === 't')
          .map(textOf)
          .join(''),
      },
    ];
  });
}

function orderProblems(name: string, bytes: Buffer): string[] {
  const sheet = root(parseXml(bytes));
  let last = -1;
  const out: string[] = [];
  for (const child of elements(sheet)) {
    const local = child.local === 'AlternateContent' ? (elements(elements(child)[0] ?? child)[0]?.local ?? '') : child.local;
    const rank = CT_WORKSHEET.indexOf(local);
    if (rank < 0) continue;
    if (rank < last) out.push(`${name}: <${local}> after <${CT_WORKSHEET[last]}>, against CT_Worksheet's order`);
    last = Math.max(last, rank);
  }
  return out;
}

/**
 * New parts must be ours: generated tabs, the notes and drawings of an input tab, and the relationships of an input
 * tab that had none (after "Xóa đánh dấu" the notes part we made stays, empty).
 */
function newParts(input: Map<string, Part>, output: Map<string, Part>, ours: Ours): string[] {
  const inputSheets = new Set([...kindsOf(input)].filter(([, kind]) => kind === 'worksheet').map(([name]) => name));
  const generated = new Set<string>();
  const workbookRels = relationshipsOf(output, 'xl/workbook.xml');
  const book = root(parseXml(output.get('xl/workbook.xml')!.content));
  for (const sheet of elements(elements(book).find((e) => e.local === 'sheets')!)) {
    if (!ours.generatedTabs.has(attr(sheet, 'name')!)) continue;
    generated.add(workbookRels.get(sheet.attrs.find(([k]) => k.endsWith(':id'))![1])!);
  }
  const out: string[] = [];
  // A package may have no styles part (it is optional); ours then holds the formats our colours need.
  const hadStyles = [...kindsOf(input).values()].includes('styles');
  for (const name of output.keys()) {
    if (input.has(name) || generated.has(name) || (!hadStyles && /^xl\/styles\d*\.xml$/.test(name))) continue;
    const notesPart = /^xl\/comments\d+\.xml$/.test(name) || /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(name);
    const relsOfSheet = name.endsWith('.rels') && inputSheets.has(name.replace(/(^|\/)_rels\//, '$1').replace(/\.rels$/, ''));
    if (!notesPart && !relsOfSheet) out.push(`${name}: a new part that is not ours`);
  }
  return out;
}

function danglingReferences(output: Map<string, Part>): string[] {
  const out: string[] = [];
  for (const name of output.keys()) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/(^|\/)_rels\//, '$1').replace(/\.rels$/, '');
    for (const [id, target] of relationshipsOf(output, source)) if (!output.has(target)) out.push(`${name}: ${id} points at ${target}, which is not there`);
  }
  const types = root(parseXml(output.get('[Content_Types].xml')!.content));
  for (const o of elements(types).filter((e) => e.local === 'Override')) {
    if (!output.has(attr(o, 'PartName')!.slice(1))) out.push(`[Content_Types].xml: an override for ${attr(o, 'PartName')}, which is not there`);
  }
  return out;
}
