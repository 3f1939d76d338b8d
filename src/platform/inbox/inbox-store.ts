import type { Update } from '@grammyjs/types';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';
import type { JobQueue, QueueDefinition } from '../jobs/job-queue.ts';
import { currentTraceId, newTraceId, withTrace } from '../observability/trace.ts';
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

/**
 * Stores updates and their processing jobs in one transaction. Duplicates (same update_id) are
 * dropped. Returns how many were new. Only after this resolves may the update be acknowledged.
 */
export async function storeUpdates(
  deps: { db: Db; jobs: JobQueue },
  updates: readonly Update[],
): Promise<number> {
  if (updates.length === 0) return 0;
  const fresh = await deps.db.transaction(async (tx) => {
    let fresh = 0;
    for (const update of updates) {
      const shape = describeUpdate(update);
      const traceId = currentTraceId() ?? newTraceId();
      const inserted = await tx
        .insert(telegramUpdates)
        .values({
          updateId: update.update_id,
          chatId: shape.chatId,
          fromId: shape.fromId,
          kind: shape.kind,
          payload: update,
          traceId,
        })
        .onConflictDoNothing()
        .returning({ updateId: telegramUpdates.updateId });
      if (inserted.length === 0) continue;
      fresh++;
      const key =
        shape.chatId !== null
          ? `chat:${shape.chatId}`
          : shape.fromId !== null
            ? `user:${shape.fromId}`
            : `u:${uuidv7()}`;
      await withTrace(traceId, () =>
        deps.jobs.send<UpdateJob>(
          UPDATES_QUEUE.name,
          { update_id: update.update_id },
          { tx, singletonKey: key },
        ),
      );
    }
    return fresh;
  });
  if (fresh > 0) deps.jobs.wake(UPDATES_QUEUE.name);
  return fresh;
}
