import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import type { SpecialistInvites } from '../booking-invites.ts';
import { requireAdmin } from './booking-access.ts';

// A one-time invite link for a specialist (issue 37, item 10): the admin passes it on, the person
// opens it in Telegram and becomes that specialist. Mounted at /booking/specialists.
const id = z.string().uuid();
const InviteCreate = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ description: 'Their name as clients will see it' }),
    service_ids: z
      .array(id)
      .max(100)
      .optional()
      .openapi({ description: 'The services they offer; every service when left out' }),
    location_ids: z
      .array(id)
      .max(100)
      .optional()
      .openapi({ description: 'Where they work; every location when left out' }),
  })
  .openapi('BookingSpecialistInviteCreate', { example: { name: 'Sam' } });
const Invite = z
  .object({
    url: z
      .string()
      .openapi({ description: 'https://t.me/<bot>?start=spi_<token>: works once, until expires_at' }),
    expires_at: z.string().openapi({ description: 'ISO 8601' }),
  })
  .openapi('BookingSpecialistInvite');

const create = createRoute({
  method: 'post',
  operationId: 'createBookingSpecialistInvite',
  path: '/invites',
  tags: ['booking'],
  security,
  summary: 'A one-time link that makes whoever opens it in Telegram this specialist (admin)',
  request: { body: { ...jsonContent(InviteCreate), required: true } },
  responses: {
    201: { description: 'The link to pass on', ...jsonContent(Invite) },
    400: problem('Invalid input'),
    401: problem('Not signed in'),
    403: problem('Admins only'),
  },
});

export function createInviteRoutes(deps: { invites: SpecialistInvites; botLink: () => Promise<string> }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(create, async (c) => {
    const user = c.get('user');
    requireAdmin(user);
    const b = c.req.valid('json');
    const invite = await deps.invites.create({
      name: b.name,
      createdBy: user.id,
      serviceIds: b.service_ids,
      locationIds: b.location_ids,
    });
    return c.json(
      { url: `${await deps.botLink()}?start=${invite.payload}`, expires_at: invite.expiresAt.toISOString() },
      201,
    );
  });
  return app;
}
