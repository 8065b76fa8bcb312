import type { FakeContext } from './context';
import { FakeConditionalFormatRuleBuilder } from './conditional-format';
import { FakeDataValidationBuilder } from './data-validation';
import {
  BooleanCriteriaEnum,
  BorderStyleEnum,
  DataValidationCriteriaEnum,
  DeveloperMetadataLocationTypeEnum,
  DeveloperMetadataVisibilityEnum,
  ProtectionTypeEnum,
  WrapStrategyEnum,
} from './enums';
import { gasError, MESSAGES } from './errors';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { FakeUi, type UiRecorder } from './ui';

type Api = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Implemented =
  | 'BooleanCriteria'
  | 'BorderStyle'
  | 'DataValidationCriteria'
  | 'DeveloperMetadataLocationType'
  | 'DeveloperMetadataVisibility'
  | 'ProtectionType'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

/** SpreadsheetApp for a script bound to (or an add-on running in) one spreadsheet, with `spreadsheets.currentonly`. */
export interface FakeSpreadsheetApp extends Omit<Api, Implemented> {}
export class FakeSpreadsheetApp implements Pick<Api, Implemented> {
  readonly BooleanCriteria = BooleanCriteriaEnum;
  readonly BorderStyle = BorderStyleEnum;
  readonly DataValidationCriteria = DataValidationCriteriaEnum;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationTypeEnum;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibilityEnum;
  readonly ProtectionType = ProtectionTypeEnum;
  readonly WrapStrategy = WrapStrategyEnum;

  constructor(
    private readonly ctx: FakeContext,
    private readonly spreadsheet: () => FakeSpreadsheet,
    private readonly ui: UiRecorder,
  ) {}

  private rec(method: string, needsDocument = true): void {
    this.ctx.calls.record(`SpreadsheetApp.${method}`);
    if (needsDocument) this.ctx.require(`SpreadsheetApp.${method}`, 'document');
  }

  flush(): void {
    this.rec('flush', false);
  }
  getActive(): FakeSpreadsheet {
    this.rec('getActive');
    return this.spreadsheet();
  }
  getActiveRange(): FakeRange {
    this.rec('getActiveRange');
    const ss = this.spreadsheet();
    return ss.activeRange && ss.activeRange.sheet === ss.activeSheet ? ss.activeRange : ss.activeSheet.rangeAt(1, 1);
  }
  getActiveSheet(): FakeSheet {
    this.rec('getActiveSheet');
    return this.spreadsheet().activeSheet;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    this.rec('getActiveSpreadsheet');
    return this.spreadsheet();
  }
  getUi(): FakeUi {
    this.rec('getUi', false);
    if (!this.ctx.uiAvailable) throw gasError(MESSAGES.noUi);
    return new FakeUi(this.ctx, this.ui);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.rec('newConditionalFormatRule', false);
    return new FakeConditionalFormatRuleBuilder(this.ctx);
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.rec('newDataValidation', false);
    return new FakeDataValidationBuilder(this.ctx);
  }
  /** With the currentonly scope a script may not open other files. */
  openById(_id: string): FakeSpreadsheet {
    this.rec('openById', false);
    throw gasError(MESSAGES.permission('SpreadsheetApp.openById', 'https://www.googleapis.com/auth/spreadsheets'));
  }
  openByUrl(_url: string): FakeSpreadsheet {
    this.rec('openByUrl', false);
    throw gasError(MESSAGES.permission('SpreadsheetApp.openByUrl', 'https://www.googleapis.com/auth/spreadsheets'));
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.rec('setActiveRange');
    const ss = this.spreadsheet();
    ss.activeSheet = range.sheet;
    ss.activeRange = range;
    return range;
  }
  setActiveSheet(sheet: FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.rec('setActiveSheet');
    this.spreadsheet().activeSheet = sheet;
    return sheet;
  }
}
