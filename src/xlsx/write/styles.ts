import type { CellStyle } from '../../core/grid';
import type { StylesInfo } from '../read/styles';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { escapeAttribute } from '../xml/text';
import { STYLESHEET_ORDER } from './schema-order';
import { Splice } from './splice';
import { asStartTag, setAttribute, tagText } from './tags';
import { maxOf } from '../../core/arrays';

/**
 * The formats we add to a workbook's styles part (ECMA-376 Part 1 §18.8): cell formats for the tabs we write and for
 * dates we append, differential formats for our colouring rules. Each is added after the file's own, numbered from
 * its lists' lengths, so every cell of the person's keeps the format number it had; the file's formats are copied
 * as they are. A differential format equal to one the file has (ours, from an earlier run) is reused.
 */

/** Excel's built-in number formats (§18.8.30) that our formats may name. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

export class StyleBook {
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly borders: string[] = [];
  private readonly xfs: string[] = [];
  private readonly dxfs: string[] = [];
  private readonly numFmts: { id: number; code: string }[] = [];
  private readonly xfIndex = new Map<string, number>();
  private readonly dxfIndex = new Map<string, number>();
  private nextFormat: number;

  constructor(private readonly info: StylesInfo) {
    this.nextFormat = maxOf(
      [...info.numFmtIds].map((id) => id + 1),
      FIRST_CUSTOM_FORMAT,
    );
  }

  /** The workbook's default font (font 0). */
  get defaultFont(): StylesInfo['defaultFont'] {
    return this.info.defaultFont;
  }

  get changed(): boolean {
    return this.xfs.length > 0 || this.dxfs.length > 0;
  }

  /** The cell format index for a style (font, fill, border, number format, alignment), added once. */
  cellFormat(style: CellStyle): number {
    const key = JSON.stringify(style);
    let index = this.xfIndex.get(key);
    if (index !== undefined) return index;
    const base = this.info.defaultFont;
    const font = fontXml({
      name: style.fontFamily ?? base.name ?? 'Calibri',
      size: style.fontSize ?? base.size ?? 11,
      family: style.fontFamily ? undefined : base.family,
      ...style,
    });
    const fontId = this.item('fonts', this.fonts, font);
    const fillId = style.background === undefined ? 0 : this.item('fills', this.fills, fillXml(style.background));
    const borderId = style.border ? this.item('borders', this.borders, BORDER) : 0;
    const numFmtId = style.numberFormat === undefined ? 0 : this.numberFormat(style.numberFormat);
    const alignment = alignmentXml(style);
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      ' applyFont="1"',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const xfId = this.info.counts.cellStyleXfs > 0 ? ' xfId="0"' : '';
    index = this.item(
      'cellXfs',
      this.xfs,
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${xfId}${applies}${alignment ? `>${alignment}</xf>` : '/>'}`,
    );
    this.xfIndex.set(key, index);
    return index;
  }

  /** A cell format showing only a number format (appended dates: the font and fill stay the workbook's default). */
  numberOnly(code: string): number {
    const key = `numFmt:${code}`;
    let index = this.xfIndex.get(key);
    if (index !== undefined) return index;
    const xfId = this.info.counts.cellStyleXfs > 0 ? ' xfId="0"' : '';
    index = this.item('cellXfs', this.xfs, `<xf numFmtId="${this.numberFormat(code)}" fontId="0" fillId="0" borderId="0"${xfId} applyNumberFormat="1"/>`);
    this.xfIndex.set(key, index);
    return index;
  }

  /** A cell format that only wraps its text, top-aligned (our status texts: font and fill stay the workbook's default). */
  wrappedText(): number {
    const key = 'wrappedText';
    let index = this.xfIndex.get(key);
    if (index !== undefined) return index;
    index = this.item('cellXfs', this.xfs, this.wrappedTextXml());
    this.xfIndex.set(key, index);
    return index;
  }

  /** The file's own copy of wrappedText's format (an earlier run's), or null: what our emptied status cells drop. */
  existingWrappedText(): number | null {
    const index = this.info.raw.cellXfs.indexOf(this.wrappedTextXml());
    return index >= 0 ? index : null;
  }

  private wrappedTextXml(): string {
    const xfId = this.info.counts.cellStyleXfs > 0 ? ' xfId="0"' : '';
    return `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`;
  }

  /** The differential format of a colouring rule: a solid background, and bold when asked. */
  differential(background: string, bold: boolean): number {
    const xml = `<dxf>${bold ? '<font><b/></font>' : ''}<fill><patternFill patternType="solid"><bgColor rgb="${argb(background)}"/></patternFill></fill></dxf>`;
    let index = this.dxfIndex.get(xml);
    if (index === undefined) this.dxfIndex.set(xml, (index = this.item('dxfs', this.dxfs, xml)));
    return index;
  }

  /** The index of an item in a list: the file's own equal one, else ours (added once). */
  private item(list: keyof StylesInfo['raw'], mine: string[], xml: string): number {
    const existing = this.info.raw[list].indexOf(xml);
    if (existing >= 0) return existing;
    return this.info.counts[list] + added(mine, xml);
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const theirs = this.info.numFmtCodes.get(code);
    if (theirs !== undefined) return theirs;
    const mine = this.numFmts.find((f) => f.code === code);
    if (mine) return mine.id;
    const id = this.nextFormat++;
    this.numFmts.push({ id, code });
    return id;
  }

  /** The styles part with our formats added to its lists (each list created where the schema puts it if missing). */
  patch(bytes: Buffer): Splice {
    const additions: Partial<Record<(typeof STYLESHEET_ORDER)[number], string[]>> = {
      numFmts: this.numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttribute(f.code)}"/>`),
      fonts: this.fonts,
      fills: this.fills,
      borders: this.borders,
      cellXfs: this.xfs,
      dxfs: this.dxfs,
    };
    return appendToLists(bytes, additions, STYLESHEET_ORDER);
  }
}

