import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookingHarness, startBookingHarness } from './booking-harness.ts';
import { type Business, setUpBusiness } from './booking-setup-support.ts';

const CLIENTS = 200;
let h: BookingHarness;
let biz: Business;
let clients: string[];
beforeAll(async () => {
  h = await startBookingHarness('2026-06-01T06:00:00Z');
  biz = await setUpBusiness(h);
  clients = [];
  for (let i = 0; i < CLIENTS; i++)
    clients.push((await h.users.upsertFromTelegram({ id: 20_000 + i, first_name: `C${i}` })).id);
}, 120_000);
afterAll(() => h.close());

describe('no double booking under concurrency', () => {
  it(`${CLIENTS} clients book the same slot at once: one 201, the rest 409 with alternatives`, async () => {
    const responses = await Promise.all(
      clients.map((id) =>
        h.call(id, 'POST', '/bookings', {
          service_id: biz.serviceId,
          location_id: biz.locationId,
          specialist_id: biz.specialistId,
          start: '2026-06-03T11:00:00+02:00',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    // Counted by status, so a failure shows what the others got.
    const byStatus: Record<number, number> = {};
    for (const s of statuses) byStatus[s] = (byStatus[s] ?? 0) + 1;
    expect(byStatus).toEqual({ 201: 1, 409: CLIENTS - 1 });
    const conflicts = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json()));
    for (const body of conflicts) {
      expect(body.code).toBe('slot_unavailable');
      expect(body.alternatives.length).toBeGreaterThan(0);
      expect(body.alternatives.map((a: { start: string }) => a.start)).not.toContain(
        '2026-06-03T11:00:00+02:00',
      );
    }
    const overlaps = await h.testDb.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings a JOIN bookings b
         ON a.specialist_id = b.specialist_id AND a.id < b.id
        AND a.status <> 'cancelled' AND b.status <> 'cancelled'
        AND tstzrange(a.blocked_from, a.blocked_to) && tstzrange(b.blocked_from, b.blocked_to)`,
    );
    expect(overlaps[0]?.n).toBe(0);
    const rows = await h.testDb.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings');
    expect(rows[0]?.n).toBe(1);
  }, 180_000);
});
