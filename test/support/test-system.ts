import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock as JobClock } from 'pg-boss';
import { type System, startSystem } from '../../src/app/system.ts';
import type { AnyCapabilityModule } from '../../src/capabilities/capability.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createSandboxClient, type SandboxClient } from '../../src/sandbox/client.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestSystem {
  system: System;
  url: string;
  sb: SandboxClient;
  testDb: TestDatabase;
  /** DATA_DIR of this system (development adapters write there, e.g. booking's login codes). */
  dataDir: string;
  /** Stops the process-like system but keeps the database and data dir (to start again). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole system in this process, in sandbox mode, on a fresh test database: the bot talks to
 * the in-process local Telegram over real HTTP, updates go through the durable inbox and pg-boss.
 */
export async function startTestSystem(
  env: Record<string, string> = {},
  options: { clock?: JobClock; modules?: readonly AnyCapabilityModule[] } = {},
): Promise<TestSystem> {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'secretary-test-'));
  const baseEnv = {
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Scenario tests are about behaviour, not pacing: our own 1 msg/s per chat would make them slow.
    TELEGRAM_LIMITS: 'off',
    // Under a test clock time stands still between ticks, so every message of a scenario shares one flood window.
    ...(options.clock ? { FLOOD_MAX_UPDATES: '100000' } : {}),
    ...env,
  };
  const config = loadConfig({ PORT: '0', ...baseEnv });
  const logger = createLogger({ level: config.logLevel, pretty: false });
  const boot = () =>
    startSystem(config, { http: true, worker: true }, logger, { database: testDb.database, ...options });
  let system = await boot();
  const harness: TestSystem = {
    system,
    url: system.url as string,
    sb: createSandboxClient(system.url as string),
    testDb,
    dataDir,
    async restart() {
      await system.stop();
      // The same port keeps the sandbox client and the bot's API root valid across the restart.
      const port = new URL(harness.url).port;
      const again = loadConfig({ ...baseEnv, PORT: port });
      system = await startSystem(again, { http: true, worker: true }, logger, {
        database: testDb.database,
        ...options,
      });
      harness.system = system;
    },
    async close() {
      await system.stop();
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
