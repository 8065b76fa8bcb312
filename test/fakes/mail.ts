import type { FakeContext } from './context';
import { gasError, MESSAGES } from './errors';

type Api = GoogleAppsScript.Mail.MailApp;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  /** Fake-clock time of sending. */
  at: Date;
}

export interface MailOptions {
  /** Recipients a day: 100 for a consumer account, 1,500 for Workspace. */
  quota?: number;
  /** Max body size in bytes: 200 KB consumer, 400 KB Workspace. */
  maxBodyBytes?: number;
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

function addresses(field: unknown): string[] {
  if (field === undefined || field === null || field === '') return [];
  return String(field)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const angle = /<([^>]+)>\s*$/.exec(s);
      return angle ? (angle[1] as string).trim() : s;
    });
}

type Message = GoogleAppsScript.Mail.MailAdvancedParameters;

/**
 * MailApp: a quota counted in recipients, Google's address and size checks, and an outbox instead of a network.
 * What Google throws, and where that wording was seen, is in errors.ts (MESSAGES.mailQuota, invalidEmail, …).
 * Tests can also script what a syntax check cannot show: an address Google refuses, an outage of the mail service,
 * and the execution being killed mid-send.
 */
export interface FakeMailApp extends Omit<Api, 'sendEmail' | 'getRemainingDailyQuota'> {}
export class FakeMailApp implements Pick<Api, 'sendEmail' | 'getRemainingDailyQuota'> {
  readonly outbox: SentMail[] = [];
  remaining: number;
  readonly maxBodyBytes: number;
  /**
   * Addresses Google refuses although they look valid (a mailbox it will not take): "Invalid email: <address>", the
   * address quoted as given, whatever words it holds ("quota.tg@…").
   */
  readonly refused = new Set<string>();
  /** sendEmail calls left that fail with the service's outage error. */
  private outageCalls = 0;
  /** sendEmail calls left before the execution is killed (the 6-minute limit); null: never. */
  private callsBeforeKill: number | null = null;

  constructor(
    private readonly ctx: FakeContext,
    options: MailOptions = {},
  ) {
    this.remaining = options.quota ?? 100;
    this.maxBodyBytes = options.maxBodyBytes ?? 200 * 1024;
  }

  /** The mail service fails ("Service error: Mail") for the next `calls` sendEmail calls. */
  outage(calls: number): void {
    this.outageCalls = calls;
  }

  /** Apps Script kills the execution during the sendEmail call after `sends` more calls (the 6-minute limit). */
  killExecutionAfter(sends: number): void {
    this.callsBeforeKill = sends;
  }

  getRemainingDailyQuota(): number {
    this.ctx.calls.record('MailApp.getRemainingDailyQuota');
    this.ctx.require('MailApp.getRemainingDailyQuota', 'mail');
    return this.remaining;
  }

  sendEmail(a: Message | string, subject?: string, body?: string, options?: Message | string): void {
    this.ctx.calls.record('MailApp.sendEmail');
    this.ctx.require('MailApp.sendEmail', 'mail');
    if (this.callsBeforeKill !== null && this.callsBeforeKill-- <= 0) {
      this.callsBeforeKill = null;
      this.ctx.killed = MESSAGES.executionTimeLimit;
      throw gasError(MESSAGES.executionTimeLimit);
    }
    if (this.outageCalls > 0) {
      this.outageCalls--;
      throw gasError(MESSAGES.mailServiceError);
    }
    let m: Message & Record<string, unknown>;
    if (typeof a === 'string' && typeof options === 'string') {
      // sendEmail(to, replyTo, subject, body)
      m = { to: a, replyTo: subject, subject: body, body: options };
    } else if (typeof a === 'string') {
      if (subject === undefined || body === undefined) {
        throw gasError(MESSAGES.signature('String', 'MailApp.sendEmail'));
      }
      m = { ...((options as Message | undefined) ?? {}), to: a, subject, body };
    } else if (a && typeof a === 'object') {
      m = a as Message & Record<string, unknown>;
    } else {
      throw gasError(MESSAGES.signature(typeof a, 'MailApp.sendEmail'));
    }
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw gasError(MESSAGES.noRecipient);
    for (const address of [...all, ...addresses(m.replyTo)]) {
      if (!EMAIL.test(address) || this.refused.has(address)) throw gasError(MESSAGES.invalidEmail(address));
    }
    if (all.length > 50) throw gasError(MESSAGES.tooManyRecipients);
    const size = Buffer.byteLength(String(m.body ?? ''), 'utf8') + Buffer.byteLength(String(m.htmlBody ?? ''), 'utf8');
    if (size > this.maxBodyBytes) throw gasError(MESSAGES.bodyTooLarge);
    if (all.length > this.remaining) throw gasError(MESSAGES.mailQuota);
    this.remaining -= all.length;
    this.outbox.push({
      to,
      cc,
      bcc,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody === undefined ? null : String(m.htmlBody),
      name: m.name === undefined ? null : String(m.name),
      replyTo: m.replyTo === undefined ? null : String(m.replyTo),
      noReply: Boolean(m.noReply),
      at: this.ctx.now(),
    });
  }
}
