import { CallCounter } from './calls';
import {
  ALL_SCOPES,
  type AuthModeName,
  CLOCK_TRIGGER_CONTEXT,
  type ClockTriggerContext,
  type Deployment,
  FakeClock,
  FakeContext,
  type Refusal,
} from './context';
import { wallTime } from './dates';
import { AuthModeEnum } from './enums';
import { fakeUsageError } from './errors';
import { FakeHtmlService } from './html';
import { LockControl, FakeLockService } from './lock';
import { FakeMailApp } from './mail';
import { FakeLogs, FakeSession, FakeUtilities, type SessionState } from './misc';
import { FakePropertiesService } from './properties';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { FakeScriptApp, type TriggerRecord, TriggerRegistry, type TriggerRun } from './triggers';
import { UiRecorder } from './ui';

export interface AppsScriptEnvironmentOptions {
  /** The open spreadsheet; default an empty one with the locale and time zone below. */
  spreadsheet?: FakeSpreadsheet;
  /** Default FULL. NONE: onOpen of an add-on not yet used in this file. */
  authMode?: AuthModeName | GoogleAppsScript.Script.AuthMode;
  /** Zone of a new spreadsheet (default 'America/New_York'); ignored when `spreadsheet` is given. */
  timeZone?: string;
  /** Locale of a new spreadsheet (default 'en_US'); ignored when `spreadsheet` is given. */
  locale?: string;
  /** appsscript.json timeZone, reported by Session.getScriptTimeZone(). Default 'Asia/Ho_Chi_Minh'. */
  scriptTimeZone?: string;
  /** Recipients MailApp may still send to today. Default 100 (consumer account). */
  mailQuota?: number;
  /** Default 200 KB (consumer account). */
  maxEmailBodyBytes?: number;
  /** The wall clock; Utilities.sleep, lock waits and trigger runs move the fake clock on from it. */
  now?: () => Date;
  /** The user running the script. Default 'user@example.com'. */
  user?: string;
  /** Session.getActiveUserLocale(). Default 'vi'. */
  userLocale?: string;
  /** The project's HTML files by name (without .html). */
  htmlFiles?: Record<string, string>;
  /**
   * 'addon' (default): an Editor add-on installed in the spreadsheet, with the add-on trigger rules (one time-based
   * trigger per user per document…) and a time-driven trigger that has no document. 'bound': a script bound to it.
   */
  deployment?: Deployment;
  /** What a time-driven trigger's execution reaches; default the deployment's (CLOCK_TRIGGER_CONTEXT). */
  clockTriggerContext?: Partial<ClockTriggerContext>;
  /** The OAuth scopes the user granted. Default: every scope the fakes know (ALL_SCOPES). */
  scopes?: readonly string[];
  /** The scopes appsscript.json asks for (what getAuthorizationInfo compares with). Default: `scopes`. */
  manifestScopes?: readonly string[];
  /** False for code run from a time-driven trigger or the script editor: getUi() throws. Default true. */
  uiAvailable?: boolean;
  /** Also print Logger/console lines on the host console. Default false (they are kept in env.logs). */
  echoLogs?: boolean;
  /** Shared counter, to count across several environments. */
  calls?: CallCounter;
}

/** What a script sees as globals. Usable with Object.assign(globalThis, …) and as a vm.createContext sandbox. */
export interface AppsScriptGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  MailApp: FakeMailApp;
  Session: FakeSession;
  Utilities: FakeUtilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
  [name: string]: unknown;
}

export interface TriggerControl {
  /** Every installable trigger of the project, all users. */
  list(): TriggerRecord[];
  /** The platform disabled it (the user lost access, too many failures…): it stays listed but never fires. */
  disable(id: string): void;
  /** The trigger vanished behind the add-on's back (deleted by the user in the triggers page, by Google…). */
  remove(id: string): void;
  /**
   * Moves the fake clock on by `ms`, running every time-driven trigger that falls due, in order, by calling the
   * global function it names (from `handlers`, else from `globals` — the vm sandbox's top-level functions land there)
   * in FULL mode without a UI. Errors are recorded in the run, as Google records failed executions.
   */
  advanceClock(ms: number, handlers?: Record<string, (e: unknown) => unknown>): TriggerRun[];
  /** Every trigger run so far. */
  runs: TriggerRun[];
}

