/**
 * An error the person can act on: its message is Vietnamese and is shown as is (alert, stderr, sidebar).
 * Anything else thrown is a bug: logged in full, shown as a short apology.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError';
}
