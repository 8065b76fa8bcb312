import { callServer, SERVER_FUNCTIONS, SERVER_NAMES, type ServerApi, type ServerName } from '../sheets/server-functions';
import { pageContext, serve, withDocumentLock } from './context';

/**
 * A server function of the table (src/sheets/server-functions.ts) as Apps Script calls it: the Apps Script context,
 * the document lock around the functions that write (taken before they read), and the one error translation, so the
 * page's failure handler receives the Vietnamese sentence a person reads.
 */
function expose<K extends ServerName>(name: K): ServerApi[K] {
  const fn = SERVER_FUNCTIONS[name];
  const exposed = (input?: unknown) =>
    serve(fn.action, () => {
      const run = () => callServer(pageContext(), name, input);
      return fn.writes ? withDocumentLock(run) : run();
    });
  return exposed as unknown as ServerApi[K];
}

/**
 * Every server function of the table, exposed. The build (scripts/build.mjs) declares one top-level function of
 * Code.js per key, so the table is the only list: a function added there is callable from the pages, one removed
 * there is gone from Code.js, from the pages' types (src/ui/bridge.ts) and from the call budgets.
 */
export function exposeAll(): ServerApi {
  const api = {} as Record<ServerName, unknown>;
  for (const name of SERVER_NAMES) api[name] = expose(name);
  return api as ServerApi;
}
