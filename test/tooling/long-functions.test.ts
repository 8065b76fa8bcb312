import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { functionLengths, longFunctions } from '../../scripts/long-functions.mjs';

/** scripts/long-functions.mjs, which `npm run lint` runs over src/: a function over 80 lines fails the lint, and so CI. */
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/long-functions.mjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dicoso-long-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A function spanning `lines` lines, its first and last line included. */
const body = (lines: number) => Array.from({ length: lines - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');
const declared = (name: string, lines: number) => `export function ${name}(): void {\n${body(lines)}\n}\n`;

function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('a function over 80 lines fails the lint', () => {
  it('counts a function from its first line to its closing brace, whatever its kind, and names it', () => {
    const text = [
      declared('eighty', 80),
      `export const arrow = () => {\n${body(81)}\n};\n`,
      `export class Page {\n  build(): void {\n${body(82)}\n  }\n}\n`,
      `export const texts = { long: function () {\n${body(83)}\n} };\n`,
    ].join('\n');
    const found = functionLengths('x.ts', text).map(({ name, lines }) => [name, lines]);
    expect(found).toEqual([
      ['long', 83],
      ['Page.build', 82],
      ['arrow', 81],
      ['eighty', 80],
    ]);
  });

  it('the command lists each function over 80 lines with its place and exits 1; 80 lines pass', () => {
    const dir = tree('mixed', { 'src/a.ts': declared('fits', 80), 'src/b/c.ts': `\n${declared('tooLong', 81)}` });
    const child = spawnSync(process.execPath, [script, 'src'], { cwd: dir, encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('src/b/c.ts:2 tooLong: 81 lines');
    expect(child.stderr).not.toContain('fits');
    const clean = spawnSync(process.execPath, [script, 'src/a.ts'], { cwd: dir, encoding: 'utf8' });
    expect([clean.status, clean.stdout.trim()]).toEqual([0, 'long-functions: no function over 80 lines in src/a.ts.']);
  });

  it('reports each long function with its file relative to the root, its line and length; a function of 80 lines is not one', () => {
    const dir = tree('report', { 'src/page.ts': `${declared('fits', 80)}\n${declared('build', 120)}` });
    expect(longFunctions(['src'], { root: dir })).toEqual([{ file: 'src/page.ts', name: 'build', line: 82, lines: 120 }]);
    expect(longFunctions(['src'], { root: dir, max: 120 })).toEqual([]);
  });
});
