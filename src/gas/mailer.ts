import { MailRejected, SENT_LOG_KEY, type LogStore, type Mailer, type OutgoingMessage } from '../sheets/email-run';

/**
 * The Mailer port over MailApp. MailApp's quota counts recipients per day (100 consumer, 1,500 Workspace); one
 * message here has one recipient. Errors that concern one message (a bad address, a body too large) or the day's
 * quota become MailRejected so the run goes on or defers; anything else propagates and ends the run, which the next
 * day's run resumes from the sent-log.
 */
export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: OutgoingMessage): void {
    try {
      MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, htmlBody: message.htmlBody, name: message.name });
    } catch (error) {
      throw classify(error);
    }
  }
}

/** MailApp's error messages (see test/fakes/errors.ts for their sources) sorted into what the run should do. */
export function classify(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (/too many times for one day|quota/i.test(message)) return new MailRejected(message, true);
  if (/invalid email|no recipient|email body size|recipients per message/i.test(message)) return new MailRejected(message);
  return error;
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
