import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingModule } from '../../src/capabilities/booking/index.ts';
import { type CapabilityHarness, startCapabilityHarness } from '../support/capability-harness.ts';
import { dumpTables, webSignIn } from './booking-web-support.ts';

// Issue 29, booking and web-client sign-in: one regression test per finding, over real HTTP, as
// browsers behind a TLS proxy reach the server (PUBLIC_URL https, TRUST_PROXY for their addresses).

const PUBLIC_URL = 'https://book.example';
let h: CapabilityHarness;
let web: ReturnType<typeof webSignIn>;
beforeAll(async () => {
  h = await startCapabilityHarness([bookingModule], { env: { TRUST_PROXY: '1', PUBLIC_URL } });
  web = webSignIn(h);
}, 90_000);
afterAll(() => h?.close());

describe('booking by staff', () => {
  it('M5: a specialist books a client into their own calendar, never a colleague’s; ids only for admins', async () => {
    const admin = await h.person('Ada', { roles: ['admin'] });
    const sam = await h.person('Sam');
    const kim = await h.person('Kim');
    const cleo = await h.person('Cleo');
    const api = (who: { auth: Record<string, string> }, method: string, path: string, body?: unknown) =>
      h.request(`/api/v1/booking${path}`, {
        method,
        headers: who.auth,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const made = async (path: string, body: unknown) =>
      (await (await api(admin, 'POST', path, body)).json()) as { id: string };
    const location = await made('/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
    const service = await made('/services', { name: 'Haircut', duration_minutes: 60 });
    const staff = async (person: { user: { id: number } }, name: string, start: string) => {
      const row = await made('/specialists', {
        telegram_id: person.user.id,
        name,
        service_ids: [service.id],
        location_ids: [location.id],
      });
      const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end: '18:00' }));
      await api(admin, 'PUT', `/specialists/${row.id}/hours`, { location_id: location.id, weekly });
      return row.id;
    };
    const kimId = await staff(kim, 'Kim', '09:00');
    const samId = await staff(sam, 'Sam', '12:00');
    const book = (start: string, extra: Record<string, unknown> = {}) =>
      api(sam, 'POST', '/bookings', {
        service_id: service.id,
        location_id: location.id,
        start,
        client_telegram_id: cleo.user.id,
        ...extra,
      });

    // 10:00 is free only in Kim's calendar: Sam (no specialist_id) must not fill it.
    const intoKims = await book('2037-03-04T10:00:00+01:00');
    expect(intoKims.status).toBe(409);
    expect((await book('2037-03-04T10:00:00+01:00', { specialist_id: kimId })).status).toBe(403);
    const own = await book('2037-03-04T13:00:00+01:00');
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ specialist_id: samId, status: 'confirmed' });

    // Low: staff Telegram ids are an admin's business, not every signed-in client's.
    const listed = async (who: { auth: Record<string, string> }) =>
      ((await (await api(who, 'GET', '/specialists')).json()) as { specialists: object[] }).specialists;
    for (const s of await listed(cleo)) expect(s).not.toHaveProperty('telegram_id');
    expect((await listed(admin)).map((s) => (s as { telegram_id: number }).telegram_id).sort()).toEqual(
      [sam.user.id, kim.user.id].sort(),
    );
  });
});

describe('web sign-in by one-time code', () => {
  it('M6: someone asking codes for a person’s address neither voids their code nor stops them asking', async () => {
    const victim = '198.51.100.10';
    await web.askCode('vic@example.com', victim);
    const held = web.codesFor('vic@example.com').at(-1) as string;
    // Another requester asks as much as it may for the same identity …
    for (let i = 0; i < 3; i++)
      expect((await web.askCode('vic@example.com', '203.0.113.66')).status).toBe(202);
    // … the person's code still signs in, and they may still ask for another one.
    expect((await web.verify('vic@example.com', held, victim)).status).toBe(200);
    expect((await web.askCode('vic@example.com', victim)).status).toBe(202);
  });

  it('Low: concurrent requests cannot exceed the limit (3 codes per identity and requester)', async () => {
    const from = '198.51.100.20';
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => web.askCode('race@example.com', from).then((r) => r.status)),
    );
    expect(answers.filter((s) => s === 202)).toHaveLength(3);
    expect(answers.filter((s) => s === 429)).toHaveLength(5);
    expect(web.codesFor('race@example.com')).toHaveLength(3);
  });

  it('Low: one IPv6 /64 is one requester (10 codes per window), another /64 is not affected', async () => {
    for (let i = 1; i <= 10; i++)
      expect((await web.askCode(`six${i}@example.com`, `2001:db8:1:2::${i.toString(16)}`)).status).toBe(202);
    expect((await web.askCode('six11@example.com', '2001:db8:1:2:ffff:1:2:3')).status).toBe(429);
    expect((await web.askCode('six11@example.com', '2001:db8:1:3::1')).status).toBe(202);
    // Wrong codes are counted per /64 as well (20 per 15 minutes).
    for (let i = 1; i <= 20; i++)
      expect(
        (await web.verify('nobody6@example.com', '000000', `2001:db8:9:9::${i.toString(16)}`)).status,
      ).toBe(401);
    expect((await web.verify('nobody6@example.com', '000000', '2001:db8:9:9::abcd')).status).toBe(429);
  });

  it('M3: identities and addresses are not in the database in clear', async () => {
    await web.askCode('Dora@Example.com', '192.0.2.77');
    const code = web.codesFor('dora@example.com').at(-1) as string;
    expect((await web.verify('dora@example.com', code, '192.0.2.77')).status).toBe(200);
    const dump = await dumpTables(h, ['booking_clients', 'booking_login_codes']);
    expect(dump).toContain('"identity_hash"');
    for (const typed of ['dora@example.com', 'vic@example.com', '192.0.2.77', '198.51.100.10', '2001:db8'])
      expect(dump).not.toContain(typed);
    // The same person signing in again is the same client (found by the keyed hash).
    await web.askCode('dora@example.com', '192.0.2.77');
    const again = web.codesFor('dora@example.com').at(-1) as string;
    const second = await web.verify('dora@example.com', again, '192.0.2.77');
    const clients = await h.t.testDb.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM booking_clients WHERE name LIKE '%@example.com'`,
    );
    expect(second.status).toBe(200);
    expect(clients[0]?.n).toBe(2); // vic and dora, once each
  });
});

describe('the booking pages behind a TLS proxy', () => {
  it('Low: forms from PUBLIC_URL’s origin are accepted, other origins refused', async () => {
    const from = { 'x-forwarded-for': '192.0.2.88' };
    const ours = await web.form('/login', { identity: 'ori@example.com' }, { ...from, origin: PUBLIC_URL });
    expect(ours.status).toBe(200);
    const theirs = await web.form(
      '/login',
      { identity: 'ori@example.com' },
      { ...from, origin: 'https://evil.example' },
    );
    expect(theirs.status).toBe(403);
  });

  it('Low: signing out on the page revokes the token, not just the cookie', async () => {
    const cookie = await web.pageSession('out@example.com', '192.0.2.99');
    const token = cookie.slice(cookie.indexOf('=') + 1);
    const mine = () => h.request('/app/booking/mine', { redirect: 'manual', headers: { cookie } });
    expect((await mine()).status).toBe(200);
    const out = await web.form('/logout', {}, { cookie, origin: PUBLIC_URL });
    expect(out.status).toBe(303);
    // A copy of the cookie (or its token on the API) no longer signs anyone in.
    expect((await mine()).status).toBe(303);
    const api = await h.request('/api/v1/booking/bookings?scope=mine', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(401);
  });
});
