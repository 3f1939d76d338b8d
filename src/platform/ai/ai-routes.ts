import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { validationHook } from '../http/openapi-hook.ts';
import { bearerSecurity, problemResponse } from '../http/openapi-parts.ts';
import { safeDateTime, safeText, safeZoneName } from '../http/safe-input.ts';
import { isTimezone } from '../time/local-time.ts';
import type { Ai, Clock } from './ai-port.ts';

export type AiRoutesEnv = {
  Variables: { user: { id: string; language: 'ru' | 'en'; timezone: string } };
};

const classifyBody = z
  .object({
    text: safeText({ min: 1, max: 20_000 }),
    topics: z
      .array(
        z.object({
          id: safeText({ min: 1, max: 100 }),
          name: safeText({ min: 1, max: 200 }),
          description: safeText({ max: 2000 }).optional(),
          keywords: z
            .array(safeText({ max: 100 }))
            .max(100)
            .optional(),
        }),
      )
      .max(200),
    examples: z
      .array(z.object({ text: safeText({ max: 4000 }), topic_id: safeText({ max: 100 }) }))
      .max(2000)
      .optional(),
  })
  .openapi('ClassifyRequest');

const classifyResult = z
  .object({
    topic_id: z.string().nullable(),
    confidence: z.number().min(0).max(1),
    title: z.string(),
    tags: z.array(z.string()),
    alternatives: z.array(z.object({ topic_id: z.string(), confidence: z.number() })),
    source: z.enum(['model', 'offline']),
  })
  .openapi('ClassifyResult');

const understandBody = z
  .object({
    text: safeText({ min: 1, max: 5000 }),
    timezone: safeZoneName().optional().openapi({ example: 'Europe/Moscow' }),
    now: safeDateTime().optional(),
  })
  .openapi('UnderstandRequest');

const understandResult = z
  .object({
    intent: z.enum(['task', 'reminder', 'note', 'booking', 'chat']),
    title: z.string(),
    due_at: z.string().nullable().openapi({ example: '2026-03-03T10:00:00+03:00' }),
    all_day: z.boolean(),
    rrule: z.string().nullable(),
    priority: z.enum(['low', 'normal', 'high']).nullable(),
    category: z.string().nullable(),
    confidence: z.number(),
    language: z.enum(['ru', 'en']),
    source: z.enum(['model', 'offline']),
  })
  .openapi('UnderstandResult');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const classifyRoute = createRoute({
  method: 'post',
  operationId: 'classifyText',
  path: '/classify',
  tags: ['ai'],
  security: bearerSecurity,
  summary: 'Pick the best topic for a note',
  request: { body: { required: true, ...json(classifyBody) } },
  responses: {
    200: { description: 'The classification', ...json(classifyResult) },
    400: problemResponse('Invalid body'),
  },
});

const understandRoute = createRoute({
  method: 'post',
  operationId: 'understandText',
  path: '/understand',
  tags: ['ai'],
  security: bearerSecurity,
  summary: 'Say what a free-text message is: task, reminder, note, booking or chat',
  request: { body: { required: true, ...json(understandBody) } },
  responses: {
    200: { description: 'What was understood', ...json(understandResult) },
    400: problemResponse('Invalid body'),
  },
});

/** POST /classify and /understand; mount behind auth that sets `user`. */
export function createAiRoutes(deps: { ai: Ai; clock?: Clock }) {
  const clock = deps.clock ?? { now: () => new Date() };
  const app = new OpenAPIHono<AiRoutesEnv>({
    defaultHook: validationHook,
  });

  app.openapi(classifyRoute, async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    const result = await deps.ai.classifyNote(
      {
        note: { text: body.text, language: user.language },
        topics: body.topics,
        examples: (body.examples ?? []).map((e) => ({ text: e.text, topicId: e.topic_id })),
      },
      { userId: user.id, timezone: user.timezone },
    );
    const v = result.value;
    return c.json(
      {
        topic_id: v.topicId,
        confidence: v.confidence,
        title: v.title,
        tags: v.tags,
        alternatives: v.alternatives.map((a) => ({ topic_id: a.topicId, confidence: a.confidence })),
        source: result.source,
      },
      200,
    );
  });

  app.openapi(understandRoute, async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    const timezone = body.timezone ?? user.timezone;
    if (!isTimezone(timezone)) {
      return c.json(
        {
          type: '/problems/validation_failed',
          title: 'Validation failed',
          status: 400,
          detail: `Unknown timezone ${JSON.stringify(timezone)}; use an IANA name such as Europe/Moscow.`,
          code: 'validation_failed',
          errors: [{ path: 'timezone', message: 'unknown IANA timezone' }],
        },
        400,
        { 'content-type': 'application/problem+json' },
      );
    }
    const result = await deps.ai.understand(
      { text: body.text, timezone, now: body.now ? new Date(body.now) : clock.now() },
      { userId: user.id, timezone },
    );
    const { dueAt, allDay, ...v } = result.value;
    return c.json({ ...v, due_at: dueAt, all_day: allDay, source: result.source }, 200);
  });

  return app;
}
