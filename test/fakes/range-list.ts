import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

type Api = GoogleAppsScript.Spreadsheet.RangeList;
type Implemented =
  | 'activate'
  | 'getRanges'
  | 'setBackground'
  | 'setFontWeight'
  | 'setFontStyle'
  | 'setFontSize'
  | 'setFontFamily'
  | 'setFontColor'
  | 'setHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setNumberFormat'
  | 'setValue';

/**
 * Sheet.getRangeList: ranges of one sheet. activate() selects them all; the last one becomes the active range. Each
 * setter is one call that does what the Range setter does on every range of the list (reference: "Sets the … for each
 * Range in the RangeList").
 */
export interface FakeRangeList extends Omit<Api, Implemented> {}
export class FakeRangeList implements Pick<Api, Implemented> {
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {}

  private rec(method: string): void {
    this.sheet.ctx.calls.record(`RangeList.${method}`);
  }

  activate(): this {
    this.rec('activate');
    const ss = this.sheet.spreadsheet;
    ss.activeSheet = this.sheet;
    this.sheet.hidden = false;
    ss.activeRange = this.ranges[this.ranges.length - 1] ?? null;
    ss.activeRangeList = this.ranges.slice();
    return this;
  }

  getRanges(): FakeRange[] {
    this.rec('getRanges');
    return this.ranges.slice();
  }

  private each(method: string, f: (range: FakeRange) => void): this {
    this.rec(method);
    this.sheet.ctx.calls.silently(() => this.ranges.forEach(f));
    return this;
  }

  setBackground(color: string | null): this {
    return this.each('setBackground', (r) => r.setBackground(color));
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): this {
    return this.each('setFontWeight', (r) => r.setFontWeight(fontWeight));
  }
  setFontStyle(fontStyle: 'italic' | 'normal' | null): this {
    return this.each('setFontStyle', (r) => r.setFontStyle(fontStyle));
  }
  setFontSize(size: number): this {
    return this.each('setFontSize', (r) => r.setFontSize(size));
  }
  setFontFamily(fontFamily: string | null): this {
    return this.each('setFontFamily', (r) =>
      r.setFontFamilies(Array.from({ length: r.numRows }, () => Array.from({ length: r.numColumns }, () => fontFamily))),
    );
  }
  setFontColor(color: string | null): this {
    return this.each('setFontColor', (r) => r.setFontColor(color));
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): this {
    return this.each('setHorizontalAlignment', (r) => r.setHorizontalAlignment(alignment));
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): this {
    return this.each('setVerticalAlignment', (r) => r.setVerticalAlignment(alignment));
  }
  setWrap(isWrapEnabled: boolean): this {
    return this.each('setWrap', (r) => r.setWrap(isWrapEnabled));
  }
  setNumberFormat(numberFormat: string): this {
    return this.each('setNumberFormat', (r) => r.setNumberFormat(numberFormat));
  }
  /** "Sets the value for each Range in the RangeList": each cell as Range.setValue stores it (a leading ' keeps text). */
  setValue(value: unknown): this {
    return this.each('setValue', (r) => r.setValue(value));
  }
}
