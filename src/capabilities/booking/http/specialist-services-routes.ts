import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import type { BookingSetup } from '../booking-setup.ts';
import { requireAdmin } from './booking-access.ts';
import { IdParam } from './booking-schemas.ts';

// A specialist is linked to the services that exist when they are added; a service added later
// needs this (or the bot's tick boxes under a new service), or nobody can be booked for it.
const SpecialistServices = z
  .object({ service_ids: z.array(z.string().uuid()).max(100) })
  .openapi('BookingSpecialistServices');

const routes = {
  get: createRoute({
    method: 'get',
    operationId: 'getBookingSpecialistServices',
    path: '/specialists/{id}/services',
    tags: ['booking'],
    security,
    summary: 'The services a specialist provides (admin)',
    request: { params: IdParam },
    responses: {
      200: { description: 'Their services', ...jsonContent(SpecialistServices) },
      401: problem('Not signed in'),
      403: problem('Admins only'),
    },
  }),
  put: createRoute({
    method: 'put',
    operationId: 'updateBookingSpecialistServices',
    path: '/specialists/{id}/services',
    tags: ['booking'],
    security,
    summary: 'Replace the services a specialist provides (admin); bookings already made stay',
    request: { params: IdParam, body: { ...jsonContent(SpecialistServices), required: true } },
    responses: {
      200: { description: 'Saved', ...jsonContent(SpecialistServices) },
      400: problem('Invalid input'),
      401: problem('Not signed in'),
      403: problem('Admins only'),
      404: problem('No such specialist, or an unknown service'),
    },
  }),
};

export function addSpecialistServiceRoutes(app: OpenAPIHono<AppEnv>, setup: BookingSetup): void {
  app.openapi(routes.get, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    return c.json({ service_ids: await setup.servicesOf(id) }, 200);
  });
  app.openapi(routes.put, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    const saved = await setup.setServicesOf(id, c.req.valid('json').service_ids);
    return c.json({ service_ids: saved }, 200);
  });
}
