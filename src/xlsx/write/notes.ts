import { maxOf, minOf } from '../../core/arrays';
import { columnLetter } from '../../core/a1';
import { parseCell } from '../a1';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { decodeXstring, encodeXstring, needsPreserve } from '../xml/text';
import { Splice } from './splice';
import { asStartTag, tagText } from './tags';

/**
 * Notes written into a sheet's own comments part (ECMA-376 Part 1 §18.7) and the VML drawing that shows them
 * (Part 4 §19.1, the legacy `x:ClientData ObjectType="Note"` shapes): a note that changes keeps its element and
 * attributes, and the formatting of the runs of the text the person wrote; a note we add gets an element after the
 * others and a shape; a note emptied loses both. Every other note, shape and byte is left as the file has it.
 */

/** What happens to the notes of one sheet. */
export interface NoteChanges {
  /** A cell's whole new note ('' removes it), or undefined when this run writes none there. */
  wanted: (row: number, column: number) => string | undefined;
  /** The non-empty notes written ("row:column", text): those the part lacks are added. */
  added: readonly [string, string][];
  clearedRows: ReadonlySet<number>;
  clearedColumn: number | null;
}

export interface CommentsPatch {
  /** The part's new bytes. */
  bytes: Buffer;
  /** Cells whose note is new (they need a shape) and cells whose note is gone (their shape goes). */
  added: string[];
  removed: string[];
  /** Cells whose note stays (changed or not). */
  kept: string[];
}

const AUTHOR = 'dicoso';
const MAIN = NS.main[0];

