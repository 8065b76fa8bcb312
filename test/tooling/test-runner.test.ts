import { describe, expect, it } from 'vitest';
import { runBeside } from '../../scripts/test.mjs';

/** scripts/test.mjs, which `npm test` is: the static checks beside the suites, and a failed check stops everything. */
const node = (code: string) => ({ command: process.execPath, args: ['-e', code] });
const check = (name: string, code: string) => ({ name, ...node(code) });

async function runs(suite: ReturnType<typeof node>, checks: ReturnType<typeof check>[]) {
  const said: string[] = [];
  const started = Date.now();
  const code = await runBeside(suite, checks, (text) => void said.push(text));
  return { code, said: said.join(''), seconds: (Date.now() - started) / 1000 };
}

describe('npm test runs the checks beside the suites', () => {
  it('every check passing: the exit code is the suites’, and each check is named once', async () => {
    const passing = [check('npm run typecheck', ''), check('npm run lint', 'console.log("quiet")')];
    expect((await runs(node('process.exit(0)'), passing)).code).toBe(0);
    const failedSuites = await runs(node('process.exit(3)'), passing);
    expect(failedSuites.code).toBe(3);
    expect(failedSuites.said).toMatch(/── npm run typecheck: passed in \d+ s\n/);
    expect(failedSuites.said).toMatch(/── npm run lint: passed in \d+ s\n/);
    // A passing check's output is not repeated.
    expect(failedSuites.said).not.toContain('quiet');
  });

  it('a failing check stops the suites at once and exits 1 with what the check said', async () => {
    const { code, said, seconds } = await runs(node('setTimeout(() => process.exit(0), 60_000)'), [
      check('npm run typecheck', 'setTimeout(() => {}, 200)'),
      check('npm run format:check', 'console.error("[warn] src/core/x.ts"); process.exit(1)'),
    ]);
    expect(code).toBe(1);
    expect(seconds).toBeLessThan(30);
    expect(said).toContain('── npm run format:check: FAILED (exit 1)');
    expect(said).toContain('[warn] src/core/x.ts');
    expect(said).toContain('npm test: npm run format:check failed; the test suites were stopped.');
    expect(said).toMatch(/── npm run typecheck: passed/);
  });

  it('a check that cannot start fails like one that failed', async () => {
    const { code, said } = await runs(node(''), [{ name: 'npm run lint', command: '/nonexistent/eslint', args: [] }]);
    expect(code).toBe(1);
    expect(said).toContain('── npm run lint: FAILED (exit 1)');
    expect(said).toContain('/nonexistent/eslint: spawn /nonexistent/eslint ENOENT');
  });
});
