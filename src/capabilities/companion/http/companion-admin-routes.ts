import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  jsonContent as json,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import { safeText, UNPROCESSABLE } from '../../../platform/http/safe-input.ts';
import {
  type CompanionSettings,
  cooldownForApi,
  cooldownPerTrigger,
  type SettingsStore,
} from '../companion-settings.ts';
import type { Engagement } from '../engagement.ts';
import { HARD_LIMITS, TRIGGERS } from '../proactive-gate.ts';
import type { Recommendation, Recommendations } from '../recommendations.ts';

const tags = ['companion'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5));
const hard = (message: string) => ({ message, params: UNPROCESSABLE });

const cooldownHours = z
  .number()
  .int()
  .min(0)
  .refine((h) => h <= HARD_LIMITS.cooldownHours, hard(`at most ${HARD_LIMITS.cooldownHours} hours`));
const cooldownSchema = z
  .union([
    cooldownHours,
    z
      .object(
        Object.fromEntries(TRIGGERS.map((t) => [t, cooldownHours])) as Record<
          (typeof TRIGGERS)[number],
          typeof cooldownHours
        >,
      )
      .strict(),
  ])
  .openapi({
    description:
      'Hours before the same trigger may write to a person again (0–168): one number for every trigger, ' +
      `or hours per trigger (${TRIGGERS.join(', ')}). Answered as one number when all are alike.`,
  });

const settingsSchema = z
  .object({
    persona: z
      .object({
        name: safeText({ min: 1, max: 40 }).openapi({ description: 'The companion’s name' }),
        tone: safeText({ min: 1, max: 40 }).openapi({
          description: 'How it speaks, in a few words (e.g. friendly, calm, formal)',
          example: 'friendly',
        }),
      })
      .strict(),
    limits: z
      .object({
        per_day: z
          .number()
          .int()
          .min(0)
          .refine((n) => n <= HARD_LIMITS.maxPerDay, hard('at most 2 check-ins a day')),
        window_start: z.string().regex(HHMM).openapi({ description: 'HH:MM local, not before 08:00' }),
        window_end: z.string().regex(HHMM).openapi({ description: 'HH:MM local, not after 22:00' }),
        cooldown_hours: cooldownSchema,
      })
      .strict()
      .superRefine((l, ctx) => {
        if (!HHMM.test(l.window_start) || !HHMM.test(l.window_end)) return;
        const issue = (path: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [path], message, params: UNPROCESSABLE });
        if (minutes(l.window_start) < HARD_LIMITS.fromMinute) issue('window_start', 'not before 08:00');
        if (minutes(l.window_end) > HARD_LIMITS.toMinute) issue('window_end', 'not after 22:00');
        if (minutes(l.window_start) >= minutes(l.window_end))
          issue('window_end', 'must be after window_start');
      }),
  })
  .strict()
  .openapi('CompanionSettings');

const STAGE_ID = /^[a-z][a-z-]{1,30}$/;
const httpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(500)
  .openapi({ description: 'An http(s) link', example: 'https://example.org/guide' });

const recommendationSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    url: z.string(),
    stages: z.array(z.string()),
    created_at: z.string().datetime({ offset: true }),
    updated_at: z.string().datetime({ offset: true }),
  })
  .openapi('CompanionRecommendation');

const toJson = (r: Recommendation) => ({
  id: r.id,
  title: r.title,
  url: r.url,
  stages: r.stages,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});

const weekSchema = z
  .object({
    week_start: z.string().openapi({ description: 'Monday (UTC) that starts the week, YYYY-MM-DD' }),
    check_ins_sent: z.number().int(),
    check_ins_answered: z.number().int(),
    opt_outs: z.number().int(),
    by_stage: z.record(z.string(), z.number().int()),
  })
  .openapi('CompanionEngagementWeek');

