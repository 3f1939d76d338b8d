import { DateTime } from 'luxon';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { InboxLine, InboxTarget } from '../../../platform/capability/inbox-targets.ts';
import { formatWhen, formatWhenFor, zoneDiffers, zoneLabel } from '../booking-format.ts';
import { afterTime, bestMatch, bookingAsk, namedSpecialist } from '../service-match.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import { type BookingBotDeps, grid, packMinute, setDraft, unpackMinute } from './bot-support.ts';
import type { createClientBooking } from './client-book.ts';

/** How many free times the card offers, and how far ahead it looks for them. */
const OFFERED = 6;
const DAYS_AHEAD = 14;

/**
 * The smart inbox's booking target (issue 31): "запиши меня на стрижку в пятницу после 17" /
 * "book a haircut Friday after 5pm" becomes a card with the matching service and its first free
 * times from the time asked; a tap books through the client path (`bk:ib`).
 */
export function createInboxBooking(deps: BookingBotDeps, client: ReturnType<typeof createClientBooking>) {
  const { bookings, setup } = deps;

  /** The first moment the person would take: the day and "after" time they said, never the past. */
  function wantedFrom(ctx: BotContext, line: InboxLine): Date {
    const zone = ctx.user.timezone;
    const now = ctx.services.now();
    const after = afterTime(line.text);
    const { dueAt, allDay } = line.parsed;
    let from = now;
    if (dueAt || after) {
      const day = DateTime.fromJSDate(dueAt ?? now, { zone });
      from = after
        ? day.set({ hour: after.hour, minute: after.minute, second: 0, millisecond: 0 }).toJSDate()
        : allDay
          ? day.startOf('day').toJSDate()
          : (dueAt as Date);
    }
    return from < now ? now : from;
  }

  async function respond(ctx: BotContext, line: InboxLine): Promise<boolean> {
    const services = await setup.listServices();
    // No business set up: the line is someone's to-do ("book flights"), not ours.
    if (services.length === 0) return false;
    const ask = bookingAsk(line.text);
    const service = bestMatch(line.text, services);
    if (!service) {
      if (ask !== 'asks') return false;
      await ctx.reply(ctx.t('booking-inbox-which', { services: services.map((s) => s.name).join(', ') }), {
        reply_markup: {
          inline_keyboard: services.map((s) => [{ text: s.name, callback_data: cb('sv', pack(s.id)) }]),
        },
      });
      return true;
    }
    for (const location of await setup.listLocations()) {
      const offering = await bookings.specialistsFor(service.id, location.id);
      if (offering.length === 0) continue;
      const named = namedSpecialist(line.text, offering);
      const from = wantedFrom(ctx, line);
      const first = DateTime.fromJSDate(from, { zone: location.timezone });
      const { slots } = await bookings.freeSlots({
        serviceId: service.id,
        locationId: location.id,
        specialistId: named?.id,
        from: first.toISODate() as string,
        to: first.plus({ days: DAYS_AHEAD - 1 }).toISODate() as string,
      });
      const times = slots.filter((s) => s.start >= from).slice(0, OFFERED);
      const vars = {
        service: service.name,
        location: location.name,
        specialist: named?.name ?? ctx.t('booking-inbox-anyone'),
        from: formatWhenFor(from, location.timezone, ctx.user, ctx.t.bind(ctx)),
      };
      if (times.length === 0) {
        await ctx.reply(ctx.t('booking-inbox-no-times', vars));
        return true;
      }
      const zoneLine = zoneDiffers(from, location.timezone, ctx.user.timezone)
        ? `\n${ctx.t('booking-times-in-zone', { label: zoneLabel(location.timezone, ctx.user.language, ctx.t.bind(ctx)) })}`
        : '';
      const buttons = times.map((s) => ({
        text: formatWhen(s.start, location.timezone, ctx.user.language),
        callback_data: cb('ib', packMinute(s.start), pack(service.id), named ? pack(named.id) : 'a'),
      }));
      await ctx.reply(ctx.t('booking-inbox-offer', vars) + zoneLine, {
        reply_markup: {
          inline_keyboard: [
            ...grid(buttons, 2),
            [{ text: ctx.t('booking-button-quit'), callback_data: cb('quit') }],
          ],
        },
        reply_parameters: {
          message_id: ctx.message?.message_id ?? 0,
          allow_sending_without_reply: true,
        },
      });
      return true;
    }
    // The service exists but nobody offers it anywhere yet.
    await ctx.reply(ctx.t('booking-none-yet'));
    return true;
  }

  /** `bk:ib:<start>:<service>:<specialist|a>`: books that time as the client path does. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    if (action !== 'ib') return false;
    const start = unpackMinute(args[0]);
    const serviceId = unpack(args[1]);
    const specialistId = args[2] === 'a' ? null : unpack(args[2]);
    if (!start || !serviceId || (args[2] !== 'a' && !specialistId)) return false;
    // The card was for the first location offering the service (with this specialist): the same one now.
    for (const location of await setup.listLocations()) {
      const offering = await bookings.specialistsFor(serviceId, location.id).catch(() => []);
      if (!offering.some((s) => specialistId === null || s.id === specialistId)) continue;
      const draft = { serviceId, locationId: location.id, specialistId: specialistId ?? 'any' };
      // Kept while the answer may offer other times (their buttons continue the client path).
      await setDraft(ctx, draft);
      await client.book(ctx, draft, start, specialistId);
      return true;
    }
    return false;
  }

  const target: InboxTarget = {
    kind: 'booking',
    // Before tasks: "book a haircut" is a booking when a service matches (`respond` passes it on otherwise).
    order: 5,
    cardKey: 'booking-inbox-card',
    savedKey: 'booking-inbox-saved',
    switchKey: 'booking-inbox-switch',
    claim: (parsed, model) =>
      model ? (model.intent === 'booking' ? 1 : null) : bookingAsk(parsed.title) ? 1 : null,
    respond,
    save: () => {
      // Never reached: this target answers with its own card and is no card's swap.
      throw new Error('the booking target books from its own card');
    },
  };

  return { target, onButton };
}
