import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const ROOT = path.resolve(__dirname, '../..');
export const CODE_JS = path.join(ROOT, 'dist/gas/Code.js');

/**
 * Code.js as built by test/global-setup.ts before the test files run: tests load the artifact clasp pushes, not the
 * sources. (Built here only when a file runs outside that setup and finds no bundle.)
 */
export function buildGasBundle(): string {
  if (!existsSync(CODE_JS)) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'gas'], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(CODE_JS, 'utf8');
}

/** Loads Code.js into a fresh vm context whose globals are `globals`, as Apps Script's V8 runtime would. */
export function loadBundle(globals: Record<string, unknown>): vm.Context {
  const code = buildGasBundle();
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

/** The names of Code.js's top-level functions, read the way the build reads them. */
export async function entryGlobalNames(): Promise<string[]> {
  const mod = (await import(path.join(ROOT, 'scripts/build.mjs'))) as { entryGlobals: () => Promise<string[]> };
  return mod.entryGlobals();
}
