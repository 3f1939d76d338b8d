import type { Update } from '@grammyjs/types';
import { and, eq, lt, ne } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Db, Tx } from '../db/database.ts';
import { deadLetterName, type JobQueue } from '../jobs/job-queue.ts';
import { deferJob } from '../jobs/pg-boss/defer-job.ts';
import type { Logger } from '../observability/logger.ts';
import { classifyFailure } from '../telegram/failure-kind.ts';
import { UPDATE_POLICY, withSendPolicy } from '../telegram/telegram-transformer.ts';
import { telegramUpdates, updateReplies } from './inbox-schema.ts';
import { type DirectRuns, orderingKey, UPDATES_QUEUE, type UpdateJob } from './inbox-store.ts';
import { inUpdateScope } from './reply-log.ts';
import { type ClaimResult, createUpdateClaims, type UpdateClaims } from './update-claims.ts';

export const PRUNE_QUEUE = { name: 'telegram.updates.prune', retryLimit: 2 } as const;

/** Handler failures (bugs) before an update is parked; its chat moves on meanwhile. */
const MAX_HANDLER_FAILURES = 3;
/** Outage failures (Telegram 5xx / network, the database away) before parking: about an hour of backoff. */
const MAX_OUTAGE_FAILURES = 70;

export interface UpdateWorker {
  /** Stops the claim refresher and sweeper; call when the job runtime stops. */
  stop(): void;
  claims: UpdateClaims;
  /** Runs updates in the process that stored them, without a fetch (see storeUpdates). */
  direct: DirectRuns;
}

/**
 * Handles stored updates: at least once, duplicates and already-handled ones skipped. An update is
 * marked done only when its handling finished. Telegram's "later" (429) and outages (5xx, network,
 * the database connection) give the job back to the queue for later — its chat's order kept, the
 * worker slot freed, no failure counted for a 429. A handler that keeps failing is parked after a
 * few tries (status failed + a copy in the dead-letter queue, replayable) and the chat moves on.
 */
