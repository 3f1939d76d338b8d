import type { Message } from '@grammyjs/types';
import type { BotContext } from '../../../bot/bot-context.ts';
import { type Ai, isAiError } from '../../../platform/ai/index.ts';
import type { TelegramActions } from '../../../platform/telegram/telegram-actions.ts';
import { type CaptureInput, firstUrl } from '../filing-service.ts';

/** Where a forwarded message came from, as people name it. */
function forwardSource(message: Message): string | null {
  const origin = message.forward_origin;
  if (!origin) return null;
  switch (origin.type) {
    case 'user':
      return [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(' ');
    case 'hidden_user':
      return origin.sender_user_name;
    case 'chat':
      return origin.sender_chat.title ?? null;
    case 'channel':
      return origin.chat.title ?? null;
  }
}

export type Captured = (CaptureInput & { sttMissing?: boolean; sttFailed?: boolean }) | null;

/** Reads a private message into a note: text, link, voice/audio (transcribed), photo, document, forward. */
export async function readMessage(ctx: BotContext, ai: Ai, telegram: TelegramActions): Promise<Captured> {
  const m = ctx.message;
  if (!m) return null;
  const text = (m.text ?? m.caption ?? '').slice(0, 4000);
  const base = { chatId: m.chat.id, messageId: m.message_id, source: forwardSource(m) };
  const audio = m.voice ?? m.audio;
  if (audio) {
    const out: NonNullable<Captured> = {
      ...base,
      text,
      kind: m.voice ? 'voice' : 'audio',
      fileIds: [audio.file_id],
    };
    try {
      const bytes = await telegram.downloadFile(audio.file_id, 20 * 1024 * 1024);
      const spoken = await ai.transcribe(
        { audio: bytes, mimeType: audio.mime_type ?? 'audio/ogg', language: ctx.user.language },
        { userId: ctx.user.id },
      );
      out.transcript = spoken.value.text.trim() || null;
    } catch (error) {
      if (isAiError(error) && error.code === 'stt_not_configured') out.sttMissing = true;
      else out.sttFailed = true;
    }
    return out;
  }
  if (m.photo?.length) {
    const largest = m.photo.at(-1);
    return {
      ...base,
      text,
      kind: 'photo',
      fileIds: largest ? [largest.file_id] : [],
      mediaGroupId: m.media_group_id ?? null,
    };
  }
  if (m.document)
    return {
      ...base,
      text: text || (m.document.file_name ?? ''),
      kind: 'document',
      fileIds: [m.document.file_id],
      mediaGroupId: m.media_group_id ?? null,
    };
  if (!text) return null;
  const url = firstUrl(text);
  if (url) return { ...base, text, kind: 'link', linkUrl: url };
  return { ...base, text, kind: base.source ? 'forward' : 'text' };
}
