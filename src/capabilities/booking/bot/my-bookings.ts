import type { BotContext } from '../../../bot/bot-context.ts';
import { formatWhenFor } from '../booking-format.ts';
import type { BookingScope } from '../booking-service.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText, show } from './bot-support.ts';

const DAY = 86_400_000;

/** /mybookings (the client's upcoming visits with Reschedule / Cancel) and /schedule (a specialist's week). */
export function createBookingLists(deps: BookingBotDeps) {
  const { bookings, setup } = deps;

  /** One booking as its reader sees it: a client reads whom they go to, staff read who comes. */
  async function describe(
    ctx: BotContext,
    scope: BookingScope,
    rows: Awaited<ReturnType<typeof bookings.list>>,
  ) {
    const services = new Map((await setup.listServices()).map((s) => [s.id, s.name]));
    const specialists = new Map((await setup.listSpecialists()).map((s) => [s.id, s.name]));
    return rows.map((r) => {
      const vars = {
        when: formatWhenFor(r.booking.startAt, r.timezone, ctx.user, ctx.t.bind(ctx)),
        service: services.get(r.booking.serviceId) ?? '',
        specialist: specialists.get(r.booking.specialistId) ?? '',
        client: r.clientName || ctx.t('booking-client-erased'),
        status: ctx.t(`booking-status-${r.booking.status}`),
      };
      return { row: r, vars, text: ctx.t(scope === 'mine' ? 'booking-line-mine' : 'booking-line', vars) };
    });
  }

  async function lines(ctx: BotContext, scope: BookingScope, days: number) {
    const now = ctx.services.now();
    const rows = await bookings.list(ctx.user, scope, {
      from: now,
      to: new Date(now.getTime() + days * DAY),
    });
    return describe(
      ctx,
      scope,
      rows.filter((r) => r.booking.status === 'pending' || r.booking.status === 'confirmed'),
    );
  }

  async function mine(ctx: BotContext) {
    const items = await lines(ctx, 'mine', 366);
    if (items.length === 0) return show(ctx, ctx.t('booking-mine-empty'));
    const rows = items.map(({ row }, i) => [
      {
        text: ctx.t('booking-button-reschedule', { n: i + 1 }),
        callback_data: cb('rs', pack(row.booking.id)),
      },
      { text: ctx.t('booking-button-cancel', { n: i + 1 }), callback_data: cb('cxa', pack(row.booking.id)) },
    ]);
    await show(
      ctx,
      [ctx.t('booking-mine-title'), ...items.map((x, i) => `${i + 1}. ${x.text}`)].join('\n'),
      rows,
    );
  }

  /** The client's own booking, described, or null when it is not theirs (or gone). */
  async function own(ctx: BotContext, id: string) {
    const rows = (await bookings.list(ctx.user, 'mine')).filter((r) => r.booking.id === id);
    return (await describe(ctx, 'mine', rows))[0] ?? null;
  }

  /** "Cancel this booking?" with Yes / No, before anything changes. */
  async function askCancel(ctx: BotContext, id: string) {
    const item = await own(ctx, id);
    if (!item) return show(ctx, ctx.t('booking-error-booking-not-found'));
    await show(ctx, ctx.t('booking-cancel-sure', { line: item.text }), [
      [
        { text: ctx.t('booking-cancel-yes'), callback_data: cb('cxy', pack(id)) },
        { text: ctx.t('booking-cancel-no'), callback_data: cb('mine') },
      ],
    ]);
  }

  /** Cancels; the card then says only what the booking is now (no old status above the new one). */
  async function cancel(ctx: BotContext, id: string) {
    try {
      const row = await bookings.act(ctx.user, id, 'cancel');
      const item = await own(ctx, row.id);
      await show(ctx, item ? ctx.t('booking-cancelled-card', item.vars) : ctx.t('booking-card-cancel'));
    } catch (error) {
      await show(ctx, errorText(ctx, error));
    }
  }

  /** Buttons of the client's list: `cxa` asks, `cxy` cancels, `mine` goes back to the list. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    const id = unpack(args[0]);
    if (action === 'mine') await mine(ctx);
    else if (action === 'cxa' && id) await askCancel(ctx, id);
    else if (action === 'cxy' && id) await cancel(ctx, id);
    else return false;
    return true;
  }

  async function schedule(ctx: BotContext) {
    // Typed by hand (the "/" menu shows it only to specialists): say what it is, not "forbidden".
    if (!ctx.user.roles.includes('specialist')) return show(ctx, ctx.t('booking-schedule-not-specialist'));
    try {
      const items = await lines(ctx, 'specialist', 7);
      if (items.length === 0) return show(ctx, ctx.t('booking-schedule-empty'));
      const now = ctx.services.now();
      // Done / no-show only for visits that have started.
      const rows = items.flatMap(({ row }, i) =>
        row.booking.startAt <= now
          ? [
              [
                {
                  text: ctx.t('booking-button-mark-done', { n: i + 1 }),
                  callback_data: cb('done', pack(row.booking.id)),
                },
                {
                  text: ctx.t('booking-button-mark-noshow', { n: i + 1 }),
                  callback_data: cb('noshow', pack(row.booking.id)),
                },
              ],
            ]
          : [],
      );
      await show(
        ctx,
        [ctx.t('booking-schedule-title'), ...items.map((x, i) => `${i + 1}. ${x.text}`)].join('\n'),
        rows,
      );
    } catch (error) {
      await show(ctx, errorText(ctx, error));
    }
  }

  return { mine, schedule, lines, onButton };
}
