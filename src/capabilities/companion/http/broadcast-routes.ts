import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  jsonContent as json,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import { segmentSchema } from '../broadcast-segment.ts';
import type { Broadcast, BroadcastService } from '../broadcast-service.ts';
import type { ProactiveLog } from '../proactive-log.ts';

const tags = ['broadcasts'];
const params = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const broadcastSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['draft', 'running', 'paused', 'done', 'cancelled']),
    total: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    blocked: z.number().int(),
    text: z.string(),
    created_at: z.string().datetime({ offset: true }),
  })
  .openapi('Broadcast');
const createSchema = z
  .object({
    text: z.string().trim().min(1).max(4096),
    buttons: z
      .array(z.object({ text: z.string().min(1).max(64), url: z.url() }))
      .max(5)
      .optional(),
    segment: segmentSchema,
    draft: z.boolean().optional().openapi({
      description: 'true: only compose it and count the recipients (`total`); POST /{id}/start sends it',
    }),
  })
  .openapi('BroadcastCreate');

const toJson = (b: Broadcast) => ({
  id: b.id,
  status: b.status,
  total: b.total,
  sent: b.sent,
  failed: b.failed,
  blocked: b.blocked,
  text: b.text,
  created_at: b.createdAt.toISOString(),
});

const create = createRoute({
  method: 'post',
  operationId: 'createBroadcast',
  path: '/',
  tags,
  security,
  summary: 'Start a broadcast to a segment, or compose a draft to preview its recipient count (admins only)',
  request: { body: { required: true, ...json(createSchema) } },
  responses: { 201: { description: 'Started', ...json(broadcastSchema) }, 400: problem('Invalid broadcast') },
});
const list = createRoute({
  method: 'get',
  operationId: 'listBroadcasts',
  path: '/',
  tags,
  security,
  summary: 'The latest broadcasts with their delivery statistics, newest first',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }) },
  responses: { 200: { description: 'Broadcasts', ...json(z.object({ items: z.array(broadcastSchema) })) } },
});
const get = createRoute({
  method: 'get',
  operationId: 'getBroadcast',
  path: '/{id}',
  tags,
  security,
  summary: 'A broadcast and its delivery statistics',
  request: { params },
  responses: {
    200: { description: 'The broadcast', ...json(broadcastSchema) },
    404: problem('No such broadcast'),
  },
});
const action = (name: 'start' | 'pause' | 'resume' | 'cancel') =>
  createRoute({
    method: 'post',
    operationId: `${name}Broadcast`,
    path: `/{id}/${name}`,
    tags,
    security,
    summary:
      name === 'start'
        ? 'Send a draft (what the preview counted)'
        : `${name[0]?.toUpperCase()}${name.slice(1)} a broadcast`,
    request: { params },
    responses: {
      200: { description: 'Done', ...json(broadcastSchema) },
      404: problem('No such broadcast'),
      409: problem('Not possible in its current status'),
    },
  });

/** /api/v1/admin/broadcasts (mounted with access { role: 'admin' }). */
export function createBroadcastRoutes(broadcasts: BroadcastService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    // The admin who started it gets the one live progress message in their chat.
    const created = await broadcasts.create({ ...body, createdBy: user.id, progressChatId: user.telegramId });
    return c.json(toJson(created), 201);
  });
  app.openapi(list, async (c) =>
    c.json({ items: (await broadcasts.list(c.req.valid('query').limit)).map(toJson) }, 200),
  );
  app.openapi(get, async (c) => c.json(toJson(await broadcasts.get(c.req.valid('param').id)), 200));
  for (const name of ['start', 'pause', 'resume', 'cancel'] as const)
    app.openapi(action(name), async (c) =>
      c.json(toJson(await broadcasts[name](c.req.valid('param').id)), 200),
    );
  return app;
}

const decisionsRoute = createRoute({
  method: 'get',
  operationId: 'listCompanionDecisions',
  path: '/decisions',
  tags: ['companion'],
  security,
  summary: 'Proactive decisions (sent / skipped and why), newest first',
  request: {
    query: z.object({
      user_id: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Decisions',
      ...json(
        z.object({
          items: z.array(
            z.object({
              user_id: z.uuid(),
              trigger: z.string(),
              decision: z.enum(['sent', 'skipped']),
              reason: z.string(),
              local_date: z.string(),
              at: z.string(),
            }),
          ),
        }),
      ),
    },
  },
});

/** /api/v1/admin/companion: what the trigger engine decided (admins only). */
export function createDecisionRoutes(log: ProactiveLog) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(decisionsRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = await log.list({
      ...(q.user_id ? { userId: q.user_id } : {}),
      ...(q.limit ? { limit: q.limit } : {}),
    });
    const items = rows.map((r) => ({
      user_id: r.userId,
      trigger: r.trigger,
      decision: r.decision,
      reason: r.reason,
      local_date: r.localDate,
      at: r.at.toISOString(),
    }));
    return c.json({ items }, 200);
  });
  return app;
}
