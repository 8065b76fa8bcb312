import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OAUTH_SCOPES } from '../../src/gas/scopes';
import { ROOT } from '../support/bundle';

/**
 * The scopes the add-on asks for are declared once with their purpose (src/gas/scopes.ts): the manifest lists exactly
 * those, and the README's deployment section says, in Vietnamese, what each is for, in the same words. Whether each
 * is needed (and none missing) is shown by running the add-on without it: test/gas/platform.test.ts.
 */

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'appsscript/appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('the OAuth scopes', () => {
  it('the manifest asks for exactly the declared scopes', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(OAUTH_SCOPES.map((s) => s.scope).sort());
  });

  it('the README says what each is for, in Vietnamese, in the deployment section', () => {
    const section = readme.slice(readme.indexOf('## Triển khai lên Google Sheets'));
    for (const { scope, purpose } of OAUTH_SCOPES) expect(section).toContain(`| \`${scope}\` | ${purpose} |`);
    const rows = section.split('\n').filter((line) => line.startsWith('| `https://www.googleapis.com/auth/'));
    expect(rows).toHaveLength(OAUTH_SCOPES.length);
  });

  it('the README’s deployment steps end with Kiểm tra môi trường', () => {
    const steps = readme.slice(readme.indexOf('### Cài đặt thử trên một bảng tính thật'));
    const numbered = [...steps.matchAll(/^(\d+)\. \*\*([^*]+)\*\*/gm)].map((m) => m[2]);
    expect(numbered.at(-1)).toBe('Kiểm tra môi trường');
  });
});
