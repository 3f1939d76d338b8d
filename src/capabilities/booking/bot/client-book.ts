import { DateTime } from 'luxon';
import type { BotContext } from '../../../bot/bot-context.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { formatWhen as formatDate } from '../../../platform/time/index.ts';
import { formatTime, formatWhen, formatWhenFor, zoneDiffers, zoneLabel } from '../booking-format.ts';
import { formatPrice } from '../booking-price.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import {
  type BookingBotDeps,
  type Draft,
  errorText,
  getDraft,
  grid,
  packMinute,
  setDraft,
  show,
  unpackMinute,
} from './bot-support.ts';
import { monthKeyboard } from './calendar.ts';

/** The client's path: service → location → specialist or "any" → day → slot → confirm. */
export function createClientBooking(deps: BookingBotDeps) {
  const { bookings, setup } = deps;

  async function start(ctx: BotContext, draft: Draft = {}) {
    const services = await setup.listServices();
    // Nothing to book: no draft either, or the person's next line would be asked for a button.
    if (services.length === 0) return show(ctx, ctx.t('booking-none-yet'));
    await setDraft(ctx, draft);
    const { currency } = await setup.business();
    const rows = services.map((s) => [
      {
        text:
          s.priceCents === null || s.priceCents === undefined
            ? ctx.t('booking-service-button', { name: s.name, minutes: s.durationMinutes })
            : ctx.t('booking-service-button-priced', {
                name: s.name,
                minutes: s.durationMinutes,
                price: formatPrice(s.priceCents, currency, ctx.user.language),
              }),
        callback_data: cb('sv', pack(s.id)),
      },
    ]);
    await show(ctx, ctx.t('booking-pick-service'), rows);
  }

  async function pickService(ctx: BotContext, serviceId: string) {
    const locations = await setup.listLocations();
    if (locations.length === 1) return pickLocation(ctx, { serviceId }, locations[0]?.id as string);
    await setDraft(ctx, { serviceId });
    await show(
      ctx,
      ctx.t('booking-pick-location'),
      locations.map((l) => [{ text: l.name, callback_data: cb('lo', pack(l.id)) }]),
    );
  }

  async function pickLocation(ctx: BotContext, draft: Draft, locationId: string) {
    const next = { ...draft, locationId };
    await setDraft(ctx, next);
    const specialists = await bookings.specialistsFor(next.serviceId as string, locationId);
    if (specialists.length === 0) return show(ctx, ctx.t('booking-none-yet'));
    const rows = [
      [{ text: ctx.t('booking-any-specialist'), callback_data: cb('sp', 'any') }],
      ...grid(
        specialists.map((s) => ({ text: s.name, callback_data: cb('sp', pack(s.id)) })),
        2,
      ),
    ];
    await show(ctx, ctx.t('booking-pick-specialist'), rows);
  }

  async function calendar(ctx: BotContext, draft: Draft, month?: string) {
    if (!draft.serviceId || !draft.locationId || !draft.specialistId) return start(ctx);
    const { location } = await bookings.refs(draft.serviceId, draft.locationId);
    const today = DateTime.fromJSDate(ctx.services.now(), { zone: location.timezone }).toISODate() as string;
    const first = month ? `${month}-01` : today;
    // ISO dates compare as strings: the later of the month's first day and today.
    const from = [first, today].sort()[1] as string;
    const to = DateTime.fromISO(first).endOf('month').toISODate() as string;
    const { slots } = await bookings.freeSlots({ ...ids(draft), from, to });
    const free = new Set(
      slots.map((s) => DateTime.fromJSDate(s.start, { zone: location.timezone }).toISODate() as string),
    );
    const rows = monthKeyboard({
      month: first.slice(0, 7),
      free,
      language: ctx.user.language,
      thisMonth: today.slice(0, 7),
    });
    await show(ctx, free.size ? ctx.t('booking-pick-day') : ctx.t('booking-no-days'), [...rows, [quit(ctx)]]);
  }

  async function day(ctx: BotContext, draft: Draft, date: string) {
    const { slots, location } = await bookings.freeSlots({ ...ids(draft), from: date, to: date });
    if (slots.length === 0) return calendar(ctx, draft, date.slice(0, 7));
    const buttons = slots.map((s) => ({
      text: formatTime(s.start, location.timezone, ctx.user.language),
      callback_data: cb('sl', packMinute(s.start), pack(s.specialistId)),
    }));
    const back = [{ text: ctx.t('booking-back'), callback_data: cb('mo', date.slice(0, 7)) }, quit(ctx)];
    const first = slots[0]?.start as Date;
    // The buttons are the location's clock; a reader elsewhere is told whose (#37.3).
    const zoneLine = zoneDiffers(first, location.timezone, ctx.user.timezone)
      ? `\n${ctx.t('booking-times-in-zone', { label: zoneLabel(location.timezone, ctx.user.language, ctx.t.bind(ctx)) })}`
      : '';
    await show(
      ctx,
      ctx.t('booking-pick-slot', {
        // The day alone ("Tue 2 Mar" / "вт 2 мар."): cutting the date-time at its comma left "вт" in Russian.
        day: formatDay(slots[0]?.start as Date, {
          timezone: location.timezone,
          language: ctx.user.language,
          now: ctx.services.now(),
        }),
      }) + zoneLine,
      [...grid(buttons, 4), back],
    );
  }

  async function confirmCard(ctx: BotContext, draft: Draft, start: Date, specialistId: string) {
    const { service, location } = await bookings.refs(draft.serviceId as string, draft.locationId as string);
    const specialist = (await setup.listSpecialists()).find((s) => s.id === specialistId);
    const text = ctx.t(draft.rescheduleId ? 'booking-confirm-move' : 'booking-confirm-card', {
      service: service.name,
      specialist: specialist?.name ?? '',
      when: formatWhenFor(start, location.timezone, ctx.user, ctx.t.bind(ctx)),
      location: location.name,
    });
    await show(ctx, text, [
      [
        {
          text: ctx.t('booking-button-book'),
          callback_data: cb('ok', packMinute(start), pack(specialistId)),
        },
      ],
      [
        {
          text: ctx.t('booking-back'),
          callback_data: cb(
            'mo',
            DateTime.fromJSDate(start, { zone: location.timezone }).toFormat('yyyy-MM'),
          ),
        },
      ],
    ]);
  }

  async function commit(ctx: BotContext, draft: Draft, start: Date, specialistId: string | null) {
    try {
      const row = draft.rescheduleId
        ? await bookings.act(ctx.user, draft.rescheduleId, 'reschedule', { start })
        : await bookings.create(ctx.user, {
            serviceId: draft.serviceId as string,
            locationId: draft.locationId as string,
            specialistId,
            start,
            // This card becomes the confirmation: no second message says the same (#37.12).
            toldInChat: true,
          });
      if (ctx.chat && ctx.from) await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
      const { service, location } = await bookings.refs(row.serviceId, row.locationId);
      const specialist = (await setup.listSpecialists()).find((s) => s.id === row.specialistId);
      const key = draft.rescheduleId
        ? 'booking-moved-done'
        : row.status === 'pending'
          ? 'booking-notice-created-requested'
          : 'booking-notice-created-confirmation';
      await show(
        ctx,
        ctx.t(key, {
          when: formatWhenFor(row.startAt, location.timezone, ctx.user, ctx.t.bind(ctx)),
          service: service.name,
          specialist: specialist?.name ?? '',
          location: location.name,
        }),
      );
    } catch (error) {
      const alternatives = isDomainError(error)
        ? (error.details.alternatives as Array<{ start: string; specialist_id: string }> | undefined)
        : undefined;
      const { location } = await bookings.refs(draft.serviceId as string, draft.locationId as string);
      const buttons = (alternatives ?? []).map((a) => {
        const at = new Date(a.start);
        return {
          text: formatWhen(at, location.timezone, ctx.user.language),
          callback_data: cb('sl', packMinute(at), pack(a.specialist_id)),
        };
      });
      await show(ctx, errorText(ctx, error), grid(buttons, 2));
    }
  }

  /** Buttons of the client path (`bk:sv|lo|sp|mo|dy|sl|ok`). */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    const draft = await getDraft(ctx);
    const id = unpack(args[0]);
    switch (action) {
      case 'sv':
        if (id) await pickService(ctx, id);
        return true;
      case 'lo':
        if (id) await pickLocation(ctx, draft, id);
        return true;
      case 'sp': {
        const specialistId = args[0] === 'any' ? 'any' : id;
        if (!specialistId) return true;
        await setDraft(ctx, { ...draft, specialistId });
        await calendar(ctx, { ...draft, specialistId });
        return true;
      }
      case 'quit':
        if (ctx.chat && ctx.from) await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
        await show(ctx, ctx.t('booking-flow-cancelled'));
        return true;
      case 'mo':
        if (/^\d{4}-\d{2}$/.test(args[0] ?? '')) await calendar(ctx, draft, args[0]);
        return true;
      case 'dy':
        if (/^\d{4}-\d{2}-\d{2}$/.test(args[0] ?? '')) await day(ctx, draft, args[0] as string);
        return true;
      case 'sl':
      case 'ok': {
        const start = unpackMinute(args[0]);
        const specialistId = unpack(args[1]);
        if (!start || !specialistId || !draft.serviceId) return false;
        if (action === 'sl') await confirmCard(ctx, draft, start, specialistId);
        else await commit(ctx, draft, start, specialistId);
        return true;
      }
      default:
        return false;
    }
  }

  /** Books (or moves) as the last step of the client path does; `null`: any specialist free then. */
  return { start, calendar, onButton, book: commit };
}

/** Leaves the booking flow from the calendar or the times (nothing is booked). */
const quit = (ctx: BotContext) => ({ text: ctx.t('booking-button-quit'), callback_data: cb('quit') });

const formatDay = (at: Date, viewer: Parameters<typeof formatDate>[1]) =>
  formatDate(at, viewer, { allDay: true });

const ids = (d: Draft) => ({
  serviceId: d.serviceId as string,
  locationId: d.locationId as string,
  specialistId: d.specialistId === 'any' ? undefined : d.specialistId,
});
