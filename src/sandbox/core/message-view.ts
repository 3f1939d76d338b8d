import type { Message } from '@grammyjs/types';

/** A message as stored by the sandbox: the Telegram object plus change tracking. */
export interface StoredMessage {
  chatId: number;
  message: Message;
  /** Global change counter value of the last create/edit/delete of this message. */
  version: number;
  edited: boolean;
  deleted: boolean;
  /** reply_markup as the bot sent it (reply keyboards are not echoed in the bot-facing object). */
  sentMarkup?: unknown;
}

/** A Telegram `Message` plus the sandbox's `edited`/`deleted` flags (control API and SSE shape). */
export type MessageView = Message & { edited: boolean; deleted: boolean; version: number };

export function toView(stored: StoredMessage): MessageView {
  const view = { ...stored.message, edited: stored.edited, deleted: stored.deleted, version: stored.version };
  if (stored.sentMarkup !== undefined) (view as { reply_markup?: unknown }).reply_markup = stored.sentMarkup;
  return view;
}
