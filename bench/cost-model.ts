/**
 * What an action would cost in Apps Script, from what the fakes count (test/fakes/calls.ts): every call priced by its
 * kind, every commit of buffered writes, and every cell read and written.
 *
 *   time = Σ calls × price(kind) + commits × commit + cells read × per-cell-read + cells written × per-cell-written
 *
 * Kinds: a *read* asks Sheets for something it must look up (cell blocks, sizes, the tab list, metadata searches); a
 * *write* is buffered by Apps Script and returns at once, its cost landing at the next commit; a *local* call only
 * builds or navigates an object Apps Script already holds (a Range from coordinates, a builder, a name). A *commit*
 * happens when a read follows pending writes (Sheets must apply them first), at each flush(), and once at the end of
 * an execution that left writes pending. Google publishes no latency figures for SpreadsheetApp; its best-practices
 * page and blog only say that service calls are far slower than JavaScript and that reads commit pending writes. The
 * figures below come from public measurements (cited) or are stated assumptions.
 */

export type CallKind = 'read' | 'write' | 'local' | 'flush';

export interface Prices {
  /** Per call, by kind (a flush is priced as a commit, below). */
  read: number;
  write: number;
  local: number;
  /** Applying pending writes: at a flush, a read after writes, and the end of the execution. */
  commit: number;
  perCellRead: number;
  perCellWritten: number;
}

export interface CostModel {
  low: Prices;
  central: Prices;
  high: Prices;
}

export const COST_MODEL: CostModel = {
  low: { read: 1.5, write: 0, local: 0, commit: 30, perCellRead: 0.002, perCellWritten: 0.0125 },
  central: { read: 30, write: 1, local: 1, commit: 30, perCellRead: 0.005, perCellWritten: 0.05 },
  high: { read: 160, write: 58, local: 1.5, commit: 175, perCellRead: 0.015, perCellWritten: 0.15 },
};

export interface Source {
  figure: string;
  value: string;
  source: string;
}

const BUGBUGNOW =
  'bugbugnow.net, "GoogleAppsScriptのスプレッドシート処理を高速化する" (https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html), 2019';
const SO_SCRIPTDB =
  'Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?" (mirror: https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp), 2013';

/** Where each figure comes from, as printed in bench/RESULTS.md. */
export const COST_SOURCES: Source[] = [
  {
    figure: 'read: low 1.5 ms',
    value: "1,000 × getRange(i, 1).getValue() in 3,064 ms: two calls a row, the reads served by Sheets' look-ahead cache → ≈1.5 ms a call",
    source: BUGBUGNOW,
  },
  {
    figure: 'read: central 30 ms',
    value: 'a round trip to Sheets costs what a committed write does: 400 × (setValues + flush) took "almost 12 seconds" → 30 ms each',
    source: SO_SCRIPTDB,
  },
  {
    figure: 'read: high 160 ms',
    value: 'getLastRow() in a loop condition, 1,000 times: 160,377 ms → 160 ms a call (a size Sheets must compute, no cache)',
    source: BUGBUGNOW,
  },
  {
    figure: 'write: low 0, central 1 ms, high 58 ms',
    value:
      'an execution transcript of format setters: the first Range.setBackground took 0.058 s, each of the 15 setters after it 0 or 0.001 s: Apps Script buffers writes and returns',
    source:
      'Bruce Mcpherson, "Optimizing sheet formatting with Apps Script" (https://ramblings.mcpher.com/gassnippets2/optimizing-sheet-formatting-with-apps-script/)',
  },
  {
    figure: 'local: low 0, central 1 ms, high 1.5 ms',
    value:
      'a call that only builds a Range or a builder, or reads a property Apps Script holds, costs no more than the cached getRange + getValue pair above (≤ 1.5 ms each); central 1 ms is an ASSUMPTION within that bound',
    source: BUGBUGNOW,
  },
  {
    figure: 'commit: low and central 30 ms',
    value: '400 rows each written with setValues() and committed with flush(): "almost 12 seconds" → 30 ms a commit',
    source: SO_SCRIPTDB,
  },
  {
    figure: 'commit: high 175 ms',
    value:
      '100 rows each read twice (getRange + getValue) and written once (getRange + setValue), so every read commits the row before: 24,123 ms → 241 ms a row; less its two reads and three getRange at the central prices → ≈175 ms a commit',
    source: 'excelspeedup, "【GAS】スプレッドシートの読み書きが遅い!を高速化するコツ" (https://gas.excelspeedup.com/gas-spreadsheet-speedup/)',
  },
  {
    figure: 'per cell written: low 0.0125 ms, high 0.15 ms',
    value: 'one setValues() of 4,000 cells "took less than 50ms" (≤ 0.0125 ms a cell, not yet committed); with a flush() "610ms" (≈ 0.15 ms a cell committed)',
    source: SO_SCRIPTDB,
  },
  {
    figure: 'per cell written, central: 0.05 ms',
    value: 'ASSUMPTION: between the two published bounds above; notes and formats are assumed to cost what values cost',
    source: '—',
  },
  {
    figure: 'per cell read: 0.002 / 0.005 / 0.015 ms',
    value: 'ASSUMPTION: no published per-cell read figure found; reads are taken as 2.5–10× cheaper than committed writes',
    source: '—',
  },
  {
    figure: 'reads commit writes (qualitative)',
    value:
      '"Every time you do a read, we must first empty (commit) the write cache to ensure that you\'re reading the latest data"; "read all data into an array with one command … and write the data out with one command"',
    source:
      'Google Apps Script blog, "Optimizing Spreadsheet Operations", 2010 (http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html); Google, Apps Script best practices (https://developers.google.com/apps-script/guides/support/best-practices)',
  },
];

