import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import type { ExceptionRow } from '../booking-exceptions.ts';
import { hhmmOf, minutesOf } from '../booking-format.ts';
import { isAdmin } from '../booking-people.ts';
import type { BookingSetup } from '../booking-setup.ts';
import { requireAdmin } from './booking-access.ts';
import {
  ExceptionCreate,
  ExceptionParam,
  ExceptionSchema,
  HoursPut,
  IdParam,
  LocationCreate,
  LocationSchema,
  ServiceCreate,
  ServiceSchema,
  SpecialistCreate,
  SpecialistSchema,
  SpecialistsQuery,
  serviceDto,
} from './booking-schemas.ts';

const tags = ['booking'];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in'), 403: problem('Admins only') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { ...jsonContent(schema), required: true } });
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, ...jsonContent(schema) });
const mins = (hhmm: string) => minutesOf(hhmm) as number;
// Staff Telegram ids are for admins (who manage staff): a client picks a specialist by id and name.
const SpecialistListed = SpecialistSchema.partial({ telegram_id: true }).openapi('BookingSpecialistListed');

const routes = {
  createLocation: createRoute({
    method: 'post',
    operationId: 'createBookingLocation',
    path: '/locations',
    tags,
    security,
    summary: 'Add a location (admin)',
    request: body(LocationCreate),
    responses: { 201: ok(LocationSchema, 'Created'), ...errors },
  }),
  listLocations: createRoute({
    method: 'get',
    operationId: 'listBookingLocations',
    path: '/locations',
    tags,
    security,
    summary: 'Locations',
    responses: { 200: ok(z.object({ locations: z.array(LocationSchema) }), 'All'), ...errors },
  }),
  createService: createRoute({
    method: 'post',
    operationId: 'createBookingService',
    path: '/services',
    tags,
    security,
    summary: 'Add a service (admin)',
    request: body(ServiceCreate),
    responses: { 201: ok(ServiceSchema, 'Created'), ...errors },
  }),
  listServices: createRoute({
    method: 'get',
    operationId: 'listBookingServices',
    path: '/services',
    tags,
    security,
    summary: 'Services offered (archived ones are not listed), with the business currency',
    responses: { 200: ok(z.object({ services: z.array(ServiceSchema) }), 'All'), ...errors },
  }),
  createSpecialist: createRoute({
    method: 'post',
    operationId: 'createBookingSpecialist',
    path: '/specialists',
    tags,
    security,
    summary: 'Add a specialist (admin)',
    request: body(SpecialistCreate),
    responses: {
      201: ok(SpecialistSchema, 'Created'),
      ...errors,
      404: problem('Unknown service or location'),
      409: problem('Already a specialist'),
    },
  }),
  listSpecialists: createRoute({
    method: 'get',
    operationId: 'listBookingSpecialists',
    path: '/specialists',
    tags,
    security,
    summary: 'Specialists; with service_id and location_id: those who offer that service there',
    request: { query: SpecialistsQuery },
    responses: { 200: ok(z.object({ specialists: z.array(SpecialistListed) }), 'All'), ...errors },
  }),
  getHours: createRoute({
    method: 'get',
    operationId: 'getBookingSpecialistHours',
    path: '/specialists/{id}/hours',
    tags,
    security,
    summary: "A specialist's weekly hours at a location (admin)",
    request: { params: IdParam, query: z.object({ location_id: HoursPut.shape.location_id }) },
    responses: {
      200: ok(HoursPut, 'The week, by weekday'),
      ...errors,
      404: problem('No such specialist at that location'),
    },
  }),
  putHours: createRoute({
    method: 'put',
    operationId: 'updateBookingSpecialistHours',
    path: '/specialists/{id}/hours',
    tags,
    security,
    summary: "Replace a specialist's weekly hours at a location (admin)",
    request: { params: IdParam, ...body(HoursPut) },
    responses: {
      200: ok(z.object({ ok: z.literal(true) }), 'Saved'),
      ...errors,
      404: problem('No such specialist at that location'),
    },
  }),
  addException: createRoute({
    method: 'post',
    operationId: 'createBookingSpecialistException',
    path: '/specialists/{id}/exceptions',
    tags,
    security,
    summary: 'A day off or extra hours on a date (admin)',
    request: { params: IdParam, ...body(ExceptionCreate) },
    responses: {
      201: ok(ExceptionSchema, 'Saved'),
      ...errors,
      404: problem('No such specialist at that location'),
    },
  }),
  listExceptions: createRoute({
    method: 'get',
    operationId: 'listBookingSpecialistExceptions',
    path: '/specialists/{id}/exceptions',
    tags,
    security,
    summary: "A specialist's date exceptions from today on (admin)",
    request: { params: IdParam },
    responses: { 200: ok(z.object({ exceptions: z.array(ExceptionSchema) }), 'All'), ...errors },
  }),
  removeException: createRoute({
    method: 'delete',
    operationId: 'deleteBookingSpecialistException',
    path: '/specialists/{id}/exceptions/{exception_id}',
    tags,
    security,
    summary: 'Remove a date exception (admin)',
    request: { params: ExceptionParam },
    responses: { 204: { description: 'Removed' }, ...errors, 404: problem('No such exception') },
  }),
};

