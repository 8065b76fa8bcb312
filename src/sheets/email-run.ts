import { dayNumber, quarterOf, yearOf, type CalendarDate, type Quarter } from '../core/calendar-date';
import { composeEmail, PROVINCE_WIDE } from '../core/email/compose';
import { buildFacts, type EmailFacts, type EmailInputs } from '../core/email/facts';
import { CATCH_UP_DAYS, planSends, provinceSummarySends, type Send } from '../core/email/plan';
import { isEmailAddress, normalizeEmail } from '../core/email/recipients';
import { markSent, parseSentLog, recordFailure, serializeSentLog, type SendFailure, type SentLog } from '../core/email/sent-log';
import { quarterlyReportDate } from '../core/period';
import { provinceOf } from '../core/settings';
import { UserError } from '../core/user-error';
import type { ServerContext } from './server-context';
import { loadSettings } from './settings-store';
import { analyze, type Analysis } from './workflow';

/**
 * The daily email run over two ports, free of Apps Script: a Mailer (MailApp in src/gas/mailer.ts, a recorder in
 * tests) and a LogStore (a DocumentProperties value in Sheets). Analyse once, plan what is due today, check the
 * quota first, send the province-wide email first, write the sent-log right after each send.
 */

export interface OutgoingMessage {
  to: string;
  subject: string;
  htmlBody: string;
  /** The plain-text alternative. */
  body: string;
  /** The sender's display name. */
  name: string;
}

export interface Mailer {
  /** Recipients the account may still send to today (MailApp.getRemainingDailyQuota). */
  remainingQuota(): number;
  /**
   * Sends one message. Throws MailRejected when this message cannot go (bad address, too large, quota) and the run
   * should go on; anything else thrown interrupts the run (what was sent is already in the log).
   */
  send(message: OutgoingMessage): void;
}

export class MailRejected extends Error {
  constructor(
    message: string,
    /** The daily quota ran out: stop sending, defer the rest. */
    readonly quotaExhausted = false,
  ) {
    super(message);
    this.name = 'MailRejected';
  }
}

/** Where the sent-log lives: one string value (DocumentProperties in Sheets). */
export interface LogStore {
  read(): string | null;
  write(json: string): void;
}

export class MemoryLogStore implements LogStore {
  writes = 0;
  constructor(public value: string | null = null) {}
  read(): string | null {
    return this.value;
  }
  write(json: string): void {
    this.writes++;
    this.value = json;
  }
}

export const SENDER_NAME = 'Tiện ích 1+2 Tỉnh đoàn';
export const SENT_LOG_KEY = 'dicoso.email.sentLog.v1';

export interface DailyRunOptions {
  /** Linked at the end of every email. */
  spreadsheetUrl: string | null;
}

export interface SentSummary {
  to: string;
  subject: string;
}

export interface DailyRunOutcome {
  date: CalendarDate;
  /** 'disabled': the schedule is off in Cài đặt; 'nothing-due': nothing to send today. */
  state: 'disabled' | 'nothing-due' | 'sent';
  sent: SentSummary[];
  /** Due sends left for the next run because the day's quota ran out. */
  deferred: number;
  /** Failures of this run (also kept in the sent-log for Cài đặt). */
  failures: SendFailure[];
  warnings: string[];
}

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
  };
}

export const say = {
  noLeaderAddress: (ban: string) => `${ban} chưa có email lãnh đạo: thêm ở cột Email của tab Cán bộ hoặc trong Cài đặt.`,
  badAddress: (address: string) => `Địa chỉ email “${address}” không hợp lệ nên thư không được gửi.`,
  quotaLost: (subject: string) => `Không gửi được “${subject}”: hết hạn mức gửi email trong ${CATCH_UP_DAYS + 1} ngày liền.`,
  rejected: (message: string) => `Không gửi được: ${message}`,
  noUser: 'Không xác định được email của anh/chị (tài khoản khác miền hoặc chưa cấp quyền), nên chưa gửi thử được.',
  noQuota: 'Tài khoản đã hết hạn mức gửi email hôm nay; hãy gửi thử lại vào ngày mai.',
};

function describe(send: Send): string {
  return send.ban === null ? `${PROVINCE_WIDE} <${send.to}>` : send.to ? `${send.ban} <${send.to}>` : send.ban;
}

/**
 * Sends what is due today, once. A second run the same day finds everything in the log and sends nothing; a run cut
 * short (6-minute limit, an error) has logged each send as it went, so the next run sends only the rest.
 */
