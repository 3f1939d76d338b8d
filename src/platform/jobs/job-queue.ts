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
// pg-boss's Manager, for one override (notifyQueue, below). pg-boss is pinned to an exact version.
import Manager from 'pg-boss/dist/manager.js';
import { uuidv7 } from 'uuidv7';
import type { Database, Tx } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics, QueueCounts } from '../observability/metrics.ts';
import { currentTraceId, newTraceId, withTrace } from '../observability/trace.ts';

/** A queue a capability owns. Every queue gets a dead-letter queue `<name>.dead`. */
export interface QueueDefinition {
  name: string;
  /** Attempts after the first; default 5. */
  retryLimit?: number;
  /** First retry delay; doubles each attempt (with jitter) up to retryDelayMaxSeconds. Default 2 s. */
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  /** How long one attempt may run before it counts as failed. Default 5 min. */
  expireInSeconds?: number;
  /**
   * `key_strict_fifo`: jobs sharing a `singletonKey` run one at a time in creation order, and a
   * retrying job holds back the later ones of its key (per-chat ordering). Sends must pass a key.
   */
  policy?: 'standard' | 'key_strict_fifo';
  /** A running job must heartbeat this often (≥ 10 s) or it is failed and retried: finds jobs of a crashed worker fast. */
  heartbeatSeconds?: number;
}

export interface SendJobOptions {
  /** Run no earlier than this moment. */
  startAfter?: Date;
  /** At most one queued job per key (a job already queued with the key makes this send a no-op). */
  singletonKey?: string;
  /** Enqueue inside this transaction: the job exists iff the transaction commits. */
  tx?: Tx;
  /** Jobs of one group run one at a time when the worker sets groupConcurrency. */
  group?: string;
  priority?: number;
  id?: string;
}

export interface JobContext<T> {
  id: string;
  queue: string;
  data: T;
  retryCount: number;
  signal: AbortSignal;
}

export interface WorkOptions {
  /** Parallel jobs of this queue in this process. */
  concurrency?: number;
  /** Limit on running jobs per `group` across all processes (1 = strictly one at a time per group). */
  groupConcurrency?: number;
  pollingIntervalSeconds?: number;
  /**
   * Jobs claimed per fetch (default 1). Above 1 the batch runs concurrently and each job is
   * settled on its own; a full batch is followed by another fetch at once (for bursts of due jobs).
   */
  batchSize?: number;
}

/** The job port capabilities use: queue names and payloads, never the library behind it. */
export interface JobPort {
  send<T extends object>(queue: string, data: T, options?: SendJobOptions): Promise<string | null>;
  /** Many jobs in one statement (optionally in the caller's transaction). */
  sendMany<T extends object>(
    queue: string,
    items: ReadonlyArray<{ data: T; singletonKey?: string; startAfter?: Date; id?: string }>,
    options?: { tx?: Tx },
  ): Promise<void>;
  cancel(queue: string, id: string, options?: { tx?: Tx }): Promise<void>;
  /** Recurring job by cron expression (or RRULE) in a timezone; `key` distinguishes several schedules of one queue. */
  schedule<T extends object>(
    queue: string,
    cron: string,
    data: T,
    options?: { tz?: string; key?: string },
  ): Promise<void>;
  unschedule(queue: string, key?: string): Promise<void>;
  /** The handler's resolved value (an object) is kept as the job's output. */
  work<T extends object>(
    queue: string,
    handler: (job: JobContext<T>) => Promise<object | undefined>,
    options?: WorkOptions,
  ): Promise<void>;
  /** Jobs still waiting (created or retry) in a queue, optionally matching data fields. */
  pending<T extends object>(
    queue: string,
    match?: Partial<T>,
  ): Promise<Array<{ id: string; data: T; startAfter: Date }>>;
  /**
   * Wakes this process's idle workers of a queue to fetch now instead of at their next poll.
   * For work enqueued here that should start at once (same-process latency; other processes
   * still find it by NOTIFY or by polling). `count`: how many jobs are new (default 1).
   */
  wake(queue: string, count?: number): void;
}

