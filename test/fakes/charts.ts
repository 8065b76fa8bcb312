import type { FakeContext } from './context';
import { gasError, MESSAGES } from './errors';
import { FakeRange } from './range';

/**
 * Embedded charts, as far as the add-on uses them: a bar chart built from ranges of its own sheet, placed at a cell,
 * inserted, listed and removed (reference: Sheet.newChart, EmbeddedChartBuilder, EmbeddedBarChartBuilder,
 * Sheet.insertChart/getCharts/removeChart). Charts stay on a sheet after clear(): the reference says clear() clears
 * "contents and formatting", and a chart is neither.
 */

type BuilderApi = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
type ChartApi = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type BuilderImplemented = 'addRange' | 'asBarChart' | 'build' | 'setNumHeaders' | 'setOption' | 'setPosition' | 'setStacked' | 'setTitle';
type ChartImplemented = 'getChartId' | 'getRanges' | 'getOptions';

export interface ChartState {
  id: number;
  type: 'BAR' | 'DEFAULT';
  ranges: FakeRange[];
  title: string;
  stacked: boolean;
  numHeaders: number;
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

/** What a test sees of a chart. */
export interface ChartSnapshot {
  type: string;
  title: string;
  stacked: boolean;
  ranges: string[];
  anchor: string | null;
}

let nextChartId = 1;

export interface FakeEmbeddedChartBuilder extends Omit<BuilderApi, BuilderImplemented> {}
export class FakeEmbeddedChartBuilder implements Pick<BuilderApi, BuilderImplemented> {
  private readonly state: ChartState = { id: 0, type: 'DEFAULT', ranges: [], title: '', stacked: false, numHeaders: -1, options: {}, position: null };

  constructor(private readonly ctx: FakeContext) {}

  private rec(method: string): void {
    this.ctx.calls.record(`EmbeddedChartBuilder.${method}`);
  }

  addRange(range: FakeRange): this {
    this.rec('addRange');
    if (!(range instanceof FakeRange)) throw gasError(MESSAGES.signature(typeof range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    this.state.ranges.push(range);
    return this;
  }

  asBarChart(): this {
    this.rec('asBarChart');
    this.state.type = 'BAR';
    return this;
  }

  setStacked(): this {
    this.rec('setStacked');
    this.state.stacked = true;
    return this;
  }

  setTitle(title: string): this {
    this.rec('setTitle');
    this.state.title = String(title);
    return this;
  }

  setNumHeaders(headers: number): this {
    this.rec('setNumHeaders');
    this.state.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.rec('setOption');
    this.state.options[option] = value;
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.rec('setPosition');
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    this.rec('build');
    return new FakeEmbeddedChart(this.ctx, { ...this.state, id: nextChartId++, ranges: [...this.state.ranges], options: { ...this.state.options } });
  }
}

export interface FakeEmbeddedChart extends Omit<ChartApi, ChartImplemented> {}
export class FakeEmbeddedChart implements Pick<ChartApi, ChartImplemented> {
  constructor(
    private readonly ctx: FakeContext,
    readonly state: ChartState,
  ) {}

  getChartId(): number {
    this.ctx.calls.record('EmbeddedChart.getChartId');
    return this.state.id;
  }

  getRanges(): FakeRange[] {
    this.ctx.calls.record('EmbeddedChart.getRanges');
    return [...this.state.ranges];
  }

  getOptions(): never {
    this.ctx.calls.record('EmbeddedChart.getOptions');
    throw new Error('[apps-script fake] EmbeddedChart.getOptions is not modelled');
  }

  snapshot(): ChartSnapshot {
    const p = this.state.position;
    return {
      type: this.state.type,
      title: this.state.title,
      stacked: this.state.stacked,
      ranges: this.state.ranges.map((r) => r.a1()),
      anchor: p ? `R${p.row}C${p.column}` : null,
    };
  }
}
