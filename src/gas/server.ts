import { callServer, SERVER_FUNCTIONS, type ServerApi, type ServerName } from '../sheets/server-functions';
import { pageContext, serve, withDocumentLock } from './context';

/**
 * A server function of the table (src/sheets/server-functions.ts) as a global of Code.js: the Apps Script context,
 * the document lock around the functions that write (taken before they read), and the one error translation, so the
 * page's failure handler receives the Vietnamese sentence a person reads.
 */
export function expose<K extends ServerName>(name: K): ServerApi[K] {
  const fn = SERVER_FUNCTIONS[name];
  const exposed = (input?: unknown) =>
    serve(fn.action, () => {
      const run = () => callServer(pageContext(), name, input);
      return fn.writes ? withDocumentLock(run) : run();
    });
  return exposed as unknown as ServerApi[K];
}
