import { highlightFormula, TRIP_HIGHLIGHTS } from '../../core/highlights';
import { VIETNAM_TIME_ZONE } from '../../core/date-parse';
import type { Probe } from '../../sheets/pages/self-check';
import { buildOurRules, FORMULA_SEPARATOR_KEY, separatorOfLocale, withSeparator, type FormulaSeparator } from '../highlight-rules';
import { DAILY_HANDLER, deleteTriggers, PROBE_HANDLER } from '../schedule';
import { MANIFEST_SCOPES, OAUTH_SCOPES } from '../scopes';
import { PROPERTY_STORE_BYTES, PROPERTY_VALUE_BYTES, storeBytes, utf8Bytes } from '../settings-properties';
import { VIETNAM_LOCALE } from '../setup';
import { rememberTriggerDocument } from '../trigger-document';
import { selfCheckTexts as T } from './texts';
import { maxOf } from '../../core/arrays';

/**
 * The probes of "Kiểm tra môi trường": each checks, live in the user's spreadsheet, one platform behaviour the add-on
 * relies on that only Google's servers can confirm (docs/apps-script-assumptions.md), and says what to do if it fails.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const probe = (id: Probe['id'], title: string, ok: boolean | null, detail: string, advice = ''): Probe => ({
  id,
  title,
  ok,
  detail,
  advice: ok === false ? advice : '',
});

/** Runs a probe; what throws is that probe's failure, never the check's. */
export function safely(id: Probe['id'], title: string, advice: string, run: () => Probe): Probe {
  try {
    return run();
  } catch (error) {
    return probe(id, title, false, T.failed(error instanceof Error ? error.message : String(error)), advice);
  }
}

/** getAuthorizationInfo(authMode, oAuthScopes) and getAuthorizedScopes are newer than @types/google-apps-script. */
type AuthorizationInfo = GoogleAppsScript.Script.AuthorizationInfo & { getAuthorizedScopes?: () => string[] | null };
type ScriptAppWithScopes = { getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): AuthorizationInfo };

export function scopesProbe(): Probe {
  const info = (ScriptApp as unknown as ScriptAppWithScopes).getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...MANIFEST_SCOPES]);
  const granted = info.getAuthorizedScopes?.() ?? null;
  if (granted === null) {
    const ok = info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED;
    return probe('scopes', T.scopes.title, ok, ok ? T.scopes.ok(MANIFEST_SCOPES.length) : T.scopes.unknown, T.scopes.advice);
  }
  const missing = OAUTH_SCOPES.filter((s) => !granted.includes(s.scope));
  if (missing.length === 0) return probe('scopes', T.scopes.title, true, T.scopes.ok(MANIFEST_SCOPES.length));
  return probe('scopes', T.scopes.title, false, T.scopes.missing(missing.map((s) => s.purpose)), T.scopes.advice);
}

export function emailProbe(): Probe {
  const email = Session.getActiveUser().getEmail();
  return email ? probe('email', T.email.title, true, T.email.ok(email)) : probe('email', T.email.title, false, T.email.missing, T.email.advice);
}

export function localeProbe(spreadsheet: Spreadsheet): Probe {
  const locale = spreadsheet.getSpreadsheetLocale();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const ok = locale === VIETNAM_LOCALE && zone === VIETNAM_TIME_ZONE;
  return probe('locale', T.locale.title, ok, ok ? T.locale.ok : T.locale.wrong(locale, zone), T.locale.advice);
}

/**
 * Our colouring rules on a scratch tab: accepted (read back as written), and the row formula evaluated. A rule's
 * colour cannot be read back, but a filter's condition is the same BooleanCondition (Sheets API), and which rows it
 * hides can be: the separator that makes the formula hold is kept for our rules (highlight-rules.ts).
 */
