import { createRoute, type Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/openapi-hook.ts';
import { jsonContent, problemResponse, bearerSecurity as security } from '../http/openapi-parts.ts';
import { problemJson } from '../http/problem.ts';
import type { UserService } from '../users/user-service.ts';
import type { PersonalSettingsService } from './personal-settings.ts';

const tags = ['settings'];

/** A wrong field in a well-formed body is a 422 naming it (every one), before anything is stored. */
// biome-ignore lint/suspicious/noExplicitAny: the hook serves the PUT and the PATCH body alike.
const refuseWhole: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return problemJson(
    c,
    422,
    'settings_invalid',
    `Nothing was changed: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`,
    { errors, fields: errors.map((e) => e.path) },
  );
};

/** `/me/settings`: every personal setting the bot has, as one object to read, replace or patch. */
export function createPersonalSettingsRoutes(
  settings: PersonalSettingsService,
  users: UserService,
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const answer = { 200: { description: 'Your settings', ...jsonContent(settings.output) } };
  const refused = {
    400: problemResponse('The body is not JSON'),
    422: problemResponse('A field is wrong (settings_invalid; `errors` names each); nothing was changed'),
  };
  const body = (partial: boolean) => ({
    required: true,
    ...jsonContent(
      settings.input(partial).openapi(partial ? 'PersonalSettingsPatch' : 'PersonalSettingsPut'),
    ),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getMySettings',
      tags,
      security,
      summary: 'Every personal setting: language, timezone, quiet hours, notifications and each capability’s',
      responses: answer,
    }),
    async (c) => c.json(await settings.read(c.get('user')), 200),
  );
  for (const [method, partial] of [
    ['put', false],
    ['patch', true],
  ] as const) {
    app.openapi(
      createRoute({
        method,
        path: '/',
        operationId: partial ? 'updateMySettings' : 'replaceMySettings',
        tags,
        security,
        summary: partial
          ? 'Change some settings (any subset of the object GET answers)'
          : 'Replace every setting (the whole object GET answers; read-only fields are ignored)',
        request: { body: body(partial) },
        responses: { ...answer, ...refused },
      }),
      async (c) => {
        await settings.write(c.get('user'), c.req.valid('json') as Record<string, unknown>);
        const user = (await users.getById(c.get('user').id)) ?? c.get('user');
        return c.json(await settings.read(user), 200);
      },
      refuseWhole,
    );
  }
  return app;
}
