// Issue 37 item 16: a one-off reminder that went off and was snoozed in the chat is, on the Mini
// App's Reminders page, "💤 snoozed until …" (as the bot says), never "once · ended". Real
// Chromium at 360 px, en and ru, the whole system on a test clock.

import { TestClock } from 'pg-boss';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jumpTo, lastId, waitMessage } from '../support/clock-waits.ts';
import { launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
let clock: TestClock;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App snoozed reminder test');
  // Later than the real time (see the reminders' e2e support: pg-boss inserts use the real clock).
  clock = new TestClock('2027-06-10T09:00:00Z');
  t = await startTestSystem({}, { clock });
  await t.sb.limits(false);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const WORDS = {
  en: {
    remind: '/remind today at 10:00 water the ferns',
    fired: /water the ferns/i,
    snooze: '💤 1 h',
    tab: 'Reminders',
    snoozed: '💤 snoozed until',
    ended: 'ended',
  },
  ru: {
    remind: '/remind сегодня в 10:00 полить папоротник',
    fired: /полить папоротник/i,
    snooze: '💤 1 ч',
    tab: 'Напоминания',
    snoozed: '💤 отложено до',
    ended: 'завершено',
  },
} as const;

describe.each(['en', 'ru'] as const)('a snoozed one-off on the Reminders page in %s', (language) => {
  const w = WORDS[language];
  it('reads "snoozed until" with its time, not "ended"', async () => {
    await jumpTo(clock, language === 'en' ? '2027-06-10T09:00:00Z' : '2027-06-11T09:00:00Z');
    const { user, chat } = await registeredPerson(t, `Fern_${language}`, language, 'UTC');
    await user.send(w.remind);
    await chat.nextMessage(/⏰/);
    const since = await lastId(chat);
    await jumpTo(clock, language === 'en' ? '2027-06-10T10:00:00Z' : '2027-06-11T10:00:00Z');
    const fired = await waitMessage(clock, chat, w.fired, since);
    await fired.click(w.snooze);
    await chat.waitForEdit(fired, /💤/);

    const { app, errors, close } = await openMiniApp(t, browser, user);
    await app.locator('nav.tabs button', { hasText: w.tab }).click();
    const row = app.locator('[data-list="reminders"] .row').first();
    await row.locator('.row-sub', { hasText: w.snoozed }).waitFor(VISIBLE);
    const sub = (await row.locator('.row-sub').textContent()) ?? '';
    expect(sub).toContain(`${w.snoozed} `);
    expect(sub).toMatch(/11:00/);
    expect(sub).not.toContain(w.ended);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
