import { defineConfig } from 'vitest/config';

// Four layers, fastest first: `vitest run --project unit` finishes in seconds (no database),
// `integration` gets a fresh database per file, `system` runs the whole system in-process
// through the local Telegram, `process` spawns real secretary processes.
const UNIT = [
  'src/platform/ai/{ai-config,ai-routes,create-ai,offline-*,provider-contract}.test.ts',
  'src/platform/{config,nl,time,capability}/**/*.test.ts',
  'src/platform/http/mini-app.test.ts',
  'src/app/contract.test.ts',
  'src/bot/tests/{i18n,recurrence-words}.test.ts',
  'src/capabilities/*/tests/*-schedule.test.ts',
  'src/capabilities/*/classifier/*.test.ts',
  'src/capabilities/booking/bot/{hours-input,admin-inputs}.test.ts',
  'src/capabilities/booking/tests/{service-match,booking-format}.test.ts',
  'src/sandbox/tests/entities-*.test.ts',
  'test/house-rules/**/*.test.ts',
  'test/web/**/*.test.ts',
];
const PROCESS = [
  'test/e2e/{container,crash-recovery,doctor,embedded-keeper,fresh-data-dir,generated-secrets,modes,processes,scale-out,shutdown-under-load,stop-signals,worker-health}*.test.ts',
  'src/sandbox/ui/*.test.ts',
];
// One PostgreSQL per run (embedded, or TEST_DATABASE_URL) with a migrated template database,
// started only when a project that needs it has files to run: the unit tier has none.
const DATABASE = ['test/support/global-setup.ts'];
const SYSTEM = [
  '**/*.e2e.test.ts',
  'test/platform/**/*.test.ts',
  'src/sandbox/tests/*.test.ts',
  'src/capabilities/*/tests/*.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // No maxWorkers here: projects would inherit it and ignore `--maxWorkers` on the command line;
    // Vitest's default (half the cores) or the flag decides.
    setupFiles: [
      'test/support/module-loading.ts',
      'test/support/at-rest-keyring.ts',
      'test/support/keep-failed-database.ts',
    ],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          globalSetup: DATABASE,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...UNIT, ...PROCESS, ...SYSTEM],
        },
      },
      {
        extends: true,
        test: { name: 'system', globalSetup: DATABASE, include: SYSTEM, exclude: [...PROCESS, ...UNIT] },
      },
      { extends: true, test: { name: 'process', globalSetup: DATABASE, include: PROCESS } },
    ],
  },
});
