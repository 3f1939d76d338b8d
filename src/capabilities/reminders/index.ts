import { createI18n } from '../../bot/i18n.ts';
import type { QueueDefinition } from '../../platform/jobs/job-queue.ts';
import { parseText } from '../../platform/nl/index.ts';
import { type CapabilityModule, claimsIntent, type InboxTarget, inboxKeys, need } from '../capability.ts';
import { createReminderFeature, REMINDERS_LOCALES_DIR } from './bot/reminder-feature.ts';
import { showReminderList } from './bot/reminder-list.ts';
import { createDigestHandler } from './digest-job.ts';
import { createDigestService } from './digest-service.ts';
import { createReminderRoutes } from './http/reminder-routes.ts';
import { createOccurrenceScheduler } from './occurrence-scheduler.ts';
import { createFireHandler } from './reminder-firing.ts';
import { createReminderService } from './reminder-service.ts';
import {
  type DigestJob,
  type FireJob,
  REMINDER_DIGEST_QUEUE,
  REMINDER_FIRE_QUEUE,
  type ReminderService,
  type TaskLister,
} from './reminder-types.ts';

export type { DigestService, DigestSettings } from './digest-service.ts';
export * from './reminder-types.ts';

export const REMINDER_QUEUES: QueueDefinition[] = [
  // A short expiry: a fire job is one small transaction; a hung one is retried soon, and the
  // occurrence check makes a retry after a commit harmless.
  { name: REMINDER_FIRE_QUEUE, retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 60 },
  { name: REMINDER_DIGEST_QUEUE, retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 120 },
];

/** A task source for builds without the tasks capability: the digest then lists reminders only. */
export const noTasks: TaskLister = { listDueBetween: async () => [] };

/** Other capabilities' services the reminders use: the tasks for the morning digest. */
const requires = { tasks: need<TaskLister>('tasks', ['listDueBetween'], { fallback: noTasks }) };

/** What the smart inbox files as a reminder: lines the parser (or the model) reads as one; it needs a time. */
function reminderTarget(reminders: ReminderService): InboxTarget {
  return {
    kind: 'reminder',
    order: 20,
    ...inboxKeys('reminders'),
    needsTime: true,
    claim: claimsIntent('reminder'),
    async save(userId, c, tx) {
      if (!c.dueAt) throw new Error('a reminder needs a time');
      const input = {
        text: c.title,
        dueAt: new Date(c.dueAt),
        rrule: c.rrule,
        urgent: c.priority === 'urgent',
      };
      return reminders.create(userId, input, { tx });
    },
  };
}

export const remindersModule: CapabilityModule<typeof requires, ReminderService> = {
  name: 'reminders',
  provides: 'reminders',
  requires,
  queues: REMINDER_QUEUES,
  create(deps, services) {
    const reminders = createReminderService(deps);
    const digest = createDigestService(deps);
    const i18n = createI18n([REMINDERS_LOCALES_DIR]);
    const t = (language: string, key: string, variables?: Record<string, string | number>) =>
      i18n.t(language, key, variables);
    return {
      service: reminders,
      routes: [
        {
          path: '/reminders',
          app: createReminderRoutes({ reminders, digest, parse: parseText, t, now: deps.now }),
          access: 'user',
        },
      ],
      help: [
        { command: 'remind', descriptionKey: 'reminders-cmd-remind' },
        { command: 'reminders', descriptionKey: 'reminders-cmd-reminders' },
        { command: 'digest', descriptionKey: 'reminders-cmd-digest' },
      ],
      menu: [
        { id: 'reminders', labelKey: 'reminders-menu', open: (ctx) => showReminderList(ctx, reminders) },
      ],
      // The morning digest keeps its own table (and /digest); /settings and the settings API show it too.
      settings: [
        {
          key: 'reminders.digest',
          labelKey: 'reminders-setting-digest',
          kind: 'time',
          default: null,
          store: {
            get: async (userId) => (await digest.get(userId)).time,
            set: async (userId, value) => {
              await digest.set(userId, typeof value === 'string' ? value : null);
            },
          },
        },
      ],
      inboxTargets: [reminderTarget(reminders)],
      bot: createReminderFeature({ reminders, digest, parse: parseText }),
      async startWorkers() {
        const scheduler = createOccurrenceScheduler(deps);
        const fire = createFireHandler({ ...deps, scheduler, t });
        // Many occurrences share a minute (everyone's "every day at 9"): each fetch claims a batch of
        // due occurrences and runs them together; a full batch fetches again at once.
        await deps.jobs.work<FireJob>(REMINDER_FIRE_QUEUE, fire, {
          concurrency: 4,
          batchSize: 25,
        });
        const digestJob = createDigestHandler({ ...deps, t, reminders, tasks: services.tasks });
        await deps.jobs.work<DigestJob>(REMINDER_DIGEST_QUEUE, digestJob, { concurrency: 2 });
      },
    };
  },
};
