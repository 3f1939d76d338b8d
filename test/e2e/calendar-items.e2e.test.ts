// GET /api/v1/calendar/items over real HTTP: a task due in the range, every time a daily reminder
// goes off (expanded), a snoozed one at its snoozed time, a booking as client and as specialist;
// the range is bounded (422 beyond 62 days, 400 reversed) before any work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCall, callAs } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
}, 120_000);
afterAll(() => t?.close());

type Item = {
  kind: string;
  id: string;
  title: string;
  start: string;
  end?: string;
  status: string;
  role?: string;
};

async function ok<T>(call: ApiCall, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('/api/v1/calendar/items', () => {
  it('lists tasks, reminder occurrences and bookings (client and specialist) in the range', async () => {
    const admin = await registeredPerson(t, 'CalAdmin', 'en', 'UTC');
    await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'system' });
    const adminApi = await callAs(t, admin.user);
    const spec = await registeredPerson(t, 'CalSpec', 'en', 'UTC');
    const location = await ok<{ id: string }>(adminApi, 'POST', '/booking/locations', {
      name: 'Studio',
      timezone: 'UTC',
    });
    const service = await ok<{ id: string }>(adminApi, 'POST', '/booking/services', {
      name: 'Massage',
      duration_minutes: 60,
    });
    const specialist = await ok<{ id: string }>(adminApi, 'POST', '/booking/specialists', {
      telegram_id: spec.user.id,
      name: 'CalSpec',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await ok(adminApi, 'PUT', `/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00', breaks: [] })),
    });

    const me = await registeredPerson(t, 'CalClient', 'en', 'UTC');
    const api = await callAs(t, me.user);
    const now = Date.now();
    const task = await ok<{ id: string }>(api, 'POST', '/tasks', {
      title: 'Hand in the report',
      due_at: iso(now + 3 * DAY),
    });
    await ok(api, 'POST', '/tasks', { title: 'Far away', due_at: iso(now + 40 * DAY) });
    const daily = await ok<{ id: string }>(api, 'POST', '/reminders', {
      text: 'Stretch',
      due_at: iso(now + DAY),
      rrule: 'FREQ=DAILY',
    });
    const day = (d: number) => iso(now + d * DAY).slice(0, 10);
    const { slots } = await ok<{ slots: Array<{ start: string }> }>(
      api,
      'GET',
      `/booking/slots?service_id=${service.id}&location_id=${location.id}&from=${day(2)}&to=${day(4)}`,
    );
    const booking = await ok<{ id: string }>(api, 'POST', '/booking/bookings', {
      service_id: service.id,
      location_id: location.id,
      start: slots[0]?.start,
    });

    const from = iso(now);
    const to = iso(now + 7 * DAY);
    const { items } = await ok<{ items: Item[] }>(api, 'GET', `/calendar/items?from=${from}&to=${to}`);
    expect(items.filter((i) => i.kind === 'task')).toEqual([
      expect.objectContaining({ id: task.id, title: 'Hand in the report', status: 'todo' }),
    ]);
    const stretches = items.filter((i) => i.kind === 'reminder' && i.id === daily.id);
    expect(stretches.length).toBeGreaterThanOrEqual(6);
    expect(new Set(stretches.map((s) => s.start)).size).toBe(stretches.length);
    expect(items.find((i) => i.kind === 'booking')).toMatchObject({
      id: booking.id,
      title: 'Massage',
      role: 'client',
      start: new Date(slots[0]?.start ?? 0).toISOString(),
    });
    expect(items.map((i) => i.start)).toEqual([...items.map((i) => i.start)].sort());

    // The specialist sees the same booking as theirs, with the client named.
    const specApi = await callAs(t, spec.user);
    const theirs = await ok<{ items: Item[] }>(specApi, 'GET', `/calendar/items?from=${from}&to=${to}`);
    expect(theirs.items).toEqual([
      expect.objectContaining({
        kind: 'booking',
        id: booking.id,
        role: 'specialist',
        title: 'Massage · CalClient',
      }),
    ]);
  });

  it('refuses a range over 62 days with 422 and a reversed one with 400', async () => {
    const { user } = await registeredPerson(t, 'CalRange', 'ru', 'Europe/Moscow');
    const api = await callAs(t, user);
    const now = Date.now();
    const long = await api<{ code: string }>(
      'GET',
      `/calendar/items?from=${iso(now)}&to=${iso(now + 63 * DAY)}`,
    );
    expect(long.status).toBe(422);
    expect(long.body.code).toBe('input_unprocessable');
    const reversed = await api<{ code: string }>(
      'GET',
      `/calendar/items?from=${iso(now)}&to=${iso(now - DAY)}`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('calendar_range_invalid');
    const fine = await api<{ items: Item[] }>(
      'GET',
      `/calendar/items?from=${iso(now)}&to=${iso(now + 62 * DAY)}`,
    );
    expect(fine.status).toBe(200);
    expect((await fetch(`${t.url}/api/v1/calendar/items?from=${iso(now)}&to=${iso(now + DAY)}`)).status).toBe(
      401,
    );
  });
});
