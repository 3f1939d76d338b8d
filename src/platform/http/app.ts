import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { newTraceId, withTrace } from '../observability/trace.ts';
import type { AppEnv } from './app-env.ts';
import { createDocsRoutes } from './docs-page.ts';
import { createHealthRoutes } from './health-routes.ts';
import { serveOpenApiDocument } from './openapi-document.ts';
import { validationHook } from './openapi-hook.ts';
import { errorToProblem, problemJson } from './problem.ts';
import { createProblemPages } from './problem-pages.ts';
import { findControlCharacters, hasControlCharacters, jsonTooDeep } from './safe-input.ts';

export interface HttpAppDeps {
  logger: Logger;
  metrics: Metrics;
  /** Named dependency checks for /readyz (database, job queue, …). */
  readiness: Record<string, () => Promise<boolean>>;
  /** Versioned API resources, mounted under /api/v1. */
  api: Array<{ path: string; app: OpenAPIHono<AppEnv> }>;
  /** Other route groups mounted at the root (Telegram webhook, sandbox). */
  mounts?: Array<{ path: string; app: Hono | OpenAPIHono<AppEnv> }>;
  version: string;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string | undefined;
  /** Run on every request before any route: the sandbox's Host check, the pages' security headers. */
  guards?: MiddlewareHandler[] | undefined;
}

export const API_MAX_BYTES = 256 * 1024;
const OTHER_MAX_BYTES = 1024 * 1024;
const MAX_JSON_DEPTH = 32;
const controlCharacters = (c: Context, at: string) =>
  problemJson(
    c,
    422,
    'input_unprocessable',
    `${at}: must not contain control characters (only tab and newline are allowed)`,
    {
      errors: [
        { path: at, message: 'must not contain control characters (only tab and newline are allowed)' },
      ],
    },
  );
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The HTTP surface of one process: health, metrics, OpenAPI docs and the API. */
export function createHttpApp(deps: HttpAppDeps): OpenAPIHono<AppEnv> {
  const { logger, metrics } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Request id in and out; it doubles as the trace id of everything the request causes.
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : newTraceId();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await withTrace(requestId, next);
    const seconds = (performance.now() - started) / 1000;
    // The route template (not the raw path) keeps the label set small; 404s share one label.
    const handler = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
    const route = handler ? handler.path : 'unmatched';
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    if (!c.req.path.startsWith('/bot') && c.req.path !== '/healthz') {
      logger.debug(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) },
        'http',
      );
    }
  });

  for (const guard of deps.guards ?? []) app.use('*', guard);

  // Body limits before anything reads a body (login included): the API takes JSON of at most
  // 256 KB; other root paths 1 MB (the webhook sets its own after checking its secret). The
  // sandbox emulator (/sandbox, /bot<token>) is a dev tool with uploads and keeps its own rules.
  const tooLarge = (max: number) => (c: Context) =>
    problemJson(c, 413, 'body_too_large', `The request body is over ${Math.round(max / 1024)} KB`);
  app.use('/api/*', bodyLimit({ maxSize: API_MAX_BYTES, onError: tooLarge(API_MAX_BYTES) }));
  app.use('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path.startsWith('/sandbox') || path.startsWith('/bot')) return next();
    return bodyLimit({ maxSize: OTHER_MAX_BYTES, onError: tooLarge(OTHER_MAX_BYTES) })(c, next);
  });

  // The text policy of safe-input, for every API route at once (a route whose schema forgot
  // `safeText` is still covered): a control character in any JSON string or query value is a 422
  // before a handler runs, so it can neither reach the database (which refuses NUL) nor be stored.
  app.use('/api/*', async (c, next) => {
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (hasControlCharacters(name) || values.some(hasControlCharacters))
        return controlCharacters(c, `query.${name}`);
    }
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method)) return next();
    if (!/\bjson\b/i.test(c.req.header('content-type') ?? '')) return next();
    const text = await c.req.text();
    if (jsonTooDeep(text, MAX_JSON_DEPTH))
      return problemJson(c, 400, 'validation_failed', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return next(); // malformed JSON is the route's validation to report (400)
    }
    const at = findControlCharacters(body);
    return at ? controlCharacters(c, at) : next();
  });

  app.onError((error, c) => errorToProblem(error, c, logger));
  app.notFound((c) => problemJson(c, 404, 'route_not_found', `No route for ${c.req.method} ${c.req.path}`));

  app.route(
    '/',
    createHealthRoutes({
      metrics,
      readiness: deps.readiness,
      version: deps.version,
      metricsToken: deps.metricsToken,
    }),
  );

  for (const { path, app: sub } of deps.api) app.route(`/api/v1${path}`, sub);
  for (const { path, app: sub } of deps.mounts ?? []) app.route(path, sub as Hono);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'From POST /api/v1/auth/webapp (Mini App initData) or minted by the bot for a user',
  });
  serveOpenApiDocument(app, deps.version);
  app.route('/', createProblemPages());
  app.route('/', createDocsRoutes());
  return app;
}
