import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import type { BookingSetup } from '../booking-setup.ts';
import type { Assignment } from '../specialist-services.ts';
import { requireAdmin } from './booking-access.ts';
import { IdParam } from './booking-schemas.ts';

// Which specialist offers which service where (issue 31). A service added after a specialist is
// bookable once assigned to them somewhere. `service_ids` alone (the older contract) offers those
// services at every location the specialist works at.
const id = z.string().uuid();
const AssignmentSchema = z.object({ service_id: id, location_id: id });
const SpecialistServicesPut = z
  .object({
    assignments: z.array(AssignmentSchema).max(1000).optional(),
    service_ids: z
      .array(id)
      .max(100)
      .optional()
      .openapi({ description: 'Older form: these services at every location the specialist works at' }),
  })
  .refine((b) => (b.assignments === undefined) !== (b.service_ids === undefined), {
    message: 'send either assignments or service_ids',
  })
  .openapi('BookingSpecialistServicesPut', { example: { assignments: [] } });
const SpecialistServices = z
  .object({
    assignments: z.array(AssignmentSchema),
    service_ids: z.array(id).openapi({ description: 'The services offered anywhere' }),
  })
  .openapi('BookingSpecialistServices');

const routes = {
  get: createRoute({
    method: 'get',
    operationId: 'getBookingSpecialistServices',
    path: '/specialists/{id}/services',
    tags: ['booking'],
    security,
    summary: 'Which services a specialist offers where (admin)',
    request: { params: IdParam },
    responses: {
      200: { description: 'Their assignments', ...jsonContent(SpecialistServices) },
      401: problem('Not signed in'),
      403: problem('Admins only'),
      404: problem('No such specialist'),
    },
  }),
  put: createRoute({
    method: 'put',
    operationId: 'updateBookingSpecialistServices',
    path: '/specialists/{id}/services',
    tags: ['booking'],
    security,
    summary:
      'Replace which services a specialist offers where (admin); slots follow at once, bookings already made stay',
    request: { params: IdParam, body: { ...jsonContent(SpecialistServicesPut), required: true } },
    responses: {
      200: { description: 'Saved', ...jsonContent(SpecialistServices) },
      400: problem('Invalid input'),
      401: problem('Not signed in'),
      403: problem('Admins only'),
      404: problem('No such specialist, or an unknown service or location'),
    },
  }),
};

const dto = (list: Assignment[]) => ({
  assignments: list.map((a) => ({ service_id: a.serviceId, location_id: a.locationId })),
  service_ids: [...new Set(list.map((a) => a.serviceId))],
});

export function addSpecialistServiceRoutes(app: OpenAPIHono<AppEnv>, setup: BookingSetup): void {
  app.openapi(routes.get, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    return c.json(dto(await setup.assignmentsOf(id)), 200);
  });
  app.openapi(routes.put, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    if (b.assignments) {
      await setup.setAssignments(
        id,
        b.assignments.map((a) => ({ serviceId: a.service_id, locationId: a.location_id })),
      );
      return c.json(dto(await setup.assignmentsOf(id)), 200);
    }
    const saved = await setup.setServicesOf(id, b.service_ids ?? []);
    const list = await setup.assignmentsOf(id);
    // The services in the order sent (a specialist with no location yet has them nowhere).
    return c.json({ ...dto(list), service_ids: saved }, 200);
  });
}
