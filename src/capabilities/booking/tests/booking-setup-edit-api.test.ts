import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookingHarness, startBookingHarness } from './booking-harness.ts';
import { type Business, setUpBusiness } from './booking-setup-support.ts';

// Issue 31: the setup edited, removed or archived; explicit assignments; walk-ins; the currency.
// Monday 1 June 2026, 08:00 in Berlin (UTC+2).
let h: BookingHarness;
let biz: Business;
let carol: string;
beforeAll(async () => {
  h = await startBookingHarness('2026-06-01T06:00:00Z');
  biz = await setUpBusiness(h);
  carol = (await h.users.upsertFromTelegram({ id: 9101, first_name: 'Carol' })).id;
});
afterAll(() => h.close());

const json = async <T>(res: Response, status: number): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (res.status === 204 ? undefined : await res.json()) as T;
};
const code = async (res: Response) => ((await res.json()) as { code: string }).code;
const slotsOf = async (serviceId: string, locationId: string, day = '2026-06-02') =>
  (
    await json<{ slots: Array<{ start: string; specialist_id: string }> }>(
      await h.call(
        carol,
        'GET',
        `/slots?service_id=${serviceId}&location_id=${locationId}&from=${day}&to=${day}`,
      ),
      200,
    )
  ).slots;
const post = async <T = { id: string }>(path: string, body: unknown) =>
  json<T>(await h.call(biz.admin, 'POST', path, body), 201);

