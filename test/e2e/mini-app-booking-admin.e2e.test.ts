// Running the salon from the Mini App (issue 31), reached the way people reach it: the sandbox
// chat's "Open app" button with real initData, then the tab bar's More menu; Chromium at 360 px,
// in English and Russian; the whole system in process. An admin confirms, moves and cancels
// bookings, books a walk-in, edits a service's price and gives a specialist a service; a client
// moves their booking. Times are the London salon's, named so for people in New York (issue 37).
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCall, callAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    admin: 'Ada',
    specialist: 'Sam',
    client: 'Clara',
    walkIn: 'Walter',
    phone: '+44 20 7946 0958',
    more: 'More',
    dashboard: 'Bookings',
    book: 'Book',
    zone: 'London time',
    confirmed: 'Confirmed',
    moved: 'Moved to',
    cancelAsk: 'Cancel this booking?',
    badPhone: 'Write the phone with its digits',
    booked: 'Booked:',
    price: '30.50',
    shownPrice: /£30\.50/,
    badPrice: 'Write the price as a number',
    badCurrency: 'That is not a currency code',
    saved: 'Saved',
    offersSaved: 'Saved. Sam:',
    archived: 'has bookings, so it is archived',
    archivedName: '(archived)',
    removed: 'removed',
  },
  ru: {
    admin: 'Анна',
    specialist: 'Семён',
    client: 'Клара',
    walkIn: 'Вальтер',
    phone: '+7 912 345-67-89',
    more: 'Ещё',
    dashboard: 'Записи салона',
    book: 'Запись',
    zone: 'по времени Лондона',
    confirmed: 'Подтверждено',
    moved: 'Перенесено на',
    cancelAsk: 'Отменить эту запись?',
    badPhone: 'Напишите телефон цифрами',
    booked: 'Записан:',
    price: '32,50',
    shownPrice: /32,50\s£/,
    badPrice: 'Напишите цену числом',
    badCurrency: 'Это не код валюты',
    saved: 'Сохранено',
    offersSaved: 'Сохранено. Семён:',
    archived: 'есть записи, поэтому оно в архиве',
    archivedName: '(в архиве)',
    removed: 'удалено',
  },
} as const;
type Language = keyof typeof WORDS;
type SandboxUser = Awaited<ReturnType<TestSystem['sb']['user']>>;

interface Booking {
  id: string;
  status: string;
  start: string;
  specialist_id: string;
  client_name?: string;
}
interface Service {
  id: string;
  name: string;
  price_cents: number | null;
  currency: string | null;
}

let t: TestSystem;
let browser: Browser;
const salon = {
  locationId: '',
  haircutId: '',
  consultId: '',
  specialists: {} as Record<Language, { user: SandboxUser; id: string }>,
  admins: {} as Record<Language, SandboxUser>,
};

