// The Mini App in a plain browser (no Telegram, no /web link) on a server with an https PUBLIC_URL:
// it offers Telegram's Login Widget for the bot, and the widget's signed user signs the browser in,
// in the person's own language. The widget's script comes from telegram.org, which this machine
// cannot reach, so the test plays Telegram's part: it calls the page's `onTelegramAuth` with a user
// signed the way Telegram signs it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signLoginWidget } from '../../src/platform/auth/login-widget.ts';
import { SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { launchChromium, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

declare global {
  interface Window {
    onTelegramAuth?: (login: unknown) => void;
  }
}

let t: TestSystem;
let browser: Browser;
let bot: string;

beforeAll(async () => {
  browser = await launchChromium('the Login Widget browser test');
  t = await startTestSystem({ PUBLIC_URL: 'https://secretary.example' });
  // The bot's name is known once it has asked Telegram (the sandbox) who it is.
  await vi.waitFor(
    async () => {
      const res = await fetch(`${t.url}/api/v1/auth/widget`);
      if (!((await res.json()) as { enabled: boolean }).enabled) throw new Error('bot not known yet');
    },
    { timeout: 30_000, interval: 100 },
  );
  const config = (await (await fetch(`${t.url}/api/v1/auth/widget`)).json()) as { bot_username: string };
  bot = config.bot_username;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const signed = (id: number, firstName: string) =>
  signLoginWidget(
    {
      id,
      first_name: firstName,
      username: firstName.toLowerCase(),
      auth_date: Math.floor(Date.now() / 1000),
    },
    SANDBOX_BOT_TOKEN,
  );

/** Telegram's part: the widget hands the signed user to the page's callback. */
async function logInWithTelegram(page: Page, login: ReturnType<typeof signed>) {
  await page.waitForFunction(() => typeof window.onTelegramAuth === 'function');
  await page.evaluate((user) => window.onTelegramAuth?.(user), login);
}

describe('Telegram Login Widget in a browser', () => {
  it('offers the widget for the bot and signs a known person in, in their language', async () => {
    const { user } = await registeredPerson(t, 'Vera', 'ru', 'Europe/Moscow');
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 360, height: 760 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/app/`);
    await page.getByText('войдите здесь через свой аккаунт Telegram').waitFor(VISIBLE);
    expect(
      await page.locator(`[data-login-widget="${bot}"] script`).getAttribute('data-telegram-login'),
    ).toBe(bot);

    const login = signed(user.id, 'Vera');
    await logInWithTelegram(page, login);
    await page.locator('h1', { hasText: 'Сегодня' }).waitFor(VISIBLE);
    // A reload keeps the tab's session.
    await page.reload();
    await page.locator('nav.tabs button', { hasText: 'Задачи' }).waitFor(VISIBLE);

    // The same signed login in another browser is refused, and the widget stays to try again.
    const other = await browser.newContext({ locale: 'ru-RU' });
    const second = await other.newPage();
    await second.goto(`${t.url}/app/`);
    await logInWithTelegram(second, login);
    await second
      .locator('[data-problem="login_widget_replayed"]', { hasText: 'Войдите через Telegram ещё раз' })
      .waitFor(VISIBLE);
    await second.locator(`[data-login-widget="${bot}"]`).waitFor({ state: 'attached', timeout: 15_000 });
    expect(errors).toEqual([]);
    await other.close();
    await context.close();
  }, 90_000);

  it('signs in someone new in English; a forged login is refused with what to do', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 760 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/app/`);
    await page.getByText('Or log in with your Telegram account here').waitFor(VISIBLE);
    await logInWithTelegram(page, { ...signed(880_001, 'Sam'), first_name: 'Mallory' });
    await page
      .locator('[data-problem="login_widget_invalid"]', { hasText: 'Telegram did not confirm this login' })
      .waitFor(VISIBLE);
    expect(await t.system.users.getByTelegramId(880_001)).toBeNull();

    await logInWithTelegram(page, signed(880_001, 'Sam'));
    await page.locator('h1', { hasText: 'Today' }).waitFor(VISIBLE);
    expect((await t.system.users.getByTelegramId(880_001))?.firstName).toBe('Sam');
    await context.close();
  }, 90_000);
});
