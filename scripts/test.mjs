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

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** vitest's own entry, run by this Node: killing it stops the suites (npx would leave its child running). */
const VITEST = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** The package.json scripts that check without running the code, in the order their failures are worth reading. */
const CHECKS = ['typecheck', 'lint', 'format:check'].map((name) => ({ name: `npm run ${name}`, command: npm, args: ['run', '--silent', name] }));

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

/**
 * Runs `suite` (its output streamed) and the `checks` (each `{ name, command, args }`, its output held) at once, and
 * resolves with the exit code: 1 when a check failed (the suite is then stopped), else the suite's. `write` takes what
 * is printed about the checks.
 */
export async function runBeside(suite, checks, write = (text) => process.stdout.write(text)) {
  const started = Date.now();
  const tests = run(suite.command, suite.args, { inherit: true });
  let stopped = false;
  const codes = await Promise.all(
    checks.map(async ({ name, command, args }) => {
      const { code, output } = await run(command, args).done;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      write(`\n── ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n${code === 0 ? '' : output}`);
      if (code !== 0 && !stopped) {
        stopped = true;
        tests.child.kill('SIGTERM');
      }
      return code;
    }),
  );
  const { code } = await tests.done;
  const failed = checks.filter((_, i) => codes[i] !== 0);
  if (failed.length === 0) return code;
  write(`\nnpm test: ${failed.map((c) => c.name).join(', ')} failed${stopped ? '; the test suites were stopped' : ''}.\n`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await runBeside({ command: process.execPath, args: [VITEST, 'run', ...process.argv.slice(2)] }, CHECKS));
}
