import { quarterOf, type CalendarDate, type Quarter } from '../core/calendar-date';
import { composeEmail, PROVINCE_WIDE } from '../core/email/compose';
import { buildFacts, type EmailFacts, type EmailInputs } from '../core/email/facts';
import { banSummarySend, CATCH_UP_DAYS, closedSends, planSends, provinceSummarySend, provinceSummarySends, type Send } from '../core/email/plan';
import { isEmailAddress, normalizeEmail } from '../core/email/recipients';
import { isSent, markSent, parseSentLog, recordFailure, serializeSentLog, type FailedRecipient, type SendFailure, type SentLog } from '../core/email/sent-log';
import { quarterlySummaryDate } from '../core/period';
import { provinceOf } from '../core/settings';
import { emailTexts } from '../core/email/texts';
import { isUserError, UserError } from '../core/user-error';
import { analyzeContext, storedSettings, type ServerContext } from './server-context';
import type { Analysis } from './workflow';
import { addressOf, deliver, MailRejected, mailTo, rejectionReason, type DailyRunOptions, type LogStore, type Mailer, type SentSummary } from './email-send';
import { pushAll } from '../core/arrays';

/**
 * The daily email run over two ports, free of Apps Script: a Mailer (MailApp in src/gas/mailer.ts, a recorder in
 * tests) and a LogStore (a DocumentProperties value in Sheets), both declared in email-send.ts with the steps of one
 * send. Analyse once, look back for windows that closed unnoticed, plan what is due today, check the quota first,
 * send the province-wide email first, write the sent-log right after each send. Nothing that will not go is dropped
 * without an entry in the log's failures.
 */

export const SENT_LOG_KEY = 'dicoso.email.sentLog.v1';

export interface DailyRunOutcome {
  date: CalendarDate;
  /** 'disabled': the schedule is off in Cài đặt; 'nothing-due': nothing to send today. */
  state: 'disabled' | 'nothing-due' | 'sent';
  sent: SentSummary[];
  /** Due sends left for the next run: the day's quota ran out, or the mail service kept failing. */
  deferred: number;
  /** Why sends were deferred (or, on their last day, not sent). */
  stoppedBy: 'quota' | 'service' | null;
  /** Failures of this run (also kept in the sent-log for Cài đặt). */
  failures: SendFailure[];
  warnings: string[];
}

/** Consecutive service errors after which a run stops sending (the mail service is down, not one message). */
export const MAX_SERVICE_ERRORS = 3;

export function emailInputsOf(analysis: Analysis): EmailInputs {
  return {
    settings: analysis.settings,
    policy: analysis.policy,
    year: analysis.year,
    today: analysis.today,
    province: provinceOf(analysis.settings),
    presetTitle: analysis.presetTitle,
    cadres: analysis.roster.cadres,
    trips: analysis.trips.trips,
    evaluation: analysis.evaluation,
    approvalsKept: analysis.trips.processColumns.approval,
  };
}

/** How the settings page names a send's recipient. */
function describe(send: Send): string {
  return send.ban === null ? `${PROVINCE_WIDE} <${send.to}>` : send.to ? `${send.ban} <${send.to}>` : send.ban;
}

function recipientOf(send: Send): FailedRecipient {
  return { target: send.target, name: describe(send) };
}

export function errorText(error: unknown): string {
  return isUserError(error) ? error.message : error instanceof Error ? error.message : String(error);
}

export interface UnsentOptions {
  /** Default: today is the item's last day. */
  final?: boolean;
  /** The recipient's address is the problem (none, malformed, refused). */
  address?: boolean;
}

/** Records that these sends did not go, one failure per item (the sends of one item share their window). */
export function recordUnsent(log: SentLog, today: CalendarDate, sends: readonly Send[], reason: string, options: UnsentOptions = {}): SendFailure[] {
  return byItem(sends).map((group) => {
    const first = group[0]!;
    const final = options.final ?? today >= first.lastDay;
    return recordFailure(log, { d: today, i: first.item, u: first.due, m: reason, final, address: options.address }, group.map(recipientOf));
  });
}

/**
 * Sends what is due today, once. A second run the same day finds everything in the log and sends nothing; a run cut
 * short (6-minute limit, an error) has logged each send as it went, so the next run sends only the rest. What will
 * not go is recorded with its reason: on an item's last day (a refusal, the quota, a crash) by this run, and a window
 * that closed while no run got through by the next run that does (closedSends).
 */
