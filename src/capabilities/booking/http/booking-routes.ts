import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import { isoInZone } from '../../../platform/nl/zoned-clock.ts';
import { loadRefs } from '../booking-core.ts';
import type { BookingService } from '../booking-service.ts';
import type { BookingSetup } from '../booking-setup.ts';
import type { BookingAction } from '../booking-state.ts';
import type { NoticeSettings } from '../notices/notice-settings.ts';
import { MAX_RANGE_DAYS } from '../slots/slot-engine.ts';
import { addAdminRoutes } from './admin-routes.ts';
import {
  ActionParam,
  Alternatives,
  BookingCreate,
  BookingListQuery,
  BookingListSchema,
  BookingSchema,
  bookingDto,
  RescheduleBody,
  SlotsQuery,
  SlotsSchema,
} from './booking-schemas.ts';
import { addNoticeRoutes } from './notice-routes.ts';
import { addSetupRoutes } from './setup-routes.ts';
import { addSpecialistServiceRoutes } from './specialist-services-routes.ts';

const tags = ['booking'];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in') };
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, ...jsonContent(schema) });
const conflict = {
  description: 'Not free (with the next free slots), or the status/cut-off forbids it',
  content: { 'application/problem+json': { schema: Alternatives.partial() } },
};

const routes = {
  slots: createRoute({
    method: 'get',
    operationId: 'listBookingSlots',
    path: '/slots',
    tags,
    security,
    summary: 'Free slots (15-minute grid, the location’s zone); without specialist_id: any specialist',
    request: { query: SlotsQuery },
    responses: {
      200: ok(SlotsSchema, 'Free slots'),
      ...errors,
      404: problem('Unknown service or location'),
      422: problem(`A day that does not exist, or a range over ${MAX_RANGE_DAYS} days`),
    },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createBooking',
    path: '/bookings',
    tags,
    security,
    summary:
      'Book a slot. An admin (or a specialist, into their own calendar) may book for client_telegram_id or a walk-in client {name, phone}; anyone else sending these gets 403',
    request: { body: { ...jsonContent(BookingCreate), required: true } },
    responses: {
      201: ok(BookingSchema, 'Booked'),
      ...errors,
      403: problem('Not allowed'),
      404: problem('Unknown reference'),
      409: conflict,
    },
  }),
  act: createRoute({
    method: 'post',
    operationId: 'applyBookingAction',
    path: '/bookings/{id}/{action}',
    tags,
    security,
    summary: 'Confirm, decline, cancel, reschedule ({start}), complete or mark a no-show',
    // The body ({start}) matters only to reschedule; it is read by hand so other actions need none.
    request: { params: ActionParam },
    // Documented as plain OpenAPI, not `request.body`: that would make the validator parse a body
    // every action but reschedule may leave empty.
    requestBody: {
      required: false,
      description: 'reschedule: the new start, a free slot; other actions: no body',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              start: { type: 'string', format: 'date-time', example: '2026-06-02T15:00:00+02:00' },
            },
          },
        },
      },
    },
    responses: {
      200: ok(BookingSchema, 'Changed'),
      ...errors,
      403: problem('Not allowed'),
      404: problem('No such booking'),
      409: conflict,
    },
  }),
  list: createRoute({
    method: 'get',
    operationId: 'listBookings',
    path: '/bookings',
    tags,
    security,
    summary: 'Bookings: mine (client), specialist (my schedule), all (admin)',
    request: { query: BookingListQuery },
    responses: { 200: ok(BookingListSchema, 'Bookings'), ...errors, 403: problem('Not allowed') },
  }),
};

export function createBookingRoutes(deps: {
  bookings: BookingService;
  setup: BookingSetup;
  db: Db;
  now: () => Date;
  notices: NoticeSettings;
}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  addSetupRoutes(app, deps.setup, deps.now);
  addNoticeRoutes(app, deps.notices);
  addSpecialistServiceRoutes(app, deps.setup);
  addAdminRoutes(app, deps.setup);
  app.openapi(routes.slots, async (c) => {
    const q = c.req.valid('query');
    const { slots, location } = await deps.bookings.freeSlots({
      serviceId: q.service_id,
      locationId: q.location_id,
      specialistId: q.specialist_id,
      from: q.from,
      to: q.to,
    });
    const zone = location.timezone;
    return c.json(
      {
        slots: slots.map((s) => ({
          start: isoInZone(s.start, zone),
          end: isoInZone(s.end, zone),
          specialist_id: s.specialistId,
        })),
      },
      200,
    );
  });
  app.openapi(routes.create, async (c) => {
    const b = c.req.valid('json');
    const row = await deps.bookings.create(c.get('user'), {
      serviceId: b.service_id,
      locationId: b.location_id,
      specialistId: b.specialist_id ?? null,
      start: new Date(b.start),
      clientTelegramId: b.client_telegram_id,
      walkIn: b.client,
    });
    const { location } = await loadRefs(deps.db, row.serviceId, row.locationId);
    return c.json(bookingDto(row, location.timezone), 201);
  });
  app.openapi(routes.act, async (c) => {
    const { id, action } = c.req.valid('param');
    const body =
      action === 'reschedule' ? RescheduleBody.safeParse(await c.req.json().catch(() => ({}))) : null;
    if (body && !body.success) {
      throw new DomainError(
        'invalid',
        'validation_failed',
        'start: an ISO 8601 time with offset is required',
      );
    }
    const row = await deps.bookings.act(
      c.get('user'),
      id,
      action.replace('-', '_') as BookingAction,
      body?.success ? { start: new Date(body.data.start) } : {},
    );
    const { location } = await loadRefs(deps.db, row.serviceId, row.locationId);
    return c.json(bookingDto(row, location.timezone), 200);
  });
  app.openapi(routes.list, async (c) => {
    const { scope } = c.req.valid('query');
    const rows = await deps.bookings.list(c.get('user'), scope);
    return c.json(
      {
        bookings: rows.map((r) =>
          bookingDto(r.booking, r.timezone, { name: r.clientName, noShows: r.noShows }),
        ),
      },
      200,
    );
  });
  return app;
}
