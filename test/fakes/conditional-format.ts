import { columnNumber } from './a1';
import { type Cell, DateValue, localeRules } from './cells';
import type { FakeContext } from './context';
import { dateToSerial, isDateObject } from './dates';
import { type DimensionChange, shiftFormula, shiftSpan, type Span } from './dimension';
import { BooleanCriteriaEnum, enumName } from './enums';
import { fakeUsageError, gasError, MESSAGES } from './errors';
import { FakeRange, normalizeColor } from './range';
import type { FakeSheet } from './sheet';

type RuleApi = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type BuilderApi = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type ConditionApi = GoogleAppsScript.Spreadsheet.BooleanCondition;
type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type CriteriaName = keyof typeof GoogleAppsScript.Spreadsheet.BooleanCriteria | 'DATE_NOT_EQUAL_TO' | 'TEXT_NOT_EQUAL_TO';

type RuleImplemented = 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges';
type BuilderImplemented =
  | RuleImplemented
  | 'build'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'withCriteria';
type ConditionImplemented =
  'getBackground' | 'getBold' | 'getCriteriaType' | 'getCriteriaValues' | 'getFontColor' | 'getItalic' | 'getStrikethrough' | 'getUnderline';

/** A rule's range as Sheets keeps it: edges the A1 notation left open stay open (`A:A` grows with the sheet). */
export interface RuleRange {
  sheet: FakeSheet;
  rows: Span;
  columns: Span;
}

export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface RuleState {
  criteria: CriteriaName | null;
  values: unknown[];
  format: RuleFormat;
  ranges: RuleRange[];
}

