import { sql } from 'drizzle-orm';
import {
  type Clock,
  type ConstructorOptions,
  type DrizzleTransactionLike,
  fromDrizzle,
  type Job,
  PgBoss,
  type SendOptions,
} from 'pg-boss';
import { uuidv7 } from 'uuidv7';
import type { Database, Tx } from '../../db/database.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { currentTraceId, newTraceId, withTrace } from '../../observability/trace.ts';
import { createDueTimer } from '../due-timer.ts';
import {
  deadLetterName,
  type Envelope,
  type JobContext,
  type JobQueue,
  type JobRuntime,
  type QueueDefinition,
  wakeAfterKeyedCompletion,
  wakeWorkers,
} from '../job-queue.ts';
import {
  assertPgBossPackage,
  assertPgBossSchema,
  installWakePolicy,
  type OwnNotifications,
} from './compatibility.ts';

/**
 * How an idle worker learns of work without polling every queue twice a second (36 fetches/s for
 * 18 queues: most of an idle process's CPU). Jobs runnable at once wake workers by NOTIFY (every
 * queue is created with `notify`), across processes and only after the sender's commit. Jobs that
 * come due later (reminders, retries after a backoff, deferred sends) are found by a small scan (two indexed queries)
 * per second over all queues this process works, which sets a timer for the earliest due job of
 * each; a delayed job sent from this process sets its timer at once. The per-queue poll stays as a
 * slow backstop.
 */
const BACKSTOP_POLL_SECONDS = 30;

interface RuntimeDeps {
  database: Database;
  logger: Logger;
  metrics: Metrics;
  queues: readonly QueueDefinition[];
  /** Run pg-boss maintenance (supervision, cron) in this process; workers-only processes keep it on. */
  maintenance?: boolean;
  /** How often expired and heartbeat-less jobs are looked for; default 10 s. */
  superviseIntervalSeconds?: number;
  /**
   * pg-boss's clock. Tests pass a pg-boss `TestClock`: time (in JS and in the database's
   * job_now()) then moves only by `tick()`/`setTime()`, so delayed jobs fire without sleeping.
   */
  clock?: Clock;
}

type Handler = (job: JobContext<never>) => Promise<object | undefined>;
type RunnableJob = Pick<Job<Envelope>, 'id' | 'data' | 'retryCount' | 'signal'> & { startAfter?: Date };

/** What the parts of the runtime share: pg-boss, the process's clock and its own workers. */
interface Core {
  deps: RuntimeDeps;
  boss: PgBoss;
  log: Logger;
  now: () => number;
  known: Set<string>;
  keyed: Set<string>;
  /** Per queue, until when each expected own NOTIFY is awaited (see JobQueue.tookAll). */
  expected: Map<string, number[]>;
  assertKnown(queue: string): void;
  workersOf(queue: string): Wakeable[];
}

interface Wakeable {
  state: string;
  busy: boolean;
  notify(): void;
}