export interface AppsScriptEnvironment {
  globals: AppsScriptGlobals;
  spreadsheet: FakeSpreadsheet;
  calls: CallCounter;
  context: FakeContext;
  clock: FakeClock;
  /** Menus, alerts, prompts, sidebars and dialogs; script the user's answers here. */
  ui: UiRecorder;
  mail: FakeMailApp;
  properties: FakePropertiesService;
  locks: LockControl;
  /** Shortcut for locks.holdLockElsewhere. */
  holdLockElsewhere: LockControl['holdLockElsewhere'];
  triggers: TriggerControl;
  logs: FakeLogs;
  session: SessionState;
  /** Every call refused for a scope the user did not grant (Session's withheld addresses included). */
  refusals: Refusal[];
  setAuthMode(mode: AuthModeName | GoogleAppsScript.Script.AuthMode): void;
  setUiAvailable(available: boolean): void;
  /** Another Google account uses the file from now on (Session, trigger ownership). */
  setUser(email: string): void;
  /** Hand out Dates made by this constructor (pass a vm context's Date so `instanceof Date` holds inside it). */
  useDateConstructor(ctor: DateConstructor): void;
}

function authModeName(mode: AuthModeName | GoogleAppsScript.Script.AuthMode): AuthModeName {
  const name = String(mode);
  if (!Object.keys(AuthModeEnum).includes(name)) throw fakeUsageError(`unknown auth mode ${name}`);
  return name as AuthModeName;
}

