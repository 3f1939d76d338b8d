import type { InlineKeyboardButton } from 'grammy/types';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import { findTimezone } from '../../../bot/timezone-lookup.ts';
import { isTimezone } from '../../../platform/nl/zoned-clock.ts';
import type { SetupKind } from '../booking-admin.ts';
import { formatPrice } from '../booking-price.ts';
import type { ConfirmationRule, LocationRow, ServiceRow, SpecialistRow } from '../booking-tables.ts';
import { currencyTyped, minutesTyped, priceTyped, telegramIdTyped } from './admin-inputs.ts';
import { SETUP_FLOW } from './admin-setup.ts';
import { bookingCallback as cb, packBooking as pack, unpackBooking as unpack } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText, show } from './bot-support.ts';

// /admin → ✏️ Setup: every location, service and specialist opens a card whose buttons change one
// field each (typed answers read forgivingly), archive or remove it, and say who offers what where.

const KINDS: Record<string, SetupKind> = { l: 'location', s: 'service', p: 'specialist' };
const LETTER: Record<SetupKind, string> = { location: 'l', service: 's', specialist: 'p' };
const FIELDS: Record<SetupKind, string[]> = {
  location: ['name', 'zone', 'address'],
  service: ['name', 'duration', 'price', 'before', 'after', 'notice', 'ahead', 'cutoff', 'approval'],
  specialist: ['name', 'telegram'],
};
const APPROVAL_NEXT: Record<ConfirmationRule, ConfirmationRule> = {
  never: 'always',
  always: 'below_notice',
  below_notice: 'never',
};
/** Where each minute field may go (the API's ranges). */
const MINUTE_RANGES: Record<string, [number, number]> = {
  duration: [15, 720],
  before: [0, 240],
  after: [0, 240],
  notice: [0, 525_600],
  cutoff: [0, 525_600],
};

type Row = LocationRow | ServiceRow | SpecialistRow;

