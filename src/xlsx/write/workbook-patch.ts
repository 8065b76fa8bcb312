import type { NameSlot, SheetSlot } from '../model';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { escapeAttribute, escapeText } from '../xml/text';
import { WORKBOOK_ORDER } from './schema-order';
import { Splice } from './splice';
import { asStartTag, setAttribute, tagText } from './tags';

/**
 * The workbook part (ECMA-376 Part 1 §18.2.27) with our changes: tabs added after the file's (or taking the place of
 * a tab of ours), tabs of ours deleted, our defined names added and taken off, and the tab numbers the file's names
 * and views use (`localSheetId`, `activeTab`, `firstSheet`) kept pointing at the same tabs. Every other element and
 * attribute is the file's, as written.
 */

export interface WorkbookChanges {
  /** Every sheet in tab order, deleted ones included. */
  slots: readonly SheetSlot[];
  names: readonly NameSlot[];
  /** The sheets this run adds: their sheetId and relationship id. */
  added: ReadonlyMap<SheetSlot, { sheetId: number; relId: string }>;
}

interface Located {
  start: number;
  end: number;
  tagEnd: number;
}

interface List extends Located {
  empty: boolean;
  /** Where its end tag starts (its own end for an empty tag). */
  closeStart: number;
  qname: string;
}

/** Where the workbook part holds what we change. */
interface Layout {
  prefix: string;
  /** The prefix of the relationships namespace on the root, if any. */
  relPrefix: string | undefined;
  rootEnd: number;
  children: { local: string; start: number }[];
  sheetsList: List | null;
  namesList: List | null;
  sheets: Located[];
  names: Located[];
  views: Located[];
}

export function patchWorkbookPart(bytes: Buffer, changes: WorkbookChanges): Buffer {
  const layout = scan(bytes);
  const splice = new Splice(bytes);
  const live = changes.slots.filter((s) => !s.deleted);
  patchSheets(bytes, splice, layout, changes, live);
  patchNames(bytes, splice, layout, changes, live);
  if (changes.slots.some((s) => s.deleted && s.input)) patchViews(bytes, splice, layout, changes, live);
  return splice.toBuffer();
}

function scan(bytes: Buffer): Layout {
  const reader = new XmlReader(bytes);
  const layout: Layout = { prefix: '', relPrefix: undefined, rootEnd: 0, children: [], sheetsList: null, namesList: null, sheets: [], names: [], views: [] };
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    const c = reader.cursor;
    if (kind === Token.Open && reader.level === 1) {
      layout.prefix = c.prefix ? `${c.prefix}:` : '';
      layout.relPrefix = reader.scope.prefixOf(NS.relationships);
      continue;
    }
    if (kind === Token.Close && reader.level === 1) layout.rootEnd = c.start;
    if ((kind !== Token.Open && kind !== Token.Empty) || reader.level !== 2) continue;
    const [start, tagEnd, local, empty] = [c.start, c.end, c.local, kind === Token.Empty];
    layout.children.push({ local, start });
    const inner = local === 'sheets' ? layout.sheets : local === 'definedNames' ? layout.names : local === 'bookViews' ? layout.views : [];
    if (!empty) {
      const level = reader.level;
      for (let k = reader.next(); !(k === Token.Close && reader.level === level); k = reader.next()) {
        if ((k !== Token.Open && k !== Token.Empty) || reader.level !== level + 1) continue;
        const [from, to] = [c.start, c.end];
        reader.skip();
        inner.push({ start: from, end: c.end, tagEnd: to });
      }
    }
    const list: List = { start, end: c.end, tagEnd, empty, closeStart: empty ? c.end : c.start, qname: c.qname };
    if (local === 'sheets' && reader.is(NS.main, 'sheets')) layout.sheetsList = list;
    if (local === 'definedNames' && reader.is(NS.main, 'definedNames')) layout.namesList = list;
  }
  if (!layout.sheetsList) throw new Error('workbook part without sheets');
  return layout;
}

/** Inside a list element: `xml` added at its end (an empty `<a/>` made `<a>…</a>`). */
function appendTo(bytes: Buffer, splice: Splice, list: List, xml: string): void {
  if (!xml) return;
  if (list.empty) splice.replace(list.start, list.end, `${asStartTag(tagText(bytes, list.start, list.end))}${xml}</${list.qname}>`);
  else splice.insert(list.closeStart, xml);
}

