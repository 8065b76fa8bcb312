import CellXform from 'exceljs/lib/xlsx/xform/sheet/cell-xform.js';
import utils from 'exceljs/lib/utils/utils.js';
import { ValueType } from './exceljs-core';

/**
 * exceljs turns a date-formatted number into a Date (whole milliseconds) when it loads a file and back into a number
 * when it writes one, so a serial comes back changed: 45000.123456789 is written as 45000.12345679398, the time
 * 12:30 (0.5208333333333334) as 0.5208333333321207, and `=K32=TIME(12,30,0)` turns FALSE. A cell written in the
 * ISO form (`t="d"`, `<v>2023-11-15T10:30:00</v>`) fares worse: exceljs reads it as the number 2023.
 *
 * A cell we never change must come back as it was read. So every Date exceljs makes from a file's cell is remembered
 * with the text it was read from (the serial, or the ISO text), and the writer writes that text again as long as the
 * Date still holds the same instant. A Date the adapter writes itself (a form's date) is not remembered and is
 * written as exceljs writes it.
 */

interface Kept {
  time: number;
  /** The number as read, or the ISO text of a `t="d"` cell. */
  serial?: number;
  iso?: string;
}

const kept = new WeakMap<Date, Kept>();

/** A Date for a file's date serial that the writer will write back as exactly this serial. */
export function dateOfSerial(serial: number, date1904: boolean): Date {
  const date = utils.excelToDate(serial, date1904);
  kept.set(date, { time: date.getTime(), serial });
  return date;
}

/** The text to write for a Date read from a file, if it still holds the instant it was read as. */
function keptOf(value: unknown): Kept | undefined {
  if (!(value instanceof Date)) return undefined;
  const k = kept.get(value);
  return k && k.time === value.getTime() ? k : undefined;
}

/**
 * ISO 8601 as a `t="d"` cell holds it (ECMA-376 Part 1 §18.17.4.1): a date, a date and time, or a time of day; no
 * zone means the time as written, which is how exceljs holds dates (as UTC).
 */
function isoInstant(text: string): Date | null {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const [year, month, day] = m[1] === undefined ? [1899, 12, 30] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let time = Date.UTC(year, month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
  const zone = m[8];
  if (zone && zone !== 'Z') time -= (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}

interface CellModel {
  type: number;
  value?: unknown;
  result?: unknown;
  formula?: string;
  shareType?: string;
  styleId?: number;
  address?: string;
}
interface Xml {
  openNode(name: string): void;
  addAttribute(name: string, value: unknown): void;
  leafNode(name: string, attributes: unknown, text: unknown): void;
  closeNode(): void;
}
interface CellXformInternals {
  model: CellModel;
  t?: string;
  parseClose(name: string): boolean;
  prepare(model: CellModel, options: unknown): void;
  reconcile(model: CellModel, options: unknown): void;
  render(xs: Xml, model: CellModel, options?: unknown): void;
}

let installed = false;

export function keepDatesAsRead(): void {
  if (installed) return;
  installed = true;
  const proto = CellXform.prototype as unknown as CellXformInternals;
  const { parseClose, reconcile, prepare, render } = proto;

  proto.parseClose = function (this: CellXformInternals, name: string): boolean {
    const iso = name === 'c' && this.t === 'd' && typeof this.model?.value === 'string' ? this.model.value : undefined;
    const open = parseClose.call(this, name);
    if (iso !== undefined && this.model.type === ValueType.Number) {
      const date = isoInstant(iso);
      if (date) {
        kept.set(date, { time: date.getTime(), iso });
        this.model.type = ValueType.Date;
        this.model.value = date;
      } else {
        // Not a date we can read: the text as the person sees it, rather than the number parseFloat makes of it.
        this.model.type = ValueType.String;
        this.model.value = iso;
      }
    }
    return open;
  };

  proto.reconcile = function (this: CellXformInternals, model: CellModel, options: unknown): void {
    const value = model.type === ValueType.Number ? model.value : undefined;
    const result = model.type === ValueType.Formula && typeof model.result === 'number' ? model.result : undefined;
    reconcile.call(this, model, options);
    if (typeof value === 'number' && model.value instanceof Date) kept.set(model.value, { time: model.value.getTime(), serial: value });
    if (result !== undefined && model.result instanceof Date) kept.set(model.result, { time: model.result.getTime(), serial: result });
  };

  proto.prepare = function (this: CellXformInternals, model: CellModel, options: unknown): void {
    // exceljs gives a Date without a date format one of its own; a `t="d"` cell keeps the format it had (or none).
    if (model.type !== ValueType.Date || keptOf(model.value)?.iso === undefined) return prepare.call(this, model, options);
    model.type = ValueType.Number;
    try {
      prepare.call(this, model, options);
    } finally {
      model.type = ValueType.Date;
    }
  };

  proto.render = function (this: CellXformInternals, xs: Xml, model: CellModel, options?: unknown): void {
    if (model.type === ValueType.Date) {
      const k = keptOf(model.value);
      if (k?.serial !== undefined) return render.call(this, xs, { ...model, type: ValueType.Number, value: k.serial }, options);
      if (k?.iso !== undefined) {
        xs.openNode('c');
        xs.addAttribute('r', model.address);
        if (model.styleId) xs.addAttribute('s', model.styleId);
        xs.addAttribute('t', 'd');
        xs.leafNode('v', null, k.iso);
        xs.closeNode();
        return;
      }
    } else if (model.type === ValueType.Formula) {
      const k = keptOf(model.result);
      if (k?.serial !== undefined) return render.call(this, xs, { ...model, result: k.serial }, options);
    }
    render.call(this, xs, model, options);
  };
}
