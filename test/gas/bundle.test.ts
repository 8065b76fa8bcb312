import { describe, expect, it } from 'vitest';
import { buildGasBundle, entryGlobalNames, loadBundle } from '../support/bundle';

describe('Code.js, the file clasp pushes', () => {
  it('declares every export of src/gas/main.ts as a callable top-level function', async () => {
    const names = await entryGlobalNames();
    expect(names).toContain('onOpen');
    expect(names).toContain('onInstall');
    // A context with no Apps Script services at all: loading must not touch any (AuthMode.NONE rule).
    const context = loadBundle({});
    for (const name of names) {
      expect(typeof context[name], name).toBe('function');
      expect(Object.getOwnPropertyDescriptor(context, name)?.value, name).toBeTypeOf('function');
    }
  });

  it('has no module syntax left (clasp push fails on "export")', () => {
    const code = buildGasBundle();
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    // The manifest's oauthScopes decide the scopes; an @OnlyCurrentDoc left here would contradict them.
    expect(code).not.toContain('@OnlyCurrentDoc');
  });
});
