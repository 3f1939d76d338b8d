import type { Message, MessageOrigin } from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import { chatForBot } from '../core/chats.ts';
import { findMessage } from '../core/messages.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import type { Params } from './params.ts';
import { commitSend, formatParam, prepareSend, textFields } from './send-common.ts';

const CONTENT_KEYS = [
  'text',
  'entities',
  'caption',
  'caption_entities',
  'photo',
  'document',
  'voice',
  'audio',
  'video',
  'animation',
  'location',
] as const;

function source(p: Params, env: MethodEnv): Message {
  const from = chatForBot(env.ctx, p.raw.from_chat_id);
  const stored = findMessage(from, p.requireInt('message_id', 'message identifier is not specified'));
  if (!stored) throw badRequest('message to forward not found');
  const content = CONTENT_KEYS.some((key) => stored.message[key] !== undefined);
  if (!content) throw badRequest("message can't be forwarded");
  return stored.message;
}

function contentOf(message: Message): Partial<Message> {
  const out: Record<string, unknown> = {};
  for (const key of CONTENT_KEYS) if (message[key] !== undefined) out[key] = message[key];
  return out as Partial<Message>;
}

function originOf(message: Message): MessageOrigin {
  if (message.from) return { type: 'user', sender_user: message.from, date: message.date };
  return { type: 'hidden_user', sender_user_name: 'Unknown', date: message.date };
}

export function createForwardMethods(): MethodTable {
  return {
    forwardmessage(p, env) {
      const original = source(p, env);
      const target = prepareSend(p, env);
      return commitSend(env, target, { forward_origin: originOf(original), ...contentOf(original) });
    },
    copymessage(p, env) {
      const original = source(p, env);
      const target = prepareSend(p, env);
      const content = contentOf(original);
      if (p.has('caption') && original.text === undefined) {
        const caption = formatParam(
          env,
          p.str('caption') ?? '',
          p.str('parse_mode'),
          p.json('caption_entities'),
        );
        delete content.caption;
        delete content.caption_entities;
        Object.assign(content, caption.text ? textFields(caption, 'caption') : {});
      }
      const copy = commitSend(env, target, content);
      return { message_id: copy.message_id };
    },
  };
}
