// Refreshes docs/mini-app-<page>-<light|dark>.png for the README: the real system in sandbox mode,
// an admin with a few tasks (some done), reminders, notes and one dead job, the Mini App opened with
// sandbox-signed initData in Chromium at phone width, each main page (the Tasks board and the More
// menu's Notes and Stats included) captured in the light and the dark scheme.
// Run: node scripts/with-node.mjs node scripts/mini-app-screenshots.ts   (needs: apt-get install -y chromium)
import { CAPABILITY_MODULES } from '../src/app/capabilities.ts';
import type { CapabilityModule } from '../src/capabilities/capability.ts';
import { launchChromium } from '../test/support/mini-app-browser.ts';
import { registeredPerson } from '../test/support/test-people.ts';
import { startTestSystem } from '../test/support/test-system.ts';

/** A queue whose handler always fails, so the Queues page has a dead job to show. */
const brokenModule: CapabilityModule = {
  name: 'mailer',
  queues: [{ name: 'mailer.send', retryLimit: 0 }],
  create(deps) {
    return {
      async startWorkers() {
        await deps.jobs.work('mailer.send', async () => {
          throw new Error('SMTP 421: service not available');
        });
      },
    };
  },
};

/** Each page: how to open it (a tab, a view switch on Tasks, or an entry of the More menu). */
const PAGES = [
  { name: 'today', tab: 'Today', ready: '[data-list="today"]' },
  { name: 'tasks', tab: 'Tasks', ready: '[data-list="tasks"]' },
  { name: 'board', tab: 'Tasks', view: 'Board', ready: '.board' },
  { name: 'reminders', tab: 'Reminders', ready: '[data-list="reminders"]' },
  { name: 'notes', more: 'notes', ready: '[data-list="notes"]' },
  { name: 'stats', more: 'stats', ready: '[data-chart="per-day"]' },
  { name: 'book', more: 'book', ready: '.booking-flow' },
  { name: 'settings', tab: 'Settings', ready: '.segmented' },
  { name: 'queues', tab: 'Admin', ready: '[data-queue="mailer.send"] .badge' },
] as const satisfies ReadonlyArray<{
  name: string;
  ready: string;
  tab?: string;
  view?: string;
  more?: string;
}>;

const t = await startTestSystem({}, { modules: [...CAPABILITY_MODULES, brokenModule] });
try {
  const { user } = await registeredPerson(t, 'Anna', 'en', 'Europe/Berlin');
  await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
  const { init_data } = await user.webApp();
  const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  const { token } = (await login.json()) as { token: string };
  const api = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : ((await res.json()) as unknown);
  };
  const today = (h: number) => {
    const at = new Date();
    at.setUTCHours(h, 0, 0, 0);
    return at.toISOString();
  };
  await api('POST', '/tasks', { title: 'Submit the history essay', due_at: today(21), priority: 'high' });
  await api('POST', '/tasks', { title: 'Call the bank', due_at: today(22) });
  await api('POST', '/tasks', { title: 'Read chapter 3 of “Algorithms”' });
  await api('POST', '/tasks', { title: 'Renew the library card', status: 'in_progress' });
  for (const title of ['Book the dentist', 'Pay the electricity bill', 'Email the landlord']) {
    const created = (await api('POST', '/tasks', { title })) as { id: string; version: number };
    await api('PATCH', `/tasks/${created.id}`, { status: 'done', version: created.version });
  }
  for (const [name, emoji, keywords] of [
    ['Ideas', '💡', ['idea', 'club']],
    ['Home', '🏠', ['wifi', 'password', 'fridge']],
    ['Reading', '📚', ['read', 'article', 'articles']],
  ] as const)
    await api('POST', '/notes/topics', { name, emoji, keywords });
  for (const text of [
    'Idea: a reading club that meets on Thursdays',
    'The wifi password at the studio is on the fridge',
    'https://example.org/articles/deep-work — read later',
  ])
    await api('POST', '/notes', { text });
  await api('POST', '/reminders', {
    text: 'Stand-up',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
  });
  await api('POST', '/reminders', {
    text: 'Water the plants',
    rrule: 'FREQ=DAILY;INTERVAL=3;BYHOUR=19;BYMINUTE=0',
  });
  // A salon with one specialist, so that Book has something to offer.
  const { user: sam } = await registeredPerson(t, 'Sam', 'en', 'Europe/Berlin');
  const location = (await api('POST', '/booking/locations', {
    name: 'Mitte',
    timezone: 'Europe/Berlin',
  })) as {
    id: string;
  };
  for (const [name, minutes] of [
    ['Haircut', 60],
    ['Beard trim', 30],
  ] as const) {
    const service = (await api('POST', '/booking/services', { name, duration_minutes: minutes })) as {
      id: string;
    };
    if (name !== 'Haircut') continue;
    const specialist = (await api('POST', '/booking/specialists', {
      telegram_id: sam.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    })) as { id: string };
    await api('PUT', `/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00', breaks: [] })),
    });
  }
  await t.system.jobs.jobs.send('mailer.send', { to: 'anna@example.org', template: 'weekly-report' });
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const browser = await launchChromium('the screenshot script');
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 390, height: 720 }, colorScheme: scheme });
    const { url } = await user.webApp();
    await page.goto(new URL(url, t.url).toString());
    for (const p of PAGES) {
      if ('more' in p) {
        await page.locator('nav.tabs [data-tab="more"]').click();
        await page.locator(`.more-menu [data-page-id="${p.more}"]`).click();
      } else await page.locator('nav.tabs button', { hasText: p.tab }).click();
      if ('view' in p) await page.locator('.view-switch button', { hasText: p.view }).click();
      await page.locator(p.ready).first().waitFor({ state: 'visible', timeout: 15_000 });
      if (p.name === 'queues') await page.getByRole('button', { name: 'Dead jobs' }).first().click();
      await page.waitForTimeout(400);
      const path = `docs/mini-app-${p.name}-${scheme}.png`;
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    }
    await page.close();
  }
  await browser.close();
} finally {
  await t.close();
}
