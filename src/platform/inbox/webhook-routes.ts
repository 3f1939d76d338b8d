import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import { createUpdateWriter, isUpdate } from './inbox-store.ts';

export const WEBHOOK_PATH = '/telegram/webhook';

/**
 * `POST /telegram/webhook`: checks the secret token in constant time (401 otherwise), stores the
 * update with its job, answers 200. Nothing else happens on this path, so Telegram's retries and
 * timeouts never see our handlers. A non-2xx answer makes Telegram deliver again later.
 */
export function createWebhookRoutes(deps: { db: Db; jobs: JobQueue; secret: string; logger: Logger }): Hono {
  const expected = Buffer.from(deps.secret);
  const write = createUpdateWriter(deps);
  const app = new Hono();
  app.post(WEBHOOK_PATH, async (c) => {
    const given = Buffer.from(c.req.header('x-telegram-bot-api-secret-token') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json({ ok: false, error: 'bad secret token' }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ ok: false, error: 'body is not JSON' }, 400);
    }
    if (!isUpdate(body)) return c.json({ ok: false, error: 'not a Telegram update' }, 400);
    await write(body);
    return c.json({ ok: true });
  });
  return app;
}
