import { zodMessages } from '../core/presets';
import { UserError } from '../core/user-error';
import type * as z from '../core/zod-vi';
import { approvalFunctions } from './pages/approvals';
import { emailScheduleFunctions } from './pages/email-schedule';
import { formsFunctions } from './pages/forms';
import { progressFunctions } from './pages/progress';
import { selfCheckFunctions } from './pages/self-check';
import { settingsFunctions } from './pages/settings';
import { pageTexts } from './pages/texts';
import { tripFormFunctions } from './pages/trip-form';
import type { PageContext } from './server-context';

/**
 * The contract between the pages and Code.js: every server function a page may call, by the name Code.js exposes it
 * under, with its input schema, whether it writes, and its handler. This table is the only list of them; everything
 * else derives from it:
 * - Code.js's top-level functions: src/gas/main.ts exposes the whole table (`serverFunctions`, src/gas/server.ts adds
 *   the Apps Script context, the document lock for writes and the error translation), and scripts/build.mjs declares
 *   one top-level function per key;
 * - the page bridge's types (src/ui/bridge.ts) are ServerApi below;
 * - the preview's handlers (scripts/preview-backend.ts) are serverApi(ctx) over its in-memory context;
 * - test/gas/contract.test.ts checks each one in the built Code.js, and test/gas/batching.test.ts holds each to a
 *   call budget, keyed by ServerName: removing a function here breaks their type check until its budget goes too.
 */
export const SERVER_FUNCTIONS = {
  ...progressFunctions,
  ...tripFormFunctions,
  ...formsFunctions,
  ...settingsFunctions,
  ...emailScheduleFunctions,
  ...selfCheckFunctions,
  ...approvalFunctions,
};

type Table = typeof SERVER_FUNCTIONS;
export type ServerName = keyof Table;
/** What a page passes: nothing for a function without input, else the schema's input. */
export type ServerArgs<K extends ServerName> = z.input<Table[K]['input']> extends undefined ? [] : [input: z.input<Table[K]['input']>];
export type ServerResult<K extends ServerName> = ReturnType<Table[K]['run']>;
/** What a page sees: each server function as google.script.run calls it (plain JSON in, plain JSON out). */
export type ServerApi = { [K in ServerName]: (...args: ServerArgs<K>) => ServerResult<K> };

export const SERVER_NAMES = Object.keys(SERVER_FUNCTIONS) as ServerName[];

export function isServerName(name: string): name is ServerName {
  return Object.prototype.hasOwnProperty.call(SERVER_FUNCTIONS, name);
}

/** Parses the page's argument with the function's schema (zod at the edge), then runs the handler on what it parsed. */
export function callServer<K extends ServerName>(ctx: PageContext, name: K, input: unknown): ServerResult<K> {
  const fn = SERVER_FUNCTIONS[name] as unknown as { input: z.ZodMiniType; run: (ctx: PageContext, input: unknown) => ServerResult<K> };
  const parsed = fn.input.safeParse(input);
  if (!parsed.success) throw new UserError(pageTexts.badInput(zodMessages(parsed.error)));
  return fn.run(ctx, parsed.data);
}

/** The server functions bound to one context, as a page sees them: what the preview serves and the tests call. */
export function serverApi(ctx: PageContext): ServerApi {
  const api = {} as Record<ServerName, (input?: unknown) => unknown>;
  for (const name of SERVER_NAMES) api[name] = (input?: unknown) => callServer(ctx, name, input);
  return api as unknown as ServerApi;
}
