import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

type Api = GoogleAppsScript.Spreadsheet.RangeList;
type Implemented = 'activate' | 'getRanges';

/** Sheet.getRangeList: ranges of one sheet. activate() selects them all; the last one becomes the active range. */
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
}
