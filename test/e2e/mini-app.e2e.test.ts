// The Mini App in a real Chromium, opened the way a person opens it: the sandbox chat's "Open app"
// button, which signs real initData for the user. Whole system in process (bot, API, database).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    name: 'Mina',
    tasks: 'Tasks',
    today: 'Today',
    reminders: 'Reminders',
    settings: 'Settings',
    task: 'Buy oat milk today',
    title: 'Buy oat milk',
    nothingDue: 'Nothing due today',
    done: 'Done',
    added: 'Added: Buy oat milk',
    reminder: 'remind me every day at 9 to stretch',
    reminderAdded: 'Added: Stretch',
    rule: 'every day at 09:00',
    pause: 'Pause',
    paused: 'paused',
    otherLanguage: 'Русский',
    otherTasksTab: 'Задачи',
    otherLanguageCode: 'ru',
  },
  ru: {
    name: 'Мила',
    tasks: 'Задачи',
    today: 'Сегодня',
    reminders: 'Напоминания',
    settings: 'Настройки',
    task: 'Купить овсяное молоко сегодня',
    title: 'Купить овсяное молоко',
    nothingDue: 'На сегодня ничего',
    done: 'Готово',
    added: 'Добавлено: Купить овсяное молоко',
    reminder: 'напомни каждый день в 9 сделать зарядку',
    reminderAdded: 'Добавлено: Сделать зарядку',
    rule: 'каждый день в 09:00',
    pause: 'Пауза',
    paused: 'на паузе',
    otherLanguage: 'English',
    otherTasksTab: 'Tasks',
    otherLanguageCode: 'en',
  },
} as const;

let t: TestSystem;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App browser test');
  t = await startTestSystem();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each(['en', 'ru'] as const)('the Mini App in %s', (language) => {
  const w = WORDS[language];

  it('opens from the sandbox, adds a task, completes it on Today, pauses a reminder and changes the language', async () => {
    const user = await t.sb.user(`mini_app_${language}`, { first_name: w.name, language_code: language });
    // The sandbox chat as this user, at desktop width; "Open app" opens the panel with signed
    // initData. Signed in, in the user's language, on Today with nothing due.
    const { app, errors, close } = await openMiniApp(t, browser, user, {
      viewport: { width: 1280, height: 860 },
      ready: (app) => app.locator('h1', { hasText: w.today }).waitFor(VISIBLE),
    });
    await app.getByText(w.nothingDue).waitFor(VISIBLE);

    // Quick add on Tasks goes through the same parser as the bot.
    await app.locator('nav.tabs button', { hasText: w.tasks }).click();
    await app.locator('input[name="quick-add"]').fill(w.task);
    await app.locator('form.quick-add button[type="submit"]').click();
    await app.getByText(w.added).waitFor(VISIBLE);
    await app.locator('[data-list="tasks"] .row-title', { hasText: w.title }).waitFor(VISIBLE);

    // Today lists it; Done completes it there.
    await app.locator('nav.tabs button', { hasText: w.today }).click();
    const row = app.locator('[data-list="today"] .row', { hasText: w.title });
    await row.waitFor(VISIBLE);
    await row.getByRole('button', { name: w.done }).click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await app.getByText(w.nothingDue).waitFor(VISIBLE);

    const api = await apiAs(t, user);
    const done = await api<{ items: Array<{ title: string; status: string }> }>('GET', '/tasks?view=done');
    expect(done.items).toEqual([expect.objectContaining({ title: w.title, status: 'done' })]);

    // A recurring reminder from the same box, shown with its rule in words; pause it.
    await app.locator('nav.tabs button', { hasText: w.tasks }).click();
    await app.locator('input[name="quick-add"]').fill(w.reminder);
    await app.locator('form.quick-add button[type="submit"]').click();
    await app.getByText(w.reminderAdded).waitFor(VISIBLE);
    await app.locator('nav.tabs button', { hasText: w.reminders }).click();
    const reminder = app.locator('[data-list="reminders"] .row').first();
    await reminder.locator('.row-sub', { hasText: w.rule }).waitFor(VISIBLE);
    await reminder.getByRole('button', { name: w.pause }).click();
    await reminder.locator('.row-sub', { hasText: w.paused }).waitFor(VISIBLE);
    const reminders = await api<{ items: Array<{ status: string; rrule: string }> }>('GET', '/reminders');
    expect(reminders.items).toEqual([
      expect.objectContaining({ status: 'paused', rrule: expect.stringContaining('FREQ=DAILY') }),
    ]);

    // Settings: the other language switches the app at once and is saved for the bot too.
    await app.locator('nav.tabs button', { hasText: w.settings }).click();
    await app.getByRole('button', { name: w.otherLanguage }).click();
    await app.locator('nav.tabs button', { hasText: w.otherTasksTab }).waitFor(VISIBLE);
    expect(await api<{ language: string }>('GET', '/me')).toMatchObject({ language: w.otherLanguageCode });

    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