/** What a snapshot shows of a rule. */
export interface RuleSnapshot {
  criteria: string;
  values: unknown[];
  ranges: string[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

const NO_FORMAT: RuleFormat = Object.freeze({
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
});

function copyValue(v: unknown): unknown {
  return isDateObject(v) ? new Date(v.getTime()) : v;
}

export function copyState(state: RuleState): RuleState {
  return {
    criteria: state.criteria,
    values: state.values.map(copyValue),
    format: { ...state.format },
    ranges: state.ranges.map((r) => ({ sheet: r.sheet, rows: { ...r.rows }, columns: { ...r.columns } })),
  };
}

export function ruleRangeOf(range: FakeRange): RuleRange {
  const open = range.sheet.spreadsheet.undocumented.openRuleRanges;
  const b = open ? range.bounds : { startRow: true, endRow: true, startColumn: true, endColumn: true };
  return {
    sheet: range.sheet,
    rows: { start: range.row, end: b.endRow ? range.row + range.numRows - 1 : null, startBounded: b.startRow },
    columns: { start: range.column, end: b.endColumn ? range.column + range.numColumns - 1 : null, startBounded: b.startColumn },
  };
}

/** The cells a rule range covers today (open edges run to the sheet's edge). */
export function boxOf(r: RuleRange): { row: number; column: number; numRows: number; numColumns: number } {
  const lastRow = r.rows.end ?? r.sheet.maxRows;
  const lastColumn = r.columns.end ?? r.sheet.maxColumns;
  return { row: r.rows.start, column: r.columns.start, numRows: lastRow - r.rows.start + 1, numColumns: lastColumn - r.columns.start + 1 };
}

function rangeOf(r: RuleRange): FakeRange {
  const box = boxOf(r);
  return new FakeRange(r.sheet, box.row, box.column, box.numRows, box.numColumns, {
    startRow: r.rows.startBounded,
    endRow: r.rows.end !== null,
    startColumn: r.columns.startBounded,
    endColumn: r.columns.end !== null,
  });
}

export function ruleRangeA1(r: RuleRange): string {
  return rangeOf(r).a1();
}

export function describeRule(state: RuleState): RuleSnapshot {
  return {
    criteria: state.criteria ?? '',
    values: state.values.map(copyValue),
    ranges: state.ranges.map(ruleRangeA1),
    background: state.format.background,
    fontColor: state.format.fontColor,
    bold: state.format.bold,
    italic: state.format.italic,
  };
}

/**
 * A rule after rows or columns of its sheet were inserted or deleted: its ranges shift, grow and shrink (see
 * dimension.ts), and a custom formula's references are rewritten as Sheets rewrites every formula. A rule whose ranges
 * were all deleted is gone (null).
 */
export function ruleAfter(state: RuleState, change: DimensionChange): RuleState | null {
  const key = change.dimension === 'ROWS' ? 'rows' : 'columns';
  const ranges: RuleRange[] = [];
  for (const r of state.ranges) {
    const span = shiftSpan(r[key], change);
    if (span) ranges.push({ ...r, [key]: span });
  }
  if (ranges.length === 0) return null;
  const first = state.ranges[0]!;
  const firstAfter = shiftSpan(first[key], change);
  const anchor = firstAfter ? { line: first[key].start, movedTo: firstAfter.start } : undefined;
  const values = state.criteria === 'CUSTOM_FORMULA' && typeof state.values[0] === 'string' ? [shiftFormula(state.values[0], change, anchor)] : state.values;
  return { ...state, ranges, values };
}

function booleanOrNull(v: unknown, method: string): boolean | null {
  if (v === null) return null;
  if (typeof v !== 'boolean') throw gasError(MESSAGES.signature(typeof v, `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`));
  return v;
}

/** The rule's formatting, for ConditionalFormatRule.getBooleanCondition(). */
export interface FakeBooleanCondition extends Omit<ConditionApi, ConditionImplemented> {}
export class FakeBooleanCondition implements Pick<ConditionApi, ConditionImplemented> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: RuleState,
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`BooleanCondition.${method}`);
  }
  getCriteriaType(): Criteria {
    this.rec('getCriteriaType');
    return BooleanCriteriaEnum[this.state.criteria as keyof typeof BooleanCriteriaEnum];
  }
  getCriteriaValues(): any[] {
    this.rec('getCriteriaValues');
    return this.state.values.map(copyValue);
  }
  /** Lower-case #rrggbb, or null when the rule leaves the background alone (typed in @types; deprecated by Google). */
  getBackground(): string | null {
    this.rec('getBackground');
    return this.state.format.background;
  }
  /** The current reference's way: a Color (`asRgbColor().asHexString()`), or null. */
  getBackgroundObject(): { asRgbColor(): { asHexString(): string } } | null {
    this.rec('getBackgroundObject');
    const hex = this.state.format.background;
    return hex === null ? null : colorObject(hex);
  }
  getFontColor(): string | null {
    this.rec('getFontColor');
    return this.state.format.fontColor;
  }
  getFontColorObject(): { asRgbColor(): { asHexString(): string } } | null {
    this.rec('getFontColorObject');
    const hex = this.state.format.fontColor;
    return hex === null ? null : colorObject(hex);
  }
  /** true bolds, false removes bolding, null leaves it alone (reference). */
  getBold(): boolean | null {
    this.rec('getBold');
    return this.state.format.bold;
  }
  getItalic(): boolean | null {
    this.rec('getItalic');
    return this.state.format.italic;
  }
  getStrikethrough(): boolean | null {
    this.rec('getStrikethrough');
    return this.state.format.strikethrough;
  }
  getUnderline(): boolean | null {
    this.rec('getUnderline');
    return this.state.format.underline;
  }
}

function colorObject(hex: string): { asRgbColor(): { asHexString(): string } } {
  return { asRgbColor: () => ({ asHexString: () => hex }) };
}

/** A built rule: a value, as in Apps Script; Sheet.setConditionalFormatRules stores a copy of it. */
export interface FakeConditionalFormatRule extends Omit<RuleApi, RuleImplemented> {}
export class FakeConditionalFormatRule implements Pick<RuleApi, RuleImplemented> {
  constructor(
    private readonly ctx: FakeContext,
    /** Not for scripts; the sheet reads it when the rule is set. */
    readonly state: RuleState,
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`ConditionalFormatRule.${method}`);
  }
  copy(): FakeConditionalFormatRuleBuilder {
    this.rec('copy');
    return new FakeConditionalFormatRuleBuilder(this.ctx, copyState(this.state));
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    this.rec('getBooleanCondition');
    return new FakeBooleanCondition(this.ctx, copyState(this.state));
  }
  /** Gradient rules (colour scales) are not modelled; every fake rule is a boolean one. */
  getGradientCondition(): null {
    this.rec('getGradientCondition');
    return null;
  }
  getRanges(): FakeRange[] {
    this.rec('getRanges');
    return this.state.ranges.map(rangeOf);
  }
  /** For snapshots and assertions; not an Apps Script method, not counted. */
  describe(): RuleSnapshot {
    return describeRule(this.state);
  }
}

