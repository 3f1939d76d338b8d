import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/openapi-hook.ts';
import {
  jsonContent as json,
  pageOf,
  problemResponse as problem,
  bearerSecurity as security,
} from '../http/openapi-parts.ts';
import type { QueueAdmin } from '../jobs/pg-boss/queue-admin.ts';

const tags = ['admin'];
const queueParam = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{0,99}$/)
  .openapi({ param: { name: 'queue', in: 'path' }, example: 'notify' });
const idParam = z.uuid().openapi({ param: { name: 'id', in: 'path' } });
const forbidden = {
  401: problem('Missing, invalid or expired token'),
  403: problem('Not an admin'),
};

const QueueSchema = z
  .object({
    name: z.string(),
    waiting: z.number().int(),
    active: z.number().int(),
    failed: z.number().int(),
    dead: z.number().int().openapi({ description: 'Jobs parked in <name>.dead' }),
  })
  .openapi('QueueSummary');
const DeadJobSchema = z
  .object({
    id: z.uuid(),
    queue: z.string(),
    payload: z.unknown(),
    error: z.string().nullable(),
    dead_since: z.string().datetime({ offset: true }),
  })
  .openapi('DeadJob');

const listQueues = createRoute({
  method: 'get',
  operationId: 'listQueues',
  path: '/',
  tags,
  security,
  summary: 'Every job queue: waiting, active, failed and dead-letter counts (admins only)',
  responses: {
    200: { description: 'Queues (all of them: one page)', ...json(pageOf(QueueSchema)) },
    ...forbidden,
  },
});
const listDead = createRoute({
  method: 'get',
  operationId: 'listDeadJobs',
  path: '/{queue}/dead',
  tags,
  security,
  summary: "A queue's dead jobs, newest first",
  request: {
    params: z.object({ queue: queueParam }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
  },
  responses: {
    200: { description: 'Dead jobs', ...json(z.object({ items: z.array(DeadJobSchema) })) },
    404: problem('No such queue'),
    ...forbidden,
  },
});
const retryDead = createRoute({
  method: 'post',
  operationId: 'retryDeadJob',
  path: '/{queue}/dead/{id}/retry',
  tags,
  security,
  summary: 'Put a dead job back on its queue (replay)',
  request: { params: z.object({ queue: queueParam, id: idParam }) },
  responses: {
    200: { description: 'Re-enqueued', ...json(z.object({ replayed: z.literal(true) })) },
    404: problem('No such queue or dead job'),
    409: problem('Its key is held by a running job: try again later'),
    ...forbidden,
  },
});
const deleteDead = createRoute({
  method: 'delete',
  operationId: 'deleteDeadJob',
  path: '/{queue}/dead/{id}',
  tags,
  security,
  summary: 'Delete a dead job for good',
  request: { params: z.object({ queue: queueParam, id: idParam }) },
  responses: { 204: { description: 'Deleted' }, 404: problem('No such queue or dead job'), ...forbidden },
});

/** /api/v1/admin/queues (mounted with access { role: 'admin' }): the seeds' Flower. */
export function createQueueRoutes(deps: { queues: QueueAdmin; db: Db }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const audit = (actor: string, action: string, queue: string, id: string) =>
    recordAudit(deps.db, {
      actorKind: 'user',
      actorUserId: actor,
      action,
      subjectType: 'job',
      subjectId: id,
      details: { queue },
    });
  app.openapi(listQueues, async (c) =>
    c.json({ items: await deps.queues.summary(), next_cursor: null }, 200),
  );
  app.openapi(listDead, async (c) => {
    const { queue } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const items = await deps.queues.listDead(queue, limit ? { limit } : {});
    return c.json(
      {
        items: items.map((j) => ({
          id: j.id,
          queue: j.queue,
          payload: j.payload,
          error: j.error,
          dead_since: j.deadSince.toISOString(),
        })),
      },
      200,
    );
  });
  app.openapi(retryDead, async (c) => {
    const { queue, id } = c.req.valid('param');
    await deps.queues.replay(queue, id);
    await audit(c.get('user').id, 'job.replay', queue, id);
    return c.json({ replayed: true as const }, 200);
  });
  app.openapi(deleteDead, async (c) => {
    const { queue, id } = c.req.valid('param');
    await deps.queues.remove(queue, id);
    await audit(c.get('user').id, 'job.delete', queue, id);
    return c.body(null, 204);
  });
  return app;
}
