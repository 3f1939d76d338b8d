// The admin Broadcasts page composes and sends (Chromium, 360 px, en and ru): text and segment →
// a preview with the recipient count the server counted → Send → the people in the segment get
// it in the chat, and the list shows it sent. Discard leaves nothing running.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium('the Mini App broadcast composer test');
  t = await startTestSystem();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const WORDS = {
  en: {
    admin: 'Admin',
    page: 'Broadcasts',
    segment: 'English speakers',
    preview: 'Preview',
    recipients: 'Recipients: 1',
    send: 'Send',
    discard: 'Discard',
    sent: '1 of 1 sent',
  },
  ru: {
    admin: 'Админ',
    page: 'Рассылки',
    segment: 'Русскоязычным',
    preview: 'Предпросмотр',
    recipients: 'Получателей: 1',
    send: 'Отправить',
    discard: 'Не отправлять',
    sent: '1 из 1',
  },
} as const;

describe.each(['en', 'ru'] as const)('composing a broadcast in %s', (language) => {
  const w = WORDS[language];
  it('previews the recipient count, sends it, and the segment gets it', async () => {
    const { user, chat } = await registeredPerson(t, `Caster_${language}`, language, 'UTC');
    await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
    const { app, errors, overflows, close } = await openMiniApp(t, browser, user);
    await app.locator('nav.tabs button[data-tab="admin"]').click();
    await app.getByRole('button', { name: w.page }).click();
    const form = app.locator('form[data-form="broadcast"]');
    await form.waitFor(VISIBLE);

    // A draft discarded: nothing is sent.
    await form.locator('textarea[name="text"]').fill(`Never sent ${language}`);
    await form.locator('select[name="segment"]').selectOption({ label: w.segment });
    await form.getByRole('button', { name: w.preview }).click();
    await app.locator('[data-broadcast-preview]').getByText(w.recipients).waitFor(VISIBLE);
    await app.locator('[data-broadcast-preview]').getByRole('button', { name: w.discard }).click();
    await form.waitFor(VISIBLE);

    const text = `Studio closed on Friday (${language})`;
    await form.locator('textarea[name="text"]').fill(text);
    await form.locator('select[name="segment"]').selectOption({ label: w.segment });
    await form.getByRole('button', { name: w.preview }).click();
    const preview = app.locator('[data-broadcast-preview]');
    await preview.getByText(text).waitFor(VISIBLE);
    await preview.getByText(w.recipients).waitFor(VISIBLE);
    expect(await overflows()).toBe(false);
    await preview.getByRole('button', { name: w.send }).click();

    await chat.nextMessage(new RegExp(`^Studio closed on Friday \\(${language}\\)$`));
    const row = app.locator('[data-list="broadcasts"] .row', { hasText: text });
    // The page follows a running broadcast by itself until it is done.
    await row.locator('.row-sub', { hasText: w.sent }).waitFor(VISIBLE);
    const api = await callAs(t, user);
    const { body } = await api<{ items: Array<{ text: string; status: string; sent: number }> }>(
      'GET',
      '/admin/broadcasts',
    );
    expect(body.items.find((b) => b.text === `Never sent ${language}`)).toMatchObject({
      status: 'cancelled',
      sent: 0,
    });
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
