import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq } from 'drizzle-orm';
import type { Transformer } from 'grammy';
import type { Db } from '../db/database.ts';
import { updateReplies } from './inbox-schema.ts';

/**
 * Makes re-handling an update (after a crash or a retry) invisible to the user: the k-th
 * side-effecting call made while handling update U is recorded with its result; when U is handled
 * again, calls already recorded return the recorded result instead of reaching Telegram.
 * What remains is the window between Telegram accepting a call and the record being written —
 * Telegram has no idempotency keys, so that window cannot be closed from our side.
 */
const SIDE_EFFECTS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendVoice',
  'sendAudio',
  'sendLocation',
  'sendMediaGroup',
  'copyMessage',
  'forwardMessage',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'deleteMessage',
  'answerCallbackQuery',
  'createForumTopic',
  'editForumTopic',
  'closeForumTopic',
  'reopenForumTopic',
  'deleteForumTopic',
  'pinChatMessage',
]);

const scope = new AsyncLocalStorage<{ updateId: number; seq: number }>();

/** Runs `fn` as the handling of one update: its outgoing calls are numbered and logged. */
export function inUpdateScope<T>(updateId: number, fn: () => Promise<T>): Promise<T> {
  return scope.run({ updateId, seq: 0 }, fn);
}

export function createReplyLogTransformer(db: Db): Transformer {
  return async (prev, method, payload, signal) => {
    const current = scope.getStore();
    if (!current || !SIDE_EFFECTS.has(method)) return prev(method, payload, signal);
    const seq = current.seq++;
    const [done] = await db
      .select({ method: updateReplies.method, result: updateReplies.result })
      .from(updateReplies)
      .where(and(eq(updateReplies.updateId, current.updateId), eq(updateReplies.seq, seq)))
      .limit(1);
    // biome-ignore lint/suspicious/noExplicitAny: the recorded result has the shape of this very method's result.
    if (done && done.method === method) return { ok: true, result: done.result as any };
    const response = await prev(method, payload, signal);
    if (response.ok) {
      await db
        .insert(updateReplies)
        .values({ updateId: current.updateId, seq, method, result: response.result ?? true })
        .onConflictDoNothing();
    }
    return response;
  };
}