export function createAppsScriptEnvironment(options: AppsScriptEnvironmentOptions = {}): AppsScriptEnvironment {
  const clock = new FakeClock(options.now);
  const calls = options.calls ?? new CallCounter();
  const ctx = new FakeContext(clock, calls, authModeName(options.authMode ?? 'FULL'));
  ctx.uiAvailable = options.uiAvailable ?? true;
  ctx.deployment = options.deployment ?? 'addon';
  ctx.clockTriggerContext = { ...CLOCK_TRIGGER_CONTEXT[ctx.deployment], ...options.clockTriggerContext };
  ctx.scopes = new Set(options.scopes ?? ALL_SCOPES);
  ctx.manifestScopes = [...(options.manifestScopes ?? options.scopes ?? ALL_SCOPES)];
  const spreadsheet = options.spreadsheet ?? new FakeSpreadsheet({ locale: options.locale ?? 'en_US', timeZone: options.timeZone ?? 'America/New_York' });
  spreadsheet.ctx = ctx;

  const user = options.user ?? 'user@example.com';
  const session: SessionState = {
    activeUser: user,
    effectiveUser: user,
    userLocale: options.userLocale ?? 'vi',
    scriptTimeZone: options.scriptTimeZone ?? 'Asia/Ho_Chi_Minh',
  };
  const ui = new UiRecorder();
  const logs = new FakeLogs(ctx, options.echoLogs ?? false);
  const properties = new FakePropertiesService(ctx);
  const lockService = new FakeLockService(ctx);
  const locks = new LockControl(ctx, lockService);
  const mail = new FakeMailApp(ctx, { quota: options.mailQuota, maxBodyBytes: options.maxEmailBodyBytes });
  const registry = new TriggerRegistry(ctx, {
    user: () => session.effectiveUser,
    documentId: () => spreadsheet.id,
    scriptTimeZone: () => session.scriptTimeZone,
    addOn: ctx.deployment === 'addon',
  });

  const consoleFake = logs.makeConsole();
  const globals: AppsScriptGlobals = {
    SpreadsheetApp: new FakeSpreadsheetApp(ctx, () => spreadsheet, ui),
    HtmlService: new FakeHtmlService(ctx, options.htmlFiles ?? {}),
    PropertiesService: properties,
    LockService: lockService,
    ScriptApp: new FakeScriptApp(registry, 'fake-script-id'),
    MailApp: mail,
    Session: new FakeSession(ctx, session),
    Utilities: new FakeUtilities(ctx),
    Logger: logs.makeLogger(),
    console: { ...consoleFake, debug: consoleFake.log },
  };

  const triggers: TriggerControl = {
    runs: registry.runs,
    list: () => registry.all.slice(),
    disable(id) {
      const t = registry.all.find((r) => r.id === id);
      if (!t) throw fakeUsageError(`no trigger ${id}`);
      t.disabled = true;
    },
    remove(id) {
      const i = registry.all.findIndex((r) => r.id === id);
      if (i < 0) throw fakeUsageError(`no trigger ${id}`);
      registry.all.splice(i, 1);
    },
    advanceClock(ms, handlers) {
      const end = clock.nowMs() + ms;
      const done: TriggerRun[] = [];
      for (;;) {
        const now = clock.nowMs();
        let next: { t: TriggerRecord; at: number } | null = null;
        for (const t of registry.all) {
          if (t.eventType !== 'CLOCK') continue;
          const at = registry.nextFire(t, Math.max(now - 1, t.lastFired ?? -Infinity));
          if (at !== null && at <= end && (!next || at < next.at)) next = { t, at };
        }
        if (!next) break;
        clock.advanceTo(next.at);
        const { t } = next;
        t.lastFired = next.at;
        if (t.schedule?.afterMs !== undefined || t.schedule?.at !== undefined) t.spent = true;
        const fn = handlers?.[t.handler] ?? globals[t.handler];
        const run: TriggerRun = { id: t.id, handler: t.handler, at: ctx.now(), error: null };
        const saved = { mode: ctx.authMode, ui: ctx.uiAvailable, active: session.activeUser, effective: session.effectiveUser };
        ctx.authMode = 'FULL';
        ctx.uiAvailable = false;
        ctx.inClockTrigger = true;
        // "Installable triggers always run under the account of the person who created them" (Installable triggers).
        session.activeUser = t.user;
        session.effectiveUser = t.user;
        try {
          if (typeof fn !== 'function') throw new Error(`Script function not found: ${t.handler}`);
          const w = wallTime(next.at, 'UTC');
          fn({
            authMode: AuthModeEnum.FULL,
            triggerUid: t.id,
            year: w.year,
            month: w.month,
            'day-of-month': w.day,
            'day-of-week': w.weekday === 0 ? 7 : w.weekday,
            hour: w.hour,
            minute: w.minute,
            second: w.second,
            timezone: 'UTC',
          });
        } catch (e) {
          run.error = e instanceof Error ? e.message : String(e);
        } finally {
          // A killed execution ends with Google's error whatever the script's catch blocks tried.
          if (ctx.killed !== null) run.error = ctx.killed;
          ctx.authMode = saved.mode;
          ctx.uiAvailable = saved.ui;
          ctx.inClockTrigger = false;
          session.activeUser = saved.active;
          session.effectiveUser = saved.effective;
          locks.endExecution();
        }
        registry.runs.push(run);
        done.push(run);
      }
      clock.advanceTo(end);
      return done;
    },
  };

  return {
    globals,
    spreadsheet,
    calls,
    context: ctx,
    clock,
    ui,
    mail,
    properties,
    locks,
    holdLockElsewhere: locks.holdLockElsewhere.bind(locks),
    triggers,
    logs,
    session,
    refusals: ctx.refusals,
    setAuthMode(mode) {
      ctx.authMode = authModeName(mode);
    },
    setUiAvailable(available) {
      ctx.uiAvailable = available;
    },
    setUser(email) {
      session.activeUser = email;
      session.effectiveUser = email;
    },
    useDateConstructor(ctor) {
      ctx.DateCtor = ctor;
    },
  };
}
