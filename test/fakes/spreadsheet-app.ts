import { type FakeContext, SCOPES } from './context';
import { FakeConditionalFormatRuleBuilder } from './conditional-format';
import { FakeDataValidationBuilder } from './data-validation';
import { FakeFilterCriteriaBuilder } from './filter';
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
  | 'newFilterCriteria'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

/**
 * SpreadsheetApp for a script bound to (or an add-on running in) one spreadsheet. The active spreadsheet (and its sheet
 * and range) is null in a time-driven trigger's execution that has no document (an add-on's: context.ts); the
 * declared types, like @types/google-apps-script's, do not say so. openById needs the `spreadsheets` scope.
 */
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
  /** The open spreadsheet, or null where the execution has none (see ClockTriggerContext). */
  private active(): FakeSpreadsheet {
    return (this.ctx.reaches('activeSpreadsheet') ? this.spreadsheet() : null) as FakeSpreadsheet;
  }
  getActive(): FakeSpreadsheet {
    this.rec('getActive');
    return this.active();
  }
  getActiveRange(): FakeRange {
    this.rec('getActiveRange');
    const ss = this.active();
    if (!ss) return null as unknown as FakeRange;
    return ss.activeRange && ss.activeRange.sheet === ss.activeSheet ? ss.activeRange : ss.activeSheet.rangeAt(1, 1);
  }
  getActiveSheet(): FakeSheet {
    this.rec('getActiveSheet');
    return (this.active()?.activeSheet ?? null) as FakeSheet;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    this.rec('getActiveSpreadsheet');
    return this.active();
  }
  getUi(): FakeUi {
    this.rec('getUi', false);
    // Menus are built before any authorization (AuthMode.NONE); everything else shown needs the scope.
    if (this.ctx.authMode !== 'NONE') this.ctx.requireScope('SpreadsheetApp.getUi', SCOPES.ui);
    if (!this.ctx.uiAvailable) throw gasError(MESSAGES.noUi);
    return new FakeUi(this.ctx, this.ui);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.rec('newConditionalFormatRule', false);
    return new FakeConditionalFormatRuleBuilder(this.ctx);
  }
  newFilterCriteria(): FakeFilterCriteriaBuilder {
    this.rec('newFilterCriteria', false);
    return new FakeFilterCriteriaBuilder(this.ctx);
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.rec('newDataValidation', false);
    return new FakeDataValidationBuilder(this.ctx);
  }
  /**
   * Opens a spreadsheet by id: needs the `spreadsheets` scope (currentonly does not allow it). The fake knows one
   * spreadsheet, the add-on's; any other id fails as a file the user cannot open.
   */
  openById(id: string): FakeSpreadsheet {
    this.rec('openById', false);
    this.ctx.require('SpreadsheetApp.openById', 'document');
    this.ctx.requireScope('SpreadsheetApp.openById', SCOPES.spreadsheets);
    const ss = this.spreadsheet();
    if (id !== ss.id) throw gasError(MESSAGES.openFailed('openById'));
    return ss;
  }
  openByUrl(url: string): FakeSpreadsheet {
    this.rec('openByUrl', false);
    this.ctx.require('SpreadsheetApp.openByUrl', 'document');
    this.ctx.requireScope('SpreadsheetApp.openByUrl', SCOPES.spreadsheets);
    const ss = this.spreadsheet();
    if (url !== ss.getUrlQuietly()) throw gasError(MESSAGES.openFailed('openByUrl'));
    return ss;
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
