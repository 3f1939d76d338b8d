import { Composer } from 'grammy';
import type { BotContext } from '../bot-context.ts';
import { answerStale } from '../stale-button.ts';

/**
 * What nothing else claimed: unknown commands, text no inbox target took, media no capability
 * handles, and buttons nobody knows any more. It answers honestly and never stays silent; a
 * capability that takes links, voice or photos (notes) handles them before they get here.
 */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on('callback_query', answerStale);

const URL_ONLY = /^\s*(?:https?:\/\/|www\.)\S+\s*$/iu;
const HAS_URL = /(?:https?:\/\/|www\.)\S+/iu;
/** Longer than a to-do line: a note, a letter, a pasted article. */
const isLong = (text: string) => text.length > 200 || text.split('\n').filter((l) => l.trim()).length > 3;

const privateChat = fallbackFeature.chatType('private');
const replyTo = (ctx: BotContext) => ({
  reply_parameters: { message_id: ctx.msg?.message_id ?? 0, allow_sending_without_reply: true },
});

privateChat.on('message:text', async (ctx) => {
  const text = ctx.message.text;
  const isCommand = ctx.message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0);
  // /start with a payload no capability knows was greeted already (onboarding answered first).
  if (isCommand && /^\/start(?:@\w+)?\s/.test(text)) return;
  const key = isCommand
    ? 'unknown-command'
    : URL_ONLY.test(text) || (HAS_URL.test(text) && !isLong(text))
      ? 'fallback-link'
      : isLong(text)
        ? 'fallback-long-text'
        : 'fallback-text';
  await ctx.reply(ctx.t(key), replyTo(ctx));
});

privateChat.on(['message:voice', 'message:audio', 'message:video_note'], (ctx) =>
  ctx.reply(ctx.t('fallback-voice'), replyTo(ctx)),
);
privateChat.on(['message:photo', 'message:video', 'message:document', 'message:animation'], (ctx) =>
  ctx.reply(ctx.t('fallback-media'), replyTo(ctx)),
);
privateChat.on('message', (ctx) => ctx.reply(ctx.t('fallback-other'), replyTo(ctx)));
