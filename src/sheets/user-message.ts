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
  [/authori[sz]ation is required|requires authori[sz]ation|access not granted|not authori[sz]ed/i, 'authorize'],
  [/you do not have permission|don't have permission|permission denied|access denied/i, 'permission'],
  [/exceeded maximum execution time/i, 'timeLimit'],
  [/script function not found/i, 'reload'],
  [
    /timed out|timeout|service error|service unavailable|server error|internal error|too many simultaneous|invoked too many times|try again later|could not obtain lock|rate limit/i,
    'retry',
  ],
  [/scripterror|network ?error|failed to fetch|connection failure|http 0|net::|load failed|offline/i, 'connection'],
];

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
  console.error(`[dicoso] ${action} failed: ${describe(error)}`);
  return pageTexts.unexpected(action);
}
