import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Code.js's top level runs before every Apps Script execution (issue 18, point 5: it builds nothing a call may not
 * need). What a module of the server's code calls while loading, outside any function, must be one of these: cheap,
 * or deferring what it is given (`lazy`, `memoize`). A zod schema or a parse at the top level fails here; declare it
 * with `lazy(() => …)` (src/core/lazy.ts). bench/codejs.ts measures what remains.
 */
const CHEAP_AT_LOAD = new Set([
  'lazy', // builds on first use
  'memoize', // wraps a function
  'serverFunction', // an identity over its declaration
  'column', // one object literal per column
  'toSerial', // two date numbers
  'config', // zod's Vietnamese messages: a function, built once
  'exposeAll', // the entry points' table
  'OAUTH_SCOPES.map',
  'Object.keys',
]);

const SERVER_ROOTS = ['src/core', 'src/sheets', 'src/gas'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Calls evaluated when the module loads: outside every function and class body, the outermost of a nest. */
function callsAtLoad(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression.getText(source);
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (!CHEAP_AT_LOAD.has(callee) && !(ts.isNewExpression(node) && /^(Set|Map|WeakMap|RegExp|Uint32Array)$/.test(callee)))
        found.push(`${file}:${line} ${callee}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Code.js’s top level builds nothing a call may not need', () => {
  it('no module of core, sheets or gas builds a schema, parses or reads anything while loading', () => {
    expect(SERVER_ROOTS.flatMap(sources).flatMap((file) => callsAtLoad(file))).toEqual([]);
  });

  it('the check finds a schema or a parse at load, and leaves what is inside a function or lazy alone', () => {
    const module = [
      'export const A = z.object({ n: z.number() });',
      'export const B = lazy(() => z.object({ n: z.number() }));',
      'export const P = { policy: PolicySchema.parse(raw) };',
      "export function f() { return z.string().parse('x'); }",
    ].join('\n');
    expect(callsAtLoad('module.ts', module)).toEqual(['module.ts:1 z.object', 'module.ts:3 PolicySchema.parse']);
  });
});
