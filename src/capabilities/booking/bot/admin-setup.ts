import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import { findTimezone } from '../../../bot/timezone-lookup.ts';
import type { Language } from '../../../platform/db/schema.ts';
import { isTimezone } from '../../../platform/nl/zoned-clock.ts';
import { hhmmOf } from '../booking-format.ts';
import type { DayHours } from '../booking-setup.ts';
import { telegramIdTyped } from './admin-inputs.ts';
import { bookingCallback as cb, packBooking as pack } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText } from './bot-support.ts';
import { parseHours } from './hours-input.ts';

export const SETUP_FLOW = 'booking-setup';

/** "Mon–Fri 09:00–18:00 (13:00–14:00)" / "пн–пт …": what was saved, read back in the admin's language. */
export function hoursText(weekly: DayHours[], language: Language): string {
  const names = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  // 2024-01-01 was a Monday.
  const day = (weekday: number) => names.format(new Date(Date.UTC(2024, 0, weekday)));
  const groups: Array<{ from: number; to: number; key: string }> = [];
  for (const d of [...weekly].sort((a, b) => a.weekday - b.weekday)) {
    const key = `${hhmmOf(d.start)}–${hhmmOf(d.end)}${d.breaks.map((b) => ` (${hhmmOf(b.start)}–${hhmmOf(b.end)})`).join('')}`;
    const last = groups.at(-1);
    if (last && last.key === key && last.to === d.weekday - 1) last.to = d.weekday;
    else groups.push({ from: d.weekday, to: d.weekday, key });
  }
  return groups
    .map((g) => `${g.from === g.to ? day(g.from) : `${day(g.from)}–${day(g.to)}`} ${g.key}`)
    .join('; ');
}

/** The admin's setup flows: location, service, specialist (all services and locations), hours. */
export function createSetupFlows(deps: BookingBotDeps): {
  flow: FlowDefinition;
  begin: (ctx: BotContext, what: string, data?: Record<string, unknown>) => Promise<void>;
} {
  const { setup } = deps;
  const ask = async (ctx: BotContext, step: string, data: Record<string, unknown> = {}) => {
    await startFlow(ctx, SETUP_FLOW, step, data);
    await ctx.reply(ctx.t(`booking-setup-ask-${step}`));
  };
  const guard = async (ctx: BotContext, run: () => Promise<string>) => {
    try {
      await ctx.reply(await run());
    } catch (error) {
      await ctx.reply(errorText(ctx, error));
    }
    return null;
  };
  const text = (ctx: BotContext) => (ctx.message?.text ?? '').trim().slice(0, 120);

  const flow: FlowDefinition = {
    'location-name': async (ctx, data) => {
      const name = text(ctx);
      if (!name) return { step: 'location-name', data };
      await ctx.reply(ctx.t('booking-setup-ask-location-city'));
      return { step: 'location-zone', data: { ...data, name } };
    },
    'location-zone': async (ctx, data) => {
      // A city is enough ("London", "Лондон"), as in onboarding (issue 37 item 15).
      const typed = text(ctx);
      const timezone = isTimezone(typed) ? typed : findTimezone(typed);
      if (!timezone) {
        await ctx.reply(ctx.t('booking-mg-bad-zone'));
        return { step: 'location-zone', data };
      }
      return guard(ctx, async () => {
        const row = await setup.createLocation({ name: String(data.name), timezone });
        return ctx.t('booking-setup-location-saved', { name: row.name, zone: row.timezone });
      });
    },
    'service-name': async (ctx, data) => {
      const name = text(ctx);
      if (!name) return { step: 'service-name', data };
      await ctx.reply(ctx.t('booking-setup-ask-service-duration'));
      return { step: 'service-duration', data: { ...data, name } };
    },
    'service-duration': async (ctx, data) => {
      const minutes = Number(text(ctx));
      if (!Number.isInteger(minutes) || minutes < 15 || minutes > 720 || minutes % 15) {
        await ctx.reply(ctx.t('booking-setup-bad-duration'));
        return { step: 'service-duration', data };
      }
      await ctx.reply(ctx.t('booking-setup-ask-service-approval'), {
        reply_markup: {
          inline_keyboard: [
            [
              { text: ctx.t('booking-setup-approval-yes'), callback_data: cb('sc', 'always', minutes) },
              { text: ctx.t('booking-setup-approval-no'), callback_data: cb('sc', 'never', minutes) },
            ],
          ],
        },
      });
      return { step: 'service-approval', data: { ...data, minutes } };
    },
    'service-approval': async (ctx, data) => {
      await ctx.reply(ctx.t('booking-use-buttons'));
      return { step: 'service-approval', data };
    },
    'specialist-id': async (ctx, data) => {
      // A forwarded message from them, or their numeric id.
      const id = telegramIdTyped(ctx);
      if (id === null || id === 'hidden') {
        await ctx.reply(ctx.t(id === 'hidden' ? 'booking-setup-forward-hidden' : 'booking-mg-bad-telegram'));
        return { step: 'specialist-id', data };
      }
      await ctx.reply(ctx.t('booking-setup-ask-specialist-name'));
      return { step: 'specialist-name', data: { telegramId: id } };
    },
    'specialist-name': async (ctx, data) =>
      guard(ctx, async () => {
        const name = text(ctx) || 'Specialist';
        const services = await setup.listServices();
        const locations = await setup.listLocations();
        const row = await setup.createSpecialist({
          telegramId: Number(data.telegramId),
          name,
          serviceIds: services.map((s) => s.id),
          locationIds: locations.map((l) => l.id),
        });
        await ctx.services.users.grantRole(row.telegramId, 'specialist', {
          kind: 'user',
          userId: ctx.user.id,
        });
        return ctx.t('booking-setup-specialist-saved', {
          name: row.name,
          services: services.length,
          locations: locations.length,
        });
      }),
    hours: async (ctx, data) => {
      const typed = (ctx.message?.text ?? '').trim().slice(0, 500);
      // "Mon-Fri 9-18", "пн-пт 9-18", "9am-6pm", or the older "1-5 09:00-18:00 13:00-14:00".
      const weekly = parseHours(typed);
      if (!weekly) {
        await ctx.reply(ctx.t('booking-setup-bad-hours-typed'));
        return { step: 'hours', data };
      }
      return guard(ctx, async () => {
        const locations = await setup.listLocations();
        for (const l of locations) await setup.setHours(String(data.specialistId), l.id, weekly);
        return ctx.t('booking-setup-hours-saved-as', { hours: hoursText(weekly, ctx.user.language) });
      });
    },
  };

  async function begin(ctx: BotContext, what: string, data: Record<string, unknown> = {}) {
    if (what === 'loc') return ask(ctx, 'location-name');
    if (what === 'svc') return ask(ctx, 'service-name');
    if (what === 'spec') {
      await startFlow(ctx, SETUP_FLOW, 'specialist-id', {});
      return void (await ctx.reply(ctx.t('booking-setup-ask-specialist-who')));
    }
    if (what === 'hours') {
      const specialists = await setup.listSpecialists();
      if (specialists.length === 0) return void (await ctx.reply(ctx.t('booking-none-yet')));
      await ctx.reply(ctx.t('booking-setup-pick-specialist'), {
        reply_markup: {
          inline_keyboard: specialists.map((s) => [{ text: s.name, callback_data: cb('hs', pack(s.id)) }]),
        },
      });
      return;
    }
    if (what === 'hours-for') {
      await startFlow(ctx, SETUP_FLOW, 'hours', data);
      return void (await ctx.reply(ctx.t('booking-setup-ask-hours-typed')));
    }
  }

  return { flow, begin };
}