/** The comments part with the changes applied; `bytes` null makes a new part. */
export function patchComments(bytes: Buffer | null, changes: NoteChanges): CommentsPatch {
  const source = bytes ?? Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors/><commentList/></comments>`);
  const splice = new Splice(source);
  const reader = new XmlReader(source);
  const out: CommentsPatch = { bytes: source, added: [], removed: [], kept: [] };
  const seen = new Set<string>();
  let prefix = '';
  let authors = 0;
  let author = -1;
  let authorsEnd: { at: number; empty: boolean; start: number; qname: string } | null = null;
  let listEnd: { at: number; empty: boolean; start: number; qname: string } | null = null;
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    const c = reader.cursor;
    if (kind === Token.Open && reader.level === 1) prefix = c.prefix ? `${c.prefix}:` : '';
    if (kind !== Token.Open && kind !== Token.Empty && kind !== Token.Close) continue;
    if (reader.is(NS.main, 'authors')) {
      if (kind !== Token.Open) authorsEnd = { at: kind === Token.Close ? c.start : c.end, empty: kind === Token.Empty, start: c.start, qname: c.qname };
    } else if (reader.is(NS.main, 'author') && kind !== Token.Close) {
      if (kind === Token.Open && reader.text() === AUTHOR) author = authors;
      authors++;
    } else if (reader.is(NS.main, 'commentList')) {
      if (kind !== Token.Open) listEnd = { at: kind === Token.Close ? c.start : c.end, empty: kind === Token.Empty, start: c.start, qname: c.qname };
    } else if (reader.is(NS.main, 'comment') && kind !== Token.Close) {
      comment(reader, splice, changes, prefix, seen, out);
    }
  }
  const added = changes.added.filter(([key]) => !seen.has(key));
  if (added.length > 0) {
    if (!authorsEnd || !listEnd) throw new Error('comments part without authors or commentList');
    if (author < 0) {
      author = authors;
      insertInto(splice, source, authorsEnd, `<${prefix}author>${AUTHOR}</${prefix}author>`);
    }
    const xml = added
      .map(([key, text]) => `<${prefix}comment ref="${refOf(key)}" authorId="${author}">${textXml(text, [], prefix)}</${prefix}comment>`)
      .join('');
    insertInto(splice, source, listEnd, xml);
    for (const [key] of added) out.added.push(key);
  }
  out.bytes = splice.edited || !bytes ? splice.toBuffer() : source;
  return out;
}

/** One `<comment>` of the file: left, rewritten or taken out. */
function comment(reader: XmlReader, splice: Splice, changes: NoteChanges, prefix: string, seen: Set<string>, out: CommentsPatch): void {
  const c = reader.cursor;
  const start = c.start;
  const startTag = asStartTag(tagText(c.bytes, c.start, c.end));
  const qname = c.qname;
  const at = parseCell(reader.attr('ref') ?? '');
  const key = at ? `${at.row}:${at.column}` : '';
  const runs: Run[] = [];
  let textStart = -1;
  let textEnd = -1;
  if (c.kind === Token.Open) {
    const level = reader.level;
    for (let kind = reader.next(); !(kind === Token.Close && reader.level === level); kind = reader.next()) {
      if ((kind === Token.Open || kind === Token.Empty) && reader.level === level + 1 && reader.is(NS.main, 'text')) {
        textStart = c.start;
        readRuns(reader, runs);
        textEnd = c.end;
      }
    }
  }
  const end = c.end;
  if (!at) return;
  seen.add(key);
  const wanted = changes.wanted(at.row, at.column) ?? (changes.clearedRows.has(at.row) || at.column === changes.clearedColumn ? '' : undefined);
  if (wanted === undefined) {
    out.kept.push(key);
    return;
  }
  if (wanted === '') {
    splice.remove(start, end);
    out.removed.push(key);
    return;
  }
  out.kept.push(key);
  if (runs.map((r) => r.text).join('') === wanted) return;
  if (textStart < 0) splice.replace(start, end, `${startTag}${textXml(wanted, runs, prefix)}</${qname}>`);
  else splice.replace(textStart, textEnd, textXml(wanted, runs, prefix));
}

/** A run of a note's text: its properties as written ('' for none), its text, whether it was an `<r>` or a plain `<t>`. */
interface Run {
  properties: string;
  text: string;
  rich: boolean;
}

/** The runs of a `<text>` element: each rich run's properties (as written) and text; a plain `<t>` as one run without. */
function readRuns(reader: XmlReader, runs: Run[]): void {
  const c = reader.cursor;
  if (c.kind === Token.Empty) return;
  const level = reader.level;
  for (let kind = reader.next(); !(kind === Token.Close && reader.level === level); kind = reader.next()) {
    if (kind !== Token.Open || reader.level !== level + 1) continue;
    if (reader.is(NS.main, 't')) runs.push({ properties: '', text: decodeXstring(reader.text()), rich: false });
    else if (reader.is(NS.main, 'r')) {
      const run = { properties: '', text: '', rich: true };
      const runLevel = reader.level;
      for (let k = reader.next(); !(k === Token.Close && reader.level === runLevel); k = reader.next()) {
        if ((k !== Token.Open && k !== Token.Empty) || reader.level !== runLevel + 1) continue;
        if (reader.is(NS.main, 'rPr')) {
          const from = c.start;
          reader.skip();
          run.properties = c.bytes.toString('utf8', from, c.end);
        } else if (reader.is(NS.main, 't')) run.text += decodeXstring(reader.text());
        else reader.skip();
      }
      runs.push(run);
    } else reader.skip();
  }
}

/**
 * The `<text>` of a note: the old runs kept, with their formatting, over the part of the new text they still begin
 * (the person's own lines); what follows in a run formatted like the text just before it, but not bold (an author's
 * name is the bold run Excel starts a note with).
 */
function textXml(text: string, old: readonly Run[], prefix: string): string {
  const t = (value: string) => `<${prefix}t${needsPreserve(value) ? ' xml:space="preserve"' : ''}>${encodeXstring(value)}</${prefix}t>`;
  // A note written plain (`<text><t>`, as Google Sheets writes them) stays plain; one in runs (Excel's form, and ours
  // for a new note: some readers know only that one) stays in runs.
  if (old.length > 0 && !old.some((run) => run.rich)) return `<${prefix}text>${t(text)}</${prefix}text>`;
  let xml = '';
  let at = 0;
  let last = '';
  for (const run of old) {
    let same = 0;
    while (same < run.text.length && at + same < text.length && run.text[same] === text[at + same]) same++;
    if (same > 0) {
      xml += `<${prefix}r>${run.properties}${t(run.text.slice(0, same))}</${prefix}r>`;
      last = run.properties;
    }
    at += same;
    if (same < run.text.length) break;
  }
  if (at < text.length) xml += `<${prefix}r>${last.replace(/<(\w+:)?b(\s[^>]*)?\/>/g, '')}${t(text.slice(at))}</${prefix}r>`;
  return `<${prefix}text>${xml}</${prefix}text>`;
}

function insertInto(splice: Splice, bytes: Buffer, place: { at: number; empty: boolean; start: number; qname: string }, xml: string): void {
  if (place.empty) splice.replace(place.start, place.at, `${asStartTag(tagText(bytes, place.start, place.at))}${xml}</${place.qname}>`);
  else splice.insert(place.at, xml);
}

function refOf(key: string): string {
  const [row, column] = key.split(':').map(Number) as [number, number];
  return `${columnLetter(column)}${row}`;
}

// ---- the VML drawing

const VML = 'urn:schemas-microsoft-com:vml';
const OFFICE = 'urn:schemas-microsoft-com:office:office';
const EXCEL = 'urn:schemas-microsoft-com:office:excel';
const NOTE_SHAPE_TYPE = '_x0000_t202';

/** The idmap blocks a VML drawing claims (`<o:idmap data="1,3"/>`): its shapes are numbered 1024 × block + n. */
export function vmlBlocks(vml: string): number[] {
  const m = /<\w+:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
  return m
    ? m[1]!
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number)
    : [];
}

/**
 * The VML drawing with shapes added for `added` notes and taken out for `removed` ones; `vml` null makes a new drawing
 * numbered in `block`. VML is edited as text: Excel writes it as loose HTML-era markup that an XML parser may refuse.
 */
export function patchVml(vml: string | null, added: readonly string[], removed: readonly string[], block: number): string {
  let text = vml ?? newVml(block);
  const prefixes = { v: prefixOf(text, VML, 'v'), o: prefixOf(text, OFFICE, 'o'), x: prefixOf(text, EXCEL, 'x') };
  const declared = (ns: string) => new RegExp(`xmlns:\\w+\\s*=\\s*["']${ns.replace(/[.]/g, '\\.')}["']`).test(text);
  for (const [ns, prefix] of [
    [VML, prefixes.v],
    [OFFICE, prefixes.o],
    [EXCEL, prefixes.x],
  ] as const) {
    if (!declared(ns)) text = text.replace(/<xml\b/, `<xml xmlns:${prefix}="${ns}"`);
  }
  const gone = new Set(removed);
  text = text.replace(shapePattern(prefixes.v), (shape) => (gone.has(noteCellOf(shape, prefixes.x) ?? '') ? '' : shape));
  if (added.length === 0) return text;
  if (!text.includes(`"${NOTE_SHAPE_TYPE}"`) && !text.includes(`'${NOTE_SHAPE_TYPE}'`)) text = insertBeforeEnd(text, shapeType(prefixes));
  const blocks = new Set(vmlBlocks(text));
  const ids = [...text.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  // Shapes are numbered within the drawing's blocks (1024 × block + n), a new drawing's in `block`; a drawing that
  // names no block (Google's) just goes on from its highest number.
  const first = vml === null ? block * 1024 : blocks.size > 0 ? minOf(blocks) * 1024 : 0;
  let next = maxOf(ids, first) + 1;
  const hadBlocks = blocks.size > 0 || vml === null;
  const shapes = added.map((key) => {
    const id = next++;
    if (hadBlocks) blocks.add(Math.floor(id / 1024));
    return noteShape(key, id, prefixes);
  });
  text = insertBeforeEnd(text, shapes.join('\n'));
  if (!hadBlocks) return text;
  const data = [...blocks].sort((a, b) => a - b).join(',');
  return text.replace(/(<\w+:idmap\b[^>]*\bdata\s*=\s*)(["'])[^"']*\2/, `$1$2${data}$2`);
}

/** The cells that have a note shape in a VML drawing. */
export function vmlNoteCells(vml: string): Set<string> {
  const v = prefixOf(vml, VML, 'v');
  const x = prefixOf(vml, EXCEL, 'x');
  const out = new Set<string>();
  for (const m of vml.matchAll(shapePattern(v))) {
    const key = noteCellOf(m[0], x);
    if (key) out.add(key);
  }
  return out;
}

function shapePattern(v: string): RegExp {
  return new RegExp(`<${v}:shape\\b[\\s\\S]*?</${v}:shape>\\s*`, 'g');
}

/** The "row:column" (1-based) of a note's shape; null for another kind of shape. */
function noteCellOf(shape: string, x: string): string | null {
  if (!new RegExp(`ObjectType\\s*=\\s*["']Note["']`).test(shape)) return null;
  const row = new RegExp(`<${x}:Row>\\s*(\\d+)\\s*</${x}:Row>`).exec(shape);
  const column = new RegExp(`<${x}:Column>\\s*(\\d+)\\s*</${x}:Column>`).exec(shape);
  return row && column ? `${Number(row[1]) + 1}:${Number(column[1]) + 1}` : null;
}

function prefixOf(vml: string, ns: string, fallback: string): string {
  const m = new RegExp(`xmlns:(\\w+)\\s*=\\s*["']${ns.replace(/[.]/g, '\\.')}["']`).exec(vml);
  return m ? m[1]! : fallback;
}

function newVml(block: number): string {
  return (
    `<xml xmlns:v="${VML}" xmlns:o="${OFFICE}" xmlns:x="${EXCEL}">\n` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>\n</xml>`
  );
}

function shapeType(p: { v: string; o: string }): string {
  return (
    `<${p.v}:shapetype id="${NOTE_SHAPE_TYPE}" coordsize="21600,21600" ${p.o}:spt="202" path="m,l,21600r21600,l21600,xe">` +
    `<${p.v}:stroke joinstyle="miter"/><${p.v}:path gradientshapeok="t" ${p.o}:connecttype="rect"/></${p.v}:shapetype>`
  );
}

/** A hidden note box beside its cell, as Excel draws one (anchored two columns wide, four rows high). */
function noteShape(key: string, id: number, p: { v: string; o: string; x: string }): string {
  const [row, column] = key.split(':').map(Number) as [number, number];
  const r = row - 1;
  const c = column - 1;
  return (
    `<${p.v}:shape id="_x0000_s${id}" type="#${NOTE_SHAPE_TYPE}" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" ${p.o}:insetmode="auto">` +
    `<${p.v}:fill color2="#ffffe1"/><${p.v}:shadow on="t" color="black" obscured="t"/><${p.v}:path ${p.o}:connecttype="none"/>` +
    `<${p.v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${p.v}:textbox>` +
    `<${p.x}:ClientData ObjectType="Note"><${p.x}:MoveWithCells/><${p.x}:SizeWithCells/>` +
    `<${p.x}:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 2, ${c + 3}, 15, ${r + 3}, 16</${p.x}:Anchor>` +
    `<${p.x}:AutoFill>False</${p.x}:AutoFill><${p.x}:Row>${r}</${p.x}:Row><${p.x}:Column>${c}</${p.x}:Column></${p.x}:ClientData></${p.v}:shape>`
  );
}

function insertBeforeEnd(vml: string, xml: string): string {
  const end = vml.lastIndexOf('</xml>');
  return end < 0 ? `${vml}${xml}` : `${vml.slice(0, end)}${xml}\n${vml.slice(end)}`;
}
