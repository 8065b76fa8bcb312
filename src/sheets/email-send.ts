import { composeEmail, PROVINCE_WIDE, type ComposedEmail } from '../core/email/compose';
import type { EmailFacts, EmailInputs } from '../core/email/facts';
import type { Send } from '../core/email/plan';
import { isEmailAddress } from '../core/email/recipients';
import { emailTexts } from '../core/email/texts';
import { errorCode } from './user-message';

/**
 * Sending one email, the steps every sender shares (the daily run, "Gửi bù", "Gửi thử"): the two ports the sending
 * goes through, a Mailer (MailApp in src/gas/mailer.ts, a recorder in tests) and a LogStore for the sent-log (a
 * DocumentProperties value in Sheets), and the steps of one send: is there an address to send to, compose, hand it
 * to the mailer, and in what words a refusal is recorded. What to do after a refusal (defer, record, stop) is each
 * sender's own.
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
   * Sends one message. Throws MailRejected when the mail service refuses it: 'quota' ends the day's sending, any
   * other kind concerns this message (or a service hiccup) and the run goes on. Anything else thrown interrupts the
   * run (what was sent is already in the log).
   */
  send(message: OutgoingMessage): void;
}

/**
 * Why the mail service refused a message, decided by the adapter from the kind of error and the remaining quota,
 * never from text that may hold the address:
 * - quota: the day's quota is used up; nothing more goes today.
 * - address: the service does not accept this recipient.
 * - too-large: the message is over the body size limit.
 * - refused: another refusal of this message (too many recipients, no recipient).
 * - service: anything else (the service failed); the message is tried again on the next run.
 */
export type RejectionKind = 'quota' | 'address' | 'too-large' | 'refused' | 'service';

export class MailRejected extends Error {
  constructor(
    readonly kind: RejectionKind,
    /** The service's message with the recipient's address taken out. */
    detail: string,
  ) {
    super(detail);
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

export interface DailyRunOptions {
  /** Linked at the end of every email. */
  spreadsheetUrl: string | null;
}

export interface SentSummary {
  to: string;
  subject: string;
}

/** Where a send goes: its address, or why it cannot go (no address, or one that is not an address). */
export type Address = { to: string } | { problem: string };

export function addressOf(send: Send): Address {
  if (!send.to) return { problem: emailTexts.noLeaderAddress(send.ban ?? PROVINCE_WIDE) };
  const to = send.to.trim();
  return isEmailAddress(to) ? { to } : { problem: emailTexts.badAddress(send.to) };
}

/** Hands a composed email to the mailer, from the add-on's sender name. Throws MailRejected as the mailer does. */
export function mailTo(mailer: Mailer, to: string, email: ComposedEmail): SentSummary {
  mailer.send({ to, subject: email.subject, htmlBody: email.html, body: email.text, name: emailTexts.senderName });
  return { to, subject: email.subject };
}

/** Composes a planned send's email and mails it to `to` (its checked address). Throws MailRejected as the mailer does. */
export function deliver(mailer: Mailer, send: Send, to: string, content: { inputs: EmailInputs; facts: EmailFacts }, options: DailyRunOptions): SentSummary {
  return mailTo(mailer, to, composeEmail(send, content.inputs, { spreadsheetUrl: options.spreadsheetUrl }, content.facts));
}

/** The Vietnamese reason for a refusal; the address shown is ours, never read back from the service's text. */
export function rejectionReason(error: MailRejected, address: string): string {
  switch (error.kind) {
    case 'quota':
      return emailTexts.noQuota;
    case 'address':
      return emailTexts.refusedAddress(address);
    case 'too-large':
      return emailTexts.tooLarge;
    case 'refused':
      return emailTexts.rejected(loggedCode(error));
    case 'service':
      return emailTexts.serviceError(loggedCode(error));
  }
}

/** Google's English text stays in the log, under the code the person sees. */
function loggedCode(error: MailRejected): string {
  const code = errorCode(error.message);
  console.warn(`[dicoso] ${code}: ${error.message}`);
  return code;
}