const exceptionDto = (e: ExceptionRow) => ({
  id: e.id,
  location_id: e.locationId,
  day: e.day,
  kind: e.kind,
  start: e.startMinute === null ? null : hhmmOf(e.startMinute),
  end: e.endMinute === null ? null : hhmmOf(e.endMinute),
});

export function addSetupRoutes(app: OpenAPIHono<AppEnv>, setup: BookingSetup, now: () => Date): void {
  app.openapi(routes.createLocation, async (c) => {
    requireAdmin(c.get('user'));
    const b = c.req.valid('json');
    const row = await setup.createLocation(b);
    return c.json({ id: row.id, name: row.name, timezone: row.timezone, address: row.address }, 201);
  });
  app.openapi(routes.listLocations, async (c) => {
    const rows = await setup.listLocations();
    return c.json(
      { locations: rows.map((r) => ({ id: r.id, name: r.name, timezone: r.timezone, address: r.address })) },
      200,
    );
  });
  app.openapi(routes.createService, async (c) => {
    requireAdmin(c.get('user'));
    const b = c.req.valid('json');
    const row = await setup.createService({
      name: b.name,
      durationMinutes: b.duration_minutes,
      priceCents: b.price_cents,
      bufferBeforeMinutes: b.buffer_before_minutes,
      bufferAfterMinutes: b.buffer_after_minutes,
      minNoticeMinutes: b.min_notice_minutes,
      maxDaysAhead: b.max_days_ahead,
      requiresConfirmation: b.requires_confirmation,
      cancelCutoffMinutes: b.cancel_cutoff_minutes,
    });
    return c.json(serviceDto(row, (await setup.business()).currency), 201);
  });
  app.openapi(routes.listServices, async (c) => {
    const [rows, { currency }] = await Promise.all([setup.listServices(), setup.business()]);
    return c.json({ services: rows.map((r) => serviceDto(r, currency)) }, 200);
  });
  app.openapi(routes.createSpecialist, async (c) => {
    requireAdmin(c.get('user'));
    const b = c.req.valid('json');
    const row = await setup.createSpecialist({
      telegramId: b.telegram_id,
      name: b.name,
      serviceIds: b.service_ids,
      locationIds: b.location_ids,
    });
    return c.json({ id: row.id, name: row.name, telegram_id: row.telegramId }, 201);
  });
  app.openapi(routes.listSpecialists, async (c) => {
    const q = c.req.valid('query');
    const rows = await setup.listSpecialists(
      q.service_id && q.location_id ? { serviceId: q.service_id, locationId: q.location_id } : undefined,
    );
    const admin = isAdmin(c.get('user'));
    return c.json(
      {
        specialists: rows.map((r) => ({
          id: r.id,
          name: r.name,
          ...(admin ? { telegram_id: r.telegramId } : {}),
        })),
      },
      200,
    );
  });
  app.openapi(routes.getHours, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    const { location_id } = c.req.valid('query');
    const week = await setup.hours(id, location_id);
    return c.json(
      {
        location_id,
        weekly: week.map((d) => ({
          weekday: d.weekday,
          start: hhmmOf(d.start),
          end: hhmmOf(d.end),
          breaks: d.breaks.map((x) => ({ start: hhmmOf(x.start), end: hhmmOf(x.end) })),
        })),
      },
      200,
    );
  });
  app.openapi(routes.putHours, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    await setup.setHours(
      id,
      b.location_id,
      b.weekly.map((d) => ({
        weekday: d.weekday,
        start: mins(d.start),
        end: mins(d.end),
        breaks: d.breaks.map((x) => ({ start: mins(x.start), end: mins(x.end) })),
      })),
    );
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.addException, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const row = await setup.addException({
      specialistId: id,
      locationId: b.location_id,
      day: b.day,
      ...(b.start ? { start: mins(b.start) } : {}),
      ...(b.end ? { end: mins(b.end) } : {}),
    });
    return c.json(exceptionDto(row), 201);
  });
  app.openapi(routes.listExceptions, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    // "From today" as UTC−12 reads it (the last zone to leave a day): nothing current anywhere is left out.
    const today = new Date(now().getTime() - 12 * 3_600_000).toISOString().slice(0, 10);
    const rows = await setup.listExceptions(id, today);
    return c.json({ exceptions: rows.map(exceptionDto) }, 200);
  });
  app.openapi(routes.removeException, async (c) => {
    requireAdmin(c.get('user'));
    const { id, exception_id } = c.req.valid('param');
    await setup.removeException(id, exception_id);
    return c.body(null, 204);
  });
}
