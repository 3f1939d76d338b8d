// The Mini App's core pages in a real Chromium at 360 px, opened from the sandbox's Open app button
// with real initData, in English and Russian: a reminder's rule edited in words; quick add with the
// card preview, the task board and the courses with their topics.
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
    notUnderstood: 'I could not read a time or a repetition in “whenever the stars align”',
    saved: 'Rule saved',
    shown: 'every Mon at 10:00',
    tasks: 'Tasks',
    course: 'Calculus',
    topics: ['Limits', 'Derivatives'],
    line: 'Read chapter 3 tomorrow at 18:00 !high @Calculus',
    title: 'Read chapter 3',
    previewFacts: ['high', 'course: calculus'],
    newTask: 'New task',
    added: 'Added: Read chapter 3',
    board: 'Board',
    start: 'Start',
    reopen: 'Reopen',
    done: 'Done',
    courses: 'Courses',
    notStarted: 'Not started',
    inProgress: 'In progress',
    progressBefore: '0 of 2 topics learned · 0%',
    progressAfter: '1 of 2 topics learned · 50%',
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
    notUnderstood: 'Не вижу в «когда звёзды сойдутся» ни времени, ни повторения',
    saved: 'Правило сохранено',
    shown: 'по пн в 10:00',
    tasks: 'Задачи',
    course: 'Матанализ',
    topics: ['Пределы', 'Производные'],
    line: 'Прочитать главу 3 завтра в 18:00 !high @Матанализ',
    title: 'Прочитать главу 3',
    previewFacts: ['важно', 'курс: матанализ'],
    newTask: 'Новая задача',
    added: 'Добавлено: Прочитать главу 3',
    board: 'Доска',
    start: 'Начать',
    reopen: 'Вернуть',
    done: 'Готово',
    courses: 'Курсы',
    notStarted: 'Не начата',
    inProgress: 'Изучаю',
    progressBefore: 'изучено 0 из 2 тем · 0%',
    progressAfter: 'изучено 1 из 2 тем · 50%',
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

  it('previews a quick-added card, moves it across the board, and steps a course topic on', async () => {
    const { user } = await registeredPerson(t, `board_${language}`, language, 'Europe/Berlin');
    const api = await apiAs(t, user);
    const course = await api<{ id: string }>('POST', '/courses', { name: w.course, topics: w.topics });

    const { app, errors, overflows, close } = await openMiniApp(t, browser, user);
    await app.locator('nav.tabs button', { hasText: w.tasks }).click();

    // The card preview says what the parser understood before anything is added.
    await app.locator('input[name="quick-add"]').fill(w.line);
    const preview = app.locator('.card-preview[data-preview="task"]');
    await preview.locator('.row-title', { hasText: w.title }).waitFor(VISIBLE);
    await preview.getByText(w.newTask).waitFor(VISIBLE);
    for (const fact of w.previewFacts) await preview.getByText(fact, { exact: false }).waitFor(VISIBLE);
    expect((await api<{ items: unknown[] }>('GET', '/tasks')).items).toEqual([]);
    await app.locator('form.quick-add button[type="submit"]').click();
    await app.getByText(w.added).waitFor(VISIBLE);
    const [task] = (
      await api<{ items: Array<{ id: string; priority: string; course_id: string }> }>('GET', '/tasks')
    ).items;
    expect(task).toMatchObject({ priority: 'high', course_id: course.id });

    // Board: to do → in progress → done, each by a button on the card.
    await app.getByRole('button', { name: w.board }).click();
    const card = (column: string) => app.locator(`[data-column="${column}"] [data-task-id="${task?.id}"]`);
    await card('todo').getByRole('button', { name: w.start }).click();
    await card('in_progress').waitFor(VISIBLE);
    expect(await overflows()).toBe(false);
    await card('in_progress').getByRole('button', { name: w.done }).click();
    await card('done').waitFor(VISIBLE);
    expect(await api<{ status: string }>('GET', `/tasks/${task?.id}`)).toMatchObject({ status: 'done' });
    await card('done').getByRole('button', { name: w.reopen }).click();
    await card('todo').waitFor(VISIBLE);
    expect(await api<{ status: string }>('GET', `/tasks/${task?.id}`)).toMatchObject({ status: 'todo' });

    // Courses: progress, and a topic stepped on from not started to in progress to learned.
    await app.getByRole('button', { name: w.courses }).click();
    const section = app.locator(`[data-course-id="${course.id}"]`);
    await section.locator('[data-progress]', { hasText: w.progressBefore }).waitFor(VISIBLE);
    const topic = section.locator('[data-topic-id]', { hasText: w.topics[0] });
    await topic.getByRole('button', { name: w.notStarted }).click();
    await topic.getByRole('button', { name: w.inProgress }).click();
    await section.locator('[data-progress]', { hasText: w.progressAfter }).waitFor(VISIBLE);
    await section.locator('[data-status="learned"]', { hasText: w.topics[0] }).waitFor(VISIBLE);
    expect(await overflows()).toBe(false);
    const [saved] = await api<Array<{ progress: { learned: number } }>>('GET', '/courses');
    expect(saved?.progress.learned).toBe(1);

    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});

