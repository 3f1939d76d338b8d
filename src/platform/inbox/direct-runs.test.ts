import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../../../test/support/telegram-updates.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createJobRuntime, type JobRuntime } from '../jobs/job-queue.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { type DirectRuns, storeUpdates, UPDATES_QUEUE } from './inbox-store.ts';
import { createUpdateClaims, type UpdateClaims } from './update-claims.ts';
import { registerUpdateWorker, type UpdateWorker } from './update-worker.ts';

// The process that stores an update runs it at once (no fetch), with the job as the fallback: these
// tests hold it to the same promises as the queue — one chat in order and one at a time, across
// processes, and nothing lost when the process dies mid-run.
const logger = createLogger({ level: 'silent', pretty: false });
let testDb: TestDatabase;

/** One "process": its job runtime, update worker, the jobs it ran without a fetch, and its runs. */
interface Proc {
  runtime: JobRuntime;
  worker: UpdateWorker;
  taken: string[];
}
const procs: Proc[] = [];
let survivor: UpdateClaims | null = null;
const runs: Array<{ id: number; chat: number; start: number; end?: number }> = [];
const gates = new Map<number, Promise<void>>();
const running = new Map<number, number>();
let overlap = false;

async function startProc(): Promise<Proc> {
  const runtime = createJobRuntime({
    database: testDb.database,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    queues: [UPDATES_QUEUE],
  });
  await runtime.start();
  const taken: string[] = [];
  const runTaken = runtime.jobs.runTaken.bind(runtime.jobs);
  runtime.jobs.runTaken = (queue, job, handler) => {
    taken.push(job.id);
    return runTaken(queue, job, handler);
  };
  const worker = await registerUpdateWorker({
    database: testDb.database,
    jobs: runtime.jobs,
    logger,
    concurrency: 4,
    handle: async (update) => {
      const chat = update.message?.chat.id ?? 0;
      if ((running.get(chat) ?? 0) > 0) overlap = true;
      running.set(chat, (running.get(chat) ?? 0) + 1);
      const run: (typeof runs)[number] = { id: update.update_id, chat, start: Date.now() };
      runs.push(run);
      try {
        await gates.get(update.update_id);
      } finally {
        run.end = Date.now();
        running.set(chat, (running.get(chat) ?? 1) - 1);
      }
    },
  });
  const proc = { runtime, worker, taken };
  procs.push(proc);
  return proc;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  survivor?.stop();
  for (const p of procs) {
    p.worker.stop();
    await p.runtime.stop(2000);
  }
  await testDb.close();
});

const message = textUpdate;

function gate(updateId: number): () => void {
  let open = () => {};
  gates.set(updateId, new Promise<void>((resolve) => (open = resolve)));
  return open;
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ranIds = (chat: number) => runs.filter((r) => r.chat === chat).map((r) => r.id);
const finished = (id: number) => runs.some((r) => r.id === id && r.end !== undefined);

async function jobStates(updateIds: number[]): Promise<Record<number, string>> {
  const result = await testDb.database.db.execute(sql`
    SELECT (data #>> '{payload,update_id}')::int AS id, state FROM pgboss.job
     WHERE name = ${UPDATES_QUEUE.name} AND (data #>> '{payload,update_id}')::int = ANY(${`{${updateIds.join(',')}}`}::int[])`);
  const rows = (result as unknown as { rows: Array<{ id: number; state: string }> }).rows;
  return Object.fromEntries(rows.map((r) => [r.id, r.state]));
}

describe('direct runs', () => {
  it('runs a stored update in the storing process without a fetch; the chat’s later ones wait, then follow in order', async () => {
    const a = await startProc();
    const deps = { db: testDb.database.db, jobs: a.runtime.jobs, direct: () => a.worker.direct };
    const open = gate(101);
    expect(await storeUpdates(deps, [message(101, 1)])).toBe(1);
    expect(a.taken).toHaveLength(1);
    await until('101 to start', () => runs.some((r) => r.id === 101));
    // Stored while 101 runs: queued behind it (not taken), in two transactions and in one.
    await storeUpdates(deps, [message(102, 1)]);
    await storeUpdates(deps, [message(103, 1), message(201, 2)]);
    expect(a.taken).toHaveLength(2); // 201, another chat, did not wait
    await until('201 to finish', () => finished(201));
    expect(ranIds(1)).toEqual([101]);
    open();
    await until('102 and 103 to finish', () => finished(102) && finished(103));
    expect(ranIds(1)).toEqual([101, 102, 103]);
    expect(overlap).toBe(false);
    await until('every job to be completed', async () =>
      Object.values(await jobStates([101, 102, 103, 201])).every((s) => s === 'completed'),
    );
  }, 90_000);

  it('two processes storing one chat’s updates at the same moment: one runs it, the other queues behind', async () => {
    const [a, b] = procs.length >= 2 ? procs : [procs[0] as Proc, await startProc()];
    if (!a || !b) throw new Error('two processes expected');
    // Process A's storing transaction stays open after taking its job, so B's take meets it head-on.
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const slowA: DirectRuns = {
      ...a.worker.direct,
      async take(tx, jobIds) {
        const taken = await a.worker.direct.take(tx, jobIds);
        held();
        await released;
        return taken;
      },
    };
    const takenBefore = { a: a.taken.length, b: b.taken.length };
    // A batch (two chats) takes its jobs inside its transaction; B's lone update, in one statement.
    const storingA = storeUpdates({ db: testDb.database.db, jobs: a.runtime.jobs, direct: () => slowA }, [
      message(301, 3),
      message(311, 31),
    ]);
    await holding;
    const storingB = storeUpdates(
      { db: testDb.database.db, jobs: b.runtime.jobs, direct: () => b.worker.direct },
      [message(302, 3)],
    );
    // B blocks on A's running job of the same chat until A commits, then stores as a plain queue.
    await until('B to wait for A', async () => {
      const result = await testDb.database.db.execute(
        sql`SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return ((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0) > 0;
    });
    release();
    expect(await storingA).toBe(2);
    expect(await storingB).toBe(1);
    expect(a.taken.length - takenBefore.a).toBe(2);
    expect(b.taken.length - takenBefore.b).toBe(0);
    await until('302 to finish', () => finished(302));
    expect(ranIds(3)).toEqual([301, 302]);
    expect(overlap).toBe(false);
  }, 90_000);

  it('a process that dies while running an update: its claim lapses and another process runs it again', async () => {
    const dying = await startProc();
    gate(401); // never opened: the process "dies" in the middle of it
    await storeUpdates(
      { db: testDb.database.db, jobs: dying.runtime.jobs, direct: () => dying.worker.direct },
      [message(401, 4)],
    );
    await storeUpdates(
      { db: testDb.database.db, jobs: dying.runtime.jobs, direct: () => dying.worker.direct },
      [message(402, 4)],
    );
    await until('401 to start', () => runs.some((r) => r.id === 401));
    // It stops refreshing its claims and beating its job's heart; it fetches nothing any more.
    dying.worker.stop();
    await dying.runtime.stop(100);
    gates.delete(401);
    // Another process's sweeper (the first process is still alive) finds the lapsed claim.
    const alive = procs[0] as Proc;
    survivor = createUpdateClaims({
      database: testDb.database,
      jobs: alive.runtime.jobs,
      logger,
      instanceId: 'survivor',
    });
    await until('401 to run again and 402 after it', () => finished(402), 60_000);
    expect(ranIds(4)).toEqual([401, 401, 402]);
  }, 90_000);
});
