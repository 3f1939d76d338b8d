import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookingHarness, startBookingHarness } from './booking-harness.ts';
import { type Business, setUpBusiness } from './booking-setup-support.ts';

// Monday 1 June 2026, 08:00 in Berlin (UTC+2).
let h: BookingHarness;
let biz: Business;
let carol: string;
let dave: string;
let bookingId: string;
beforeAll(async () => {
  h = await startBookingHarness('2026-06-01T06:00:00Z');
  biz = await setUpBusiness(h);
  carol = (await h.users.upsertFromTelegram({ id: 9101, first_name: 'Carol' })).id;
  dave = (await h.users.upsertFromTelegram({ id: 9102, first_name: 'Dave' })).id;
});
afterAll(() => h.close());

const book = (user: string, start: string, extra: Record<string, unknown> = {}) =>
  h.call(user, 'POST', '/bookings', {
    service_id: biz.serviceId,
    location_id: biz.locationId,
    specialist_id: biz.specialistId,
    start,
    ...extra,
  });
const slotsOf = async (day: string) =>
  (await (
    await h.call(
      carol,
      'GET',
      `/slots?service_id=${biz.serviceId}&location_id=${biz.locationId}&from=${day}&to=${day}`,
    )
  ).json()) as {
    slots: Array<{ start: string; end: string; specialist_id: string }>;
  };

