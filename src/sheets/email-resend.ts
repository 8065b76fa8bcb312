import { buildFacts } from '../core/email/facts';
import { CATCH_UP_DAYS, missedSummarySends } from '../core/email/plan';
import { emailTexts } from '../core/email/texts';
import { forgetFailures, isSent, markSent, parseSentLog, serializeSentLog } from '../core/email/sent-log';
import { emailInputsOf, recordUnsent } from './email-run';
import { addressOf, deliver, MailRejected, rejectionReason, type DailyRunOptions, type LogStore, type Mailer, type SentSummary } from './email-send';
import { analyzeContext, type ServerContext } from './server-context';

/**
 * "Gửi bù" on the settings page: the quarterly summaries whose whole window passed unsent (the trigger did not run,
 * the quota or the service failed on the last day, a run died), sent now, once. They are the final failures of
 * summary items in the sent-log; each send is marked in the same log right away, which clears its failure, so a
 * second click and every later daily run find nothing left to send.
 */

export interface ResendOutcome {
  sent: SentSummary[];
  /** Missed summaries that still could not go (no address, quota, refused); their reasons are in the log. */
  left: number;
  /** What was done, in a sentence. */
  message: string;
}

export function sendMissedSummaries(ctx: ServerContext, mailer: Mailer, logStore: LogStore, options: DailyRunOptions): ResendOutcome {
  const today = ctx.today;
  const { analysis } = analyzeContext(ctx);
  const inputs = emailInputsOf(analysis);
  const facts = buildFacts(inputs);
  const log = parseSentLog(logStore.read(), analysis.year).log;
  log.year = Math.max(log.year, analysis.year);
  const missed = missedSummarySends({ today, settings: analysis.settings, policy: analysis.policy, year: analysis.year, facts, sentLog: log });
  if (missed.length === 0) return { sent: [], left: 0, message: emailTexts.resendNothing };

  const save = () => logStore.write(serializeSentLog(log, today, CATCH_UP_DAYS));
  const outcome: ResendOutcome = { sent: [], left: 0, message: '' };
  const keep = (send: (typeof missed)[number], reason: string | null, address = false) => {
    outcome.left++;
    if (reason !== null) recordUnsent(log, today, [send], reason, { final: true, address });
  };
  let quota = Math.max(0, mailer.remainingQuota());
  let quotaOut = false;
  for (const send of missed) {
    if (isSent(log, send.item, send.recipientKey)) {
      // Already went to this address: never a second time.
      forgetFailures(log, send.item, send.target);
      continue;
    }
    const recipient = addressOf(send);
    if ('problem' in recipient) {
      keep(send, recipient.problem, true);
      continue;
    }
    const { to } = recipient;
    if (quota < 1) {
      quotaOut = true;
      keep(send, null);
      continue;
    }
    let sent: SentSummary;
    try {
      sent = deliver(mailer, send, to, { inputs, facts }, options);
    } catch (error) {
      if (!(error instanceof MailRejected)) {
        save();
        throw error;
      }
      if (error.kind === 'quota') {
        quota = 0;
        quotaOut = true;
        keep(send, null);
      } else keep(send, rejectionReason(error, to), error.kind === 'address');
      continue;
    }
    quota--;
    markSent(log, send.item, send.recipientKey, today, send.target);
    save();
    outcome.sent.push(sent);
  }
  save();
  return { ...outcome, message: emailTexts.resendDone(outcome.sent.length, outcome.left, quotaOut) };
}
