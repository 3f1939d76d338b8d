import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import type { Transformer } from 'grammy';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { classifyFailure } from '../telegram/failure-kind.ts';
import { type CommitPoint, withCommitPoint } from '../telegram/telegram-fetch.ts';
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
 *    slot or a backoff) has no row, so it is simply sent on the next run. The request's last byte
 *    is written right before the row's INSERT, its own commit (telegram-fetch.ts): a kill can
 *    separate them only between two consecutive writes (bench/chaos.ts counts what is left).
 *  - except calls that are safe to repeat (an edit to the same text, answering a button, deleting a
 *    message): those are made again, and Telegram's "nothing changed" answers ("message is not
 *    modified", "query is too old", "message to delete not found") count as done.
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

/** Side effects whose repetition the user cannot see: the same edit twice is the edit once. */
const REPEATABLE = new Set([
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'deleteMessage',
  'answerCallbackQuery',
  'editForumTopic',
  'closeForumTopic',
  'reopenForumTopic',
  'pinChatMessage',
]);

/** Telegram's answers to a repeated idempotent call whose first attempt had in fact arrived. */
const ALREADY_DONE =
  /message is not modified|query is too old|query id is invalid|message to delete not found|TOPIC_NOT_MODIFIED|TOPIC_CLOSED|TOPIC_NOT_CLOSED/i;

const scope = new AsyncLocalStorage<{ updateId: number; seq: number; logged: boolean }>();
/** The logical call an HTTP attempt belongs to (set by the outer transformer for the inner one). */
const callScope = new AsyncLocalStorage<{ updateId: number; seq: number; method: string }>();

/**
 * Runs `fn` as the handling of one update: its outgoing calls are numbered and logged. `logged`:
 * whether an earlier attempt left rows in the log (when it did not, none is looked up: one query
 * less per call on the first attempt, which is nearly every update).
 */
export function inUpdateScope<T>(
  updateId: number,
  fn: () => Promise<T>,
  options: { logged?: boolean } = {},
): Promise<T> {
  return scope.run({ updateId, seq: 0, logged: options.logged ?? true }, fn);
}

/** What a skipped ambiguous call returns: enough of a Message for handlers that read message_id. */
const UNKNOWN_RESULT = { message_id: 0, date: 0, chat: { id: 0, type: 'private' }, ambiguous: true };

export interface ReplyLog {
  /** Install outermost: numbers the calls and answers the ones already made from the log. */
  outer: Transformer;
  /** Install innermost (below the client's limiter and retries): writes each attempt down. */
  inner: Transformer;
}

export function createReplyLog(database: Pick<Database, 'db' | 'pool'>, logger: Logger): ReplyLog {
  const { db, pool } = database;
  const keyOf = (updateId: number, seq: number) =>
    and(eq(updateReplies.updateId, updateId), eq(updateReplies.seq, seq));
  return {
    outer: async (prev, method, payload, signal) => {
      const current = scope.getStore();
      if (!current || !SIDE_EFFECTS.has(method)) return prev(method, payload, signal);
      const seq = current.seq++;
      const key = keyOf(current.updateId, seq);
      const [done] = current.logged ? await db.select().from(updateReplies).where(key).limit(1) : [];
      if (done && done.method === method && done.result === null && REPEATABLE.has(method)) {
        logger.warn(
          { update_id: current.updateId, seq, method },
          'ambiguous call (process died in flight); safe to repeat, repeated',
        );
        await db.delete(updateReplies).where(key);
        const response = await callScope.run({ updateId: current.updateId, seq, method }, () =>
          prev(method, payload, signal),
        );
        if (!response.ok && response.error_code === 400 && ALREADY_DONE.test(response.description))
          // biome-ignore lint/suspicious/noExplicitAny: `true` is what every repeatable method returns (edits of a bot's message return the Message, which handlers here do not read).
          return { ok: true, result: true as any };
        return response;
      }
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
      const marker = { updateId: call.updateId, seq: call.seq, method, result: null };
      // The transport writes the request's last byte, and in the same run of code (no I/O between)
      // the marker's INSERT goes out on a connection taken beforehand: the statement is its own
      // commit (telegram-fetch.ts). Killed before the last byte: nothing sent, nothing written.
      let sealed: Promise<void> | undefined;
      const point: CommitPoint = {
        finished: false,
        seal: (end) => {
          sealed = (async () => {
            const client = await pool.connect();
            try {
              end();
              await client.query({
                text: REPLY_MARKER_SQL,
                values: [call.updateId, call.seq, method],
              });
            } finally {
              client.release();
            }
          })();
          return sealed;
        },
      };
      let response: Awaited<ReturnType<typeof prev>>;
      try {
        response = await withCommitPoint(point, () => prev(method, payload, signal));
      } catch (error) {
        await sealed?.catch(() => undefined);
        // Cut off by shutdown after the grace (telegram-transformer's afterGrace) once the whole
        // request was out: it may have arrived, so it stays written down — ambiguous (a send is not
        // repeated, a REPEATABLE call is). Any other failure, or a request cut before its end: the
        // request did not go through.
        if (!signal?.aborted || !point.finished) await db.delete(updateReplies).where(key);
        throw error;
      }
      await sealed?.catch(() => undefined); // a record that failed after the end: recorded below
      // What Telegram answered must reach the log even across a database restart: a sent reply
      // missing from it would be sent again, a refused one left marked would never be.
      if (response.ok) {
        const result = response.result ?? true;
        await persist(logger, () =>
          db
            .insert(updateReplies)
            .values({ ...marker, result })
            .onConflictDoUpdate({ target: [updateReplies.updateId, updateReplies.seq], set: { result } }),
        );
      } else await persist(logger, () => db.delete(updateReplies).where(key)); // refused (429, 5xx, 4xx): not sent
      return response;
    },
  };
}

/** The record written right after a request's last byte (a constant text: run prepared). */
export const REPLY_MARKER_SQL =
  'INSERT INTO update_replies (update_id, seq, method, result) VALUES ($1, $2, $3, NULL) ON CONFLICT DO NOTHING';

/** How long a write of the log keeps trying while the database is away (a restart takes seconds). */
const PERSIST_FOR_MS = 60_000;

async function persist(logger: Logger, write: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + PERSIST_FOR_MS;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      await write();
      return;
    } catch (error) {
      if (classifyFailure(error).kind !== 'transient' || Date.now() + delay > deadline) throw error;
      logger.warn(
        { err: error, retry_in_ms: delay },
        'reply log write failed; the database is away, retrying',
      );
      await sleep(delay);
    }
  }
}
