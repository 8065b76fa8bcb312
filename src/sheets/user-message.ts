import { hash53 } from '../core/hash';
import { isUserError } from '../core/user-error';
import { pageTexts } from './pages/texts';

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}

/**
 * Apps Script's own failures are English sentences ("Authorization is required to perform that action.", "Service
 * Spreadsheets timed out while accessing document with id …", "ScriptError", "NetworkError: Connection failure due
 * to HTTP 0"): each family, with what a person can do about it. Order matters: the first match wins.
 */
const PLATFORM_ERRORS: readonly [RegExp, Exclude<keyof typeof pageTexts.platform, 'other'>][] = [
  // A daily quota ("Service invoked too many times for one day: email.", "Service using too much computer time for
  // one day"): quotas reset 24 hours after the first request (developers.google.com/apps-script/guides/services/quotas),
  // so trying again in a minute cannot help.
  [/too many times for one day|too much computer time for one day|quota (?:exceeded|limit)|daily (?:quota|limit)/i, 'quota'],
  [/authori[sz]ation is required|requires authori[sz]ation|access not granted|not authori[sz]ed/i, 'authorize'],
  // A scope the add-on was not granted ("You do not have permission to call ScriptApp.newTrigger. Required
  // permissions: https://www.googleapis.com/auth/script.scriptapp"): the person's consent is missing, not edit rights.
  [/permission to call |required permissions?:/i, 'authorize'],
  [/you do not have permission|don't have permission|permission denied|access denied/i, 'permission'],
  [/exceeded maximum execution time/i, 'timeLimit'],
  [/script function not found/i, 'reload'],
  [
    /timed out|timeout|service error|service unavailable|server error|internal error|too many simultaneous|invoked too many times|try again later|could not obtain lock|rate limit/i,
    'retry',
  ],
  [/scripterror|network ?error|failed to fetch|connection failure|http 0|net::|load failed|offline/i, 'connection'],
];

/**
 * A short code for a failure nobody foresaw ("G-4K7QZ"): the person reads it out to whoever looks after the add-on,
 * who finds the English text logged beside it, instead of reading the English themselves.
 */
export function errorCode(raw: string): string {
  let n = hash53(raw.trim());
  let code = '';
  for (let i = 0; i < 5; i++, n = Math.floor(n / 32)) code = CODE_LETTERS[n % 32]! + code;
  return `G-${code}`;
}

/** Crockford's base 32: no I, L, O or U, so a code read out over the phone is not misheard. */
const CODE_LETTERS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The Vietnamese sentence for one of Apps Script's platform failures; null when the text is not one of them. */
export function platformMessage(raw: string): string | null {
  const found = PLATFORM_ERRORS.find(([pattern]) => pattern.test(raw));
  return found ? pageTexts.platform[found[1]] : null;
}

/**
 * The one error translator, for the add-on's alerts, its pages and the preview: a UserError is shown as it is (its
 * message is Vietnamese and says what to do); one of Apps Script's platform failures (a time-out, a busy service) as
 * what to do about it; anything else is a bug, logged in full with console.error and shown as a short apology naming
 * what the person was doing. A person never sees a stack trace.
 */
export function userMessage(error: unknown, action: string): string {
  if (isUserError(error)) return error.message;
  const platform = error instanceof Error ? platformMessage(error.message) : null;
  if (platform) {
    console.warn(`[dicoso] ${action}: ${describe(error)}`);
    return platform;
  }
  const code = errorCode(error instanceof Error ? error.message : String(error));
  console.error(`[dicoso] ${action} failed (${code}): ${describe(error)}`);
  return pageTexts.unexpected(action, code);
}
