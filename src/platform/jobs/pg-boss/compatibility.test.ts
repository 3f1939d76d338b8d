import { readFileSync } from 'node:fs';
import Manager from 'pg-boss/dist/manager.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createLogger } from '../../observability/logger.ts';
import { createMetrics } from '../../observability/metrics.ts';
import { createJobRuntime, type JobRuntime } from '../job-queue.ts';
import {
  assertPgBossPackage,
  installedPgBossVersion,
  installWakePolicy,
  PG_BOSS_SCHEMA_VERSION,
  PG_BOSS_VERSION,
  PgBossMismatchError,
} from './compatibility.ts';

// The contract with pg-boss: what the adapter relies on beyond pg-boss's public API. A bump of
// pg-boss that changes any of it fails here (then follow CONTRIBUTING.md, "Bumping pg-boss").

let testDb: TestDatabase;
const runtimes: JobRuntime[] = [];
const logger = createLogger({ level: 'silent', pretty: false });
const runtime = (queues: string[]) => {
  const made = createJobRuntime({
    database: testDb.database,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    queues: queues.map((name) => ({ name })),
  });
  runtimes.push(made);
  return made;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  installWakePolicy(); // what createJobRuntime does first
});
afterAll(async () => {
  for (const r of runtimes) await r.stop(1000).catch(() => undefined);
  await testDb.close();
});

describe('the pg-boss contract', () => {
  it('the installed pg-boss is the pinned one, pinned exactly in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'));
    expect(pkg.dependencies['pg-boss']).toBe(PG_BOSS_VERSION);
    expect(installedPgBossVersion()).toBe(PG_BOSS_VERSION);
    const bossPkg = JSON.parse(
      readFileSync(new URL('../../../../node_modules/pg-boss/package.json', import.meta.url), 'utf8'),
    );
    expect(bossPkg.pgboss.schema).toBe(PG_BOSS_SCHEMA_VERSION);
    expect(() => assertPgBossPackage()).not.toThrow();
  });

  it('another pg-boss version is refused with what to do', () => {
    expect(() => assertPgBossPackage('12.36.0')).toThrow(PgBossMismatchError);
    expect(() => assertPgBossPackage('12.36.0')).toThrow(
      /12\.36\.0 is installed.*12\.35\.0.*Bumping pg-boss/,
    );
  });

  it('a NOTIFY reaches the overridden Manager.notifyQueue, with its workers and our option', async () => {
    const prototype = Manager.prototype as unknown as { notifyQueue(this: unknown, name: string): void };
    const patched = prototype.notifyQueue;
    const seen: Array<{ name: string; workers: boolean; option: boolean }> = [];
    prototype.notifyQueue = function (
      this: { workers?: unknown; config?: { ownNotifications?: unknown } },
      name,
    ) {
      seen.push({
        name,
        workers: this.workers instanceof Map,
        option: typeof (this.config?.ownNotifications as { swallow?: unknown })?.swallow === 'function',
      });
      return patched.call(this, name);
    };
    try {
      const r = runtime(['contract-notify']);
      await r.start();
      await r.jobs.work('contract-notify', async () => undefined);
      // Sent through another runtime, as another process would: its NOTIFY reaches this one.
      const sender = runtime(['contract-notify']);
      await sender.start();
      await sender.jobs.send('contract-notify', { n: 1 });
      const deadline = Date.now() + 10_000;
      while (!seen.some((s) => s.name === 'contract-notify') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const hit = seen.find((s) => s.name === 'contract-notify');
      expect(hit).toEqual({ name: 'contract-notify', workers: true, option: true });
    } finally {
      prototype.notifyQueue = patched;
    }
  });

  it('the overridden notifyQueue wakes one idle worker, and none for a swallowed NOTIFY', () => {
    const notifyQueue = (Manager.prototype as unknown as { notifyQueue(this: unknown, name: string): void })
      .notifyQueue;
    const woken: string[] = [];
    const worker = (id: string, busy = false) => ({
      name: 'q',
      state: 'active',
      jobs: busy ? [{}] : [],
      notify: () => woken.push(id),
    });
    const workers = new Map(['a', 'b', 'c'].map((id) => [id, worker(id)]));
    let swallow = false;
    const manager = { workers, config: { ownNotifications: { swallow: () => swallow } } };
    notifyQueue.call(manager, 'q');
    expect(woken).toEqual(['a']);
    swallow = true;
    notifyQueue.call(manager, 'q');
    expect(woken).toEqual(['a']);
  });

  it('a job schema of another version is refused at start, naming both versions', async () => {
    const r = runtime(['contract-schema']);
    await r.start();
    await testDb.database.raw.exec(`UPDATE pgboss.version SET version = ${PG_BOSS_SCHEMA_VERSION + 1}`);
    try {
      // Started against the newer schema, pg-boss 12.35 leaves it alone; the adapter refuses it.
      const next = runtime(['contract-schema']);
      await expect(next.start()).rejects.toThrow(
        new RegExp(`version ${PG_BOSS_SCHEMA_VERSION + 1}.*version ${PG_BOSS_SCHEMA_VERSION}`),
      );
    } finally {
      await testDb.database.raw.exec(`UPDATE pgboss.version SET version = ${PG_BOSS_SCHEMA_VERSION}`);
    }
  });

  it('a job table without a column the statements use is refused at start, naming it', async () => {
    const r = runtime(['contract-columns']);
    await r.start();
    await testDb.database.raw.exec('ALTER TABLE pgboss.job RENAME COLUMN heartbeat_on TO heartbeat_at');
    try {
      await expect(runtime(['contract-columns']).start()).rejects.toThrow(/job\.heartbeat_on/);
    } finally {
      await testDb.database.raw.exec('ALTER TABLE pgboss.job RENAME COLUMN heartbeat_at TO heartbeat_on');
    }
  });
});