/** The tabs: ours deleted, renamed (a tab of ours written again under another case) or added after the file's. */
function patchSheets(bytes: Buffer, splice: Splice, layout: Layout, changes: WorkbookChanges, live: readonly SheetSlot[]): void {
  for (const slot of changes.slots) {
    const at = slot.input && layout.sheets[slot.input.index];
    if (!slot.input || !at) continue;
    if (slot.deleted) splice.remove(at.start, at.end);
    else if (slot.name !== slot.input.name) splice.replace(at.start, at.tagEnd, setAttribute(tagText(bytes, at.start, at.tagEnd), 'name', slot.name));
  }
  const rel = layout.relPrefix === undefined ? 'r' : layout.relPrefix;
  const declare = layout.relPrefix === undefined ? ` xmlns:r="${NS.relationships[0]}"` : '';
  const added = live
    .filter((s) => !s.input)
    .map((s) => {
      const { sheetId, relId } = changes.added.get(s)!;
      const hidden = s.content?.hidden ? ' state="hidden"' : '';
      return `<${layout.prefix}sheet name="${escapeAttribute(s.name)}" sheetId="${sheetId}"${hidden}${declare} ${rel}:id="${relId}"/>`;
    })
    .join('');
  appendTo(bytes, splice, layout.sheetsList!, added);
}

/**
 * The defined names: ours taken off and added, a tab's own names following their tab's new number. A list left empty
 * by our names going is invalid (CT_DefinedNames holds at least one): it goes whole.
 */
function patchNames(bytes: Buffer, splice: Splice, layout: Layout, changes: WorkbookChanges, live: readonly SheetSlot[]): void {
  const kept = changes.names.filter((n) => !n.removed && !(n.scope && n.scope.deleted));
  const list = layout.namesList;
  if (list && kept.length === 0 && layout.names.length > 0) {
    splice.remove(list.start, list.end);
    return;
  }
  for (const name of changes.names) {
    const at = name.input === null ? undefined : layout.names[name.input];
    if (!at) continue;
    if (!kept.includes(name)) splice.remove(at.start, at.end);
    else if (name.scope?.input && live.indexOf(name.scope) !== name.scope.input.index) {
      splice.replace(at.start, at.tagEnd, setAttribute(tagText(bytes, at.start, at.tagEnd), 'localSheetId', String(live.indexOf(name.scope))));
    }
  }
  const added = kept
    .filter((n) => n.input === null)
    .map((n) => {
      const local = n.scope ? ` localSheetId="${live.indexOf(n.scope)}"` : '';
      return `<${layout.prefix}definedName name="${escapeAttribute(n.name)}"${local}>${escapeText(n.formula)}</${layout.prefix}definedName>`;
    })
    .join('');
  if (list) appendTo(bytes, splice, list, added);
  else if (added) {
    const rank = WORKBOOK_ORDER.indexOf('definedNames');
    const after = layout.children.find((child) => WORKBOOK_ORDER.indexOf(child.local as (typeof WORKBOOK_ORDER)[number]) > rank);
    splice.insert(after ? after.start : layout.rootEnd, `<${layout.prefix}definedNames>${added}</${layout.prefix}definedNames>`);
  }
}

/** The views name tabs by their number: those after a deleted tab move up. */
function patchViews(bytes: Buffer, splice: Splice, layout: Layout, changes: WorkbookChanges, live: readonly SheetSlot[]): void {
  const oldIndex: number[] = [];
  for (const slot of changes.slots) if (slot.input) oldIndex[slot.input.index] = slot.deleted ? -1 : live.indexOf(slot);
  for (const view of layout.views) {
    const original = tagText(bytes, view.start, view.tagEnd);
    let tag = original;
    for (const attribute of ['activeTab', 'firstSheet']) {
      const m = new RegExp(`\\s${attribute}\\s*=\\s*["'](\\d+)["']`).exec(tag);
      if (m) tag = setAttribute(tag, attribute, String(nearestLive(oldIndex, Number(m[1]))));
    }
    if (tag !== original) splice.replace(view.start, view.tagEnd, tag);
  }
}

/** The new number of the tab that was number `old`, or of the nearest kept tab before it. */
function nearestLive(oldIndex: readonly number[], old: number): number {
  for (let i = Math.min(old, oldIndex.length - 1); i >= 0; i--) if (oldIndex[i]! >= 0) return oldIndex[i]!;
  return 0;
}
