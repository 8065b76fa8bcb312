/**
 * The spreadsheet a time-driven trigger works on. A script bound to the spreadsheet has it as its active one; an
 * Editor add-on's time-driven trigger has no open document, and SpreadsheetApp.getActive() returns null there (public
 * evidence in docs/apps-script-assumptions.md). So each trigger we create is remembered, by its unique id, with the
 * id of the spreadsheet it was created in, in the user properties of the person who created it (the trigger runs as
 * them); the handler opens that spreadsheet by id when there is no active one, which needs the `spreadsheets` scope.
 * The event object of a time-driven trigger carries `triggerUid` (Apps Script, "Event objects").
 */

const KEY_PREFIX = 'dicoso.trigger.v1.';

/** What Apps Script passes a time-driven trigger's function (the fields we read). */
export interface ClockEvent {
  triggerUid?: string;
}

function userProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

/** Remembers which spreadsheet a trigger we just created belongs to. */
export function rememberTriggerDocument(triggerId: string, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  userProperties().setProperty(KEY_PREFIX + triggerId, spreadsheet.getId());
}

/** Forgets the triggers we deleted (their entries would otherwise pile up in the user's properties). */
export function forgetTriggerDocuments(triggerIds: readonly string[]): void {
  if (triggerIds.length === 0) return;
  const properties = userProperties();
  for (const id of triggerIds) properties.deleteProperty(KEY_PREFIX + id);
}

/** How the trigger's execution found its spreadsheet: the active one, or opened by the id remembered for it. */
export type DocumentSource = 'active' | 'opened' | 'none';

/**
 * The trigger's spreadsheet: the active one when the execution has one (a bound script), else the one remembered
 * for the trigger that fired, opened by id; null when neither is known (a trigger made before this was kept).
 */
export function triggerSpreadsheet(e: ClockEvent | undefined): { spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null; source: DocumentSource } {
  const active = SpreadsheetApp.getActive() as GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  if (active) return { spreadsheet: active, source: 'active' };
  const uid = e?.triggerUid;
  const id = uid ? userProperties().getProperty(KEY_PREFIX + uid) : null;
  if (!id) return { spreadsheet: null, source: 'none' };
  return { spreadsheet: SpreadsheetApp.openById(id), source: 'opened' };
}

/**
 * The lock a trigger's run takes: the document lock where the execution has a document; in an add-on's time-driven
 * trigger, where getDocumentLock() is documented to return null outside a containing document, the user's lock. That
 * is enough because only the trigger on record runs (schedule.ts): every other one of this document exits first, so
 * two runs of one document are runs of one user's trigger.
 */
export function triggerLock(): { lock: GoogleAppsScript.Lock.Lock; kind: 'document' | 'user' } {
  const document = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  return document ? { lock: document, kind: 'document' } : { lock: LockService.getUserLock(), kind: 'user' };
}
