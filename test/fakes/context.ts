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

/** The OAuth scopes the fakes know, each with the services that need it (each service's reference page lists it). */
export const SCOPES = {
  /** This spreadsheet only: SpreadsheetApp.getActive… (Spreadsheet service reference, "Authorization"). */
  spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  /** Every spreadsheet the user can open: also SpreadsheetApp.openById/openByUrl. */
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  /** Menus, alerts, sidebars and dialogs (SpreadsheetApp.getUi). */
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  /** Session.getActiveUser()/getEffectiveUser(): without it getEmail() is '' (Session reference, "Authorization"). */
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);

/** Where the script lives: bound to the spreadsheet (Extensions › Apps Script), or an Editor add-on installed in it. */
export type Deployment = 'bound' | 'addon';

/** What a time-driven trigger's execution can reach of the document it was created in. */
export interface ClockTriggerContext {
  /** SpreadsheetApp.getActive() returns the spreadsheet (else null). */
  activeSpreadsheet: boolean;
  /** LockService.getDocumentLock() returns a lock (else null). */
  documentLock: boolean;
  /** PropertiesService.getDocumentProperties() returns the store (else null). */
  documentProperties: boolean;
}

/**
 * The fakes' model of a time-driven trigger's execution, per deployment. A bound script has its container. An Editor
 * add-on's trigger has no open document: getActive() returns null (public evidence: "A timed trigger will receive null
 * when it calls SpreadsheetApp.getActiveSpreadsheet() … you need to open the spreadsheet by URL or ID",
 * github.com/mogsdad/SheetConverter/issues/2), and getDocumentLock() is documented to return null "outside the context
 * of a containing document" (LockService reference), which the trigger is. getDocumentProperties() is documented to
 * be available whenever the script "is published and executing as an add-on" (PropertiesService reference).
 */
export const CLOCK_TRIGGER_CONTEXT: Record<Deployment, ClockTriggerContext> = {
  bound: { activeSpreadsheet: true, documentLock: true, documentProperties: true },
  addon: { activeSpreadsheet: false, documentLock: false, documentProperties: true },
};

/** A service call the granted scopes did not allow (or, for Session, an address withheld). */
export interface Refusal {
  method: string;
  /** Any one of these would have allowed it. */
  scopes: string[];
}

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
  /** The scopes the user granted (the manifest's, or fewer where the consent screen let them uncheck some). */
  scopes: ReadonlySet<string> = new Set(ALL_SCOPES);
  /** The scopes the manifest asks for (ScriptApp.getAuthorizationInfo compares the granted ones with these). */
  manifestScopes: readonly string[] = ALL_SCOPES;
  deployment: Deployment = 'addon';
  /** What a time-driven trigger's execution reaches (see CLOCK_TRIGGER_CONTEXT). */
  clockTriggerContext: ClockTriggerContext = CLOCK_TRIGGER_CONTEXT.addon;
  /** Set while a time-driven trigger's function runs (TriggerControl.advanceClock). */
  inClockTrigger = false;
  /**
   * The language of the platform's messages: Google shows them in the user's language. 'en' (default) keeps the
   * wording the fakes quote; 'vi' renders the ones that have a rendering (errors.ts).
   */
  errorLanguage: 'en' | 'vi' = 'en';
  /** Every call refused for a scope not granted, in order. */
  readonly refusals: Refusal[] = [];

  constructor(
    readonly clock: FakeClock = new FakeClock(),
    calls: CallCounter = new CallCounter(),
    authMode: AuthModeName = 'FULL',
  ) {
    this.calls = calls;
    this.authMode = authMode;
  }

  /** Whether this part of the document is reachable here: always, except in a time-driven trigger's execution. */
  reaches(part: keyof ClockTriggerContext): boolean {
    return !this.inClockTrigger || this.clockTriggerContext[part];
  }

  /** Refuses a call whose scope was not granted, as Apps Script does: "You do not have permission to call …". */
  requireScope(method: string, ...anyOf: string[]): void {
    if (anyOf.some((scope) => this.scopes.has(scope))) return;
    this.refusals.push({ method, scopes: anyOf });
    throw gasError(MESSAGES.permission(method, anyOf[0]!));
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
    if (mode !== 'NONE') this.requireScopeOf(method, need);
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

  private requireScopeOf(method: string, need: 'document' | 'storage' | 'mail' | 'triggers'): void {
    switch (need) {
      case 'document':
        return this.requireScope(method, SCOPES.spreadsheet, SCOPES.spreadsheets);
      case 'mail':
        return this.requireScope(method, SCOPES.mail);
      case 'triggers':
        return this.requireScope(method, SCOPES.triggers);
      case 'storage':
        // Properties and locks need no scope of their own.
        return;
    }
  }
}
