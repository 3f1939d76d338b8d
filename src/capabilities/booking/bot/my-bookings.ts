import type { BotContext } from '../../../bot/bot-context.ts';
import { formatWhen } from '../booking-format.ts';
import type { BookingScope } from '../booking-service.ts';
import { bookingCallback as cb, packBooking as pack } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText, show } from './bot-support.ts';

const DAY = 86_400_000;

/** /mybookings (the client's upcoming visits with Reschedule / Cancel) and /schedule (a specialist's week). */
export function createBookingLists(deps: BookingBotDeps) {
  const { bookings, setup } = deps;

  async function lines(ctx: BotContext, scope: BookingScope, days: number) {
    const now = ctx.services.now();
    const rows = await bookings.list(ctx.user, scope, {
      from: now,
      to: new Date(now.getTime() + days * DAY),
    });
    const services = new Map((await setup.listServices()).map((s) => [s.id, s.name]));
    return rows
      .filter((r) => r.booking.status === 'pending' || r.booking.status === 'confirmed')
      .map((r) => ({
        row: r,
        text: ctx.t('booking-line', {
          when: formatWhen(r.booking.startAt, r.timezone, ctx.user.language),
          service: services.get(r.booking.serviceId) ?? '',
          client: r.clientName,
          status: ctx.t(`booking-status-${r.booking.status}`),
        }),
      }));
  }

  async function mine(ctx: BotContext) {
    const items = await lines(ctx, 'mine', 366);
    if (items.length === 0) return show(ctx, ctx.t('booking-mine-empty'));
    const rows = items.map(({ row }, i) => [
      {
        text: ctx.t('booking-button-reschedule', { n: i + 1 }),
        callback_data: cb('rs', pack(row.booking.id)),
      },
      { text: ctx.t('booking-button-cancel', { n: i + 1 }), callback_data: cb('cx', pack(row.booking.id)) },
    ]);
    await show(
      ctx,
      [ctx.t('booking-mine-title'), ...items.map((x, i) => `${i + 1}. ${x.text}`)].join('\n'),
      rows,
    );
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

  return { mine, schedule, lines };
}