export function runDailySends(ctx: ServerContext, mailer: Mailer, logStore: LogStore, options: DailyRunOptions): DailyRunOutcome {
  const stored = loadSettings(ctx.settings, yearOf(ctx.today));
  const outcome: DailyRunOutcome = { date: ctx.today, state: 'nothing-due', sent: [], deferred: 0, failures: [], warnings: [] };
  if (stored.warning) outcome.warnings.push(stored.warning);
  if (!stored.settings.schedule.enabled) return { ...outcome, state: 'disabled' };
  const analysis = analyze(ctx.workbook, { settings: stored.settings, today: ctx.today });
  const inputs = emailInputsOf(analysis);
  const facts = buildFacts(inputs);
  const parsed = parseSentLog(logStore.read(), analysis.year);
  if (parsed.warning) outcome.warnings.push(parsed.warning);
  const log = parsed.log;
  log.year = Math.max(log.year, analysis.year);
  const plan = planSends({ today: ctx.today, settings: analysis.settings, policy: analysis.policy, year: analysis.year, facts, sentLog: log });
  if (plan.length === 0) return outcome;
  outcome.state = 'sent';

  const save = () => logStore.write(serializeSentLog(log, ctx.today, CATCH_UP_DAYS));
  const fail = (send: Send, message: string) => {
    const failure = { d: ctx.today, i: send.item, to: describe(send), m: message };
    recordFailure(log, failure, send.recipientKey);
    outcome.failures.push({ ...failure, h: '' });
    save();
  };
  let quota = Math.max(0, mailer.remainingQuota());
  for (const send of plan) {
    if (!send.to) {
      fail(send, say.noLeaderAddress(send.ban ?? PROVINCE_WIDE));
      continue;
    }
    if (!isEmailAddress(send.to.trim())) {
      fail(send, say.badAddress(send.to));
      continue;
    }
    const email = composeEmail(send, inputs, { spreadsheetUrl: options.spreadsheetUrl }, facts);
    if (quota < 1) {
      outcome.deferred++;
      // The last day of its window: it will not be planned again, so say it was lost rather than drop it silently.
      if (dayNumber(ctx.today) - dayNumber(send.due) >= CATCH_UP_DAYS) fail(send, say.quotaLost(email.subject));
      continue;
    }
    try {
      mailer.send({ to: send.to.trim(), subject: email.subject, htmlBody: email.html, body: email.text, name: SENDER_NAME });
    } catch (error) {
      if (!(error instanceof MailRejected)) throw error;
      if (error.quotaExhausted) {
        quota = 0;
        outcome.deferred++;
      } else fail(send, say.rejected(error.message));
      continue;
    }
    quota--;
    markSent(log, send.item, send.recipientKey, ctx.today);
    save();
    outcome.sent.push({ to: send.to.trim(), subject: email.subject });
  }
  return outcome;
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
  if (!to || !isEmailAddress(to)) throw new UserError(say.noUser);
  const stored = loadSettings(ctx.settings, yearOf(ctx.today));
  const analysis = analyze(ctx.workbook, { settings: stored.settings, today: ctx.today });
  const inputs = emailInputsOf(analysis);
  const quarter = quarterOf(ctx.today);
  const send: Send = { ...testSend(analysis, quarter), to, recipientKey: normalizeEmail(to) };
  const email = composeEmail(send, inputs, { spreadsheetUrl: options.spreadsheetUrl, test: true });
  if (mailer.remainingQuota() < 1) throw new UserError(say.noQuota);
  try {
    mailer.send({ to, subject: email.subject, htmlBody: email.html, body: email.text, name: SENDER_NAME });
  } catch (error) {
    if (error instanceof MailRejected) throw new UserError(error.quotaExhausted ? say.noQuota : say.rejected(error.message));
    throw error;
  }
  return { to, subject: email.subject };
}

function testSend(analysis: Analysis, quarter: Quarter): Send {
  const due = quarterlyReportDate(analysis.policy, analysis.year, quarter);
  return provinceSend(analysis.year, quarter, due, '');
}

function provinceSend(year: number, quarter: Quarter, due: CalendarDate, to: string): Send {
  return { kind: 'province-summary', item: `p${year}-${quarter}`, recipientKey: normalizeEmail(to), due, quarter, deadline: null, ban: null, to, toName: '', missing: null };
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
  const due = quarterlyReportDate(analysis.policy, analysis.year, quarter);
  const province = provinceSummarySends(analysis.settings, analysis.year, quarter, due)[0] ?? provinceSend(analysis.year, quarter, due, '');
  const sends: Send[] = [province];
  for (const b of facts.bans) {
    if (ban !== null && b.ban !== ban) continue;
    sends.push({ kind: 'ban-summary', item: `q${analysis.year}-${quarter}`, recipientKey: b.key, due, quarter, deadline: null, ban: b.ban, to: b.leader.email, toName: b.leader.name, missing: null });
  }
  return sends.map((send) => {
    const email = composeEmail(send, inputs, options, facts);
    return { ban: send.ban, to: send.to, subject: email.subject, html: email.html, text: email.text };
  });
}
