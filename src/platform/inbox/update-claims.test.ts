import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../../../test/support/telegram-updates.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createJobRuntime, type JobRuntime } from '../jobs/job-queue.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { telegramUpdates, updateReplies } from './inbox-schema.ts';
import { storeUpdates, UPDATES_QUEUE } from './inbox-store.ts';
import { createUpdateClaims, type UpdateClaims } from './update-claims.ts';
import { registerUpdateWorker, type UpdateWorker } from './update-worker.ts';

// Finding 4: a chat whose update was being handled by a worker that died waited 14–16 s (pg-boss
// heartbeat 10 s + supervision). With claims it is handed on within the claim's lifetime.
let testDb: TestDatabase;
let runtime: JobRuntime;
let worker: UpdateWorker;
let survivor: UpdateClaims;
const logger = createLogger({ level: 'silent', pretty: false });
const runs: Array<{ id: number; at: number }> = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
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
    concurrency: 4,
    handle: async (update) => {
      runs.push({ id: update.update_id, at: Date.now() });
      // The first run of update 1 never ends: its worker "died" in the middle of it.
      if (update.update_id === 1 && runs.filter((r) => r.id === 1).length === 1) await new Promise(() => {});
    },
  });
});
afterAll(async () => {
  survivor?.stop();
  worker.stop();
  await runtime.stop(2000);
  await testDb.close();
});

const message = textUpdate;

describe('update claims', () => {
  it('hands the update of a lost worker on within seconds, then the rest of its chat, in order', async () => {
    await storeUpdates({ db: testDb.database.db, jobs: runtime.jobs }, [message(1, 10), message(2, 10)]);
    const deadline = Date.now() + 60_000;
    while (!runs.some((r) => r.id === 1) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    // The worker dies: it stops refreshing its claims. Another process's sweeper is running.
    worker.stop();
    const diedAt = Date.now();
    survivor = createUpdateClaims({
      database: testDb.database,
      jobs: runtime.jobs,
      logger,
      instanceId: 'other',
    });
    while (runs.filter((r) => r.id === 1).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    while (!runs.some((r) => r.id === 2) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const rerun = runs.filter((r) => r.id === 1)[1];
    expect(rerun).toBeDefined();
    const recoveryMs = (rerun?.at ?? Number.POSITIVE_INFINITY) - diedAt;
    console.info(`chat recovered ${recoveryMs} ms after its worker died`);
    // The bound the issue asks for is 3 s (2 s claim + ≤ 0.5 s sweep + ≤ 0.5 s poll); margin for a busy machine.
    expect(recoveryMs).toBeLessThan(6000);
    expect(runs.map((r) => r.id)).toEqual([1, 1, 2]);
  }, 90_000);

  it('says whether an earlier attempt logged calls, so a first attempt skips the reply-log lookups', async () => {
    await testDb.database.db.insert(telegramUpdates).values({
      updateId: 900,
      chatId: 90,
      fromId: 90,
      kind: 'message',
      payload: message(900, 90),
    });
    const claims = createUpdateClaims({
      database: testDb.database,
      jobs: runtime.jobs,
      logger,
      instanceId: 'probe',
    });
    try {
      const first = await claims.claim(900, '00000000-0000-4000-8000-00000000000a');
      expect(first).toMatchObject({ status: 'claimed', logged: false });
      await testDb.database.db
        .insert(updateReplies)
        .values({ updateId: 900, seq: 0, method: 'sendMessage', result: null });
      // The claim lapses (its worker died); the next attempt must look the call up.
      await testDb.database.db
        .update(telegramUpdates)
        .set({ claimExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(telegramUpdates.updateId, 900));
      expect(await claims.claim(900, '00000000-0000-4000-8000-00000000000b')).toMatchObject({
        status: 'claimed',
        logged: true,
      });
    } finally {
      claims.stop();
    }
  });
});
