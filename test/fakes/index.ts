/**
 * Strict in-memory fakes of the Apps Script services the add-on uses. They throw where Google throws, with Google's
 * messages (see errors.ts for which were verified against public sources and which are ours), count every call and
 * every cell, and are typed against @types/google-apps-script.
 *
 *   const env = createAppsScriptEnvironment({ spreadsheet: FakeSpreadsheet.fromTabs({ 'Cán bộ': rows }) });
 *   Object.assign(globalThis, env.globals);          // or vm.createContext(env.globals)
 *   …run the code…
 *   expect(env.calls.spreadsheet()).toBe(7);
 *   expect(env.spreadsheet.tab('Cán bộ').snapshot().notes).toEqual(…);
 *
 * Test helpers, never counted as script calls:
 *   spreadsheet: tab(name), typeText(a1, text), setFormulaResult(a1, value), metadataSnapshot()
 *   sheet:       snapshot() (values … protections, developerMetadata, conditionalFormats), values(),
 *                effectiveFormat(a1 | row, column), effectiveBackgrounds(a1), hiddenUnderMerges(),
 *                insertColumnsAsUser(before, n = 1), deleteColumnsAsUser(start, n = 1),
 *                insertRowsAsUser(before, n = 1), deleteRowsAsUser(start, n = 1)
 *
 * What the platform leaves to the deployment and the user (docs/apps-script-assumptions.md): the environment's
 * `deployment` ('bound' or 'addon': what a time-driven trigger's execution reaches), the `scopes` granted (a call
 * without its scope is refused and recorded in env.refusals), the language of Google's messages (`errorLanguage`), and
 * per spreadsheet `undocumented` (formula syntax, open rule ranges, merges through clear(), metadata on copies), each
 * defaulting to the reading that can fool the add-on.
 *
 * Not modelled (they keep the fakes honest by being absent or by throwing a FakeUsageError): gradient rules,
 * evaluating number/date conditions and custom formulas other than the shapes listed in conditional-format.ts,
 * onIntersectingLocations on a sheet or spreadsheet finder, and what clear()/clearFormat() do to conditional-format
 * rules (they leave them; not checked against Sheets). Cell formulas are not rewritten when rows or columns move
 * (conditional-format formulas are).
 */
export { CallCounter, isSpreadsheetMethod, SPREADSHEET_SERVICE_CLASSES } from './calls';
export { DateValue, localeRules, parseInput } from './cells';
export { FakeBooleanCondition, FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder, type RuleSnapshot } from './conditional-format';
export {
  ALL_SCOPES,
  type AuthModeName,
  CLOCK_TRIGGER_CONTEXT,
  type ClockTriggerContext,
  type Deployment,
  FakeClock,
  FakeContext,
  type Refusal,
  SCOPES,
} from './context';
export { FakeDataValidation, FakeDataValidationBuilder } from './data-validation';
export { formatSimpleDate, instantOf, isDateObject, wallTime } from './dates';
export { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, FakeDeveloperMetadataLocation, type MetadataSnapshot } from './developer-metadata';
export { type DimensionChange, shiftFormula } from './dimension';
export * from './enums';
export {
  type AppsScriptEnvironment,
  type AppsScriptEnvironmentOptions,
  type AppsScriptGlobals,
  createAppsScriptEnvironment,
  type TriggerControl,
} from './environment';
export { fakeUsageError, gasError, MESSAGES } from './errors';
export { FakeHtmlOutput, FakeHtmlService, FakeHtmlTemplate } from './html';
export { FakeLock, FakeLockService, LockControl, type LockKind } from './lock';
export { FakeMailApp, type SentMail } from './mail';
export { FakeLogs, FakeSession, FakeUtilities, type LogEntry } from './misc';
export { FakeProperties, FakePropertiesService, PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT, PropertyStore } from './properties';
export { FakeFilter, FakeFilterCriteria, FakeFilterCriteriaBuilder } from './filter';
export { FakeProtection } from './protection';
export { FakeEmbeddedChart, FakeEmbeddedChartBuilder, type ChartSnapshot } from './charts';
export { FakeRange } from './range';
export { FakeRangeList } from './range-list';
export { type EffectiveFormat, FakeSheet, type SheetSnapshot } from './sheet';
export { FakeSpreadsheet, type FakeSpreadsheetOptions, type Toast, type UndocumentedBehaviour } from './spreadsheet';
export { FakeSpreadsheetApp } from './spreadsheet-app';
export { type FakeAuthorizationInfo, FakeScriptApp, FakeTrigger, type TriggerRecord, type TriggerRun } from './triggers';
export { type AlertRecord, type BuiltMenu, type DialogRecord, FakeMenu, FakeUi, type MenuEntry, UiRecorder } from './ui';
