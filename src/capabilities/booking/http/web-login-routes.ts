import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { jsonContent, problemResponse as problem } from '../../../platform/http/openapi-parts.ts';
import type { WebSupport } from '../../capability.ts';
import { addressBucket } from '../web/identity-keys.ts';
import type { createLoginCodes } from '../web/login-codes.ts';

const tags = ['booking'];
const Identity = z.string().min(1).max(200).openapi({ example: '+491512345678' });

const CodeRequest = z
  .object({ identity: Identity, language: z.enum(['en', 'ru']).optional() })
  .openapi('BookingLoginCodeRequest');
const CodeSent = z.object({ expires_in_seconds: z.number().int() }).openapi('BookingLoginCodeSent');
const CodeVerify = z
  .object({
    identity: Identity,
    code: z.string().regex(/^\d{6}$/),
    language: z.enum(['en', 'ru']).optional(),
  })
  .openapi('BookingLoginVerify');
const Session = z
  .object({ token: z.string(), expires_at: z.string() })
  .openapi('BookingWebSession', { description: 'A platform bearer token for this web client' });

const routes = {
  code: createRoute({
    method: 'post',
    operationId: 'requestBookingWebLoginCode',
    security: [],
    path: '/login/code',
    tags,
    summary: 'Web client sign-in, step 1: send a 6-digit code to a phone number or e-mail (valid 10 min)',
    request: { body: { ...jsonContent(CodeRequest), required: true } },
    responses: {
      202: { description: 'Code sent', ...jsonContent(CodeSent) },
      400: problem('Not a phone number or e-mail'),
      429: problem('Too many codes for this identity or address'),
      503: problem('This server has no way to send codes (no SMS/e-mail provider wired)'),
    },
  }),
  verify: createRoute({
    method: 'post',
    operationId: 'verifyBookingWebLoginCode',
    security: [],
    path: '/login/verify',
    tags,
    summary:
      'Web client sign-in, step 2: exchange a code for a bearer token (any live code of the identity; 5 wrong tries per code; used once)',
    request: { body: { ...jsonContent(CodeVerify), required: true } },
    responses: {
      200: { description: 'Signed in', ...jsonContent(Session) },
      400: problem('Invalid input'),
      401: problem('Wrong, used or expired code'),
      429: problem('Too many wrong codes from this address'),
    },
  }),
};

/** The JSON twin of the page's sign-in, for API clients (a web app): public, limited per identity and IP. */
export function createWebLoginRoutes(deps: { codes: ReturnType<typeof createLoginCodes>; web: WebSupport }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const wrongByIp = new RateLimiterMemory({ points: 20, duration: 15 * 60 });
  app.openapi(routes.code, async (c) => {
    const body = c.req.valid('json');
    await deps.codes.request(body.identity, { ip: deps.web.clientIp(c), language: body.language ?? 'en' });
    return c.json({ expires_in_seconds: 600 }, 202);
  });
  app.openapi(routes.verify, async (c) => {
    const body = c.req.valid('json');
    // Per requester as the code limits count them: an IPv6 /64 is one.
    const ip = addressBucket(deps.web.clientIp(c) ?? 'unknown');
    const seen = await wrongByIp.get(ip);
    if (seen && seen.consumedPoints >= 20)
      throw new DomainError(
        'rate_limited',
        'booking_code_rate_limited',
        'Too many wrong codes; wait 15 minutes',
      );
    try {
      const user = await deps.codes.verify(body.identity, body.code, body.language ?? 'en');
      const { token, expiresAt } = await deps.web.mintToken(user);
      return c.json({ token, expires_at: expiresAt.toISOString() }, 200);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'booking_code_wrong')
        await wrongByIp.penalty(ip, 1).catch(() => undefined);
      throw error;
    }
  });
  return app;
}
