import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DomainError } from '../errors/domain-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireAuth } from '../http/auth-middleware.ts';
import { validationHook } from '../http/openapi-hook.ts';
import { problemResponse } from '../http/openapi-parts.ts';
import { safeZoneName } from '../http/safe-input.ts';
import type { User, UserService } from '../users/user-service.ts';
import type { ApiTokens } from './api-tokens.ts';
import { validateInitData } from './init-data.ts';
import type { LoginLinks } from './login-links.ts';
import { LOGIN_WIDGET_MAX_AGE_SECONDS, validateLoginWidget } from './login-widget.ts';
import type { SessionStore } from './session-store.ts';

export const UserSchema = z
  .object({
    id: z.string().uuid(),
    telegram_id: z.number().int().nullable(),
    first_name: z.string(),
    last_name: z.string().nullable(),
    username: z.string().nullable(),
    language: z.enum(['ru', 'en']),
    timezone: z.string(),
    roles: z.array(z.string()),
    quiet_hours: z.object({ start: z.string(), end: z.string() }).nullable(),
    created_at: z.string().datetime({ offset: true }),
  })
  .openapi('User');

export function toUserDto(user: User): z.infer<typeof UserSchema> {
  return {
    id: user.id,
    telegram_id: user.telegramId,
    first_name: user.firstName,
    last_name: user.lastName,
    username: user.username,
    language: user.language,
    timezone: user.timezone,
    roles: user.roles,
    quiet_hours:
      user.quietHoursStart && user.quietHoursEnd
        ? { start: user.quietHoursStart, end: user.quietHoursEnd }
        : null,
    created_at: user.createdAt.toISOString(),
  };
}

const TokenGranted = z
  .object({ token: z.string(), expires_at: z.string().datetime({ offset: true }), user: UserSchema })
  .openapi('TokenGranted');

const webappRoute = createRoute({
  method: 'post',
  operationId: 'signInWithInitData',
  security: [],
  path: '/auth/webapp',
  tags: ['auth'],
  summary: 'Exchange Telegram Mini App initData for a short-lived bearer token',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ init_data: z.string().min(1).max(8192) }) } },
    },
  },
  responses: {
    200: { description: 'Token minted', content: { 'application/json': { schema: TokenGranted } } },
    400: problemResponse('Malformed request'),
    401: problemResponse('initData forged, tampered with or expired'),
  },
});

const linkRoute = createRoute({
  method: 'post',
  operationId: 'signInWithLink',
  security: [],
  path: '/auth/link',
  tags: ['auth'],
  summary: 'Exchange a one-time sign-in link token (`/web` in the bot) for a short-lived bearer token',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            token: z
              .string()
              .min(16)
              .max(128)
              .regex(/^[A-Za-z0-9_-]+$/),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Token minted', content: { 'application/json': { schema: TokenGranted } } },
    400: problemResponse('Malformed request'),
    401: problemResponse(
      'The link is unknown, expired or used already (login_link_invalid / _expired / _used)',
    ),
  },
});

const widgetConfigRoute = createRoute({
  method: 'get',
  operationId: 'getLoginWidget',
  security: [],
  path: '/auth/widget',
  tags: ['auth'],
  summary: 'Whether a browser outside Telegram can log in with the Telegram Login Widget, and as which bot',
  responses: {
    200: {
      description: 'The widget is offered only with an https PUBLIC_URL (its domain set with /setdomain)',
      content: {
        'application/json': {
          schema: z
            .object({ enabled: z.boolean(), bot_username: z.string().nullable() })
            .openapi('LoginWidgetConfig'),
        },
      },
    },
  },
});

const widgetRoute = createRoute({
  method: 'post',
  operationId: 'signInWithWidget',
  security: [],
  path: '/auth/widget',
  tags: ['auth'],
  summary: 'Exchange Telegram Login Widget data (its data-onauth user object) for a short-lived bearer token',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
              first_name: z.string().min(1).max(256),
              last_name: z.string().max(256).optional(),
              username: z.string().max(64).optional(),
              photo_url: z.string().max(2048).optional(),
              auth_date: z.number().int().positive(),
              hash: z.string().regex(/^[0-9a-fA-F]{64}$/),
            })
            .strict()
            .openapi('LoginWidgetData'),
        },
      },
    },
  },
  responses: {
    200: { description: 'Token minted', content: { 'application/json': { schema: TokenGranted } } },
    400: problemResponse('Malformed request'),
    401: problemResponse('Forged, replayed or expired login (login_widget_invalid / _expired / _replayed)'),
    403: problemResponse('The widget is disabled here (login_widget_disabled): no https PUBLIC_URL'),
  },
});

const meRoute = createRoute({
  method: 'get',
  operationId: 'getMe',
  path: '/me',
  tags: ['auth'],
  summary: 'The user the bearer token belongs to',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The current user', content: { 'application/json': { schema: UserSchema } } },
    401: problemResponse('Missing, invalid or expired token'),
  },
});

const updateMeRoute = createRoute({
  method: 'patch',
  operationId: 'updateMe',
  path: '/me',
  tags: ['auth'],
  summary: 'Change your language or timezone (the bot and the Mini App use them)',
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              language: z.enum(['ru', 'en']).optional(),
              timezone: safeZoneName().optional().openapi({ example: 'Europe/Berlin' }),
            })
            .strict()
            .openapi('UserPatch'),
        },
      },
    },
  },
  responses: {
    200: { description: 'The changed user', content: { 'application/json': { schema: UserSchema } } },
    400: problemResponse('Malformed request or an unknown IANA timezone'),
    401: problemResponse('Missing, invalid or expired token'),
  },
});