/** The platform's own view (dead-lettering and leases need pg-boss calls the port does not offer). */
export interface JobQueue extends JobPort {
  boss: PgBoss;
  /**
   * Every job a transaction just committed to this queue was taken by this process: the one NOTIFY
   * that transaction sent should wake no worker here (each would fetch for nothing). Expires in 1 s.
   */
  tookAll(queue: string): void;
  /**
   * Runs a job this process took in the transaction that created it (see take-jobs.ts), as a
   * fetching worker would — trace, metrics, heartbeat — and then completes it, or fails it to be
   * retried when the handler throws. Resolves when the job is settled; never rejects. After
   * `stop()` began it does not start the handler: the job stays active and its owner's recovery
   * (a lapsed claim, pg-boss's heartbeat supervision) gives it back to the queue. Waking workers
   * for the key's next job is the caller's: it knows whether one waits.
   */
  runTaken<T extends object>(
    queue: string,
    job: { id: string; data: T },
    handler: (job: JobContext<T>) => Promise<object | undefined>,
  ): Promise<void>;
}

/** Strips the pg-boss handle, so what a capability receives is only the port. */
export function jobPort(jobs: JobQueue): JobPort {
  const { boss: _boss, runTaken: _runTaken, tookAll: _tookAll, ...port } = jobs;
  return port;
}

interface Envelope {
  trace_id?: string;
  payload: unknown;
}

/** A job's stored data: the payload and the trace it was sent in (for SQL that inserts jobs itself). */
export const jobEnvelope = (payload: unknown): Envelope => ({ trace_id: currentTraceId(), payload });

export interface JobRuntime {
  jobs: JobQueue;
  start(): Promise<void>;
  /**
   * Stops taking jobs, lets running ones finish (up to timeoutMs, default 3 s: shutdown stays
   * bounded; a job cut off is run again — updates within seconds by their claims, others after
   * their expiry), then returns. The DB stays open.
   */
  stop(timeoutMs?: number): Promise<void>;
  ping(): Promise<boolean>;
  /** Per-queue counts from pg-boss's own counters (no scan of the job table). */
  counts(): Promise<QueueCounts[]>;
  /** Jobs waiting in each dead-letter queue, counted now (the operator alert's check). */
  deadLetterCounts(): Promise<Map<string, number>>;
}

export const deadLetterName = (queue: string) => `${queue}.dead`;

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

/** What the wake policy needs of a pg-boss worker (its `Worker` class, or `getWipData()` rows). */
interface Wakeable {
  state: string;
  busy: boolean;
  notify(): void;
}

/**
 * Wakes `count` idle workers (fetching or sleeping, no job in hand) of one queue; with none idle, it
 * marks the busy ones so each fetches again as soon as its job is done. pg-boss itself wakes every
 * worker of the queue: with 8 workers on the updates queue one stored update made 8–16 fetches race
 * for one row, about 10 ms of a `/start` round trip on 2 cores. A worker that gets a job wakes the
 * next idle one (see runOne), so a burst still fans out over every worker.
 */
export function wakeWorkers(workers: readonly Wakeable[], count = 1): void {
  const active = workers.filter((w) => w.state === 'active');
  const idle = active.filter((w) => !w.busy);
  if (idle.length === 0) {
    for (const worker of active) worker.notify();
    return;
  }
  for (const worker of idle.slice(0, Math.max(1, count))) worker.notify();
}

/**
 * After a job of a keyed (strict FIFO) queue finished, its key's next job becomes runnable only
 * once pg-boss has marked this one completed, which happens after the handler returns. An idle
 * worker woken now would fetch too early, find the key still taken and sleep; the busy workers —
 * the finishing one among them — fetch again right after their own completion, when it is free.
 */
export function wakeAfterKeyedCompletion(workers: readonly Wakeable[]): void {
  for (const worker of workers) if (worker.state === 'active' && worker.busy) worker.notify();
}

// NOTIFY (a job landed on a queue, from any process) goes through the same policy.
interface BossWorker {
  name: string;
  state: string;
  jobs: unknown[];
  notify(): void;
}
// A NOTIFY this process caused for jobs it took itself (runTaken) wakes nobody here: the first one
// per expectation is swallowed (see `ownNotifications`).
interface OwnNotifications {
  swallow(queue: string): boolean;
}
(Manager.prototype as unknown as { notifyQueue(name: string): void }).notifyQueue = function notifyQueue(
  this: { workers: Map<string, BossWorker>; config: { ownNotifications?: OwnNotifications } },
  name: string,
) {
  if (this.config.ownNotifications?.swallow(name)) return;
  wakeWorkers(
    [...this.workers.values()]
      .filter((w) => w.name === name)
      .map((w) => ({ state: w.state, busy: w.jobs.length > 0, notify: () => w.notify() })),
  );
};
const DUE_SCAN_MS = 1000;

