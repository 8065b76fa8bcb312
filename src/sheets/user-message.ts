import { isUserError } from '../core/user-error';
import { pageTexts } from './pages/texts';

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}

/**
 * The one error translator, for the add-on's alerts, its pages and the preview: a UserError is shown as it is (its
 * message is Vietnamese and says what to do); anything else is a bug, logged in full with console.error and shown
 * as a short apology naming what the person was doing. A person never sees a stack trace.
 */
export function userMessage(error: unknown, action: string): string {
  if (isUserError(error)) return error.message;
  console.error(`[dicoso] ${action} failed: ${describe(error)}`);
  return pageTexts.unexpected(action);
}
