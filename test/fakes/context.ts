import { CallCounter } from './calls';
import { gasError, MESSAGES } from './errors';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** A clock the fakes share: the test's `now`, plus whatever Utilities.sleep, lock waits and trigger runs added. */
export class FakeClock {
  private offset = 0;
  constructor(private readonly base: () => Date = () => new Date()) {}
  nowMs(): number {
    return this.base().getTime() + this.offset;
  }
  advance(ms: number): void {
    if (ms > 0) this.offset += ms;
  }
  /** Moves the clock to an instant (never backwards). */
  advanceTo(ms: number): void {
    this.advance(ms - this.nowMs());
  }
}

/** Scopes as in appsscript.json. */
export const SCOPES = {
  spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
} as const;

/**
 * What every fake consults: the call counter, the clock, the authorization mode and whether a UI is attached.
 * One per environment; a FakeSpreadsheet made on its own gets a private one until an environment adopts it.
 */
export class FakeContext {
  readonly calls: CallCounter;
  authMode: AuthModeName;
  /** False when the code runs from a time-driven trigger or the script editor: no getUi(). */
  uiAvailable = true;
  /** The Date constructor handed-out dates are made with (a vm sandbox's own, so `instanceof Date` holds there). */
  DateCtor: DateConstructor = Date;
  /**
   * Set when Apps Script has killed the execution (the 6-minute limit): Google ends it without running its catch or
   * finally blocks, so every later service call of this execution fails here and nothing more reaches a service.
   * Cleared at the end of the execution (LockControl.endExecution).
   */
  killed: string | null = null;

  constructor(
    readonly clock: FakeClock = new FakeClock(),
    calls: CallCounter = new CallCounter(),
    authMode: AuthModeName = 'FULL',
  ) {
    this.calls = calls;
    this.authMode = authMode;
  }

  makeDate(ms: number): Date {
    return new this.DateCtor(ms);
  }

  now(): Date {
    return this.makeDate(this.clock.nowMs());
  }

  /**
   * Refuses a call the current mode does not allow. NONE: nothing that needs authorization (spreadsheet, properties,
   * locks, mail, triggers). LIMITED (simple triggers in a bound file or an enabled add-on): the open document, its
   * properties and locks, but no mail or triggers.
   */
  require(method: string, need: 'document' | 'storage' | 'mail' | 'triggers'): void {
    if (this.killed !== null) throw gasError(this.killed);
    const mode = this.authMode;
    if (mode === 'FULL') return;
    if (mode === 'CUSTOM_FUNCTION') {
      if (need === 'document') return;
      throw gasError(MESSAGES.permission(method, need === 'mail' ? SCOPES.mail : SCOPES.triggers));
    }
    if (mode === 'LIMITED' && (need === 'document' || need === 'storage')) return;
    switch (need) {
      case 'document':
        throw gasError(MESSAGES.permission(method, SCOPES.spreadsheet));
      case 'mail':
        throw gasError(MESSAGES.permission(method, SCOPES.mail));
      case 'triggers':
        throw gasError(MESSAGES.permission(method, SCOPES.triggers));
      case 'storage':
        throw gasError(MESSAGES.authorizationRequired);
    }
  }
}
