import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from '../support/tools';

/**
 * One Chromium for the whole run (vitest globalSetup): every browser test file connects to it (usePages in
 * test/ui/browser.ts) instead of launching its own, which cost a second or more of a busy CPU per file.
 *
 * Chromium is started on first demand, not here: a run of core tests alone never pays for it. The setup serves one
 * local URL; the first GET launches Chromium's Playwright server and every GET answers its WebSocket endpoint (or why
 * it could not start, which the asking test then fails with: under CI=true a missing Chromium fails, never skips).
 * It also serves axe-core's script, which pages load from it by URL: handed over Playwright's protocol, its 550 KB
 * took a second or more for every page scanned.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** GET it for `{ wsEndpoint }` or `{ error }` (see above); `axe.min.js` beside it is axe-core's script. */
    chromiumBroker: string;
  }
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let launched: Promise<BrowserServer> | null = null;
  const launch = () => (launched ??= chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }));
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/axe.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(axe);
      return;
    }
    launch().then(
      (browser) => res.end(JSON.stringify({ wsEndpoint: browser.wsEndpoint() })),
      (error: unknown) => res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  project.provide('chromiumBroker', `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    if (launched) await (await launched.catch(() => null))?.close();
  };
}
