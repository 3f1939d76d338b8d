import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    setupFiles: ['test/support/at-rest-keyring.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; PGlite boots in ~2 s, so a few files at once is the sweet spot.
    maxWorkers: process.env.CI ? 2 : 4,
  },
});
