import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  bearerSecurity,
  jsonContent,
  pageOf,
  problemResponse,
} from '../../../platform/http/openapi-parts.ts';
import { safeDateTime, spanAtMost } from '../../../platform/http/safe-input.ts';
import type { DigestService } from '../digest-service.ts';
import type { ReminderService } from '../reminder-types.ts';
import {
  digestSchema,
  occurrenceSchema,
  toDigestJson,
  toOccurrenceJson,
  toWindowJson,
  windowItemSchema,
} from './reminder-schemas.ts';

const json = jsonContent;
const problem = problemResponse;
const security = bearerSecurity;
const tags = ['reminders'];
/** A calendar view asks for a week or a month; every series in the window is expanded for it. */
const MAX_WINDOW_DAYS = 366;
const occurrenceParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const listWindow = createRoute({
  method: 'get',
  operationId: 'listOccurrences',
  path: '/occurrences',
  tags,
  security,
  summary: 'Occurrences in a time window (sent, pending and still to come), by time',
  request: {
    query: z
      .object({
        from: safeDateTime(),
        to: safeDateTime().openapi({ description: `At most ${MAX_WINDOW_DAYS} days after \`from\`` }),
      })
      .superRefine(spanAtMost(MAX_WINDOW_DAYS)),
  },
  responses: {
    // The window bounds the answer (at most a year): one page, `next_cursor` always null.
    200: { description: 'Occurrences (the whole window: one page)', ...json(pageOf(windowItemSchema)) },
    400: problem('Invalid window'),
    422: problem('A window over a year, or outside 1970–9999'),
  },
});

const snooze = createRoute({
  method: 'post',
  operationId: 'snoozeOccurrence',
  path: '/occurrences/{id}/snooze',
  tags,
  security,
  summary: 'Move one occurrence to a later moment (the series keeps its schedule)',
  request: {
    params: occurrenceParams,
    body: { required: true, ...json(z.object({ until: safeDateTime() })) },
  },
  responses: {
    200: { description: 'The snoozed occurrence', ...json(occurrenceSchema) },
    400: problem('Invalid time'),
    404: problem('No such occurrence of yours'),
    409: problem('Already done or skipped'),
  },
});

const settle = (outcome: 'done' | 'skip') =>
  createRoute({
    method: 'post',
    operationId: outcome === 'done' ? 'completeOccurrence' : 'skipOccurrence',
    path: `/occurrences/{id}/${outcome}`,
    tags,
    security,
    summary: outcome === 'done' ? 'Mark an occurrence done' : 'Skip an occurrence',
    request: { params: occurrenceParams },
    responses: {
      200: { description: 'The occurrence', ...json(occurrenceSchema) },
      404: problem('No such occurrence of yours'),
      409: problem('Already done or skipped'),
    },
  });

const getDigest = createRoute({
  method: 'get',
  operationId: 'getReminderDigest',
  path: '/digest',
  tags,
  security,
  summary: 'Morning digest settings',
  responses: { 200: { description: 'Settings', ...json(digestSchema) } },
});

const putDigest = createRoute({
  method: 'put',
  operationId: 'updateReminderDigest',
  path: '/digest',
  tags,
  security,
  summary: 'Switch the daily digest on at a user-local time ("HH:MM"), or off (null)',
  request: {
    body: {
      required: true,
      ...json(
        z.object({
          time: z
            .string()
            .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
            .nullable(),
        }),
      ),
    },
  },
  responses: { 200: { description: 'Settings', ...json(digestSchema) }, 400: problem('Invalid time') },
});

/** Occurrence actions and the digest settings, under /reminders. */
export function createOccurrenceRoutes(deps: { reminders: ReminderService; digest: DigestService }) {
  const { reminders, digest } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listWindow, async (c) => {
    const { from, to } = c.req.valid('query');
    const items = await reminders.listBetween(c.get('user').id, new Date(from), new Date(to));
    return c.json({ items: items.map(toWindowJson), next_cursor: null }, 200);
  });
  app.openapi(snooze, async (c) => {
    const occurrence = await reminders.snooze(
      c.get('user').id,
      c.req.valid('param').id,
      new Date(c.req.valid('json').until),
    );
    return c.json(toOccurrenceJson(occurrence), 200);
  });
  app.openapi(settle('done'), async (c) =>
    c.json(toOccurrenceJson(await reminders.settle(c.get('user').id, c.req.valid('param').id, 'done')), 200),
  );
  app.openapi(settle('skip'), async (c) =>
    c.json(
      toOccurrenceJson(await reminders.settle(c.get('user').id, c.req.valid('param').id, 'skipped')),
      200,
    ),
  );
  app.openapi(getDigest, async (c) => c.json(toDigestJson(await digest.get(c.get('user').id)), 200));
  app.openapi(putDigest, async (c) =>
    c.json(toDigestJson(await digest.set(c.get('user').id, c.req.valid('json').time)), 200),
  );
  return app;
}
