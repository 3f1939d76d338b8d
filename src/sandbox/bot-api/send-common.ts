import type { LinkPreviewOptions, Message, MessageEntity, ReplyParameters, User } from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import { assertBotCanWrite, chatForBot } from '../core/chats.ts';
import type { SandboxContext } from '../core/context.ts';
import { appendMessage, type MessageFields, replyFields, threadFields } from '../core/messages.ts';
import type { ChatRecord } from '../core/store.ts';
import { EntityParseError, formatText, UnsupportedParseModeError } from '../entities/formatted-text.ts';
import type { MethodEnv } from './method-env.ts';
import type { Params } from './params.ts';
import { inlineOnly, parseReplyMarkup, type ReplyMarkup } from './reply-markup.ts';

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

export function botAsUser(ctx: SandboxContext): User {
  const { id, is_bot, first_name, username } = ctx.bot;
  return { id, is_bot, first_name, username };
}

/** Parses text or a caption with the request's parse_mode/entities, mapping markup errors to 400s. */
export function formatParam(
  env: MethodEnv,
  raw: string,
  parseMode: string | undefined,
  entities: MessageEntity[] | undefined,
): { text: string; entities: MessageEntity[] } {
  if (entities !== undefined && !Array.isArray(entities))
    throw badRequest("can't parse entities JSON object");
  try {
    return formatText(raw, parseMode, entities, (id) => env.ctx.store.users.get(id));
  } catch (error) {
    if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
    if (error instanceof UnsupportedParseModeError) throw badRequest('unsupported parse_mode');
    throw error;
  }
}

export interface SendTarget {
  record: ChatRecord;
  base: MessageFields;
  markup: ReplyMarkup | undefined;
}

/** Validates everything a send method shares: chat, rights, thread, reply target, keyboard. */
export function prepareSend(p: Params, env: MethodEnv): SendTarget {
  const { ctx } = env;
  const record = chatForBot(ctx, p.raw.chat_id);
  assertBotCanWrite(ctx, record);
  const thread = threadFields(record, p.int('message_thread_id'), { forBot: true });
  const replyParameters = p.json<ReplyParameters>('reply_parameters');
  const replyTo = replyParameters?.message_id ?? p.int('reply_to_message_id');
  const allowMissing =
    replyParameters?.allow_sending_without_reply ?? p.bool('allow_sending_without_reply') ?? false;
  const replyChat = replyParameters?.chat_id;
  const sameChat = replyChat === undefined || String(replyChat) === String(record.chat.id);
  const reply = sameChat ? replyFields(record, replyTo, allowMissing) : {};
  const markup = parseReplyMarkup(p);
  const base: MessageFields = { from: botAsUser(ctx), ...thread, ...reply };
  if (p.bool('protect_content')) base.has_protected_content = true;
  return { record, base, markup };
}

/** Applies rate limits, then stores the bot's message and returns the bot-facing object. */
export function commitSend(env: MethodEnv, target: SendTarget, content: MessageFields): Message {
  env.limiter.consume(target.record.chat.id, target.record.chat.type !== 'private');
  const inline = inlineOnly(target.markup);
  const fields = { ...target.base, ...content, ...(inline ? { reply_markup: inline } : {}) };
  return appendMessage(env.ctx, target.record, fields, target.markup).message;
}

export function linkPreviewOptions(p: Params): LinkPreviewOptions | undefined {
  const options = p.json<LinkPreviewOptions>('link_preview_options');
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw badRequest("can't parse link preview options JSON object");
  }
  if (options === undefined && p.bool('disable_web_page_preview')) return { is_disabled: true };
  return options && Object.keys(options).length > 0 ? options : undefined;
}

/** Text + entities fields for a message, without empty `entities`. */
export function textFields(formatted: { text: string; entities: MessageEntity[] }, key: 'text' | 'caption') {
  const entityKey = key === 'text' ? 'entities' : 'caption_entities';
  return formatted.entities.length > 0
    ? { [key]: formatted.text, [entityKey]: formatted.entities }
    : { [key]: formatted.text };
}
