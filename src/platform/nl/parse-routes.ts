import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DomainError } from '../errors/domain-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/openapi-hook.ts';
import { problemResponse } from '../http/openapi-parts.ts';
import { safeDateTime, safeText, safeZoneName } from '../http/safe-input.ts';
import { parseText } from './parse-text.ts';
import { isoInZone, isTimezone } from './zoned-clock.ts';

export interface ParseRoutesDeps {
  /** The clock used when the request gives no `now`. */
  now: () => Date;
}

const ParseRequest = z
  .object({
    text: safeText({ min: 1, max: 1000 }).openapi({
      example: 'Сдать эссе по истории в пятницу 18:00 !high #учёба',
    }),
    timezone: safeZoneName()
      .refine(isTimezone, 'unknown IANA timezone')
      .optional()
      .openapi({ description: "IANA timezone; defaults to the user's", example: 'Europe/Berlin' }),
    now: safeDateTime().optional().openapi({
      description: 'Reference instant; defaults to the server clock',
      example: '2026-11-23T10:00:00+03:00',
    }),
  })
  .openapi('ParseRequest');

const ParseResult = z
  .object({
    intent: z.enum(['task', 'reminder', 'unknown']),
    title: z.string(),
    due_at: z
      .string()
      .nullable()
      .openapi({ description: "ISO 8601 with the zone's offset", example: '2026-11-27T18:00:00+01:00' }),
    all_day: z.boolean(),
    rrule: z
      .string()
      .nullable()
      .openapi({ example: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30' }),
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    category: z.string().nullable(),
    course: z.string().nullable(),
    language: z.enum(['ru', 'en']),
    timezone: z.string(),
  })
  .openapi('ParseResult');

const parseRoute = createRoute({
  method: 'post',
  operationId: 'parseText',
  path: '/parse',
  tags: ['parse'],
  summary: 'Read one line of free text (ru/en) into a task or reminder',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: ParseRequest } } } },
  responses: {
    200: { description: 'What the text says', content: { 'application/json': { schema: ParseResult } } },
    400: problemResponse('Invalid body, unknown timezone or malformed now'),
  },
});

/** `POST /parse`, mounted by the app under /api/v1 behind bearer auth. */
// The system clock is only the default; tests and the composition root pass their own.
export function createParseRoutes(deps: ParseRoutesDeps = { now: () => new Date() }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(parseRoute, (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    const timezone = body.timezone ?? user.timezone;
    // A stored timezone can't be invalid, but if one is, say so as a 400 rather than a 500.
    if (!isTimezone(timezone))
      throw new DomainError('invalid', 'validation_failed', `timezone: unknown IANA timezone "${timezone}"`);
    const parsed = parseText(body.text, {
      timezone,
      now: body.now ? new Date(body.now) : deps.now(),
    });
    return c.json(
      {
        intent: parsed.intent,
        title: parsed.title,
        due_at: parsed.dueAt ? isoInZone(parsed.dueAt, timezone) : null,
        all_day: parsed.allDay,
        rrule: parsed.rrule,
        priority: parsed.priority,
        category: parsed.category,
        course: parsed.course,
        language: parsed.language,
        timezone: parsed.timezone,
      },
      200,
    );
  });
  return app;
}
