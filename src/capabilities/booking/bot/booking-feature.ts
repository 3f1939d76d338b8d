import { Composer } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { BotFeature } from '../../../bot/bot-feature.ts';
import type { InboxTarget } from '../../../platform/capability/inbox-targets.ts';
import type { SpecialistInvites } from '../booking-invites.ts';
import { isAdmin } from '../booking-people.ts';
import type { BookingAction } from '../booking-state.ts';
import { createStaffDesk } from './admin-bookings.ts';
import { createExceptionFlows } from './admin-exceptions.ts';
import { createSetupManager } from './admin-manage.ts';
import { createNoticeScreens } from './admin-notices.ts';
import { createSetupFlows, SETUP_FLOW } from './admin-setup.ts';
import {
  BOOKING_CALLBACKS,
  bookingCallback as cb,
  parseBookingCallback,
  unpackBooking as unpack,
} from './booking-callbacks.ts';
import { type BookingBotDeps, DRAFT_FLOW, errorText, setDraft } from './bot-support.ts';
import { createClientBooking } from './client-book.ts';
import { createInboxBooking } from './inbox-booking.ts';
import { createBookingLists } from './my-bookings.ts';
import { createServiceSpecialists } from './service-specialists.ts';
import { createSpecialistInviteBot } from './specialist-invites.ts';

export const BOOKING_LOCALES_DIR = new URL('../locales', import.meta.url).pathname;

/** Card buttons: who answers them is checked by the service's state machine, not here. */
const CARD_ACTIONS: Record<string, BookingAction> = {
  confirm: 'confirm',
  decline: 'decline',
  done: 'complete',
  noshow: 'no_show',
  cx: 'cancel',
};