const signedOut = {
  200: {
    description: 'Signed out',
    content: { 'application/json': { schema: z.object({ signed_out: z.enum(['token', 'everywhere']) }) } },
  },
  401: problemResponse('Missing, invalid or expired token'),
};

const logoutRoute = createRoute({
  method: 'post',
  operationId: 'signOut',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out this token (it stops working at once)',
  security: [{ bearer: [] }],
  responses: signedOut,
});

const logoutAllRoute = createRoute({
  method: 'post',
  operationId: 'signOutEverywhere',
  path: '/auth/logout-all',
  tags: ['auth'],
  summary: 'Sign out everywhere: every token of this user issued so far stops working',
  security: [{ bearer: [] }],
  responses: signedOut,
});

export function createAuthRoutes(deps: {
  tokens: ApiTokens;
  users: UserService;
  sessions: SessionStore;
  loginLinks: LoginLinks;
  botToken: string;
  initDataMaxAgeSeconds: number;
  /** The bot's username when the Login Widget can work here (an https PUBLIC_URL), else null. */
  widgetBot?: () => string | null;
  now: () => Date;
}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  /** A short-lived bearer token for a signed-in person (every sign-in route answers the same). */
  const granted = async (user: User): Promise<z.infer<typeof TokenGranted>> => {
    const { token, expiresAt } = await deps.tokens.mint({
      sub: user.id,
      tg: user.telegramId,
      roles: user.roles,
      via: 'webapp',
      tv: user.tokenVersion,
    });
    return { token, expires_at: expiresAt.toISOString(), user: toUserDto(user) };
  };
  app.openapi(webappRoute, async (c) => {
    const { init_data } = c.req.valid('json');
    const valid = validateInitData(init_data, deps.botToken, {
      maxAgeSeconds: deps.initDataMaxAgeSeconds,
      now: deps.now(),
    });
    // A valid initData is good for one exchange: a copy (a log, a proxy, a shared link) is not a login.
    const hash = new URLSearchParams(init_data).get('hash') ?? '';
    const validUntil = new Date(valid.authDate.getTime() + deps.initDataMaxAgeSeconds * 1000);
    if (!(await deps.sessions.claimInitData(hash, validUntil)))
      throw new DomainError(
        'unauthorized',
        'init_data_replayed',
        'This initData was already used to sign in: open the Mini App again',
      );
    const user = await deps.users.upsertFromTelegram(valid.user);
    return c.json(await granted(user), 200);
  });
  app.openapi(linkRoute, async (c) => {
    const userId = await deps.loginLinks.redeem(c.req.valid('json').token);
    const user = await deps.users.getById(userId);
    if (!user)
      throw new DomainError(
        'unauthorized',
        'login_link_invalid',
        'This sign-in link is not valid: send /web to the bot for a new one',
      );
    return c.json(await granted(user), 200);
  });
  app.openapi(widgetConfigRoute, (c) => {
    const bot = deps.widgetBot?.() ?? null;
    return c.json({ enabled: bot !== null, bot_username: bot }, 200);
  });
  app.openapi(widgetRoute, async (c) => {
    // What GET /auth/widget calls disabled is disabled: no sign-in by widget data then.
    if ((deps.widgetBot?.() ?? null) === null)
      throw new DomainError(
        'forbidden',
        'login_widget_disabled',
        'Login with Telegram is not offered on this server (it needs an https PUBLIC_URL)',
      );
    const data = c.req.valid('json');
    const maxAgeSeconds = Math.min(deps.initDataMaxAgeSeconds, LOGIN_WIDGET_MAX_AGE_SECONDS);
    const valid = validateLoginWidget(data, deps.botToken, { maxAgeSeconds, now: deps.now() });
    // Like initData: one signed login is one sign-in, a copy of it is not a login.
    const validUntil = new Date(valid.authDate.getTime() + maxAgeSeconds * 1000);
    if (!(await deps.sessions.claimInitData(`widget:${data.hash}`, validUntil)))
      throw new DomainError(
        'unauthorized',
        'login_widget_replayed',
        'This Telegram login was already used: log in with Telegram again',
      );
    // A known person signs in as they are (a login is not a message to the bot); a new one is created.
    const user =
      (await deps.users.getByTelegramId(valid.user.id)) ?? (await deps.users.upsertFromTelegram(valid.user));
    return c.json(await granted(user), 200);
  });
  for (const path of ['/me', '/auth/logout', '/auth/logout-all']) app.use(path, requireAuth(deps));
  app.openapi(meRoute, (c) => c.json(toUserDto(c.get('user')), 200));
  app.openapi(updateMeRoute, async (c) => {
    const { language, timezone } = c.req.valid('json');
    if (!language && !timezone) return c.json(toUserDto(c.get('user')), 200); // nothing to change
    const user = await deps.users.updateSettings(c.get('user').id, {
      ...(language ? { language } : {}),
      ...(timezone ? { timezone, timezoneConfirmed: true } : {}),
    });
    return c.json(toUserDto(user), 200);
  });
  app.openapi(logoutRoute, async (c) => {
    const claims = c.get('claims');
    await deps.sessions.revokeToken({ jti: claims.jti, userId: claims.sub, expiresAt: claims.expiresAt });
    return c.json({ signed_out: 'token' as const }, 200);
  });
  app.openapi(logoutAllRoute, async (c) => {
    await deps.sessions.revokeAllTokens(c.get('user').id);
    return c.json({ signed_out: 'everywhere' as const }, 200);
  });
  return app;
}
