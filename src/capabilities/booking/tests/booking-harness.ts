import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { TestClock } from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createActivityHub } from '../../../platform/capability/activity.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireRole } from '../../../platform/http/auth-middleware.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { errorToProblem } from '../../../platform/http/problem.ts';
import { createJobRuntime, type JobRuntime, jobPort } from '../../../platform/jobs/job-queue.ts';
import { createLogger } from '../../../platform/observability/logger.ts';
import { createMetrics } from '../../../platform/observability/metrics.ts';
import {
  chatKey,
  NOTIFY_QUEUE,
  NOTIFY_QUEUES,
  type NotifyMessage,
} from '../../../platform/telegram/index.ts';
import { createUserService, type UserService } from '../../../platform/users/user-service.ts';
import type { NotifyFn } from '../../capability.ts';
import { bookingModule } from '../index.ts';

export interface BookingHarness {
  testDb: TestDatabase;
  runtime: JobRuntime;
  clock: TestClock;
  users: UserService;
  /** A request to /api/v1/booking… as the user with this id. */
  call(userId: string, method: string, path: string, body?: unknown): Promise<Response>;
  /** Notices waiting in the notify queue (no Telegram here: they stay queued). */
  notices(): Promise<NotifyMessage[]>;
  close(): Promise<void>;
}

/** The booking API on a fresh database with a job runtime (no workers) and a test clock. */
export async function startBookingHarness(
  start: string,
  options: { workers?: boolean } = {},
): Promise<BookingHarness> {
  const testDb = await createTestDatabase();
  const clock = new TestClock(start);
  const logger = createLogger({ level: 'silent', pretty: false });
  const runtime = createJobRuntime({
    database: testDb.database,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    queues: [...(bookingModule.queues ?? []), ...NOTIFY_QUEUES],
    clock,
  });
  await runtime.start();
  const { db } = testDb.database;
  const users = createUserService({ db });
  const notify: NotifyFn = (message, options) =>
    runtime.jobs.send(NOTIFY_QUEUE, message, {
      singletonKey: chatKey(message.chatId),
      ...(options?.tx ? { tx: options.tx } : {}),
    });
  const capability = bookingModule.create(
    {
      database: testDb.database,
      db,
      jobs: jobPort(runtime.jobs),
      notify,
      users,
      // Booking never calls these ports; touching one fails the test loudly.
      ai: unused('ai'),
      telegram: unused('telegram'),
      telegramApi: unused('telegramApi'),
      publicUrl: unused('publicUrl'),
      settings: unused('settings'),
      inboxTargets: unused('inboxTargets'),
      erasure: unused('erasure'),
      schedules: unused('schedules'),
      activity: createActivityHub({ db, now: () => new Date(clock.now()) }),
      now: () => new Date(clock.now()),
      logger,
      web: {
        mintToken: unused('web.mintToken'),
        userOfToken: unused('web.userOfToken'),
        revokeToken: unused('web.revokeToken'),
        deriveKey: () => Buffer.alloc(32, 7),
        outbound: {},
        dataDir: mkdtempSync(join(tmpdir(), 'booking-harness-')),
        development: true,
        clientIp: () => null,
      },
    },
    {},
  );
  // The booking timers run; notices stay queued (no Telegram here), where the tests read them.
  if (options.workers) await capability.startWorkers?.();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError((error, c) => errorToProblem(error, c, logger));
  app.use('*', async (c, next) => {
    const user = await users.getById(c.req.header('x-test-user') ?? '');
    if (!user) throw new Error('test request without a user');
    c.set('user', user);
    await next();
  });
  // Access as the platform applies it: a role route gets the platform's role check.
  for (const route of capability.routes ?? []) {
    if (typeof route.access === 'object') app.use(`/api/v1${route.path}/*`, requireRole(route.access.role));
    app.route(`/api/v1${route.path}`, route.app);
  }
  return {
    testDb,
    runtime,
    clock,
    users,
    call: async (userId, method, path, body) =>
      app.request(`/api/v1/booking${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-test-user': userId },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    notices: async () => (await runtime.jobs.pending<NotifyMessage>(NOTIFY_QUEUE)).map((j) => j.data),
    async close() {
      await runtime.stop(1000);
      await testDb.close();
    },
  };
}

function unused<T>(name: string): T {
  return new Proxy(() => undefined, {
    get: (_target, key) => {
      throw new Error(`booking used deps.${name}.${String(key)}, which this harness does not provide`);
    },
    apply: () => {
      throw new Error(`booking called deps.${name}, which this harness does not provide`);
    },
  }) as T;
}
