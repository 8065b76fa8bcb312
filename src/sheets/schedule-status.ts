/**
 * What the settings page shows about the daily email schedule. The Apps Script side (src/gas/schedule.ts,
 * email-entry.ts) fills it in; the page and the preview only read it. Plain JSON: dates are ISO strings.
 */

export interface RunRecord {
  /** ISO instant. */
  at: string;
  ok: boolean;
  /** A Vietnamese sentence: what was sent, deferred, or what went wrong. */
  message: string;
  /** Runs in a row that ended in an error (0 after a good run). */
  failedRuns: number;
}

export type ScheduleProblem = 'missing' | 'stale' | 'failing' | 'left-over' | null;

export interface TriggerState {
  /** The schedule is on in Cài đặt. */
  enabled: boolean;
  /** The current user's trigger exists. */
  installed: boolean;
  installedBy: string;
  installedAt: string;
  lastRun: RunRecord | null;
  problem: ScheduleProblem;
  /** What the settings page says about the schedule, in Vietnamese. */
  message: string;
  offerReinstall: boolean;
}

export interface ScheduleFailure {
  /** ISO date. */
  date: string;
  /** Who it was for. */
  to: string;
  message: string;
}

export interface ScheduleStatus extends TriggerState {
  /** The recent send failures, newest first. */
  failures: ScheduleFailure[];
}
