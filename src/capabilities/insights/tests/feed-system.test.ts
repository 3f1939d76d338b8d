import { parse as parseCsv } from 'csv-parse/sync';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { bookingModule } from '../../booking/index.ts';
import { notesModule } from '../../notes/index.ts';
import { remindersModule } from '../../reminders/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { insightsModule } from '../index.ts';

// The calendar feed and the export as the system mounts them (with tasks, reminders and notes as
// their sources): the .ics read back by a real parser, token reset, two users kept apart, the bot
// commands in en and ru, and the weekly report waiting out quiet hours.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([
    tasksModule,
    remindersModule,
    bookingModule,
    notesModule,
    insightsModule,
  ]);
}, 120_000);
afterAll(() => h?.close());

type Auth = Record<string, string>;
async function post<T>(auth: Auth, path: string, body: unknown): Promise<T> {
  const res = await h.request(`/api/v1${path}`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const feedUrl = async (auth: Auth) =>
  ((await (await h.request('/api/v1/calendar', { headers: auth })).json()) as { url: string }).url;
const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

describe('calendar feed', () => {
  it('round-trips a task deadline and a recurring reminder across DST; one user never sees another', async () => {
    const ada = await h.person('Ada', { timezone: 'Europe/Berlin' });
    const bob = await h.person('Bob', { timezone: 'America/New_York' });
    // Friday 27 Mar 2037 18:00 in Berlin (CET, +01:00), two days before the clocks go forward.
    const task = await post<{ id: string }>(ada.auth, '/tasks', {
      title: 'Hand in the essay',
      due_at: '2037-03-27T18:00:00+01:00',
    });
    const weekly = await post<{ id: string }>(ada.auth, '/reminders', {
      text: 'Stand-up',
      due_at: '2037-03-02T09:30:00+01:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
    });
    const once = await post<{ id: string }>(ada.auth, '/reminders', {
      text: 'Call the dentist',
      due_at: '2037-03-05T15:00:00+01:00',
    });
    // A reminder kept in another zone, named by its old alias (the library knows it as Europe/Kyiv).
    const kyiv = await post<{ id: string }>(ada.auth, '/reminders', {
      text: 'Call grandma',
      due_at: '2037-03-06T19:00:00+02:00',
      timezone: 'Europe/Kiev',
    });
    const bobs = await post<{ id: string }>(bob.auth, '/tasks', {
      title: 'Bob private plan',
      due_at: '2037-03-20T12:00:00-04:00',
    });

    expect((await h.request('/api/v1/calendar')).status).toBe(401);
    const url = await feedUrl(ada.auth);
    expect(url).toMatch(new RegExp(`^${h.t.url}/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await feedUrl(ada.auth)).toBe(url); // the same link until reset
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).not.toContain('Bob private plan');
    const parsed = events(text);

    // RFC 5545 §3.2.19: every TZID names a VTIMEZONE of the same calendar, spelled the same.
    const used = new Set([...text.matchAll(/;TZID=([^:;\r\n]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(['Europe/Berlin', 'Europe/Kiev']);
    const zones = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VTIMEZONE') as Array<{
      tzid: string;
    }>;
    expect(zones.map((z) => z.tzid).sort()).toEqual(['Europe/Berlin', 'Europe/Kiev']);
    const berlin = /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n[\s\S]*?END:VTIMEZONE/.exec(text)?.[0] ?? '';
    expect(berlin).toMatch(/BEGIN:DAYLIGHT\r\n[\s\S]*TZOFFSETTO:\+0200/);
    expect(berlin).toMatch(/BEGIN:STANDARD\r\n[\s\S]*TZOFFSETTO:\+0100/);
    const grandma = parsed.find((e) => e.uid === `reminder-${kyiv.id}@secretary`);
    expect(grandma?.start.toISOString()).toBe('2037-03-06T17:00:00.000Z');
    expect(grandma?.start.tz).toBe('Europe/Kiev');

    const deadline = parsed.find((e) => e.uid === `task-${task.id}@secretary`);
    expect(deadline?.summary).toBe('Hand in the essay');
    expect(deadline?.start.toISOString()).toBe('2037-03-27T17:00:00.000Z');
    expect(deadline?.start.tz).toBe('Europe/Berlin');

    const single = parsed.find((e) => e.uid === `reminder-${once.id}@secretary`);
    expect(single?.rrule).toBeUndefined();
    expect(single?.start.toISOString()).toBe('2037-03-05T14:00:00.000Z');

    // The series as a calendar app expands it equals the reminders capability's own schedule,
    // across the change to summer time on 29 March (09:30 local stays 09:30: 08:30Z, then 07:30Z).
    const series = parsed.find((e) => e.uid === `reminder-${weekly.id}@secretary`) as VEvent;
    expect(series.rrule?.toString()).toContain('FREQ=WEEKLY;BYDAY=MO,WE');
    const from = new Date('2037-03-22T00:00:00Z');
    const to = new Date('2037-04-03T00:00:00Z');
    const expanded = ical
      .expandRecurringEvent(series, { from, to })
      .map((i) => new Date(i.start).toISOString());
    const window = (await (
      await h.request(`/api/v1/reminders/occurrences?from=${from.toISOString()}&to=${to.toISOString()}`, {
        headers: ada.auth,
      })
    ).json()) as { items: Array<{ reminder_id: string; at: string }> };
    const own = window.items
      .filter((i) => i.reminder_id === weekly.id)
      .map((i) => new Date(i.at).toISOString());
    expect(expanded).toEqual([
      '2037-03-23T08:30:00.000Z',
      '2037-03-25T08:30:00.000Z',
      '2037-03-30T07:30:00.000Z',
      '2037-04-01T07:30:00.000Z',
    ]);
    expect(own).toEqual(expanded);

    // Bob's feed: his task, nothing of Ada's.
    const bobText = await (await fetch(await feedUrl(bob.auth))).text();
    const bobEvents = events(bobText).map((e) => e.uid);
    expect(bobEvents).toEqual([`task-${bobs.id}@secretary`]);
    expect(bobText).not.toMatch(/essay|Stand-up|dentist/);
  });

  it('a reset makes the old URL 404 (problem+json); guesses 404 too', async () => {
    const cleo = await h.person('Cleo', { timezone: 'Asia/Tokyo' });
    const old = await feedUrl(cleo.auth);
    const reset = await h.request('/api/v1/calendar/reset', { method: 'POST', headers: cleo.auth });
    expect(reset.status).toBe(200);
    const { url } = (await reset.json()) as { url: string };
    expect(url).not.toBe(old);
    expect(await feedUrl(cleo.auth)).toBe(url);
    const gone = await fetch(old);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');
    expect(((await gone.json()) as { code: string }).code).toBe('calendar_feed_not_found');
    expect((await fetch(url)).status).toBe(200);
    for (const guess of [
      `${'A'.repeat(43)}.ics`,
      'x.ics',
      'feed.ics',
      `${url.split('/').at(-1)?.slice(0, -4)}`,
    ])
      expect((await h.request(`/api/v1/calendar/${guess}`)).status).toBe(404);
  });
});

describe('bookings', () => {
  it('a confirmed booking as a client is in the feed (in the location’s zone) and in the export', async () => {
    const admin = await h.person('Boss', { roles: ['admin'] });
    const client = await h.person('Hana', { timezone: 'Asia/Tokyo' });
    const other = await h.person('Ivan', { timezone: 'Asia/Tokyo' });
    const location = await post<{ id: string }>(admin.auth, '/booking/locations', {
      name: 'Mitte',
      timezone: 'Europe/Berlin',
    });
    const service = await post<{ id: string }>(admin.auth, '/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
    });
    const specialist = await post<{ id: string }>(admin.auth, '/booking/specialists', {
      telegram_id: 9_400_001,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    const hours = await h.request(`/api/v1/booking/specialists/${specialist.id}/hours`, {
      method: 'PUT',
      headers: admin.auth,
      body: JSON.stringify({
        location_id: location.id,
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
      }),
    });
    expect(hours.status).toBe(200);
    // Tuesday 10 Mar 2037 10:00 Berlin (09:00Z).
    const booking = await post<{ id: string; status: string }>(client.auth, '/booking/bookings', {
      service_id: service.id,
      location_id: location.id,
      start: '2037-03-10T09:00:00Z',
    });
    expect(booking.status).toBe('confirmed');

    const feed = events(await (await fetch(await feedUrl(client.auth))).text());
    const visit = feed.find((e) => e.uid === `booking-${booking.id}@secretary`);
    expect(visit).toMatchObject({ summary: 'Haircut', location: 'Mitte' });
    expect(visit?.start.tz).toBe('Europe/Berlin');
    expect(visit?.start.toISOString()).toBe('2037-03-10T09:00:00.000Z');
    expect(visit?.end?.toISOString()).toBe('2037-03-10T10:00:00.000Z');
    const othersFeed = await (await fetch(await feedUrl(other.auth))).text();
    expect(othersFeed).not.toContain(booking.id);

    const data = (await (await h.request('/api/v1/export', { headers: client.auth })).json()) as {
      bookings: unknown[];
    };
    expect(data.bookings).toMatchObject([
      {
        id: booking.id,
        service: 'Haircut',
        location: 'Mitte',
        status: 'confirmed',
        start: '2037-03-10T09:00:00.000Z',
      },
    ]);
    const others = (await (await h.request('/api/v1/export', { headers: other.auth })).json()) as {
      bookings: unknown[];
    };
    expect(others.bookings).toEqual([]);
  });
});

describe('export', () => {
  it('JSON holds the user’s data and nothing of another user’s; the CSV survives quotes, commas and newlines', async () => {
    const dana = await h.person('Dana', { timezone: 'Europe/Berlin' });
    const eve = await h.person('Eve', { timezone: 'Europe/Berlin' });
    const tricky = 'Buy "milk", eggs, bread';
    const notes = 'first line, "quoted"\nsecond line';
    const task = await post<{ id: string }>(dana.auth, '/tasks', {
      title: tricky,
      description: notes,
      category: 'home',
    });
    await post(dana.auth, '/tasks', { title: 'Plain one' });
    const reminder = await post<{ id: string }>(dana.auth, '/reminders', {
      text: 'Water the plants',
      due_at: '2037-03-10T08:00:00+01:00',
      rrule: 'FREQ=DAILY',
    });
    await post(dana.auth, '/courses', { name: 'Algebra', topics: ['Groups', 'Rings'] });
    const note = await post<{ id: string }>(dana.auth, '/notes', { text: 'the garden roses need pruning' });
    const eveTask = await post<{ id: string }>(eve.auth, '/tasks', { title: 'EVE-SECRET task' });
    await post(eve.auth, '/notes', { text: 'EVE-SECRET note about bicycles' });

    const res = await h.request('/api/v1/export', { headers: dana.auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="secretary-export-.*\.json"$/,
    );
    const text = await res.text();
    expect(text).not.toContain('EVE-SECRET');
    expect(text).not.toContain(eveTask.id);
    const data = JSON.parse(text) as Record<string, unknown> & {
      user: { first_name: string; timezone: string };
      tasks: Array<{ id: string; title: string; category_id: string | null; description: string }>;
      categories: Array<{ id: string; name: string }>;
      courses: Array<{ name: string; topics: Array<{ title: string }> }>;
      reminders: Array<{ id: string; rrule: string | null }>;
      notes: Array<{ id: string; text: string }>;
      settings: Record<string, unknown>;
    };
    expect(data).toMatchObject({ format: 'secretary-export', version: 1 });
    expect(data.user).toMatchObject({ first_name: 'Dana', timezone: 'Europe/Berlin' });
    expect(data.tasks.map((t) => t.title).sort()).toEqual(['Plain one', tricky].sort());
    const home = data.categories.find((c) => c.name === 'home');
    expect(data.tasks.find((t) => t.id === task.id)).toMatchObject({
      category_id: home?.id,
      description: notes,
    });
    expect(data.courses).toMatchObject([
      { name: 'Algebra', topics: [{ title: 'Groups' }, { title: 'Rings' }] },
    ]);
    expect(data.reminders).toMatchObject([{ id: reminder.id, rrule: 'FREQ=DAILY' }]);
    expect(data.notes).toMatchObject([{ id: note.id, text: 'the garden roses need pruning' }]);
    expect(data.settings).toHaveProperty('insights.weekly', false);
    expect(data).toHaveProperty('bookings', []);

    const csv = await h.request('/api/v1/export?format=csv', { headers: dana.auth });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="secretary-tasks-.*\.csv"$/,
    );
    const rows = parseCsv(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r.id === task.id);
    expect(row).toMatchObject({
      title: tricky,
      description: notes,
      category: 'home',
      status: 'todo',
    });

    expect((await h.request('/api/v1/export')).status).toBe(401);
    expect((await h.request('/api/v1/export?format=xml', { headers: dana.auth })).status).toBe(400);
  });
});

describe('/calendar and /export in the bot', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`gives the link, resets it by button and sends the files (${lang})`, async () => {
      const me = await h.person(lang === 'en' ? 'Finn' : 'Фёдор', {
        language: lang,
        timezone: 'Europe/Moscow',
      });
      await post(me.auth, '/tasks', {
        title: lang === 'en' ? 'Pack, "carefully"' : 'Собрать вещи, "аккуратно"',
      });

      await me.user.send('/calendar');
      const card = await me.chat.nextMessage((m) => m.fromBot);
      const link = card.text.match(/https?:\/\/\S+\.ics/)?.[0] as string;
      expect(link).toBe(await feedUrl(me.auth));
      expect(card.text).toMatch(lang === 'en' ? /Keep it secret/ : /Не делитесь ссылкой/);
      const reset = lang === 'en' ? 'Reset the link' : 'Сменить ссылку';
      expect(card.buttons()).toEqual([reset]);
      await card.click(reset);
      const after = await me.chat.nextMessage((m) => m.fromBot && m.id !== card.id);
      const fresh = after.text.match(/https?:\/\/\S+\.ics/)?.[0] as string;
      expect(fresh).not.toBe(link);
      expect(after.text).toMatch(
        lang === 'en' ? /old link no longer works/ : /Старая ссылка больше не работает/,
      );
      expect((await fetch(link)).status).toBe(404);
      expect((await fetch(fresh)).status).toBe(200);
      // The first button again (stale): no second reset, the current link is shown.
      await card.click(reset);
      const again = await me.chat.nextMessage((m) => m.fromBot && m.id > after.id);
      expect(again.text).toContain(fresh);

      await me.user.send('/export');
      const json = await me.chat.nextMessage((m) => m.fromBot && Boolean(m.toJSON().document));
      const csv = await me.chat.nextMessage(
        (m) => m.fromBot && m.id > json.id && Boolean(m.toJSON().document),
      );
      expect(json.text).toBe(
        lang === 'en'
          ? 'Your data: everything as JSON, tasks also as CSV.'
          : 'Ваши данные: всё в JSON, задачи ещё и в CSV.',
      );
      const download = async (m: typeof json) =>
        (await fetch(`${h.t.url}/sandbox/api/files/${m.toJSON().document?.file_id}`)).text();
      const data = JSON.parse(await download(json)) as {
        user: { language: string };
        tasks: Array<{ title: string }>;
      };
      expect(data.user.language).toBe(lang);
      expect(data.tasks).toHaveLength(1);
      expect(csv.toJSON().document?.file_name).toMatch(/^secretary-tasks-.*\.csv$/);
      const rows = parseCsv(await download(csv), { columns: true }) as Array<{ title: string }>;
      expect(rows.map((r) => r.title)).toEqual([data.tasks[0]?.title]);
    });
  }
});

describe('weekly report and quiet hours', () => {
  it('a report due inside quiet hours arrives when they end, once', async () => {
    const gus = await h.person('Gus', { timezone: 'Europe/Berlin' });
    await h.t.system.users.updateSettings(gus.userId, { quietHours: { start: '18:00', end: '08:00' } });
    const on = await h.request('/api/v1/settings/insights.weekly', {
      method: 'PUT',
      headers: gus.auth,
      body: JSON.stringify({ value: true }),
    });
    expect(on.status).toBe(200);
    const since = await lastId(gus.chat);
    // Sunday 8 Mar 2037 19:00 Berlin (18:00Z) is inside 18:00–08:00: nothing until Monday 08:00 (07:00Z).
    await jumpTo(h.clock, '2037-03-08T18:00:00Z');
    await expectSilence(h.clock, gus.chat, since);
    await jumpTo(h.clock, '2037-03-09T06:59:00Z');
    await expectSilence(h.clock, gus.chat, since);
    await jumpTo(h.clock, '2037-03-09T07:00:00Z');
    const report = await waitMessage(h.clock, gus.chat, /Your week/, since);
    expect(new Date(report.toJSON().date * 1000).toISOString() >= '2037-03-09T07:00:00.000Z').toBe(true);
    await expectSilence(h.clock, gus.chat, report.id);
  });
});
