import { createI18n } from '../../bot/i18n.ts';
import type { CapabilityDeps, CapabilityModule } from '../capability.ts';
import { createBookingErasure } from './booking-erasure.ts';
import { createSpecialistInvites } from './booking-invites.ts';
import { type BookingService, createBookingService } from './booking-service.ts';
import { createBookingSetup } from './booking-setup.ts';
import { BOOKING_LOCALES_DIR, createBookingFeature } from './bot/booking-feature.ts';
import { createBookingRoutes } from './http/booking-routes.ts';
import { createInviteRoutes } from './http/invite-routes.ts';
import { createWebLoginRoutes } from './http/web-login-routes.ts';
import {
  BOOKING_TIMERS_QUEUE,
  createTimerHandler,
  createTimerScheduler,
  type TimerJob,
  type TimerRules,
} from './jobs/booking-timers.ts';
import { createNoticeSender } from './notices/notice-sender.ts';
import { createNoticeSettings } from './notices/notice-settings.ts';
import { createSlotService } from './slots/slot-service.ts';
import { createBookingPages } from './web/booking-pages.ts';
import { createCodeDelivery } from './web/code-delivery.ts';
import { createIdentityKeys } from './web/identity-keys.ts';
import { createLoginCodes } from './web/login-codes.ts';
import {
  BOOKING_PUSH_ENDPOINT_QUEUE,
  BOOKING_PUSH_QUEUE,
  createPushDelivery,
  createPushEnqueue,
  createPushFanOut,
  type PushEndpointJob,
  type PushJob,
} from './web/push-store.ts';
import { createPushSender, loadVapidKeys, pushTargetPolicy } from './web/web-push.ts';

/** Options a test sets when it creates the module (production uses `bookingModule`). */
export interface BookingModuleOptions {
  /** Test-only `host:port` pairs of a local push service the SSRF checks let through. */
  pushAllowPrivate?: readonly string[];
}

/** What `create` receives: the platform's deps plus the module's own options (absent in production). */
type BookingDeps = CapabilityDeps & { options?: BookingModuleOptions };

/** Deletes login codes no limit counts any more (they hold hashes, but nothing is kept for nothing). */
const LOGIN_CODES_PRUNE_QUEUE = 'booking.login-codes-prune';

const TIMER_RULES: TimerRules = {
  reminderMinutes: [1440, 120],
  pendingRemindHours: 2,
  pendingExpireHours: 24,
};

