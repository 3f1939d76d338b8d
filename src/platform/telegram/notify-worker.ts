import { sql } from 'drizzle-orm';
import { type Api, GrammyError, InputFile } from 'grammy';
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Tx } from '../db/database.ts';
import type { JobContext } from '../jobs/job-queue.ts';
import { deferJob } from '../jobs/pg-boss/defer-job.ts';
import type { Logger } from '../observability/logger.ts';
import { currentTraceId } from '../observability/trace.ts';
import { isBlocked } from './blocked-users.ts';
import { recordDelivery, wasDelivered } from './deliveries.ts';
import {
  MAX_CAPTION,
  NOTIFY_DEAD_QUEUE,
  NOTIFY_QUEUE,
  type NotifyMedia,
  type NotifyMessage,
} from './notify-queue.ts';
import { BotBlockedError, TelegramRetryLaterError } from './telegram-errors.ts';
import type { TelegramCounters } from './telegram-metrics.ts';
import { type SendPolicy, withSendPolicy } from './telegram-transformer.ts';

/**
 * Inside a job the client tries briefly and hands anything longer back to the queue: the job's
 * retry (or its rescheduled start) is stored, so the wait survives a restart and frees the worker.
 */
export const JOB_POLICY: SendPolicy = {
  maxAttempts: 2,
  maxWaitSeconds: 3,
  maxRetryAfterSeconds: 0,
  baseDelayMs: 250,
  maxDelayMs: 1000,
};

export type NotifyOutcome =
  | 'sent'
  | 'duplicate'
  | 'skipped_blocked'
  | 'blocked'
  | 'never_started'
  | 'deferred'
  | 'retry'
  | 'dead';

export interface NotifyWorkerDeps {
  api: Api;
  boss: PgBoss;
  database: Database;
  logger: Logger;
  counters?: TelegramCounters | undefined;
  /** Enqueues another notification (the queue's own envelope and chat key). */
  enqueue: (message: NotifyMessage) => Promise<unknown>;
  policy?: SendPolicy;
}

