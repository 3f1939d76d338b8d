import { Composer } from 'grammy';
import { formatWhen } from '../../platform/time/index.ts';
import { HHMM } from '../../platform/time/local-time.ts';
import type { BotContext } from '../bot-context.ts';
import { forUser } from '../bot-shell.ts';
import { type FlowDefinition, startFlow } from '../flows/flow-router.ts';
import { helpText, parseMenuData, type Screen, showMenu } from '../menus/live-menu.ts';
import { answerStale } from '../stale-button.ts';
import { askTimezone } from './onboarding.ts';
import { askQuietHours, OFF_WORDS, parseClockTime } from './quiet-hours.ts';

const SCREENS = new Set<Screen>(['main', 'settings', 'language', 'help']);

export const menuFeature = new Composer<BotContext>();

menuFeature.command('menu', (ctx) => showMenu(ctx, 'main'));
menuFeature.command('settings', (ctx) => showMenu(ctx, 'settings'));
menuFeature.command('language', (ctx) => showMenu(ctx, 'language'));
menuFeature.command('help', (ctx) => ctx.reply(helpText(ctx), { parse_mode: 'HTML' }));
/** /token: a short-lived API token, in a private chat only (a group would show it to everyone). */
menuFeature.chatType('private').command('token', async (ctx) => {
  const issue = ctx.services.issueToken;
  if (!issue) return void (await ctx.reply(ctx.t('token-unavailable')));
  const { token, expiresAt } = await issue(ctx.user);
  const now = ctx.services.now();
  await ctx.reply(
    ctx.t('token-issued', {
      token,
      until: formatWhen(expiresAt, { ...ctx.user, now }),
      docs: ctx.services.docsUrl ?? '/docs',
    }),
    { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  );
});
/** /web: a one-time link that signs this person in to the Mini App in any browser (private chat only). */
menuFeature.chatType('private').command('web', async (ctx) => {
  const issue = ctx.services.issueLoginLink;
  if (!issue) return void (await ctx.reply(ctx.t('web-unavailable')));
  const { url, expiresAt } = await issue(ctx.user);
  await ctx.reply(
    ctx.t('web-link', { url, until: formatWhen(expiresAt, { ...ctx.user, now: ctx.services.now() }) }),
    { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  );
});
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
    await answerStale(ctx);
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
    case 'go': {
      const entry = forUser(ctx.shell.menu, ctx.user.roles).find((e) => e.id === parsed.arg);
      if (!entry) break;
      await ctx.answerCallbackQuery();
      await entry.open(ctx);
      return;
    }
    case 'set': {
      const definition = ctx.shell.settings?.definitions.find((d) => d.key === parsed.arg);
      if (!definition || !ctx.shell.settings) break;
      if (definition.kind === 'time') {
        await ctx.answerCallbackQuery();
        await startFlow(ctx, 'settings-time', 'value', { key: definition.key });
        await ctx.reply(ctx.t('settings-time-ask', { setting: ctx.t(definition.labelKey) }));
        return;
      }
      const current = await ctx.shell.settings.get(ctx.user.id, definition.key);
      const next =
        definition.kind === 'toggle'
          ? !current
          : (definition.choices[
              (definition.choices.indexOf(String(current)) + 1) % definition.choices.length
            ] ?? definition.default);
      await ctx.shell.settings.set(ctx.user.id, definition.key, next);
      await showMenu(ctx, 'settings');
      await ctx.answerCallbackQuery();
      return;
    }
    case 'close':
      await ctx.editMessageText(ctx.t('menu-closed'));
      await ctx.answerCallbackQuery();
      return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
});

/** A contributed time setting asks for "HH:MM" (or "off") after its button is pressed. */
export const settingsTimeFlow: FlowDefinition = {
  async value(ctx, data) {
    const text = ctx.message?.text?.trim().toLowerCase() ?? '';
    const registry = ctx.shell.settings;
    const key = String(data.key);
    if (!registry) return null;
    const value = OFF_WORDS.has(text) ? null : (parseClockTime(text) ?? undefined);
    if (value === undefined || (value !== null && !HHMM.test(value))) {
      await ctx.reply(ctx.t('settings-time-bad'));
      return { step: 'value' };
    }
    await registry.set(ctx.user.id, key, value);
    await ctx.reply(ctx.t('settings-saved'));
    return null;
  },
};
