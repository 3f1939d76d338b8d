import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from '../db/database.ts';
import { problemJson } from '../http/problem.ts';
import { jsonTooDeep, sanitizeUpdate } from '../http/safe-input.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { createUpdateWriter, type DirectRuns, isUpdate } from './inbox-store.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
/** Telegram's own updates stay far below this (a message is ≤ 4096 characters plus metadata). */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;
/** Real updates nest about eight levels (reply → message → entities → user); far deeper is an attack. */
const MAX_DEPTH = 32;

/**
 * `POST /telegram/webhook`: checks the secret token in constant time (401 otherwise), stores the
 * update with its job, answers 200. Nothing else happens on this path, so Telegram's retries and
 * timeouts never see our handlers. A non-2xx answer makes Telegram deliver again later. Bodies
 * over 1 MB are refused (413) while being read; control characters in texts are neutralised here
 * (a Telegram user cannot be answered with a 422).
 */
export function createWebhookRoutes(deps: {
  db: Db;
  jobs: JobQueue;
  secret: string;
  logger: Logger;
  metrics?: Metrics;
  direct?: () => DirectRuns | null;
}): Hono {
  const expected = Buffer.from(deps.secret);
  const write = createUpdateWriter(deps);
  const app = new Hono();
  app.post(
    WEBHOOK_PATH,
    async (c, next) => {
      const given = Buffer.from(c.req.header('x-telegram-bot-api-secret-token') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return problemJson(c, 401, 'webhook_secret_invalid', 'Bad secret token');
      }
      return next();
    },
    bodyLimit({
      maxSize: WEBHOOK_MAX_BYTES,
      onError: (c) =>
        problemJson(c, 413, 'body_too_large', `An update is at most ${WEBHOOK_MAX_BYTES} bytes`),
    }),
    async (c) => {
      const text = await c.req.text();
      if (jsonTooDeep(text, MAX_DEPTH))
        return problemJson(c, 400, 'update_invalid', 'The update is nested too deeply');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return problemJson(c, 400, 'update_invalid', 'The body is not JSON');
      }
      if (!isUpdate(body)) return problemJson(c, 400, 'update_invalid', 'Not a Telegram update');
      const started = performance.now();
      await write(sanitizeUpdate(body));
      deps.metrics?.updatesReceived.inc({ ingress: 'webhook' });
      deps.metrics?.ingressAck.observe({ ingress: 'webhook' }, (performance.now() - started) / 1000);
      return c.json({ ok: true });
    },
  );
  return app;
}
