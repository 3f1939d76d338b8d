import type { InlineKeyboardMarkup, ParseMode } from '@grammyjs/types';
import { deadLetterName, type QueueDefinition } from '../jobs/job-queue.ts';

export const NOTIFY_QUEUE = 'notify';
export const NOTIFY_DEAD_QUEUE = deadLetterName(NOTIFY_QUEUE);

/**
 * A file sent with a notification: one Telegram already has (its `file_id`), or a small one made
 * here (`data`, base64 — it lives in the job's JSON, so keep it to a chart-sized image).
 */
export type NotifyMedia =
  | { kind: 'photo' | 'document' | 'audio' | 'voice'; fileId: string }
  | { kind: 'photo' | 'document'; data: string; fileName: string };

/** The most bytes a notification may carry inline (`data`); larger files go by `file_id`. */
export const MAX_INLINE_MEDIA_BYTES = 512 * 1024;

/** Telegram's limit on a media caption (characters after parsing; we compare the raw text). */
export const MAX_CAPTION = 1024;

/** One notification: a text message to one chat. Kept small; it lives in the job's JSON. */
export interface NotifyMessage {
  chatId: number;
  text: string;
  /**
   * Files to send with it (at most 10). One file with a text that fits a caption is one message;
   * otherwise the files go first, one message each, then the text. Each part is delivered once
   * (with `dedupeKey`, a retry skips the parts already sent).
   */
  media?: NotifyMedia[];
  parseMode?: ParseMode;
  replyMarkup?: InlineKeyboardMarkup;
  /** Forum topic to post in. */
  threadId?: number;
  /** Sent at most once per key (see telegram_deliveries); e.g. `reminder:<id>:<occurrence>`. */
  dedupeKey?: string;
  disableNotification?: boolean;
  /**
   * Sent instead when Telegram answers "chat not found" for this person: they never opened the bot
   * (a specialist added by id, say), which no retry changes and is not an operator's failure.
   * `{bot_link}` in their text becomes the bot's t.me link.
   */
  ifNeverStarted?: NotifyMessage[];
}

/**
 * The `notify` queue. `key_strict_fifo` with the chat as key: one chat's notifications go out one
 * at a time in the order they were enqueued, and a retrying one holds the rest of its chat back,
 * while other chats proceed. Retries back off from `retryDelaySeconds`; after `retryLimit`
 * retries the notification is parked in `notify.dead`.
 */
export function notifyQueues(
  overrides: Pick<QueueDefinition, 'retryLimit' | 'retryDelaySeconds' | 'retryDelayMaxSeconds'> = {},
): QueueDefinition[] {
  return [
    {
      name: NOTIFY_QUEUE,
      policy: 'key_strict_fifo',
      retryLimit: overrides.retryLimit ?? 8,
      retryDelaySeconds: overrides.retryDelaySeconds ?? 2,
      retryDelayMaxSeconds: overrides.retryDelayMaxSeconds ?? 300,
      // One attempt waits at most a few seconds for a slot (JOB_POLICY); a minute means it hung.
      expireInSeconds: 60,
    },
  ];
}

/** Register these at startup (the dead-letter queue `notify.dead` comes with them). */
export const NOTIFY_QUEUES: readonly QueueDefinition[] = notifyQueues();

export const chatKey = (chatId: number | string) => `chat:${chatId}`;
