/**
 * Errors as Apps Script raises them: an `Error` named `Exception`, so `String(e)` reads `Exception: <message>` and
 * `e.message` is the bare text, exactly as in the Apps Script log.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/**
 * Misuse of the fake itself (a test scripted something impossible). Never thrown where Google would answer, so a
 * test that trips it is wrong, not the code under test.
 */
export function fakeUsageError(message: string): Error {
  const error = new Error(`[apps-script fake] ${message}`);
  error.name = 'FakeUsageError';
  return error;
}

/**
 * Google's wording, in three tiers (checked with the `search` tool, 2025):
 * - logs: seen verbatim in real Apps Script error output quoted in public issues, READMEs and code comments;
 * - fakes: seen only in other projects' fakes that claim to copy Google (several agreeing), or remembered;
 * - ours: no source found; plausible text, kept here so it is easy to correct.
 * Where a message's wording is real but its use in a situation is our choice, the comment says so.
 */
export const MESSAGES = {
  // fakes (several independent projects agree; one asserts it is 'GAS-identical')
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  // logs (the rows variant of the mismatch by symmetry with the columns one, which is quoted verbatim)
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  // logs (deleteRows/insertRowsAfter/getColumnWidth out of the grid)
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  // fakes
  deleteAllNonFrozenRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  // remembered, not found in search
  rangeNotFound: 'Range not found',
  // logs (Sheets API variant quoted verbatim; Apps Script wording assumed identical)
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  // logs
  removeAllSheets: "You can't remove all the sheets in a document.",
  mergePartial: 'You must select all cells in a merged range to merge or unmerge them.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
  // public notes on Properties (the same text is CacheService's, verified in many fakes)
  propertyValueTooLarge: 'Argument too large: value',
  // logs
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  addonTooManyTimeTriggers: 'This add-on has created too many time-based triggers in this document for this Google user account.',
  // ours: Google shows its messages in the user's language; its Vietnamese wording of this one was not found, so this
  // rendering stands for "a message that is not the English one" (FakeContext.errorLanguage).
  addonTooManyTimeTriggersVi: 'Tiện ích bổ sung này đã tạo quá nhiều trình kích hoạt theo thời gian trong tài liệu này cho tài khoản Google này.',
  tooManyTriggers: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  // logs: "Exception: Service invoked too many times for one day: email." (shabuthomas/gmail-delay-send#34)
  mailQuota: 'Service invoked too many times for one day: email.',
  // logs: "Exception: Invalid email: giabao020396@gmail.com" (a Vietnamese MailApp debugging guide, and code comments)
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  tooManyRecipients: 'Limit Exceeded: Email Recipients Per Message.',
  // the same public list of MailApp error constants as below; logs: "Limit Exceeded: Email Body Size. (line 99, file
  // "Code")" in a time-based trigger's failure summary quoted in a public README
  bodyTooLarge: 'Limit Exceeded: Email Body Size.',
  // fakes: the wording a public Apps Script project's tests use for a MailApp outage ("Exception: Service error: Mail")
  mailServiceError: 'Service error: Mail',
  // logs: Google's failure summaries of time-driven runs ("Exceeded maximum execution time", e.g.
  // GioBonvi/GoogleContactsEventsNotifier#155); the execution is ended, its catch blocks do not run
  executionTimeLimit: 'Exceeded maximum execution time',
  // a public list of MailApp error constants
  noRecipient: 'Failed to send email: no recipient',
  // logs (format; used for NONE/LIMITED refusals by our choice)
  permission: (method: string, scope: string) => `You do not have permission to call ${method}. Required permissions: ${scope}`,
  // logs (Google's failure e-mails); our choice for Properties/Lock in AuthMode.NONE
  authorizationRequired: 'Authorization is required to perform that action.',
  // remembered format (e.g. "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.")
  signature: (types: string, method: string) => `The parameters (${types}) don't match the method signature for ${method}.`,
  // logs: quoted verbatim in an Apps Script project's changelog ("Exception: Adding developer metadata to arbitrary
  // ranges is not currently supported.") and, whole, in gas-fakes' tests, which its author runs against live Apps
  // Script (brucemcpherson/gas-fakes test/testsheetsdeveloper.js).
  metadataArbitraryRange:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  // logs: error-handler tables of public Apps Script libraries list it among Sheets' own messages (with its
  // translations), and several projects quote it as what setConditionalFormatRules threw.
  cfOtherSheetReference: 'Conditional format rule cannot reference a different sheet.',
  // fakes: one project's fake asserts that the real service refuses a rule without a range with these words.
  cfNoRanges: 'The conditional format rule must contain at least one range.',
  // ours (no verbatim source found)
  cfNoCondition: 'The conditional format rule must have a condition: call one of the when… methods or withCriteria before build().',
  // ours; the Sheets API says "All the ranges must be on the same grid" (ConditionalFormatRule.ranges).
  cfRangesOnSeveralSheets: 'All the ranges of a conditional format rule must be on the same sheet.',
  // ours: a rule whose ranges are on another sheet, given to this sheet's setConditionalFormatRules.
  cfRuleOfOtherSheet: 'The conditional format rule applies to ranges on a different sheet.',
  // ours: DeveloperMetadata.moveToColumn/moveToRow "throws an exception" (reference) without quoting it.
  metadataNotSingleColumn: 'The range must represent a single column.',
  metadataNotSingleRow: 'The range must represent a single row.',
  // ours: what openById says of a file the user cannot open was not found verbatim.
  openFailed: (method: string) => `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
  // logs: quoted in public issue threads of Sheets scripts that grew their sheets ("This action would increase the
  // number of cells in the workbook above the limit of 10000000 cells.")
  cellLimit: (max: number) => `This action would increase the number of cells in the workbook above the limit of ${max} cells.`,
  // ours: the column limit's wording was not found.
  columnLimit: (max: number) => `This action would increase the number of columns in the sheet above the limit of ${max} columns.`,
  // ours: the wording for a second filter on a sheet was not found.
  filterExists: 'You can’t create a filter in a sheet that already has a filter.',
  // ours (no verbatim source found)
  hideAllSheets: "You can't hide all the sheets in a document.",
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  addonTooManyTriggersOfType: (type: string) => `This add-on has created too many ${type} triggers in this document for this Google user account.`,
  addonTriggerTooFrequent: 'Add-ons can only create time-based triggers that run at most once per hour.',
  clockTriggerNoSchedule: 'The trigger needs a schedule: call everyMinutes, everyHours, everyDays, everyWeeks, after or at.',
  atHourNeedsDays: 'atHour() can only be used with everyDays() or everyWeeks().',
} as const;
