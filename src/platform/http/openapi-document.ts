import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { PROBLEM_MEANINGS, type ProblemStatus } from './openapi-parts.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  security?: Array<Record<string, string[]>>;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

/**
 * `/openapi.json`: the routes' own document, completed with what the platform answers for every
 * route alike, so no route has to repeat it: a bearer route may answer 401 (the auth guard) and
 * 429 (the per-user rate limit); a route that takes input may answer 400 (zod validation) and 422
 * (a control character in any query value or JSON string, checked before any handler, so on
 * every API route). What a route declares itself wins.
 */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>, version: string): void {
  let cached: unknown = null;
  app.get('/openapi.json', (c) => {
    cached ??= completeDocument(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Secretary API',
          version,
          description:
            'Tasks, reminders, notes and bookings of a self-hosted Telegram assistant. Errors are RFC 9457 ' +
            'problem+json whose `type` is a page on this server (`/problems/<code>`). Lists answer one page ' +
            '(`items`, `next_cursor`). docs/api.md in the repository walks through it with curl.',
          // `identifier` is OpenAPI 3.1's SPDX field; the generator's types know only 3.0's `url`.
          license: { name: 'MIT', identifier: 'MIT' } as { name: string },
          contact: { name: 'The operator of this Secretary server', url: '/' },
        },
        servers: [{ url: '/' }],
      }),
    );
    return c.json(cached);
  });
}

function completeDocument<T extends { paths?: object }>(doc: T): T {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const common = problems(
        ...(op.security?.some((s) => 'bearer' in s) ? ([401, 429] as const) : []),
        ...(op.parameters?.length || op.requestBody ? ([400] as const) : []),
        422,
      );
      op.responses = { ...op.responses, ...common, ...op.responses };
    }
  }
  return doc;
}

/** The generated document's own form of `openapi-parts`' problem responses (a $ref, not zod). */
const problems = (...statuses: ProblemStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_MEANINGS[status],
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
