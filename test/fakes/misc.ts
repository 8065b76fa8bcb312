import { randomUUID } from 'node:crypto';
import { type FakeContext, SCOPES } from './context';
import { formatSimpleDate, isDateObject, isValidTimeZone } from './dates';
import { gasError, MESSAGES } from './errors';

type SessionApi = GoogleAppsScript.Base.Session;
type SessionImplemented = 'getActiveUser' | 'getActiveUserLocale' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey';

export interface SessionState {
  /** The person at the keyboard; '' when Google withholds it (other domain, simple trigger). */
  activeUser: string;
  /** Whose authority the script runs with (the installer for triggers). */
  effectiveUser: string;
  /** The user's language, as Session reports it ('vi', 'en'…). */
  userLocale: string;
  /** appsscript.json timeZone. */
  scriptTimeZone: string;
}

/**
 * A user whose address reads as '' without the userinfo.email scope: both Session methods need it (Session reference,
 * "Authorization"), and User.getEmail() "returns a blank string" when the address is not available (User reference).
 */
function user(ctx: FakeContext, method: string, email: string): GoogleAppsScript.Base.User {
  const readable = () => {
    if (ctx.scopes.has(SCOPES.email)) return email;
    ctx.refusals.push({ method: `${method}().getEmail`, scopes: [SCOPES.email] });
    return '';
  };
  return { getEmail: readable, getUserLoginId: readable };
}

export interface FakeSession extends Omit<SessionApi, SessionImplemented> {}
export class FakeSession implements Pick<SessionApi, SessionImplemented> {
  constructor(
    private readonly ctx: FakeContext,
    readonly state: SessionState,
  ) {}
  getActiveUser(): GoogleAppsScript.Base.User {
    this.ctx.calls.record('Session.getActiveUser');
    return user(this.ctx, 'Session.getActiveUser', this.state.activeUser);
  }
  getActiveUserLocale(): string {
    this.ctx.calls.record('Session.getActiveUserLocale');
    return this.state.userLocale;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.ctx.calls.record('Session.getEffectiveUser');
    return user(this.ctx, 'Session.getEffectiveUser', this.state.effectiveUser);
  }
  getScriptTimeZone(): string {
    this.ctx.calls.record('Session.getScriptTimeZone');
    return this.state.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    this.ctx.calls.record('Session.getTemporaryActiveUserKey');
    return `temp-key-${Buffer.from(this.state.activeUser).toString('hex').slice(0, 16)}`;
  }
}

type UtilitiesApi = GoogleAppsScript.Utilities.Utilities;
type UtilitiesImplemented = 'formatDate' | 'getUuid' | 'sleep' | 'formatString';

export interface FakeUtilities extends Omit<UtilitiesApi, UtilitiesImplemented> {}
export class FakeUtilities implements Pick<UtilitiesApi, UtilitiesImplemented> {
  constructor(private readonly ctx: FakeContext) {}
  /** Java SimpleDateFormat in the given zone (an unknown zone id formats in GMT, as Java does). */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.ctx.calls.record('Utilities.formatDate');
    if (!isDateObject(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw gasError(MESSAGES.signature([date, timeZone, format].map((x) => (isDateObject(x) ? 'Date' : typeof x)).join(','), 'Utilities.formatDate'));
    }
    if (Number.isNaN(date.getTime())) throw gasError(MESSAGES.invalidArgument('date'));
    const zone = isValidTimeZone(timeZone) ? timeZone : 'GMT';
    try {
      return formatSimpleDate(date.getTime(), zone, format);
    } catch (e) {
      throw gasError(MESSAGES.invalidArgument(`format: ${(e as Error).message}`));
    }
  }
  formatString(template: string, ...args: any[]): string {
    this.ctx.calls.record('Utilities.formatString');
    let i = 0;
    return template.replace(/%[sd%]/g, (m) => (m === '%%' ? '%' : String(args[i++])));
  }
  getUuid(): string {
    this.ctx.calls.record('Utilities.getUuid');
    return randomUUID();
  }
  /** Advances the fake clock instead of waiting. */
  sleep(milliseconds: number): void {
    this.ctx.calls.record('Utilities.sleep');
    if (typeof milliseconds !== 'number') throw gasError(MESSAGES.signature(typeof milliseconds, 'Utilities.sleep'));
    // Documented maximum: 300000 ms.
    if (milliseconds > 300_000) throw gasError(MESSAGES.invalidArgument('milliseconds'));
    this.ctx.clock.advance(milliseconds);
  }
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  source: 'Logger' | 'console';
  message: string;
}

function render(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}` : (JSON.stringify(a) ?? String(a)))).join(' ');
}

/** Logger and console: every line is kept in `entries`; with `echo`, also printed by the host console. */
export class FakeLogs {
  readonly entries: LogEntry[] = [];
  constructor(
    private readonly ctx: FakeContext,
    private readonly echo: boolean,
  ) {}

  private add(level: LogEntry['level'], source: LogEntry['source'], args: unknown[]): void {
    const message = render(args);
    this.entries.push({ level, source, message });
    if (this.echo) globalThis.console[level](`[${source}] ${message}`);
  }

  text(): string {
    return this.entries.map((e) => e.message).join('\n');
  }

  makeLogger(): GoogleAppsScript.Base.Logger {
    const logs = this;
    const logger: GoogleAppsScript.Base.Logger = {
      clear() {
        logs.ctx.calls.record('Logger.clear');
        logs.entries.length = 0;
      },
      getLog() {
        logs.ctx.calls.record('Logger.getLog');
        return logs.entries
          .filter((e) => e.source === 'Logger')
          .map((e) => e.message)
          .join('\n');
      },
      log(data: any, ...values: any[]) {
        logs.ctx.calls.record('Logger.log');
        const message = typeof data === 'string' && values.length > 0 ? data.replace(/%s|%d/g, () => String(values.shift())) : render([data]);
        logs.add('log', 'Logger', [message]);
        return logger;
      },
    };
    return logger;
  }

  makeConsole(): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
    return {
      log: (...args: unknown[]) => this.add('log', 'console', args),
      info: (...args: unknown[]) => this.add('info', 'console', args),
      warn: (...args: unknown[]) => this.add('warn', 'console', args),
      error: (...args: unknown[]) => this.add('error', 'console', args),
    };
  }
}
