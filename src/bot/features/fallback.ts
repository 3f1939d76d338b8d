import { Composer } from 'grammy';
import type { BotContext } from '../bot-context.ts';

/** What nothing else claimed: unknown commands, plain text, and buttons nobody knows any more. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));

const privateChat = fallbackFeature.chatType('private');
privateChat.on('message:text', async (ctx) => {
  const isCommand = ctx.message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0);
  await ctx.reply(ctx.t(isCommand ? 'unknown-command' : 'fallback-text'), {
    reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
  });
});
