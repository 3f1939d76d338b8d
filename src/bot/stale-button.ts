import type { BotContext } from './bot-context.ts';

/**
 * A button that no longer does anything (its card was replaced, its object is gone): the person
 * is told so, and the card loses its buttons so it cannot be pressed again in vain.
 */
export async function answerStale(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
  // Only the message the button sits on; one too old to edit (48 h) or already bare stays as it is.
  if (ctx.callbackQuery?.message?.reply_markup?.inline_keyboard.length)
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
}
