import type { InlineKeyboardButton } from 'grammy/types';
import { DateTime } from 'luxon';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import { formatTime, formatWhenFor } from '../booking-format.ts';
import type { BookingAction } from '../booking-state.ts';
import { telegramIdTyped, walkInTyped } from './admin-inputs.ts';
import { SETUP_FLOW } from './admin-setup.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText, grid, packMinute, show, unpackMinute } from './bot-support.ts';

// Staff at the desk: a booking card with what an admin or the booking's specialist may do now
// (confirm/decline, reschedule, cancel after "Sure?", came / no-show), and booking for a client:
// someone on Telegram (a forwarded message or their id) or a walk-in by name and phone.

const ACTIONS: Record<string, BookingAction> = {
  c: 'confirm',
  d: 'decline',
  y: 'cancel',
  o: 'complete',
  s: 'no_show',
};

type Client = { telegramId: number; label: string } | { name: string; phone: string; label: string };
interface ForClient {
  client: Client;
  serviceId?: string;
  locationId?: string;
  specialistId?: string | null;
}

export function createStaffDesk(deps: BookingBotDeps) {
  const { setup, bookings } = deps;
  const button = (text: string, ...data: Array<string | number>): InlineKeyboardButton => ({
    text,
    callback_data: cb(...(data as [string, ...Array<string | number>])),
  });

  async function cardText(ctx: BotContext, bookingId: string, question?: string) {
    const c = await setup.bookingCard(bookingId);
    if (!c) return null;
    const when = formatWhenFor(c.booking.startAt, c.location.timezone, ctx.user, ctx.t.bind(ctx));
    const lines = [
      ctx.t('booking-desk-card', {
        when,
        service: c.service.name,
        client: c.clientName,
        specialist: c.specialist.name,
        location: c.location.name,
        status: ctx.t(`booking-status-${c.booking.status}`),
      }),
      ...(c.noShows ? [ctx.t('booking-no-shows', { n: c.noShows })] : []),
      ...(question ? ['', question] : []),
    ];
    return { text: lines.join('\n'), card: c };
  }

  /** The buttons a booking offers staff now (the state machine still decides on each). */
  function actions(ctx: BotContext, c: NonNullable<Awaited<ReturnType<typeof setup.bookingCard>>>) {
    const id = pack(c.booking.id);
    const open = c.booking.status === 'pending' || c.booking.status === 'confirmed';
    if (!open) return [];
    const started = ctx.services.now() >= c.booking.startAt;
    const rows: InlineKeyboardButton[][] = [];
    if (c.booking.status === 'pending')
      rows.push([
        button(ctx.t('booking-button-confirm'), 'sa', 'c', id),
        button(ctx.t('booking-button-decline'), 'sa', 'd', id),
      ]);
    if (!started)
      rows.push([
        button(ctx.t('booking-desk-reschedule'), 'rs', id),
        button(ctx.t('booking-desk-cancel'), 'sa', 'x', id),
      ]);
    else
      rows.push([
        button(ctx.t('booking-desk-came'), 'sa', 'o', id),
        button(ctx.t('booking-desk-no-show'), 'sa', 's', id),
      ]);
    return rows;
  }

  /** Sends (or, from a button, redraws) a booking's staff card. */
  async function card(ctx: BotContext, bookingId: string, fresh = true) {
    const shown = await cardText(ctx, bookingId);
    if (!shown) return;
    const rows = actions(ctx, shown.card);
    if (fresh) await ctx.reply(shown.text, { reply_markup: { inline_keyboard: rows } });
    else await show(ctx, shown.text, rows);
  }

  async function act(ctx: BotContext, code: string, bookingId: string) {
    if (code === 'x') {
      const shown = await cardText(ctx, bookingId, ctx.t('booking-desk-cancel-sure'));
      if (!shown) return;
      return show(ctx, shown.text, [
        [
          button(ctx.t('booking-desk-cancel-yes'), 'sa', 'y', pack(bookingId)),
          button(ctx.t('booking-desk-cancel-no'), 'sa', 'k', pack(bookingId)),
        ],
      ]);
    }
    const action = ACTIONS[code];
    if (action) {
      try {
        await bookings.act(ctx.user, bookingId, action);
      } catch (error) {
        await ctx.answerCallbackQuery({ text: errorText(ctx, error), show_alert: true });
      }
    }
    await card(ctx, bookingId, false);
  }

  // Book for a client: who → service → location → specialist → day → time.
  async function state(ctx: BotContext): Promise<ForClient | null> {
    if (!ctx.chat || !ctx.from) return null;
    const flow = await ctx.services.flows.get(ctx.chat.id, ctx.from.id, ctx.services.now());
    return flow && !flow.expired && flow.flow === SETUP_FLOW && flow.step === 'bf-wait' && flow.data.client
      ? (flow.data as unknown as ForClient)
      : null;
  }
  const keep = (ctx: BotContext, data: ForClient) =>
    startFlow(ctx, SETUP_FLOW, 'bf-wait', data as unknown as Record<string, unknown>);

  async function beginForClient(ctx: BotContext) {
    await startFlow(ctx, SETUP_FLOW, 'bf-who', {});
    await ctx.reply(ctx.t('booking-desk-ask-client'));
  }

  /** Shows the next question; answers the state with anything it filled in itself (a lone location). */
  async function next(ctx: BotContext, data: ForClient, fresh = false): Promise<ForClient> {
    const shown = (text: string, rows: InlineKeyboardButton[][]) =>
      fresh
        ? ctx.reply(text, { reply_markup: { inline_keyboard: rows } }).then(() => undefined)
        : show(ctx, text, rows);
    const say = async (text: string, rows: InlineKeyboardButton[][]) => {
      await shown(text, rows);
      return data;
    };
    const head = ctx.t('booking-desk-for', { client: data.client.label });
    if (!data.serviceId) {
      const services = await setup.listServices();
      if (!services.length) return say(ctx.t('booking-none-yet'), []);
      return say(
        `${head}\n${ctx.t('booking-desk-pick-service')}`,
        grid(
          services.slice(0, 30).map((s, i) => button(s.name, 'bf', 's', i)),
          2,
        ),
      );
    }
    if (!data.locationId) {
      const locations = await setup.listLocations();
      if (locations.length === 1)
        return next(ctx, { ...data, locationId: locations[0]?.id as string }, fresh);
      return say(
        `${head}\n${ctx.t('booking-desk-pick-location')}`,
        grid(
          locations.slice(0, 30).map((l, i) => button(l.name, 'bf', 'l', i)),
          2,
        ),
      );
    }
    if (data.specialistId === undefined) {
      const who = await setup.listSpecialists({ serviceId: data.serviceId, locationId: data.locationId });
      if (!who.length) return say(ctx.t('booking-desk-nobody'), []);
      return say(`${head}\n${ctx.t('booking-desk-pick-specialist')}`, [
        [button(ctx.t('booking-desk-anyone'), 'bf', 'p', 'a')],
        ...grid(
          who.slice(0, 20).map((p, i) => button(p.name, 'bf', 'p', i)),
          2,
        ),
      ]);
    }
    await days(ctx, data, shown, head);
    return data;
  }

  async function freeSlots(data: ForClient, from: string, to: string) {
    return (
      await bookings.freeSlots({
        serviceId: data.serviceId as string,
        locationId: data.locationId as string,
        ...(data.specialistId ? { specialistId: data.specialistId } : {}),
        from,
        to,
      })
    ).slots;
  }

  async function days(
    ctx: BotContext,
    data: ForClient,
    say: (text: string, rows: InlineKeyboardButton[][]) => Promise<void>,
    head: string,
  ) {
    const { location } = await bookings.refs(data.serviceId as string, data.locationId as string);
    const zone = location.timezone;
    const today = DateTime.fromJSDate(ctx.services.now(), { zone });
    const slots = await freeSlots(
      data,
      today.toISODate() as string,
      today.plus({ days: 13 }).toISODate() as string,
    );
    const byDay = new Map<string, Date>();
    for (const s of slots) {
      const day = DateTime.fromJSDate(s.start, { zone }).toISODate() as string;
      if (!byDay.has(day)) byDay.set(day, s.start);
    }
    if (!byDay.size) return say(`${head}\n${ctx.t('booking-desk-no-days')}`, []);
    const label = (at: Date) =>
      new Intl.DateTimeFormat(ctx.user.language === 'ru' ? 'ru-RU' : 'en-GB', {
        timeZone: zone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      }).format(at);
    await say(
      `${head}\n${ctx.t('booking-desk-pick-day')}`,
      grid(
        [...byDay].map(([day, at]) => button(label(at), 'bf', 'd', day.replaceAll('-', ''))),
        3,
      ),
    );
  }

  async function times(ctx: BotContext, data: ForClient, compact: string) {
    const day = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
    const { location } = await bookings.refs(data.serviceId as string, data.locationId as string);
    const slots = (await freeSlots(data, day, day)).slice(0, 32);
    if (!slots.length) return show(ctx, ctx.t('booking-desk-no-days'));
    await show(
      ctx,
      `${ctx.t('booking-desk-for', { client: data.client.label })}\n${ctx.t('booking-desk-pick-time')}`,
      grid(
        slots.map((s) =>
          button(formatTime(s.start, location.timezone, ctx.user.language), 'bf', 't', packMinute(s.start)),
        ),
        4,
      ),
    );
  }

  async function book(ctx: BotContext, data: ForClient, start: Date) {
    try {
      const row = await bookings.create(ctx.user, {
        serviceId: data.serviceId as string,
        locationId: data.locationId as string,
        specialistId: data.specialistId ?? null,
        start,
        ...('telegramId' in data.client
          ? { clientTelegramId: data.client.telegramId }
          : { walkIn: { name: data.client.name, phone: data.client.phone } }),
      });
      if (ctx.chat && ctx.from) await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
      const shown = await cardText(ctx, row.id);
      if (shown) await show(ctx, `${ctx.t('booking-desk-booked')}\n${shown.text}`, actions(ctx, shown.card));
    } catch (error) {
      await show(ctx, errorText(ctx, error));
    }
  }

  async function onForClient(ctx: BotContext, args: string[]) {
    const data = await state(ctx);
    if (!data) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
    const [what, value = ''] = args;
    if (what === 's') {
      const service = (await setup.listServices())[Number(value)];
      if (!service) return;
      data.serviceId = service.id;
    } else if (what === 'l') {
      const location = (await setup.listLocations())[Number(value)];
      if (!location) return;
      data.locationId = location.id;
    } else if (what === 'p') {
      if (value === 'a') data.specialistId = null;
      else {
        const who = await setup.listSpecialists({
          serviceId: data.serviceId as string,
          locationId: data.locationId as string,
        });
        const picked = who[Number(value)];
        if (!picked) return;
        data.specialistId = picked.id;
      }
    } else if (what === 'd' && /^\d{8}$/.test(value)) {
      return times(ctx, data, value);
    } else if (what === 't') {
      const start = unpackMinute(value);
      return start ? book(ctx, data, start) : undefined;
    }
    await keep(ctx, await next(ctx, data));
  }

  const steps: FlowDefinition = {
    'bf-who': async (ctx, data) => {
      const id = telegramIdTyped(ctx);
      let client: Client | null = null;
      if (id === 'hidden') {
        await ctx.reply(ctx.t('booking-setup-forward-hidden'));
        return { step: 'bf-who', data };
      }
      if (id !== null) {
        const person = await ctx.services.users.getByTelegramId(id);
        if (!person || person.telegramId === null) {
          await ctx.reply(ctx.t('booking-error-booking-client-missing'));
          return { step: 'bf-who', data };
        }
        client = { telegramId: id, label: [person.firstName, person.lastName].filter(Boolean).join(' ') };
      } else {
        const walkIn = walkInTyped(ctx.message?.text ?? '');
        if (walkIn) client = { ...walkIn, label: walkIn.name };
      }
      if (!client) {
        await ctx.reply(ctx.t('booking-desk-bad-client'));
        return { step: 'bf-who', data };
      }
      const state = await next(ctx, { client }, true);
      return { step: 'bf-wait', data: state as unknown as Record<string, unknown> };
    },
    'bf-wait': async (ctx, data) => {
      await ctx.reply(ctx.t('booking-use-buttons'));
      return { step: 'bf-wait', data };
    },
  };

  /** Staff buttons ('sa' for any staff, 'bf' for booking for a client); false when not one of them. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    if (action === 'sa') {
      const id = unpack(args[1]);
      if (!id || !args[0]) return false;
      await act(ctx, args[0], id);
      return true;
    }
    if (action === 'bf') {
      await onForClient(ctx, args);
      return true;
    }
    return false;
  }

  return { card, beginForClient, onButton, steps };
}