/** The handler of one `notify` job. Returns the job's output; throws only to ask for a retry. */
export function createNotifyHandler(deps: NotifyWorkerDeps) {
  const { api, boss, database } = deps;
  const { raw } = database;
  const log = deps.logger.child({ component: 'notify' });
  const policy = deps.policy ?? JOB_POLICY;
  const done = (outcome: NotifyOutcome, extra: object = {}) => {
    deps.counters?.notifications.inc({ outcome });
    return { outcome, ...extra };
  };
  const attempt = (job: JobContext<NotifyMessage>) => ({ id: job.id, retryCount: job.retryCount });

  /** Parks the job in notify.dead and completes it, in one transaction. */
  async function deadLetter(job: JobContext<NotifyMessage>, error: unknown) {
    // Not pg-boss's own dead-lettering: that leaves the failed job in `notify`, where under
    // key_strict_fifo it would hold back every later notification of the chat until someone
    // deletes it. Parked here, the chat's queue moves on and the message waits for an admin.
    const reason = error instanceof Error ? error.message : String(error);
    await database.db.transaction(async (tx) => {
      const db = bossDb(tx);
      await boss.send(
        NOTIFY_DEAD_QUEUE,
        {
          trace_id: currentTraceId(),
          payload: job.data,
          error: reason,
          source_id: job.id,
          attempts: job.retryCount + 1,
        },
        { db },
      );
      await boss.complete(NOTIFY_QUEUE, attempt(job), { outcome: 'dead', error: reason }, { db });
    });
    log.error({ job_id: job.id, chat_id: job.data.chatId, err: error }, 'notification dead-lettered');
    return done('dead', { error: reason });
  }

  /**
   * Telegram said "later" (a 429, or our limiter's wait is too long for a job): the job goes back
   * to the queue for `retryAt`, not counted as a failure (whatever its attempt, also the last),
   * and stays in `retry`, so key_strict_fifo keeps the rest of its chat waiting behind it.
   */
  async function defer(job: JobContext<NotifyMessage>, error: TelegramRetryLaterError) {
    const seconds = (error.retryAt.getTime() - Date.now()) / 1000;
    const deferred = await deferJob({ boss, database }, NOTIFY_QUEUE, attempt(job), seconds, error.message);
    if (!deferred) return done('retry'); // the attempt was settled meanwhile (expired): pg-boss retries it
    log.info({ job_id: job.id, chat_id: job.data.chatId, retry_at: error.retryAt }, 'notification deferred');
    return done('deferred', { retry_at: error.retryAt.toISOString() });
  }

  let botLink: Promise<string> | null = null;
  /**
   * The person never opened the bot: what they should have been told goes to whoever the sender
   * named instead (each with its own dedupe key, so a retry of this job tells them once).
   */
  async function neverStarted(job: JobContext<NotifyMessage>) {
    const instead = job.data.ifNeverStarted ?? [];
    if (instead.length) {
      botLink ??= api.getMe().then((me) => `https://t.me/${me.username}`);
      const link = await botLink.catch(() => {
        botLink = null;
        return 'Telegram';
      });
      for (const message of instead)
        await deps.enqueue({ ...message, text: message.text.replaceAll('{bot_link}', link) });
    }
    log.info(
      { job_id: job.id, chat_id: job.data.chatId, told_instead: instead.length },
      'notification not sent: the person never opened the bot',
    );
    return done('never_started');
  }

  /** Sends the files (each part once per dedupe key) and the text; returns the last message. */
  async function deliver(message: NotifyMessage) {
    const common = {
      ...(message.threadId !== undefined ? { message_thread_id: message.threadId } : {}),
      ...(message.disableNotification ? { disable_notification: true } : {}),
    };
    const withText = {
      ...common,
      ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
      ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
    };
    const media = (message.media ?? []).slice(0, 10);
    const [only] = media;
    if (only && media.length === 1 && message.text.length <= MAX_CAPTION)
      return sendFile(message.chatId, only, { ...withText, caption: message.text });
    for (const [index, file] of media.entries()) {
      const key = message.dedupeKey ? `${message.dedupeKey}:file${index}` : null;
      if (key && (await wasDelivered(raw, key))) continue;
      const part = await sendFile(message.chatId, file, common);
      if (key)
        await recordDelivery(raw, { dedupeKey: key, chatId: message.chatId, messageId: part.message_id });
    }
    return api.sendMessage(message.chatId, message.text, withText);
  }

  function sendFile(chatId: number, file: NotifyMedia, other: Record<string, unknown>) {
    const input =
      'data' in file ? new InputFile(Buffer.from(file.data, 'base64'), file.fileName) : file.fileId;
    switch (file.kind) {
      case 'photo':
        return api.sendPhoto(chatId, input, other);
      case 'document':
        return api.sendDocument(chatId, input, other);
      case 'audio':
        return api.sendAudio(chatId, input, other);
      case 'voice':
        return api.sendVoice(chatId, input, other);
    }
  }

  return async (job: JobContext<NotifyMessage>): Promise<object> => {
    const message = job.data;
    if (message.dedupeKey && (await wasDelivered(raw, message.dedupeKey))) return done('duplicate');
    if (await isBlocked(raw, message.chatId)) {
      log.info({ job_id: job.id, chat_id: message.chatId }, 'notification skipped: user blocked the bot');
      return done('skipped_blocked');
    }
    try {
      const sent = await withSendPolicy(policy, () => deliver(message));
      if (message.dedupeKey) {
        await recordDelivery(raw, {
          dedupeKey: message.dedupeKey,
          chatId: message.chatId,
          messageId: sent.message_id,
        });
      }
      return done('sent', { message_id: sent.message_id });
    } catch (error) {
      if (error instanceof BotBlockedError) {
        log.info({ job_id: job.id, chat_id: message.chatId }, 'notification dropped: user blocked the bot');
        return done('blocked');
      }
      if (error instanceof TelegramRetryLaterError) return defer(job, error);
      if (error instanceof GrammyError && isNeverStarted(error, message.chatId)) return neverStarted(job);
      // A 4xx other than 429 will not change on retry (chat not found, bad markup, kicked).
      if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429)
        return deadLetter(job, error);
      const row = await boss.getJobById(NOTIFY_QUEUE, job.id);
      if (!row || row.retryCount >= row.retryLimit) return deadLetter(job, error);
      deps.counters?.notifications.inc({ outcome: 'retry' });
      throw error;
    }
  };
}

// Drizzle types execute() as returning unknown rows; pg-boss only needs `rows`, which both drivers return.
export const bossDb = (tx: Tx) => fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);

/** "chat not found" for a person's private chat (positive id): they never pressed Start. */
function isNeverStarted(error: GrammyError, chatId: number): boolean {
  return error.error_code === 400 && chatId > 0 && /chat not found/i.test(error.description);
}
