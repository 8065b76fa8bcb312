/**
 * What an action would cost in Apps Script, from what the fakes count: time = calls × per-call + cells read ×
 * per-cell-read + cells written × per-cell-written. Google publishes no latency figures for SpreadsheetApp; its
 * best-practices page only says that service calls are far slower than JavaScript and that alternating reads and
 * writes defeats its caches. The figures below come from public measurements (cited) or are stated assumptions.
 */

export interface CostParameters {
  /** One Spreadsheet service call (a round trip to the Sheets backend). */
  perCallMs: number;
  perCellReadMs: number;
  perCellWrittenMs: number;
}

export interface CostModel {
  central: CostParameters;
  low: CostParameters;
  high: CostParameters;
}

export const COST_MODEL: CostModel = {
  central: { perCallMs: 30, perCellReadMs: 0.005, perCellWrittenMs: 0.05 },
  low: { perCallMs: 1.5, perCellReadMs: 0.002, perCellWrittenMs: 0.0125 },
  high: { perCallMs: 160, perCellReadMs: 0.015, perCellWrittenMs: 0.15 },
};

export interface Source {
  figure: string;
  value: string;
  source: string;
}

/** Where each figure comes from, as printed in bench/RESULTS.md. */
export const COST_SOURCES: Source[] = [
  {
    figure: 'per call, central: 30 ms',
    value: '400 rows written with one setValues() each plus SpreadsheetApp.flush() after each row: "almost 12 seconds" → 12 s / 400 ≈ 30 ms per committed round trip',
    source: 'Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?" (mirror: https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp), 2013',
  },
  {
    figure: 'per call, low: 1.5 ms',
    value: '1,000 × getRange(i, 1).getValue() in 3,064 ms (two calls per row, reads served by Sheets\' look-ahead cache) → ≈1.5 ms per call',
    source: 'bugbugnow.net, "GoogleAppsScriptのスプレッドシート処理を高速化する" (https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html), 2019',
  },
  {
    figure: 'per call, high: 160 ms',
    value: 'getLastRow() called in a loop condition, 1,000 times: 160,377 ms → 160 ms per call (a call Sheets must compute, no cache)',
    source: 'same bugbugnow.net page, 2019',
  },
  {
    figure: 'per cell written: low 0.0125 ms, high 0.15 ms',
    value: 'one setValues() of 4,000 cells "took less than 50ms" (≤ 0.0125 ms/cell, not yet committed); with a flush() "610ms" (≈ 0.15 ms/cell committed)',
    source: 'the Stack Overflow answer above, 2013',
  },
  {
    figure: 'per cell written, central: 0.05 ms',
    value: 'ASSUMPTION: between the two published bounds above; formats (backgrounds, notes) are assumed to cost what values cost',
    source: '—',
  },
  {
    figure: 'per cell read: 0.002 / 0.005 / 0.015 ms',
    value: 'ASSUMPTION: no published per-cell read figure found; reads are taken as 2.5–10× cheaper than committed writes',
    source: '—',
  },
  {
    figure: 'batching guidance (qualitative)',
    value: '"Alternating read and write commands is slow… read all data into an array with one command, perform any operations on the data in the array, and write the data out with one command"; every read first commits the write cache',
    source: 'Google, Apps Script best practices (https://developers.google.com/apps-script/guides/support/best-practices); Google Apps Script blog, "Optimizing Spreadsheet Operations", 2010 (http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html)',
  },
];

export interface Counted {
  spreadsheetCalls: number;
  cellsRead: number;
  cellsWritten: number;
}

export function estimateMs(c: Counted, p: CostParameters): number {
  return c.spreadsheetCalls * p.perCallMs + c.cellsRead * p.perCellReadMs + c.cellsWritten * p.perCellWrittenMs;
}

export function estimate(c: Counted): { central: number; low: number; high: number } {
  return { central: estimateMs(c, COST_MODEL.central), low: estimateMs(c, COST_MODEL.low), high: estimateMs(c, COST_MODEL.high) };
}
