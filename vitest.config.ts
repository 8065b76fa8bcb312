import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The build once; one Chromium shared by every browser test file, started when the first one asks.
    globalSetup: ['test/global-setup.ts', 'test/ui/chromium-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
