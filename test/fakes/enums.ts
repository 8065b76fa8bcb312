/**
 * Apps Script enums are objects whose string form is their name (`String(ProtectionType.SHEET) === 'SHEET'`). The
 * fakes use the name itself as the value: equal to itself, printable, JSON-safe. Typed as the @types enum.
 */
export function makeEnum<E>(names: readonly string[]): E {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as E;
}

type S = typeof GoogleAppsScript.Spreadsheet;
type B = typeof GoogleAppsScript.Base;
type Sc = typeof GoogleAppsScript.Script;
type H = typeof GoogleAppsScript.HTML;

export const ButtonEnum = makeEnum<B['Button']>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSetEnum = makeEnum<B['ButtonSet']>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

export const ProtectionTypeEnum = makeEnum<S['ProtectionType']>(['RANGE', 'SHEET']);
export const BorderStyleEnum = makeEnum<S['BorderStyle']>([
  'DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE',
]);
export const WrapStrategyEnum = makeEnum<S['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);
export const DataValidationCriteriaEnum = makeEnum<S['DataValidationCriteria']>([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
]);

export const AuthModeEnum = makeEnum<Sc['AuthMode']>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const TriggerSourceEnum = makeEnum<Sc['TriggerSource']>([
  'SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR',
]);
export const EventTypeEnum = makeEnum<Sc['EventType']>([
  'CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED',
]);
export const WeekDayEnum = makeEnum<B['Weekday']>([
  'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY',
]);

export const SandboxModeEnum = makeEnum<H['SandboxMode']>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsModeEnum = makeEnum<H['XFrameOptionsMode']>(['ALLOWALL', 'DEFAULT']);