/**
 * SpreadsheetApp.newConditionalFormatRule(). Boolean conditions only; gradients are not modelled. build() refuses a
 * rule without a condition or without a range; setRanges refuses ranges on several sheets. whenFormulaSatisfied
 * stores the formula as given: the Sheets API parses a condition value "as if the user typed into a cell. Formulas
 * are supported (and must begin with an `=` or a '+')", so a formula without its `=` is a piece of text, which is never
 * TRUE; the fake's evaluator treats it so (whether Apps Script also refuses it was not found).
 */
export interface FakeConditionalFormatRuleBuilder extends Omit<BuilderApi, BuilderImplemented> {}
export class FakeConditionalFormatRuleBuilder implements Pick<BuilderApi, BuilderImplemented> {
  private state: RuleState;

  constructor(
    private readonly ctx: FakeContext,
    state?: RuleState,
  ) {
    this.state = state ?? { criteria: null, values: [], format: { ...NO_FORMAT }, ranges: [] };
  }

  private rec(method: string): void {
    this.ctx.calls.record(`ConditionalFormatRuleBuilder.${method}`);
  }

  private signature(value: unknown, method: string): Error {
    return gasError(MESSAGES.signature(typeof value, `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`));
  }

  private when(method: string, criteria: CriteriaName, values: unknown[]): this {
    this.rec(method);
    this.state = { ...this.state, criteria, values: values.map(copyValue) };
    return this;
  }

  private text(method: string, criteria: CriteriaName, text: unknown): this {
    if (typeof text !== 'string') throw this.signature(text, method);
    return this.when(method, criteria, [text]);
  }

  private numbers(method: string, criteria: CriteriaName, ...ns: unknown[]): this {
    for (const n of ns) if (typeof n !== 'number' || Number.isNaN(n)) throw this.signature(n, method);
    return this.when(method, criteria, ns);
  }

  private formatted(method: string, patch: Partial<RuleFormat>): this {
    this.rec(method);
    this.state = { ...this.state, format: { ...this.state.format, ...patch } };
    return this;
  }

  build(): FakeConditionalFormatRule {
    this.rec('build');
    if (this.state.criteria === null) throw gasError(MESSAGES.cfNoCondition);
    if (this.state.ranges.length === 0) throw gasError(MESSAGES.cfNoRanges);
    return new FakeConditionalFormatRule(this.ctx, copyState(this.state));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    this.rec('copy');
    return new FakeConditionalFormatRuleBuilder(this.ctx, copyState(this.state));
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    this.rec('getBooleanCondition');
    return this.state.criteria === null ? null : new FakeBooleanCondition(this.ctx, copyState(this.state));
  }
  getGradientCondition(): null {
    this.rec('getGradientCondition');
    return null;
  }
  getRanges(): FakeRange[] {
    this.rec('getRanges');
    return this.state.ranges.map(rangeOf);
  }
  setRanges(ranges: FakeRange[]): this {
    this.rec('setRanges');
    if (!Array.isArray(ranges) || ranges.some((r) => !(r instanceof FakeRange))) throw this.signature(ranges, 'setRanges');
    const sheets = new Set(ranges.map((r) => r.sheet));
    if (sheets.size > 1) throw gasError(MESSAGES.cfRangesOnSeveralSheets);
    this.state = { ...this.state, ranges: ranges.map(ruleRangeOf) };
    return this;
  }
  setBackground(color: string | null): this {
    if (color !== null && typeof color !== 'string') throw this.signature(color, 'setBackground');
    return this.formatted('setBackground', { background: color === null || color === '' ? null : normalizeColor(color) });
  }
  setFontColor(color: string | null): this {
    if (color !== null && typeof color !== 'string') throw this.signature(color, 'setFontColor');
    return this.formatted('setFontColor', { fontColor: color === null || color === '' ? null : normalizeColor(color) });
  }
  setBold(bold: boolean | null): this {
    return this.formatted('setBold', { bold: booleanOrNull(bold, 'setBold') });
  }
  setItalic(italic: boolean | null): this {
    return this.formatted('setItalic', { italic: booleanOrNull(italic, 'setItalic') });
  }
  setStrikethrough(strikethrough: boolean | null): this {
    return this.formatted('setStrikethrough', { strikethrough: booleanOrNull(strikethrough, 'setStrikethrough') });
  }
  setUnderline(underline: boolean | null): this {
    return this.formatted('setUnderline', { underline: booleanOrNull(underline, 'setUnderline') });
  }
  whenCellEmpty(): this {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.text('whenFormulaSatisfied', 'CUSTOM_FORMULA', formula);
  }
  whenTextContains(text: string): this {
    return this.text('whenTextContains', 'TEXT_CONTAINS', text);
  }
  whenTextDoesNotContain(text: string): this {
    return this.text('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', text);
  }
  whenTextEndsWith(text: string): this {
    return this.text('whenTextEndsWith', 'TEXT_ENDS_WITH', text);
  }
  whenTextEqualTo(text: string): this {
    return this.text('whenTextEqualTo', 'TEXT_EQUAL_TO', text);
  }
  whenTextStartsWith(text: string): this {
    return this.text('whenTextStartsWith', 'TEXT_STARTS_WITH', text);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.numbers('whenNumberBetween', 'NUMBER_BETWEEN', start, end);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.numbers('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', start, end);
  }
  whenNumberEqualTo(number: number): this {
    return this.numbers('whenNumberEqualTo', 'NUMBER_EQUAL_TO', number);
  }
  whenNumberNotEqualTo(number: number): this {
    return this.numbers('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', number);
  }
  whenNumberGreaterThan(number: number): this {
    return this.numbers('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', number);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this.numbers('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', number);
  }
  whenNumberLessThan(number: number): this {
    return this.numbers('whenNumberLessThan', 'NUMBER_LESS_THAN', number);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    return this.numbers('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', number);
  }
  withCriteria(criteria: Criteria, args: any[]): this {
    const name = enumName(criteria, BooleanCriteriaEnum);
    if (!name) throw this.signature(criteria, 'withCriteria');
    if (!Array.isArray(args)) throw this.signature(args, 'withCriteria');
    return this.when('withCriteria', name as CriteriaName, args);
  }
}

