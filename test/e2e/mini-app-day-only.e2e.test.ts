// Issue 37, item 4 in the Mini App: "call the bank today" typed into Tasks' quick add in the
// afternoon is due by the end of the day (as in the bot), so Today lists it as due, not overdue.
// Chromium at 360 px; the whole system in process.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    tasks: 'Tasks',
    today: 'Today',
    line: 'call the bank today',
    title: 'Call the bank',
    added: 'Added: Call the bank',
  },
  ru: {
    tasks: 'Задачи',
    today: 'Сегодня',
    line: 'позвонить в банк сегодня',
    title: 'Позвонить в банк',
    added: 'Добавлено: Позвонить в банк',
  },
} as const;

/** A fixed-offset zone where it is about 15:00 now: the parser's 09:00 default has long passed. */
function afternoonZone(now = new Date()): string {
  let offset = 15 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

let t: TestSystem;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium('the Mini App day-only task test');
  t = await startTestSystem();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each(['en', 'ru'] as const)('quick add of a task for today without a time in %s', (language) => {
  const w = WORDS[language];

  it('is due by the end of today, listed as due and not overdue', async () => {
    const zone = afternoonZone();
    const { user } = await registeredPerson(t, `DayOnly_${language}`, language, zone);
    const { app, errors, close } = await openMiniApp(t, browser, user, {
      ready: (app) => app.locator('h1', { hasText: w.today }).waitFor(VISIBLE),
    });
    await app.locator('nav.tabs button', { hasText: w.tasks }).click();
    await app.locator('input[name="quick-add"]').fill(w.line);
    await app.locator('form.quick-add button[type="submit"]').click();
    await app.getByText(w.added).waitFor(VISIBLE);

    await app.locator('nav.tabs button', { hasText: w.today }).click();
    await app.locator('[data-list="today"] .row', { hasText: w.title }).waitFor(VISIBLE);
    expect(await app.locator('[data-list="overdue"]').count()).toBe(0);

    const api = await apiAs(t, user);
    expect((await api<{ items: unknown[] }>('GET', '/tasks?view=overdue')).items).toEqual([]);
    const [task] = (await api<{ items: Array<{ due_at: string }> }>('GET', '/tasks?view=today')).items;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    expect(local.format(new Date(task?.due_at ?? 0))).toBe('23:59');
    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
