/**
 * Counts every call a script makes on the fake services, by `Class.method` ('Range.getValues', 'Sheet.getRange',
 * 'SpreadsheetApp.getActive', 'Ui.alert'), plus the cells read and written. Benchmarks and tests assert that an action
 * makes the same number of Spreadsheet calls for 10 rows as for 2,000.
 */
export const SPREADSHEET_SERVICE_CLASSES = [
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'DataValidationBuilder',
  'DataValidation',
  'Protection',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
  'Filter',
  'FilterCriteriaBuilder',
  'FilterCriteria',
] as const;

export class CallCounter {
  private readonly counts = new Map<string, number>();
  /** Cells covered by every read of values, notes, formats or validations (a 2,000×10 getValues adds 20,000). */
  cellsRead = 0;
  /** Cells covered by every write of values, notes, formats or validations. */
  cellsWritten = 0;
  /** Every call in order: the cost model counts the reads that must first commit pending writes. */
  readonly sequence: string[] = [];

  private muted = 0;

  record(method: string): void {
    if (this.muted > 0) return;
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sequence.push(method);
  }

  /** Runs `f` without recording its calls (one recorded call made of others, as RangeList's setters are); cells still count. */
  silently<T>(f: () => T): T {
    this.muted++;
    try {
      return f();
    } finally {
      this.muted--;
    }
  }

  /** All calls. */
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /**
   * Calls whose `Class.method` starts with `prefix`: `count('Range.getValues')`, `count('Range.')`. Mind the dot:
   * `count('Spreadsheet')` also matches `SpreadsheetApp.*`; `count('Spreadsheet.')` does not.
   */
  count(prefix: string): number {
    let sum = 0;
    for (const [method, n] of this.counts) if (method.startsWith(prefix)) sum += n;
    return sum;
  }

  /**
   * Calls on the Spreadsheet service: SpreadsheetApp, Spreadsheet, Sheet, Range, data validations, protections,
   * developer metadata and conditional-format rules.
   */
  spreadsheet(): number {
    let sum = 0;
    for (const [method, n] of this.counts) if (isSpreadsheetMethod(method)) sum += n;
    return sum;
  }

  /** Calls on every other service (Ui, HtmlService, Properties, Lock, ScriptApp, MailApp, Session, Utilities…). */
  others(): number {
    return this.total() - this.spreadsheet();
  }

  /** A copy of the counts, sorted by method name. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.sequence.length = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }
}

export function isSpreadsheetMethod(method: string): boolean {
  const cls = method.slice(0, method.indexOf('.'));
  return (SPREADSHEET_SERVICE_CLASSES as readonly string[]).includes(cls);
}
