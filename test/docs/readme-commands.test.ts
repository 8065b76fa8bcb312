import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle';

// README's rule: every command it shows works as written. The `dicoso` lines of its code blocks are run here, in
// order, from a folder that holds the repository's samples, with the CLI test files' build (global-setup).

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');

/** The `npx dicoso …` commands of README's bash blocks, their trailing comments cut. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx dicoso '));
}

/** Splits a shell line as bash would for these commands: words, double-quoted words. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

function filesUnder(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out.set(name, statSync(file).mtimeMs);
  }
  return out;
}

describe('README: every dicoso command it shows', () => {
  const commands = readmeCommands();

  it('README shows the commands of check, init, tong-hop and email-preview', () => {
    for (const name of ['check', 'init', 'tong-hop', 'email-preview']) expect(commands.some((c) => c.startsWith(`npx dicoso ${name} `))).toBe(true);
  });

  it('runs as written, writes only under out/, and no command overwrites what an earlier one wrote', () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'dicoso-readme-'));
    symlinkSync(path.join(ROOT, 'samples'), path.join(cwd, 'samples'));
    let before = filesUnder(path.join(cwd, 'out'));
    for (const command of commands) {
      const run = spawnSync(process.execPath, [CLI, ...words(command).slice(2)], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
      const after = filesUnder(path.join(cwd, 'out'));
      for (const [file, mtime] of before) expect(after.get(file), `${command} rewrote out/${file}`).toBe(mtime);
      before = after;
    }
    expect(readdirSync(cwd).sort()).toEqual(['out', 'samples']);
  }, 120_000);
});
