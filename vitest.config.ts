import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The build once; one Chromium shared by every browser test file, started when the first one asks.
    globalSetup: ['test/global-setup.ts', 'test/ui/chromium-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core, not vitest's default of one fewer: much of the suite waits on Chromium, LibreOffice and
    // the CLI's processes, so on a 2-core machine the default (one file at a time) left a core idle most of the run.
    maxWorkers: availableParallelism(),
    // A worker runs its files one after another in one module registry instead of loading every module again for each
    // file: 205 s of CPU for the suite instead of 307. It holds because tests share nothing they change: src keeps no
    // state between calls but caches of pure functions, the fakes are made per test, and the captions test files share
    // are frozen (test/support/domain.ts). The suite passes with its files shuffled (--sequence.shuffle.files).
    isolate: false,
  },
});
