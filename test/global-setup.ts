import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds dist/gas (Code.js and the pages) and dist/cli once, before any test file runs. Tests exercise these
 * artifacts (what clasp pushes, what `npx dicoso` runs); building them here rather than in each test file means no
 * test process can empty dist/ while another is reading it.
 */
export default function setup(): void {
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
}
