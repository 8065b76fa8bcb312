import { pageTexts } from '../sheets/pages/texts';
import type { ServerArgs, ServerName, ServerResult } from '../sheets/server-functions';
import { errorCode, platformMessage } from '../sheets/user-message';
import { startWaiting } from './shared/waiting';

/**
 * The one way a page talks to the server: a promise over google.script.run. The function names and their
 * argument and result types come from the server-function table (src/sheets/server-functions.ts), so a renamed
 * function or a changed payload breaks the page's type check, not the user's click. Payloads are plain JSON
 * (google.script.run cannot carry Date objects). A failure rejects with an Error whose message is what the person
 * reads (failureMessage); a call that waits past 20 s says so at the top of the page (shared/waiting.ts).
 */

type Handler = (value: unknown) => void;
interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}
interface GoogleClient {
  script?: { run?: ScriptRunner; host?: { close(): void } };
}

function google(): GoogleClient | undefined {
  return (globalThis as { google?: GoogleClient }).google;
}

export function call<K extends ServerName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  const wait = startWaiting();
  const answer = new Promise<ServerResult<K>>((resolve, reject) => {
    const run = google()?.script?.run;
    if (!run) {
      reject(new Error(pageTexts.notInSheets));
      return;
    }
    const runner = run.withSuccessHandler((value) => resolve(value as ServerResult<K>)).withFailureHandler((error) => reject(new Error(failureMessage(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(pageTexts.notInSheets));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
  return answer.finally(wait.done);
}

/** A letter only Vietnamese writes: the server's own messages (UserError, the apology) always carry some. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * The Vietnamese sentence a failed call carries. Apps Script prefixes "Error: ", "Exception: " or "ScriptError: ";
 * the server's own messages are Vietnamese already and pass as they are; Apps Script's English failures
 * (authorization, time-outs, the network) become what to do about them, and any other English one is framed by a
 * Vietnamese sentence saying what to try.
 */
export function failureMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = raw.replace(/^(?:\w*Error|Exception):\s*/, '').trim();
  if (!text) return platformMessage(raw) ?? pageTexts.unknownFailure;
  if (VIETNAMESE.test(text)) return text;
  const platform = platformMessage(text);
  if (platform) return platform;
  const code = errorCode(text);
  console.error(`[dicoso] ${code}: ${text}`);
  return pageTexts.platform.other(code);
}

/** Closes a dialog (does nothing outside Sheets). */
export function closeHost(): void {
  google()?.script?.host?.close();
}