export function createJobRuntime(deps: {
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
}): JobRuntime {
  const { database, logger, metrics } = deps;
  const now = () => deps.clock?.now() ?? Date.now();
  const common: ConstructorOptions = {
    schema: 'pgboss',
    supervise: deps.maintenance !== false,
    schedule: deps.maintenance !== false,
    superviseIntervalSeconds: deps.superviseIntervalSeconds ?? 10,
    monitorIntervalSeconds: deps.superviseIntervalSeconds ?? 10,
    ...(deps.clock ? { clock: deps.clock } : {}),
  };
  // Per queue, until when each expected own NOTIFY is awaited (see JobQueue.tookAll).
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
  const boss = new PgBoss({
    ...common,
    connectionString: database.url,
    max: 5,
    useListenNotify: true,
    ...({ ownNotifications } as object),
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));

  const known = new Set<string>();
  const keyed = new Set(deps.queues.filter((q) => q.policy === 'key_strict_fifo').map((q) => q.name));
  const log = logger.child({ component: 'jobs' });

  const workersOf = (queue: string): Wakeable[] =>
    boss
      .getWipData()
      .filter((w) => w.name === queue)
      .map((w) => ({ state: w.state, busy: w.count > 0, notify: () => boss.notifyWorker(w.id) }));
  const wakeIdle = (queue: string) => {
    const idle = workersOf(queue).find((w) => w.state === 'active' && !w.busy);
    idle?.notify();
  };
  /** A job's handler run: its trace, metrics and log lines; rethrows the handler's failure. */
  const runJob = (
    queue: string,
    job: Pick<Job<Envelope>, 'id' | 'data' | 'retryCount' | 'signal'> & { startAfter?: Date },
    handler: (job: JobContext<never>) => Promise<object | undefined>,
    fetched = true,
  ) =>
    withTrace(job.data?.trace_id ?? newTraceId(), async () => {
      const started = performance.now();
      // More may be waiting: hand the next fetch to an idle worker (no-op when none is idle).
      if (fetched) wakeIdle(queue);
      const dueAt = job.startAfter;
      if (dueAt) metrics.jobLag.observe({ queue }, Math.max(0, (now() - new Date(dueAt).getTime()) / 1000));
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
        log.debug({ queue, job_id: job.id, ms: Math.round(performance.now() - started) }, 'job completed');
        // The next job of this key (strict FIFO) became runnable just now: fetch it without waiting.
        if (fetched && keyed.has(queue)) setImmediate(() => wakeAfterKeyedCompletion(workersOf(queue)));
        return output ?? undefined;
      } catch (error) {
        metrics.jobsProcessed.inc({ queue, outcome: 'failed' });
        took('failed');
        log.warn({ queue, job_id: job.id, retry_count: job.retryCount, err: error }, 'job failed');
        throw error;
      }
    });
  // Jobs taken by this process (runTaken) still running: stop() lets them finish like fetched ones.
  const taken = new Set<Promise<void>>();
  let stopping = false;
  const heartbeatMs = new Map(
    deps.queues.flatMap((q) =>
      q.heartbeatSeconds ? [[q.name, (q.heartbeatSeconds * 1000) / 2] as const] : [],
    ),
  );

  const jobs: JobQueue = {
    boss,
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
            : deps.clock
              ? { startAfter: new Date(deps.clock.now()) }
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
    async work(queue, handler, options = {}) {
      assertKnown(queue);
      const runOne = (job: Job<Envelope>) => runJob(queue, job, handler);
      due.watch(queue);
      const common = {
        localConcurrency: options.concurrency ?? 1,
        // Without a NOTIFY listener (lost connection) workers fall back to a short poll.
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
        // With it, NOTIFY and the due timer (see BACKSTOP_POLL_SECONDS) wake them; this is the
        // backstop. Under a test clock the short poll stays: the database's job_now() moves a step
        // after the JS timers, so a wake at the due instant can fetch just too early.
        notifyPollingIntervalSeconds:
          options.pollingIntervalSeconds ?? (deps.clock ? 0.5 : BACKSTOP_POLL_SECONDS),
        ...(options.groupConcurrency ? { groupConcurrency: options.groupConcurrency } : {}),
        // For start_after: the lag between a job coming due and its pickup (job_lag_seconds).
        includeMetadata: true as const,
      };
      const batchSize = options.batchSize ?? 1;
      if (batchSize === 1) {
        await boss.work<Envelope>(queue, { ...common, batchSize: 1 }, async ([job]) =>
          job ? runOne(job) : undefined,
        );
        return;
      }
      // Batches: one fetch claims up to batchSize due jobs, they run concurrently, and each is
      // settled on its own (a failure retries only that job). A full batch fetches again at once.
      await boss.work<Envelope>(
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
    },
    wake(queue, count = 1) {
      wakeWorkers(workersOf(queue), count);
    },
    tookAll(queue) {
      const until = expected.get(queue) ?? [];
      until.push(Date.now() + 1000);
      expected.set(queue, until);
    },
    runTaken(queue, job, handler) {
      assertKnown(queue);
      if (stopping) return Promise.resolve();
      const controller = new AbortController();
      const envelope: Envelope = { trace_id: currentTraceId(), payload: job.data };
      const run = (async () => {
        // pg-boss fails an active job whose heartbeat stops (a dead worker): keep ours beating.
        const every = heartbeatMs.get(queue);
        const beat = every
          ? setInterval(() => void boss.touch(queue, job.id).catch(() => undefined), every).unref()
          : undefined;
        try {
          const output = await runJob(
            queue,
            // Its lag (job_lag_seconds) is from the commit that created it to its start here.
            {
              id: job.id,
              data: envelope,
              retryCount: 0,
              signal: controller.signal,
              startAfter: new Date(now()),
            },
            handler as (job: JobContext<never>) => Promise<object | undefined>,
            false,
          );
          // A handler that gave the job back (deferJob) left it in retry: complete() then skips it.
          await boss.complete(queue, job.id, output);
        } catch (error) {
          await boss
            .fail(queue, job.id, { message: (error as Error)?.message ?? String(error) })
            .catch((failError) =>
              log.warn({ queue, job_id: job.id, err: failError }, 'could not fail a taken job'),
            );
        } finally {
          clearInterval(beat);
        }
      })();
      taken.add(run);
      void run.finally(() => taken.delete(run));
      return run;
    },
    async pending(queue, match) {
      const found = await boss.findJobs<Envelope>(queue, { queued: true });
      return found
        .filter((j) => ['created', 'retry'].includes((j as { state?: string }).state ?? 'created'))
        .filter((j) => !match || matches(j.data?.payload, match))
        .map((j) => ({ id: j.id, data: j.data.payload as never, startAfter: new Date(j.startAfter) }));
    },
  };

  const due = createDueTimer({
    clock: deps.clock,
    // One worker suffices (its fetch takes every due job, up to its batch): an idle one if any,
    // else a busy one, which then fetches again as soon as it is done.
    wake: (queue) => {
      const workers = boss.getWipData().filter((w) => w.name === queue && w.state === 'active');
      const idle = workers.find((w) => w.count === 0) ?? workers[0];
      if (idle) boss.notifyWorker(idle.id);
    },
    // Through pg-boss's own connection: a test clock waits for its statements before moving on.
    scan: async (queues, from, until) => {
      // One statement a second: queues with a job runnable now (at is null), then the instants
      // coming due before `until`.
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
    },
    onError: (error) => log.warn({ err: error }, 'due-job scan failed; polling covers it'),
  });

  function assertKnown(queue: string) {
    if (!known.has(queue))
      throw new Error(`Unknown queue "${queue}": declare it in the process's queue list`);
  }

  return {
    jobs,
    async start() {
      await boss.start();
      const existing = new Set((await boss.getQueues()).map((q) => q.name));
      for (const def of deps.queues) {
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
        known.add(def.name);
        known.add(dead);
      }
    },
    async stop(timeoutMs = 3000) {
      due.stop();
      stopping = true;
      const started = Date.now();
      if (taken.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...taken]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, timeoutMs);
          }),
        ]);
        clearTimeout(timer);
      }
      const left = Math.max(100, timeoutMs - (Date.now() - started));
      await boss.stop({ graceful: true, close: true, timeout: left });
    },
    async counts() {
      return (await boss.getQueues()).map((q) => ({
        queue: q.name,
        ready: q.readyCount,
        deferred: q.deferredCount,
        active: q.activeCount,
      }));
    },
    async deadLetterCounts() {
      const dead = [...known].filter((name) => name.endsWith('.dead'));
      const { rows } = await boss.getDb().executeSql(
        `SELECT name, count(*)::int AS n FROM pgboss.job
           WHERE name = ANY($1) AND state < 'active' GROUP BY name`,
        [dead],
      );
      const found = new Map(dead.map((name) => [name, 0]));
      for (const r of rows as Array<{ name: string; n: number }>) found.set(r.name, Number(r.n));
      return found;
    },
    async ping() {
      try {
        await boss.getDb().executeSql('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Wakes workers when delayed jobs come due. Per queue it keeps the due instants of the next few
 * seconds (from a scan every DUE_SCAN_MS, or from a local send) and one timer for the earliest; a
 * firing wakes the queue's workers, drops every instant already reached (one fetch takes them all)
 * and arms the next — no query per job. The scan also wakes queues holding jobs already due but not
 * taken (a retry come due, a wake that found a worker busy).
 */
function createDueTimer(deps: {
  clock: Clock | undefined;
  wake: (queue: string) => void;
  /** Queues with a queued job due at `from`, and the due instants in (from, until], earliest first. */
  scan: (
    queues: string[],
    from: number,
    until: number,
  ) => Promise<{ due: string[]; upcoming: Array<{ queue: string; at: number }> }>;
  onError: (error: unknown) => void;
}) {
  const now = () => deps.clock?.now() ?? Date.now();
  const setTimer = (fn: () => void, ms: number) =>
    deps.clock ? deps.clock.setTimeout(fn, ms) : setTimeout(fn, ms).unref();
  const clearTimer = (handle: unknown) =>
    deps.clock ? deps.clock.clearTimeout(handle) : clearTimeout(handle as NodeJS.Timeout);
  /**
   * Instants within this much of the earliest share one wake, at the last of them (the fetch then
   * takes them all): a steady stream of jobs costs one fetch per window, not one per job.
   */
  const COALESCE_MS = 100;
  const watched = new Set<string>();
  const pending = new Map<string, { instants: Set<number>; timer: { at: number; handle: unknown } | null }>();
  let scanTimer: unknown = null;
  let stopped = false;

  const arm = (queue: string) => {
    const entry = pending.get(queue);
    if (!entry || stopped) return;
    const current = now();
    let reached = false;
    for (const instant of entry.instants) {
      if (instant <= current) {
        entry.instants.delete(instant);
        reached = true;
      }
    }
    if (reached) deps.wake(queue);
    const sorted = [...entry.instants].sort((x, y) => x - y);
    const first = sorted[0];
    if (first === undefined) {
      if (entry.timer) clearTimer(entry.timer.handle);
      entry.timer = null;
      return;
    }
    const fireAt = sorted.findLast((t) => t <= first + COALESCE_MS) ?? first;
    if (entry.timer && entry.timer.at === fireAt) return;
    if (entry.timer) clearTimer(entry.timer.handle);
    const handle = setTimer(
      () => {
        entry.timer = null;
        arm(queue);
      },
      Math.max(0, fireAt - current),
    );
    entry.timer = { at: fireAt, handle };
  };

  const at = (queue: string, when: number) => {
    if (stopped || !watched.has(queue)) return;
    // Later instants are the scan's to find when they come near (a timer over 2^31 ms would fire at once).
    if (when > now() + DUE_SCAN_MS * 2) return;
    let entry = pending.get(queue);
    if (!entry) {
      entry = { instants: new Set(), timer: null };
      pending.set(queue, entry);
    }
    entry.instants.add(when);
    arm(queue);
  };

  const scan = async () => {
    if (stopped || watched.size === 0) return;
    const from = now();
    try {
      const found = await deps.scan([...watched], from, from + DUE_SCAN_MS * 2);
      for (const queue of found.due) deps.wake(queue);
      for (const { queue, at: when } of found.upcoming) at(queue, when);
    } catch (error) {
      if (!stopped) deps.onError(error);
    }
  };

  const tick = () => {
    if (stopped) return;
    scanTimer = setTimer(() => {
      void scan().finally(tick);
    }, DUE_SCAN_MS);
  };

  return {
    watch(queue: string) {
      watched.add(queue);
      if (scanTimer === null && !stopped) tick();
    },
    at,
    stop() {
      stopped = true;
      if (scanTimer !== null) clearTimer(scanTimer);
      for (const entry of pending.values()) if (entry.timer) clearTimer(entry.timer.handle);
      pending.clear();
    },
  };
}

function matches(payload: unknown, match: object): boolean {
  if (!payload || typeof payload !== 'object') return false;
  return Object.entries(match).every(([k, v]) => (payload as Record<string, unknown>)[k] === v);
}

// Drizzle types execute() as returning unknown rows; pg-boss only needs `rows`, which both drivers return.
const txDb = (tx: Tx) => fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
