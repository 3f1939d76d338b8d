import { Hono } from 'hono';
import { ControlError } from '../core/api-error.ts';
import { isCrossSite } from '../security/request-guard.ts';
import { createAdminRoutes } from './admin-routes.ts';
import { createChatsRoutes } from './chats-routes.ts';
import { type ControlDeps, problemBody } from './control-deps.ts';
import { createEventsRoute } from './events-route.ts';
import { createMessagesRoutes } from './messages-routes.ts';
import { createUsersRoutes } from './users-routes.ts';

/** The JSON control API under /sandbox/api (errors are application/problem+json). */
export function createControlRoutes(deps: ControlDeps, closing: AbortSignal): Hono {
  const api = new Hono();
  // Only the sandbox's own page (same origin) and local tools drive it; another site's page may not.
  api.use('*', async (c, next) => {
    if (!isCrossSite(c.req.raw)) return next();
    return c.json(
      { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'cross-site requests are refused' },
      403,
      { 'content-type': 'application/problem+json' },
    );
  });
  api.route('/', createUsersRoutes(deps));
  api.route('/', createChatsRoutes(deps));
  api.route('/', createMessagesRoutes(deps));
  api.route('/', createAdminRoutes(deps));
  api.route('/', createEventsRoute(deps, closing));
  api.notFound((c) =>
    c.json(
      {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `no route ${c.req.method} ${c.req.path}`,
      },
      404,
      {
        'content-type': 'application/problem+json',
      },
    ),
  );
  api.onError((error, c) => {
    if (error instanceof ControlError) {
      deps.ctx.logger.info(
        { status: error.status, detail: error.message },
        'sandbox control API rejected a request',
      );
      return c.json(problemBody(error), error.status, { 'content-type': 'application/problem+json' });
    }
    deps.ctx.logger.error({ err: error }, 'sandbox control API failed');
    return c.json(
      { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'internal error' },
      500,
      {
        'content-type': 'application/problem+json',
      },
    );
  });
  return api;
}
