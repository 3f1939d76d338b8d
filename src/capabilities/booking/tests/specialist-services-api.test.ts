import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookingHarness, startBookingHarness } from './booking-harness.ts';
import { type Business, setUpBusiness } from './booking-setup-support.ts';

// A service added after the specialist: until someone links them, nobody can book it.
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
  return (await res.json()) as T;
};

describe('PUT /booking/specialists/{id}/services', () => {
  it('links a service added later, so a client can book it; replaces the list; refuses strangers', async () => {
    const beard = await json<{ id: string }>(
      await h.call(biz.admin, 'POST', '/services', { name: 'Beard trim', duration_minutes: 30 }),
      201,
    );
    const slots = async () =>
      (
        await json<{ slots: Array<{ start: string }> }>(
          await h.call(
            carol,
            'GET',
            `/slots?service_id=${beard.id}&location_id=${biz.locationId}&from=2026-06-02&to=2026-06-02`,
          ),
          200,
        )
      ).slots;
    const path = `/specialists/${biz.specialistId}/services`;
    expect(await slots()).toEqual([]);
    expect(await json(await h.call(biz.admin, 'GET', path), 200)).toMatchObject({
      service_ids: [biz.serviceId],
    });

    const both = [biz.serviceId, beard.id];
    expect(await json(await h.call(biz.admin, 'PUT', path, { service_ids: both }), 200)).toMatchObject({
      service_ids: both,
    });
    const [first] = await slots();
    expect(first?.start).toBeDefined();
    await json(
      await h.call(carol, 'POST', '/bookings', {
        service_id: beard.id,
        location_id: biz.locationId,
        start: first?.start,
      }),
      201,
    );

    // Only the beard trim now: the haircut has nobody left.
    await json(await h.call(biz.admin, 'PUT', path, { service_ids: [beard.id] }), 200);
    expect(await json(await h.call(biz.admin, 'GET', path), 200)).toMatchObject({ service_ids: [beard.id] });

    const unknown = '0190a0e0-0000-7000-8000-000000000000';
    const missing = await h.call(biz.admin, 'PUT', path, { service_ids: [unknown] });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('booking_reference_missing');
    expect(
      (await h.call(biz.admin, 'PUT', `/specialists/${unknown}/services`, { service_ids: [] })).status,
    ).toBe(404);
    // Nothing changed by the refused calls, and a client may neither read nor change it.
    expect(await json(await h.call(biz.admin, 'GET', path), 200)).toMatchObject({ service_ids: [beard.id] });
    expect((await h.call(carol, 'PUT', path, { service_ids: both })).status).toBe(403);
    expect((await h.call(carol, 'GET', path)).status).toBe(403);
  });
});
