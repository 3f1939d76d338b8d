// The Notes page manages topics and deletes notes with undo (Chromium, 360 px, en and ru): a topic
// created, renamed and closed on the page is so on the server; a deleted note comes back with
// Undo, and one left deleted is gone on the server once the undo time is up.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, callAs, launchChromium, openMiniApp, VISIBLE } from '../support/mini-app-browser.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium('the Mini App notes topics test');
  t = await startTestSystem();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const WORDS = {
  en: {
    more: 'More',
    notes: 'Notes',
    manage: 'Manage topics',
    newTopic: 'New topic name',
    create: 'Create',
    rename: 'Rename',
    save: 'Save',
    close: 'Close',
    closed: 'closed',
    del: 'Delete',
    deleted: 'Note deleted',
    undo: 'Undo',
  },
  ru: {
    more: 'Ещё',
    notes: 'Заметки',
    manage: 'Темы',
    newTopic: 'Название новой темы',
    create: 'Создать',
    rename: 'Переименовать',
    save: 'Сохранить',
    close: 'Закрыть',
    closed: 'закрыта',
    del: 'Удалить',
    deleted: 'Заметка удалена',
    undo: 'Вернуть',
  },
} as const;

type Topic = { id: string; name: string; closed: boolean };

describe.each(['en', 'ru'] as const)('topics and note deletion on the Notes page in %s', (language) => {
  const w = WORDS[language];
  it('creates, renames and closes a topic; a deleted note comes back with Undo, another is gone for good', async () => {
    const { user } = await registeredPerson(t, `Topics_${language}`, language, 'UTC');
    const api = await apiAs(t, user);
    const keep = await api<{ id: string }>('POST', '/notes', { text: `Keep this thought ${language}` });
    const drop = await api<{ id: string }>('POST', '/notes', { text: `Drop this thought ${language}` });

    const { app, errors, overflows, close } = await openMiniApp(t, browser, user);
    await app.locator('nav.tabs button[data-tab="more"]', { hasText: w.more }).click();
    await app.getByRole('menuitem', { name: w.notes }).click();
    await app.locator('h1', { hasText: w.notes }).waitFor(VISIBLE);

    await app.getByRole('button', { name: w.manage, exact: true }).click();
    const manager = app.locator('[data-section="topics"]');
    await manager.getByLabel(w.newTopic).fill('Garden');
    await manager.getByRole('button', { name: w.create }).click();
    const row = manager.locator('[data-list="topics"] .row', { hasText: 'Garden' });
    await row.waitFor(VISIBLE);
    await row.getByRole('button', { name: w.rename }).click();
    await manager.locator('input[name="rename"]').fill('Garden & roses');
    await manager.getByRole('button', { name: w.save }).click();
    const renamed = manager.locator('[data-list="topics"] .row', { hasText: 'Garden & roses' });
    await renamed.getByRole('button', { name: w.close, exact: true }).click();
    await renamed.getByText(`· ${w.closed}`).waitFor(VISIBLE);
    expect(await overflows()).toBe(false);
    const topics = (await api<{ items: Topic[] }>('GET', '/notes/topics')).items;
    expect(topics.find((x) => x.name === 'Garden & roses')).toMatchObject({ closed: true });

    // Delete, then Undo: the note is back and was never deleted on the server.
    const keepRow = app.locator(`[data-list="notes"] [data-note-id="${keep.id}"]`);
    await keepRow.getByRole('button', { name: w.del }).click();
    await keepRow.waitFor({ state: 'detached', timeout: 15_000 });
    const bar = app.locator(`[data-undo="${keep.id}"]`);
    await bar.getByText(w.deleted).waitFor(VISIBLE);
    await bar.getByRole('button', { name: w.undo }).click();
    await keepRow.waitFor(VISIBLE);
    expect((await api<{ id: string }>('GET', `/notes/${keep.id}`)).id).toBe(keep.id);

    // Delete and leave it: once the undo time is up the server has deleted it.
    await app.locator(`[data-note-id="${drop.id}"]`).getByRole('button', { name: w.del }).click();
    await app.locator(`[data-undo="${drop.id}"]`).waitFor(VISIBLE);
    const call = await callAs(t, user);
    await expect
      .poll(async () => (await call('GET', `/notes/${drop.id}`)).status, { timeout: 20_000, interval: 500 })
      .toBe(404);
    await app.locator(`[data-undo="${drop.id}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    await keepRow.waitFor(VISIBLE);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