export function createSetupManager(deps: BookingBotDeps) {
  const { setup } = deps;
  const list = (kind: SetupKind): Promise<Row[]> =>
    kind === 'location'
      ? setup.listLocations()
      : kind === 'service'
        ? setup.listServices()
        : setup.listSpecialists();
  const find = async (kind: SetupKind, id: string | null) =>
    id ? (await list(kind)).find((r) => r.id === id) : undefined;
  const button = (text: string, ...data: Array<string | number>): InlineKeyboardButton => ({
    text,
    callback_data: cb(...(data as [string, ...Array<string | number>])),
  });

  async function home(ctx: BotContext) {
    const { currency } = await setup.business();
    await show(ctx, ctx.t('booking-mg-title', { currency: currency ?? ctx.t('booking-mg-currency-none') }), [
      [button(ctx.t('booking-mg-locations'), 'mk', 'l'), button(ctx.t('booking-mg-services'), 'mk', 's')],
      [button(ctx.t('booking-mg-specialists'), 'mk', 'p'), button(ctx.t('booking-mg-currency'), 'mq')],
    ]);
  }

  async function listScreen(ctx: BotContext, kind: SetupKind) {
    const rows = await list(kind);
    await show(ctx, ctx.t(rows.length ? `booking-mg-pick-${kind}` : 'booking-none-yet'), [
      ...rows.slice(0, 40).map((r) => [button(r.name, 'mc', LETTER[kind], pack(r.id))]),
      [button(ctx.t('booking-mg-back'), 'mg')],
    ]);
  }

  const minutes = (ctx: BotContext, n: number) => ctx.t('booking-mg-minutes', { n });

  async function cardText(ctx: BotContext, kind: SetupKind, row: Row): Promise<string> {
    if (kind === 'location') {
      const l = row as LocationRow;
      return ctx.t('booking-mg-location-card', { name: l.name, zone: l.timezone, address: l.address ?? '—' });
    }
    if (kind === 'service') {
      const s = row as ServiceRow;
      const { currency } = await setup.business();
      return ctx.t('booking-mg-service-card', {
        name: s.name,
        duration: minutes(ctx, s.durationMinutes),
        price: s.priceCents === null ? '—' : formatPrice(s.priceCents, currency, ctx.user.language),
        before: minutes(ctx, s.bufferBeforeMinutes),
        after: minutes(ctx, s.bufferAfterMinutes),
        notice: minutes(ctx, s.minNoticeMinutes),
        ahead: s.maxDaysAhead,
        cutoff: minutes(ctx, s.cancelCutoffMinutes),
        approval: ctx.t(`booking-mg-approval-${s.requiresConfirmation.replace('_', '-')}`),
      });
    }
    const p = row as SpecialistRow;
    const [assigned, services, locations] = await Promise.all([
      setup.assignmentsOf(p.id),
      setup.listServices(),
      setup.listLocations(),
    ]);
    const offers = assigned.flatMap((a) => {
      const s = services.find((x) => x.id === a.serviceId);
      const l = locations.find((x) => x.id === a.locationId);
      return s && l ? [`${s.name} @ ${l.name}`] : [];
    });
    return ctx.t('booking-mg-specialist-card', {
      name: p.name,
      telegram: p.telegramId,
      offers: offers.length ? offers.join(', ') : ctx.t('booking-mg-offers-none'),
    });
  }

  async function card(ctx: BotContext, kind: SetupKind, id: string, fresh = false) {
    const row = await find(kind, id);
    if (!row) return show(ctx, ctx.t('booking-mg-gone'), [[button(ctx.t('booking-mg-back'), 'mg')]]);
    const k = LETTER[kind];
    const fields = FIELDS[kind].map((f) => button(ctx.t(`booking-mg-field-${f}`), 'mf', k, pack(id), f));
    const rows: InlineKeyboardButton[][] = [];
    for (let i = 0; i < fields.length; i += 3) rows.push(fields.slice(i, i + 3));
    if (kind === 'specialist') rows.push([button(ctx.t('booking-mg-assign'), 'ma', pack(id))]);
    rows.push([
      button(ctx.t('booking-mg-remove'), 'mx', k, pack(id)),
      button(ctx.t('booking-mg-back'), 'mk', k),
    ]);
    const text = await cardText(ctx, kind, row);
    if (fresh) await ctx.reply(text, { reply_markup: { inline_keyboard: rows } });
    else await show(ctx, text, rows);
  }

  /** Which services the specialist offers at each location: one tick box per (location, service). */
  async function assignments(ctx: BotContext, specialistId: string) {
    const specialist = await find('specialist', specialistId);
    if (!specialist) return show(ctx, ctx.t('booking-mg-gone'));
    const [assigned, services, locations] = await Promise.all([
      setup.assignmentsOf(specialistId),
      setup.listServices(),
      setup.listLocations(),
    ]);
    const has = new Set(assigned.map((a) => `${a.serviceId}|${a.locationId}`));
    const rows: InlineKeyboardButton[][] = [];
    locations.slice(0, 8).forEach((l, li) => {
      rows.push([button(`📍 ${l.name}`, 'nop')]);
      const boxes = services
        .slice(0, 12)
        .map((s, si) =>
          button(`${has.has(`${s.id}|${l.id}`) ? '✅' : '⬜'} ${s.name}`, 'mt', pack(specialistId), si, li),
        );
      for (let i = 0; i < boxes.length; i += 2) rows.push(boxes.slice(i, i + 2));
    });
    rows.push([button(ctx.t('booking-setup-service-done'), 'mc', 'p', pack(specialistId))]);
    const text =
      services.length && locations.length
        ? ctx.t('booking-mg-assign-title', { name: specialist.name })
        : ctx.t('booking-mg-assign-nothing');
    await show(ctx, text, rows);
  }

  async function askField(ctx: BotContext, kind: SetupKind, id: string, field: string) {
    const row = await find(kind, id);
    if (!row) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
    if (field === 'approval') {
      const next = APPROVAL_NEXT[(row as ServiceRow).requiresConfirmation];
      await setup.updateService(id, { requiresConfirmation: next });
      return card(ctx, kind, id);
    }
    await startFlow(ctx, SETUP_FLOW, 'mg-edit', { kind, id, field });
    await ctx.reply(ctx.t(`booking-mg-ask-${kind}-${field}`, { name: row.name }));
  }

  /** A typed value for one field → the patch, or the error to show (with an example). */
  function patchOf(ctx: BotContext, field: string): Record<string, unknown> | string {
    const text = (ctx.message?.text ?? '').trim();
    const bad = () => ctx.t(`booking-mg-bad-${field}`);
    if (field === 'name') return text && text.length <= 120 ? { name: text } : bad();
    if (field === 'zone') {
      const zone = isTimezone(text) ? text : findTimezone(text);
      return zone ? { timezone: zone } : bad();
    }
    if (field === 'address')
      return text === '-' ? { address: null } : text.length <= 300 ? { address: text } : bad();
    if (field === 'price') {
      if (text === '-') return { priceCents: null };
      const cents = priceTyped(text);
      return cents === null ? bad() : { priceCents: cents };
    }
    if (field === 'ahead') {
      const days = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
      return days >= 1 && days <= 366 ? { maxDaysAhead: days } : bad();
    }
    if (field === 'telegram') {
      const id = telegramIdTyped(ctx);
      if (id === 'hidden') return ctx.t('booking-setup-forward-hidden');
      return id === null ? bad() : { telegramId: id };
    }
    const range = MINUTE_RANGES[field];
    const n = minutesTyped(text);
    if (!range || n === null || n < range[0] || n > range[1] || (field === 'duration' && n % 15))
      return bad();
    const key = {
      duration: 'durationMinutes',
      before: 'bufferBeforeMinutes',
      after: 'bufferAfterMinutes',
      notice: 'minNoticeMinutes',
      cutoff: 'cancelCutoffMinutes',
    }[field] as string;
    return { [key]: n };
  }

  const steps: FlowDefinition = {
    'mg-edit': async (ctx, data) => {
      const kind = data.kind as SetupKind;
      const id = String(data.id);
      const patch = patchOf(ctx, String(data.field));
      if (typeof patch === 'string') {
        await ctx.reply(patch);
        return { step: 'mg-edit', data };
      }
      try {
        if (kind === 'location') await setup.updateLocation(id, patch);
        else if (kind === 'service') await setup.updateService(id, patch);
        else await setup.updateSpecialist(id, patch, ctx.user.id);
      } catch (error) {
        await ctx.reply(errorText(ctx, error));
        return { step: 'mg-edit', data };
      }
      await card(ctx, kind, id, true);
      return null;
    },
    'mg-currency': async (ctx, data) => {
      const currency = currencyTyped(ctx.message?.text ?? '');
      if (!currency) {
        await ctx.reply(ctx.t('booking-mg-bad-currency'));
        return { step: 'mg-currency', data };
      }
      await setup.setCurrency(currency);
      await ctx.reply(
        ctx.t('booking-mg-currency-saved', {
          currency,
          example: formatPrice(150_000, currency, ctx.user.language),
        }),
      );
      return null;
    },
  };

  async function remove(ctx: BotContext, kind: SetupKind, id: string) {
    const row = await find(kind, id);
    if (!row) return show(ctx, ctx.t('booking-mg-gone'));
    const removed = await setup.remove(kind, id, ctx.user.id);
    const key =
      removed.kind === 'deleted'
        ? 'booking-mg-deleted'
        : removed.futureBookings > 0
          ? 'booking-mg-archived'
          : 'booking-mg-archived-history';
    await show(
      ctx,
      ctx.t(key, { name: row.name, n: removed.kind === 'archived' ? removed.futureBookings : 0 }),
      [[button(ctx.t('booking-mg-back'), 'mk', LETTER[kind])]],
    );
  }

  /** The setup's buttons; false when the button is not one of them. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    const kind = KINDS[args[0] ?? ''];
    const id = unpack(args[1]);
    switch (action) {
      case 'mg':
        await home(ctx);
        return true;
      case 'mk':
        if (kind) await listScreen(ctx, kind);
        return Boolean(kind);
      case 'mc':
        if (kind && id) await card(ctx, kind, id);
        return Boolean(kind && id);
      case 'mf':
        if (kind && id && FIELDS[kind].includes(args[2] ?? ''))
          await askField(ctx, kind, id, args[2] as string);
        return Boolean(kind && id);
      case 'mx': {
        const row = kind && id ? await find(kind, id) : undefined;
        if (!kind || !id || !row) return false;
        await show(ctx, ctx.t('booking-mg-remove-sure', { name: row.name }), [
          [
            button(ctx.t('booking-mg-remove-yes'), 'my', LETTER[kind], pack(id)),
            button(ctx.t('booking-mg-remove-no'), 'mc', LETTER[kind], pack(id)),
          ],
        ]);
        return true;
      }
      case 'my':
        if (kind && id) await remove(ctx, kind, id);
        return Boolean(kind && id);
      case 'ma': {
        const specialistId = unpack(args[0]);
        if (specialistId) await assignments(ctx, specialistId);
        return Boolean(specialistId);
      }
      case 'mt': {
        const specialistId = unpack(args[0]);
        const [services, locations] = await Promise.all([setup.listServices(), setup.listLocations()]);
        const service = services[Number(args[1])];
        const location = locations[Number(args[2])];
        if (!specialistId || !service || !location) return false;
        await setup.toggleAt(specialistId, service.id, location.id);
        await assignments(ctx, specialistId);
        return true;
      }
      case 'mq': {
        const { currency } = await setup.business();
        await startFlow(ctx, SETUP_FLOW, 'mg-currency', {});
        await ctx.reply(
          ctx.t('booking-mg-ask-currency', { currency: currency ?? ctx.t('booking-mg-currency-none') }),
        );
        return true;
      }
      default:
        return false;
    }
  }

  return { home, onButton, steps };
}
