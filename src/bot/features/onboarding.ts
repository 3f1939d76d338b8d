import { Composer, InlineKeyboard, Keyboard } from 'grammy';
import { parseText } from '../../platform/nl/index.ts';
import { formatWhen, isTimezone } from '../../platform/time/index.ts';
import type { BotContext } from '../bot-context.ts';
import { forUser } from '../bot-shell.ts';
import { callbackCodec } from '../callback-data.ts';
import { type FlowDefinition, isCommand, startFlow } from '../flows/flow-router.ts';
import { showMenu } from '../menus/live-menu.ts';
import { defaultTimezoneFor, findTimezone, timezoneAt, timezoneLabel } from '../timezone-lookup.ts';

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

/**
 * Could this be a try at naming a place ("Berln", "Нью Йорк")? One to three words without digits
 * or marks. Anything else typed instead of a city is a message in its own right.
 */
const looksLikePlace = (ctx: BotContext, text: string) =>
  /^[\p{L}][\p{L}\s.'’-]{0,40}$/u.test(text.trim()) &&
  text.trim().split(/\s+/).length <= 3 &&
  // "купить молоко завтра", "buy milk tmrw": three words, but a date makes it a request, not a place.
  parseText(text, { timezone: ctx.user.timezone, now: ctx.services.now(), language: ctx.user.language })
    .intent === 'unknown';

const nowIn = (ctx: BotContext, timezone: string) =>
  formatWhen(
    ctx.services.now(),
    { timezone, language: ctx.user.language, now: ctx.services.now() },
    { part: 'time' },
  );

async function confirmTimezone(ctx: BotContext, timezone: string, onboarding: boolean) {
  ctx.user = await ctx.services.users.updateSettings(ctx.user.id, {
    timezone,
    timezoneConfirmed: true,
    ...(onboarding ? { onboarded: true } : {}),
  });
  await ctx.reply(
    ctx.t('timezone-set', {
      timezone: timezoneLabel(timezone, ctx.services.now()),
      time: nowIn(ctx, timezone),
    }),
    { reply_markup: { remove_keyboard: true } },
  );
}

/**
 * The question is over without an answer (another message, a command): the guess stands
 * (unconfirmed, so /settings still offers to fix it) and the reply keyboard goes with the question,
 * or its "Keep …" button would later be typed into the chat as a message of its own.
 */
async function keepTimezone(ctx: BotContext, onboarding: boolean) {
  if (onboarding) ctx.user = await ctx.services.users.updateSettings(ctx.user.id, { onboarded: true });
  await ctx.reply(
    ctx.t('timezone-kept', {
      timezone: timezoneLabel(ctx.user.timezone, ctx.services.now()),
      time: nowIn(ctx, ctx.user.timezone),
    }),
    { reply_markup: { remove_keyboard: true } },
  );
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
      if (timezone) {
        await confirmTimezone(ctx, timezone, true);
        await ctx.reply(ctx.t('onboarding-done'), offerButtons(ctx));
        return null;
      }
      const text = ctx.message?.text ?? '';
      if (!text || looksLikePlace(ctx, text)) {
        await askAgain(ctx);
        return { step: 'timezone' };
      }
      // Not a place: the person went straight to business; the message is handled like any other.
      await keepTimezone(ctx, true);
      return 'pass';
    },
  },
  timezone: {
    async ask(ctx) {
      const timezone = timezoneFrom(ctx);
      if (timezone) {
        await confirmTimezone(ctx, timezone, false);
        return null;
      }
      const text = ctx.message?.text ?? '';
      if (text && !looksLikePlace(ctx, text)) {
        await keepTimezone(ctx, false);
        return 'pass';
      }
      await askAgain(ctx);
      return { step: 'ask' };
    },
  },
};

/** Buttons of the capabilities' opt-ins (`o:<id>`), under the message that ends onboarding. */
export const OFFER_CALLBACKS = callbackCodec('o');

/** Offered only once the timezone is confirmed: an opt-in at a local time needs the right zone. */
function offerButtons(ctx: BotContext) {
  const offers = forUser(ctx.shell.offers ?? [], ctx.user.roles);
  if (!offers.length) return {};
  return {
    reply_markup: InlineKeyboard.from(
      offers.map((o) => [InlineKeyboard.text(ctx.t(o.labelKey), OFFER_CALLBACKS.pack(o.id))]),
    ),
  };
}

