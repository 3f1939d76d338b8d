import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../../test/support/settled.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { createJobRuntime, deadLetterName, type JobRuntime } from './job-queue.ts';

let testDb: TestDatabase;
let runtime: JobRuntime;
const metrics = createMetrics({ defaultMetrics: false });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.database.raw.exec('CREATE TABLE widgets (id int PRIMARY KEY)');
  runtime = createJobRuntime({
    database: testDb.database,
    logger: createLogger({ level: 'silent', pretty: false }),
    metrics,
    queues: [
      { name: 'tx-test' },
      { name: 'flaky', retryLimit: 2, retryDelaySeconds: 1, retryDelayMaxSeconds: 2 },
      { name: 'later' },
      { name: 'batched', retryLimit: 2, retryDelaySeconds: 1 },
    ],
  });
  await runtime.start();
});

afterAll(async () => {
  await runtime.stop(5000);
  await testDb.close();
});

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('job queue', () => {
  it('enqueues with the transaction: rolled back → never runs, committed → runs exactly once', async () => {
    const { db } = testDb.database;
    const seen: number[] = [];
    await runtime.jobs.work<{ n: number }>('tx-test', async (job) => {
      seen.push(job.data.n);
    });

    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO widgets (id) VALUES (1)`);
        await runtime.jobs.send('tx-test', { n: 1 }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');

    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO widgets (id) VALUES (2)`);
      await runtime.jobs.send('tx-test', { n: 2 }, { tx });
    });

    await until(() => (seen.includes(2) ? true : undefined));
    // A wrongly duplicated or resurrected job would have run once nothing is left to run.
    await settled(testDb.database.raw);
    expect(seen).toEqual([2]);
    const widgets = await testDb.database.raw.query<{ id: number }>('SELECT id FROM widgets ORDER BY id');
    expect(widgets.map((w) => w.id)).toEqual([2]);
    expect(await metrics.registry.getSingleMetricAsString('jobs_processed_total')).toContain(
      'jobs_processed_total{queue="tx-test",outcome="completed"} 1',
    );
  });

  it('retries a failing job with growing delays, then parks it in the dead-letter queue', async () => {
    const attempts: number[] = [];
    await runtime.jobs.work<{ id: string }>('flaky', async () => {
      attempts.push(Date.now());
      throw new Error('always fails');
    });
    const jobId = await runtime.jobs.send('flaky', { id: 'x' });
    expect(jobId).toBeTruthy();

    const dead = await until(async () => {
      const found = await runtime.jobs.boss.findJobs<{ payload: { id: string } }>(deadLetterName('flaky'));
      return found.length > 0 ? found : undefined;
    }, 30_000);
    expect(attempts).toHaveLength(3); // first try + retryLimit 2
    expect(dead[0]?.data.payload).toEqual({ id: 'x' });
    const [a, b, c] = attempts as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(900); // ≥ retryDelay
    expect(c - b).toBeGreaterThanOrEqual(b - a - 300); // backoff does not shrink (jitter allowed)
    const original = await runtime.jobs.boss.findJobs('flaky', { id: jobId ?? '' });
    expect((original[0] as { state?: string } | undefined)?.state).toBe('failed');
  });

  it('holds a delayed job until its time and lists it as pending meanwhile', async () => {
    const ran: string[] = [];
    const at = new Date(Date.now() + 1500);
    await runtime.jobs.send('later', { key: 'k1' }, { startAfter: at });
    const pending = await runtime.jobs.pending<{ key: string }>('later', { key: 'k1' });
    expect(pending).toHaveLength(1);
    await runtime.jobs.work<{ key: string }>('later', async (job) => {
      ran.push(job.data.key);
    });
    await until(() => (ran.length ? true : undefined));
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    expect(ran).toEqual(['k1']);
  });

  it('runs batches concurrently and settles each job on its own', async () => {
    const runs = new Map<number, number>();
    let inFlight = 0;
    let maxInFlight = 0;
    await runtime.jobs.work<{ n: number }>(
      'batched',
      async (job) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        runs.set(job.data.n, (runs.get(job.data.n) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        if (job.data.n === 7 && job.retryCount === 0) throw new Error('flaky once');
        return undefined;
      },
      { batchSize: 10 },
    );
    await runtime.jobs.sendMany(
      'batched',
      Array.from({ length: 25 }, (_, n) => ({ data: { n } })),
    );
    await until(() => (runs.size === 25 && runs.get(7) === 2 ? true : undefined));
    expect([...runs.entries()].filter(([, count]) => count !== 1)).toEqual([[7, 2]]); // only the failed one ran again
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('refuses a queue nobody declared', async () => {
    await expect(runtime.jobs.send('nope', {})).rejects.toThrow(/Unknown queue/);
  });
});
