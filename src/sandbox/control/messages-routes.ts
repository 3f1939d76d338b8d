import type { MessageOrigin } from '@grammyjs/types';
import { Hono } from 'hono';
import { z } from 'zod';
import { ControlError } from '../core/api-error.ts';
import { unixSeconds } from '../core/clock.ts';
import type { FileKind } from '../core/store.ts';
import {
  chatOfUser,
  requireUser,
  type UploadInput,
  userClicks,
  userSendsMessage,
} from '../core/user-actions.ts';
import { type ControlDeps, readJson } from './control-deps.ts';

const fileSchema = z.strictObject({
  data: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'must be base64'),
  mime_type: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
  file_name: z.string().min(1).max(255).optional(),
  duration: z.number().int().nonnegative().optional(),
});

const messageSchema = z.strictObject({
  from: z.number().int(),
  chat_id: z.number().int().optional(),
  text: z.string().trim().min(1).max(4096).optional(),
  message_thread_id: z.number().int().optional(),
  reply_to_message_id: z.number().int().optional(),
  voice: fileSchema.optional(),
  audio: fileSchema.optional(),
  photo: fileSchema.optional(),
  document: fileSchema.optional(),
  caption: z.string().max(1024).optional(),
  /** Items of one album share it (Telegram's `media_group_id`); only photos and documents. */
  media_group_id: z.string().min(1).max(64).optional(),
  location: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
  forward_origin: z
    .looseObject({
      type: z.enum(['user', 'hidden_user', 'chat', 'channel']),
      date: z.number().int().optional(),
    })
    .optional(),
});

const callbackSchema = z.strictObject({
  from: z.number().int(),
  chat_id: z.number().int(),
  message_id: z.number().int(),
  data: z.string().min(1),
  wait_ms: z.number().int().min(0).max(30_000).optional(),
});

const MEDIA_KINDS = ['voice', 'audio', 'photo', 'document'] as const;

export function createMessagesRoutes(deps: ControlDeps): Hono {
  const { ctx } = deps;
  const app = new Hono();

  app.post('/messages', async (c) => {
    const input = await readJson(c, messageSchema);
    const kinds = [
      ...(input.text !== undefined ? ['text'] : []),
      ...(input.location ? ['location'] : []),
      ...MEDIA_KINDS.filter((k) => input[k]),
    ];
    if (kinds.length !== 1) {
      throw new ControlError(400, 'exactly one of text, voice, audio, photo, document, location is required');
    }
    if (input.caption !== undefined && !MEDIA_KINDS.some((k) => input[k])) {
      throw new ControlError(400, 'caption is only allowed with voice, audio, photo or document');
    }
    if (input.media_group_id !== undefined && !input.photo && !input.document) {
      throw new ControlError(400, 'media_group_id is only allowed with photo or document (an album item)');
    }
    const from = requireUser(ctx, input.from);
    const record = chatOfUser(ctx, from, input.chat_id);
    const kind = MEDIA_KINDS.find((k) => input[k]);
    let media: { kind: FileKind; upload: UploadInput } | undefined;
    if (kind) {
      const file = input[kind]!;
      const data = Buffer.from(file.data, 'base64');
      if (data.length === 0) throw new ControlError(400, `${kind}.data decodes to zero bytes`);
      media = {
        kind,
        upload: { data, mime_type: file.mime_type, file_name: file.file_name, duration: file.duration },
      };
    }
    const forwardOrigin = input.forward_origin
      ? ({
          ...input.forward_origin,
          date: input.forward_origin.date ?? unixSeconds(ctx.clock),
        } as MessageOrigin)
      : undefined;
    const message = userSendsMessage(ctx, {
      from,
      record,
      text: input.text,
      message_thread_id: input.message_thread_id,
      reply_to_message_id: input.reply_to_message_id,
      media,
      caption: input.caption,
      media_group_id: input.media_group_id,
      location: input.location,
      forward_origin: forwardOrigin,
    });
    return c.json({ message }, 201);
  });

  app.post('/callbacks', async (c) => {
    const input = await readJson(c, callbackSchema);
    const from = requireUser(ctx, input.from);
    const record = chatOfUser(ctx, from, input.chat_id);
    const result = await userClicks(ctx, deps.callbacks, {
      from,
      record,
      message_id: input.message_id,
      data: input.data,
      wait_ms: input.wait_ms ?? 5000,
    });
    return c.json(result, 200);
  });
  return app;
}
