import { MailRejected, type LogStore, type Mailer, type OutgoingMessage, type RejectionKind } from '../sheets/email-send';
import { SENT_LOG_KEY } from '../sheets/email-run';
import { emailTexts } from '../core/email/texts';

/**
 * The Mailer port over MailApp. MailApp's quota counts recipients per day (100 consumer, 1,500 Workspace); one
 * message here has one recipient. Every error of MailApp.sendEmail becomes a MailRejected whose kind tells the run
 * what to do (stop for the day, or record this message and go on); see classifyMailError.
 */
export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: OutgoingMessage): void {
    try {
      MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, htmlBody: message.htmlBody, name: message.name });
    } catch (error) {
      throw classifyMailError(error, message.to, () => MailApp.getRemainingDailyQuota());
    }
  }
}

/**
 * MailApp's messages as Google words them (sources in test/fakes/errors.ts), each matched as a whole message once the
 * address is taken out. Matching a fragment anywhere in the text is what made "quota@…" in an address read as the
 * daily quota.
 */
const SHAPES: readonly [RegExp, RejectionKind][] = [
  [/^Service invoked too many times for one day: email\.?$/i, 'quota'],
  [/^Invalid email: /i, 'address'],
  [/^Limit Exceeded: Email Body Size\.?$/i, 'too-large'],
  [/^Limit Exceeded: Email Recipients Per Message\.?$/i, 'refused'],
  [/^Failed to send email: no recipient\.?$/i, 'refused'],
];

/**
 * What a MailApp failure means for the run. The recipient's address is removed from the message before anything is
 * matched. A message of none of the known shapes (Google translates its messages into the user's language, and adds
 * new ones) is a used-up quota only if MailApp itself says no recipient is left today (getRemainingDailyQuota; it
 * reads -1 after the quota error, per oki2a24.com 2015-09-15), else a service failure of this message.
 */
export function classifyMailError(error: unknown, address: string, remainingQuota: () => number): MailRejected {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = withoutAddress(raw, address)
    .replace(/^Exception:\s*/, '')
    .trim();
  for (const [shape, kind] of SHAPES) if (shape.test(detail)) return new MailRejected(kind, detail);
  let remaining: number | null;
  try {
    remaining = remainingQuota();
  } catch {
    remaining = null;
  }
  return new MailRejected(remaining !== null && remaining < 1 ? 'quota' : 'service', detail);
}

function withoutAddress(text: string, address: string): string {
  const needle = address.trim();
  if (needle === '') return text;
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  return text.replace(pattern, emailTexts.addressPlaceholder);
}

/** The sent-log: one value in the document's properties (serializeSentLog keeps it under the 9 KB limit). */
export class DocumentPropertyLogStore implements LogStore {
  read(): string | null {
    return PropertiesService.getDocumentProperties().getProperty(SENT_LOG_KEY);
  }
  write(json: string): void {
    PropertiesService.getDocumentProperties().setProperty(SENT_LOG_KEY, json);
  }
}
