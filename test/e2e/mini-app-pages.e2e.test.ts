// The Mini App's core pages in a real Chromium at 360 px, opened from the sandbox's Open app button
// with real initData, in English and Russian: a reminder's rule edited in words.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    name: 'Rina',
    reminders: 'Reminders',
    edit: 'Edit',
    save: 'Save',
    stored: 'every day at 09:00',
    typed: 'every Monday at 10',
    understood: 'Understood: every Mon at 10:00',
    nonsense: 'whenever the stars align',
    notUnderstood: 'I could not read a time or a repetition here',
    saved: 'Rule saved',
    shown: 'every week on Mon at 10:00',
  },
  ru: {
    name: 'Рина',
    reminders: 'Напоминания',
    edit: 'Изменить',
    save: 'Сохранить',
    stored: 'каждый день в 09:00',
    typed: 'каждый понедельник в 10',
    understood: 'Понял так: по пн в 10:00',
    nonsense: 'когда звёзды сойдутся',
    notUnderstood: 'Не вижу здесь ни времени, ни повторения',
    saved: 'Правило сохранено',
    shown: 'каждую неделю по пн в 10:00',
  },
} as const;

let t: TestSystem;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App pages browser test');
  t = await startTestSystem();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each(['en', 'ru'] as const)('the Mini App pages in %s', (language) => {
  const w = WORDS[language];

  it("edits a reminder's rule in words with a live preview; a text it cannot read changes nothing", async () => {
    const { user } = await registeredPerson(t, `rules_${language}`, language, 'Europe/Berlin');
    const api = await apiAs(t, user);
    const daily = 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0';
    const created = await api<{ id: string }>('POST', '/reminders', { text: 'Stretch', rrule: daily });

    const { app, errors, overflows, close } = await openMiniApp(t, browser, user);
    await app.locator('nav.tabs button', { hasText: w.reminders }).click();
    const row = app.locator(`[data-reminder-id="${created.id}"]`);
    await row.getByRole('button', { name: w.edit }).click();
    const input = row.locator('input[name="rule"]');
    await expect.poll(() => input.inputValue()).toBe(w.stored);

    // As the user types, the preview says how it is read and lists the next 3 times.
    await input.fill(w.typed);
    const preview = row.locator('[data-preview="ok"]', { hasText: w.understood });
    await preview.waitFor(VISIBLE);
    expect(await preview.locator('li').count()).toBe(3);

    // Nonsense: a clear error, Save refuses, and the server keeps the old rule.
    await input.fill(w.nonsense);
    await row.locator('[data-preview="error"]', { hasText: w.notUnderstood }).waitFor(VISIBLE);
    expect(await row.getByRole('button', { name: w.save }).isDisabled()).toBe(true);
    await input.press('Enter');
    expect((await api<{ rrule: string }>('GET', `/reminders/${created.id}`)).rrule).toBe(daily);
    expect(await overflows()).toBe(false);

    await input.fill(w.typed);
    await preview.waitFor(VISIBLE);
    await row.getByRole('button', { name: w.save }).click();
    await app.getByText(w.saved).waitFor(VISIBLE);
    await row.locator('.row-sub', { hasText: w.shown }).waitFor(VISIBLE);
    expect(await api<{ rrule: string }>('GET', `/reminders/${created.id}`)).toMatchObject({
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0',
    });

    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
