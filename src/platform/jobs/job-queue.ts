import type { PgBoss } from 'pg-boss';
import type { Tx } from '../db/database.ts';
import type { QueueCounts } from '../observability/metrics.ts';
import { currentTraceId } from '../observability/trace.ts';

// The job port and its policy. The one implementation is the pg-boss adapter (./pg-boss/): the only
// code that knows pg-boss's internals and its tables.
export { createJobRuntime } from './pg-boss/job-runtime.ts';

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

export interface Envelope {
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