export function runDailySends(ctx: ServerContext, mailer: Mailer, logStore: LogStore, options: DailyRunOptions): DailyRunOutcome {
  const today = ctx.today;
  const stored = storedSettings(ctx);
  const outcome: DailyRunOutcome = { date: today, state: 'nothing-due', sent: [], deferred: 0, stoppedBy: null, failures: [], warnings: [] };
  if (stored.warning) outcome.warnings.push(stored.warning);
  if (!stored.settings.schedule.enabled) return { ...outcome, state: 'disabled' };
  const { analysis } = analyzeContext(ctx, { stored });
  const inputs = emailInputsOf(analysis);
  const facts = buildFacts(inputs);
  const parsed = parseSentLog(logStore.read(), analysis.year);
  if (parsed.warning) outcome.warnings.push(parsed.warning);
  const log = parsed.log;
  log.year = Math.max(log.year, analysis.year);
  const planInput = { today, settings: analysis.settings, policy: analysis.policy, year: analysis.year, facts, sentLog: log };

  const dirty = log.c !== today;
  pushAll(outcome.failures, recordClosedWindows(log, planInput));
  const plan = planSends(planInput);
  if (plan.length > 0) outcome.state = 'sent';
  const run = new DailyRun(today, log, logStore, outcome, dirty, Math.max(0, mailer.remainingQuota()));
  let next = 0;
  try {
    for (; next < plan.length; next++) run.send(plan[next]!, (send, to) => deliver(mailer, send, to, { inputs, facts }, options));
  } catch (error) {
    run.crashed(plan.slice(next), error);
    throw error;
  }
  run.finish();
  return outcome;
}

/**
 * The sends whose window closed while no run got through, recorded as not sent; the log then remembers today as the
 * day it last looked. Before the first run there is nothing to look back on: the schedule was not watching.
 */
function recordClosedWindows(log: SentLog, planInput: Parameters<typeof closedSends>[0]): SendFailure[] {
  const today = planInput.today;
  const since = (log.c as CalendarDate | undefined) ?? today;
  const failures: SendFailure[] = [];
  for (const missed of byItem(closedSends(planInput, since))) {
    const { due, lastDay } = missed[0]!;
    pushAll(failures, recordUnsent(log, today, missed, emailTexts.missedWindow(due, lastDay), { final: true }));
  }
  log.c = today;
  return failures;
}

/** One day's sending: the quota left, the mail service's health, the sends deferred, the log written after each send. */
class DailyRun {
  private serviceErrors = 0;
  private serviceDown = '';
  private readonly left: Send[] = [];

  constructor(
    private readonly today: CalendarDate,
    private readonly log: SentLog,
    private readonly logStore: LogStore,
    private readonly outcome: DailyRunOutcome,
    private dirty: boolean,
    private quota: number,
  ) {}

  /** One planned send: refused for its address, deferred (no quota, service down), or delivered and logged. */
  send(send: Send, deliverTo: (send: Send, to: string) => SentSummary): void {
    const recipient = addressOf(send);
    if ('problem' in recipient) return this.fail(send, recipient.problem, true);
    const { to } = recipient;
    if (this.quota < 1 || this.serviceDown) {
      this.left.push(send);
      return;
    }
    let sent: SentSummary;
    try {
      sent = deliverTo(send, to);
    } catch (error) {
      if (!(error instanceof MailRejected)) throw error;
      return this.rejected(send, to, error);
    }
    this.serviceErrors = 0;
    this.quota--;
    markSent(this.log, send.item, send.recipientKey, this.today, send.target);
    this.save();
    this.outcome.sent.push(sent);
  }

  /** The run ends here: what it has not sent is written down before the error goes on. */
  crashed(unsentPlan: readonly Send[], error: unknown): void {
    // Inside their window these sends go on the next run; on their last day they will not, and the settings page must
    // say so.
    const unsent = unsentPlan.filter((s) => !isSent(this.log, s.item, s.recipientKey));
    try {
      recordUnsent(this.log, this.today, unsent, emailTexts.crashed(errorText(error)));
      this.settleLeft();
      this.save();
    } catch {
      // The log cannot be written either (a killed execution): the next run finds these windows closed and says so.
    }
  }

  finish(): void {
    this.settleLeft();
    if (this.dirty) this.save();
  }

  private rejected(send: Send, to: string, error: MailRejected): void {
    if (error.kind === 'quota') {
      this.quota = 0;
      this.left.push(send);
      return;
    }
    this.serviceErrors = error.kind === 'service' ? this.serviceErrors + 1 : 0;
    if (this.serviceErrors >= MAX_SERVICE_ERRORS) this.serviceDown = error.message;
    this.fail(send, rejectionReason(error, to), error.kind === 'address');
  }

