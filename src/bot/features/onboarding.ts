import { Composer, Keyboard } from 'grammy';
import type { BotContext } from '../bot-context.ts';
import { type FlowDefinition, startFlow } from '../flows/flow-router.ts';
import { showMenu } from '../menus/live-menu.ts';
import { defaultTimezoneFor, findTimezone, localTime, timezoneAt } from '../timezone-lookup.ts';

const locationKeyboard = (ctx: BotContext, keep?: string) => {
  const keyboard = new Keyboard().requestLocation(ctx.t('timezone-share-location'));
  if (keep) keyboard.row().text(ctx.t('timezone-keep', { timezone: keep }));
  return keyboard.resized().oneTime();
};

/** Reads a timezone from the message (city, zone, offset, shared location or the "keep" button). */
function timezoneFrom(ctx: BotContext): string | null {
  const location = ctx.message?.location;
  if (location) return timezoneAt(location.latitude, location.longitude);
  const text = ctx.message?.text ?? '';
  if (text === ctx.t('timezone-keep', { timezone: ctx.user.timezone })) return ctx.user.timezone;
  return findTimezone(text);
}

async function confirmTimezone(ctx: BotContext, timezone: string, onboarding: boolean) {
  ctx.user = await ctx.services.users.updateSettings(ctx.user.id, {
    timezone,
    timezoneConfirmed: true,
    ...(onboarding ? { onboarded: true } : {}),
  });
  const time = localTime(timezone, ctx.services.now(), ctx.user.language);
  await ctx.reply(ctx.t('timezone-set', { timezone, time }), { reply_markup: { remove_keyboard: true } });
}

const askAgain = async (ctx: BotContext) => {
  const query = ctx.message?.text ?? '📍';
  await ctx.reply(ctx.t('timezone-not-found', { query: query.slice(0, 60) }), {
    reply_markup: locationKeyboard(ctx, ctx.user.timezone),
  });
};

export const timezoneFlows: Record<string, FlowDefinition> = {
  onboarding: {
    async timezone(ctx) {
      const timezone = timezoneFrom(ctx);
      if (!timezone) {
        await askAgain(ctx);
        return { step: 'timezone' };
      }
      await confirmTimezone(ctx, timezone, true);
      await ctx.reply(ctx.t('onboarding-done'));
      return null;
    },
  },
  timezone: {
    async ask(ctx) {
      const timezone = timezoneFrom(ctx);
      if (!timezone) {
        await askAgain(ctx);
        return { step: 'ask' };
      }
      await confirmTimezone(ctx, timezone, false);
      return null;
    },
  },
};

/** Asks for the timezone from anywhere (settings menu). */
export async function askTimezone(ctx: BotContext) {
  await startFlow(ctx, 'timezone', 'ask');
  await ctx.reply(ctx.t('timezone-ask'), { reply_markup: locationKeyboard(ctx, ctx.user.timezone) });
}

export const onboardingFeature = new Composer<BotContext>();

/** /start registers (the user row exists by now), asks the timezone once, later shows the menu. */
onboardingFeature.command('start', async (ctx) => {
  const name = ctx.from?.first_name ?? '';
  if (ctx.user.onboardedAt) {
    await ctx.reply(ctx.t('welcome-back', { name }));
    await showMenu(ctx, 'main');
    return;
  }
  if (!ctx.user.timezoneConfirmed) {
    ctx.user = await ctx.services.users.updateSettings(ctx.user.id, {
      timezone: defaultTimezoneFor(ctx.user.language),
    });
  }
  await startFlow(ctx, 'onboarding', 'timezone');
  await ctx.reply(ctx.t('welcome-new', { name, timezone: ctx.user.timezone }), {
    reply_markup: locationKeyboard(ctx, ctx.user.timezone),
  });
});
