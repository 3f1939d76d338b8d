import { createI18n } from '../../bot/i18n.ts';
import type { QueueDefinition } from '../../platform/jobs/job-queue.ts';
import { parseText } from '../../platform/nl/index.ts';
import type { CapabilityModule } from '../capability.ts';
import { createReminderFeature, REMINDERS_LOCALES_DIR } from './bot/reminder-feature.ts';
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

/** Other capabilities' services the reminders need: the tasks for the morning digest. */
export interface ReminderServices {
  tasks: TaskLister;
}

/** A task source for builds without the tasks capability: the digest then lists reminders only. */
export const noTasks: TaskLister = { listDueBetween: async () => [] };

export const remindersModule: CapabilityModule<ReminderServices, ReminderService> = {
  name: 'reminders',
  queues: REMINDER_QUEUES,
  create(deps, services) {
    const reminders = createReminderService(deps);
    const digest = createDigestService(deps);
    const i18n = createI18n([REMINDERS_LOCALES_DIR]);
    const t = (language: string, key: string, variables?: Record<string, string | number>) =>
      i18n.t(language, key, variables);
    return {
      name: 'reminders',
      service: reminders,
      api: [{ path: '/reminders', app: createReminderRoutes({ reminders, digest }) }],
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
