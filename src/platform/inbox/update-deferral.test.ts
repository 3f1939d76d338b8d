import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../../../test/support/telegram-updates.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createJobRuntime, type JobRuntime } from '../jobs/job-queue.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { TelegramRetryLaterError } from '../telegram/telegram-errors.ts';
import { storeUpdates, UPDATES_QUEUE } from './inbox-store.ts';
import { listDeadUpdates, registerUpdateWorker, type UpdateWorker } from './update-worker.ts';

// One worker slot: a chat told "later" by Telegram must not hold it (finding 3), must not be
// answered with an error or marked done (finding 2), and must keep its place in its chat's order.
let testDb: TestDatabase;
let runtime: JobRuntime;
let worker: UpdateWorker;
const handled: number[] = [];
const laterTimes = new Map<number, number>();

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
  worker = await registerUpdateWorker({
    database: testDb.database,
    jobs: runtime.jobs,
    logger,
    concurrency: 1,
    handle: async (update) => {
      const left = laterTimes.get(update.update_id) ?? 0;
      if (left > 0) {
        laterTimes.set(update.update_id, left - 1);
        throw new TelegramRetryLaterError('sendMessage', new Date(Date.now() + 1500), 'Too Many Requests');
      }
      handled.push(update.update_id);
    },
  });
});
afterAll(async () => {
  worker.stop();
  await runtime.stop(5000);
  await testDb.close();
});

const message = textUpdate;

async function until(probe: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('retry-later is never a failure', () => {
  it('reschedules the update, frees the slot for other chats, keeps the chat order, survives more "laters" than retries', async () => {
    // Five "laters" in a row: more than the queue's retry limit, as on a last attempt.
    laterTimes.set(1, 5);
    await storeUpdates({ db: testDb.database.db, jobs: runtime.jobs }, [message(1, 10), message(2, 10)]);
    await storeUpdates({ db: testDb.database.db, jobs: runtime.jobs }, [message(3, 20), message(4, 30)]);
    await until(() => handled.includes(3) && handled.includes(4));
    expect(handled).not.toContain(1); // other chats went first through the only slot
    const [pending] = await testDb.database.raw.query<{ status: string; failures: number }>(
      'SELECT status, failures FROM telegram_updates WHERE update_id = 1',
    );
    expect(pending).toMatchObject({ status: 'pending', failures: 0 });
    await until(() => handled.includes(2));
    expect(handled.indexOf(1)).toBeLessThan(handled.indexOf(2)); // the chat's order held
    const rows = await testDb.database.raw.query<{ status: string }>(
      'SELECT status FROM telegram_updates WHERE update_id IN (1, 2)',
    );
    expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
    expect(await listDeadUpdates(runtime.jobs)).toEqual([]);
  }, 90_000);
});
