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

/** What is wrong with the schedule; 'unsent': it runs, but some emails did not go and will not by themselves. */
export type ScheduleProblem = 'missing' | 'stale' | 'failing' | 'left-over' | 'unsent' | null;

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

/** Emails of one item that did not go, for one reason. */
export interface ScheduleFailure {
  /** ISO date it was recorded. */
  date: string;
  /** What: "Thư tổng hợp quý II năm 2023 toàn tỉnh", "Thư nhắc hạn … (hạn 20/06/2023)". */
  what: string;
  /** Who it was for, the first few: a Ban or person and the address, when one was known. */
  to: { name: string; address: string }[];
  /** How many more it was for, beyond those named. */
  more: number;
  /** The sent-log's key of this entry: what "Bỏ khỏi danh sách" names. */
  key: { item: string; recipients: string };
  /** How many emails. */
  count: number;
  /** ISO date the email was due to go; '' when unknown. */
  due: string;
  /** Why it did not go, in Vietnamese. */
  message: string;
  /** The daily run will not try again: the item's catch-up window has closed. */
  final: boolean;
  /** "Gửi bù" can send it now (a quarterly summary of the current year). */
  resendable: boolean;
  /** The address is the problem (none, malformed, refused): fix it before "Gửi bù". */
  needsAddress: boolean;
  /** Nothing will ever send it (final, not resendable): the person may take it off the list. */
  dismissable: boolean;
}

export interface ScheduleStatus extends TriggerState {
  /** Emails that did not go, newest first: those the next run retries, and those it will not. */
  failures: ScheduleFailure[];
  /** How many emails "Gửi bù" would try to send now. */
  resendable: number;
  /** What the settings leave unsent before anything fails (no address for the province summary), in Vietnamese. */
  gaps: string[];
}

/** The answer to "Gửi bù": what went, in a sentence, and the schedule's state after it. */
export interface ResendResult {
  sent: { to: string; subject: string }[];
  message: string;
  status: ScheduleStatus;
}
