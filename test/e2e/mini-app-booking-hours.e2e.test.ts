// Adding a specialist and setting their week from the Mini App's salon setup (issue 31), reached
// the way people reach it: the sandbox chat's "Open app" button, then More → the salon → Setup;
// Chromium at 360 px, in English and Russian; the whole system in process. The admin makes an
// invite link, a new person opens it in the bot and is a specialist; the admin gives them Monday
// 10:00–16:00 (a wrong time is said so and saves nothing) and the slots start at 10:00.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiCall, callAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    admin: 'Ada',
    invited: 'Nina',
    more: 'More',
    dashboard: 'Bookings',
    expires: 'Works once, until',
    badDay: 'Monday: write both times, the start before the end',
    hoursSaved: 'Working hours saved: Nina, Soho',
  },
  ru: {
    admin: 'Анна',
    invited: 'Нина',
    more: 'Ещё',
    dashboard: 'Записи салона',
    expires: 'Сработает один раз, до',
    badDay: 'понедельник: укажите оба времени, начало раньше конца',
    hoursSaved: 'Часы работы сохранены: Нина, Soho',
  },
} as const;
type Language = keyof typeof WORDS;
type SandboxUser = Awaited<ReturnType<TestSystem['sb']['user']>>;

let t: TestSystem;
let browser: Browser;
let locationId = '';
let serviceId = '';
const admins = {} as Record<Language, SandboxUser>;