/** Booking (seed 003): setup, slots, bookings with the state machine, the notice matrix, timers, bot. */
export const bookingModule: CapabilityModule<Record<string, never>, BookingService> = {
  name: 'booking',
  provides: 'booking',
  // Who is a specialist is booking's own table (by Telegram id); the role mirrors it for /help, /menu and grants.
  roles: [{ name: 'specialist', description: 'Sees and runs their own booking schedule' }],
  queues: [
    { name: BOOKING_TIMERS_QUEUE, retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 60 },
    { name: BOOKING_PUSH_QUEUE, retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 60 },
    { name: BOOKING_PUSH_ENDPOINT_QUEUE, retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 60 },
    { name: LOGIN_CODES_PRUNE_QUEUE, retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 60 },
  ],
  create(deps: BookingDeps) {
    const i18n = createI18n([BOOKING_LOCALES_DIR]);
    const t = (language: string, key: string, vars?: Record<string, string | number>) =>
      i18n.t(language, key, vars);
    const slots = createSlotService({ now: deps.now });
    // Web clients (no Telegram): Web Push with VAPID keys kept in DATA_DIR (made on first start).
    const vapid = loadVapidKeys(deps.web.dataDir);
    const pushPolicy = pushTargetPolicy(deps.web.development, deps.options?.pushAllowPrivate);
    const push = createPushEnqueue(deps.jobs);
    const sendNotices = createNoticeSender({ notify: deps.notify, t, push });
    const scheduleTimers = createTimerScheduler({ jobs: deps.jobs, now: deps.now, rules: TIMER_RULES });
    const identityKeys = createIdentityKeys(deps.web.deriveKey);
    const core = {
      db: deps.db,
      now: deps.now,
      slots,
      sendNotices,
      scheduleTimers,
      rules: { noShowThreshold: 2 },
      activity: deps.activity,
      identityHash: identityKeys.identity,
    };
    const bookings = createBookingService(core);
    const baseSetup = createBookingSetup({ db: deps.db, slots, now: deps.now });
    // The specialist role mirrors booking's table: granted with the row, taken back when the row goes.
    const dropSpecialistRole = async (telegramId: number, actorUserId: string | undefined) => {
      const held = await deps.users.getByTelegramId(telegramId);
      if (!held?.roles.includes('specialist') || !actorUserId) return;
      const roles = held.roles.filter((r) => r !== 'specialist' && r !== 'user');
      await deps.users.setRoles(held.id, roles, { kind: 'user', userId: actorUserId });
    };
    const setup: typeof baseSetup = {
      ...baseSetup,
      async createSpecialist(input) {
        const row = await baseSetup.createSpecialist(input);
        await deps.users.grantRole(input.telegramId, 'specialist', { kind: 'system' });
        return row;
      },
      async updateSpecialist(id, patch, actorUserId) {
        const changed = await baseSetup.updateSpecialist(id, patch, actorUserId);
        if (changed.before.telegramId !== changed.after.telegramId) {
          await deps.users.grantRole(changed.after.telegramId, 'specialist', { kind: 'system' });
          await dropSpecialistRole(changed.before.telegramId, actorUserId);
        }
        return changed;
      },
      async remove(kind, id, actorUserId) {
        const removed = await baseSetup.remove(kind, id, actorUserId);
        if (kind === 'specialist' && 'telegramId' in removed.row)
          await dropSpecialistRole(removed.row.telegramId, actorUserId);
        return removed;
      },
    };
    const notices = createNoticeSettings({ db: deps.db });
    const invites = createSpecialistInvites({
      db: deps.db,
      now: deps.now,
      setup,
      async joined({ inviteId, invitedBy, name }) {
        const admin = await deps.users.getById(invitedBy);
        if (admin?.telegramId == null) return;
        await deps.notify({
          chatId: admin.telegramId,
          text: t(admin.language, 'booking-invite-joined', { name }),
          dedupeKey: `booking-invite-joined:${inviteId}`,
        });
      },
    });
    const bot = createBookingFeature({ bookings, setup, notices, invites });
    const codes = createLoginCodes({
      db: deps.db,
      now: deps.now,
      keys: identityKeys,
      deliver: createCodeDelivery({
        development: deps.web.development,
        dataDir: deps.web.dataDir,
        logger: deps.logger,
        outbound: deps.web.outbound,
        t,
      }),
    });
    const pages = createBookingPages(
      {
        db: deps.db,
        bookings,
        codes,
        web: deps.web,
        vapidPublicKey: vapid.publicKey,
        publicUrl: deps.publicUrl,
        now: deps.now,
        t,
      },
      pushPolicy,
    );
    return {
      service: bookings,
      routes: [
        {
          path: '/booking',
          app: createBookingRoutes({ bookings, setup, db: deps.db, now: deps.now, notices }),
          access: 'user',
        },
        // Sign-in for web clients without Telegram (phone or e-mail + one-time code): no token yet.
        { path: '/booking/web', app: createWebLoginRoutes({ codes, web: deps.web }), access: 'public' },
        // POST /booking/specialists/invites (admin, checked in the handler like the other setup writes).
        {
          path: '/booking/specialists',
          app: createInviteRoutes({
            invites,
            botLink: async () => `https://t.me/${(await deps.telegramApi().getMe()).username}`,
          }),
          access: 'user',
        },
      ],
      bot: bot.feature,
      inboxTargets: [bot.inboxTarget],
      // /forget: bookings ahead cancelled (the salon told of "a client"), the client row left nameless.
      erasure: createBookingErasure(core, t),
      web: { app: pages, pages: [{ path: '/', titleKey: 'booking-web-title' }] },
      // Mini App (web/src/capabilities/booking/): book for everyone, the own schedule, the salon at a glance.
      miniApp: {
        pages: [
          { id: 'book', order: 20 },
          { id: 'schedule', role: 'specialist', order: 21 },
          { id: 'salon', role: 'admin', order: 22 },
        ],
      },
      help: [
        { command: 'book', descriptionKey: 'booking-cmd-book' },
        { command: 'mybookings', descriptionKey: 'booking-cmd-mybookings' },
        { command: 'schedule', descriptionKey: 'booking-cmd-schedule', role: 'specialist' },
        { command: 'admin', descriptionKey: 'booking-cmd-admin', role: 'admin' },
      ],
      menu: [
        { id: 'book', labelKey: 'booking-menu-book', open: bot.open.book },
        { id: 'mybookings', labelKey: 'booking-menu-mybookings', open: bot.open.mine },
        { id: 'schedule', labelKey: 'booking-menu-schedule', role: 'specialist', open: bot.open.schedule },
        { id: 'bkadmin', labelKey: 'booking-menu-admin', role: 'admin', open: bot.open.admin },
      ],
      async startWorkers() {
        // Web clients stored before their identities were hashed: hashed now, not at someone's sign-in.
        const upgraded = await codes.upgradeClients();
        if (upgraded) deps.logger.info({ upgraded }, 'web client identities hashed');
        await deps.jobs.work(LOGIN_CODES_PRUNE_QUEUE, async () => ({ pruned: await codes.prune() }));
        await deps.jobs.schedule(LOGIN_CODES_PRUNE_QUEUE, '*/15 * * * *', {});
        const handler = createTimerHandler({ ...deps, t, bookings, sendNotices, rules: TIMER_RULES, push });
        await deps.jobs.work<TimerJob>(BOOKING_TIMERS_QUEUE, handler, { concurrency: 2, batchSize: 10 });
        // VAPID's subject: our https address when there is one (read at send time: known once listening).
        const sendPush: Parameters<typeof createPushDelivery>[0]['send'] = (sub, payload) => {
          const url = deps.publicUrl();
          const subject = url.startsWith('https:') ? url : 'mailto:admin@localhost';
          return createPushSender({ keys: vapid, subject, policy: pushPolicy })(sub, payload);
        };
        // A notice fans out into one job per browser: one failing endpoint retries alone.
        await deps.jobs.work<PushJob>(BOOKING_PUSH_QUEUE, createPushFanOut({ db: deps.db, jobs: deps.jobs }));
        await deps.jobs.work<PushEndpointJob>(
          BOOKING_PUSH_ENDPOINT_QUEUE,
          createPushDelivery({ db: deps.db, send: sendPush }),
          { concurrency: 2 },
        );
      },
    };
  },
};

/** The module with test-only options (a local push service); the platform builds it like any other. */
export function createBookingModule(options: BookingModuleOptions): typeof bookingModule {
  return {
    ...bookingModule,
    create(deps, services) {
      const withOptions: BookingDeps = { ...deps, options };
      return bookingModule.create(withOptions, services);
    },
  };
}
