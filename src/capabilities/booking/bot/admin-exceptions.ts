import { DateTime } from 'luxon';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import { formatWhen, localDateAt } from '../../../platform/time/index.ts';
import type { ExceptionRow } from '../booking-exceptions.ts';
import { hhmmOf, minutesOf } from '../booking-format.ts';
import { SETUP_FLOW } from './admin-setup.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText, show } from './bot-support.ts';
import { monthKeyboard } from './calendar.ts';

/** "10:00-14:00" (also with an en dash or spaces) on the quarter hour → minutes, or null. */
export function parseExtraHours(text: string): { start: number; end: number } | null {
  const m = /^\s*(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  if (!m) return null;
  const start = minutesOf((m[1] as string).padStart(5, '0'));
  const end = minutesOf((m[2] as string).padStart(5, '0'));
  return start !== null && end !== null && end > start ? { start, end } : null;
}

interface Target {
  specialistId: string;
  locationId: string;
}

/**
 * /admin → days off and extra hours: specialist → (location) → a day on the calendar → "Day off"
 * or extra hours typed as HH:MM–HH:MM; the same screen lists what is set, each with a remove button.
 */
export function createExceptionFlows(deps: BookingBotDeps) {
  const { setup } = deps;

  async function target(ctx: BotContext): Promise<(Target & { day?: string }) | null> {
    if (!ctx.chat || !ctx.from) return null;
    const flow = await ctx.services.flows.get(ctx.chat.id, ctx.from.id, ctx.services.now());
    if (!flow || flow.expired || flow.flow !== SETUP_FLOW || typeof flow.data.specialistId !== 'string')
      return null;
    return flow.data as unknown as Target & { day?: string };
  }

  const dayLabel = (ctx: BotContext, zone: string, day: string) =>
    formatWhen(
      localDateAt(zone, day, 12, 0) ?? ctx.services.now(),
      { timezone: zone, language: ctx.user.language, now: ctx.services.now() },
      { allDay: true },
    );

  const line = (ctx: BotContext, zone: string, e: ExceptionRow) =>
    e.kind === 'day_off'
      ? ctx.t('booking-exc-line-off', { day: dayLabel(ctx, zone, e.day) })
      : ctx.t('booking-exc-line-extra', {
          day: dayLabel(ctx, zone, e.day),
          from: hhmmOf(e.startMinute ?? 0),
          to: hhmmOf(e.endMinute ?? 0),
        });

  /** The screen: what is set from today on, a calendar to add one, a remove button per exception. */
  async function screen(ctx: BotContext, t: Target, month?: string, fresh = false) {
    await startFlow(ctx, SETUP_FLOW, 'exception-wait', { ...t });
    const specialist = (await setup.listSpecialists()).find((s) => s.id === t.specialistId);
    const location = (await setup.listLocations()).find((l) => l.id === t.locationId);
    if (!specialist || !location) return show(ctx, ctx.t('stale-button'));
    const zone = location.timezone;
    const today = DateTime.fromJSDate(ctx.services.now(), { zone }).toISODate() as string;
    const shown = month && month > today.slice(0, 7) ? month : today.slice(0, 7);
    const free = new Set<string>();
    for (let d = DateTime.fromISO(`${shown}-01`); d.toFormat('yyyy-MM') === shown; d = d.plus({ days: 1 }))
      if ((d.toISODate() as string) >= today) free.add(d.toISODate() as string);
    const rows = (await setup.listExceptions(t.specialistId, today)).filter(
      (e) => e.locationId === t.locationId,
    );
    const text = [
      ctx.t('booking-exc-title', { name: specialist.name, location: location.name }),
      ...(rows.length ? rows.map((e) => `• ${line(ctx, zone, e)}`) : [ctx.t('booking-exc-none')]),
      '',
      ctx.t('booking-exc-pick-day'),
    ].join('\n');
    const keyboard = [
      ...monthKeyboard({
        month: shown,
        free,
        language: ctx.user.language,
        thisMonth: today.slice(0, 7),
        dayData: (iso) => cb('xd', iso),
        monthData: (m) => cb('xm', m),
      }),
      ...rows
        .slice(0, 10)
        .map((e) => [{ text: `🗑 ${line(ctx, zone, e)}`.slice(0, 60), callback_data: cb('xr', pack(e.id)) }]),
    ];
    if (fresh) await ctx.reply(text, { reply_markup: { inline_keyboard: keyboard } });
    else await show(ctx, text, keyboard);
  }

  async function pickLocation(ctx: BotContext, specialistId: string) {
    const ids = await setup.locationsOf(specialistId);
    const locations = (await setup.listLocations()).filter((l) => ids.includes(l.id));
    if (locations.length === 0) return show(ctx, ctx.t('booking-none-yet'));
    if (locations.length === 1)
      return screen(ctx, { specialistId, locationId: (locations[0] as { id: string }).id });
    await show(
      ctx,
      ctx.t('booking-exc-pick-location'),
      locations.map((l) => [{ text: l.name, callback_data: cb('xl', pack(specialistId), pack(l.id)) }]),
    );
  }

  async function askKind(ctx: BotContext, t: Target, day: string) {
    await startFlow(ctx, SETUP_FLOW, 'exception-hours', { ...t, day });
    const location = (await setup.listLocations()).find((l) => l.id === t.locationId);
    await show(ctx, ctx.t('booking-exc-ask-kind', { day: dayLabel(ctx, location?.timezone ?? 'UTC', day) }), [
      [{ text: ctx.t('booking-exc-day-off'), callback_data: cb('xo') }],
      [{ text: ctx.t('booking-back'), callback_data: cb('xm', day.slice(0, 7)) }],
    ]);
  }

  async function save(ctx: BotContext, input: Target & { day: string; start?: number; end?: number }) {
    try {
      await setup.addException(input);
      return true;
    } catch (error) {
      await ctx.reply(errorText(ctx, error));
      return false;
    }
  }

  const steps: FlowDefinition = {
    'exception-wait': async (ctx, data) => {
      await ctx.reply(ctx.t('booking-use-buttons'));
      return { step: 'exception-wait', data };
    },
    'exception-hours': async (ctx, data) => {
      const hours = parseExtraHours(ctx.message?.text ?? '');
      if (!hours) {
        await ctx.reply(ctx.t('booking-exc-bad-hours'));
        return { step: 'exception-hours', data };
      }
      const t = data as unknown as Target & { day: string };
      if (!(await save(ctx, { ...t, ...hours }))) return { step: 'exception-hours', data };
      await screen(ctx, t, t.day.slice(0, 7), true);
      // Still on this specialist's screen: its buttons (another day, 🗑) keep working.
      return { step: 'exception-wait', data: { specialistId: t.specialistId, locationId: t.locationId } };
    },
  };

  /** Buttons `bk:xs|xl|xm|xd|xo|xr`; false when the action is not one of these. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    switch (action) {
      case 'xs': {
        const id = unpack(args[0]);
        if (id) await pickLocation(ctx, id);
        return true;
      }
      case 'xl': {
        const [specialistId, locationId] = [unpack(args[0]), unpack(args[1])];
        if (specialistId && locationId) await screen(ctx, { specialistId, locationId });
        return true;
      }
    }
    if (!['xm', 'xd', 'xo', 'xr'].includes(action)) return false;
    const t = await target(ctx);
    if (!t) {
      await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
      return true;
    }
    const here = { specialistId: t.specialistId, locationId: t.locationId };
    if (action === 'xm' && /^\d{4}-\d{2}$/.test(args[0] ?? '')) await screen(ctx, here, args[0]);
    else if (action === 'xd' && /^\d{4}-\d{2}-\d{2}$/.test(args[0] ?? ''))
      await askKind(ctx, here, args[0] as string);
    else if (action === 'xo' && t.day) {
      if (await save(ctx, { ...here, day: t.day })) await screen(ctx, here, t.day.slice(0, 7));
    } else if (action === 'xr') {
      const id = unpack(args[0]);
      if (!id) return true;
      try {
        await setup.removeException(t.specialistId, id);
      } catch (error) {
        await ctx.answerCallbackQuery({ text: errorText(ctx, error), show_alert: true });
        return true;
      }
      await screen(ctx, here);
    }
    return true;
  }

  async function begin(ctx: BotContext) {
    const specialists = await setup.listSpecialists();
    if (specialists.length === 0) return show(ctx, ctx.t('booking-none-yet'));
    await ctx.reply(ctx.t('booking-exc-pick-specialist'), {
      reply_markup: {
        inline_keyboard: specialists.map((s) => [{ text: s.name, callback_data: cb('xs', pack(s.id)) }]),
      },
    });
  }

  return { steps, onButton, begin };
}