export async function registerUpdateWorker(deps: {
  database: Database;
  jobs: JobQueue;
  logger: Logger;
  handle: (update: Update) => Promise<void>;
  concurrency?: number;
  /** Aborted at shutdown: work cut short then is deferred without counting as a failure. */
  shutdown?: AbortSignal;
  claimTtlMs?: number;
}): Promise<UpdateWorker> {
  const { database, jobs, logger } = deps;
  const db = database.db;
  const concurrency = deps.concurrency ?? 8;
  const claims = createUpdateClaims({
    database,
    jobs,
    logger,
    instanceId: uuidv7(),
    ...(deps.claimTtlMs ? { ttlMs: deps.claimTtlMs } : {}),
  });
  const setRow = (updateId: number, values: Partial<typeof telegramUpdates.$inferInsert>) => (tx: Tx | Db) =>
    tx
      .update(telegramUpdates)
      .set({ ...values, claimedBy: null, claimJobId: null, claimExpiresAt: null })
      .where(eq(telegramUpdates.updateId, updateId))
      .then(() => undefined);

  /** Runs a claimed update's handler; on failure defers its job (an outage, 429) or parks it. */
  const handleClaimed = async (
    updateId: number,
    job: { id: string; retryCount: number },
    claim: Extract<ClaimResult, { status: 'claimed' }>,
  ) => {
    const defer = (seconds: number, reason: string, values: Partial<typeof telegramUpdates.$inferInsert>) =>
      deferJob(
        { boss: jobs.boss, database },
        UPDATES_QUEUE.name,
        job,
        seconds,
        reason,
        setRow(updateId, values),
      );
    try {
      await withSendPolicy(UPDATE_POLICY, () =>
        inUpdateScope(updateId, () => deps.handle(claim.payload as Update), { logged: claim.logged }),
      );
    } catch (error) {
      const failure = deps.shutdown?.aborted ? ({ kind: 'shutdown' } as const) : classifyFailure(error);
      const message = (error as Error)?.message ?? String(error);
      const failures =
        claim.failures + (failure.kind === 'retry_later' || failure.kind === 'shutdown' ? 0 : 1);
      const limit = failure.kind === 'permanent' ? MAX_HANDLER_FAILURES : MAX_OUTAGE_FAILURES;
      if (failures <= limit) {
        const seconds =
          failure.kind === 'retry_later'
            ? (failure.retryAt.getTime() - Date.now()) / 1000
            : failure.kind === 'shutdown'
              ? 0
              : Math.min(60, 2 ** (failures - 1));
        try {
          await defer(seconds, message, { error: message, failures });
          logger.info({ update_id: updateId, kind: failure.kind, in_seconds: seconds }, 'update deferred');
          return { deferred: failure.kind };
        } catch (deferError) {
          // The database is away too: pg-boss retries the job (the claim lapses meanwhile).
          logger.warn({ err: deferError, update_id: updateId }, 'could not defer the update');
          throw error;
        } finally {
          claims.release(updateId);
        }
      }
      claims.release(updateId);
      // The kind of update, never its content: the payload holds what the person typed.
      const kinds = Object.keys(claim.payload as object).filter((k) => k !== 'update_id');
      logger.error({ err: error, update_id: updateId, kinds }, 'update failed for good; parked');
      await database.db.transaction(async (tx) => {
        await setRow(updateId, { status: 'failed', error: message, failures, processedAt: new Date() })(tx);
        await jobs.send(deadLetterName(UPDATES_QUEUE.name), { update_id: updateId, error: message }, { tx });
      });
      return { parked: true };
    }
    claims.release(updateId);
    await setRow(updateId, { status: 'done', processedAt: new Date(), error: null })(db);
    return undefined;
  };

  await jobs.work<UpdateJob>(
    UPDATES_QUEUE.name,
    async (job) => {
      const updateId = job.data.update_id;
      const claim = await claims.claim(updateId, job.id);
      if (claim.status === 'gone') return { skipped: 'not pending' };
      if (claim.status === 'busy') {
        await deferJob({ boss: jobs.boss, database }, UPDATES_QUEUE.name, job, 1, 'claimed by a live worker');
        return { deferred: 'busy' };
      }
      return handleClaimed(updateId, job, claim);
    },
    { concurrency },
  );

  // Chats with an update running here without a fetch, and whether a later one was queued behind.
  const directChats = new Map<string, { runs: number; followers: boolean }>();
  let directRunning = 0;
  const direct: DirectRuns = {
    // Half the worker's slots again at most: a burst stays within what the connection pool serves.
    free: () => (deps.shutdown?.aborted ? 0 : Math.max(0, Math.ceil(concurrency / 2) - directRunning)),
    take: (tx, jobIds) => claims.take(tx, jobIds),
    storeTaken: (update) => claims.storeTaken(update),
    running: (key) => directChats.has(key),
    abandon: (taken) => {
      for (const t of taken) claims.release(t.updateId);
    },
    queued(keys) {
      for (const key of keys) {
        const chat = directChats.get(key);
        if (chat) chat.followers = true;
      }
    },
    start(runs) {
      for (const { updateId, jobId, key, update } of runs) {
        const chat = directChats.get(key) ?? { runs: 0, followers: false };
        chat.runs++;
        directChats.set(key, chat);
        directRunning++;
        void jobs
          .runTaken<UpdateJob>(UPDATES_QUEUE.name, { id: jobId, data: { update_id: updateId } }, (job) =>
            // A fresh update: no failures yet, nothing in the reply log.
            handleClaimed(updateId, job, { status: 'claimed', payload: update, failures: 0, logged: false }),
          )
          .finally(() => {
            directRunning--;
            // Not started (shutdown): the claim lapses and the sweep gives its job back.
            claims.release(updateId);
            // The chat's next update, queued meanwhile, is runnable now that this job is settled.
            if (chat.followers) jobs.wake(UPDATES_QUEUE.name);
            chat.followers = false;
            if (--chat.runs === 0) directChats.delete(key);
          });
      }
    },
  };
  return { claims, direct, stop: () => claims.stop() };
}

/** Retention: handled updates and their reply logs older than `days` are deleted. */
export async function pruneUpdates(db: Db, olderThan: Date): Promise<number> {
  const removed = await db
    .delete(telegramUpdates)
    .where(and(ne(telegramUpdates.status, 'pending'), lt(telegramUpdates.processedAt, olderThan)))
    .returning({ id: telegramUpdates.updateId });
  await db.delete(updateReplies).where(lt(updateReplies.sentAt, olderThan));
  return removed.length;
}

