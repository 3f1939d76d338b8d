// The booking capability's Mini App pages, reached the way people reach them: the sandbox chat's
// "Open app" button with real initData, then the tab bar's More menu. Chromium at 360 px wide; the
// whole system in process (bot, API, database). A client books and cancels through the Book page
// and the server holds it; a slot taken meanwhile is said so and the times refresh.
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCall, callAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    client: 'Clara',
    specialist: 'Sam',
    more: 'More',
    today: 'Today',
    book: 'Book',
    service: 'Haircut · 60 min',
    confirm: 'Book',
    taken: 'Someone has just taken',
    none: 'No upcoming bookings',
    cancelAsk: 'Cancel this booking?',
    anyone: 'Anyone available',
    minutes60: '60 min',
    minutes30: '30 min',
    schedule: 'My schedule',
    dashboard: 'Bookings',
    bySpecialist: 'By specialist',
    cancelled: 'Booking cancelled',
  },
  ru: {
    client: 'Клара',
    specialist: 'Семён',
    more: 'Ещё',
    today: 'Сегодня',
    book: 'Запись',
    service: 'Haircut · 60 мин',
    confirm: 'Записаться',
    taken: 'только что заняли',
    none: 'Предстоящих записей нет',
    cancelAsk: 'Отменить эту запись?',
    anyone: 'Любой свободный',
    minutes60: '60 мин',
    minutes30: '30 мин',
    schedule: 'Моё расписание',
    dashboard: 'Записи салона',
    bySpecialist: 'По мастерам',
    cancelled: 'Запись отменена',
  },
} as const;

type SandboxUser = Awaited<ReturnType<TestSystem['sb']['user']>>;

let t: TestSystem;
let browser: Browser;
const salon = {
  locationId: '',
  serviceId: '',
  /** Bookings of this one wait for the specialist's confirmation. */
  consultId: '',
  specialists: {} as Record<'en' | 'ru', SandboxUser & { specialistId: string }>,
};

/** The API as this person (fresh sandbox-signed initData), answering the status and the JSON. */
const apiAs = (user: SandboxUser): Promise<ApiCall> => callAs(t, user);

