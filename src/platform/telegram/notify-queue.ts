import type { InlineKeyboardMarkup, ParseMode } from '@grammyjs/types';
import { deadLetterName, type QueueDefinition } from '../jobs/job-queue.ts';

export const NOTIFY_QUEUE = 'notify';
export const NOTIFY_DEAD_QUEUE = deadLetterName(NOTIFY_QUEUE);

/** One notification: a text message to one chat. Kept small; it lives in the job's JSON. */
export interface NotifyMessage {
  chatId: number;
  text: string;
  parseMode?: ParseMode;
  replyMarkup?: InlineKeyboardMarkup;
  /** Forum topic to post in. */
  threadId?: number;
  /** Sent at most once per key (see telegram_deliveries); e.g. `reminder:<id>:<occurrence>`. */
  dedupeKey?: string;
  disableNotification?: boolean;
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
