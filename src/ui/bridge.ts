import type { ServerApi } from '../sheets/sidebar-api';

/**
 * The one way a page talks to the server: a promise over google.script.run. The function names and their
 * argument and result types come from the server module, so a renamed function or a changed payload breaks the
 * page's build, not the user's click. Payloads are plain JSON (google.script.run cannot carry Date objects).
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

const NOT_IN_SHEETS = 'Trang này cần được mở từ menu tiện ích trong Google Sheets (hoặc bằng npm run preview).';
const UNKNOWN_FAILURE = 'Không gọi được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.';

export type ServerName = keyof ServerApi;
export type ServerArgs<K extends ServerName> = Parameters<ServerApi[K]>;
export type ServerResult<K extends ServerName> = ReturnType<ServerApi[K]>;

export function call<K extends ServerName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const run = google()?.script?.run;
    if (!run) {
      reject(new Error(NOT_IN_SHEETS));
      return;
    }
    const runner = run.withSuccessHandler((value) => resolve(value as ServerResult<K>)).withFailureHandler((error) => reject(new Error(failureMessage(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(NOT_IN_SHEETS));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** The Vietnamese sentence a failed call carries (Apps Script prefixes "Error: " or "Exception: "). */
export function failureMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = raw.replace(/^(?:\w*Error|Exception):\s*/, '').trim();
  return text || UNKNOWN_FAILURE;
}

/** Closes a dialog (does nothing outside Sheets). */
export function closeHost(): void {
  google()?.script?.host?.close();
}
