import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { bearerSecurity, jsonContent, problemResponse } from '../../../platform/http/openapi-parts.ts';
import type { DigestService } from '../digest-service.ts';
import type { ReminderService } from '../reminder-types.ts';
import { createOccurrenceRoutes } from './occurrence-routes.ts';
import {
  createReminderSchema,
  reminderPageSchema,
  reminderSchema,
  toReminderJson,
  updateReminderSchema,
} from './reminder-schemas.ts';
import { createRuleRoutes, type RuleRoutesDeps } from './rule-routes.ts';

const json = jsonContent;
const problem = problemResponse;
const security = bearerSecurity;
const tags = ['reminders'];
const params = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const notFound = problem('No such reminder of yours');

const list = createRoute({
  method: 'get',
  operationId: 'listReminders',
  path: '/',
  tags,
  security,
  summary: 'Your reminders, oldest first, a page at a time',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().max(200).optional().openapi({ description: 'next_cursor of the previous page' }),
      status: z.enum(['active', 'paused', 'ended']).optional(),
    }),
  },
  responses: { 200: { description: 'A page', ...json(reminderPageSchema) }, 400: problem('Invalid query') },
});

const create = createRoute({
  method: 'post',
  operationId: 'createReminder',
  path: '/',
  tags,
  security,
  summary: 'Create a one-off (due_at) or recurring (rrule) reminder',
  request: { body: { required: true, ...json(createReminderSchema) } },
  responses: { 201: { description: 'Created', ...json(reminderSchema) }, 400: problem('Invalid reminder') },
});

const get = createRoute({
  method: 'get',
  operationId: 'getReminder',
  path: '/{id}',
  tags,
  security,
  summary: 'One reminder',
  request: { params },
  responses: { 200: { description: 'The reminder', ...json(reminderSchema) }, 404: notFound },
});

const update = createRoute({
  method: 'patch',
  operationId: 'updateReminder',
  path: '/{id}',
  tags,
  security,
  summary: 'Change text, time, recurrence or urgency (pending occurrences are rescheduled)',
  request: { params, body: { required: true, ...json(updateReminderSchema) } },
  responses: {
    200: { description: 'Updated', ...json(reminderSchema) },
    400: problem('Invalid change'),
    404: notFound,
  },
});

const remove = createRoute({
  method: 'delete',
  operationId: 'deleteReminder',
  path: '/{id}',
  tags,
  security,
  summary: 'Delete a reminder and its pending occurrences',
  request: { params },
  responses: { 204: { description: 'Deleted' }, 404: notFound },
});

const action = (name: 'pause' | 'resume') =>
  createRoute({
    method: 'post',
    operationId: `${name}Reminder`,
    path: `/{id}/${name}`,
    tags,
    security,
    summary: name === 'pause' ? 'Pause: no occurrences until resumed' : 'Resume from the next occurrence',
    request: { params },
    responses: {
      200: { description: 'The reminder', ...json(reminderSchema) },
      404: notFound,
      409: problem('The reminder has ended'),
    },
  });

const toDue = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

/** /api/v1/reminders: CRUD, pause/resume, the rule in words, occurrences and the digest (mount behind auth). */
export function createReminderRoutes(
  deps: { reminders: ReminderService; digest: DigestService } & Omit<RuleRoutesDeps, 'reminders'>,
) {
  const { reminders } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Fixed paths (/digest, /occurrences) first, so they are not taken for an {id}.
  app.route('/', createOccurrenceRoutes(deps));
  app.route('/', createRuleRoutes(deps));
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await reminders.list(c.get('user').id, {
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    // A snoozed occurrence waits apart from its series (a snoozed one-off has even ended): say when.
    const snoozed = new Map(
      (await reminders.upcoming(c.get('user').id)).flatMap((r) =>
        r.snoozedUntil ? [[r.id, r.snoozedUntil]] : [],
      ),
    );
    const items = page.items.map((r) => ({
      ...toReminderJson(r),
      snoozed_until: snoozed.get(r.id)?.toISOString() ?? null,
    }));
    return c.json({ items, next_cursor: page.nextCursor }, 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const created = await reminders.create(c.get('user').id, {
      text: body.text,
      dueAt: toDue(body.due_at) ?? null,
      rrule: body.rrule ?? null,
      ...(body.urgent !== undefined ? { urgent: body.urgent } : {}),
      ...(body.timezone ? { timezone: body.timezone } : {}),
    });
    return c.json(toReminderJson(created), 201);
  });
  app.openapi(get, async (c) =>
    c.json(toReminderJson(await reminders.get(c.get('user').id, c.req.valid('param').id)), 200),
  );
  app.openapi(update, async (c) => {
    const body = c.req.valid('json');
    const updated = await reminders.update(c.get('user').id, c.req.valid('param').id, {
      ...(body.text !== undefined ? { text: body.text } : {}),
      ...(body.due_at !== undefined ? { dueAt: toDue(body.due_at) ?? null } : {}),
      ...(body.rrule !== undefined ? { rrule: body.rrule } : {}),
      ...(body.urgent !== undefined ? { urgent: body.urgent } : {}),
      ...(body.timezone !== undefined ? { timezone: body.timezone } : {}),
    });
    return c.json(toReminderJson(updated), 200);
  });
  app.openapi(remove, async (c) => {
    await reminders.remove(c.get('user').id, c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(action('pause'), async (c) =>
    c.json(toReminderJson(await reminders.pause(c.get('user').id, c.req.valid('param').id)), 200),
  );
  app.openapi(action('resume'), async (c) =>
    c.json(toReminderJson(await reminders.resume(c.get('user').id, c.req.valid('param').id)), 200),
  );
  return app;
}
