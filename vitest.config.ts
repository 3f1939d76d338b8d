import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // One PostgreSQL per run (embedded, or TEST_DATABASE_URL) with a migrated template database.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/at-rest-keyring.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database (a copy of the template, ~0.1 s); the machine's cores bound this.
    maxWorkers: process.env.CI ? 2 : 4,
  },
});
