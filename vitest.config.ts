import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The build once; one Chromium shared by every browser test file, started when the first one asks.
    globalSetup: ['test/global-setup.ts', 'test/ui/chromium-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker per core but one, so a 2-core machine ran the files one at a time. Much of the
    // suite waits on other processes (LibreOffice, Chromium, the built command), so two files at once overlap those
    // waits even on 2 cores; on bigger machines the default stands.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
