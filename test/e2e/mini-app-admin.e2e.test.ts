// The Mini App's admin pages in a real Chromium, opened from the sandbox chat's "Open app" button
// with real initData: an admin retries a dead job on Queues and it runs; a plain user sees no
// admin section and the API refuses them. And outside Telegram: `/web` in the bot gives a link
// that signs a browser in once. Whole system in process (bot, API, database, pg-boss).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CAPABILITY_MODULES } from '../../src/app/capabilities.ts';
import type { CapabilityModule } from '../../src/capabilities/capability.ts';
import { launchChromium, openMiniApp, tokenOf, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** A queue without retries whose handler fails while `broken` is set, and records what it ran. */
const state = { broken: true, ran: [] as number[] };
const flakyModule: CapabilityModule = {
  name: 'flaky',
  queues: [{ name: 'flaky.work', retryLimit: 0 }],
  create(deps) {
    return {
      async startWorkers() {
        await deps.jobs.work<{ n: number }>('flaky.work', async (job) => {
          if (state.broken) throw new Error(`boom ${job.data.n}: the handler is broken`);
          state.ran.push(job.data.n);
          return {};
        });
      },
    };
  },
};

let t: TestSystem;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App admin browser test');
  t = await startTestSystem({}, { modules: [...CAPABILITY_MODULES, flakyModule] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const deadCount = async () => (await t.system.jobs.jobs.pending('flaky.work.dead')).length;

describe('the Mini App admin pages', () => {
  it('an admin retries a dead job on Queues (it then runs), grants a role, sees the audit log and a broadcast', async () => {
    const ada = await t.sb.user('admin_ada', { first_name: 'Ada', language_code: 'en' });
    await t.system.users.grantRole(ada.id, 'admin', { kind: 'system' });
    await t.system.jobs.jobs.send('flaky.work', { n: 7 });
    await vi.waitFor(async () => expect(await deadCount()).toBe(1), { timeout: 20_000, interval: 200 });

    const { user: boUser } = await registeredPerson(t, 'Bo', 'en', 'UTC');
    const { app, errors, close } = await openMiniApp(t, browser, ada);
    await app.locator('nav.tabs button[data-tab="admin"]').click();
    await app.locator('h1', { hasText: 'Queues' }).waitFor(VISIBLE);
    const row = app.locator('[data-queue="flaky.work"]');
    await row.locator('.badge', { hasText: 'dead 1' }).waitFor(VISIBLE);
    await row.getByRole('button', { name: 'Dead jobs' }).click();
    const job = row.locator('[data-list="dead-jobs"] .row').first();
    await job.locator('.payload', { hasText: '"n":7' }).waitFor(VISIBLE);
    await job.locator('.row-sub', { hasText: 'boom 7' }).waitFor(VISIBLE);

    state.broken = false; // the fix is deployed; the replayed job now succeeds
    await job.getByRole('button', { name: 'Retry' }).click();
    await app.getByText('Sent back to flaky.work').waitFor(VISIBLE);
    await vi.waitFor(() => expect(state.ran).toEqual([7]), { timeout: 20_000, interval: 100 });
    expect(await deadCount()).toBe(0);
    await row.locator('.badge').waitFor({ state: 'detached', timeout: 15_000 });

    // The other admin pages open and show what the server holds: the replay is in the audit log.
    await app.getByRole('button', { name: 'Audit log' }).click();
    await app.locator('[data-list="audit"] .row', { hasText: 'job.replay' }).waitFor(VISIBLE);
    await app.getByRole('button', { name: 'Users' }).click();
    await app.locator('[data-list="users"] .row', { hasText: 'Ada' }).waitFor(VISIBLE);
    // Granting a role from the page: the server holds it at once.
    const bo = app.locator('[data-list="users"] .row', { hasText: 'Bo' });
    await bo.getByRole('button', { name: 'specialist' }).click();
    await app.getByText('Bo: specialist, user').waitFor(VISIBLE);
    await bo.locator('button[aria-pressed="true"]', { hasText: 'specialist' }).waitFor(VISIBLE);
    expect((await t.system.users.getByTelegramId(boUser.id))?.roles).toEqual(['specialist', 'user']);
    await app.getByRole('button', { name: 'Broadcasts' }).click();
    await app.getByText('No broadcasts yet').waitFor(VISIBLE);
    // A broadcast to the admins (Ada alone) shows up with its delivery figures once sent.
    const made = await fetch(`${t.url}/api/v1/admin/broadcasts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(t, ada)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'Maintenance tonight at 23:00',
        segment: { kind: 'role', role: 'admin' },
      }),
    });
    expect(made.status).toBe(201);
    await ada.privateChat().nextMessage(/Maintenance tonight/);
    await app.getByRole('button', { name: 'Users' }).click();
    await app.getByRole('button', { name: 'Broadcasts' }).click();
    const broadcast = app.locator('[data-list="broadcasts"] .row', {
      hasText: 'Maintenance tonight at 23:00',
    });
    await broadcast.locator('.row-sub', { hasText: '1 of 1 sent' }).waitFor(VISIBLE);

    expect(errors).toEqual([]);
    await close();
  }, 90_000);

  it('a plain user sees no admin section and the API answers 403', async () => {
    const pat = await t.sb.user('plain_pat', { first_name: 'Pat', language_code: 'ru' });
    const { app, errors, close } = await openMiniApp(t, browser, pat);
    await app.locator('nav.tabs button', { hasText: 'Задачи' }).waitFor(VISIBLE);
    expect(await app.locator('nav.tabs button[data-tab="admin"]').count()).toBe(0);

    const token = await tokenOf(t, pat);
    for (const path of ['/admin/queues', '/admin/users', '/admin/audit', '/admin/broadcasts']) {
      const res = await fetch(`${t.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});

describe('the Mini App in a browser, signed in by /web', () => {
  it('the link from /web opens the app signed in, once; opened again it says to ask for a new one', async () => {
    const { user, chat } = await registeredPerson(t, 'Vera', 'ru', 'Europe/Moscow');
    await user.send('/web');
    const reply = await chat.nextMessage(/app\/#login=/);
    expect(reply.text).toContain('Откройте приложение в браузере');
    const url = /(http\S+\/app\/#login=[A-Za-z0-9_-]+)/.exec(reply.text ?? '')?.[1] as string;
    expect(url.startsWith(t.url)).toBe(true);

    const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.locator('h1', { hasText: 'Сегодня' }).waitFor(VISIBLE);
    // The token left the address at once: a reload keeps the session, not the link.
    expect(page.url()).not.toContain('login=');
    await page.reload();
    await page.locator('nav.tabs button', { hasText: 'Задачи' }).waitFor(VISIBLE);

    // Not signed in, the page speaks the browser's language.
    const again = await browser.newContext({ locale: 'ru-RU' });
    const second = await again.newPage();
    await second.goto(url);
    await second
      .locator('[data-problem="login_link_used"]', { hasText: 'каждая работает один раз' })
      .waitFor(VISIBLE);
    // Without Telegram and without a link, the page says how to get one.
    await second.goto(`${t.url}/app/`);
    await second.getByText('/web').waitFor(VISIBLE);
    expect(errors).toEqual([]);
    await again.close();
    await context.close();
  }, 90_000);
});
