// The Mini App's Settings and Calendar pages in a real Chromium at 360 px, opened from the
// sandbox chat's "Open app", in English and Russian: quiet hours set on the page are what the
// bot's /settings then shows; the Calendar shows a task and a booking on their day, and tapping
// one opens its page with that row marked.
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxUser } from '../../src/sandbox/client.ts';
import { type ApiCall, callAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
let browser: Browser;
const salon = { locationId: '', serviceId: '' };

async function ok<T>(call: ApiCall, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  browser = await launchChromium('the Mini App settings and calendar test');
  t = await startTestSystem();
  const admin = await registeredPerson(t, 'SalonAdmin', 'en', 'UTC');
  await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'system' });
  const api = await callAs(t, admin.user);
  const spec = await t.sb.user('cal_specialist', { first_name: 'Sam' });
  const location = await ok<{ id: string }>(api, 'POST', '/booking/locations', {
    name: 'Loft',
    timezone: 'UTC',
  });
  const service = await ok<{ id: string }>(api, 'POST', '/booking/services', {
    name: 'Yoga',
    duration_minutes: 60,
  });
  const specialist = await ok<{ id: string }>(api, 'POST', '/booking/specialists', {
    telegram_id: spec.id,
    name: 'Sam',
    service_ids: [service.id],
    location_ids: [location.id],
  });
  await ok(api, 'PUT', `/booking/specialists/${specialist.id}/hours`, {
    location_id: location.id,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00', breaks: [] })),
  });
  Object.assign(salon, { locationId: location.id, serviceId: service.id });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const WORDS = {
  en: {
    settings: 'Settings',
    quietFrom: 'From',
    quietTo: 'To',
    save: 'Save',
    saved: 'Saved',
    quiet: 'Quiet hours: 22:30–07:15',
    more: 'More',
    calendar: 'Calendar',
    tasks: 'Tasks',
    book: 'Book',
    month: 'Month',
  },
  ru: {
    settings: 'Настройки',
    quietFrom: 'С',
    quietTo: 'До',
    save: 'Сохранить',
    saved: 'Сохранено',
    quiet: 'Тихие часы: 22:30–07:15',
    more: 'Ещё',
    calendar: 'Календарь',
    tasks: 'Задачи',
    book: 'Запись',
    month: 'Месяц',
  },
} as const;

const open = (user: SandboxUser) => openMiniApp(t, browser, user, { viewport: { width: 360, height: 760 } });

async function openCalendar(app: FrameLocator, w: (typeof WORDS)['en' | 'ru']) {
  await app.locator('nav.tabs button[data-tab="more"]').click();
  await app.getByRole('menuitem', { name: w.calendar }).click();
  await app.locator('h1', { hasText: w.calendar }).waitFor(VISIBLE);
  // The week is drawn once its items have arrived.
  await app.locator('[data-view="week"]').waitFor(VISIBLE);
}

describe.each(['en', 'ru'] as const)('Settings and Calendar in %s', (language) => {
  const w = WORDS[language];

  it('quiet hours changed on the Settings page are the ones the bot then uses', async () => {
    const { user, chat } = await registeredPerson(t, `Quiet_${language}`, language, 'Europe/Berlin');
    const { app, errors, overflows, close } = await open(user);
    await app.locator('nav.tabs button', { hasText: w.settings }).click();
    const section = app.locator('[data-section="quiet-hours"]');
    await section.getByLabel(w.quietFrom, { exact: true }).fill('22:30');
    await section.getByLabel(w.quietTo, { exact: true }).fill('07:15');
    await section.getByRole('button', { name: w.save }).click();
    await app.locator('output.toast', { hasText: w.saved }).waitFor(VISIBLE);
    expect(await overflows()).toBe(false);
    expect(errors).toEqual([]);
    await close();

    await user.send('/settings');
    const settings = await chat.nextMessage(/Quiet hours|Тихие часы/);
    expect(settings.text).toContain(w.quiet);
  }, 120_000);

  it('the Calendar shows a task and a booking on their day; tapping one opens its page', async () => {
    const { user } = await registeredPerson(t, `Cal_${language}`, language, 'UTC');
    const api = await callAs(t, user);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const due = `${tomorrow.toISOString().slice(0, 10)}T15:00:00Z`;
    const task = await ok<{ id: string }>(api, 'POST', '/tasks', {
      title: `Pay rent ${language}`,
      due_at: due,
    });
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const query = `service_id=${salon.serviceId}&location_id=${salon.locationId}&from=${day(1)}&to=${day(1)}`;
    const { slots } = await ok<{ slots: Array<{ start: string }> }>(api, 'GET', `/booking/slots?${query}`);
    const booking = await ok<{ id: string }>(api, 'POST', '/booking/bookings', {
      service_id: salon.serviceId,
      location_id: salon.locationId,
      start: slots[0]?.start,
    });

    const { app, errors, overflows, close } = await open(user);
    await openCalendar(app, w);
    const dayBox = app.locator(`[data-view="week"] [data-day="${day(1)}"]`);
    // Tomorrow may be in next week: step on until its day is shown.
    if (!(await dayBox.count()))
      await app.getByRole('button', { name: language === 'en' ? 'Later' : 'Позже' }).click();
    await dayBox
      .locator(`[data-kind="task"][data-item-id="${task.id}"]`, { hasText: `Pay rent ${language}` })
      .waitFor(VISIBLE);
    await dayBox
      .locator(`[data-kind="booking"][data-item-id="${booking.id}"]`, { hasText: 'Yoga' })
      .waitFor(VISIBLE);
    expect(await overflows()).toBe(false);

    // The month view has them too (as a count on the day).
    await app.getByRole('button', { name: w.month }).click();
    await app.locator(`[data-view="month"] button[data-day="${day(1)}"] .calendar-dot`).waitFor(VISIBLE);
    expect(await overflows()).toBe(false);
    await app.locator(`[data-view="month"] button[data-day="${day(1)}"]`).click();
    await app.locator(`[data-kind="task"][data-item-id="${task.id}"]`).click();
    await app.locator('h1', { hasText: w.tasks }).waitFor(VISIBLE);
    await app.locator(`[data-task-id="${task.id}"].focused`).waitFor(VISIBLE);

    await openCalendar(app, w);
    if (!(await dayBox.count()))
      await app.getByRole('button', { name: language === 'en' ? 'Later' : 'Позже' }).click();
    await dayBox.locator(`[data-kind="booking"][data-item-id="${booking.id}"]`).click();
    await app.locator('h1', { hasText: w.book }).waitFor(VISIBLE);
    await app.locator(`[data-booking-id="${booking.id}"].focused`).waitFor(VISIBLE);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
