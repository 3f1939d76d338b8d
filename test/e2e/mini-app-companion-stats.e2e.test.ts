// Two capability pages reached the way a person reaches them: the sandbox chat's "Open app" button
// with real initData, then the tab bar's More menu. Stats (insights): the figures of a period and
// completions per day. About you (companion): the profile, edited and then erased. Chromium at
// 360 px wide; the whole system in process (bot, API, database).
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsInProblem } from '../../web/src/capabilities/companion/profile-fields.ts';
import { apiAs, launchChromium, openMiniApp, tokenOf, VISIBLE } from '../support/mini-app-browser.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    name: 'Mila',
    today: 'Today',
    more: 'More',
    stats: 'Stats',
    profile: 'About you',
    tasks: ['Water the plants', 'Pay the electricity bill', 'Call the dentist'],
    lastWeek: 'Last week',
    month: 'This month',
    nothingDone: 'Nothing completed in this period yet',
    edit: 'Edit',
    save: 'Save',
    saved: 'Profile saved',
    addInterest: 'Add an interest',
    summary: 'Runs before work and learns Portuguese.',
    interest: 'Trail running',
    editedByYou: 'Edited by you',
    erase: 'Erase',
    eraseQuestion: 'Erase what the assistant knows about you?',
    eraseConfirm: 'Yes, erase',
    erased: 'Profile erased',
    empty: 'Nothing yet',
  },
  ru: {
    name: 'Майя',
    today: 'Сегодня',
    more: 'Ещё',
    stats: 'Статистика',
    profile: 'О вас',
    tasks: ['Полить цветы', 'Оплатить электричество', 'Позвонить стоматологу'],
    lastWeek: 'Прошлая неделя',
    month: 'Этот месяц',
    nothingDone: 'За этот период пока ничего не выполнено',
    edit: 'Изменить',
    save: 'Сохранить',
    saved: 'Профиль сохранён',
    addInterest: 'Добавить интерес',
    summary: 'Бегает до работы и учит португальский.',
    interest: 'Трейлраннинг',
    editedByYou: 'Изменено вами',
    erase: 'Стереть',
    eraseQuestion: 'Стереть всё, что ассистент знает о вас?',
    eraseConfirm: 'Да, стереть',
    erased: 'Профиль стёрт',
    empty: 'Пока пусто',
  },
} as const;

interface Profile {
  summary: string;
  interests: string[];
  goals: string[];
  preferred_times: string;
  edited_by_user: boolean;
}

let t: TestSystem;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App companion and stats pages test');
  t = await startTestSystem();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The Mini App as this user at 360 × 740, ready once it shows Today's heading. */
const openApp = (user: Awaited<ReturnType<TestSystem['sb']['user']>>, today: string) =>
  openMiniApp(t, browser, user, {
    viewport: { width: 360, height: 740 },
    ready: (app) => app.locator('h1', { hasText: today }).waitFor(VISIBLE),
  });

/** Nothing on the page is wider than the 360 px screen. */
const fits = (app: FrameLocator) =>
  app.locator('main').evaluate((main) => main.scrollWidth <= main.clientWidth && main.clientWidth <= 360);