describe('setup is for admins', () => {
  it('a client cannot add a location (403 problem+json); a bad timezone is a 400', async () => {
    const res = await h.call(carol, 'POST', '/locations', { name: 'X', timezone: 'Europe/Berlin' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const bad = await h.call(biz.admin, 'POST', '/locations', { name: 'X', timezone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('booking_timezone_invalid');
  });

  it('hours off the 15-minute grid are rejected', async () => {
    const res = await h.call(biz.admin, 'PUT', `/specialists/${biz.specialistId}/hours`, {
      location_id: biz.locationId,
      weekly: [{ weekday: 1, start: '09:10', end: '18:00', breaks: [] }],
    });
    expect(res.status).toBe(400);
  });
});

describe('slots', () => {
  it('lists Tuesday in Berlin time: 09:00 … 16:45, nothing over lunch', async () => {
    const { slots } = await slotsOf('2026-06-02');
    const starts = slots.map((s) => s.start.slice(11, 16));
    expect(slots[0]).toEqual({
      start: '2026-06-02T09:00:00+02:00',
      end: '2026-06-02T10:00:00+02:00',
      specialist_id: biz.specialistId,
    });
    expect(starts).not.toContain('12:15');
    expect(starts).toContain('12:00');
    expect(starts).not.toContain('13:00');
    expect(starts.at(-1)).toBe('17:00');
    expect(starts).toHaveLength(13 + 13);
  });

  it('today respects the minimum notice (08:00 now, 60 min notice → 09:00 first)', async () => {
    const { slots } = await slotsOf('2026-06-01');
    expect(slots[0]?.start).toBe('2026-06-01T09:00:00+02:00');
  });
});

describe('booking and the state machine', () => {
  it('a client books: 201 confirmed, and the matrix tells client, specialist and admin', async () => {
    const res = await book(carol, '2026-06-02T10:00:00+02:00');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'confirmed',
      start: '2026-06-02T10:00:00+02:00',
      end: '2026-06-02T11:00:00+02:00',
    });
    bookingId = body.id;
    const notices = await h.notices();
    expect(notices.map((n) => [n.chatId, Array.from(n.text)[0]]).sort()).toEqual([
      [9001, '🆕'],
      [9002, '🆕'],
      [9101, '✅'],
    ]);
    expect(notices.find((n) => n.chatId === 9101)?.text).toBe(
      '✅ You are booked: Haircut with Sam, Tue 2 Jun, 10:00 Berlin time (Mitte).',
    );
  });

  it('the same time again is a 409 with the next free slots (the buffer pushes them to 11:15)', async () => {
    const res = await book(dave, '2026-06-02T10:00:00+02:00');
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.code).toBe('slot_unavailable');
    expect(body.alternatives[0]).toEqual({
      start: '2026-06-02T11:15:00+02:00',
      specialist_id: biz.specialistId,
    });
    const overlapping = await book(dave, '2026-06-02T10:45:00+02:00');
    expect(overlapping.status).toBe(409);
  });

  it('a client may not confirm or complete; a stranger does not see the booking', async () => {
    expect((await h.call(carol, 'POST', `/bookings/${bookingId}/confirm`)).status).toBe(403);
    expect((await h.call(carol, 'POST', `/bookings/${bookingId}/complete`)).status).toBe(403);
    expect((await h.call(dave, 'POST', `/bookings/${bookingId}/cancel`)).status).toBe(404);
  });

  it('the client reschedules; specialist and admin hear of it, the client does not', async () => {
    const before = (await h.notices()).length;
    const res = await h.call(carol, 'POST', `/bookings/${bookingId}/reschedule`, {
      start: '2026-06-02T15:00:00+02:00',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'confirmed', start: '2026-06-02T15:00:00+02:00' });
    const fresh = (await h.notices()).slice(before);
    expect(fresh.map((n) => n.chatId).sort()).toEqual([9001, 9002]);
    expect(fresh[0]?.text).toContain('Tue 2 Jun, 10:00 Berlin time → Tue 2 Jun, 15:00 Berlin time');
    // The old time is free again.
    expect((await book(dave, '2026-06-02T10:00:00+02:00')).status).toBe(201);
  });

  it('complete before the start is a 409; after the end the specialist marks a no-show', async () => {
    const early = await h.call(biz.specialist, 'POST', `/bookings/${bookingId}/complete`);
    expect(early.status).toBe(409);
    expect((await early.json()).code).toBe('booking_not_started');
    await h.clock.setTime(new Date('2026-06-02T14:00:00Z'));
    const res = await h.call(biz.specialist, 'POST', `/bookings/${bookingId}/no-show`);
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('no_show');
    const again = await h.call(biz.admin, 'POST', `/bookings/${bookingId}/complete`);
    expect(again.status).toBe(409);
  });

  it('lists by scope with server-side roles, and keeps the audit trail', async () => {
    const mine = await (await h.call(carol, 'GET', '/bookings?scope=mine')).json();
    expect(mine.bookings.map((b: { id: string }) => b.id)).toEqual([bookingId]);
    expect((await h.call(carol, 'GET', '/bookings?scope=all')).status).toBe(403);
    expect((await h.call(carol, 'GET', '/bookings?scope=specialist')).status).toBe(403);
    const all = await (await h.call(biz.admin, 'GET', '/bookings?scope=all')).json();
    expect(all.bookings).toHaveLength(2);
    expect(all.bookings.find((b: { id: string }) => b.id === bookingId).client_no_shows).toBe(1);
    const events = await h.testDb.database.raw.query<{ kind: string; initiator_role: string }>(
      'SELECT kind, initiator_role FROM booking_events WHERE booking_id = $1 ORDER BY id',
      [bookingId],
    );
    expect(events.map((e) => `${e.kind}/${e.initiator_role}`)).toEqual([
      'created/client',
      'reschedule/client',
      'no_show/specialist',
    ]);
  });
});

describe('who offers a service', () => {
  it('GET /specialists with service_id and location_id lists only those who offer it there', async () => {
    const colour = (await (
      await h.call(biz.admin, 'POST', '/services', { name: 'Colour', duration_minutes: 90 })
    ).json()) as { id: string };
    const names = async (query: string) =>
      (
        (await (await h.call(carol, 'GET', `/specialists${query}`)).json()) as {
          specialists: Array<{ name: string }>;
        }
      ).specialists.map((s) => s.name);
    expect(await names('')).toEqual(['Sam']);
    expect(await names(`?service_id=${biz.serviceId}&location_id=${biz.locationId}`)).toEqual(['Sam']);
    expect(await names(`?service_id=${colour.id}&location_id=${biz.locationId}`)).toEqual([]);
  });
});
