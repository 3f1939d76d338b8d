import type { InlineKeyboardButton } from 'grammy/types';
import type { BotContext } from '../../../bot/bot-context.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import { type BookingBotDeps, show } from './bot-support.ts';

/** Tick box "this specialist provides the service" and the Done button under a new service. */
const TOGGLE = 'svt';
const DONE = 'svd';

/**
 * Who provides a service the admin has just added. It is linked to every specialist at once (so
 * ignoring the question still leaves it bookable); each tap unticks or ticks one, saved at once.
 */
export function createServiceSpecialists(deps: BookingBotDeps) {
  const { setup } = deps;

  async function keyboard(ctx: BotContext, serviceId: string): Promise<InlineKeyboardButton[][]> {
    const linked = new Set(await setup.specialistsOf(serviceId));
    const rows = (await setup.listSpecialists()).map((s) => [
      {
        text: `${linked.has(s.id) ? '✅' : '⬜'} ${s.name}`,
        callback_data: cb(TOGGLE, pack(serviceId), pack(s.id)),
      },
    ]);
    return [
      ...rows,
      [{ text: ctx.t('booking-setup-service-done'), callback_data: cb(DONE, pack(serviceId)) }],
    ];
  }

  /** After a service is saved: links it to everyone and asks, or just says it is saved when nobody works here yet. */
  async function ask(ctx: BotContext, service: { id: string; name: string; durationMinutes: number }) {
    const count = await setup.linkToAll(service.id);
    const vars = { name: service.name, minutes: service.durationMinutes };
    if (count === 0) return show(ctx, ctx.t('booking-setup-service-saved', vars));
    await show(
      ctx,
      ctx.t('booking-setup-service-linked', { ...vars, count }),
      await keyboard(ctx, service.id),
    );
  }

  /** The tick boxes and Done; false for any other button. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    if (action !== TOGGLE && action !== DONE) return false;
    const stale = async () => {
      await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
      return true;
    };
    const serviceId = unpack(args[0]);
    const service = (await setup.listServices()).find((s) => s.id === serviceId);
    if (!service) return stale();
    if (action === TOGGLE) {
      const specialistId = unpack(args[1]);
      if (!specialistId) return stale();
      try {
        await setup.toggle(service.id, specialistId);
      } catch (error) {
        // A specialist who is gone since the buttons were drawn.
        if (!isDomainError(error)) throw error;
        return stale();
      }
      await ctx.editMessageReplyMarkup({
        reply_markup: { inline_keyboard: await keyboard(ctx, service.id) },
      });
      return true;
    }
    const linked = new Set(await setup.specialistsOf(service.id));
    const names = (await setup.listSpecialists()).filter((s) => linked.has(s.id)).map((s) => s.name);
    if (names.length)
      await show(
        ctx,
        ctx.t('booking-setup-service-provided', { name: service.name, names: names.join(', ') }),
      );
    // Nobody ticked: the boxes stay, since a service nobody provides can never be booked.
    else
      await show(
        ctx,
        ctx.t('booking-setup-service-unprovided', { name: service.name }),
        await keyboard(ctx, service.id),
      );
    return true;
  }

  return { ask, onButton };
}