describe('PATCH /booking/{locations|services|specialists}/{id}', () => {
  it('changes every field sent and nothing else; bad input changes nothing', async () => {
    const svc = await post('/services', { name: 'Colour', duration_minutes: 60, price_cents: 4000 });
    const patched = await json<Record<string, unknown>>(
      await h.call(biz.admin, 'PATCH', `/services/${svc.id}`, {
        name: 'Colour & style',
        duration_minutes: 90,
        price_cents: 5500,
        buffer_before_minutes: 15,
        buffer_after_minutes: 30,
        min_notice_minutes: 120,
        max_days_ahead: 30,
        requires_confirmation: 'always',
        confirmation_notice_minutes: 60,
        cancel_cutoff_minutes: 1440,
      }),
      200,
    );
    expect(patched).toEqual({
      id: svc.id,
      name: 'Colour & style',
      duration_minutes: 90,
      price_cents: 5500,
      currency: null,
      buffer_before_minutes: 15,
      buffer_after_minutes: 30,
      min_notice_minutes: 120,
      max_days_ahead: 30,
      requires_confirmation: 'always',
      confirmation_notice_minutes: 60,
      cancel_cutoff_minutes: 1440,
    });
    const priceOnly = await json<Record<string, unknown>>(
      await h.call(biz.admin, 'PATCH', `/services/${svc.id}`, { price_cents: null }),
      200,
    );
    expect(priceOnly).toMatchObject({ name: 'Colour & style', price_cents: null, duration_minutes: 90 });
    expect((await h.call(biz.admin, 'PATCH', `/services/${svc.id}`, { duration_minutes: 50 })).status).toBe(
      400,
    );
    expect((await h.call(carol, 'PATCH', `/services/${svc.id}`, { name: 'Mine' })).status).toBe(403);

    const loc = await post('/locations', { name: 'Kreuzberg', timezone: 'Europe/Berlin' });
    expect(
      await json(
        await h.call(biz.admin, 'PATCH', `/locations/${loc.id}`, {
          name: 'Soho',
          timezone: 'Europe/London',
          address: '1 Greek St',
        }),
        200,
      ),
    ).toEqual({ id: loc.id, name: 'Soho', timezone: 'Europe/London', address: '1 Greek St' });
    const badZone = await h.call(biz.admin, 'PATCH', `/locations/${loc.id}`, { timezone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(await code(badZone)).toBe('booking_timezone_invalid');
    expect(
      await json(await h.call(biz.admin, 'PATCH', `/locations/${loc.id}`, { address: null }), 200),
    ).toMatchObject({
      timezone: 'Europe/London',
      address: null,
    });

    const spec = await post('/specialists', {
      telegram_id: 9301,
      name: 'Kim',
      service_ids: [],
      location_ids: [],
    });
    expect(
      await json(
        await h.call(biz.admin, 'PATCH', `/specialists/${spec.id}`, { name: 'Kimberly', telegram_id: 9302 }),
        200,
      ),
    ).toEqual({ id: spec.id, name: 'Kimberly', telegram_id: 9302 });
    // The role follows the Telegram account.
    expect((await h.users.getByTelegramId(9302))?.roles).toContain('specialist');
    expect((await h.users.getByTelegramId(9301))?.roles).not.toContain('specialist');
    const taken = await h.call(biz.admin, 'PATCH', `/specialists/${spec.id}`, { telegram_id: 9002 });
    expect(taken.status).toBe(409);
    const unknown = '0190a0e0-0000-7000-8000-000000000000';
    expect((await h.call(biz.admin, 'PATCH', `/specialists/${unknown}`, { name: 'X' })).status).toBe(404);
  });
});

describe('PUT /booking/specialists/{id}/services with assignments', () => {
  it('offers a service only where it is assigned, and slots follow', async () => {
    const second = await post('/locations', { name: 'Prenzlauer Berg', timezone: 'Europe/Berlin' });
    const beard = await post('/services', { name: 'Beard', duration_minutes: 30 });
    const path = `/specialists/${biz.specialistId}/services`;
    expect(await slotsOf(beard.id, biz.locationId)).toEqual([]);
    const saved = await json<{ assignments: unknown[]; service_ids: string[] }>(
      await h.call(biz.admin, 'PUT', path, {
        assignments: [
          { service_id: biz.serviceId, location_id: biz.locationId },
          { service_id: beard.id, location_id: biz.locationId },
          { service_id: beard.id, location_id: second.id },
        ],
      }),
      200,
    );
    expect(saved.service_ids.sort()).toEqual([biz.serviceId, beard.id].sort());
    expect(saved.assignments).toHaveLength(3);
    expect((await slotsOf(beard.id, biz.locationId)).length).toBeGreaterThan(0);
    // Beard at Mitte withdrawn: no slots there; the haircut stays.
    await json(
      await h.call(biz.admin, 'PUT', path, {
        assignments: [
          { service_id: biz.serviceId, location_id: biz.locationId },
          { service_id: beard.id, location_id: second.id },
        ],
      }),
      200,
    );
    expect(await slotsOf(beard.id, biz.locationId)).toEqual([]);
    expect((await slotsOf(biz.serviceId, biz.locationId)).length).toBeGreaterThan(0);
    const got = await json<{ assignments: Array<{ service_id: string; location_id: string }> }>(
      await h.call(biz.admin, 'GET', path),
      200,
    );
    expect(got.assignments).toEqual(
      expect.arrayContaining([
        { service_id: biz.serviceId, location_id: biz.locationId },
        { service_id: beard.id, location_id: second.id },
      ]),
    );
    const unknown = '0190a0e0-0000-7000-8000-000000000000';
    const bad = await h.call(biz.admin, 'PUT', path, {
      assignments: [{ service_id: beard.id, location_id: unknown }],
    });
    expect(bad.status).toBe(404);
    expect((await h.call(biz.admin, 'PUT', path, {})).status).toBe(400);
    expect((await h.call(carol, 'PUT', path, { assignments: [] })).status).toBe(403);
    expect(
      (await json<{ assignments: unknown[] }>(await h.call(biz.admin, 'GET', path), 200)).assignments,
    ).toHaveLength(2);
  });
});

describe('DELETE /booking/{kind}/{id}', () => {
  it('archives what future bookings name (200), deletes what nothing names (204)', async () => {
    const nails = await post('/services', { name: 'Nails', duration_minutes: 30 });
    const spare = await post('/services', { name: 'Spare', duration_minutes: 30 });
    await json(
      await h.call(biz.admin, 'PUT', `/specialists/${biz.specialistId}/services`, {
        assignments: [
          { service_id: biz.serviceId, location_id: biz.locationId },
          { service_id: nails.id, location_id: biz.locationId },
        ],
      }),
      200,
    );
    const [slot] = await slotsOf(nails.id, biz.locationId);
    const booked = await post<{ id: string; status: string }>('/bookings', {
      service_id: nails.id,
      location_id: biz.locationId,
      start: slot?.start,
      client_telegram_id: 9101,
    });
    expect(await json(await h.call(biz.admin, 'DELETE', `/services/${nails.id}`), 200)).toEqual({
      archived: true,
      future_bookings: 1,
    });
    // Hidden from new bookings, the booking kept and still managed.
    const listed = await json<{ services: Array<{ id: string }> }>(
      await h.call(carol, 'GET', '/services'),
      200,
    );
    expect(listed.services.map((s) => s.id)).not.toContain(nails.id);
    expect(
      (
        await h.call(
          carol,
          'GET',
          `/slots?service_id=${nails.id}&location_id=${biz.locationId}&from=2026-06-02&to=2026-06-02`,
        )
      ).status,
    ).toBe(404);
    const mine = await json<{ bookings: Array<{ id: string; status: string }> }>(
      await h.call(carol, 'GET', '/bookings?scope=mine'),
      200,
    );
    expect(mine.bookings.find((b) => b.id === booked.id)?.status).toBe('confirmed');
    expect((await h.call(biz.admin, 'PATCH', `/services/${nails.id}`, { name: 'x' })).status).toBe(404);
    expect((await h.call(biz.admin, 'DELETE', `/services/${nails.id}`)).status).toBe(404);

    expect((await h.call(biz.admin, 'DELETE', `/services/${spare.id}`)).status).toBe(204);
    expect((await h.call(biz.admin, 'PATCH', `/services/${spare.id}`, { name: 'x' })).status).toBe(404);

    const gone = await post('/specialists', {
      telegram_id: 9401,
      name: 'Lou',
      service_ids: [biz.serviceId],
      location_ids: [biz.locationId],
    });
    expect((await h.call(carol, 'DELETE', `/specialists/${gone.id}`)).status).toBe(403);
    expect((await h.call(biz.admin, 'DELETE', `/specialists/${gone.id}`)).status).toBe(204);
    expect((await h.users.getByTelegramId(9401))?.roles).not.toContain('specialist');
    const loc = await post('/locations', { name: 'Empty', timezone: 'UTC' });
    expect((await h.call(biz.admin, 'DELETE', `/locations/${loc.id}`)).status).toBe(204);
    const locations = await json<{ locations: Array<{ id: string }> }>(
      await h.call(carol, 'GET', '/locations'),
      200,
    );
    expect(locations.locations.map((l) => l.id)).not.toContain(loc.id);
  });
});

describe('POST /booking/bookings for a client', () => {
  it('an admin books a walk-in by name and phone (sealed at rest); a client may not', async () => {
    const [slot] = await slotsOf(biz.serviceId, biz.locationId, '2026-06-03');
    const walkIn = { name: 'Walker Inn', phone: '+44 20 7946 0958' };
    const refused = await h.call(carol, 'POST', '/bookings', {
      service_id: biz.serviceId,
      location_id: biz.locationId,
      start: slot?.start,
      client: walkIn,
    });
    expect(refused.status).toBe(403);
    const badPhone = await h.call(biz.admin, 'POST', '/bookings', {
      service_id: biz.serviceId,
      location_id: biz.locationId,
      start: slot?.start,
      client: { name: 'Walker Inn', phone: 'call me maybe' },
    });
    expect(badPhone.status).toBe(400);
    expect(await code(badPhone)).toBe('booking_phone_invalid');
    const both = await h.call(biz.admin, 'POST', '/bookings', {
      service_id: biz.serviceId,
      location_id: biz.locationId,
      start: slot?.start,
      client: walkIn,
      client_telegram_id: 9101,
    });
    expect(both.status).toBe(400);
    const made = await post<{ id: string; status: string; created_by: string }>('/bookings', {
      service_id: biz.serviceId,
      location_id: biz.locationId,
      start: slot?.start,
      client: walkIn,
    });
    expect(made).toMatchObject({ status: 'confirmed', created_by: 'admin' });
    const all = await json<{ bookings: Array<{ id: string; client_name: string }> }>(
      await h.call(biz.admin, 'GET', '/bookings?scope=all'),
      200,
    );
    expect(all.bookings.find((b) => b.id === made.id)?.client_name).toBe('Walker Inn');
    const raw = await h.testDb.database.raw.query<{ row: string }>(
      'SELECT row_to_json(t)::text AS row FROM booking_clients t',
    );
    const dump = raw.map((r) => r.row).join('\n');
    expect(dump).not.toContain('Walker');
    expect(dump).not.toContain('7946');
  });
});

describe('the business currency', () => {
  it('is an ISO 4217 code an admin sets; every service reports it', async () => {
    expect(await json(await h.call(carol, 'GET', '/settings'), 200)).toEqual({ currency: null });
    const bad = await h.call(biz.admin, 'PUT', '/settings', { currency: 'ZZZ' });
    expect(bad.status).toBe(400);
    expect(await code(bad)).toBe('booking_currency_invalid');
    expect((await h.call(carol, 'PUT', '/settings', { currency: 'EUR' })).status).toBe(403);
    expect(await json(await h.call(biz.admin, 'PUT', '/settings', { currency: 'eur' }), 200)).toEqual({
      currency: 'EUR',
    });
    const { services } = await json<{ services: Array<{ currency: string }> }>(
      await h.call(carol, 'GET', '/services'),
      200,
    );
    expect(services.every((s) => s.currency === 'EUR')).toBe(true);
  });
});