const ADMIN_WORDS = {
  en: { admin: 'Admin', notifications: 'Notifications', off: 'notices off' },
  ru: { admin: 'Админ', notifications: 'Уведомления', off: 'выключены' },
} as const;

describe.each(['en', 'ru'] as const)('the notification matrix in %s', (language) => {
  const w = ADMIN_WORDS[language];

  it('an admin switches a booking notice off; it stays off after a reload', async () => {
    const { user } = await registeredPerson(t, `matrix_${language}`, language, 'Europe/Berlin');
    await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
    const api = await apiAs(t, user);
    type Cell = { event: string; recipient_role: string; channel: string; enabled: boolean };
    const matrix = async () =>
      (await api<{ settings: Cell[] }>('GET', '/booking/notification-settings')).settings;
    const before = await matrix();
    // Each language's run switches a different cell, so the two runs do not see each other's change.
    const cell = before.filter((c) => c.enabled && c.channel === 'telegram')[language === 'en' ? 0 : 1];
    if (!cell) throw new Error('the matrix has no switched-on Telegram notice');

    const { page, app, errors, overflows, close } = await openMiniApp(t, browser, user);
    await app.locator('nav.tabs button[data-tab="admin"]').click();
    await app.getByRole('button', { name: w.notifications }).click();
    await app.locator('h1', { hasText: w.notifications }).waitFor(VISIBLE);
    const toggle = () =>
      app.locator(
        `[data-event="${cell.event}"] tr[data-role="${cell.recipient_role}"] input[data-channel="${cell.channel}"]`,
      );
    expect(await toggle().isChecked()).toBe(true);
    expect(await overflows()).toBe(false);
    await toggle().click();
    await app.getByText(w.off).waitFor(VISIBLE);
    const key = (c: Cell) => `${c.event}/${c.recipient_role}/${c.channel}`;
    const after = await matrix();
    expect(after.find((c) => key(c) === key(cell))?.enabled).toBe(false);
    // Only that one switch changed.
    expect(after.filter((c) => key(c) !== key(cell))).toEqual(before.filter((c) => key(c) !== key(cell)));

    // A reload of the app (the same address, /app/admin/notifications) shows it off.
    const frame = page.frames().find((f) => f.url().includes('/app/'));
    if (!frame) throw new Error('no Mini App frame');
    expect(frame.url()).toContain('/app/admin/notifications');
    await frame.goto(frame.url());
    await app.locator('h1', { hasText: w.notifications }).waitFor(VISIBLE);
    await toggle().waitFor(VISIBLE);
    expect(await toggle().isChecked()).toBe(false);

    // And back on.
    await toggle().click();
    await expect.poll(async () => (await matrix()).find((c) => key(c) === key(cell))?.enabled).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
