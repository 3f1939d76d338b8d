import type { InlineKeyboardButton } from '@grammyjs/types';
import { InlineKeyboard } from 'grammy';
import type { SettingDefinition, SettingValue } from '../../platform/capability/settings.ts';
import type { BotContext } from '../bot-context.ts';
import { forUser } from '../bot-shell.ts';
import { callbackCodec } from '../callback-data.ts';
import { timezoneLabel } from '../timezone-lookup.ts';

export type Screen = 'main' | 'settings' | 'language' | 'help';

/** Callback data of a live-menu button: `m:<nonce>:<action>[:<arg>]` (well under Telegram's 64 bytes). */
export const MENU_CALLBACKS = callbackCodec('m');
export const menuData = (nonce: string, action: string, arg?: string) =>
  arg ? MENU_CALLBACKS.pack(nonce, action, arg) : MENU_CALLBACKS.pack(nonce, action);

export function parseMenuData(
  data: string,
): { nonce: string; action: string; arg: string | undefined } | null {
  const match = /^m:([A-Za-z0-9_-]{1,16}):([a-z_]{1,20})(?::([A-Za-z0-9_./+-]{1,32}))?$/.exec(data);
  if (!match) return null;
  return { nonce: match[1] as string, action: match[2] as string, arg: match[3] };
}

/** A contributed setting's value as a user reads it. */
export function settingValueText(
  ctx: BotContext,
  definition: SettingDefinition,
  value: SettingValue,
): string {
  if (definition.kind === 'toggle') return ctx.t(value ? 'settings-on' : 'settings-off');
  if (definition.kind === 'choice') return ctx.t(`${definition.labelKey}-${String(value)}`);
  return typeof value === 'string' ? value : ctx.t('settings-off');
}

/** Each capability's commands meant for this user, as `/command — what it does`. */
export const capabilityLines = (ctx: BotContext): string[] =>
  forUser(ctx.shell.help, ctx.user.roles).map((h) => `/${h.command} — ${ctx.t(h.descriptionKey)}`);

/** /help: what the capabilities do first (they grow with the build), then the shell's own commands. */
export function helpText(ctx: BotContext): string {
  const lines = capabilityLines(ctx);
  return [
    ctx.t('help-title'),
    ...(lines.length ? [ctx.t('help-just-write'), '', ...lines, ''] : []),
    ctx.t('help'),
  ].join('\n');
}

async function render(
  ctx: BotContext,
  screen: Screen,
  nonce: string,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const b = (label: string, action: string, arg?: string) =>
    InlineKeyboard.text(label, menuData(nonce, action, arg));
  const user = ctx.user;
  if (screen === 'settings') {
    const quiet =
      user.quietHoursStart && user.quietHoursEnd
        ? `${user.quietHoursStart.slice(0, 5)}–${user.quietHoursEnd.slice(0, 5)}`
        : ctx.t('settings-quiet-off');
    const contributed = (await ctx.shell.settings?.all(user.id)) ?? [];
    const lines = contributed.map(
      ({ definition, value }) => `${ctx.t(definition.labelKey)}: ${settingValueText(ctx, definition, value)}`,
    );
    return {
      text: [
        ctx.t('settings-title', {
          language: ctx.t('language-name'),
          timezone: timezoneLabel(user.timezone, ctx.services.now()),
          quiet,
          notifications: ctx.t(user.notificationsEnabled ? 'settings-on' : 'settings-off'),
        }),
        ...lines,
      ].join('\n'),
      keyboard: InlineKeyboard.from([
        [b(ctx.t('settings-language'), 'open', 'language'), b(ctx.t('settings-timezone'), 'tz')],
        [b(ctx.t('settings-quiet'), 'quiet')],
        [
          b(
            ctx.t(user.notificationsEnabled ? 'settings-notifications-on' : 'settings-notifications-off'),
            'notif',
          ),
        ],
        ...contributed.map(({ definition }) => [b(ctx.t(definition.labelKey), 'set', definition.key)]),
        [b(ctx.t('menu-back'), 'open', 'main')],
      ]),
    };
  }
  if (screen === 'help') {
    return { text: helpText(ctx), keyboard: InlineKeyboard.from([[b(ctx.t('menu-back'), 'open', 'main')]]) };
  }
  if (screen === 'language') {
    return {
      text: ctx.t('language-title'),
      keyboard: InlineKeyboard.from([
        [
          b(`${user.language === 'ru' ? '✅ ' : ''}Русский`, 'lang', 'ru'),
          b(`${user.language === 'en' ? '✅ ' : ''}English`, 'lang', 'en'),
        ],
        [b(ctx.t('menu-back'), 'open', 'settings')],
      ]),
    };
  }
  const entries = forUser(ctx.shell.menu, user.roles).map((e) => b(ctx.t(e.labelKey), 'go', e.id));
  const rows = entries.reduce<InlineKeyboardButton[][]>((acc, button, i) => {
    if (i % 2 === 0) acc.push([button]);
    else acc[acc.length - 1]?.push(button);
    return acc;
  }, []);
  return {
    text: ctx.t('menu-title'),
    keyboard: InlineKeyboard.from([
      ...rows,
      [b(ctx.t('menu-settings'), 'open', 'settings'), b(ctx.t('menu-language'), 'open', 'language')],
      [b(ctx.t('menu-help'), 'open', 'help'), b(ctx.t('menu-close'), 'close')],
    ]),
  };
}

/**
 * Shows a screen of the chat's live menu: pressed from the live menu → that message is edited;
 * otherwise a new menu message is sent and becomes the live one (older menus' buttons go stale).
 */
export async function showMenu(ctx: BotContext, screen: Screen): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  const { menus } = ctx.services;
  const live = await menus.current(chatId);
  const pressed = ctx.callbackQuery?.message?.message_id;
  if (live && pressed === live.messageId) {
    const { text, keyboard } = await render(ctx, screen, live.nonce);
    await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard }).catch((error: Error) => {
      if (!/message is not modified/.test(error.message)) throw error;
    });
    return;
  }
  const nonce = menus.nonceFor(ctx.update.update_id);
  const { text, keyboard } = await render(ctx, screen, nonce);
  const sent = await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  await menus.save(chatId, sent.message_id, nonce);
}