const params = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** /api/v1/admin/companion/{settings,recommendations,engagement} (admins only). */
export function createCompanionAdminRoutes(deps: {
  settings: SettingsStore;
  recommendations: Recommendations;
  engagement: Engagement;
  stages: readonly string[];
}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const stagesSchema = z
    .array(z.string().regex(STAGE_ID))
    .min(1)
    .max(deps.stages.length)
    .refine((list) => list.every((s) => deps.stages.includes(s)), {
      message: `each stage one of: ${deps.stages.join(', ')}`,
    })
    .refine((list) => new Set(list).size === list.length, { message: 'each stage once' })
    .openapi({ description: `Journey stages it suits: ${deps.stages.join(', ')}` });
  const inputSchema = z
    .object({ title: safeText({ min: 1, max: 120 }), url: httpUrl, stages: stagesSchema })
    .strict()
    .openapi('CompanionRecommendationInput');
  const patchSchema = inputSchema
    .partial()
    .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
    .openapi('CompanionRecommendationPatch');

  const getSettings = createRoute({
    method: 'get',
    operationId: 'getCompanionSettings',
    path: '/settings',
    tags,
    security,
    summary: 'The companion’s persona and proactivity limits (defaults until an admin sets them)',
    responses: { 200: { description: 'Settings', ...json(settingsSchema) } },
  });
  const putSettings = createRoute({
    method: 'put',
    operationId: 'updateCompanionSettings',
    path: '/settings',
    tags,
    security,
    summary: 'Set the persona and proactivity limits',
    description:
      'Hard limits no setting can pass (422): per_day ≤ 2, the window within 08:00–22:00 local with ' +
      'start before end, cooldown_hours per trigger 0–168. The next check-in run reads them.',
    request: { body: { required: true, ...json(settingsSchema) } },
    responses: {
      200: { description: 'Saved', ...json(settingsSchema) },
      400: problem('Malformed settings'),
      422: problem('Beyond the hard limits'),
    },
  });
  const list = createRoute({
    method: 'get',
    operationId: 'listCompanionRecommendations',
    path: '/recommendations',
    tags,
    security,
    summary: 'The recommendations catalogue, oldest first',
    responses: {
      200: { description: 'Recommendations', ...json(z.object({ items: z.array(recommendationSchema) })) },
    },
  });
  const create = createRoute({
    method: 'post',
    operationId: 'createCompanionRecommendation',
    path: '/recommendations',
    tags,
    security,
    summary:
      'Add a recommendation (a check-in carries at most one, matching the person’s stage, never twice)',
    request: { body: { required: true, ...json(inputSchema) } },
    responses: {
      201: { description: 'Added', ...json(recommendationSchema) },
      400: problem('Invalid recommendation'),
      422: problem('Control characters in the title'),
    },
  });
  const update = createRoute({
    method: 'patch',
    operationId: 'updateCompanionRecommendation',
    path: '/recommendations/{id}',
    tags,
    security,
    summary: 'Change a recommendation',
    request: { params, body: { required: true, ...json(patchSchema) } },
    responses: {
      200: { description: 'Changed', ...json(recommendationSchema) },
      400: problem('Invalid change'),
      404: problem('No such recommendation'),
      422: problem('Control characters in the title'),
    },
  });
  const remove = createRoute({
    method: 'delete',
    operationId: 'deleteCompanionRecommendation',
    path: '/recommendations/{id}',
    tags,
    security,
    summary: 'Remove a recommendation (and the record of who got it)',
    request: { params },
    responses: { 204: { description: 'Removed' }, 404: problem('No such recommendation') },
  });
  const engagement = createRoute({
    method: 'get',
    operationId: 'getCompanionEngagement',
    path: '/engagement',
    tags,
    security,
    summary: 'Engagement by week: check-ins sent and answered, opt-outs, people per stage',
    description:
      'Weeks start Monday 00:00 UTC, oldest first; the current week is the last and partial. ' +
      '`check_ins_answered`: sent check-ins after which the person wrote to the companion or pressed ' +
      'one of the check-in’s buttons within 24 hours. `opt_outs`: times someone switched check-ins ' +
      'off (the button or the setting). `by_stage`: people by their latest journey reading (the ' +
      'nightly refresh) before the week’s end. Check-ins older than COMPANION_RETENTION_DAYS are deleted, ' +
      'so weeks before it count only what is kept.',
    request: {
      query: z.object({ weeks: z.coerce.number().int().min(1).max(52).default(8).optional() }),
    },
    responses: {
      200: { description: 'Weeks', ...json(z.object({ weeks: z.array(weekSchema) })) },
      400: problem('weeks outside 1–52'),
    },
  });

  const forApi = (settings: CompanionSettings) => ({
    ...settings,
    limits: { ...settings.limits, cooldown_hours: cooldownForApi(settings.limits.cooldown_hours) },
  });
  app.openapi(getSettings, async (c) => c.json(forApi(await deps.settings.get()), 200));
  app.openapi(putSettings, async (c) => {
    const body = c.req.valid('json');
    const settings = {
      ...body,
      limits: { ...body.limits, cooldown_hours: cooldownPerTrigger(body.limits.cooldown_hours) },
    };
    return c.json(forApi(await deps.settings.put(settings, c.get('user').id)), 200);
  });
  app.openapi(list, async (c) => c.json({ items: (await deps.recommendations.list()).map(toJson) }, 200));
  app.openapi(create, async (c) =>
    c.json(toJson(await deps.recommendations.create(c.req.valid('json'))), 201),
  );
  app.openapi(update, async (c) =>
    c.json(toJson(await deps.recommendations.update(c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(remove, async (c) => {
    await deps.recommendations.remove(c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(engagement, async (c) =>
    c.json({ weeks: await deps.engagement(c.req.valid('query').weeks ?? 8) }, 200),
  );
  return app;
}