export function createJobRuntime(deps: RuntimeDeps): JobRuntime {
  assertPgBossPackage();
  installWakePolicy();
  const core = createCore(deps);
  const runJob = createJobRunner(core);
  const due = createDueTimer({
    clock: deps.clock,
    wake: (queue) => wakeOne(core.boss, queue),
    scan: (queues, from, until) => scanDue(core.boss, queues, from, until),
    onError: (error) => core.log.warn({ err: error }, 'due-job scan failed; polling covers it'),
  });
  const taken = createTakenRunner(core, runJob);
  const jobs: JobQueue = {
    boss: core.boss,
    ...createSendApi(core, due),
    work: createWork(core, runJob, due),
    wake(queue, count = 1) {
      wakeWorkers(core.workersOf(queue), count);
    },
    tookAll(queue) {
      const until = core.expected.get(queue) ?? [];
      until.push(Date.now() + 1000);
      core.expected.set(queue, until);
    },
    runTaken: taken.run,
  };
  return {
    jobs,
    start: () => startQueues(core),
    async stop(timeoutMs = 3000) {
      due.stop();
      const started = Date.now();
      await taken.stop(timeoutMs);
      const left = Math.max(100, timeoutMs - (Date.now() - started));
      await core.boss.stop({ graceful: true, close: true, timeout: left });
    },
    async counts() {
      return (await core.boss.getQueues()).map((q) => ({
        queue: q.name,
        ready: q.readyCount,
        deferred: q.deferredCount,
        active: q.activeCount,
      }));
    },
    deadLetterCounts: () => countDeadLetters(core),
    async ping() {
      try {
        await core.boss.getDb().executeSql('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

function createCore(deps: RuntimeDeps): Core {
  const expected = new Map<string, number[]>();
  const ownNotifications: OwnNotifications = {
    swallow(queue) {
      const until = (expected.get(queue) ?? []).filter((t) => t > Date.now());
      const hit = until.length > 0;
      if (hit) until.shift();
      expected.set(queue, until);
      return hit;
    },
  };
  const common: ConstructorOptions = {
    schema: 'pgboss',
    supervise: deps.maintenance !== false,
    schedule: deps.maintenance !== false,
    superviseIntervalSeconds: deps.superviseIntervalSeconds ?? 10,
    monitorIntervalSeconds: deps.superviseIntervalSeconds ?? 10,
    ...(deps.clock ? { clock: deps.clock } : {}),
  };
  const boss = new PgBoss({
    ...common,
    connectionString: deps.database.url,
    max: 5,
    useListenNotify: true,
    // Not a declared option: pg-boss keeps it on its Manager's config, where the wake policy reads it.
    ...({ ownNotifications } as object),
  });
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'));
  const known = new Set<string>();
  return {
    deps,
    boss,
    log: deps.logger.child({ component: 'jobs' }),
    now: () => deps.clock?.now() ?? Date.now(),
    known,
    keyed: new Set(deps.queues.filter((q) => q.policy === 'key_strict_fifo').map((q) => q.name)),
    expected,
    assertKnown(queue) {
      if (!known.has(queue))
        throw new Error(`Unknown queue "${queue}": declare it in the process's queue list`);
    },
    workersOf: (queue) =>
      boss
        .getWipData()
        .filter((w) => w.name === queue)
        .map((w) => ({ state: w.state, busy: w.count > 0, notify: () => boss.notifyWorker(w.id) })),
  };
}

/** A job's handler run: its trace, metrics and log lines; rethrows the handler's failure. */
function createJobRunner(core: Core) {
  const { metrics } = core.deps;
  const wakeIdle = (queue: string) => {
    const idle = core.workersOf(queue).find((w) => w.state === 'active' && !w.busy);
    idle?.notify();
  };
  return (queue: string, job: RunnableJob, handler: Handler, fetched = true) =>
    withTrace(job.data?.trace_id ?? newTraceId(), async () => {
      const started = performance.now();
      // More may be waiting: hand the next fetch to an idle worker (no-op when none is idle).
      if (fetched) wakeIdle(queue);
      const dueAt = job.startAfter;
      if (dueAt)
        metrics.jobLag.observe({ queue }, Math.max(0, (core.now() - new Date(dueAt).getTime()) / 1000));
      const took = (outcome: string) =>
        metrics.jobDuration.observe({ queue, outcome }, (performance.now() - started) / 1000);
      try {
        const output = await handler({
          id: job.id,
          queue,
          data: job.data.payload as never,
          retryCount: job.retryCount,
          signal: job.signal,
        });
        metrics.jobsProcessed.inc({ queue, outcome: 'completed' });
        took('completed');
        core.log.debug(
          { queue, job_id: job.id, ms: Math.round(performance.now() - started) },
          'job completed',
        );
        // The next job of this key (strict FIFO) became runnable just now: fetch it without waiting.
        if (fetched && core.keyed.has(queue))
          setImmediate(() => wakeAfterKeyedCompletion(core.workersOf(queue)));
        return output ?? undefined;
      } catch (error) {
        metrics.jobsProcessed.inc({ queue, outcome: 'failed' });
        took('failed');
        core.log.warn({ queue, job_id: job.id, retry_count: job.retryCount, err: error }, 'job failed');
        throw error;
      }
    });
}
type JobRunner = ReturnType<typeof createJobRunner>;
type DueTimer = ReturnType<typeof createDueTimer>;

/** send, sendMany, cancel, schedule, unschedule, pending: pg-boss's public API, enveloped. */
function createSendApi(
  core: Core,
  due: DueTimer,
): Pick<JobQueue, 'send' | 'sendMany' | 'cancel' | 'schedule' | 'unschedule' | 'pending'> {
  const { boss, assertKnown } = core;
  return {
    async send(queue, data, options = {}) {
      assertKnown(queue);
      const envelope: Envelope = { trace_id: currentTraceId(), payload: data };
      const sendOptions: SendOptions = {};
      if (options.startAfter) sendOptions.startAfter = options.startAfter;
      if (options.singletonKey) sendOptions.singletonKey = options.singletonKey;
      if (options.group) sendOptions.group = { id: options.group };
      if (options.priority !== undefined) sendOptions.priority = options.priority;
      // Time-ordered ids: jobs sent in one transaction share created_on, and key_strict_fifo breaks
      // that tie by id — a random uuid would run one chat's updates out of order.
      sendOptions.id = options.id ?? uuidv7();
      if (options.tx) sendOptions.db = txDb(options.tx);
      const id = await boss.send(queue, envelope, sendOptions);
      if (options.startAfter) due.at(queue, options.startAfter.getTime());
      return id;
    },
    async sendMany(queue, items, options = {}) {
      assertKnown(queue);
      if (items.length === 0) return;
      const traceId = currentTraceId();
      const clock = core.deps.clock;
      await boss.insert(
        queue,
        items.map((item) => ({
          id: item.id ?? uuidv7(),
          data: { trace_id: traceId, payload: item.data } satisfies Envelope,
          ...(item.singletonKey ? { singletonKey: item.singletonKey } : {}),
          // insert() stamps start_after with the database's real now(), not the test clock's
          // job_now(): under a clock behind real time the jobs would never come due. Say it.
          ...(item.startAfter
            ? { startAfter: item.startAfter }
            : clock
              ? { startAfter: new Date(clock.now()) }
              : {}),
        })),
        options.tx ? { db: txDb(options.tx) } : {},
      );
      for (const item of items) if (item.startAfter) due.at(queue, item.startAfter.getTime());
    },
    async cancel(queue, id, options = {}) {
      assertKnown(queue);
      await boss.cancel(queue, id, options.tx ? { db: txDb(options.tx) } : {});
    },
    async schedule(queue, cron, data, options = {}) {
      assertKnown(queue);
      await boss.schedule(queue, cron, { payload: data } satisfies Envelope, {
        ...(options.tz ? { tz: options.tz } : {}),
        ...(options.key ? { key: options.key } : {}),
      });
    },
    async unschedule(queue, key) {
      await boss.unschedule(queue, key);
    },
    async pending(queue, match) {
      const found = await boss.findJobs<Envelope>(queue, { queued: true });
      return found
        .filter((j) => ['created', 'retry'].includes((j as { state?: string }).state ?? 'created'))
        .filter((j) => !match || matches(j.data?.payload, match))
        .map((j) => ({ id: j.id, data: j.data.payload as never, startAfter: new Date(j.startAfter) }));
    },
  };
}

/** JobQueue.work: a pg-boss worker per queue, one job per fetch or concurrent batches. */
function createWork(core: Core, runJob: JobRunner, due: DueTimer): JobQueue['work'] {
  return async (queue, handler, options = {}) => {
    core.assertKnown(queue);
    const runOne = (job: Job<Envelope>) => runJob(queue, job, handler as Handler);
    due.watch(queue);
    const common = {
      localConcurrency: options.concurrency ?? 1,
      // Without a NOTIFY listener (lost connection) workers fall back to a short poll.
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
      // With it, NOTIFY and the due timer (see BACKSTOP_POLL_SECONDS) wake them; this is the
      // backstop. Under a test clock the short poll stays: the database's job_now() moves a step
      // after the JS timers, so a wake at the due instant can fetch just too early.
      notifyPollingIntervalSeconds:
        options.pollingIntervalSeconds ?? (core.deps.clock ? 0.5 : BACKSTOP_POLL_SECONDS),
      ...(options.groupConcurrency ? { groupConcurrency: options.groupConcurrency } : {}),
      // For start_after: the lag between a job coming due and its pickup (job_lag_seconds).
      includeMetadata: true as const,
    };
    const batchSize = options.batchSize ?? 1;
    if (batchSize === 1) {
      await core.boss.work<Envelope>(queue, { ...common, batchSize: 1 }, async ([job]) =>
        job ? runOne(job) : undefined,
      );
      return;
    }
    // Batches: one fetch claims up to batchSize due jobs, they run concurrently, and each is
    // settled on its own (a failure retries only that job). A full batch fetches again at once.
    await core.boss.work<Envelope>(
      queue,
      { ...common, batchSize, perJobResults: true, burstWhenBatchFull: true },
      async (batch) => {
        const settled = await Promise.allSettled(batch.map((job) => runOne(job)));
        return settled.map((result, i) => ({
          id: (batch[i] as Job<Envelope>).id,
          status: result.status === 'fulfilled' ? ('completed' as const) : ('failed' as const),
          ...(result.status === 'fulfilled'
            ? { output: result.value }
            : { output: { message: String((result.reason as Error)?.message ?? result.reason) } }),
        }));
      },
    );
  };
}

/** JobQueue.runTaken, and the wait for taken jobs still running when the runtime stops. */
function createTakenRunner(core: Core, runJob: JobRunner) {
  const { boss } = core;
  // Jobs taken by this process (runTaken) still running: stop() lets them finish like fetched ones.
  const taken = new Set<Promise<void>>();
  let stopping = false;
  const heartbeatMs = new Map(
    core.deps.queues.flatMap((q) =>
      q.heartbeatSeconds ? [[q.name, (q.heartbeatSeconds * 1000) / 2] as const] : [],
    ),
  );
  const settle = async (queue: string, job: { id: string; data: unknown }, handler: Handler) => {
    // pg-boss fails an active job whose heartbeat stops (a dead worker): keep ours beating.
    const every = heartbeatMs.get(queue);
    const beat = every
      ? setInterval(() => void boss.touch(queue, job.id).catch(() => undefined), every).unref()
      : undefined;
    try {
      const envelope: Envelope = { trace_id: currentTraceId(), payload: job.data };
      // Its lag (job_lag_seconds) is from the commit that created it to its start here.
      const started = { id: job.id, data: envelope, retryCount: 0, startAfter: new Date(core.now()) };
      const output = await runJob(
        queue,
        { ...started, signal: new AbortController().signal },
        handler,
        false,
      );
      // A handler that gave the job back (deferJob) left it in retry: complete() then skips it.
      await boss.complete(queue, job.id, output);
    } catch (error) {
      await boss
        .fail(queue, job.id, { message: (error as Error)?.message ?? String(error) })
        .catch((failError) =>
          core.log.warn({ queue, job_id: job.id, err: failError }, 'could not fail a taken job'),
        );
    } finally {
      clearInterval(beat);
    }
  };
  const run: JobQueue['runTaken'] = (queue, job, handler) => {
    core.assertKnown(queue);
    if (stopping) return Promise.resolve();
    const running = settle(queue, job, handler as Handler);
    taken.add(running);
    void running.finally(() => taken.delete(running));
    return running;
  };
  const stop = async (timeoutMs: number) => {
    stopping = true;
    if (taken.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...taken]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  };
  return { run, stop };
}

/** Starts pg-boss, checks its schema is the one this adapter speaks, and creates missing queues. */
async function startQueues(core: Core): Promise<void> {
  const { boss } = core;
  await boss.start();
  try {
    await assertPgBossSchema((text, values) => boss.getDb().executeSql(text, values));
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw error;
  }
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const def of core.deps.queues) {
    const dead = deadLetterName(def.name);
    if (!existing.has(dead)) await boss.createQueue(dead, { retentionSeconds: 30 * 86_400 });
    if (!existing.has(def.name)) {
      await boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 2,
        retryBackoff: true,
        retryDelayMax: def.retryDelayMaxSeconds ?? 600,
        expireInSeconds: def.expireInSeconds ?? 300,
        deadLetter: dead,
        notify: true,
        ...(def.policy ? { policy: def.policy } : {}),
        ...(def.heartbeatSeconds ? { heartbeatSeconds: def.heartbeatSeconds } : {}),
      });
    }
    core.known.add(def.name);
    core.known.add(dead);
  }
}

/**
 * The due timer's wake: one worker suffices (its fetch takes every due job, up to its batch): an
 * idle one if any, else a busy one, which then fetches again as soon as it is done.
 */
function wakeOne(boss: PgBoss, queue: string): void {
  const workers = boss.getWipData().filter((w) => w.name === queue && w.state === 'active');
  const idle = workers.find((w) => w.count === 0) ?? workers[0];
  if (idle) boss.notifyWorker(idle.id);
}

/**
 * One statement a second, through pg-boss's own connection (a test clock waits for its statements
 * before moving on): queues with a job runnable now (at is null), then the instants coming due
 * before `until`.
 */
async function scanDue(boss: PgBoss, queues: string[], from: number, until: number) {
  const { rows } = await boss.getDb().executeSql(
    `(SELECT DISTINCT name, NULL::float8 AS at FROM pgboss.job
       WHERE name = ANY($1) AND state < 'active' AND start_after <= $2)
     UNION ALL
     (SELECT name, (extract(epoch FROM start_after) * 1000)::float8 FROM pgboss.job
       WHERE name = ANY($1) AND state < 'active' AND start_after > $2 AND start_after <= $3
       ORDER BY start_after LIMIT 1000)`,
    [queues, new Date(from).toISOString(), new Date(until).toISOString()],
  );
  const found = rows as Array<{ name: string; at: number | null }>;
  return {
    due: found.filter((r) => r.at === null).map((r) => r.name),
    upcoming: found.flatMap((r) => (r.at === null ? [] : [{ queue: r.name, at: Number(r.at) }])),
  };
}

async function countDeadLetters(core: Core): Promise<Map<string, number>> {
  const dead = [...core.known].filter((name) => name.endsWith('.dead'));
  const { rows } = await core.boss.getDb().executeSql(
    `SELECT name, count(*)::int AS n FROM pgboss.job
       WHERE name = ANY($1) AND state < 'active' GROUP BY name`,
    [dead],
  );
  const found = new Map(dead.map((name) => [name, 0]));
  for (const r of rows as Array<{ name: string; n: number }>) found.set(r.name, Number(r.n));
  return found;
}

function matches(payload: unknown, match: object): boolean {
  if (!payload || typeof payload !== 'object') return false;
  return Object.entries(match).every(([k, v]) => (payload as Record<string, unknown>)[k] === v);
}

// Drizzle types execute() as returning unknown rows; pg-boss only needs `rows`, which both drivers return.
const txDb = (tx: Tx) => fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
