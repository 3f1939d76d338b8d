import type { Message } from '@grammyjs/types';
import { badRequest } from './api-error.ts';
import { unixSeconds } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { type StoredMessage, toView } from './message-view.ts';
import type { ChatRecord } from './store.ts';

/** Message fields the caller provides; ids, date and chat are assigned here. */
export type MessageFields = Omit<Partial<Message>, 'message_id' | 'date' | 'chat'>;

export function findMessage(record: ChatRecord, messageId: number): StoredMessage | undefined {
  if (!Number.isSafeInteger(messageId) || messageId < 1) return undefined;
  const stored = record.messages[messageId - 1];
  return stored && !stored.deleted ? stored : undefined;
}

/** A message as it appears nested in `reply_to_message` / `pinned_message` (one level deep). */
export function shallowCopy(message: Message): NonNullable<Message['reply_to_message']> {
  const {
    reply_to_message: _reply,
    pinned_message: _pinned,
    ...rest
  } = message as Message & {
    pinned_message?: unknown;
  };
  return rest as NonNullable<Message['reply_to_message']>;
}

function bumpVersion(ctx: SandboxContext, stored: StoredMessage): void {
  ctx.store.version += 1;
  stored.version = ctx.store.version;
}

/** Appends a message to the chat, with Telegram's field order, and announces it. */
export function appendMessage(
  ctx: SandboxContext,
  record: ChatRecord,
  fields: MessageFields,
  sentMarkup?: unknown,
): StoredMessage {
  const { message_thread_id, from, sender_chat, ...rest } = fields;
  const message = {
    message_id: record.nextMessageId++,
    ...(message_thread_id !== undefined ? { message_thread_id } : {}),
    ...(from ? { from } : {}),
    ...(sender_chat ? { sender_chat } : {}),
    chat: record.chat,
    date: unixSeconds(ctx.clock),
    ...rest,
  } as Message;
  const stored: StoredMessage = {
    chatId: record.chat.id,
    message,
    version: 0,
    edited: false,
    deleted: false,
  };
  if (sentMarkup !== undefined) stored.sentMarkup = sentMarkup;
  bumpVersion(ctx, stored);
  record.messages[message.message_id - 1] = stored;
  ctx.events.emit({ type: 'message', data: { chat_id: record.chat.id, message: toView(stored) } });
  ctx.changed();
  return stored;
}

/** Replaces message content, sets edit_date, and announces the edit. */
export function editMessage(
  ctx: SandboxContext,
  stored: StoredMessage,
  patch: Partial<Message>,
): StoredMessage {
  const next = { ...stored.message, ...patch, edit_date: unixSeconds(ctx.clock) } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
  stored.message = next as unknown as Message;
  stored.edited = true;
  bumpVersion(ctx, stored);
  ctx.events.emit({ type: 'edited', data: { chat_id: stored.chatId, message: toView(stored) } });
  ctx.changed();
  return stored;
}

export function deleteMessage(ctx: SandboxContext, stored: StoredMessage): void {
  stored.deleted = true;
  bumpVersion(ctx, stored);
  ctx.events.emit({
    type: 'deleted',
    data: { chat_id: stored.chatId, message_id: stored.message.message_id },
  });
  ctx.changed();
}

/**
 * Validates `message_thread_id` for the chat and returns the thread fields for a new message
 * (forum messages carry `is_topic_message` and implicitly reply to the topic's first message).
 */
export function threadFields(
  record: ChatRecord,
  threadId: number | undefined,
  opts: { forBot: boolean },
): MessageFields {
  if (threadId === undefined || (record.chat.is_forum && threadId === 1)) return {};
  if (record.chat.is_forum) {
    const topic = record.topics.find((t) => t.topic.message_thread_id === threadId);
    if (!topic) throw badRequest('message thread not found');
    if (topic.closed && opts.forBot) throw badRequest('TOPIC_CLOSED');
    const root = findMessage(record, threadId);
    return {
      message_thread_id: threadId,
      is_topic_message: true,
      ...(root ? { reply_to_message: shallowCopy(root.message) } : {}),
    } as MessageFields;
  }
  if (record.chat.type === 'private' || !findMessage(record, threadId))
    throw badRequest('message thread not found');
  return { message_thread_id: threadId };
}

/** Resolves the message being replied to; `allowMissing` mirrors reply_parameters.allow_sending_without_reply. */
export function replyFields(
  record: ChatRecord,
  replyTo: number | undefined,
  allowMissing: boolean,
): MessageFields {
  if (replyTo === undefined) return {};
  const target = findMessage(record, replyTo);
  if (!target) {
    if (allowMissing) return {};
    throw badRequest('message to be replied not found');
  }
  return { reply_to_message: shallowCopy(target.message) };
}