async function ok<T>(call: ApiCall, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A sandbox person with this language and New York's clock (the salon is in London). */
async function person(name: string, firstName: string, language: Language) {
  const user = await t.sb.user(name, { first_name: firstName, language_code: language });
  await ok(await callAs(t, user), 'PATCH', '/me', { language, timezone: 'America/New_York' });
  return user;
}

beforeAll(async () => {
  browser = await launchChromium('the Mini App salon administration test');
  t = await startTestSystem();
  const root = await t.sb.user('salon_owner', { first_name: 'Olga', language_code: 'en' });
  await t.system.users.grantRole(root.id, 'admin', { kind: 'system' });
  const owner = await callAs(t, root);
  await ok(owner, 'PUT', '/booking/settings', { currency: 'GBP' });
  salon.locationId = (
    await ok<{ id: string }>(owner, 'POST', '/booking/locations', { name: 'Soho', timezone: 'Europe/London' })
  ).id;
  // Bookable at once and changeable up to the start: the tests take the first free time.
  const quick = { min_notice_minutes: 0, cancel_cutoff_minutes: 0 };
  salon.haircutId = (
    await ok<{ id: string }>(owner, 'POST', '/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
      price_cents: 2500,
      ...quick,
    })
  ).id;
  salon.consultId = (
    await ok<{ id: string }>(owner, 'POST', '/booking/services', {
      name: 'Consultation',
      duration_minutes: 30,
      requires_confirmation: 'always',
      ...quick,
    })
  ).id;
  for (const language of ['en', 'ru'] as const) {
    const w = WORDS[language];
    const user = await person(`salon_specialist_${language}`, w.specialist, language);
    const { id } = await ok<{ id: string }>(owner, 'POST', '/booking/specialists', {
      telegram_id: user.id,
      name: w.specialist,
      service_ids: [salon.haircutId, salon.consultId],
      location_ids: [salon.locationId],
    });
    await ok(owner, 'PUT', `/booking/specialists/${id}/hours`, {
      location_id: salon.locationId,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00', breaks: [] })),
    });
    salon.specialists[language] = { user, id };
    const admin = await person(`salon_admin_${language}`, w.admin, language);
    await t.system.users.grantRole(admin.id, 'admin', { kind: 'system' });
    salon.admins[language] = admin;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Opens the Mini App from the sandbox chat as this person, 360 px wide, on a More-menu page. */
async function openPage(user: SandboxUser, language: Language, page: 'dashboard' | 'book') {
  const w = WORDS[language];
  const opened = await openMiniApp(t, browser, user, { viewport: { width: 360, height: 740 } });
  await opened.app.locator('nav.tabs button[data-tab="more"]', { hasText: w.more }).click();
  await opened.app.getByRole('menuitem').getByText(w[page], { exact: true }).click();
  await opened.app.locator('h1', { hasText: w[page] }).waitFor(VISIBLE);
  return opened;
}

/** The specialist's first free time for a service, as the API offers it. */
async function firstFree(call: ApiCall, language: Language, serviceId: string, skip: string[] = []) {
  const from = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const to = new Date(Date.parse(`${from}T12:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
  const query = `service_id=${serviceId}&location_id=${salon.locationId}&specialist_id=${salon.specialists[language].id}`;
  const { slots } = await ok<{ slots: Array<{ start: string }> }>(
    call,
    'GET',
    `/booking/slots?${query}&from=${from}&to=${to}`,
  );
  return slots.find((s) => !skip.includes(s.start))?.start as string;
}

/** A new client books the specialist's first free time; returns the booking and their API. */
async function clientBooks(language: Language, name: string, serviceId = salon.haircutId) {
  const user = await person(`salon_${name}_${language}`, name, language);
  const call = await callAs(t, user);
  const made = await ok<Booking>(call, 'POST', '/booking/bookings', {
    service_id: serviceId,
    location_id: salon.locationId,
    specialist_id: salon.specialists[language].id,
    start: await firstFree(call, language, serviceId),
  });
  return { user, call, made };
}

async function serverBooking(language: Language, id: string) {
  const all = await ok<{ bookings: Booking[] }>(
    await callAs(t, salon.admins[language]),
    'GET',
    '/booking/bookings?scope=all',
  );
  return all.bookings.find((b) => b.id === id);
}

/** Text that does not fit its box at 360 px (a cut label), by its text; none expected. */
const cutLabels = (app: FrameLocator) =>
  app
    .locator('body')
    .evaluate((body) =>
      [...body.querySelectorAll('button, h1, h2, h3, .row-title, .row-sub, .field-label, th')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
        .map((el) => el.textContent),
    );

describe.each(['en', 'ru'] as const)('the admin’s salon page in %s', (language) => {
  const w = WORDS[language];

  it('confirms a request, moves a booking to another free time and cancels one (asked first)', async () => {
    const request = (await clientBooks(language, 'Yuri', salon.consultId)).made;
    expect(request.status).toBe('pending');
    const visit = (await clientBooks(language, 'Pavel')).made;
    const { app, errors, close } = await openPage(salon.admins[language], language, 'dashboard');

    const pending = app.locator(`li[data-booking-id="${request.id}"]`);
    await pending.waitFor(VISIBLE);
    // The salon's clock, named for an admin in New York.
    expect(await pending.textContent()).toContain(w.zone);
    await pending.locator('button[data-action="confirm"]').click();
    await app.locator('.toast', { hasText: w.confirmed }).waitFor(VISIBLE);
    await expect.poll(() => pending.getAttribute('data-status')).toBe('confirmed');
    expect((await serverBooking(language, request.id))?.status).toBe('confirmed');

    // Move: the specialist's free times open under the row; one is picked and confirmed.
    const row = app.locator(`li[data-booking-id="${visit.id}"]`);
    await row.locator('button[data-action="move"]').click();
    const times = row.locator('[data-step="time"] button');
    await times.first().waitFor(VISIBLE);
    const to = (await times.first().getAttribute('data-id')) as string;
    expect(to).not.toBe(visit.start);
    await times.first().click();
    await row.locator('button[data-action="move-yes"]').click();
    await app.locator('.toast', { hasText: w.moved }).waitFor(VISIBLE);
    await expect.poll(async () => (await serverBooking(language, visit.id))?.start).toBe(to);

    // Cancel asks first; Yes cancels it on the server.
    const moved = app.locator(`li[data-booking-id="${visit.id}"]`);
    await moved.locator('button[data-action="cancel"]').click();
    await moved.getByText(w.cancelAsk).waitFor(VISIBLE);
    await moved.locator('button[data-action="cancel-yes"]').click();
    await expect.poll(async () => (await serverBooking(language, visit.id))?.status).toBe('cancelled');
    await expect.poll(() => moved.count()).toBe(0);

    expect(await cutLabels(app)).toEqual([]);
    expect(await app.locator('body').evaluate((b) => b.scrollWidth <= 360)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it('books a walk-in by name and phone (a wrong phone is said so and books nothing), and a Telegram user by id', async () => {
    const admin = await callAs(t, salon.admins[language]);
    const { app, errors, close } = await openPage(salon.admins[language], language, 'dashboard');
    await app.locator('[data-view="bookFor"]').click();
    const form = app.locator('[data-form="book-for-client"]');
    await form.locator('[data-step="service"] button', { hasText: 'Haircut' }).click();
    await form
      .locator(`[data-step="specialist"] button[data-id="${salon.specialists[language].id}"]`)
      .click();
    const times = form.locator('[data-step="time"] button');
    await times.first().waitFor(VISIBLE);
    const start = (await times.first().getAttribute('data-id')) as string;
    await times.first().click();
    await form.locator('[data-step="client-kind"] button[data-id="walkin"]').click();
    await form.locator('input[name="client-name"]').fill(w.walkIn);
    await form.locator('input[name="client-phone"]').fill('call me');
    await form.locator('button[data-action="book-for"]').click();
    await form.locator('[role="alert"]', { hasText: w.badPhone }).waitFor(VISIBLE);
    const walkIns = async () =>
      (await ok<{ bookings: Booking[] }>(admin, 'GET', '/booking/bookings?scope=all')).bookings.filter(
        (b) => b.client_name === w.walkIn,
      );
    expect(await walkIns()).toEqual([]);

    // A walk-in is known by their phone (the same phone is the same client): one per language.
    await form.locator('input[name="client-phone"]').fill(w.phone);
    // The Book button is in reach above the tab bar.
    const button = form.locator('button[data-action="book-for"]');
    const [buttonBox, barBox] = [await button.boundingBox(), await app.locator('nav.tabs').boundingBox()];
    expect((buttonBox?.y ?? 0) + (buttonBox?.height ?? 0)).toBeLessThanOrEqual(barBox?.y ?? 0);
    await button.click();
    await app.locator('.toast', { hasText: w.booked }).waitFor(VISIBLE);
    await expect
      .poll(async () => (await walkIns()).map((b) => [b.start, b.status]))
      .toEqual([[start, 'confirmed']]);
    // Back on the bookings, with the walk-in's name.
    await app
      .locator(`li[data-booking-id="${(await walkIns())[0]?.id}"]`, { hasText: w.walkIn })
      .waitFor(VISIBLE);

    // Someone on Telegram, by their numeric id: the booking is theirs.
    const regular = await person(`salon_regular_${language}`, 'Rosa', language);
    await app.locator('[data-view="bookFor"]').click();
    await form.locator('[data-step="service"] button', { hasText: 'Haircut' }).click();
    await form
      .locator(`[data-step="specialist"] button[data-id="${salon.specialists[language].id}"]`)
      .click();
    await times.first().waitFor(VISIBLE);
    const at = (await times.first().getAttribute('data-id')) as string;
    await times.first().click();
    await form.locator('input[name="client-telegram-id"]').fill(String(regular.id));
    await form.locator('button[data-action="book-for"]').click();
    await app.locator('.toast', { hasText: w.booked }).waitFor(VISIBLE);
    const theirs = async () =>
      (await ok<{ bookings: Booking[] }>(await callAs(t, regular), 'GET', '/booking/bookings?scope=mine'))
        .bookings;
    await expect.poll(async () => (await theirs()).map((b) => b.start)).toEqual([at]);
    expect(await cutLabels(app)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it('edits a service’s price (a price that is no number is refused) and clients see it', async () => {
    const admin = await callAs(t, salon.admins[language]);
    const haircut = async () =>
      (await ok<{ services: Service[] }>(admin, 'GET', '/booking/services')).services.find(
        (s) => s.id === salon.haircutId,
      );
    const before = await haircut();
    const { app, errors, close } = await openPage(salon.admins[language], language, 'dashboard');
    await app.locator('[data-view="setup"]').click();
    // The currency: one that does not exist is refused with an example, and GBP stays.
    const currency = app.locator('[data-form="currency"]');
    await expect.poll(() => currency.locator('input[name="currency"]').inputValue()).toBe('GBP');
    await currency.locator('input[name="currency"]').fill('QQQ');
    await currency.locator('button[data-action="save-currency"]').click();
    await currency.locator('[role="alert"]', { hasText: w.badCurrency }).waitFor(VISIBLE);
    expect(await ok(admin, 'GET', '/booking/settings')).toEqual({ currency: 'GBP' });
    await currency.locator('input[name="currency"]').fill('GBP');

    const row = app.locator(`[data-list="services"] li[data-setup-id="${salon.haircutId}"]`);
    await row.locator('button[data-action="edit"]').click();
    const price = row.locator('input[name="price"]');
    await price.fill('twenty');
    await row.locator('button[data-action="save"]').click();
    await row.locator('[role="alert"]', { hasText: w.badPrice }).waitFor(VISIBLE);
    expect(await haircut()).toEqual(before);

    await price.fill(w.price);
    await row.locator('button[data-action="save"]').click();
    await app.locator('.toast', { hasText: w.saved }).waitFor(VISIBLE);
    await expect.poll(async () => (await haircut())?.price_cents).toBe(language === 'en' ? 3050 : 3250);
    // Only the price changed; the row shows it in the salon's currency.
    expect({ ...(await haircut()), price_cents: before?.price_cents }).toEqual(before);
    await expect.poll(async () => row.locator('.row-sub').textContent()).toMatch(w.shownPrice);
    expect(await cutLabels(app)).toEqual([]);
    expect(errors).toEqual([]);
    await close();

    // A client sees the new price on the Book page.
    const client = await person(`salon_price_${language}`, w.client, language);
    const book = await openPage(client, language, 'book');
    await expect
      .poll(() => book.app.locator('[data-step="service"] button', { hasText: 'Haircut' }).textContent())
      .toMatch(w.shownPrice);
    await book.close();
  }, 120_000);

  it('gives a specialist a service added after them, and clients can book it then', async () => {
    const admin = await callAs(t, salon.admins[language]);
    const specialist = salon.specialists[language];
    const colour = await ok<{ id: string }>(admin, 'POST', '/booking/services', {
      name: `Colour ${language}`,
      duration_minutes: 30,
      min_notice_minutes: 0,
    });
    const offering = async () =>
      (
        await ok<{ specialists: Array<{ id: string }> }>(
          admin,
          'GET',
          `/booking/specialists?service_id=${colour.id}&location_id=${salon.locationId}`,
        )
      ).specialists.map((s) => s.id);
    expect(await offering()).not.toContain(specialist.id);

    const { app, errors, close } = await openPage(salon.admins[language], language, 'dashboard');
    await app.locator('[data-view="setup"]').click();
    const row = app.locator(`[data-list="specialists"] li[data-setup-id="${specialist.id}"]`);
    await row.locator('button[data-action="edit"]').click();
    const box = row.locator(`input[data-service-id="${colour.id}"][data-location-id="${salon.locationId}"]`);
    await box.waitFor(VISIBLE);
    expect(await box.isChecked()).toBe(false);
    // What they already do stays ticked.
    expect(await row.locator(`input[data-service-id="${salon.haircutId}"]`).isChecked()).toBe(true);
    await box.check();
    await row.locator('button[data-action="save-offers"]').click();
    await app.locator('.toast', { hasText: w.offersSaved }).waitFor(VISIBLE);
    await expect.poll(offering).toContain(specialist.id);
    const { assignments } = await ok<{ assignments: Array<{ service_id: string; location_id: string }> }>(
      admin,
      'GET',
      `/booking/specialists/${specialist.id}/services`,
    );
    expect(assignments).toEqual(
      expect.arrayContaining([
        { service_id: colour.id, location_id: salon.locationId },
        { service_id: salon.haircutId, location_id: salon.locationId },
        { service_id: salon.consultId, location_id: salon.locationId },
      ]),
    );
    expect(await cutLabels(app)).toEqual([]);
    expect(await app.locator('body').evaluate((b) => b.scrollWidth <= 360)).toBe(true);
    expect(errors).toEqual([]);
    await close();
    expect(await firstFree(admin, language, colour.id)).toBeTruthy();
  }, 120_000);
});

describe.each(['en', 'ru'] as const)('removing from the salon’s setup in %s', (language) => {
  const w = WORDS[language];

  it('archives a service with a booking ahead (said so; the booking stays) and deletes one without', async () => {
    const admin = await callAs(t, salon.admins[language]);
    const specialist = salon.specialists[language];
    const trim = await ok<{ id: string }>(admin, 'POST', '/booking/services', {
      name: `Trim ${language}`,
      duration_minutes: 15,
      min_notice_minutes: 0,
    });
    const spare = await ok<{ id: string }>(admin, 'POST', '/booking/services', {
      name: `Spare ${language}`,
      duration_minutes: 15,
    });
    const path = `/booking/specialists/${specialist.id}/services`;
    const { assignments } = await ok<{ assignments: object[] }>(admin, 'GET', path);
    await ok(admin, 'PUT', path, {
      assignments: [...assignments, { service_id: trim.id, location_id: salon.locationId }],
    });
    const visit = (await clientBooks(language, 'Tom', trim.id)).made;
    const listed = async () =>
      (await ok<{ services: Service[] }>(admin, 'GET', '/booking/services')).services.map((s) => s.id);

    const { app, errors, close } = await openPage(salon.admins[language], language, 'dashboard');
    await app.locator('[data-view="setup"]').click();
    const remove = async (id: string, said: string) => {
      const row = app.locator(`[data-list="services"] li[data-setup-id="${id}"]`);
      await row.locator('button[data-action="remove"]').click();
      await row.locator('button[data-action="remove-yes"]').click();
      await app.locator('.toast', { hasText: said }).waitFor(VISIBLE);
      await expect.poll(() => row.count()).toBe(0);
    };
    await remove(trim.id, w.archived);
    expect(await listed()).not.toContain(trim.id);
    expect((await serverBooking(language, visit.id))?.status).toBe('confirmed');
    await remove(spare.id, w.removed);
    expect(await listed()).not.toContain(spare.id);
    expect((await admin('DELETE', `/booking/services/${spare.id}`)).status).toBe(404);
    // The booking of the archived service is still on the salon's list, its service named so.
    await app.locator('[data-view="bookings"]').click();
    await app.locator(`li[data-booking-id="${visit.id}"]`, { hasText: w.archivedName }).waitFor(VISIBLE);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});

describe.each(['en', 'ru'] as const)('a client’s bookings in %s', (language) => {
  const w = WORDS[language];

  it('moves a booking to another time from My bookings, in the salon’s time, labelled', async () => {
    const { user, call, made } = await clientBooks(language, w.client);
    const { app, errors, close } = await openPage(user, language, 'book');
    const row = app.locator(`[data-list="my-bookings"] li[data-booking-id="${made.id}"]`);
    await row.waitFor(VISIBLE);
    expect(await row.textContent()).toContain(w.zone);
    // The free times of the Book flow above make the page longer than the screen, as it was when the
    // toast covered Cancel.
    await app.locator('[data-step="service"] button', { hasText: 'Haircut' }).click();
    await app.locator('.booking-flow [data-step="time"] button').first().waitFor(VISIBLE);
    await row.locator('button[data-action="move"]').click();
    const times = row.locator('[data-step="time"] button');
    await times.first().waitFor(VISIBLE);
    // The booking's own time is not offered as a new one.
    expect(await row.locator(`[data-step="time"] button[data-id="${made.start}"]`).count()).toBe(0);
    const to = (await times.first().getAttribute('data-id')) as string;
    await times.first().click();
    await row.locator('button[data-action="move-yes"]').click();
    const toast = app.locator('.toast', { hasText: w.moved });
    await toast.waitFor(VISIBLE);
    const mine = async () =>
      (await ok<{ bookings: Booking[] }>(call, 'GET', '/booking/bookings?scope=mine')).bookings;
    await expect
      .poll(async () => (await mine()).map((b) => [b.id, b.start, b.status]))
      .toEqual([[made.id, to, 'confirmed']]);
    // Scrolled to the end, the toast covers none of the booking's buttons (it used to sit over Cancel).
    await app.locator('html').evaluate((html) => window.scrollTo(0, html.scrollHeight));
    const cancel = await row.locator('button[data-action="cancel"]').boundingBox();
    const shown = await toast.boundingBox();
    expect(cancel && shown && cancel.y < shown.y + shown.height && shown.y < cancel.y + cancel.height).toBe(
      false,
    );
    expect(await cutLabels(app)).toEqual([]);
    expect(await app.locator('body').evaluate((b) => b.scrollWidth <= 360)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
