import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq } from 'drizzle-orm';
import type { Transformer } from 'grammy';
import type { Db } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { updateReplies } from './inbox-schema.ts';

/**
 * Makes re-handling an update (after a crash or a retry) invisible to the user. The k-th
 * side-effecting call made while handling update U is written down BEFORE it goes out and
 * completed with its result after. When U is handled again:
 *  - a completed call returns its recorded result without reaching Telegram;
 *  - a call written down but never completed was in flight when the process died. Telegram has no
 *    idempotency keys, so whether it arrived is unknowable; we do not send it again (no duplicate
 *    the user can see) and log it as ambiguous. Almost always it did arrive: the record is written
 *    before the request leaves, so the only loss is a crash in that sub-millisecond gap.
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

/** What a skipped ambiguous call returns: enough of a Message for handlers that read message_id. */
const UNKNOWN_RESULT = { message_id: 0, date: 0, chat: { id: 0, type: 'private' }, ambiguous: true };

export function createReplyLogTransformer(db: Db, logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const current = scope.getStore();
    if (!current || !SIDE_EFFECTS.has(method)) return prev(method, payload, signal);
    const seq = current.seq++;
    const key = and(eq(updateReplies.updateId, current.updateId), eq(updateReplies.seq, seq));
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
    await db.insert(updateReplies).values({ updateId: current.updateId, seq, method, result: null });
    let response: Awaited<ReturnType<typeof prev>>;
    try {
      response = await prev(method, payload, signal);
    } catch (error) {
      await db.delete(updateReplies).where(key); // definitely not sent: a retry may send it
      throw error;
    }
    if (response.ok)
      await db
        .update(updateReplies)
        .set({ result: response.result ?? true })
        .where(key);
    else await db.delete(updateReplies).where(key);
    return response;
  };
}
