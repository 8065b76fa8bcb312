import { lazy } from '../../core/lazy';
import * as z from '../../core/zod-vi';
import type { PageContext } from '../server-context';

/**
 * One server function a page calls through google.script.run: the zod schema its argument is parsed with (at the
 * edge, before anything runs), whether it writes (Sheets runs it under the document lock), and its handler over a
 * PageContext. The table of them all is src/sheets/server-functions.ts.
 */
export interface ServerFunction<S extends z.ZodMiniType, R> {
  /** What the person was doing, for the apology when it fails (src/sheets/user-message.ts). */
  action: string;
  input: S;
  writes: boolean;
  run: (ctx: PageContext, input: z.output<S>) => R;
}

/** Keeps the schema's and the handler's types as written (an identity for inference). */
export function serverFunction<S extends z.ZodMiniType, R>(fn: ServerFunction<S, R>): ServerFunction<S, R> {
  return fn;
}

/** The argument of a function the page calls without one (google.script.run passes nothing). */
export const NoInput = lazy(() => z.undefined());