const READS = new Set([
  'Range.getValues',
  'Range.getValue',
  'Range.getDisplayValues',
  'Range.getNotes',
  'Range.getNote',
  'Range.getMergedRanges',
  'Range.getNumberFormats',
  'Range.getBackgrounds',
  'Range.getDataValidations',
  'Range.getFormulas',
  'Range.getDeveloperMetadata',
  'Sheet.getDataRange',
  'Sheet.getLastRow',
  'Sheet.getLastColumn',
  'Sheet.getMaxRows',
  'Sheet.getMaxColumns',
  'Sheet.getConditionalFormatRules',
  'Sheet.getDeveloperMetadata',
  'Sheet.getFrozenRows',
  'Spreadsheet.getSheets',
  'Spreadsheet.getSheetByName',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Spreadsheet.getSpreadsheetLocale',
  'Spreadsheet.getDeveloperMetadata',
  'DeveloperMetadataFinder.find',
]);
const WRITE_PREFIXES = ['set', 'clear', 'insert', 'delete', 'merge', 'add', 'remove', 'protect', 'activate', 'toast', 'hide', 'show', 'autoResize'];

/** The kind of a `Class.method` call (see the header). */
export function callKind(method: string): CallKind {
  if (method === 'SpreadsheetApp.flush') return 'flush';
  if (READS.has(method)) return 'read';
  const [cls, name = ''] = method.split('.');
  // Builders and protections' own setters only fill an object that a later write hands over.
  if (cls === 'ConditionalFormatRuleBuilder' || cls === 'DataValidationBuilder') return 'local';
  if (WRITE_PREFIXES.some((p) => name.startsWith(p))) return 'write';
  return 'local';
}

/**
 * The calls an action cannot do without, whatever the code: the cell blocks it reads and writes (values, notes,
 * merges, formats) and the one Range each needs, the tab list and names, the spreadsheet's time zone, and the reads
 * and writes of our markers (the searches, their values and positions). Everything else (opening the spreadsheet,
 * building finders and rule builders, navigating from a marker to its location, structure calls such as widths,
 * borders, merges, protection and frozen rows) is overhead: on a re-run with nothing to restructure it should be
 * near zero.
 */
const FLOOR = new Set([
  'Range.getValues',
  'Range.getNotes',
  'Range.getMergedRanges',
  'Range.getNumberFormats',
  'Range.setValues',
  'Range.setNotes',
  'Range.setNumberFormats',
  'Range.setBackgrounds',
  'Range.setFontWeights',
  'Range.setFontStyles',
  'Range.setFontSizes',
  'Range.setFontFamilies',
  'Range.setFontColors',
  'Range.setHorizontalAlignments',
  'Range.setVerticalAlignments',
  'Range.setWraps',
  'RangeList.setBackground',
  'RangeList.setFontWeight',
  'RangeList.setFontStyle',
  'RangeList.setFontSize',
  'RangeList.setFontFamily',
  'RangeList.setFontColor',
  'RangeList.setHorizontalAlignment',
  'RangeList.setVerticalAlignment',
  'RangeList.setWrap',
  'RangeList.setNote',
  'RangeList.clearNote',
  'Sheet.getRange',
  'Sheet.getDataRange',
  'Sheet.getRangeList',
  'Spreadsheet.getSheets',
  'Sheet.getName',
  'Spreadsheet.getSpreadsheetTimeZone',
  'DeveloperMetadataFinder.find',
  'Sheet.getDeveloperMetadata',
  'DeveloperMetadata.getKey',
  'DeveloperMetadata.getValue',
  'DeveloperMetadata.setValue',
  'Range.getColumn',
  'Range.addDeveloperMetadata',
  'Sheet.addDeveloperMetadata',
  'DeveloperMetadata.remove',
]);

export function isFloorCall(method: string): boolean {
  return FLOOR.has(method);
}

/** Commits in a call sequence: each flush, each read after pending writes, and the end with writes pending. */
export function commitsOf(sequence: readonly string[]): number {
  let commits = 0;
  let pending = false;
  for (const method of sequence) {
    const kind = callKind(method);
    if (kind === 'flush') {
      commits++;
      pending = false;
    } else if (kind === 'write') pending = true;
    else if (kind === 'read' && pending) {
      commits++;
      pending = false;
    }
  }
  return commits + (pending ? 1 : 0);
}

export interface Counted {
  byMethod: Record<string, number>;
  commits: number;
  cellsRead: number;
  cellsWritten: number;
}

export function estimateMs(c: Counted, p: Prices): number {
  let ms = c.commits * p.commit + c.cellsRead * p.perCellRead + c.cellsWritten * p.perCellWritten;
  for (const [method, n] of Object.entries(c.byMethod)) {
    const kind = callKind(method);
    if (kind !== 'flush') ms += n * p[kind];
  }
  return ms;
}

export function estimate(c: Counted): { central: number; low: number; high: number } {
  return { central: estimateMs(c, COST_MODEL.central), low: estimateMs(c, COST_MODEL.low), high: estimateMs(c, COST_MODEL.high) };
}