  private fail(send: Send, message: string, address = false): void {
    pushAll(this.outcome.failures, recordUnsent(this.log, this.today, [send], message, { address }));
    this.save();
  }

  private save(): void {
    this.logStore.write(serializeSentLog(this.log, this.today, CATCH_UP_DAYS));
    this.dirty = false;
  }

  /** Deferred sends go on the next run, except those whose last day is today: they are recorded as not sent. */
  private settleLeft(): void {
    const { today, left, outcome } = this;
    const lastChance = left.filter((s) => today >= s.lastDay);
    outcome.deferred = left.length - lastChance.length;
    outcome.stoppedBy = left.length === 0 ? null : this.serviceDown ? 'service' : 'quota';
    left.length = 0;
    if (lastChance.length === 0) return;
    const reason = this.serviceDown ? emailTexts.serviceDown(this.serviceDown) : emailTexts.quotaLost;
    pushAll(outcome.failures, recordUnsent(this.log, today, lastChance, reason, { final: true }));
    this.dirty = true;
  }
}

/** Sends grouped by item, in their order. */
function byItem(sends: readonly Send[]): Send[][] {
  const groups = new Map<string, Send[]>();
  for (const send of sends) groups.set(send.item, [...(groups.get(send.item) ?? []), send]);
  return [...groups.values()];
}

/**
 * The schedule is switched on: the look-back for missed windows starts today, so windows that closed while it was
 * off are not reported as missed. (Reinstalling a schedule that is already on keeps the look-back: a week when
 * Google had disabled the trigger must still be reported.)
 */
export function startWatch(logStore: LogStore, today: CalendarDate, year: number): void {
  const log = parseSentLog(logStore.read(), year).log;
  log.c = today;
  logStore.write(serializeSentLog(log, today, CATCH_UP_DAYS));
}

/** The sent-log for the settings page (failures to show). */
export function readSentLog(logStore: LogStore, year: number): SentLog {
  return parseSentLog(logStore.read(), year).log;
}

/**
 * "Gửi thử báo cáo quý": the current quarter's province-wide summary, to the person at the keyboard only, marked as
 * a test. Not written to the sent-log: the real emails still go on their day.
 */
export function sendTestSummary(ctx: ServerContext, mailer: Mailer, options: DailyRunOptions): SentSummary {
  const to = ctx.user.trim();
  if (!to || !isEmailAddress(to)) throw new UserError(emailTexts.noUser);
  const { analysis } = analyzeContext(ctx);
  const inputs = emailInputsOf(analysis);
  const quarter = quarterOf(ctx.today);
  const send: Send = { ...testSend(analysis, quarter), to, recipientKey: normalizeEmail(to) };
  const email = composeEmail(send, inputs, { spreadsheetUrl: options.spreadsheetUrl, test: true });
  if (mailer.remainingQuota() < 1) throw new UserError(emailTexts.noQuota);
  try {
    return mailTo(mailer, to, email);
  } catch (error) {
    if (error instanceof MailRejected) throw new UserError(rejectionReason(error, to));
    throw error;
  }
}

function testSend(analysis: Analysis, quarter: Quarter): Send {
  const due = quarterlySummaryDate(analysis.policy, analysis.year, quarter);
  return provinceSummarySend(analysis.year, quarter, due, '');
}

export interface PreviewEmail {
  /** The Ban, or null for the province-wide email. */
  ban: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** The quarter's summaries exactly as the daily run would send them: one per Ban (or the given one), plus BTC-KT's. */
export function previewSummaries(analysis: Analysis, quarter: Quarter, ban: string | null, options: DailyRunOptions): PreviewEmail[] {
  const inputs = emailInputsOf(analysis);
  const facts: EmailFacts = buildFacts(inputs);
  const due = quarterlySummaryDate(analysis.policy, analysis.year, quarter);
  const province = provinceSummarySends(analysis.settings, analysis.year, quarter, due)[0] ?? provinceSummarySend(analysis.year, quarter, due, '');
  const sends: Send[] = [province];
  for (const b of facts.bans) {
    if (ban !== null && b.ban !== ban) continue;
    sends.push(banSummarySend(analysis.year, quarter, due, b));
  }
  return sends.map((send) => {
    const email = composeEmail(send, inputs, options, facts);
    return { ban: send.ban, to: send.to, subject: email.subject, html: email.html, text: email.text };
  });
}
