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
export const BorderStyleEnum = makeEnum<S['BorderStyle']>(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
export const WrapStrategyEnum = makeEnum<S['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);
export const DataValidationCriteriaEnum = makeEnum<S['DataValidationCriteria']>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const AuthModeEnum = makeEnum<Sc['AuthMode']>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatusEnum = makeEnum<Sc['AuthorizationStatus']>(['REQUIRED', 'NOT_REQUIRED']);
export const TriggerSourceEnum = makeEnum<Sc['TriggerSource']>(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const EventTypeEnum = makeEnum<Sc['EventType']>(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
export const WeekDayEnum = makeEnum<B['Weekday']>(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);

export const SandboxModeEnum = makeEnum<H['SandboxMode']>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsModeEnum = makeEnum<H['XFrameOptionsMode']>(['ALLOWALL', 'DEFAULT']);

/**
 * Enums whose members must not be mistaken for strings. Apps Script enum members are objects, so
 * `addDeveloperMetadata('k', 'PROJECT')` stores the value 'PROJECT' while `addDeveloperMetadata('k',
 * DeveloperMetadataVisibility.PROJECT)` sets the visibility; a test comparing `getLocationType() === 'COLUMN'` would
 * pass against name strings and fail in Sheets. Members print as their name (`String(e)`, JSON) and compare by
 * identity.
 */
export function makeObjectEnum<E>(names: readonly string[]): E {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, Object.freeze({ toString: () => n, toJSON: () => n, name: () => n })]))) as unknown as E;
}

/** The member's name, for any enum of the fakes (string or object members); null for anything else. */
export function enumName(value: unknown, enumObject: object): string | null {
  for (const [name, member] of Object.entries(enumObject)) if (member === value) return name;
  return null;
}

export const DeveloperMetadataLocationTypeEnum = makeObjectEnum<S['DeveloperMetadataLocationType']>(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
export const DeveloperMetadataVisibilityEnum = makeObjectEnum<S['DeveloperMetadataVisibility']>(['DOCUMENT', 'PROJECT']);
/** As listed in the Apps Script reference (2025), which adds DATE_NOT_EQUAL_TO and TEXT_NOT_EQUAL_TO to @types. */
export const BooleanCriteriaEnum = makeObjectEnum<S['BooleanCriteria']>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);
