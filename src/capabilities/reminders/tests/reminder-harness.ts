import { OpenAPIHono } from '@hono/zod-openapi';
import { TestClock } from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createI18n } from '../../../bot/i18n.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { errorToProblem } from '../../../platform/http/problem.ts';
import { createJobRuntime, type JobRuntime } from '../../../platform/jobs/job-queue.ts';
import { parseText } from '../../../platform/nl/index.ts';
import { createLogger } from '../../../platform/observability/logger.ts';
import { createMetrics } from '../../../platform/observability/metrics.ts';
import { createUserService, type UserService } from '../../../platform/users/user-service.ts';
import { REMINDERS_LOCALES_DIR } from '../bot/reminder-feature.ts';
import { createDigestService, type DigestService } from '../digest-service.ts';
import { createReminderRoutes } from '../http/reminder-routes.ts';
import { REMINDER_QUEUES } from '../index.ts';
import { createReminderService } from '../reminder-service.ts';
import type { ReminderService } from '../reminder-types.ts';

export interface ReminderHarness {
  testDb: TestDatabase;
  runtime: JobRuntime;
  clock: TestClock;
  users: UserService;
  reminders: ReminderService;
  digest: DigestService;
  /** A request to /api/v1/reminders… as the user with this id. */
  call(userId: string, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** The reminders service and API on a fresh database with a job runtime (no workers) and a test clock. */
export async function startReminderHarness(start: string): Promise<ReminderHarness> {
  const testDb = await createTestDatabase();
  const clock = new TestClock(start);
  const logger = createLogger({ level: 'silent', pretty: false });
  const runtime = createJobRuntime({
    database: testDb.database,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    queues: REMINDER_QUEUES,
    clock,
  });
  await runtime.start();
  const now = () => new Date(clock.now());
  const { db } = testDb.database;
  const users = createUserService({ db });
  const reminders = createReminderService({ db, users, jobs: runtime.jobs, now });
  const digest = createDigestService({ db, users, jobs: runtime.jobs, now });
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError((error, c) => errorToProblem(error, c, logger));
  app.use('*', async (c, next) => {
    const user = await users.getById(c.req.header('x-test-user') ?? '');
    if (!user) throw new Error('test request without a user');
    c.set('user', user);
    await next();
  });
  const i18n = createI18n([REMINDERS_LOCALES_DIR]);
  const t = (language: string, key: string, vars?: Record<string, string | number>) =>
    i18n.t(language, key, vars);
  app.route('/api/v1/reminders', createReminderRoutes({ reminders, digest, parse: parseText, t, now }));
  return {
    testDb,
    runtime,
    clock,
    users,
    reminders,
    digest,
    call: async (userId, method, path, body) =>
      // The collection is /api/v1/reminders itself (Hono is strict about a trailing slash).
      app.request(`/api/v1/reminders${path.replace(/^\/(?=\?|$)/, '')}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-test-user': userId },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async close() {
      await runtime.stop(1000);
      await testDb.close();
    },
  };
}
