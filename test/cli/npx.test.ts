import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle';

// README tells people to run `npx dicoso …` after `npm run build`. The build runs in a copy of the project, so that
// rebuilding cannot pull dist/cli out from under the other test files that run the CLI at the same time.
describe('npx dicoso sau khi build lại', () => {
  it('chạy được sau hai lần build liên tiếp (tệp dicoso.cjs giữ quyền chạy)', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'dicoso-npx-'));
    cpSync(path.join(ROOT, 'src'), path.join(copy, 'src'), { recursive: true });
    mkdirSync(path.join(copy, 'scripts'));
    cpSync(path.join(ROOT, 'scripts/build.mjs'), path.join(copy, 'scripts/build.mjs'));
    cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
    symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(copy, 'node_modules'));

    for (let build = 1; build <= 2; build++) execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: copy, stdio: 'pipe' });
    const npx = spawnSync('npx', ['--offline', 'dicoso', '--help'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    });
    expect(npx.stderr).toBe('');
    expect(npx.status).toBe(0);
    expect(npx.stdout).toContain('dicoso check <bảng-tính.xlsx>');
    expect(statSync(path.join(copy, 'dist/cli/dicoso.cjs')).mode & 0o111).toBe(0o111);
  }, 60_000);
});