/** /book, /mybookings, /schedule, /admin and every `bk:` button. */
export function createBookingFeature(deps: BookingBotDeps & { invites: SpecialistInvites }): {
  feature: BotFeature;
  /** The smart inbox's booking target (a typed request → the first free times). */
  inboxTarget: InboxTarget;
  open: Record<'book' | 'mine' | 'schedule' | 'admin', (ctx: BotContext) => Promise<void>>;
} {
  const composer = new Composer<BotContext>();
  const chat = composer.chatType('private');
  const client = createClientBooking(deps);
  const lists = createBookingLists(deps);
  const setupFlows = createSetupFlows(deps);
  const exceptions = createExceptionFlows(deps);
  const noticeScreens = createNoticeScreens(deps);
  const serviceSpecialists = createServiceSpecialists(deps);
  const manager = createSetupManager(deps);
  const desk = createStaffDesk(deps);
  const inboxBooking = createInboxBooking(deps, client);
  const inviteBot = createSpecialistInviteBot(deps.invites);

  // After the welcome (onboarding passes a /start with a payload on): an invite link opened.
  chat.command('start', async (ctx, next) => {
    if (!(await inviteBot.onStart(ctx, ctx.match))) await next();
  });
  chat.command('book', (ctx) => client.start(ctx));
  chat.command('mybookings', (ctx) => lists.mine(ctx));
  chat.command('schedule', (ctx) => lists.schedule(ctx));
  chat.command('admin', (ctx) => adminHome(ctx));
  async function adminHome(ctx: BotContext) {
    if (!isAdmin(ctx.user)) return void (await ctx.reply(ctx.t('booking-admin-only')));
    const button = (key: string, what: string) => ({ text: ctx.t(key), callback_data: cb('ad', what) });
    await ctx.reply(ctx.t('booking-admin-title'), {
      reply_markup: {
        inline_keyboard: [
          [button('booking-admin-today', 'today'), button('booking-admin-pending', 'pending')],
          [button('booking-admin-add-location', 'loc'), button('booking-admin-add-service', 'svc')],
          [button('booking-admin-add-specialist', 'spec'), button('booking-admin-hours', 'hours')],
          [button('booking-admin-exceptions', 'exc'), button('booking-admin-notices', 'ntf')],
          [button('booking-admin-manage', 'mng'), button('booking-admin-book-for', 'bfc')],
        ],
      },
    });
  }

  async function card(ctx: BotContext, action: BookingAction, id: string) {
    const original =
      ctx.callbackQuery?.message && 'text' in ctx.callbackQuery.message
        ? (ctx.callbackQuery.message.text ?? '')
        : '';
    try {
      const row = await deps.bookings.act(ctx.user, id, action);
      // The card says what the booking is now: "⏳ Waiting for confirmation" goes once it is decided.
      const settled = original.replace(`\n${ctx.t('booking-needs-approval')}`, '');
      await ctx.editMessageText(`${settled}\n\n${ctx.t(`booking-card-${action.replace('_', '-')}`)}`, {
        reply_markup: { inline_keyboard: [] },
      });
      return row;
    } catch (error) {
      await ctx.answerCallbackQuery({ text: errorText(ctx, error), show_alert: true });
      return null;
    }
  }

  async function adminMenu(ctx: BotContext, what: string) {
    if (!isAdmin(ctx.user)) return void (await ctx.reply(ctx.t('booking-admin-only')));
    if (what === 'today' || what === 'pending') {
      const now = ctx.services.now();
      const rows = await deps.bookings.list(
        ctx.user,
        'all',
        what === 'today' ? { from: now, to: new Date(now.getTime() + 86_400_000) } : { from: now },
      );
      const picked = rows.filter((r) =>
        what === 'pending' ? r.booking.status === 'pending' : r.booking.status !== 'cancelled',
      );
      if (picked.length === 0) return void (await ctx.reply(ctx.t('booking-admin-nothing')));
      for (const r of picked.slice(0, 20)) await desk.card(ctx, r.booking.id);
      return;
    }
    if (what === 'exc') return exceptions.begin(ctx);
    if (what === 'mng') return manager.home(ctx);
    if (what === 'bfc') return desk.beginForClient(ctx);
    if (what === 'ntf') return noticeScreens.screen(ctx, true);
    await setupFlows.begin(ctx, what);
  }

  composer.callbackQuery(BOOKING_CALLBACKS.pattern, async (ctx) => {
    const parsed = parseBookingCallback(ctx.callbackQuery.data);
    if (!parsed || parsed.action === 'nop') return void (await ctx.answerCallbackQuery());
    const { action, args } = parsed;
    const id = unpack(args[0]);
    const cardAction = CARD_ACTIONS[action];
    if (cardAction && id) {
      await card(ctx, cardAction, id);
    } else if (action === 'rs' && id) {
      const booking = await deps.bookings.get(id).catch(() => null);
      if (!booking) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
      const draft = {
        serviceId: booking.serviceId,
        locationId: booking.locationId,
        specialistId: booking.specialistId,
        rescheduleId: id,
      };
      await setDraft(ctx, draft);
      await client.calendar(ctx, draft);
    } else if (await desk.onButton(ctx, action, args)) {
      // handled: a staff card's action (the state machine checks who may), or booking for a client
    } else if (action === 'ad' && args[0]) {
      await adminMenu(ctx, args[0]);
    } else if (action === 'hs' && id && isAdmin(ctx.user)) {
      await setupFlows.begin(ctx, 'hours-for', { specialistId: id });
    } else if (action === 'sc' && isAdmin(ctx.user) && ctx.chat && ctx.from) {
      const flow = await ctx.services.flows.get(ctx.chat.id, ctx.from.id, ctx.services.now());
      const name = flow?.flow === SETUP_FLOW ? String(flow.data.name ?? '') : '';
      if (!name) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
      await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
      const service = await deps.setup.createService({
        name,
        durationMinutes: Number(args[1]),
        requiresConfirmation: args[0] === 'always' ? 'always' : 'never',
      });
      await serviceSpecialists.ask(ctx, service);
    } else if (
      isAdmin(ctx.user) &&
      ((await exceptions.onButton(ctx, action, args)) ||
        (await noticeScreens.onButton(ctx, action, args)) ||
        (await manager.onButton(ctx, action, args)) ||
        (await serviceSpecialists.onButton(ctx, action, args)))
    ) {
      // handled: the admin's days off and extra hours, notification switches and footers, who provides a service
    } else if (
      !(await lists.onButton(ctx, action, args)) &&
      !(await inboxBooking.onButton(ctx, action, args)) &&
      !(await client.onButton(ctx, action, args))
    ) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
    }
    await ctx.answerCallbackQuery().catch(() => {});
  });

  const feature: BotFeature = {
    name: 'booking',
    composer,
    flows: {
      [DRAFT_FLOW]: {
        buttons: async (ctx, data) => {
          await ctx.reply(ctx.t('booking-use-buttons'));
          return { step: 'buttons', data };
        },
      },
      [SETUP_FLOW]: {
        ...setupFlows.flow,
        // "@sam" where the specialist's id is asked: answered with an invite link to pass on.
        ...(setupFlows.flow['specialist-id']
          ? { 'specialist-id': inviteBot.withUsernames(setupFlows.flow['specialist-id']) }
          : {}),
        ...exceptions.steps,
        ...noticeScreens.steps,
        ...manager.steps,
        ...desk.steps,
      },
    },
    commands: [
      { command: 'book', descriptionKey: 'booking-cmd-book' },
      { command: 'mybookings', descriptionKey: 'booking-cmd-mybookings' },
      { command: 'schedule', descriptionKey: 'booking-cmd-schedule', role: 'specialist' },
      { command: 'admin', descriptionKey: 'booking-cmd-admin', role: 'admin' },
    ],
    callbacks: [BOOKING_CALLBACKS],
    localesDir: BOOKING_LOCALES_DIR,
  };
  const open = {
    book: async (ctx: BotContext) => void (await client.start(ctx)),
    mine: async (ctx: BotContext) => void (await lists.mine(ctx)),
    schedule: async (ctx: BotContext) => void (await lists.schedule(ctx)),
    admin: adminHome,
  };
  return { feature, open, inboxTarget: inboxBooking.target };
}
