import type { Update } from '@grammyjs/types';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { deadLetterName, type JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import { telegramUpdates, updateReplies } from './inbox-schema.ts';
import { orderingKey, UPDATES_QUEUE, type UpdateJob } from './inbox-store.ts';
import { inUpdateScope } from './reply-log.ts';

export const PRUNE_QUEUE = { name: 'telegram.updates.prune', retryLimit: 2 } as const;

/**
 * Handles stored updates: at least once, duplicates and already-handled ones skipped. A handler
 * that keeps failing is retried `retryLimit` times, then parked (status failed + a copy in the
 * dead-letter queue) and the job completes, so the chat's later updates are not held forever.
 */
export async function registerUpdateWorker(deps: {
  db: Db;
  jobs: JobQueue;
  logger: Logger;
  handle: (update: Update) => Promise<void>;
  concurrency?: number;
}): Promise<void> {
  const { db, jobs, logger } = deps;
  const retryLimit = UPDATES_QUEUE.retryLimit ?? 3;
  await jobs.work<UpdateJob>(
    UPDATES_QUEUE.name,
    async (job) => {
      const updateId = job.data.update_id;
      const [row] = await db
        .update(telegramUpdates)
        .set({ attempts: sql`${telegramUpdates.attempts} + 1` })
        .where(and(eq(telegramUpdates.updateId, updateId), eq(telegramUpdates.status, 'pending')))
        .returning({ payload: telegramUpdates.payload });
      if (!row) return { skipped: 'not pending' };
      try {
        await inUpdateScope(updateId, () => deps.handle(row.payload));
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        if (job.retryCount < retryLimit) {
          await db
            .update(telegramUpdates)
            .set({ error: message })
            .where(eq(telegramUpdates.updateId, updateId));
          throw error;
        }
        logger.error(
          { err: error, update_id: updateId, update: row.payload },
          'update handler failed for good; parked',
        );
        await db
          .update(telegramUpdates)
          .set({ status: 'failed', error: message, processedAt: new Date() })
          .where(eq(telegramUpdates.updateId, updateId));
        await jobs.send(deadLetterName(UPDATES_QUEUE.name), { update_id: updateId, error: message });
        return { parked: true };
      }
      await db
        .update(telegramUpdates)
        .set({ status: 'done', processedAt: new Date(), error: null })
        .where(eq(telegramUpdates.updateId, updateId));
      return undefined;
    },
    { concurrency: deps.concurrency ?? 8 },
  );
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
export async function replayDeadUpdates(deps: { db: Db; jobs: JobQueue }): Promise<number> {
  const dead = await listDeadUpdates(deps.jobs);
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
