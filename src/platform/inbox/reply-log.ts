import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq } from 'drizzle-orm';
import type { Transformer } from 'grammy';
import type { Db } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { updateReplies } from './inbox-schema.ts';

/**
 * Makes re-handling an update (after a crash or a retry) invisible to the user. The k-th
 * side-effecting call made while handling update U is looked up first (outer transformer); each
 * HTTP attempt of it is written down immediately before it goes out and completed with its result
 * right after (inner transformer, below the client's limiter waits, backoffs and retries). When U
 * is handled again:
 *  - a completed call returns its recorded result without reaching Telegram;
 *  - a call written down but never completed was in flight when the process died. Telegram has no
 *    idempotency keys, so whether it arrived is unknowable; we do not send it again (no duplicate
 *    the user can see) and log it as ambiguous. An attempt that never started (still waiting for a
 *    slot or a backoff) has no row, so it is simply sent on the next run. What remains is the gap
 *    between the row's commit and the request leaving the process (measured in bench/chaos.ts).
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
/** The logical call an HTTP attempt belongs to (set by the outer transformer for the inner one). */
const callScope = new AsyncLocalStorage<{ updateId: number; seq: number; method: string }>();

/** Runs `fn` as the handling of one update: its outgoing calls are numbered and logged. */
export function inUpdateScope<T>(updateId: number, fn: () => Promise<T>): Promise<T> {
  return scope.run({ updateId, seq: 0 }, fn);
}

/** What a skipped ambiguous call returns: enough of a Message for handlers that read message_id. */
const UNKNOWN_RESULT = { message_id: 0, date: 0, chat: { id: 0, type: 'private' }, ambiguous: true };

export interface ReplyLog {
  /** Install outermost: numbers the calls and answers the ones already made from the log. */
  outer: Transformer;
  /** Install innermost (below the client's limiter and retries): writes each attempt down. */
  inner: Transformer;
}

export function createReplyLog(db: Db, logger: Logger): ReplyLog {
  const keyOf = (updateId: number, seq: number) =>
    and(eq(updateReplies.updateId, updateId), eq(updateReplies.seq, seq));
  return {
    outer: async (prev, method, payload, signal) => {
      const current = scope.getStore();
      if (!current || !SIDE_EFFECTS.has(method)) return prev(method, payload, signal);
      const seq = current.seq++;
      const key = keyOf(current.updateId, seq);
      const [done] = await db.select().from(updateReplies).where(key).limit(1);
      if (done && done.method === method) {
        if (done.result === null) {
          logger.warn(
            { update_id: current.updateId, seq, method },
            'ambiguous send (process died in flight); not repeated',
          );
        }
        const result = done.result ?? (method.startsWith('send') ? UNKNOWN_RESULT : true);
        // biome-ignore lint/suspicious/noExplicitAny: the recorded result has the shape of this very method's result.
        return { ok: true, result: result as any };
      }
      if (done) await db.delete(updateReplies).where(key); // the handler took another path this time
      return callScope.run({ updateId: current.updateId, seq, method }, () => prev(method, payload, signal));
    },
    inner: async (prev, method, payload, signal) => {
      const call = callScope.getStore();
      if (!call || call.method !== method) return prev(method, payload, signal);
      const key = keyOf(call.updateId, call.seq);
      await db
        .insert(updateReplies)
        .values({ updateId: call.updateId, seq: call.seq, method, result: null })
        .onConflictDoNothing();
      let response: Awaited<ReturnType<typeof prev>>;
      try {
        response = await prev(method, payload, signal);
      } catch (error) {
        // Cut off by shutdown after the grace (telegram-transformer's afterGrace): it may have
        // arrived, so it stays written down — ambiguous, not repeated. Anything else: not sent.
        if (!signal?.aborted) await db.delete(updateReplies).where(key);
        throw error;
      }
      if (response.ok)
        await db
          .update(updateReplies)
          .set({ result: response.result ?? true })
          .where(key);
      else await db.delete(updateReplies).where(key); // Telegram refused it (429, 5xx, 4xx): not sent
      return response;
    },
  };
}
