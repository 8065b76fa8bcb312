// Builds the Apps Script bundle (dist/gas), the sidebar pages, and the CLI (dist/cli).
//
// Apps Script has no modules: every entry point must be a top-level `function` in Code.js. We bundle the entry module
// as an IIFE assigned to one global, then declare one top-level function per export of the entry module. The list
// comes from esbuild's own metafile, so it cannot drift from src/gas/main.ts.
import { build } from 'esbuild';
import { chmod, copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gasDir = path.join(root, 'dist/gas');
const cliDir = path.join(root, 'dist/cli');
const ENTRY = path.join(root, 'src/gas/main.ts');
const GLOBAL = '__dicoso';
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

export async function entryExports() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    target: 'es2020',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return [...output.exports].sort();
}

async function buildGas() {
  await rm(gasDir, { recursive: true, force: true });
  await mkdir(gasDir, { recursive: true });
  const names = await entryExports();
  const declarations = names.map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`).join('\n');
  await build({
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
    outfile: path.join(gasDir, 'Code.js'),
    banner: { js: '/** @OnlyCurrentDoc */\n// dicoso: built by scripts/build.mjs from src/gas/main.ts. Do not edit.' },
    footer: { js: `\n// Entry points Apps Script calls by name (menus, triggers, google.script.run).\n${declarations}\n` },
    logLevel: 'warning',
  });
  await copyFile(path.join(root, 'appsscript/appsscript.json'), path.join(gasDir, 'appsscript.json'));
  if (existsSync(path.join(root, 'scripts/build-ui.mjs'))) {
    const { buildPages } = await import('./build-ui.mjs');
    await buildPages(gasDir);
  }
  return names;
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