async function ok<T>(call: ApiCall, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  browser = await launchChromium('the Mini App booking pages test');
  t = await startTestSystem();
  // A Berlin salon with one service and a specialist per language, working every day 09:00–18:00.
  const ada = await t.sb.user('booking_admin', { first_name: 'Ada', language_code: 'en' });
  await t.system.users.grantRole(ada.id, 'admin', { kind: 'system' });
  const admin = await apiAs(ada);
  const location = await ok<{ id: string }>(admin, 'POST', '/booking/locations', {
    name: 'Mitte',
    timezone: 'Europe/Berlin',
  });
  const service = await ok<{ id: string }>(admin, 'POST', '/booking/services', {
    name: 'Haircut',
    duration_minutes: 60,
    // The tests take the first free time, which may be within the hour; a client may still cancel it.
    cancel_cutoff_minutes: 0,
  });
  const consult = await ok<{ id: string }>(admin, 'POST', '/booking/services', {
    name: 'Consultation',
    duration_minutes: 30,
    requires_confirmation: 'always',
  });
  salon.locationId = location.id;
  salon.serviceId = service.id;
  salon.consultId = consult.id;
  for (const language of ['en', 'ru'] as const) {
    const user = await t.sb.user(`booking_specialist_${language}`, {
      first_name: WORDS[language].specialist,
      language_code: language,
    });
    const specialist = await ok<{ id: string }>(admin, 'POST', '/booking/specialists', {
      telegram_id: user.id,
      name: WORDS[language].specialist,
      service_ids: [service.id, consult.id],
      location_ids: [location.id],
    });
    await ok(admin, 'PUT', `/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00', breaks: [] })),
    });
    // Added by Telegram id before they ever wrote: their language is set as they would in Settings.
    await ok(await apiAs(user), 'PATCH', '/me', { language });
    salon.specialists[language] = Object.assign(user, { specialistId: specialist.id });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Opens the Mini App from the sandbox chat as this person, 360 px wide. */
const openApp = (user: SandboxUser) =>
  openMiniApp(t, browser, user, { viewport: { width: 360, height: 740 } });

/** The More menu's entries (capability pages this person may open). */
async function openMore(app: FrameLocator, more: string) {
  await app.locator('nav.tabs button[data-tab="more"]', { hasText: more }).click();
  return app.getByRole('menuitem');
}

interface Booking {
  id: string;
  status: string;
  start: string;
  specialist_id: string;
}

describe.each(['en', 'ru'] as const)('the Book page in %s', (language) => {
  const w = WORDS[language];

  it('books a chosen specialist’s free time, says when a slot was taken meanwhile, and cancels', async () => {
    const specialist = salon.specialists[language];
    const client = await t.sb.user(`booking_client_${language}`, {
      first_name: w.client,
      language_code: language,
    });
    const rival = await apiAs(
      await t.sb.user(`booking_rival_${language}`, { first_name: 'Rita', language_code: 'en' }),
    );
    const api = await apiAs(client);
    const { app, errors, close } = await openApp(client);
    await app.locator('h1', { hasText: w.today }).waitFor(VISIBLE);
    await (await openMore(app, w.more)).getByText(w.book, { exact: true }).click();
    await app.locator('h1', { hasText: w.book }).waitFor(VISIBLE);

    // Service → this language's specialist → the first free day and its first time → Book.
    await app.locator('[data-step="service"] button', { hasText: w.service }).click();
    await app.locator(`[data-step="specialist"] button[data-id="${specialist.specialistId}"]`).click();
    const times = app.locator('[data-step="time"] button');
    await times.first().waitFor(VISIBLE);
    const start = (await times.first().getAttribute('data-id')) as string;
    await times.first().click();
    await app.locator('button[data-action="book"]', { hasText: w.confirm }).click();

    // It is listed under My bookings, and the server holds it for this client with that specialist.
    const rows = app.locator('[data-list="my-bookings"] li');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    const mine = (await ok<{ bookings: Booking[] }>(api, 'GET', '/booking/bookings?scope=mine')).bookings;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ start, specialist_id: specialist.specialistId, status: 'confirmed' });
    expect(await rows.first().getAttribute('data-booking-id')).toBe(mine[0]?.id);
    // The booked time is no longer offered.
    await expect.poll(() => app.locator(`[data-step="time"] button[data-id="${start}"]`).count()).toBe(0);

    // Someone else takes the next time while it is chosen here: the page says so and drops it.
    await times.first().waitFor(VISIBLE);
    const next = (await times.first().getAttribute('data-id')) as string;
    await times.first().click();
    const taken = await rival('POST', '/booking/bookings', {
      service_id: salon.serviceId,
      location_id: salon.locationId,
      specialist_id: specialist.specialistId,
      start: next,
    });
    expect(taken.status).toBe(201);
    await app.locator('button[data-action="book"]').click();
    await app.locator('[role="alert"]', { hasText: w.taken }).waitFor(VISIBLE);
    await expect.poll(() => app.locator(`[data-step="time"] button[data-id="${next}"]`).count()).toBe(0);
    expect(
      (await ok<{ bookings: Booking[] }>(api, 'GET', '/booking/bookings?scope=mine')).bookings,
    ).toHaveLength(1);

    // Cancel asks first; then the booking leaves the list and the server has it cancelled.
    await rows.first().locator('button[data-action="cancel"]').click();
    await rows.first().getByText(w.cancelAsk).waitFor(VISIBLE);
    await rows.first().locator('button[data-action="cancel-yes"]').click();
    await app.getByText(w.none).waitFor(VISIBLE);
    const after = (await ok<{ bookings: Booking[] }>(api, 'GET', '/booking/bookings?scope=mine')).bookings;
    expect(after.map((b) => b.status)).toEqual(['cancelled']);

    // "Anyone available": the server picks a specialist free then, and the booking names them.
    await app.locator('[data-step="specialist"] button[data-id=""]', { hasText: w.anyone }).click();
    await times.first().waitFor(VISIBLE);
    const anyStart = (await times.first().getAttribute('data-id')) as string;
    await times.first().click();
    await app.locator('.booking-confirm', { hasText: w.anyone }).waitFor(VISIBLE);
    await app.locator('button[data-action="book"]').click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    const anyone = (await ok<{ bookings: Booking[] }>(api, 'GET', '/booking/bookings?scope=mine')).bookings;
    const made = anyone.find((b) => b.status === 'confirmed');
    expect(made?.start).toBe(anyStart);
    const names = {
      [salon.specialists.en.specialistId]: 'Sam',
      [salon.specialists.ru.specialistId]: 'Семён',
    };
    expect(await rows.first().textContent()).toContain(names[made?.specialist_id ?? '']);

    const tabs = app.locator('nav.tabs');
    expect(await tabs.evaluate((nav) => nav.scrollWidth <= nav.clientWidth && nav.clientWidth <= 360)).toBe(
      true,
    );
    expect(await app.locator('body').evaluate((b) => b.scrollWidth <= 360)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});

/** Books the specialist's first free time for a new client through the API; returns the booking. */
async function bookThroughApi(language: 'en' | 'ru', name: string, serviceId = salon.serviceId) {
  const specialist = salon.specialists[language];
  const client = await apiAs(await t.sb.user(`booking_${name}_${language}`, { first_name: name }));
  const from = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const to = new Date(Date.parse(`${from}T12:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
  const query = `service_id=${serviceId}&location_id=${salon.locationId}&specialist_id=${specialist.specialistId}`;
  const { slots } = await ok<{ slots: Array<{ start: string }> }>(
    client,
    'GET',
    `/booking/slots?${query}&from=${from}&to=${to}`,
  );
  return ok<Booking>(client, 'POST', '/booking/bookings', {
    service_id: serviceId,
    location_id: salon.locationId,
    specialist_id: specialist.specialistId,
    start: slots[0]?.start,
  });
}

describe.each(['en', 'ru'] as const)('the Schedule and salon pages in %s', (language) => {
  const w = WORDS[language];

  it('a specialist sees clients’ bookings on their schedule, confirms a pending one and cancels another', async () => {
    const made = await bookThroughApi(language, 'Olga');
    const pending = await bookThroughApi(language, 'Yuri', salon.consultId);
    expect(pending.status).toBe('pending');
    const specialist = salon.specialists[language];
    const { app, errors, close } = await openApp(specialist);
    await (await openMore(app, w.more)).getByText(w.schedule, { exact: true }).click();
    await app.locator('h1', { hasText: w.schedule }).waitFor(VISIBLE);
    const row = app.locator(`[data-list="schedule"] li[data-booking-id="${made.id}"]`);
    await row.waitFor(VISIBLE);
    expect(await row.textContent()).toContain('Olga');
    // Not started yet: the specialist may cancel (asked first), not mark came / no-show.
    expect(await row.locator('button[data-action="no-show"]').count()).toBe(0);
    await row.locator('button[data-action="cancel"]').click();
    await row.locator('button[data-action="cancel-yes"]').click();
    await app.getByText(w.cancelled).waitFor(VISIBLE);
    await expect.poll(() => row.count()).toBe(0);
    const api = await apiAs(specialist);
    const schedule = (await ok<{ bookings: Booking[] }>(api, 'GET', '/booking/bookings?scope=specialist'))
      .bookings;
    expect(schedule.find((b) => b.id === made.id)?.status).toBe('cancelled');

    // The request waiting for confirmation: Confirm makes it confirmed on the server.
    const request = app.locator(`[data-list="schedule"] li[data-booking-id="${pending.id}"]`);
    expect(await request.textContent()).toContain('Yuri');
    await request.locator('button[data-action="confirm"]').click();
    await expect.poll(() => request.getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
    const after = (await ok<{ bookings: Booking[] }>(api, 'GET', '/booking/bookings?scope=specialist'))
      .bookings;
    expect(after.find((b) => b.id === pending.id)?.status).toBe('confirmed');
    expect(await app.locator('body').evaluate((b) => b.scrollWidth <= 360)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it('an admin sees every specialist’s bookings with counts; a plain client gets neither page, and the API says 403', async () => {
    const made = await bookThroughApi(language, 'Pavel');
    const boss = await t.sb.user(`booking_boss_${language}`, { first_name: 'Boss', language_code: language });
    await t.system.users.grantRole(boss.id, 'admin', { kind: 'system' });
    await ok(await apiAs(boss), 'PATCH', '/me', { language });
    const admin = await openApp(boss);
    await (await openMore(admin.app, w.more)).getByText(w.dashboard, { exact: true }).click();
    await admin.app.locator('h1', { hasText: w.dashboard }).waitFor(VISIBLE);
    const row = admin.app.locator(`li[data-booking-id="${made.id}"]`);
    await row.waitFor(VISIBLE);
    expect(await row.textContent()).toContain(`Pavel → ${w.specialist}`);
    await admin.app.locator('h2', { hasText: w.bySpecialist }).waitFor(VISIBLE);
    expect(await admin.app.locator('[data-list="specialists"] li').count()).toBe(2);
    // The services are under Setup, with their durations.
    await admin.app.locator('[data-view="setup"]').click();
    const services = admin.app.locator('[data-list="services"] li');
    await services.first().waitFor(VISIBLE);
    expect(await services.locator('.row-title').allTextContents()).toEqual(['Haircut', 'Consultation']);
    expect(await services.locator('.row-sub').allTextContents()).toEqual([
      expect.stringContaining(w.minutes60),
      expect.stringContaining(w.minutes30),
    ]);
    expect(await admin.app.locator('body').evaluate((b) => b.scrollWidth <= 360)).toBe(true);
    expect(admin.errors).toEqual([]);
    await admin.close();

    const plain = await t.sb.user(`booking_plain_${language}`, {
      first_name: 'Pia',
      language_code: language,
    });
    const client = await openApp(plain);
    const items = await openMore(client.app, w.more);
    await items.getByText(w.book, { exact: true }).waitFor(VISIBLE);
    expect(await items.getByText(w.schedule, { exact: true }).count()).toBe(0);
    expect(await items.getByText(w.dashboard, { exact: true }).count()).toBe(0);
    await client.close();
    const api = await apiAs(plain);
    expect((await api('GET', '/booking/bookings?scope=specialist')).status).toBe(403);
    expect((await api('GET', '/booking/bookings?scope=all')).status).toBe(403);
  }, 120_000);
});