export async function registerPruneWorker(deps: {
  db: Db;
  jobs: JobQueue;
  logger: Logger;
  retentionDays: number;
}) {
  await deps.jobs.work(PRUNE_QUEUE.name, async () => {
    const cutoff = new Date(Date.now() - deps.retentionDays * 86_400_000);
    const removed = await pruneUpdates(deps.db, cutoff);
    deps.logger.info({ removed, cutoff }, 'pruned handled updates');
    return { removed };
  });
  await deps.jobs.schedule(PRUNE_QUEUE.name, '17 3 * * *', {}, { tz: 'UTC' });
}

export const UNBLOCK_QUEUE = { name: 'telegram.updates.unblock', retryLimit: 1 } as const;

/**
 * A job that died on its last attempt (worker killed, heartbeat lost) is left `failed` by pg-boss,
 * and a failed job holds its chat's queue key. This sweep parks such updates and frees the chat.
 */
export async function unblockStuckChats(deps: { db: Db; jobs: JobQueue; logger: Logger }): Promise<number> {
  const { boss } = deps.jobs;
  let freed = 0;
  for (const key of await boss.getBlockedKeys(UPDATES_QUEUE.name)) {
    const jobs = await boss.findJobs<{ payload?: UpdateJob }>(UPDATES_QUEUE.name, { key });
    for (const job of jobs) {
      if ((job as { state?: string }).state !== 'failed') continue;
      const updateId = job.data.payload?.update_id;
      if (updateId !== undefined) {
        await deps.db
          .update(telegramUpdates)
          .set({ status: 'failed', error: 'worker lost on the last attempt', processedAt: new Date() })
          .where(and(eq(telegramUpdates.updateId, updateId), eq(telegramUpdates.status, 'pending')));
      }
      await boss.deleteJob(UPDATES_QUEUE.name, job.id);
      deps.logger.warn({ key, update_id: updateId }, 'freed a chat held by a failed update job');
      freed++;
    }
  }
  return freed;
}

export async function registerUnblockWorker(deps: { db: Db; jobs: JobQueue; logger: Logger }) {
  await deps.jobs.work(UNBLOCK_QUEUE.name, async () => ({ freed: await unblockStuckChats(deps) }));
  await deps.jobs.schedule(UNBLOCK_QUEUE.name, '* * * * *', {}, { tz: 'UTC' });
}

export interface DeadUpdate {
  jobId: string;
  updateId: number;
  error: string | null;
  deadSince: Date;
}

export async function listDeadUpdates(jobs: JobQueue): Promise<DeadUpdate[]> {
  const found = await jobs.boss.findJobs<{ payload: { update_id: number; error?: string } }>(
    deadLetterName(UPDATES_QUEUE.name),
    { queued: true },
  );
  return found.map((job) => ({
    jobId: job.id,
    updateId: job.data.payload.update_id,
    error: job.data.payload.error ?? null,
    deadSince: new Date((job as { createdOn?: string | Date }).createdOn ?? Date.now()),
  }));
}

/** Hands parked updates to the handlers again (after a fix): back to pending, a new job each, at the end of their chat's queue. */
export async function replayDeadUpdates(
  deps: { db: Db; jobs: JobQueue },
  options: { ids?: readonly string[] } = {},
): Promise<number> {
  const wanted = options.ids ? new Set(options.ids) : null;
  const dead = (await listDeadUpdates(deps.jobs)).filter((item) => !wanted || wanted.has(item.jobId));
  let replayed = 0;
  for (const item of dead) {
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(telegramUpdates)
        .set({ status: 'pending', error: null, attempts: 0, processedAt: null })
        .where(and(eq(telegramUpdates.updateId, item.updateId), eq(telegramUpdates.status, 'failed')))
        .returning({ chatId: telegramUpdates.chatId, fromId: telegramUpdates.fromId });
      if (row) {
        // The same key the ingress gave it, so it queues behind its chat's later updates.
        await deps.jobs.sendMany(
          UPDATES_QUEUE.name,
          [{ data: { update_id: item.updateId }, singletonKey: orderingKey(row) }],
          { tx },
        );
        replayed++;
      }
    });
    await deps.jobs.boss.deleteJob(deadLetterName(UPDATES_QUEUE.name), item.jobId);
  }
  return replayed;
}