/** Asks for the timezone from anywhere (settings menu). */
export async function askTimezone(ctx: BotContext) {
  await startFlow(ctx, 'timezone', 'ask');
  await ctx.reply(ctx.t('timezone-ask'), { reply_markup: locationKeyboard(ctx, ctx.user.timezone) });
}

/**
 * A command while the timezone question is open ends the question (the flow router drops the flow
 * right after this): the zone is kept and the keyboard removed before the command answers.
 * /start asks the question again, so it keeps it.
 */
export const leaveTimezoneQuestion = new Composer<BotContext>();
leaveTimezoneQuestion.on('message', async (ctx, next) => {
  if (isCommand(ctx) && !ctx.message.text?.startsWith('/start') && ((await ctx.early?.flowActive) ?? true)) {
    const open = await ctx.services.flows.get(ctx.chat.id, ctx.from.id, ctx.services.now());
    if (open && !open.expired && (open.flow === 'onboarding' || open.flow === 'timezone'))
      await keepTimezone(ctx, open.flow === 'onboarding');
  }
  await next();
});

/** "Keep Europe/Moscow" as the keyboard words it, for any zone: [before, after] the zone. */
const keepLabel = (ctx: BotContext) => ctx.t('timezone-keep', { timezone: '\u0000' }).split('\u0000');

export const onboardingFeature = new Composer<BotContext>();

/**
 * The "Keep …" button of a keyboard left from an earlier question (an old message, a client that
 * kept it) is an answer to that question, never a task called "Keep Europe/Moscow".
 */
onboardingFeature.on('message:text', async (ctx, next) => {
  const [before = '', after = ''] = keepLabel(ctx);
  const text = ctx.message.text;
  const zone =
    text.startsWith(before) && text.endsWith(after)
      ? text.slice(before.length, text.length - after.length)
      : '';
  if (!zone || !isTimezone(zone)) return next();
  const open = await ctx.services.flows.get(ctx.chat.id, ctx.from.id, ctx.services.now());
  // An open question reads the button itself (the flow router, next).
  if (open && !open.expired) return next();
  await confirmTimezone(ctx, zone, !ctx.user.onboardedAt);
});

/** /start registers (the user row exists by now), says what the bot does, asks the timezone once. */
onboardingFeature.command('start', async (ctx, next) => {
  const name = ctx.from?.first_name ?? '';
  // A deep link's payload (`t.me/<bot>?start=…`, a specialist invite) is the capabilities' to read,
  // after the greeting.
  const payload = ctx.match.trim() !== '';
  if (ctx.user.onboardedAt) {
    await ctx.reply(ctx.t('welcome-back', { name }));
    await showMenu(ctx, 'main');
    if (payload) await next();
    return;
  }
  const guess = defaultTimezoneFor(ctx.user.language, ctx.from?.language_code);
  if (!ctx.user.timezoneConfirmed && ctx.user.timezone !== guess) {
    ctx.user = await ctx.services.users.updateSettings(ctx.user.id, { timezone: guess });
  }
  // One example and where to find the rest: the list of commands is /help's, not the greeting's.
  await ctx.reply(
    [
      ctx.t('welcome-new', { name }),
      ctx.t('welcome-help'),
      '',
      ctx.t('welcome-timezone', {
        timezone: timezoneLabel(ctx.user.timezone, ctx.services.now()),
        time: nowIn(ctx, ctx.user.timezone),
      }),
    ].join('\n'),
    { reply_markup: locationKeyboard(ctx, ctx.user.timezone) },
  );
  // After the welcome, not before: nothing of this chat runs until this update is done (and a rerun
  // after a crash finds the welcome in the reply log), so the person waits one write less.
  await startFlow(ctx, 'onboarding', 'timezone');
  if (payload) await next();
});

/** An opt-in pressed: its button goes (the rest stay), the capability switches it on and says so. */
onboardingFeature.callbackQuery(OFFER_CALLBACKS.pattern, async (ctx) => {
  const [id] = OFFER_CALLBACKS.unpack(ctx.callbackQuery.data) ?? [];
  const offer = forUser(ctx.shell.offers ?? [], ctx.user.roles).find((o) => o.id === id);
  if (!offer) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
  await ctx.answerCallbackQuery();
  const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
  const rest = rows.filter(
    (row) => !row.some((b) => 'callback_data' in b && b.callback_data === ctx.callbackQuery.data),
  );
  await ctx
    .editMessageReplyMarkup({ reply_markup: rest.length ? { inline_keyboard: rest } : undefined })
    .catch(() => undefined);
  await offer.open(ctx);
});
