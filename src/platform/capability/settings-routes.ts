import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/openapi-hook.ts';
import {
  jsonContent as json,
  problemResponse as problem,
  bearerSecurity as security,
} from '../http/openapi-parts.ts';
import type { SettingDefinition, SettingsRegistry, SettingValue } from './settings.ts';

const tags = ['settings'];
const value = z.union([z.boolean(), z.string().max(64), z.null()]);
const settingSchema = z
  .object({
    key: z.string(),
    kind: z.enum(['toggle', 'choice', 'time']),
    choices: z.array(z.string()).optional(),
    value,
  })
  .openapi('Setting');

const toJson = (definition: SettingDefinition, current: SettingValue) => ({
  key: definition.key,
  kind: definition.kind,
  ...(definition.kind === 'choice' ? { choices: [...definition.choices] } : {}),
  value: current,
});

const list = createRoute({
  method: 'get',
  operationId: 'listSettings',
  path: '/',
  tags,
  security,
  summary: "Every capability's settings with your values",
  responses: { 200: { description: 'Settings', ...json(z.object({ settings: z.array(settingSchema) })) } },
});

const put = createRoute({
  method: 'put',
  operationId: 'updateSetting',
  path: '/{key}',
  tags,
  security,
  summary: 'Change one setting (toggle: boolean; choice: one of choices; time: "HH:MM" or null)',
  request: {
    params: z.object({
      key: z
        .string()
        .max(64)
        .openapi({ param: { name: 'key', in: 'path' } }),
    }),
    body: { required: true, ...json(z.object({ value })) },
  },
  responses: {
    200: { description: 'Changed', ...json(settingSchema) },
    400: problem('Invalid value'),
    404: problem('No such setting'),
  },
});

/** The one settings API, assembled from what capabilities contribute; mount behind user auth. */
export function createSettingsRoutes(settings: SettingsRegistry): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(list, async (c) => {
    const all = await settings.all(c.get('user').id);
    return c.json({ settings: all.map((s) => toJson(s.definition, s.value)) }, 200);
  });
  app.openapi(put, async (c) => {
    const { key } = c.req.valid('param');
    const saved = await settings.set(c.get('user').id, key, c.req.valid('json').value);
    const definition = settings.definitions.find((d) => d.key === key) as SettingDefinition;
    return c.json(toJson(definition, saved), 200);
  });
  return app;
}