// ---------------------------------------------------------------- what the user sees

/** A cell's value as a formula reads it: text, number, boolean, or '' for an empty cell. */
function formulaValue(cell: Cell | undefined, timeZone: string): string | number | boolean {
  if (!cell) return '';
  const v = cell.value;
  if (v instanceof DateValue) return dateToSerial(v.ms, timeZone);
  return v;
}

/** Sheets' `=` compares text without regard to case (EXACT is the case-sensitive test); text never equals a number. */
function textEquals(a: string | number | boolean, text: string): boolean {
  return typeof a === 'string' && a.toLocaleLowerCase() === text.toLocaleLowerCase();
}

/** What LEFT/ the text criteria see of a value: numbers in general format, booleans as TRUE/FALSE. */
function asText(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

const STRING = '"((?:[^"]|"")*)"';
const REF = '(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)';

/** The formula shapes the fake evaluates, written with one argument separator. */
function shapes(separator: ',' | ';') {
  const sep = `\\s*${separator}\\s*`;
  return {
    tagged: new RegExp(`^AND\\(\\s*N\\(\\s*${STRING}\\s*\\)\\s*=\\s*0${sep}(.*)\\)$`, 'is'),
    leftEquals: new RegExp(`^LEFT\\(\\s*${REF}${sep}(\\d+)\\s*\\)\\s*=\\s*${STRING}$`, 'i'),
  };
}
const REF_EQUALS = new RegExp(`^${REF}\\s*=\\s*${STRING}$`, 'i');

/**
 * The argument separator of a spreadsheet's formulas. A condition's formula "is parsed as if the user typed into a
 * cell" (Sheets API, ConditionValue.userEnteredValue), and a person in a locale that writes decimals with a comma
 * (vi_VN among them) types `;` between arguments (Sheets help, "Formula syntax depends on the spreadsheet locale").
 * Whether Apps Script's builder parses in the spreadsheet's locale is not documented: the fake takes the documented
 * reading, so a formula written with the other separator is a parse error, which is never TRUE.
 */
export function argumentSeparator(locale: string): ',' | ';' {
  return localeRules(locale).decimal === ',' ? ';' : ',';
}

/**
 * The custom formulas the fake evaluates, relative to the top-left cell of the rule's first range as Sheets reads
 * them (a relative reference moves with the cell; `$` pins it), with the locale's argument separator (`,` below):
 *   =AND(N("any text")=0, <test>)     N() of text is 0, so this is <test> with a label only a script reads
 *   =LEFT($S2,4)="Lỗi:"               the first n characters of a cell, compared without regard to case
 *   =$S2="OK"                         a cell compared with text, without regard to case
 * A formula not starting with `=`, one holding #REF! (its column was deleted) and one of these shapes written with
 * the other locale's separator are not TRUE (text, an error, a parse error). Any other formula throws a
 * FakeUsageError naming it.
 */
export function formulaHolds(sheet: FakeSheet, state: RuleState, row: number, column: number): boolean {
  const formula = String(state.values[0] ?? '');
  const anchor = state.ranges[0]!;
  return evaluateFormula(sheet, formula, { row: anchor.rows.start, column: anchor.columns.start }, row, column);
}

/** A formula of those shapes evaluated at a cell, its relative references anchored at `anchor`. */
export function evaluateFormula(sheet: FakeSheet, formula: string, anchor: { row: number; column: number }, row: number, column: number): boolean {
  if (!formula.startsWith('=')) return false;
  // A reference to a deleted cell makes the formula an error, and an error is not TRUE.
  if (formula.includes('#REF!')) return false;
  if (sheet.spreadsheet.undocumented.formulaSyntax === 'none') return false;
  const separator = sheet.spreadsheet.undocumented.formulaSyntax === 'en_US' ? ',' : argumentSeparator(sheet.spreadsheet.locale);
  const { tagged, leftEquals } = shapes(separator);
  let body = formula.slice(1).trim();
  const label = tagged.exec(body);
  if (label) body = (label[2] as string).trim();
  const read = (d1: string, letters: string, d2: string, digits: string): string | number | boolean => {
    const c = d1 ? columnNumber(letters) : columnNumber(letters) + (column - anchor.column);
    const r = d2 ? Number(digits) : Number(digits) + (row - anchor.row);
    if (r < 1 || c < 1 || r > sheet.maxRows || c > sheet.maxColumns) return '';
    return formulaValue(sheet.cellAt(r, c), sheet.spreadsheet.timeZone);
  };
  const unquote = (s: string) => s.replace(/""/g, '"');
  const left = leftEquals.exec(body);
  if (left) {
    const [, d1, letters, d2, digits, n, text] = left as unknown as string[];
    const value = asText(read(d1!, letters!, d2!, digits!));
    return textEquals(Array.from(value).slice(0, Number(n)).join(''), unquote(text!));
  }
  const equals = REF_EQUALS.exec(body);
  if (equals) {
    const [, d1, letters, d2, digits, text] = equals as unknown as string[];
    return textEquals(read(d1!, letters!, d2!, digits!), unquote(text!));
  }
  const other = shapes(separator === ',' ? ';' : ',');
  const otherBody = formula.slice(1).trim();
  const otherLabel = other.tagged.exec(otherBody);
  if (otherLabel || other.leftEquals.test(otherBody)) return false;
  throw fakeUsageError(
    `the fake cannot evaluate the conditional-format formula ${formula}; it understands =LEFT($S2${separator}n)="text", =$S2="text" and either wrapped in =AND(N("label")=0${separator} …)`,
  );
}

/**
 * Whether a rule's condition holds for a cell. Text criteria compare without regard to case, like the formulas
 * (assumed for the criteria: not checked against Sheets). Number and date criteria are not evaluated.
 */
export function conditionHolds(sheet: FakeSheet, state: RuleState, row: number, column: number): boolean {
  const cell = sheet.cellAt(row, column);
  const value = formulaValue(cell, sheet.spreadsheet.timeZone);
  const text = asText(value).toLocaleLowerCase();
  const arg = String(state.values[0] ?? '').toLocaleLowerCase();
  switch (state.criteria) {
    case 'CUSTOM_FORMULA':
      return formulaHolds(sheet, state, row, column);
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_NOT_EQUAL_TO':
      return text !== arg;
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg);
    case 'TEXT_CONTAINS':
      return text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    default:
      throw fakeUsageError(`the fake does not evaluate ${String(state.criteria)} conditions`);
  }
}

export function ruleCovers(state: RuleState, row: number, column: number): boolean {
  return state.ranges.some((r) => {
    const b = boxOf(r);
    return row >= b.row && row < b.row + b.numRows && column >= b.column && column < b.column + b.numColumns;
  });
}
