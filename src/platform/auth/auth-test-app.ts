// Test-only: the auth routes in a whole HTTP app (quiet logger, no default metrics), as the auth
// route tests build it; each test gives the clock, the bot token and whatever else it varies.
import { deriveKey } from '../crypto/keys.ts';
import type { Db } from '../db/database.ts';
import { createHttpApp } from '../http/app.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import type { UserService } from '../users/user-service.ts';
import { createApiTokens } from './api-tokens.ts';
import { createAuthRoutes } from './auth-routes.ts';
import { createLoginLinks, type LoginLinks } from './login-links.ts';
import { createSessionStore } from './session-store.ts';

export function createAuthTestApp(deps: {
  db: Db;
  users: UserService;
  botToken: string;
  now: () => Date;
  /** The test's own login links (to issue tokens); a fresh store on `db` unless given. */
  loginLinks?: LoginLinks;
  widgetBot?: () => string | null;
}): ReturnType<typeof createHttpApp> {
  const { db, now } = deps;
  return createHttpApp({
    logger: createLogger({ level: 'silent', pretty: false }),
    metrics: createMetrics({ defaultMetrics: false }),
    version: 'test',
    readiness: {},
    api: [
      {
        path: '',
        app: createAuthRoutes({
          tokens: createApiTokens({ key: deriveKey('x'.repeat(32), 'api-token'), ttlSeconds: 3600, now }),
          users: deps.users,
          sessions: createSessionStore({ db, now }),
          loginLinks: deps.loginLinks ?? createLoginLinks({ db, now }),
          botToken: deps.botToken,
          initDataMaxAgeSeconds: 3600,
          ...(deps.widgetBot ? { widgetBot: deps.widgetBot } : {}),
          now,
        }),
      },
    ],
  });
}
