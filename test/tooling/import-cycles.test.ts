import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles } from '../../scripts/import-cycles.mjs';

/** scripts/import-cycles.mjs, which `npm run lint` runs over src/: an import cycle fails the lint, and so CI. */
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/import-cycles.mjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dicoso-cycles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function run(dir: string): { code: number | null; out: string } {
  const child = spawnSync(process.execPath, [script, 'src'], { cwd: dir, encoding: 'utf8' });
  return { code: child.status, out: child.stdout + child.stderr };
}

const mailerCycle = () => ({
  'src/server-context.ts': "import type { Mailer } from './email-run';\nexport interface Host { mailer: Mailer }\n",
  'src/email-run.ts': "import { analyzeContext } from './server-context';\nexport interface Mailer { send(): void }\n",
});

describe('an import cycle fails the lint', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'a type-only cycle of two modules (the Mailer type between server-context and email-run was one)',
      mailerCycle(),
      ['src/email-run.ts → src/server-context.ts → src/email-run.ts'],
    ],
    [
      'three modules round a folder index and a .js specifier, and a re-export',
      {
        'src/a.ts': "export * from './b.js';\n",
        'src/b.ts': "import { c } from './c';\nexport const b = c;\n",
        'src/c/index.ts': "export { a } from '../a';\nexport const c = 1;\n",
      },
      ['src/a.ts → src/b.ts → src/c/index.ts → src/a.ts'],
    ],
    ['a module importing itself', { 'src/self.ts': "import './self';\n" }, ['src/self.ts → src/self.ts']],
  ])('%s', (name, files, cycles) => {
    const dir = tree(name.replace(/\W+/g, '-').slice(0, 40), files);
    expect(importCycles([path.join(dir, 'src')], dir).map((c) => c.join(' → '))).toEqual(cycles);
  });

  it('the command names each cycle and exits 1', () => {
    const dir = tree('command', mailerCycle());
    const result = run(dir);
    expect(result).toEqual({
      code: 1,
      out: 'import-cycles: 1 import cycle (type-only imports count too):\n  src/email-run.ts → src/server-context.ts → src/email-run.ts\n',
    });
  });

  it('a tree whose imports point one way passes; packages and missing files are not followed', () => {
    const dir = tree('clean', {
      'src/core/rule.ts': "import * as z from 'zod';\nexport const rule = z;\n",
      'src/sheets/flow.ts': "import { rule } from '../core/rule';\nimport type { Gone } from './gone';\nexport const flow = rule;\n",
      'src/gas/entry.ts': "import { flow } from '../sheets/flow';\nimport { rule } from '../core/rule';\nexport const entry = [flow, rule];\n",
    });
    expect(run(dir)).toEqual({ code: 0, out: 'import-cycles: no import cycle in src.\n' });
  });
});
