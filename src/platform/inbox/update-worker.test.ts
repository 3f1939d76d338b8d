import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../../../test/support/telegram-updates.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createJobRuntime, type JobRuntime } from '../jobs/job-queue.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { storeUpdates, UPDATES_QUEUE } from './inbox-store.ts';
import { listDeadUpdates, registerUpdateWorker, replayDeadUpdates } from './update-worker.ts';

let testDb: TestDatabase;
let runtime: JobRuntime;
const handled: number[] = [];
let broken = new Set<number>();

beforeAll(async () => {
  testDb = await createTestDatabase();
  const logger = createLogger({ level: 'silent', pretty: false });
  runtime = createJobRuntime({
    database: testDb.database,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    queues: [UPDATES_QUEUE],
  });
  await runtime.start();
  await registerUpdateWorker({
    database: testDb.database,
    jobs: runtime.jobs,
    logger,
    handle: async (update) => {
      if (broken.has(update.update_id)) throw new Error(`handler bug on ${update.update_id}`);
      handled.push(update.update_id);
    },
  });
});
afterAll(async () => {
  await runtime.stop(5000);
  await testDb.close();
});

const message = textUpdate;

async function until(probe: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('update worker', () => {
  it('drops duplicates and handles each chat in order', async () => {
    const deps = { db: testDb.database.db, jobs: runtime.jobs };
    expect(await storeUpdates(deps, [message(1, 10), message(2, 20), message(3, 10)])).toBe(3);
    expect(await storeUpdates(deps, [message(1, 10), message(3, 10)])).toBe(0); // Telegram re-delivered
    await until(() => handled.length === 3);
    expect(handled.filter((id) => id !== 2)).toEqual([1, 3]);
  });

  it('retries a failing handler, parks the update, keeps the chat moving, and replays it after a fix', async () => {
    const deps = { db: testDb.database.db, jobs: runtime.jobs };
    broken = new Set([100]);
    await storeUpdates(deps, [message(100, 30), message(101, 30)]);
    await until(async () => (await listDeadUpdates(runtime.jobs)).length === 1, 40_000);
    await until(() => handled.includes(101)); // the chat was not held forever
    const [row] = await testDb.database.raw.query<{ status: string; attempts: number; error: string }>(
      'SELECT status, attempts, error FROM telegram_updates WHERE update_id = 100',
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 4, error: 'handler bug on 100' });
    expect(handled).not.toContain(100);

    broken = new Set();
    expect(await replayDeadUpdates(deps)).toBe(1);
    await until(() => handled.includes(100));
    expect(await listDeadUpdates(runtime.jobs)).toEqual([]);
  }, 60_000);
});