/**
 * Adds items at the end of lists that are children of the root (`<fonts count="2">…</fonts>`), updating each list's
 * `count`; a missing list is created before the first sibling the schema orders after it.
 */
export function appendToLists(bytes: Buffer, additions: Partial<Record<string, readonly string[]>>, order: readonly string[]): Splice {
  const splice = new Splice(bytes);
  const reader = new XmlReader(bytes);
  const pending = new Map(Object.entries(additions).filter(([, items]) => items && items.length > 0) as [string, readonly string[]][]);
  let prefix = '';
  const insertMissing = (before: number, at: number) => {
    for (const [list, items] of [...pending]) {
      if (order.indexOf(list) >= before) continue;
      splice.insert(at, `<${prefix}${list} count="${items.length}">${items.join('')}</${prefix}${list}>`);
      pending.delete(list);
    }
  };
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind === Token.Open && reader.level === 1) {
      prefix = reader.cursor.prefix ? `${reader.cursor.prefix}:` : '';
      continue;
    }
    if (kind === Token.Close && reader.level === 1) {
      insertMissing(order.length, reader.cursor.start);
      break;
    }
    if ((kind !== Token.Open && kind !== Token.Empty) || reader.level !== 2) continue;
    const local = reader.cursor.local;
    const rank = reader.ns !== undefined && NS.main.includes(reader.ns) ? order.indexOf(local) : -1;
    if (rank >= 0) insertMissing(rank, reader.cursor.start);
    const items = rank >= 0 ? pending.get(local) : undefined;
    if (!items) {
      reader.skip();
      continue;
    }
    pending.delete(local);
    const c = reader.cursor;
    const tagStart = c.start;
    const tagEnd = c.end;
    const empty = kind === Token.Empty;
    let count = 0;
    if (!empty) {
      const level = reader.level;
      for (let k = reader.next(); !(k === Token.Close && reader.level === level); k = reader.next()) {
        if ((k === Token.Open || k === Token.Empty) && reader.level === level + 1) {
          count++;
          reader.skip();
        }
      }
    }
    const open = asStartTag(setAttribute(tagText(bytes, tagStart, tagEnd), 'count', String(count + items.length)));
    if (empty) splice.replace(tagStart, tagEnd, `${open}${items.join('')}</${c.qname}>`);
    else {
      splice.replace(tagStart, tagEnd, open);
      splice.insert(reader.cursor.start, items.join(''));
    }
  }
  return splice;
}

function added(list: string[], xml: string): number {
  const at = list.indexOf(xml);
  if (at >= 0) return at;
  list.push(xml);
  return list.length - 1;
}

function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: '${hex}'`);
  return `FF${m[1]!.toUpperCase()}`;
}

function fontXml(font: { name: string; size: number; family?: number; bold?: boolean; italic?: boolean; fontColor?: string }): string {
  return (
    '<font>' +
    (font.bold ? '<b/>' : '') +
    (font.italic ? '<i/>' : '') +
    `<sz val="${font.size}"/>` +
    (font.fontColor ? `<color rgb="${argb(font.fontColor)}"/>` : '') +
    `<name val="${escapeAttribute(font.name)}"/>` +
    (font.family !== undefined ? `<family val="${font.family}"/>` : '') +
    '</font>'
  );
}

function fillXml(background: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(background)}"/></patternFill></fill>`;
}

const EDGE = '<color rgb="FF000000"/>';
const BORDER = `<border><left style="thin">${EDGE}</left><right style="thin">${EDGE}</right><top style="thin">${EDGE}</top><bottom style="thin">${EDGE}</bottom><diagonal/></border>`;

const VERTICAL: Record<string, string> = { top: 'top', middle: 'center', bottom: 'bottom' };

function alignmentXml(style: CellStyle): string {
  const attributes = [
    style.horizontalAlignment ? ` horizontal="${style.horizontalAlignment}"` : '',
    style.verticalAlignment ? ` vertical="${VERTICAL[style.verticalAlignment]}"` : '',
    style.wrap ? ' wrapText="1"' : '',
  ].join('');
  return attributes ? `<alignment${attributes}/>` : '';
}
