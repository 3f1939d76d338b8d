// GET/PUT/PATCH /api/v1/me/settings over real HTTP: one object with every personal setting the
// bot has (the platform's own and each capability's), a whole replace, a partial patch, and a
// 422 naming the wrong field that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCall, callAs } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
}, 120_000);
afterAll(() => t?.close());

type Settings = Record<string, unknown> & {
  language: string;
  timezone: string;
  quiet_hours: { start: string; end: string } | null;
  notifications: boolean;
  reminders: { digest: string | null };
  insights: { weekly: boolean; weekly_day: string; weekly_time: string | null; calendar_feed: string };
  companion: { checkins: boolean };
  notes: { threshold: string; ttl: string; style: string; forum: boolean; template: string | null };
};

const whole = (feed: string): Settings => ({
  language: 'ru',
  timezone: 'Asia/Tokyo',
  quiet_hours: { start: '22:30', end: '07:00' },
  notifications: false,
  reminders: { digest: '08:15' },
  insights: { weekly: true, weekly_day: 'mon', weekly_time: '18:00', calendar_feed: feed },
  companion: { checkins: false },
  notes: { threshold: '70', ttl: '6h', style: 'compact', forum: false, template: '{title}\n{text}' },
});

describe('/api/v1/me/settings', () => {
  let call: ApiCall;
  let userId: string;
  beforeAll(async () => {
    const person = await registeredPerson(t, 'Setta', 'en', 'Europe/London');
    userId = person.userId;
    call = await callAs(t, person.user);
  });

  it('GET answers every setting with its current value, the calendar feed link included', async () => {
    const { status, body } = await call<Settings>('GET', '/me/settings');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      language: 'en',
      timezone: 'Europe/London',
      quiet_hours: null,
      notifications: true,
      reminders: { digest: null },
      insights: { weekly: false, weekly_day: 'sun' },
      companion: { checkins: true },
      notes: { threshold: '50', ttl: '24h', style: 'detailed', forum: true, template: null },
    });
    expect(body.insights.calendar_feed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/.+\.ics$/);
  });

  it('PUT replaces the whole object; the bot and the capabilities read the new values', async () => {
    const before = (await call<Settings>('GET', '/me/settings')).body;
    const wanted = whole(before.insights.calendar_feed);
    const { status, body } = await call<Settings>('PUT', '/me/settings', wanted);
    expect(status).toBe(200);
    expect(body).toEqual(wanted);
    expect((await call<Settings>('GET', '/me/settings')).body).toEqual(wanted);
    const user = await t.system.users.getById(userId);
    expect(user).toMatchObject({
      language: 'ru',
      timezone: 'Asia/Tokyo',
      quietHoursStart: expect.stringMatching(/^22:30/),
      notificationsEnabled: false,
    });
  });

  it('a wrong field is a 422 naming it, and nothing changes (not even the right fields)', async () => {
    const before = (await call<Settings>('GET', '/me/settings')).body;
    const bad = {
      ...before,
      timezone: 'Europe/Paris',
      quiet_hours: { start: '25:00', end: '07:00' },
      notes: { ...before.notes, threshold: '55' },
    };
    const res = await call<{ code: string; fields: string[]; detail: string }>('PUT', '/me/settings', bad);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('settings_invalid');
    expect(res.body.fields).toEqual(expect.arrayContaining(['quiet_hours.start', 'notes.threshold']));
    expect(res.body.detail).toMatch(/^Nothing was changed/);
    expect((await call<Settings>('GET', '/me/settings')).body).toEqual(before);

    // A whole replace must be whole; an unknown field is refused too.
    const { notes: _notes, ...missing } = before;
    expect((await call<{ fields: string[] }>('PUT', '/me/settings', missing)).body.fields).toContain('notes');
    const extra = await call<{ fields: string[] }>('PATCH', '/me/settings', { colour: 'blue' });
    expect(extra.status).toBe(422);
    const zone = await call<{ fields: string[] }>('PATCH', '/me/settings', { timezone: 'Mars/Olympus' });
    expect(zone.body.fields).toEqual(['timezone']);
    expect((await call<Settings>('GET', '/me/settings')).body).toEqual(before);
  });

  it('PATCH changes only what it names; a read-only field sent back is ignored', async () => {
    const before = (await call<Settings>('GET', '/me/settings')).body;
    const { status, body } = await call<Settings>('PATCH', '/me/settings', {
      quiet_hours: null,
      reminders: { digest: '07:45' },
      insights: { calendar_feed: 'https://elsewhere.example/x.ics' },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ ...before, quiet_hours: null, reminders: { digest: '07:45' } });
  });

  it('is for signed-in people only', async () => {
    const res = await fetch(`${t.url}/api/v1/me/settings`);
    expect(res.status).toBe(401);
  });
});
