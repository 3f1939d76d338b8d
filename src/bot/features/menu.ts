import { Composer } from 'grammy';
import type { BotContext } from '../bot-context.ts';
import { parseMenuData, type Screen, showMenu } from '../menus/live-menu.ts';
import { askTimezone } from './onboarding.ts';
import { askQuietHours } from './quiet-hours.ts';

const SCREENS = new Set<Screen>(['main', 'settings', 'language', 'help']);

export const menuFeature = new Composer<BotContext>();

menuFeature.command('menu', (ctx) => showMenu(ctx, 'main'));
menuFeature.command('settings', (ctx) => showMenu(ctx, 'settings'));
menuFeature.command('language', (ctx) => showMenu(ctx, 'language'));
menuFeature.command('help', (ctx) => ctx.reply(ctx.t('help'), { parse_mode: 'HTML' }));
menuFeature.command('cancel', async (ctx) => {
  const cleared = ctx.from ? await ctx.services.flows.clear(ctx.chat.id, ctx.from.id) : false;
  await ctx.reply(ctx.t(cleared ? 'cancel-done' : 'cancel-nothing'), {
    reply_markup: { remove_keyboard: true },
  });
});

/** Buttons of the live menu. A button from an older menu only answers that it is out of date. */
menuFeature.on('callback_query:data', async (ctx, next) => {
  const parsed = parseMenuData(ctx.callbackQuery.data);
  if (!parsed) return next();
  const live = ctx.chat ? await ctx.services.menus.current(ctx.chat.id) : null;
  if (!live || live.nonce !== parsed.nonce || live.messageId !== ctx.callbackQuery.message?.message_id) {
    await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
    return;
  }
  const { users } = ctx.services;
  switch (parsed.action) {
    case 'open':
      if (!SCREENS.has(parsed.arg as Screen)) break;
      await showMenu(ctx, parsed.arg as Screen);
      await ctx.answerCallbackQuery();
      return;
    case 'lang':
      if (parsed.arg !== 'ru' && parsed.arg !== 'en') break;
      ctx.user = await users.updateSettings(ctx.user.id, { language: parsed.arg });
      ctx.i18n.useLocale(parsed.arg);
      await showMenu(ctx, 'settings');
      await ctx.answerCallbackQuery({ text: ctx.t('language-set') });
      return;
    case 'notif':
      ctx.user = await users.updateSettings(ctx.user.id, {
        notificationsEnabled: !ctx.user.notificationsEnabled,
      });
      await showMenu(ctx, 'settings');
      await ctx.answerCallbackQuery();
      return;
    case 'tz':
      await ctx.answerCallbackQuery();
      await askTimezone(ctx);
      return;
    case 'quiet':
      await ctx.answerCallbackQuery();
      await askQuietHours(ctx);
      return;
    case 'close':
      await ctx.editMessageText(ctx.t('menu-closed'));
      await ctx.answerCallbackQuery();
      return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
});
