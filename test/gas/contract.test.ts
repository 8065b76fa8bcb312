import { describe, expect, expectTypeOf, it } from 'vitest';
import { zodMessages } from '../../src/core/presets';
import type * as entry from '../../src/gas/main';
import { pageTexts } from '../../src/sheets/pages/texts';
import { SERVER_FUNCTIONS, SERVER_NAMES, type ServerApi } from '../../src/sheets/server-functions';
import { buildOnce, loadAddon, syntheticSpreadsheet } from './harness';

/**
 * The contract between the pages and Code.js, derived from the one table of server functions
 * (src/sheets/server-functions.ts): the pages call them by name (src/ui/bridge.ts, typed from the table), Apps Script
 * finds them only as top-level functions of Code.js, which the build declares from the table's keys. A function the
 * table lists but Code.js lacks is "Script function not found" in Sheets, with every other check green; one whose
 * global skips its schema runs on whatever a page sends. Both are failing tests here, for every function of the table.
 */

// The entry module exposes the table as the pages see it: same names, arguments and results.
expectTypeOf<typeof entry.serverFunctions>().toEqualTypeOf<ServerApi>();

/** JSON no page sends to any server function. */
const NOT_AN_INPUT = '∅ không phải dữ liệu của trang';

describe('the page ↔ Code.js contract, for every function of the table', () => {
  it('each is a top-level function declaration of the built Code.js', () => {
    const { code } = buildOnce();
    const missing = SERVER_NAMES.filter((name) => !code.includes(`\nfunction ${name}() {`));
    expect(missing, `missing from dist/gas/Code.js: ${missing.join(', ')}`).toEqual([]);
  });

  it('each has an action for its apology and a schema that checks something (never z.any or z.unknown)', () => {
    for (const [name, fn] of Object.entries(SERVER_FUNCTIONS)) {
      expect(fn.action, name).not.toBe('');
      const kind = (fn.input as unknown as { _zod?: { def?: { type?: string } } })._zod?.def?.type;
      expect(kind, `${name}'s input is not a zod schema`).toBeTypeOf('string');
      expect(['any', 'unknown'], `${name} takes anything`).not.toContain(kind);
    }
  });

  it('each global of Code.js parses its argument with its own schema: refused in Vietnamese, or read as an empty form', () => {
    for (const name of SERVER_NAMES) {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(2) });
      const parsed = SERVER_FUNCTIONS[name].input.safeParse(NOT_AN_INPUT);
      // The trip form's schema reads anything that is not an object as an empty form, which it answers field by field.
      if (parsed.success) expect(() => addon.call(name, NOT_AN_INPUT), name).not.toThrow();
      else expect(() => addon.call(name, NOT_AN_INPUT), name).toThrow(pageTexts.badInput(zodMessages(parsed.error)));
      // Nothing was written.
      expect(addon.env.calls.count('Range.set'), name).toBe(0);
    }
  });
});
