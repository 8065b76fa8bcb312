import { ESLint } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers are enforced by lint (eslint.config.js, `@typescript-eslint/no-restricted-imports` per layer): a module
 * written in a layer with an import that runs back up, or that reaches an adapter or a page, fails `npm run lint`.
 * Each case lints one line as if it were a module of that folder, through ESLint's Node API and the project's own
 * config (type-aware rules off: the probe file is not on disk, and the import rule needs no types).
 */
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function importProblems(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const probe = [${line.includes('type') ? '' : 'x'}];\n`, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

// [module, import line, what the rule says (a part of its message), or null when the import is allowed]
const CASES: [string, string, string | null][] = [
  ['src/core/probe.ts', "import { x } from '../sheets/workflow';", 'src/core must not import src/sheets'],
  ['src/core/forms/probe.ts', "import type { x } from '../../sheets/workbook';", 'src/core must not import src/sheets'],
  ['src/core/probe.ts', "import { x } from '../gas/texts';", 'src/core must not import src/gas'],
  ['src/core/probe.ts', "import { x } from '../xlsx/a1';", 'src/core must not import src/xlsx'],
  ['src/core/probe.ts', "import { x } from '../ui/bridge';", 'src/core must not import src/ui'],
  ['src/core/probe.ts', "import { x } from '../cli/texts';", 'src/core must not import src/cli'],
  ['src/core/probe.ts', "import { x } from 'node:fs';", 'no Node module'],
  ['src/core/probe.ts', "import { x } from 'path';", 'no Node module'],
  ['src/core/probe.ts', "import { x } from 'zod';", "never from 'zod' itself"],
  ['src/core/zod-vi.ts', "import { x } from 'zod/mini';", null],
  ['src/core/email/probe.ts', "import { x } from '../names';", null],

  ['src/sheets/probe.ts', "import { x } from '../gas/texts';", 'src/sheets must not import src/gas'],
  ['src/sheets/pages/probe.ts', "import { x } from '../../xlsx/a1';", 'src/sheets must not import src/xlsx'],
  ['src/sheets/probe.ts', "import { x } from '../cli/texts';", 'src/sheets must not import src/cli'],
  ['src/sheets/probe.ts', "import type { x } from '../ui/bridge';", 'src/sheets must not import src/ui'],
  ['src/sheets/probe.ts', "import { x } from 'node:path';", 'no Node module'],
  ['src/sheets/pages/probe.ts', "import { x } from '../../core/names';", null],

  ['src/ui/progress/probe.ts', "import { x } from '../../sheets/pages/progress';", 'src/ui takes only types'],
  ['src/ui/probe.ts', "import { x } from '../sheets/workflow';", 'src/ui takes only types'],
  ['src/ui/progress/probe.ts', "import type { x } from '../../sheets/pages/progress';", null],
  ['src/ui/shared/probe.ts', "import { type x } from '../../sheets/server-functions';", null],
  ['src/ui/shared/probe.ts', "import { x } from '../../sheets/pages/texts';", null],
  ['src/ui/probe.ts', "import { x } from '../sheets/user-message';", null],
  ['src/ui/probe.ts', "import type { x } from '../gas/texts';", 'src/ui must not import src/gas'],
  ['src/ui/settings/probe.ts', "import { x } from '../../xlsx/a1';", 'src/ui must not import src/xlsx'],
  ['src/ui/probe.ts', "import { x } from 'node:fs';", 'no Node module'],
  ['src/ui/shared/probe.ts', "import { x } from '../../core/names';", null],

  ['src/xlsx/write/probe.ts', "import { x } from '../../cli/texts';", 'src/xlsx must not import src/cli'],
  ['src/xlsx/probe.ts', "import { x } from '../gas/texts';", 'src/xlsx must not import src/gas'],
  ['src/xlsx/probe.ts', "import { x } from 'node:fs';", null],
  ['src/xlsx/probe.ts', "import { x } from '../sheets/workbook';", null],

  ['src/gas/probe.ts', "import { x } from '../xlsx/a1';", 'src/gas must not import src/xlsx'],
  ['src/gas/self-check/probe.ts', "import { x } from '../../ui/bridge';", 'src/gas must not import src/ui'],
  ['src/gas/probe.ts', "import { x } from '../cli/texts';", 'src/gas must not import src/cli'],
  ['src/gas/probe.ts', "import { x } from 'node:util';", 'no Node module'],
  ['src/gas/probe.ts', "import { x } from '../sheets/workflow';", null],

  ['src/cli/commands/probe.ts', "import { x } from '../../gas/texts';", 'src/cli must not import src/gas'],
  ['src/cli/probe.ts', "import { x } from '../xlsx/xlsx-workbook';", null],
  ['src/cli/probe.ts', "import { x } from 'zod/mini';", "never from 'zod' itself"],
];

describe('the layers, enforced by lint', () => {
  it.each(CASES)('%s: %s', async (file, line, expected) => {
    const problems = await importProblems(file, line);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems).toEqual([expect.stringContaining(expected)]);
  });
});
