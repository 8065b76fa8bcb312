// `npm test`: the static checks (type check, lint, formatting) and every test suite, at the same time.
//
// Run one after the other they took 50 s before vitest's first file on a 2-core machine, while vitest leaves a core
// idle whenever its files wait on Chromium, LibreOffice or the CLI's processes. So the checks run beside vitest: their
// output is held and printed, each under its name, when they end; vitest's streams as usual. The first failed check
// stops the run (vitest too) and exits 1 with what it said. Arguments go to vitest (`npm test -- test/core`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

/** The package.json scripts that check without running the code, in the order their failures are worth reading. */
const CHECKS = ['typecheck', 'lint', 'format:check'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** vitest's own entry, run by this Node: killing it stops the suites (npx would leave its child running). */
const VITEST = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** Runs `command` and resolves with its exit code and, unless `inherit`, what it wrote (stdout and stderr in order). */
function run(command, args, { inherit = false } = {}) {
  const child = spawn(command, args, { stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
  const output = [];
  if (!inherit) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk));
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${command}: ${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString('utf8') }));
  });
  return { child, done };
}

function report(name, seconds, { code, output }) {
  const head = `── npm run ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s`;
  process.stdout.write(`\n${head}\n${code === 0 ? '' : output}`);
}

const started = Date.now();
const vitest = run(process.execPath, [VITEST, 'run', ...process.argv.slice(2)], { inherit: true });
let stopping = false;
const checks = CHECKS.map(async (name) => {
  const outcome = await run(npm, ['run', '--silent', name]).done;
  report(name, (Date.now() - started) / 1000, outcome);
  if (outcome.code !== 0 && !stopping) {
    stopping = true;
    vitest.child.kill('SIGTERM');
  }
  return outcome.code;
});

const codes = await Promise.all(checks);
const tests = await vitest.done;
const failed = CHECKS.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) {
  process.stdout.write(`\nnpm test: ${failed.map((n) => `npm run ${n}`).join(', ')} failed${stopping ? '; the test suites were stopped' : ''}.\n`);
  process.exit(1);
}
process.exit(tests.code);
