import type { Message, MessageEntity } from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import { chatForBot } from '../core/chats.ts';
import type { StoredMessage } from '../core/message-view.ts';
import { appendMessage, deleteMessage, editMessage, findMessage, shallowCopy } from '../core/messages.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import type { Params } from './params.ts';
import { inlineOnly, parseReplyMarkup } from './reply-markup.ts';
import {
  botAsUser,
  commitSend,
  formatParam,
  linkPreviewOptions,
  MAX_CAPTION,
  MAX_TEXT,
  prepareSend,
  textFields,
} from './send-common.ts';

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

function formatMessageText(p: Params, env: MethodEnv) {
  const raw = p.str('text') ?? '';
  const formatted = formatParam(env, raw, p.str('parse_mode'), p.json<MessageEntity[]>('entities'));
  if (formatted.text === '') throw badRequest('message text is empty');
  if (formatted.text.length > MAX_TEXT) throw badRequest('message is too long');
  return formatted;
}

/** The bot's own message addressed by chat_id + message_id, for edits. */
function editTarget(p: Params, env: MethodEnv): StoredMessage {
  if (p.has('inline_message_id')) throw badRequest('MESSAGE_ID_INVALID');
  const record = chatForBot(env.ctx, p.raw.chat_id);
  const messageId = p.int('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const stored = findMessage(record, messageId);
  if (!stored) throw badRequest('message to edit not found');
  if (stored.message.from?.id !== env.ctx.bot.id) throw badRequest("message can't be edited");
  return stored;
}

const contentKey = (m: Message): string =>
  JSON.stringify([m.text, m.entities, m.caption, m.caption_entities, m.reply_markup]);

function applyEdit(env: MethodEnv, stored: StoredMessage, patch: Partial<Message>, markup: unknown): Message {
  const before = contentKey(stored.message);
  const after = contentKey({ ...stored.message, ...patch } as Message);
  if (before === after) throw badRequest(NOT_MODIFIED);
  stored.sentMarkup = markup;
  return editMessage(env.ctx, stored, patch).message;
}

function editMarkupPatch(p: Params) {
  const markup = parseReplyMarkup(p);
  if (markup && !('inline_keyboard' in markup))
    throw badRequest("can't parse inline keyboard markup JSON object");
  return { markup, reply_markup: inlineOnly(markup) };
}

export function createMessageMethods(): MethodTable {
  return {
    sendmessage(p, env) {
      const target = prepareSend(p, env);
      const formatted = formatMessageText(p, env);
      const preview = linkPreviewOptions(p);
      return commitSend(env, target, {
        ...textFields(formatted, 'text'),
        ...(preview ? { link_preview_options: preview } : {}),
      });
    },
    editmessagetext(p, env) {
      const stored = editTarget(p, env);
      if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
      const formatted = formatMessageText(p, env);
      const { markup, reply_markup } = editMarkupPatch(p);
      const patch = {
        text: formatted.text,
        entities: formatted.entities.length ? formatted.entities : undefined,
      };
      return applyEdit(env, stored, { ...patch, reply_markup }, markup);
    },
    editmessagecaption(p, env) {
      const stored = editTarget(p, env);
      const m = stored.message;
      if (!(m.photo || m.document || m.audio || m.voice || m.video || m.animation)) {
        throw badRequest('there is no caption in the message to edit');
      }
      const formatted = formatParam(
        env,
        p.str('caption') ?? '',
        p.str('parse_mode'),
        p.json('caption_entities'),
      );
      if (formatted.text.length > MAX_CAPTION) throw badRequest('message caption is too long');
      const { markup, reply_markup } = editMarkupPatch(p);
      const patch = {
        caption: formatted.text || undefined,
        caption_entities: formatted.entities.length ? formatted.entities : undefined,
      };
      return applyEdit(env, stored, { ...patch, reply_markup }, markup);
    },
    editmessagereplymarkup(p, env) {
      const stored = editTarget(p, env);
      const { markup, reply_markup } = editMarkupPatch(p);
      return applyEdit(env, stored, { reply_markup }, markup);
    },
    deletemessage(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      const stored = findMessage(record, p.requireInt('message_id', 'message identifier is not specified'));
      if (!stored) throw badRequest('message to delete not found');
      const own = stored.message.from?.id === env.ctx.bot.id;
      if (!own && record.chat.type !== 'private' && record.botStatus !== 'administrator') {
        throw badRequest("message can't be deleted");
      }
      deleteMessage(env.ctx, stored);
      return true;
    },
    deletemessages(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      const ids = p.json<number[]>('message_ids');
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100)
        throw badRequest('message_ids are empty');
      for (const id of ids) {
        const stored = findMessage(record, Number(id));
        if (stored) deleteMessage(env.ctx, stored);
      }
      return true;
    },
    answercallbackquery(p, env) {
      const id = p.str('callback_query_id');
      if (!id) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      const text = p.str('text') ?? null;
      if (text !== null && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
      const answer = { text, show_alert: p.bool('show_alert') ?? false, url: p.str('url') ?? null };
      if (!env.callbacks.answer(id, answer)) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      return true;
    },
    sendchataction(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      const action = p.str('action') ?? '';
      if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
      env.ctx.events.emit({ type: 'chat_action', data: { chat_id: record.chat.id, action } });
      return true;
    },
    sendlocation(p, env) {
      const target = prepareSend(p, env);
      const latitude = Number(p.str('latitude'));
      const longitude = Number(p.str('longitude'));
      if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) throw badRequest('wrong latitude specified');
      if (!Number.isFinite(longitude) || Math.abs(longitude) > 180)
        throw badRequest('wrong longitude specified');
      return commitSend(env, target, { location: { latitude, longitude } });
    },
    pinchatmessage(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      const stored = findMessage(record, p.requireInt('message_id', 'message to pin not found'));
      if (!stored) throw badRequest('message to pin not found');
      if (record.chat.type !== 'private' && record.botStatus !== 'administrator') {
        throw badRequest('not enough rights to manage pinned messages in the chat');
      }
      record.pinned = [
        ...record.pinned.filter((id) => id !== stored.message.message_id),
        stored.message.message_id,
      ];
      appendMessage(env.ctx, record, {
        from: botAsUser(env.ctx),
        pinned_message: shallowCopy(stored.message),
      } as never);
      return true;
    },
    unpinchatmessage(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      const id = p.int('message_id') ?? record.pinned.at(-1);
      record.pinned = record.pinned.filter((pinned) => pinned !== id);
      env.ctx.changed();
      return true;
    },
    unpinallchatmessages(p, env) {
      chatForBot(env.ctx, p.raw.chat_id).pinned = [];
      env.ctx.changed();
      return true;
    },
    setmessagereaction(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      if (!findMessage(record, p.requireInt('message_id', 'message identifier is not specified'))) {
        throw badRequest('message to react not found');
      }
      const reaction = p.json<unknown[]>('reaction') ?? [];
      if (!Array.isArray(reaction)) throw badRequest("can't parse reaction types JSON object");
      return true;
    },
  };
}
