import type { Update } from '@grammyjs/types';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';
import { sanitizeUpdate } from '../http/safe-input.ts';
import type { JobQueue, QueueDefinition } from '../jobs/job-queue.ts';
import { currentTraceId, newTraceId } from '../observability/trace.ts';
import { telegramUpdates } from './inbox-schema.ts';

/**
 * Stored updates are handled by jobs keyed by chat: one chat strictly in order (a retrying update
 * holds back the chat's later ones), different chats in parallel, on any number of workers.
 */
export const UPDATES_QUEUE: QueueDefinition = {
  name: 'telegram.updates',
  policy: 'key_strict_fifo',
  retryLimit: 3,
  retryDelaySeconds: 1,
  retryDelayMaxSeconds: 15,
  expireInSeconds: 120,
  heartbeatSeconds: 10,
};

export interface UpdateJob {
  update_id: number;
}

export interface UpdateShape {
  chatId: number | null;
  fromId: number | null;
  kind: string;
}

/** Which chat and person an update belongs to, for ordering and flood control. */
export function describeUpdate(update: Update): UpdateShape {
  const kind = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
  // biome-ignore lint/suspicious/noExplicitAny: every update kind is probed for the same optional fields.
  const body = (update as any)[kind] ?? {};
  const chat = body.chat ?? body.message?.chat ?? null;
  const from = body.from ?? body.user ?? null;
  return {
    kind,
    chatId: typeof chat?.id === 'number' ? chat.id : null,
    fromId: typeof from?.id === 'number' ? from.id : null,
  };
}

export function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id) &&
    Object.keys(value).length >= 2
  );
}

/** The per-chat FIFO key of an update's job (by chat, else by person). */
export const orderingKey = (shape: Pick<UpdateShape, 'chatId' | 'fromId'>) =>
  shape.chatId !== null
    ? `chat:${shape.chatId}`
    : shape.fromId !== null
      ? `user:${shape.fromId}`
      : `u:${uuidv7()}`;

/**
 * Stores updates and their processing jobs in one transaction (two statements however many
 * updates). Duplicates (same update_id) are dropped. Returns how many were new. Only after this
 * resolves may the updates be acknowledged.
 */
export async function storeUpdates(
  deps: { db: Db; jobs: JobQueue },
  updates: readonly Update[],
): Promise<number> {
  if (updates.length === 0) return 0;
  const traceId = currentTraceId();
  // Every ingress path (webhook and long polling) stores text PostgreSQL accepts: no NUL, no lone
  // surrogates (jsonb refuses both); the webhook route has already done it, a second pass is a no-op.
  const unique = [...new Map(updates.map((u) => [u.update_id, sanitizeUpdate(u)])).values()];
  const rows = unique.map((update) => {
    const shape = describeUpdate(update);
    return { update, shape, traceId: traceId ?? newTraceId() };
  });
  const fresh = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(telegramUpdates)
      .values(
        rows.map(({ update, shape, traceId: id }) => ({
          updateId: update.update_id,
          chatId: shape.chatId,
          fromId: shape.fromId,
          kind: shape.kind,
          payload: update,
          traceId: id,
        })),
      )
      .onConflictDoNothing()
      .returning({ updateId: telegramUpdates.updateId });
    const isNew = new Set(inserted.map((r) => r.updateId));
    // Jobs in update_id order: they share created_on, and their time-ordered ids keep each chat's order.
    const jobs = rows
      .filter((r) => isNew.has(r.update.update_id))
      .sort((a, b) => a.update.update_id - b.update.update_id)
      .map((r) => ({
        data: { update_id: r.update.update_id } satisfies UpdateJob,
        singletonKey: orderingKey(r.shape),
      }));
    await deps.jobs.sendMany(UPDATES_QUEUE.name, jobs, { tx });
    return jobs.length;
  });
  if (fresh > 0) deps.jobs.wake(UPDATES_QUEUE.name, fresh);
  return fresh;
}

/**
 * Group commit for webhook requests: each request waits for a transaction that also carries the
 * requests that arrived while the previous one was committing. Idle: a request is written at once;
 * busy: one commit serves many requests, which is what lets acknowledgements keep up.
 */
export function createUpdateWriter(
  deps: { db: Db; jobs: JobQueue },
  maxBatch = 200,
): (update: Update) => Promise<void> {
  let pending: Array<{ update: Update; done: (error?: unknown) => void }> = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        await storeUpdates(
          deps,
          batch.map((b) => b.update),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    writing = false;
  };
  return (update) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ update, done: (error) => (error ? reject(error) : resolve()) });
      if (!writing) void flush();
    });
}
