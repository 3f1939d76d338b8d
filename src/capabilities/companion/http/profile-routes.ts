import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  jsonContent as json,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import type { Profile, ProfileService } from '../profile-service.ts';

const tags = ['companion'];
const profileSchema = z
  .object({
    summary: z.string(),
    interests: z.array(z.string()),
    goals: z.array(z.string()),
    preferred_times: z.string(),
    stage: z.string().openapi({ description: 'Journey stage id (journey-stages.json)' }),
    progress: z.number().int().min(0).max(100).openapi({ description: 'How far along the stage, 0–100' }),
    progress_reason: z
      .string()
      .openapi({ description: 'Why: the model’s words, or the rules’ (share of active days) without one' }),
    edited_by_user: z.boolean(),
    refreshed_at: z.string().nullable(),
  })
  .openapi('CompanionProfile');
const editSchema = z
  .object({
    summary: z.string().trim().max(1000).optional(),
    interests: z.array(z.string().trim().min(1).max(60)).max(8).optional(),
    goals: z.array(z.string().trim().min(1).max(120)).max(5).optional(),
    preferred_times: z.string().trim().max(120).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .openapi('CompanionProfileEdit');

const toJson = (p: Profile) => ({
  summary: p.summary,
  interests: p.interests,
  goals: p.goals,
  preferred_times: p.preferredTimes,
  stage: p.stage,
  progress: p.progress,
  progress_reason: p.progressReason,
  edited_by_user: p.editedByUser,
  refreshed_at: p.refreshedAt?.toISOString() ?? null,
});

const path = '/profile';
const show = createRoute({
  method: 'get',
  operationId: 'getCompanionProfile',
  path,
  tags,
  security,
  summary: 'What the assistant knows about you',
  responses: { 200: { description: 'Your profile', ...json(profileSchema) } },
});
const edit = createRoute({
  method: 'put',
  operationId: 'updateCompanionProfile',
  path,
  tags,
  security,
  summary: 'Edit your profile (your words win over the nightly refresh)',
  request: { body: { required: true, ...json(editSchema) } },
  responses: { 200: { description: 'Edited', ...json(profileSchema) }, 400: problem('Invalid profile') },
});
const erase = createRoute({
  method: 'delete',
  operationId: 'deleteCompanionProfile',
  path,
  tags,
  security,
  summary: 'Erase your profile',
  responses: { 204: { description: 'Erased' } },
});

/** /api/v1/companion/profile (user access). */
export function createProfileRoutes(profiles: ProfileService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(show, async (c) => c.json(toJson(await profiles.get(c.get('user').id)), 200));
  app.openapi(edit, async (c) => {
    const { preferred_times, ...rest } = c.req.valid('json');
    const patch = { ...rest, ...(preferred_times !== undefined ? { preferredTimes: preferred_times } : {}) };
    return c.json(toJson(await profiles.edit(c.get('user').id, patch)), 200);
  });
  app.openapi(erase, async (c) => {
    await profiles.erase(c.get('user').id);
    return c.body(null, 204);
  });
  return app;
}
