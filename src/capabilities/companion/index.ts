import { uuidv7 } from 'uuidv7';
import { createI18n } from '../../bot/i18n.ts';
import { type CapabilityModule, need } from '../capability.ts';
import { createActivityService } from './activity-service.ts';
import { createAgendaSource, noReminders, noTasks, type ReminderLister, type TaskLister } from './agenda.ts';
import { createBroadcastFlow } from './bot/broadcast-flow.ts';
import { COMPANION_LOCALES, createCompanionFeature, showProfile } from './bot/companion-feature.ts';
import { BROADCAST_QUEUE, type BroadcastJob, createBroadcastService } from './broadcast-service.ts';
import { createBroadcastWorker } from './broadcast-worker.ts';
import { CHECKINS_SETTING, createCheckIns } from './check-ins.ts';
import { quickReplies } from './companion-callbacks.ts';
import { createSettingsStore } from './companion-settings.ts';
import { companionOptOuts } from './companion-tables.ts';
import { createConversationService } from './conversation-service.ts';
import { createConversationStore } from './conversation-store.ts';
import { createEngagement } from './engagement.ts';
import { type CompanionService, createEnrolment, ENROL_QUEUE } from './enrolment.ts';
import { createBroadcastRoutes, createDecisionRoutes } from './http/broadcast-routes.ts';
import { createCompanionAdminRoutes } from './http/companion-admin-routes.ts';
import { createProfileRoutes } from './http/profile-routes.ts';
import { loadStages } from './journey.ts';
import { createProactiveLog } from './proactive-log.ts';
import { createProfileService } from './profile-service.ts';
import { createRecommendations } from './recommendations.ts';
import { createRetention, RETENTION_QUEUE } from './retention.ts';

export type { CompanionService } from './enrolment.ts';

const requires = {
  tasks: need<TaskLister>('tasks', ['listDueBetween'], { fallback: noTasks }),
  reminders: need<ReminderLister>('reminders', ['listBetween'], { fallback: noReminders }),
};

/** Env knobs (read once by the composition root's config would be nicer; these have safe defaults). */
export interface CompanionOptions {
  retentionDays: number;
  inactiveDays: number;
}

const SCHEDULES = {
  profile: 'companion.profile',
  morning: 'companion.morning',
  evening: 'companion.evening',
};

