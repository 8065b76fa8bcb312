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

export function patchWorkbookPart(bytes: Buffer, changes: WorkbookChanges): Buffer {
  const splice = new Splice(bytes);
  const reader = new XmlReader(bytes);
  const children: { local: string; start: number }[] = [];
  const sheets: Located[] = [];
  const names: Located[] = [];
  const views: Located[] = [];
  let sheetsElement: (Located & { empty: boolean; closeStart: number; qname: string }) | null = null;
  let namesElement: (Located & { empty: boolean; closeStart: number; qname: string }) | null = null;
  let prefix = '';
  let relPrefix: string | undefined;
  let rootEnd = 0;
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    const c = reader.cursor;
    if (kind === Token.Open && reader.level === 1) {
      prefix = c.prefix ? `${c.prefix}:` : '';
      relPrefix = reader.scope.prefixOf(NS.relationships);
      continue;
    }
    if (kind === Token.Close && reader.level === 1) rootEnd = c.start;
    if ((kind !== Token.Open && kind !== Token.Empty) || reader.level !== 2) continue;
    const start = c.start;
    const tagEnd = c.end;
    const local = c.local;
    children.push({ local, start });
    const level = reader.level;
    const inner: Located[] = local === 'sheets' ? sheets : local === 'definedNames' ? names : local === 'bookViews' ? views : [];
    if (kind === Token.Open) {
      for (let k = reader.next(); !(k === Token.Close && reader.level === level); k = reader.next()) {
        if ((k === Token.Open || k === Token.Empty) && reader.level === level + 1) {
          const from = c.start;
          const to = c.end;
          reader.skip();
          inner.push({ start: from, end: c.end, tagEnd: to });
        }
      }
    }
    const located = { start, end: c.end, tagEnd };
    if (local === 'sheets' && reader.is(NS.main, 'sheets'))
      sheetsElement = { ...located, empty: kind === Token.Empty, closeStart: kind === Token.Empty ? c.end : c.start, qname: c.qname };
    if (local === 'definedNames' && reader.is(NS.main, 'definedNames')) {
      namesElement = { ...located, empty: kind === Token.Empty, closeStart: kind === Token.Empty ? c.end : c.start, qname: c.qname };
    }
  }
  if (!sheetsElement) throw new Error('workbook part without sheets');

  const live = changes.slots.filter((s) => !s.deleted);
  const indexOf = (slot: SheetSlot) => live.indexOf(slot);
  const oldIndex: number[] = [];
  for (const slot of changes.slots) if (slot.input) oldIndex[slot.input.index] = slot.deleted ? -1 : indexOf(slot);

  // The tabs.
  for (const slot of changes.slots) {
    if (!slot.input) continue;
    const at = sheets[slot.input.index];
    if (!at) continue;
    if (slot.deleted) splice.remove(at.start, at.end);
    else if (slot.name !== slot.input.name) splice.replace(at.start, at.tagEnd, setAttribute(tagText(bytes, at.start, at.tagEnd), 'name', slot.name));
  }
  const rel = relPrefix === undefined ? 'r' : relPrefix;
  const declare = relPrefix === undefined ? ` xmlns:r="${NS.relationships[0]}"` : '';
  const addedSheets = live
    .filter((s) => !s.input)
    .map((s) => {
      const { sheetId, relId } = changes.added.get(s)!;
      const hidden = s.content?.hidden ? ' state="hidden"' : '';
      return `<${prefix}sheet name="${escapeAttribute(s.name)}" sheetId="${sheetId}"${hidden}${declare} ${rel}:id="${relId}"/>`;
    })
    .join('');
  if (addedSheets) {
    if (sheetsElement.empty)
      splice.replace(
        sheetsElement.start,
        sheetsElement.end,
        `${asStartTag(tagText(bytes, sheetsElement.start, sheetsElement.end))}${addedSheets}</${sheetsElement.qname}>`,
      );
    else splice.insert(sheetsElement.closeStart, addedSheets);
  }

  // The defined names. A list left empty by our names going is invalid (CT_DefinedNames holds at least one): it goes
  // whole.
  const keptNames = changes.names.filter((n) => !n.removed && !(n.scope && n.scope.deleted));
  const dropList = namesElement !== null && keptNames.length === 0 && names.length > 0;
  for (const name of dropList ? [] : changes.names) {
    if (name.input === null) continue;
    const at = names[name.input];
    if (!at) continue;
    if (!keptNames.includes(name)) splice.remove(at.start, at.end);
    else if (name.scope && name.scope.input && indexOf(name.scope) !== name.scope.input.index) {
      splice.replace(at.start, at.tagEnd, setAttribute(tagText(bytes, at.start, at.tagEnd), 'localSheetId', String(indexOf(name.scope))));
    }
  }
  const addedNames = keptNames
    .filter((n) => n.input === null)
    .map((n) => {
      const local = n.scope ? ` localSheetId="${indexOf(n.scope)}"` : '';
      return `<${prefix}definedName name="${escapeAttribute(n.name)}"${local}>${escapeText(n.formula)}</${prefix}definedName>`;
    })
    .join('');
  if (namesElement) {
    if (dropList) splice.remove(namesElement.start, namesElement.end);
    else if (addedNames && namesElement.empty) {
      splice.replace(
        namesElement.start,
        namesElement.end,
        `${asStartTag(tagText(bytes, namesElement.start, namesElement.end))}${addedNames}</${namesElement.qname}>`,
      );
    } else if (addedNames) splice.insert(namesElement.closeStart, addedNames);
  } else if (addedNames) {
    const rank = WORKBOOK_ORDER.indexOf('definedNames');
    const after = children.find((child) => WORKBOOK_ORDER.indexOf(child.local as (typeof WORKBOOK_ORDER)[number]) > rank);
    splice.insert(after ? after.start : rootEnd, `<${prefix}definedNames>${addedNames}</${prefix}definedNames>`);
  }

  // The views name tabs by their number: those after a deleted tab move up.
  if (changes.slots.some((s) => s.deleted && s.input)) {
    for (const view of views) {
      let tag = tagText(bytes, view.start, view.tagEnd);
      for (const attribute of ['activeTab', 'firstSheet']) {
        const m = new RegExp(`\\s${attribute}\\s*=\\s*["'](\\d+)["']`).exec(tag);
        if (!m) continue;
        tag = setAttribute(tag, attribute, String(Math.max(0, nearestLive(oldIndex, Number(m[1])))));
      }
      if (tag !== tagText(bytes, view.start, view.tagEnd)) splice.replace(view.start, view.tagEnd, tag);
    }
  }
  return splice.toBuffer();
}

/** The new number of the tab that was number `old`, or of the nearest kept tab before it. */
function nearestLive(oldIndex: readonly number[], old: number): number {
  for (let i = Math.min(old, oldIndex.length - 1); i >= 0; i--) if (oldIndex[i]! >= 0) return oldIndex[i]!;
  return 0;
}
