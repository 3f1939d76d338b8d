// Every capability page of the Mini App opened straight by its address (a direct link such as
// /app/notes, or a reload of the page one is on), before the app has heard which pages exist: the
// title and the page's content show, never a blank screen. And when a page does break, the person
// sees what happened and a reload button, with the tab bar still there.
// Chromium at 360 px; the whole system in process (bot, API, database).
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    name: 'Dora',
    today: 'Today',
    note: 'Gate code is 4512',
    titles: { notes: 'Notes', book: 'Book', stats: 'Stats', salon: 'Bookings', profile: 'About you' },
    noServices: 'Nothing can be booked yet',
    broken: 'This page ran into a problem',
    reload: 'Reload',
  },
  ru: {
    name: 'Дина',
    today: 'Сегодня',
    note: 'Код от ворот 4512',
    titles: {
      notes: 'Заметки',
      book: 'Запись',
      stats: 'Статистика',
      salon: 'Записи салона',
      profile: 'О вас',
    },
    noServices: 'Записаться пока нельзя',
    broken: 'На этой странице что-то сломалось',
    reload: 'Обновить',
  },
} as const;

/** What each page shows once it has loaded (beyond its title). */
const CONTENT = {
  notes: '[data-list="notes"] li',
  book: 'p.hint',
  stats: '[data-period-shown]',
  salon: '[data-counts]',
  profile: '[data-profile]',
} as const;

let t: TestSystem;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App direct links test');
  t = await startTestSystem();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Points the Mini App's frame at /app/<page>, with the launch parameters Telegram puts in the fragment. */
async function openDirectly(page: Page, id: string) {
  const frame = page.locator('#webapp-frame');
  const src = (await frame.getAttribute('src')) ?? '';
  const url = new URL(src, t.url);
  url.pathname = `/app/${id}`;
  await frame.evaluate((el, href) => {
    (el as HTMLIFrameElement).src = href;
  }, url.href);
}

const heading = (app: FrameLocator, text: string) => app.locator('main h1', { hasText: text });

describe.each(['en', 'ru'] as const)('capability pages by direct link in %s', (language) => {
  const w = WORDS[language];

  it('show their title and content on a direct link and on a reload, and a broken page offers a reload', async () => {
    const { user } = await registeredPerson(t, `${w.name}_${language}`, language, 'Europe/Berlin');
    // An admin, so that the salon's page is listed for them too.
    await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
    await (await apiAs(t, user))('POST', '/notes', { text: w.note });
    const { page, app, errors, close } = await openMiniApp(t, browser, user, {
      ready: (app) => heading(app, w.today).waitFor(VISIBLE),
    });

    for (const id of Object.keys(CONTENT) as (keyof typeof CONTENT)[]) {
      await openDirectly(page, id);
      await heading(app, w.titles[id]).waitFor(VISIBLE);
      // The Book page of a salon with no services yet says so (and not "Loading…").
      const hasText = id === 'book' ? w.noServices : undefined;
      await app.locator(`main[data-page="${id}"] ${CONTENT[id]}`, { hasText }).first().waitFor(VISIBLE);
    }

    // A reload of the page one is on (the launch is kept for the tab, the address is /app/profile).
    await app.locator('html').evaluate(() => window.location.reload());
    await heading(app, w.titles.profile).waitFor(VISIBLE);
    await app.locator('main [data-profile]').waitFor(VISIBLE);
    expect(errors).toEqual([]);

    // A page that breaks (here: the server answers the notes list in a shape the page cannot read)
    // says so with a reload button; the tab bar stays. Once the answers are right, Reload mends it.
    const broken = '**/api/v1/notes?*';
    await page
      .context()
      .route(broken, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"items":"unexpected"}' }),
      );
    await openDirectly(page, 'notes');
    const notice = app.locator('main [role="alert"]');
    await notice.waitFor(VISIBLE);
    expect(await notice.textContent()).toContain(w.broken);
    await app.locator('nav.tabs').waitFor(VISIBLE);
    await page.context().unroute(broken);
    await notice.getByRole('button', { name: w.reload }).click();
    await app.locator('main [data-list="notes"] li', { hasText: w.note }).waitFor(VISIBLE);
    await close();
  }, 120_000);
});
