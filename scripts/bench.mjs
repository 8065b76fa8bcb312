// `npm run bench`: builds dist/ (Code.js to measure, the dicoso command to run), bundles the benchmark sources
// (bench/*.ts) with esbuild into bench/tmp, then runs bench/main.ts, which starts a fresh Node process per job and
// writes bench/RESULTS.md. Option: --quick (fewer repetitions).
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, 'bench/tmp');
const started = Date.now();

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

await mkdir(tmp, { recursive: true });
await build({
  entryPoints: { main: path.join(root, 'bench/main.ts'), 'run-size': path.join(root, 'bench/run-size.ts') },
  outdir: tmp,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, [path.join(tmp, 'main.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
console.log(`npm run bench: ${((Date.now() - started) / 1000).toFixed(1)} s in all.`);
process.exit(run.status ?? 1);