describe.each(['en', 'ru'] as const)('the Stats and About you pages in %s', (language) => {
  const w = WORDS[language];

  it('Stats shows the completed tasks of this week, switches period; About you is edited, then erased', async () => {
    const user = await t.sb.user(`companion_stats_${language}`, {
      first_name: w.name,
      language_code: language,
    });
    const api = await apiAs(t, user);
    // Three tasks done and one left open, as the Mini App's Tasks page and Done button make them.
    for (const title of [...w.tasks, 'open']) {
      const task = await api<{ id: string; version: number }>('POST', '/tasks', { title });
      if (title !== 'open')
        await api('PATCH', `/tasks/${task.id}`, { status: 'done', version: task.version });
    }
    const { context, app, errors } = await openApp(user, w.today);

    // Stats from More: this week's completed count, and one bar per day of the week holding them.
    await app.locator('nav.tabs button[data-tab="more"]', { hasText: w.more }).click();
    await app.getByRole('menuitem', { name: w.stats }).click();
    await app.locator('h1', { hasText: w.stats }).waitFor(VISIBLE);
    const completed = app.locator('[data-figure="completed"] .figure');
    await expect.poll(() => completed.textContent(), { timeout: 15_000 }).toBe('3');
    const bars = app.locator('[data-chart="per-day"] .day-bar');
    expect(await bars.count()).toBe(7);
    const perDay = await bars.evaluateAll((b) => b.map((bar) => Number(bar.getAttribute('data-completed'))));
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await fits(app)).toBe(true);

    // Last week: nothing yet for a new user; this month holds the three again.
    await app.locator('button[data-period="last-week"]', { hasText: w.lastWeek }).click();
    await app.locator('[data-period-shown="last-week"]').waitFor(VISIBLE);
    expect(await completed.textContent()).toBe('0');
    await app.getByText(w.nothingDone).waitFor(VISIBLE);
    await app.locator('button[data-period="month"]', { hasText: w.month }).click();
    await app.locator('[data-period-shown="month"]').waitFor(VISIBLE);
    expect(await completed.textContent()).toBe('3');
    expect(await bars.count()).toBeGreaterThanOrEqual(28);

    // About you from More: empty at first; edit the summary and add an interest.
    await app.locator('nav.tabs button[data-tab="more"]').click();
    await app.getByRole('menuitem', { name: w.profile }).click();
    await app.locator('h1', { hasText: w.profile }).waitFor(VISIBLE);
    await app.locator('[data-profile="empty"]').waitFor(VISIBLE);
    await app.getByRole('button', { name: w.edit, exact: true }).click();
    await app.locator('textarea[name="summary"]').fill(w.summary);
    await app.locator('[data-list-editor="interests"] button.link', { hasText: w.addInterest }).click();
    await app.locator('input[name="interests-0"]').fill(w.interest);
    expect(await fits(app)).toBe(true);
    await app.getByRole('button', { name: w.save, exact: true }).click();
    await app.getByText(w.saved).waitFor(VISIBLE);
    await app.locator('[data-field="summary"]', { hasText: w.summary }).waitFor(VISIBLE);
    await app.locator('[data-field="interests"] li', { hasText: w.interest }).waitFor(VISIBLE);
    await app.locator('[data-field="refreshed"]', { hasText: w.editedByYou }).waitFor(VISIBLE);
    expect(await api<Profile>('GET', '/companion/profile')).toMatchObject({
      summary: w.summary,
      interests: [w.interest],
      edited_by_user: true,
    });

    // Erase asks first; after "yes" the server holds an empty profile and the page shows it.
    await app.getByRole('button', { name: w.erase, exact: true }).click();
    await app.getByText(w.eraseQuestion).waitFor(VISIBLE);
    await app.getByRole('button', { name: w.eraseConfirm }).click();
    await app.getByText(w.erased).waitFor(VISIBLE);
    await app.locator('[data-profile="empty"]').waitFor(VISIBLE);
    await app.locator('[data-field="summary"]', { hasText: w.empty }).waitFor(VISIBLE);
    expect(await api<Profile>('GET', '/companion/profile')).toMatchObject({
      summary: '',
      interests: [],
      goals: [],
      preferred_times: '',
    });

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the About you form and the server', () => {
  it('marks the fields a real 400 names (the form keeps to the limits; this is its fallback)', async () => {
    const user = await t.sb.user('companion_problem', { first_name: 'Ivo', language_code: 'en' });
    const api = await apiAs(t, user);
    // The server's problem detail, read by the form's parser.
    const token = await tokenOf(t, user);
    const res = await fetch(`${t.url}/api/v1/companion/profile`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ summary: 'ok', interests: ['x'.repeat(61)], preferred_times: 'y'.repeat(121) }),
    });
    expect(res.status).toBe(400);
    expect(fieldsInProblem(((await res.json()) as { detail: string }).detail)).toEqual([
      'interests',
      'preferred_times',
    ]);

    // The same through the page: an interest past the limit (the input's own limit lifted, as an
    // older build of the form would send it) is refused, marked, and nothing is saved.
    const { context, app, errors } = await openApp(user, WORDS.en.today);
    await app.locator('nav.tabs button[data-tab="more"]').click();
    await app.getByRole('menuitem', { name: WORDS.en.profile }).click();
    await app.getByRole('button', { name: WORDS.en.edit, exact: true }).click();
    await app.locator('[data-list-editor="interests"] button.link').click();
    const interest = app.locator('input[name="interests-0"]');
    await interest.evaluate((input) => input.removeAttribute('maxlength'));
    await interest.fill('x'.repeat(61));
    await app.getByRole('button', { name: WORDS.en.save, exact: true }).click();
    await app.getByText('The profile was not saved: fix the marked fields and save again.').waitFor(VISIBLE);
    await app.getByText('Keep up to 8 interests of up to 60 characters each.').waitFor(VISIBLE);
    expect(await app.locator('[data-list-editor="interests"]').getAttribute('aria-invalid')).toBe('true');
    expect((await api<Profile>('GET', '/companion/profile')).interests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