export function rulesProbe(spreadsheet: Spreadsheet, sheet: Sheet): Probe {
  const title = T.rules.title;
  sheet.getRange(1, 1, 3, 2).setValues([
    ['Họ tên', 'Kết quả'],
    ['Người A', `${TRIP_HIGHLIGHTS[0]!.prefix}: thử`],
    ['Người B', 'Hợp lệ'],
  ]);
  const highlight = TRIP_HIGHLIGHTS[0]!;
  const guess = separatorOfLocale(spreadsheet.getSpreadsheetLocale());
  sheet.setConditionalFormatRules(buildOurRules(sheet, { statusColumn: 2, firstRow: 2, rules: [highlight], separator: guess, dataRows: 3 }));
  const back = sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition());
  const kinds = back.map((c) => (c ? String(c.getCriteriaType()) : ''));
  const expected = [String(SpreadsheetApp.BooleanCriteria.TEXT_STARTS_WITH), String(SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA)];
  if (kinds.join() !== expected.join()) return probe('rules', title, false, T.rules.notAccepted(kinds.join(', ') || '—'), T.rules.advice);

  const filter = sheet.getRange(1, 1, 3, 2).createFilter();
  const holds = (separator: FormulaSeparator) => {
    const formula = withSeparator(`=${highlightFormula(2, 2, highlight.prefix)}`, separator);
    filter.setColumnFilterCriteria(2, SpreadsheetApp.newFilterCriteria().whenFormulaSatisfied(formula).build());
    return !sheet.isRowHiddenByFilter(2) && sheet.isRowHiddenByFilter(3);
  };
  const other: FormulaSeparator = guess === ',' ? ';' : ',';
  const found = holds(guess) ? guess : holds(other) ? other : null;
  filter.remove();
  PropertiesService.getDocumentProperties().setProperty(FORMULA_SEPARATOR_KEY, found ?? 'none');
  if (found === null) return probe('rules', title, false, T.rules.noFormula, T.rules.advice);
  return probe('rules', title, true, found === guess ? T.rules.ok(found) : T.rules.okOther(found));
}

const METADATA_KEY = 'dicoso.self-check';

/** Our developer metadata written on a scratch column and found again; and whether a copy of the tab carries it. */
export function metadataProbe(spreadsheet: Spreadsheet, sheet: Sheet, nonce: string): Probe {
  sheet.getRange('B:B').addDeveloperMetadata(METADATA_KEY, nonce);
  const found = sheet
    .createDeveloperMetadataFinder()
    .withKey(METADATA_KEY)
    .find()
    .some((m) => m.getValue() === nonce && m.getLocation().getColumn()?.getColumn() === 2);
  if (!found) return probe('metadata', T.metadata.title, false, T.metadata.lost, T.metadata.advice);
  const copy = sheet.copyTo(spreadsheet);
  try {
    const carried = copy.createDeveloperMetadataFinder().withKey(METADATA_KEY).find().length > 0;
    return probe('metadata', T.metadata.title, true, T.metadata.ok + T.metadata.copies(carried));
  } finally {
    spreadsheet.deleteSheet(copy);
  }
}

/**
 * The trigger's context is confirmed a minute later, by a one-off trigger (trigger-probe.ts), or by the next daily
 * run when the schedule is installed: an add-on may hold one time-based trigger per user per document.
 */
export function triggerProbe(spreadsheet: Spreadsheet): Probe {
  const mine = ScriptApp.getUserTriggers(spreadsheet);
  if (mine.some((t) => t.getHandlerFunction() === DAILY_HANDLER)) return probe('trigger', T.trigger.title, null, T.trigger.daily);
  deleteTriggers(mine.filter((t) => t.getHandlerFunction() === PROBE_HANDLER));
  try {
    const trigger = ScriptApp.newTrigger(PROBE_HANDLER).timeBased().after(60_000).create();
    rememberTriggerDocument(trigger.getUniqueId(), spreadsheet);
  } catch (error) {
    return probe('trigger', T.trigger.title, false, T.trigger.cannot(error instanceof Error ? error.message : String(error)), T.trigger.cannotAdvice);
  }
  return probe('trigger', T.trigger.title, null, T.trigger.pending);
}

export function propertiesProbe(): Probe {
  const document = PropertiesService.getDocumentProperties().getProperties();
  const user = PropertiesService.getUserProperties().getProperties();
  const documentBytes = storeBytes(document);
  const largest = maxOf(Object.values(document).map(utf8Bytes), 0);
  const ok = documentBytes < PROPERTY_STORE_BYTES * 0.8 && largest <= PROPERTY_VALUE_BYTES;
  const detail = T.properties.ok(documentBytes, largest, storeBytes(user));
  return probe('properties', T.properties.title, ok, ok ? detail : `${T.properties.nearlyFull(documentBytes)} ${detail}`, T.properties.advice);
}

/** Fewer than this left today and a quarter's summaries for every Ban may not all go out. */
const LOW_QUOTA = 10;

export function mailProbe(): Probe {
  const remaining = MailApp.getRemainingDailyQuota();
  const ok = remaining >= LOW_QUOTA;
  return probe('mail', T.mail.title, ok, ok ? T.mail.ok(remaining) : T.mail.low(remaining), T.mail.advice);
}