/** The companion capability (SPEC 2.5, issue 15) with its options. */
export function companionModuleWith(
  options: CompanionOptions,
): CapabilityModule<typeof requires, CompanionService> {
  return {
    name: 'companion',
    provides: 'companion',
    requires,
    queues: [
      { name: BROADCAST_QUEUE, retryLimit: 10, retryDelaySeconds: 2, expireInSeconds: 300 },
      { name: RETENTION_QUEUE, retryLimit: 3, expireInSeconds: 600 },
      { name: ENROL_QUEUE, retryLimit: 3, expireInSeconds: 600 },
    ],
    schedules: Object.values(SCHEDULES).map((name) => ({ name })),
    create(deps, services) {
      const i18n = createI18n([COMPANION_LOCALES]);
      const t = (language: string, key: string, variables?: Record<string, string | number>) =>
        i18n.t(language, key, variables);
      const stages = loadStages();
      const store = createConversationStore(deps.db);
      const activity = createActivityService(deps);
      const settings = createSettingsStore(deps);
      const persona = async () => (await settings.get()).persona;
      const profiles = createProfileService({
        ...deps,
        activity,
        stages,
        templates: t,
        persona: async () => (await persona()).name,
        onOptOut: async (userId, at) => {
          await deps.db.insert(companionOptOuts).values({ id: uuidv7(), userId, at });
        },
        log: deps.logger,
      });
      const recommendations = createRecommendations(deps);
      const agenda = createAgendaSource({ ...services, now: deps.now });
      const conversation = createConversationService({
        store,
        ai: deps.ai,
        activity,
        profiles,
        agenda,
        persona,
        now: deps.now,
      });
      const log = createProactiveLog(deps.db);
      const checkIns = createCheckIns({
        ...deps,
        profiles,
        activity,
        agenda,
        log,
        stages,
        settings,
        recommendations,
        inactiveDays: options.inactiveDays,
        t,
        keyboard: (language, stage) => quickReplies(t, language, stage),
      });
      const broadcasts = createBroadcastService(deps);
      const enrolment = createEnrolment({ ...deps, profiles, activity, names: SCHEDULES });
      const retention = createRetention({
        db: deps.db,
        activity,
        conversation: store,
        days: options.retentionDays,
        now: deps.now,
      });
      return {
        service: { ...enrolment.service, checkIns, retention, profiles },
        routes: [
          { path: '/companion', app: createProfileRoutes(profiles), access: 'user' },
          { path: '/admin/broadcasts', app: createBroadcastRoutes(broadcasts), access: { role: 'admin' } },
          { path: '/admin/companion', app: createDecisionRoutes(log), access: { role: 'admin' } },
          {
            path: '/admin/companion',
            app: createCompanionAdminRoutes({
              settings,
              recommendations,
              engagement: createEngagement({ raw: deps.database.raw, now: deps.now }),
              stages: stages.map((s) => s.id),
            }),
            access: { role: 'admin' },
          },
        ],
        bot: createCompanionFeature({
          conversation,
          profiles,
          agenda,
          broadcasts,
          eraseUser: (user) => enrolment.eraseUser(user),
          forgetPreview: (user) => deps.erasure.preview({ userId: user.id, language: user.language }),
          optOut: (userId) => enrolment.optOut(userId),
          answered: (userId) => log.markAnswered(userId, deps.now()),
          persona,
          enrol: (userId) => enrolment.service.enrol(userId),
          modelConfigured: () => deps.ai.describe().llm !== 'none',
        }),
        // The page's component: web/src/capabilities/companion/.
        miniApp: { pages: [{ id: 'profile', order: 30 }] },
        menu: [
          { id: 'profile', labelKey: 'companion-menu-profile', open: (ctx) => showProfile(ctx, profiles) },
          {
            id: 'broadcast',
            labelKey: 'companion-menu-broadcast',
            role: 'admin',
            open: createBroadcastFlow(broadcasts).start,
          },
        ],
        help: [
          { command: 'profile', descriptionKey: 'companion-cmd-profile' },
          { command: 'reset', descriptionKey: 'companion-cmd-reset' },
          { command: 'forget', descriptionKey: 'companion-cmd-forget' },
          { command: 'broadcast', descriptionKey: 'companion-cmd-broadcast', role: 'admin' },
        ],
        settings: [
          {
            key: CHECKINS_SETTING,
            labelKey: 'companion-setting-checkins',
            kind: 'toggle',
            default: true,
            store: {
              get: async (userId) => (await profiles.get(userId)).checkinsEnabled,
              set: (userId, value) => profiles.setCheckins(userId, value !== false),
            },
          },
        ],
        onActivity: (event, db) => activity.record(event.userId, event.kind, event.details, { tx: db }),
        schedules: {
          [SCHEDULES.profile]: async ({ userId }) => {
            await profiles.refresh(userId);
          },
          [SCHEDULES.morning]: async ({ userId }) => {
            await checkIns.run(userId, 'morning');
          },
          [SCHEDULES.evening]: async ({ userId }) => {
            await checkIns.run(userId, 'evening');
          },
        },
        async startWorkers() {
          const worker = createBroadcastWorker({
            ...deps,
            broadcasts,
            t,
            language: async (chatId) => (await deps.users.getByTelegramId(chatId))?.language ?? 'en',
          });
          await deps.jobs.work<BroadcastJob>(BROADCAST_QUEUE, worker.handle, {
            concurrency: 2,
            groupConcurrency: 1,
          });
          await deps.jobs.work(RETENTION_QUEUE, retention);
          await deps.jobs.work(ENROL_QUEUE, async () => ({ enrolled: await enrolment.service.enrolAll() }));
          await deps.jobs.schedule(RETENTION_QUEUE, '17 3 * * *', {});
          await deps.jobs.schedule(ENROL_QUEUE, '7 * * * *', {});
        },
      };
    },
  };
}

/** From the environment: COMPANION_RETENTION_DAYS (90), COMPANION_INACTIVE_DAYS (3). */
export const companionModule = companionModuleWith({ retentionDays: 90, inactiveDays: 3 });
