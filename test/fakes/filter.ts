import { evaluateFormula } from './conditional-format';
import type { FakeContext } from './context';
import { BooleanCriteriaEnum } from './enums';
import { gasError, MESSAGES } from './errors';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

/**
 * A sheet's filter with custom-formula criteria, as far as the self-check uses it. The Sheets API says a
 * BooleanCondition is the one type "used by conditional formatting, data validation, and the criteria in filters",
 * so a filter's formula is parsed as a conditional-format rule's is (conditional-format.ts: evaluateFormula), and,
 * unlike a rule's colour, its result can be read back: isRowHiddenByFilter. Relative references are relative to the
 * first row under the filter's header row. Criteria other than a custom formula are not modelled.
 */

type CriteriaApi = GoogleAppsScript.Spreadsheet.FilterCriteria;
type CriteriaImplemented = 'getCriteriaType' | 'getCriteriaValues';

export interface FakeFilterCriteria extends Omit<CriteriaApi, CriteriaImplemented> {}
export class FakeFilterCriteria implements Pick<CriteriaApi, CriteriaImplemented> {
  constructor(
    private readonly ctx: FakeContext,
    readonly formula: string,
  ) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.ctx.calls.record('FilterCriteria.getCriteriaType');
    return BooleanCriteriaEnum.CUSTOM_FORMULA;
  }
  getCriteriaValues(): any[] {
    this.ctx.calls.record('FilterCriteria.getCriteriaValues');
    return [this.formula];
  }
}

type BuilderApi = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
type BuilderImplemented = 'build' | 'whenFormulaSatisfied';

export interface FakeFilterCriteriaBuilder extends Omit<BuilderApi, BuilderImplemented> {}
export class FakeFilterCriteriaBuilder implements Pick<BuilderApi, BuilderImplemented> {
  private formula: string | null = null;
  constructor(private readonly ctx: FakeContext) {}
  whenFormulaSatisfied(formula: string): this {
    this.ctx.calls.record('FilterCriteriaBuilder.whenFormulaSatisfied');
    if (typeof formula !== 'string') throw gasError(MESSAGES.signature(typeof formula, 'SpreadsheetApp.FilterCriteriaBuilder.whenFormulaSatisfied'));
    this.formula = formula;
    return this;
  }
  build(): FakeFilterCriteria {
    this.ctx.calls.record('FilterCriteriaBuilder.build');
    if (this.formula === null) throw gasError(MESSAGES.cfNoCondition);
    return new FakeFilterCriteria(this.ctx, this.formula);
  }
}

type FilterApi = GoogleAppsScript.Spreadsheet.Filter;
type FilterImplemented = 'getColumnFilterCriteria' | 'getRange' | 'remove' | 'setColumnFilterCriteria';

export interface FakeFilter extends Omit<FilterApi, FilterImplemented> {}
export class FakeFilter implements Pick<FilterApi, FilterImplemented> {
  readonly criteria = new Map<number, FakeFilterCriteria>();
  constructor(
    readonly sheet: FakeSheet,
    readonly box: { row: number; column: number; numRows: number; numColumns: number },
  ) {}
  private rec(method: string): void {
    this.sheet.ctx.calls.record(`Filter.${method}`);
  }
  getColumnFilterCriteria(columnPosition: number): FakeFilterCriteria | null {
    this.rec('getColumnFilterCriteria');
    return this.criteria.get(columnPosition) ?? null;
  }
  getRange(): FakeRange {
    this.rec('getRange');
    return new FakeRange(this.sheet, this.box.row, this.box.column, this.box.numRows, this.box.numColumns);
  }
  remove(): void {
    this.rec('remove');
    if (this.sheet.filter === this) this.sheet.filter = null;
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: FakeFilterCriteria | null): this {
    this.rec('setColumnFilterCriteria');
    if (columnPosition < this.box.column || columnPosition >= this.box.column + this.box.numColumns) throw gasError(MESSAGES.invalidArgument('columnPosition'));
    if (filterCriteria === null) this.criteria.delete(columnPosition);
    else this.criteria.set(columnPosition, filterCriteria);
    return this;
  }

  /** Whether a row of the sheet is hidden by this filter: a data row where some column's formula does not hold. */
  hides(row: number): boolean {
    if (row <= this.box.row || row >= this.box.row + this.box.numRows) return false;
    for (const [column, criteria] of this.criteria) {
      if (!evaluateFormula(this.sheet, criteria.formula, { row: this.box.row + 1, column }, row, column)) return true;
    }
    return false;
  }
}
