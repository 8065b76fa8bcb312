import vm from 'node:vm';
import { SETTINGS_KEY } from '../../src/sheets/settings-store';
import type { Settings } from '../../src/core/settings';
import { createAppsScriptEnvironment, FakeSpreadsheet, type AppsScriptEnvironment } from '../fakes';
import { buildOnce, VN } from '../gas/harness';
import { PEOPLE, provinceTabs } from './fixture';

/**
 * Code.js (the file clasp pushes) in a vm over the fakes, with a Date class that reads the fake clock: the daily
 * trigger's runs, moved on by env.triggers.advanceClock, see the day they run on.
 */
export interface ClockAddon {
  env: AppsScriptEnvironment;
  ss: FakeSpreadsheet;
  call(name: string, ...args: unknown[]): unknown;
  /**
   * Moves the fake clock on, firing the daily trigger into Code.js's dailyRun with a fresh day's mail quota (a number,
   * or one per day in Vietnam, "YYYY-MM-DD"); `beforeRun` can script that day's mail service first.
   */
  advance(ms: number, quotaPerDay?: number | ((day: string) => number), beforeRun?: (day: string) => void): void;
}

export function loadClockAddon(startMs: number, settings: Settings, people = PEOPLE): ClockAddon {
  const ss = FakeSpreadsheet.fromTabs(provinceTabs(people), VN);
  const scopes = buildOnce().manifest.oauthScopes;
  const env = createAppsScriptEnvironment({ spreadsheet: ss, now: () => new Date(startMs), user: 'quantri@tinhdoan.example.vn', scopes });
  const clock = env.clock;
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else super(...(args as [number]));
    }
    static override now(): number {
      return clock.nowMs();
    }
  }
  const DateCtor = ClockDate as unknown as DateConstructor;
  const context = vm.createContext({ ...env.globals, Date: DateCtor });
  vm.runInContext(buildOnce().code, context, { filename: 'Code.js' });
  env.useDateConstructor(DateCtor);
  env.properties.document.write([[SETTINGS_KEY, JSON.stringify(settings)]]);
  const call = (name: string, ...args: unknown[]) => {
    const fn = context[name] as unknown;
    if (typeof fn !== 'function') throw new Error(`Code.js has no function ${name}`);
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      env.locks.endExecution();
    }
  };
  return {
    env,
    ss,
    call,
    advance(ms, quotaPerDay = 100, beforeRun) {
      env.triggers.advanceClock(ms, {
        dailyRun: (e) => {
          const day = vnDay(new Date(clock.nowMs()));
          env.mail.remaining = typeof quotaPerDay === 'number' ? quotaPerDay : quotaPerDay(day);
          beforeRun?.(day);
          return (context.dailyRun as (e: unknown) => unknown)(e);
        },
      });
    },
  };
}

/** The calendar date in Vietnam of an instant. */
export function vnDay(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
