import type { CapabilityHarness } from '../../../../test/support/capability-harness.ts';
import type { BookingHarness } from './booking-harness.ts';

export interface Business {
  admin: string;
  specialist: string;
  specialistTelegram: number;
  locationId: string;
  serviceId: string;
  specialistId: string;
}

/**
 * A Berlin salon through the API: one 60-minute service with a 15-minute buffer after, one
 * specialist working Mon–Fri 09:00–18:00 with lunch 13:00–14:00.
 */
export async function setUpBusiness(
  h: BookingHarness,
  service: Record<string, unknown> = {},
): Promise<Business> {
  const admin = (await h.users.grantRole(9001, 'admin', { kind: 'cli' })).id;
  await h.users.upsertFromTelegram({ id: 9001, first_name: 'Ada' });
  const specialist = (await h.users.upsertFromTelegram({ id: 9002, first_name: 'Sam' })).id;
  const post = async (path: string, body: unknown) => {
    const res = await h.call(admin, 'POST', path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const location = await post('/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
  const svc = await post('/services', {
    name: 'Haircut',
    duration_minutes: 60,
    buffer_after_minutes: 15,
    min_notice_minutes: 60,
    ...service,
  });
  const spec = await post('/specialists', {
    telegram_id: 9002,
    name: 'Sam',
    service_ids: [svc.id],
    location_ids: [location.id],
  });
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    start: '09:00',
    end: '18:00',
    breaks: [{ start: '13:00', end: '14:00' }],
  }));
  const hours = await h.call(admin, 'PUT', `/specialists/${spec.id}/hours`, {
    location_id: location.id,
    weekly,
  });
  if (hours.status !== 200) throw new Error(`hours: ${hours.status} ${await hours.text()}`);
  return {
    admin,
    specialist,
    specialistTelegram: 9002,
    locationId: location.id,
    serviceId: svc.id,
    specialistId: spec.id,
  };
}

/**
 * The same salon through the whole system's API (a capability harness): a location in Berlin, one
 * 60-minute service and a specialist working Mon–Fri 09:00–18:00. Returns the ids a booking needs.
 */
export async function setUpSalonThroughApi(
  h: Pick<CapabilityHarness, 'call'>,
  admin: Record<string, string>,
  specialistTelegramId: number,
) {
  const location = await h.call(admin, 'POST', '/api/v1/booking/locations', {
    name: 'Mitte',
    timezone: 'Europe/Berlin',
  });
  const service = await h.call(admin, 'POST', '/api/v1/booking/services', {
    name: 'Haircut',
    duration_minutes: 60,
  });
  const specialist = await h.call(admin, 'POST', '/api/v1/booking/specialists', {
    telegram_id: specialistTelegramId,
    name: 'Sam',
    service_ids: [service.id],
    location_ids: [location.id],
  });
  await h.call(admin, 'PUT', `/api/v1/booking/specialists/${specialist.id}/hours`, {
    location_id: location.id,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00', breaks: [] })),
  });
  return {
    locationId: location.id as string,
    serviceId: service.id as string,
    specialistId: specialist.id as string,
  };
}
