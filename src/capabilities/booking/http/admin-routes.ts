import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import type { Removal, SetupKind } from '../booking-admin.ts';
import type { BookingSetup } from '../booking-setup.ts';
import { requireAdmin } from './booking-access.ts';
import {
  Archived,
  BusinessSettings,
  BusinessSettingsPut,
  IdParam,
  LocationPatch,
  LocationSchema,
  locationDto,
  ServicePatch,
  ServiceSchema,
  SpecialistPatch,
  SpecialistSchema,
  serviceDto,
} from './booking-schemas.ts';

// Issue 31: the setup edited and removed. Removing something bookings name archives it instead.

const tags = ['booking'];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in'), 403: problem('Admins only') };
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, ...jsonContent(schema) });
const body = <T extends z.ZodType>(schema: T) => ({ body: { ...jsonContent(schema), required: true } });
const PLURAL: Record<SetupKind, string> = {
  location: 'locations',
  service: 'services',
  specialist: 'specialists',
};
const Name: Record<SetupKind, string> = {
  location: 'Location',
  service: 'Service',
  specialist: 'Specialist',
};

const patchRoute = <T extends z.ZodType, R extends z.ZodType>(kind: SetupKind, schema: T, result: R) =>
  createRoute({
    method: 'patch',
    path: `/${PLURAL[kind]}/{id}`,
    operationId: `updateBooking${Name[kind]}`,
    tags,
    security,
    summary: `Change any field of a ${kind} (admin); only the fields sent change`,
    request: { params: IdParam, ...body(schema) },
    responses: {
      200: ok(result, 'Changed'),
      ...errors,
      404: problem(`No such ${kind}`),
      ...(kind === 'specialist' ? { 409: problem('That Telegram account is already a specialist') } : {}),
    },
  });

const deleteRoute = (kind: SetupKind) =>
  createRoute({
    method: 'delete',
    path: `/${PLURAL[kind]}/{id}`,
    operationId: `deleteBooking${Name[kind]}`,
    tags,
    security,
    summary: `Remove a ${kind} (admin). With bookings still ahead it is archived: hidden from new bookings, its bookings kept (200). Otherwise 204: deleted, or archived silently when past bookings name it (their history stays)`,
    request: { params: IdParam },
    responses: {
      200: ok(Archived, 'Archived: bookings ahead keep it'),
      204: { description: 'Removed (deleted, or archived when only past bookings name it)' },
      ...errors,
      404: problem(`No such ${kind}`),
    },
  });

const routes = {
  patchLocation: patchRoute('location', LocationPatch, LocationSchema),
  patchService: patchRoute('service', ServicePatch, ServiceSchema),
  patchSpecialist: patchRoute('specialist', SpecialistPatch, SpecialistSchema),
  deleteLocation: deleteRoute('location'),
  deleteService: deleteRoute('service'),
  deleteSpecialist: deleteRoute('specialist'),
  getSettings: createRoute({
    method: 'get',
    path: '/settings',
    operationId: 'getBookingSettings',
    tags,
    security,
    summary: "The business's settings: its currency (every signed-in user reads it to show prices)",
    responses: { 200: ok(BusinessSettings, 'Settings'), 401: problem('Not signed in') },
  }),
  putSettings: createRoute({
    method: 'put',
    path: '/settings',
    operationId: 'updateBookingSettings',
    tags,
    security,
    summary: "Set the business's currency (admin): an ISO 4217 code such as EUR, USD, RUB",
    request: body(BusinessSettingsPut),
    responses: { 200: ok(BusinessSettings, 'Saved'), ...errors },
  }),
};

export function addAdminRoutes(app: OpenAPIHono<AppEnv>, setup: BookingSetup): void {
  const removed = (r: Removal) =>
    r.kind === 'archived' && r.futureBookings > 0
      ? ({ archived: true, future_bookings: r.futureBookings } as const)
      : null;

  app.openapi(routes.patchLocation, async (c) => {
    requireAdmin(c.get('user'));
    const b = c.req.valid('json');
    const row = await setup.updateLocation(c.req.valid('param').id, b);
    return c.json(locationDto(row), 200);
  });
  app.openapi(routes.patchService, async (c) => {
    requireAdmin(c.get('user'));
    const b = c.req.valid('json');
    const row = await setup.updateService(c.req.valid('param').id, {
      name: b.name,
      durationMinutes: b.duration_minutes,
      priceCents: b.price_cents,
      bufferBeforeMinutes: b.buffer_before_minutes,
      bufferAfterMinutes: b.buffer_after_minutes,
      minNoticeMinutes: b.min_notice_minutes,
      maxDaysAhead: b.max_days_ahead,
      requiresConfirmation: b.requires_confirmation,
      confirmationNoticeMinutes: b.confirmation_notice_minutes,
      cancelCutoffMinutes: b.cancel_cutoff_minutes,
    });
    return c.json(serviceDto(row, (await setup.business()).currency), 200);
  });
  app.openapi(routes.patchSpecialist, async (c) => {
    const user = c.get('user');
    requireAdmin(user);
    const b = c.req.valid('json');
    const { after } = await setup.updateSpecialist(
      c.req.valid('param').id,
      { name: b.name, telegramId: b.telegram_id },
      user.id,
    );
    return c.json({ id: after.id, name: after.name, telegram_id: after.telegramId }, 200);
  });
  const remove = (kind: SetupKind) => async (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const user = c.get('user');
    requireAdmin(user);
    const { id } = IdParam.parse(c.req.param());
    const answer = removed(await setup.remove(kind, id, user.id));
    return answer ? c.json(answer, 200) : c.body(null, 204);
  };
  app.openapi(routes.deleteLocation, remove('location'));
  app.openapi(routes.deleteService, remove('service'));
  app.openapi(routes.deleteSpecialist, remove('specialist'));
  app.openapi(routes.getSettings, async (c) => c.json(await setup.business(), 200));
  app.openapi(routes.putSettings, async (c) => {
    requireAdmin(c.get('user'));
    return c.json(await setup.setCurrency(c.req.valid('json').currency), 200);
  });
}
