import { OpenAPIHono } from '@hono/zod-openapi';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createApiTokens } from '../../../platform/auth/api-tokens.ts';
import { createHttpApp } from '../../../platform/http/app.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireAuth } from '../../../platform/http/auth-middleware.ts';
import { createJobRuntime, type JobRuntime } from '../../../platform/jobs/job-queue.ts';
import { createLogger } from '../../../platform/observability/logger.ts';
import { createMetrics } from '../../../platform/observability/metrics.ts';
import { createUserService, type UserService } from '../../../platform/users/user-service.ts';
import { DEADLINE_QUEUE } from '../deadline-schedule.ts';
import { createCategoryRoutes, createCourseRoutes } from '../http/course-routes.ts';
import { createTaskRoutes } from '../http/task-routes.ts';
import { createTaskService } from '../task-service.ts';
import type { TaskService } from '../task-types.ts';

export interface ServiceHarness {
  testDb: TestDatabase;
  runtime: JobRuntime;
  users: UserService;
  service: TaskService;
  clock: { now: Date };
  /** The HTTP app with the tasks resources under /api/v1, behind bearer auth. */
  app: OpenAPIHono<AppEnv>;
  /** A user and a bearer token for them. */
  signIn(telegramId: number, timezone?: string): Promise<{ userId: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

/** The tasks service and API on a fresh database with a real job queue (no workers) and a settable clock. */
export async function startServiceHarness(start = new Date('2026-03-02T10:00:00Z')): Promise<ServiceHarness> {
  const testDb = await createTestDatabase();
  const logger = createLogger({ level: 'silent', pretty: false });
  const metrics = createMetrics({ defaultMetrics: false });
  const runtime = createJobRuntime({ database: testDb.database, logger, metrics, queues: [DEADLINE_QUEUE] });
  await runtime.start();
  const clock = { now: start };
  const now = () => clock.now;
  const users = createUserService({ db: testDb.database.db });
  const service = createTaskService({ db: testDb.database.db, jobs: runtime.jobs, users, now });
  const tokens = createApiTokens({ key: Buffer.alloc(32, 7), ttlSeconds: 3600, now: () => new Date() });
  const secured = (routes: OpenAPIHono<AppEnv>) => {
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', requireAuth({ tokens, users }));
    app.route('/', routes);
    return app;
  };
  const app = createHttpApp({
    logger,
    metrics,
    version: 'test',
    readiness: {},
    api: [
      { path: '/tasks', app: secured(createTaskRoutes(service)) },
      { path: '/categories', app: secured(createCategoryRoutes(service.courses)) },
      { path: '/courses', app: secured(createCourseRoutes(service.courses)) },
    ],
  });
  return {
    testDb,
    runtime,
    users,
    service,
    clock,
    app,
    async signIn(telegramId, timezone = 'UTC') {
      const user = await users.upsertFromTelegram({ id: telegramId, first_name: `U${telegramId}` });
      await users.updateSettings(user.id, { timezone });
      const { token } = await tokens.mint({
        sub: user.id,
        tg: telegramId,
        roles: ['user'],
        via: 'webapp',
        tv: 0,
      });
      return {
        userId: user.id,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      };
    },
    async close() {
      await runtime.stop(5000);
      await testDb.close();
    },
  };
}
