import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as entry from '../../src/gas/main';
import { SERVER_FUNCTIONS, SERVER_NAMES, type ServerApi, type ServerName } from '../../src/sheets/server-functions';
import { loadBundle } from '../support/bundle';

/**
 * The contract between the pages and Code.js. The pages call the server functions of src/sheets/server-functions.ts
 * by name (src/ui/bridge.ts); Apps Script finds them only as top-level functions of Code.js, which the build makes
 * from the exports of src/gas/main.ts. A function missing there is "Script function not found" in Sheets, with every
 * other check green: these two checks make it a failing test instead.
 */

type Globals = typeof entry;

// Type level: `npm test` type-checks this file first. A server function missing from src/gas/main.ts makes
// `Globals[K]` an error; one exposed with another argument or result fails the equality.
expectTypeOf<{ [K in ServerName]: Globals[K] }>().toEqualTypeOf<ServerApi>();
expectTypeOf<Exclude<ServerName, keyof Globals>>().toEqualTypeOf<never>();

describe('the page ↔ Code.js contract', () => {
  it('every server function a page may call is a top-level function of the built Code.js', () => {
    const context = loadBundle({});
    const missing = SERVER_NAMES.filter((name) => typeof context[name] !== 'function');
    expect(missing, `missing from dist/gas/Code.js: ${missing.join(', ')}`).toEqual([]);
  });

  it('the table lists the functions the pages call, each with a schema and an action for its apology', () => {
    expect([...SERVER_NAMES].sort()).toEqual(
      [
        'generateForm',
        'getFormOptions',
        'getProgress',
        'getScheduleStatus',
        'getSettingsPage',
        'getTripForm',
        'openTripRow',
        'saveSettingsPage',
        'saveTrip',
        'selectTripRows',
        'sendMissedSummaries',
        'setSchedule',
        'undoTrip',
      ].sort(),
    );
    for (const fn of Object.values(SERVER_FUNCTIONS)) {
      expect(fn.action).not.toBe('');
      expect(typeof fn.input.safeParse).toBe('function');
    }
  });
});