async function ok<T>(call: ApiCall, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  browser = await launchChromium('the Mini App specialist hours test');
  t = await startTestSystem();
  const root = await t.sb.user('hours_owner', { first_name: 'Olga', language_code: 'en' });
  await t.system.users.grantRole(root.id, 'admin', { kind: 'system' });
  const owner = await callAs(t, root);
  locationId = (
    await ok<{ id: string }>(owner, 'POST', '/booking/locations', { name: 'Soho', timezone: 'Europe/London' })
  ).id;
  serviceId = (
    await ok<{ id: string }>(owner, 'POST', '/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
      min_notice_minutes: 0,
      max_days_ahead: 30,
    })
  ).id;
  for (const language of ['en', 'ru'] as const) {
    const admin = await t.sb.user(`hours_admin_${language}`, {
      first_name: WORDS[language].admin,
      language_code: language,
    });
    await ok(await callAs(t, admin), 'PATCH', '/me', { language });
    await t.system.users.grantRole(admin.id, 'admin', { kind: 'system' });
    admins[language] = admin;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The salon's setup in the Mini App, as this admin, 360 px wide. */
async function openSetup(language: Language) {
  const w = WORDS[language];
  const opened = await openMiniApp(t, browser, admins[language], { viewport: { width: 360, height: 740 } });
  await opened.app.locator('nav.tabs button[data-tab="more"]', { hasText: w.more }).click();
  await opened.app.getByRole('menuitem').getByText(w.dashboard, { exact: true }).click();
  await opened.app.locator('[data-view="setup"]').click();
  await opened.app.locator('[data-list="specialists"]').waitFor({ state: 'attached', timeout: 15_000 });
  return opened;
}

/** The next Monday after today in London (never today), as YYYY-MM-DD. */
function nextMonday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const noon = Date.parse(`${today}T12:00:00Z`);
  const weekday = new Date(noon).getUTCDay(); // 0 Sunday … 6 Saturday
  const ahead = ((8 - weekday) % 7) + (weekday === 1 ? 7 : 0);
  return new Date(noon + ahead * 86_400_000).toISOString().slice(0, 10);
}
const londonTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe.each(['en', 'ru'] as const)(
  'a new specialist and their week from the salon setup in %s',
  (language) => {
    const w = WORDS[language];

    it('invites a specialist by a one-time link, then sets their Monday to 10:00–16:00', async () => {
      const admin = await callAs(t, admins[language]);
      const first = await openSetup(language);
      await first.app.locator('button[data-action="invite-specialist"]').click();
      const invite = first.app.locator('[data-form="invite-specialist"]');
      await invite.locator('input[name="name"]').fill(w.invited);
      await invite.locator('button[data-action="make-invite"]').click();
      const link = invite.locator('input[name="invite-url"]');
      await link.waitFor(VISIBLE);
      const url = await link.inputValue();
      expect(url).toMatch(/^https:\/\/t\.me\/\w+\?start=spi_[A-Za-z0-9_-]{32}$/);
      await invite.getByText(w.expires).waitFor(VISIBLE);
      await invite.locator('button[data-action="copy-invite"]').waitFor(VISIBLE);
      expect(await first.overflows()).toBe(false);
      expect(first.errors).toEqual([]);
      await first.close();

      // A new person opens the link in the bot and is a specialist.
      const nina = await t.sb.user(`hours_nina_${language}`, {
        first_name: w.invited,
        language_code: language,
      });
      await nina.send(`/start ${url.split('start=')[1]}`);
      const specialistOf = async () =>
        (
          await ok<{ specialists: Array<{ id: string; name: string; telegram_id?: number }> }>(
            admin,
            'GET',
            '/booking/specialists',
          )
        ).specialists.find((p) => p.telegram_id === nina.id);
      await expect.poll(async () => (await specialistOf())?.name, { timeout: 15_000 }).toBe(w.invited);
      const specialistId = (await specialistOf())?.id as string;

      const monday = nextMonday();
      const slots = async () =>
        (
          await ok<{ slots: Array<{ start: string }> }>(
            admin,
            'GET',
            `/booking/slots?service_id=${serviceId}&location_id=${locationId}&specialist_id=${specialistId}&from=${monday}&to=${monday}`,
          )
        ).slots;
      expect(await slots()).toEqual([]);

      // The week: Monday opened, a wrong end time is said so and saves nothing; then 10:00–16:00.
      const { app, errors, overflows, close } = await openSetup(language);
      const row = app.locator(`[data-list="specialists"] li[data-setup-id="${specialistId}"]`);
      await row.locator('button[data-action="edit"]').click();
      const form = row.locator(`[data-form="hours-${specialistId}"]`);
      const mon = form.locator('fieldset[data-weekday="1"]');
      await mon.locator('input[name="off"]').uncheck();
      await mon.locator('input[name="start"]').fill('10:00');
      await mon.locator('input[name="end"]').fill('09:00');
      await form.locator('button[data-action="save-hours"]').click();
      await form.getByRole('alert').getByText(w.badDay).waitFor(VISIBLE);
      expect(await slots()).toEqual([]);

      await mon.locator('input[name="end"]').fill('16:00');
      await form.locator('button[data-action="save-hours"]').click();
      await app.locator('.toast', { hasText: w.hoursSaved }).waitFor(VISIBLE);
      const saved = await slots();
      expect(saved.length).toBeGreaterThan(0);
      expect(londonTime(saved[0]?.start as string)).toBe('10:00');
      expect(londonTime(saved.at(-1)?.start as string)).toBe('15:00');
      // Tuesday is a day off.
      const tuesday = new Date(Date.parse(`${monday}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const tue = await ok<{ slots: unknown[] }>(
        admin,
        'GET',
        `/booking/slots?service_id=${serviceId}&location_id=${locationId}&specialist_id=${specialistId}&from=${tuesday}&to=${tuesday}`,
      );
      expect(tue.slots).toEqual([]);

      // The saved week is what the form shows next time (and what the API reads back).
      const week = await ok<{ weekly: Array<{ weekday: number; start: string; end: string }> }>(
        admin,
        'GET',
        `/booking/specialists/${specialistId}/hours?location_id=${locationId}`,
      );
      expect(week.weekly).toEqual([{ weekday: 1, start: '10:00', end: '16:00', breaks: [] }]);
      expect(await overflows()).toBe(false);
      expect(errors).toEqual([]);
      await close();
      const again = await openSetup(language);
      const reopened = again.app.locator(`[data-list="specialists"] li[data-setup-id="${specialistId}"]`);
      await reopened.locator('button[data-action="edit"]').click();
      const monday2 = reopened.locator(`[data-form="hours-${specialistId}"] fieldset[data-weekday="1"]`);
      await monday2.locator('input[name="start"]').waitFor(VISIBLE);
      expect(await monday2.locator('input[name="start"]').inputValue()).toBe('10:00');
      expect(await monday2.locator('input[name="end"]').inputValue()).toBe('16:00');
      expect(
        await reopened
          .locator(`[data-form="hours-${specialistId}"] fieldset[data-weekday="2"] input[name="off"]`)
          .isChecked(),
      ).toBe(true);
      expect(again.errors).toEqual([]);
      await again.close();
    }, 180_000);
  },
);
