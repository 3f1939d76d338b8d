import { createHash } from 'node:crypto';
import type { ChatMember, Message, MessageOrigin, User } from '@grammyjs/types';
import { callbackDataOf } from '../bot-api/reply-markup.ts';
import { detectEntities } from '../entities/detect-entities.ts';
import { BotApiError, ControlError } from './api-error.ts';
import type { CallbackRegistry } from './callbacks.ts';
import { privateChat as createPrivate } from './chats.ts';
import { unixSeconds } from './clock.ts';
import type { SandboxContext } from './context.ts';
import type { CallbackAnswer } from './event-hub.ts';
import { type MediaExtras, mediaObject, storeFile } from './files.ts';
import { newCallbackQueryId } from './ids.ts';
import { appendMessage, findMessage, type MessageFields, replyFields, threadFields } from './messages.ts';
import type { ChatRecord, FileKind } from './store.ts';

export function requireUser(ctx: SandboxContext, id: number): User {
  const user = ctx.store.users.get(id);
  if (!user) throw new ControlError(404, `user ${id} not found`);
  return user;
}

export function requireChat(ctx: SandboxContext, id: number): ChatRecord {
  const record = ctx.store.chats.get(id);
  if (record) return record;
  const user = ctx.store.users.get(id);
  if (!user) throw new ControlError(404, `chat ${id} not found`);
  return createPrivate(ctx, user);
}

/** The chat a user acts in: their private chat by default; they must be a member of groups. */
export function chatOfUser(ctx: SandboxContext, user: User, chatId: number | undefined): ChatRecord {
  if (chatId === undefined || chatId === user.id) return createPrivate(ctx, user);
  const record = ctx.store.chats.get(chatId);
  if (!record || record.chat.type === 'private') throw new ControlError(404, `chat ${chatId} not found`);
  if (!record.memberIds.includes(user.id))
    throw new ControlError(400, `user ${user.id} is not a member of chat ${chatId}`);
  return record;
}

/** Maps Bot API validation failures raised by shared helpers to control-API 400s. */
export function asControlError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof BotApiError)
      throw new ControlError(400, error.description.replace(/^Bad Request: /, ''));
    throw error;
  }
}

export interface UploadInput {
  data: Buffer;
  mime_type: string;
  file_name?: string | undefined;
  duration?: number | undefined;
}

export interface UserMessageInput {
  from: User;
  record: ChatRecord;
  text?: string | undefined;
  message_thread_id?: number | undefined;
  reply_to_message_id?: number | undefined;
  media?: { kind: FileKind; upload: UploadInput } | undefined;
  caption?: string | undefined;
  media_group_id?: string | undefined;
  location?: { latitude: number; longitude: number } | undefined;
  forward_origin?: MessageOrigin | undefined;
}

/** A user writes to a chat: stores the message and delivers the `message` update to the bot. */
export function userSendsMessage(ctx: SandboxContext, input: UserMessageInput): Message {
  const { record } = input;
  if (record.chat.type === 'private' && ctx.store.blocked.has(input.from.id)) {
    throw new ControlError(409, `user ${input.from.id} has blocked the bot; unblock first`);
  }
  const thread = asControlError(() => threadFields(record, input.message_thread_id, { forBot: false }));
  const reply = asControlError(() => replyFields(record, input.reply_to_message_id, false));
  const fields: MessageFields = { from: input.from, ...thread, ...reply };
  if (input.forward_origin) fields.forward_origin = input.forward_origin;
  if (input.text !== undefined) {
    const entities = detectEntities(input.text, []);
    Object.assign(fields, { text: input.text, ...(entities.length ? { entities } : {}) });
  }
  if (input.media) {
    const { kind, upload } = input.media;
    const file = storeFile(ctx, {
      data: upload.data,
      kind,
      mime_type: upload.mime_type,
      file_name: upload.file_name,
    });
    const extras: MediaExtras = { duration: upload.duration };
    Object.assign(fields, { [kind]: mediaObject(file, extras) });
    if (input.caption) {
      const entities = detectEntities(input.caption, []);
      Object.assign(fields, {
        caption: input.caption,
        ...(entities.length ? { caption_entities: entities } : {}),
      });
    }
  }
  if (input.media_group_id) fields.media_group_id = input.media_group_id;
  if (input.location) fields.location = input.location;
  const message = appendMessage(ctx, record, fields).message;
  ctx.updates.push({ message } as never);
  return message;
}

function chatInstance(chatId: number): string {
  const hash = createHash('sha256').update(`chat-instance:${chatId}`).digest();
  return hash.readBigInt64BE(0).toString();
}

/** A user presses an inline button: the bot receives a callback_query; resolves with its answer. */
export async function userClicks(
  ctx: SandboxContext,
  callbacks: CallbackRegistry,
  input: { from: User; record: ChatRecord; message_id: number; data: string; wait_ms: number },
): Promise<{ callback_query_id: string; answer: CallbackAnswer | null }> {
  const stored = findMessage(input.record, input.message_id);
  if (!stored)
    throw new ControlError(404, `message ${input.message_id} not found in chat ${input.record.chat.id}`);
  if (!callbackDataOf(stored.message.reply_markup).includes(input.data)) {
    throw new ControlError(
      400,
      `message ${input.message_id} has no inline button with callback_data ${JSON.stringify(input.data)}`,
    );
  }
  const id = newCallbackQueryId(++ctx.store.counters.callback);
  callbacks.open(id);
  const callbackQuery = {
    id,
    from: input.from,
    message: stored.message,
    chat_instance: chatInstance(input.record.chat.id),
    data: input.data,
  };
  ctx.updates.push({ callback_query: callbackQuery } as never);
  ctx.changed();
  const answer = await callbacks.waitForAnswer(id, input.wait_ms);
  return { callback_query_id: id, answer };
}

/** Blocking/unblocking the bot; the bot learns about it from a my_chat_member update. */
export function setBlocked(ctx: SandboxContext, user: User, blocked: boolean): boolean {
  if (ctx.store.blocked.has(user.id) === blocked) return false;
  if (blocked) ctx.store.blocked.add(user.id);
  else ctx.store.blocked.delete(user.id);
  const record = createPrivate(ctx, user);
  const member: ChatMember = { status: 'member', user: ctx.bot };
  const kicked: ChatMember = { status: 'kicked', user: ctx.bot, until_date: 0 };
  ctx.updates.push({
    my_chat_member: {
      chat: record.chat,
      from: user,
      date: unixSeconds(ctx.clock),
      old_chat_member: blocked ? member : kicked,
      new_chat_member: blocked ? kicked : member,
    },
  } as never);
  ctx.changed();
  return true;
}
