import type { FakeContext } from './context';
import { isDateObject } from './dates';
import { DataValidationCriteriaEnum } from './enums';
import { fakeUsageError, gasError, MESSAGES } from './errors';

type Api = GoogleAppsScript.Spreadsheet.DataValidation;
type BuilderApi = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

type RuleImplemented = 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'copy';
type BuilderImplemented =
  | RuleImplemented
  | 'build'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextIsEmail'
  | 'requireValueInList'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

interface RuleState {
  criteria: Criteria | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function copyValue(v: unknown): unknown {
  if (isDateObject(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copyValue);
  return v;
}

function criteriaName(c: Criteria | null): string {
  return String(c);
}

/** A built rule. Plain data for snapshots via `describe()`. */
export interface FakeDataValidation extends Omit<Api, RuleImplemented> {}
export class FakeDataValidation implements Pick<Api, RuleImplemented> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: Readonly<RuleState>,
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`DataValidation.${method}`);
  }
  getAllowInvalid(): boolean {
    this.rec('getAllowInvalid');
    return this.state.allowInvalid;
  }
  getCriteriaType(): Criteria {
    this.rec('getCriteriaType');
    return this.state.criteria as Criteria;
  }
  getCriteriaValues(): any[] {
    this.rec('getCriteriaValues');
    return this.state.values.map(copyValue);
  }
  getHelpText(): string {
    this.rec('getHelpText');
    return this.state.helpText ?? '';
  }
  copy(): FakeDataValidationBuilder {
    this.rec('copy');
    return new FakeDataValidationBuilder(this.ctx, { ...this.state, values: this.state.values.map(copyValue) });
  }
  /** For snapshots and assertions; not an Apps Script method, not counted. */
  describe(): { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string } {
    return {
      criteria: criteriaName(this.state.criteria),
      values: this.state.values.map(copyValue),
      allowInvalid: this.state.allowInvalid,
      helpText: this.state.helpText ?? '',
    };
  }
}

export interface FakeDataValidationBuilder extends Omit<BuilderApi, BuilderImplemented> {}
export class FakeDataValidationBuilder implements Pick<BuilderApi, BuilderImplemented> {
  private state: RuleState;

  constructor(
    private readonly ctx: FakeContext,
    state?: RuleState,
  ) {
    this.state = state ?? { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  private rec(method: string): void {
    this.ctx.calls.record(`DataValidationBuilder.${method}`);
  }

  private set(method: string, criteria: keyof typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria, values: unknown[]): this {
    this.rec(method);
    this.state = { ...this.state, criteria: DataValidationCriteriaEnum[criteria], values: values.map(copyValue) };
    return this;
  }

  private requireDateArg(method: string, ...dates: unknown[]): void {
    for (const d of dates) {
      if (!isDateObject(d)) {
        throw gasError(MESSAGES.signature(typeof d, `SpreadsheetApp.DataValidationBuilder.${method}`));
      }
    }
  }

  private requireNumberArg(method: string, ...ns: unknown[]): void {
    for (const n of ns) {
      if (typeof n !== 'number' || Number.isNaN(n)) {
        throw gasError(MESSAGES.signature(typeof n, `SpreadsheetApp.DataValidationBuilder.${method}`));
      }
    }
  }

  build(): FakeDataValidation {
    this.rec('build');
    if (this.state.criteria === null) {
      // ours: Sheets refuses a rule without criteria; wording not found.
      throw gasError('A data validation rule needs criteria: call one of the require… methods before build().');
    }
    return new FakeDataValidation(this.ctx, { ...this.state, values: this.state.values.map(copyValue) });
  }
  copy(): FakeDataValidationBuilder {
    this.rec('copy');
    return new FakeDataValidationBuilder(this.ctx, { ...this.state, values: this.state.values.map(copyValue) });
  }
  getAllowInvalid(): boolean {
    this.rec('getAllowInvalid');
    return this.state.allowInvalid;
  }
  getCriteriaType(): Criteria {
    this.rec('getCriteriaType');
    return this.state.criteria as Criteria;
  }
  getCriteriaValues(): any[] {
    this.rec('getCriteriaValues');
    return this.state.values.map(copyValue);
  }
  getHelpText(): string | null {
    this.rec('getHelpText');
    return this.state.helpText;
  }
  requireCheckbox(checkedValue?: any, uncheckedValue?: any): this {
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('requireCheckbox', 'CHECKBOX', values);
  }
  requireDate(): this {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: GoogleAppsScript.Base.Date): this {
    this.requireDateArg('requireDateAfter', date);
    return this.set('requireDateAfter', 'DATE_AFTER', [date]);
  }
  requireDateBefore(date: GoogleAppsScript.Base.Date): this {
    this.requireDateArg('requireDateBefore', date);
    return this.set('requireDateBefore', 'DATE_BEFORE', [date]);
  }
  requireDateBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): this {
    this.requireDateArg('requireDateBetween', start, end);
    return this.set('requireDateBetween', 'DATE_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): this {
    this.requireDateArg('requireDateOnOrAfter', date);
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): this {
    this.requireDateArg('requireDateOnOrBefore', date);
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): this {
    this.requireNumberArg('requireNumberBetween', start, end);
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    this.requireNumberArg('requireNumberGreaterThanOrEqualTo', number);
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    this.requireNumberArg('requireNumberLessThanOrEqualTo', number);
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextIsEmail(): this {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values)) {
      throw gasError(MESSAGES.signature(typeof values, 'SpreadsheetApp.DataValidationBuilder.requireValueInList'));
    }
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values.slice(), showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.rec('setAllowInvalid');
    this.state = { ...this.state, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }
  setHelpText(helpText: string): this {
    this.rec('setHelpText');
    this.state = { ...this.state, helpText: String(helpText) };
    return this;
  }
  withCriteria(criteria: Criteria, args: any[]): this {
    this.rec('withCriteria');
    if (!Object.values(DataValidationCriteriaEnum).includes(criteria)) {
      throw fakeUsageError(`unknown criteria ${String(criteria)}`);
    }
    this.state = { ...this.state, criteria, values: args.map(copyValue) };
    return this;
  }
}
