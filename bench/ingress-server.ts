// The server side of bench/ingress.ts: one of three webhook targets on an ephemeral port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { UPDATES_QUEUE } from '../src/platform/inbox/inbox-store.ts';
import { createWebhookRoutes } from '../src/platform/inbox/webhook-routes.ts';
import { createJobRuntime } from '../src/platform/jobs/job-queue.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

export async function serveTarget(
  target: 'embedded' | 'postgres' | 'grammy',
  secret: string,
): Promise<number> {
  if (target === 'grammy') {
    const bot = new Bot('1:bench', {
      botInfo: {
        id: 1,
        is_bot: true,
        first_name: 'Bench',
        username: 'bench_bot',
        can_join_groups: false,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
      } as never,
    });
    bot.on('message', () => {});
    const server = createServer(webhookCallback(bot, 'http', { secretToken: secret }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as AddressInfo).port;
  }
  // `embedded`: a PostgreSQL of this process in a temporary DATA_DIR, fsync on, like `npm start`.
  if (target === 'postgres') process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  else delete process.env.TEST_DATABASE_URL;
  const testDb = await createTestDatabase();
  const { database } = testDb;
  // The parent stops us with SIGTERM: drop the database (and stop the private embedded server).
  process.once('SIGTERM', () => void testDb.close().finally(() => process.exit(0)));
  const logger = createLogger({ level: 'warn', pretty: false });
  // Ingress only: the jobs are created (that is part of the durable ack) but no worker takes them.
  const jobs = createJobRuntime({ database, logger, metrics: createMetrics(), queues: [UPDATES_QUEUE] });
  await jobs.start();
  const app = createWebhookRoutes({ db: database.db, jobs: jobs.jobs, secret, logger });
  return new Promise<number>((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
}
