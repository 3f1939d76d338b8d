// A capability's own Mini App page (the notes capability's Notes page), reached the way a person
// reaches it: the sandbox chat's "Open app" button with real initData, then the tab bar's More menu.
// Chromium at 360 px wide; the whole system in process (bot, API, database).
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const WORDS = {
  en: {
    name: 'Nora',
    today: 'Today',
    more: 'More',
    notes: 'Notes',
    work: 'Work',
    trips: 'Trips',
    report: 'Prepare the quarterly report for Monday',
    hotel: 'Book a hotel in Porto',
    idea: 'Ask Pavel about saxophone lessons',
    moved: 'Moved to Trips',
    empty: 'No notes here yet',
    search: 'Find',
    searchWord: 'saxophone',
    fileInto: 'File into…',
  },
  ru: {
    name: 'Нина',
    today: 'Сегодня',
    more: 'Ещё',
    notes: 'Заметки',
    work: 'Работа',
    trips: 'Поездки',
    report: 'Подготовить квартальный отчёт к понедельнику',
    hotel: 'Забронировать гостиницу в Порту',
    idea: 'Спросить Павла про уроки саксофона',
    moved: 'Перенесено в «Поездки»',
    empty: 'Здесь пока нет заметок',
    search: 'Найти',
    searchWord: 'саксофон',
    fileInto: 'Разложить в…',
  },
} as const;

let t: TestSystem;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('the Mini App capability pages test');
  t = await startTestSystem();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each(['en', 'ru'] as const)('the Notes page in %s', (language) => {
  const w = WORDS[language];

  it('opens from More, lists notes newest first, filters by topic, searches, moves a note and files a pending one', async () => {
    const user = await t.sb.user(`notes_app_${language}`, { first_name: w.name, language_code: language });
    const api = await apiAs(t, user);
    // Topics and notes as the user's client would make them; each note put in place explicitly.
    const work = await api<{ id: string }>('POST', '/notes/topics', { name: w.work });
    const trips = await api<{ id: string }>('POST', '/notes/topics', { name: w.trips });
    const ids: string[] = [];
    for (const [text, topic] of [
      [w.report, work.id],
      [w.hotel, trips.id],
      [w.idea, null],
    ] as const) {
      const note = await api<{ id: string }>('POST', '/notes', { text });
      if (topic) await api('POST', `/notes/${note.id}/move`, { topic_id: topic });
      ids.push(note.id);
    }

    const { app, errors, close } = await openMiniApp(t, browser, user, {
      viewport: { width: 360, height: 740 },
      ready: (app) => app.locator('h1', { hasText: w.today }).waitFor(VISIBLE),
    });

    // The notes capability's page sits behind More; the tab bar still fits 360 px.
    await app.locator('nav.tabs button[data-tab="more"]', { hasText: w.more }).click();
    await app.getByRole('menuitem', { name: w.notes }).click();
    await app.locator('h1', { hasText: w.notes }).waitFor(VISIBLE);
    const tabs = app.locator('nav.tabs');
    expect(await tabs.evaluate((nav) => nav.scrollWidth <= nav.clientWidth && nav.clientWidth <= 360)).toBe(
      true,
    );

    // Every note, newest first, each with its topic; topics carry their counts.
    const rows = app.locator('[data-list="notes"] li');
    const order = () => rows.evaluateAll((li) => li.map((r) => r.getAttribute('data-note-id')));
    await expect.poll(order, { timeout: 15_000 }).toEqual([...ids].reverse());
    const chip = (id: string) => app.locator(`fieldset.chips button[data-topic-id="${id}"]`);
    await expect.poll(() => chip(work.id).textContent()).toBe(`${w.work} · 1`);
    await expect.poll(() => chip(trips.id).textContent()).toBe(`${w.trips} · 1`);

    // Filter by Work: only the report.
    await chip(work.id).click();
    await expect.poll(order).toEqual([ids[0]]);

    // Move it to Trips: the Work filter empties, the counts follow, the server holds the change.
    await rows.first().locator('select.move').selectOption(trips.id);
    await app.getByText(w.moved).waitFor(VISIBLE);
    await app.getByText(w.empty).waitFor(VISIBLE);
    await expect.poll(() => chip(trips.id).textContent()).toBe(`${w.trips} · 2`);
    await expect.poll(() => chip(work.id).textContent()).toBe(`${w.work} · 0`);
    expect(await api<{ topic_id: string; status: string }>('GET', `/notes/${ids[0]}`)).toMatchObject({
      topic_id: trips.id,
      status: 'filed',
    });

    // All topics again, then the server's search finds the one note with that word.
    await app.locator('fieldset.chips button[data-topic-id=""]').click();
    await app.locator('form.note-search input').fill(w.searchWord);
    await app.locator('form.note-search button[type="submit"]', { hasText: w.search }).click();
    await expect.poll(order).toEqual([ids[2]]);

    // That one still waits for a topic: file it into Work from the same menu.
    const pending = rows.first().locator('select.move');
    expect(await pending.getAttribute('aria-label')).toBe(w.fileInto);
    await pending.selectOption(work.id);
    await expect.poll(() => chip(work.id).textContent()).toBe(`${w.work} · 1`);
    expect(await api<{ topic_id: string; status: string }>('GET', `/notes/${ids[2]}`)).toMatchObject({
      topic_id: work.id,
      status: 'filed',
    });

    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});

/** At 360 px the tab bar fits and no label is broken mid-word or cut (each on one line, inside its button). */
async function expectTabsFit(app: FrameLocator) {
  const tabs = app.locator('nav.tabs');
  expect(await tabs.evaluate((nav) => nav.scrollWidth <= nav.clientWidth)).toBe(true);
  const labels = await tabs.locator('button').evaluateAll((buttons) =>
    buttons.map((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return { text: button.textContent, lines, cut: button.scrollWidth > button.clientWidth + 1 };
    }),
  );
  for (const label of labels) expect(label, String(label.text)).toMatchObject({ lines: 1, cut: false });
}

it('in Russian at 360 px every tab fits on one line: five for a person, six (admin, More) for an admin', async () => {
  const { user: person } = await registeredPerson(t, 'Ева', 'ru', 'Europe/Moscow');
  const five = await openMiniApp(t, browser, person, { viewport: { width: 360, height: 740 } });
  await five.app.locator('nav.tabs button[data-tab="more"]').waitFor(VISIBLE);
  expect(await five.app.locator('nav.tabs button').count()).toBe(5);
  await five.app.locator('nav.tabs button', { hasText: 'Напоминания' }).click();
  await expectTabsFit(five.app);
  await five.close();

  const { user } = await registeredPerson(t, 'Ада', 'ru', 'Europe/Moscow');
  await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
  const { app, close } = await openMiniApp(t, browser, user, {
    viewport: { width: 360, height: 740 },
    ready: (app) => app.locator('nav.tabs button[data-tab="admin"]').waitFor(VISIBLE),
  });
  await app.locator('nav.tabs button[data-tab="more"]').click();
  await app.getByRole('menuitem', { name: 'Заметки' }).waitFor(VISIBLE);
  expect(await app.locator('nav.tabs button').count()).toBe(6);
  await expectTabsFit(app);
  await close();
}, 60_000);
