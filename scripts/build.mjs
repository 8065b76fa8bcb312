// Builds the Apps Script bundle (dist/gas), the sidebar pages, and the CLI (dist/cli).
//
// Apps Script has no modules: every entry point must be a top-level `function` in Code.js. We bundle the entry module
// as an IIFE assigned to one global, then declare one top-level function per entry point: each function the entry
// module exports (menus, triggers), and each key of its `serverFunctions` table (the functions the pages call, listed
// once, in src/sheets/server-functions.ts). The names are read from the bundle itself, evaluated here with no Apps
// Script service in reach (its top level must touch none: onOpen runs in AuthMode.NONE), so they cannot drift from
// the sources.
import { build } from 'esbuild';
import { chmod, copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gasDir = path.join(root, 'dist/gas');
const cliDir = path.join(root, 'dist/cli');
const ENTRY = path.join(root, 'src/gas/main.ts');
const GLOBAL = '__dicoso';
/** The export of the entry module whose keys are the server functions the pages call. */
const TABLE = 'serverFunctions';
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

const BANNER = '// dicoso: built by scripts/build.mjs from src/gas/main.ts. Do not edit.';

async function bundleEntry() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: false,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    banner: { js: BANNER },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/**
 * The top-level functions Code.js must declare, each with the path it calls in the bundle: the entry module's
 * function exports, then the server-function table's keys. Throws on a name given twice.
 */
export function entryGlobalsOf(code) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const api = context[GLOBAL];
  const globals = [];
  for (const [name, value] of Object.entries(api)) {
    if (typeof value === 'function') globals.push({ name, path: `${GLOBAL}.${name}` });
    else if (name === TABLE) for (const key of Object.keys(value)) globals.push({ name: key, path: `${GLOBAL}.${TABLE}.${key}` });
    else throw new Error(`src/gas/main.ts exports '${name}', which is neither a function nor the ${TABLE} table`);
  }
  const seen = new Set();
  for (const { name } of globals) {
    if (seen.has(name)) throw new Error(`'${name}' is both an export of src/gas/main.ts and a server function: one name, one function`);
    seen.add(name);
  }
  return globals.sort((a, b) => a.name.localeCompare(b.name));
}

/** The names of Code.js's top-level functions, read the way the build reads them. */
export async function entryGlobals() {
  return entryGlobalsOf(await bundleEntry()).map((g) => g.name);
}

async function buildGas() {
  await rm(gasDir, { recursive: true, force: true });
  await mkdir(gasDir, { recursive: true });
  const code = await bundleEntry();
  const globals = entryGlobalsOf(code);
  const declarations = globals.map(({ name, path: target }) => `function ${name}() { return ${target}.apply(this, arguments); }`).join('\n');
  const footer = `\n// Entry points Apps Script calls by name (menus, triggers, google.script.run).\n${declarations}\n`;
  await writeFile(path.join(gasDir, 'Code.js'), code + footer);
  await copyFile(path.join(root, 'appsscript/appsscript.json'), path.join(gasDir, 'appsscript.json'));
  if (existsSync(path.join(root, 'scripts/build-ui.mjs'))) {
    const { buildPages } = await import('./build-ui.mjs');
    await buildPages(gasDir);
  }
  return globals.map((g) => g.name);
}

async function buildCli() {
  if (!existsSync(path.join(root, 'src/cli/main.ts'))) return;
  await rm(cliDir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(cliDir, 'dicoso.cjs'),
    banner: { js: '#!/usr/bin/env node' },
    // Everything is bundled (one file to read at start-up); zod so that its ESM build (and default exports) are used.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // esbuild writes a fresh file without the run bit; `npx dicoso` (package.json "bin") executes it directly.
  await chmod(path.join(cliDir, 'dicoso.cjs'), 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  if (wants('gas')) {
    const names = await buildGas();
    const files = await readdir(gasDir);
    console.log(`dist/gas: ${files.join(', ')} (${names.length} entry points)`);
  }
  if (wants('cli')) await buildCli();
  console.log(`Built in ${Date.now() - started} ms.`);
}
