import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type DeclaredPage, pagesFor } from '../capability/mini-app-pages.ts';
import type { AppEnv } from './app-env.ts';
import { validationHook } from './openapi-hook.ts';
import { bearerSecurity, jsonContent, problemResponse } from './openapi-parts.ts';

const AppManifest = z
  .object({
    pages: z
      .object({
        id: z.string().openapi({ description: 'The page, at /app/<id> in the Mini App', example: 'notes' }),
        capability: z.string().openapi({ example: 'notes' }),
      })
      .array(),
  })
  .openapi('MiniAppManifest');

const manifest = createRoute({
  method: 'get',
  operationId: 'listAppPages',
  path: '/app',
  tags: ['mini-app'],
  security: bearerSecurity,
  summary: "The capabilities' Mini App pages you may open (enabled capabilities, your roles)",
  responses: {
    200: { description: 'Pages in tab order', ...jsonContent(AppManifest) },
    401: problemResponse('Not signed in'),
  },
});

/** `GET /app`: what the Mini App shows this user besides its built-in pages. */
export function createMiniAppManifestRoutes(deps: { pages: readonly DeclaredPage[] }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(manifest, (c) => c.json({ pages: pagesFor(deps.pages, c.get('user').roles) }, 200));
  return app;
}
