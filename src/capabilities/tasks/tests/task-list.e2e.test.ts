import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { TaskService } from '../task-types.ts';
import { person, serviceOf, startBotSystem } from './bot-support.ts';

let t: TestSystem;
let clock: TestClock;
let tasks: TaskService;
beforeAll(async () => {
  ({ t, clock } = await startBotSystem());
  tasks = serviceOf(t, clock);
});
afterAll(() => t.close());

const at = (iso: string) => new Date(iso);

describe('/tasks lists and task cards', () => {
  it('en: tabs and pages edit one message; a card is opened, snoozed and completed', async () => {
    const { user, userId } = await person(t, 'quinn', 'en', 'UTC');
    for (let i = 1; i <= 7; i++) {
      await tasks.create(userId, {
        title: `Today ${i}`,
        dueAt: at(`2037-03-02T${String(9 + i).padStart(2, '0')}:00:00Z`),
      });
    }
    await tasks.create(userId, { title: 'Late one', dueAt: at('2037-03-01T12:00:00Z') });
    await tasks.create(userId, { title: 'Next one', dueAt: at('2037-03-05T12:00:00Z'), priority: 'urgent' });
    const chat = user.privateChat();
    await user.send('/tasks');
    const list = await chat.nextMessage(/Tasks — Today/);
    expect(list.text).toContain('(page 1/2)');
    expect(list.buttons().filter((b) => /^\d+\. /.test(b))).toEqual([
      '1. Today 1',
      '2. Today 2',
      '3. Today 3',
      '4. Today 4',
      '5. Today 5',
    ]);
    await list.click('▶');
    const page2 = await chat.waitForEdit(list, /page 2\/2/);
    expect(page2.id).toBe(list.id);
    expect(page2.text).toContain('7. Today 7');
    expect(page2.text).not.toContain('Today 5');
    await page2.click('◀');
    const back = await chat.waitForEdit(page2, /page 1\/2/);
    await back.click('Overdue');
    const overdue = await chat.waitForEdit(back, /Tasks — Overdue/);
    expect(overdue.text).toContain('Late one');
    await overdue.click('Upcoming');
    const upcoming = await chat.waitForEdit(overdue, /Tasks — Upcoming/);
    expect(upcoming.text).toMatch(/Next one ‼️ — Thu 5 Mar, 12:00/);

    // Open a card from the list: the same message becomes the card.
    await upcoming.click('1. Next one');
    const card = await chat.waitForEdit(upcoming, /Priority: Urgent/);
    expect(card.id).toBe(list.id);
    // The deadline buttons say what they move, confirm it in a toast, and never move it earlier.
    expect((await card.click('⏩ Deadline +1 h')).answer?.text).toBe('Deadline: Thu 5 Mar, 13:00');
    const snoozed = await chat.waitForEdit(card, /Thu 5 Mar, 13:00/);
    await snoozed.click('⏩ Deadline +1 week');
    const week = await chat.waitForEdit(snoozed, /Thu 12 Mar, 13:00/);
    expect(week.buttons()).not.toContain('⏩ Deadline: tomorrow 9:00');
    const tomorrow = week;
    const done = await tomorrow.click('✅ Done');
    expect(done.answer?.text).toBe('Done! ✅');
    const doneCard = await chat.waitForEdit(tomorrow, /Status: done/);
    expect(doneCard.buttons()).toContain('↩️ Reopen');
    await doneCard.click('« Tasks');
    const upcomingAgain = await chat.waitForEdit(doneCard, /Tasks — Upcoming/);
    expect(upcomingAgain.text).toContain('Nothing upcoming');
    await upcomingAgain.click('Done');
    const doneTab = await chat.waitForEdit(upcomingAgain, /Tasks — Done/);
    expect(doneTab.text).toContain('Next one');
  });

  // A second person: flood control allows about 20 updates a minute, and the test clock stands still.
  it('en: edit the title, then delete with a confirmation; older buttons of the task go stale', async () => {
    const { user, userId } = await person(t, 'ursula', 'en', 'UTC');
    for (let i = 1; i <= 3; i++) {
      await tasks.create(userId, {
        title: `Today ${i}`,
        dueAt: at(`2037-03-02T${String(9 + i).padStart(2, '0')}:00:00Z`),
      });
    }
    const chat = user.privateChat();
    await user.send('/tasks');
    const today = await chat.nextMessage(/Tasks — Today/);
    await today.click('1. Today 1');
    const first = await chat.waitForEdit(today, /<b>|Today 1/);
    await first.click('✏️ Edit');
    const edit = await chat.waitForEdit(first, /What do you want to change/);
    await edit.click('Title');
    await chat.nextMessage(/Send the new title/);
    await user.send('Today one, renamed');
    const renamed = await chat.nextMessage(/Saved\./);
    expect(renamed.text).toContain('Today one, renamed');
    // Priority straight from the edit screen: the edit screen is now stale (the title changed).
    expect((await edit.click('High')).answer?.text).toBe('This button is out of date.');
    // ...and it loses its buttons, so nothing on it can be pressed in vain again (issue 37).
    await chat.waitForEdit(edit, (m) => m.buttons().length === 0);

    // Delete with a confirmation step; afterwards the card's buttons are stale.
    await renamed.click('🗑 Delete');
    const confirm = await chat.waitForEdit(renamed, /Delete .*Today one, renamed.*\?/);
    await confirm.click('Keep it');
    const kept = await chat.waitForEdit(confirm, /Priority: Normal/);
    await kept.click('🗑 Delete');
    const confirm2 = await chat.waitForEdit(kept, /can't be undone/);
    await confirm2.click('🗑 Yes, delete');
    await chat.waitForEdit(confirm2, /Deleted/);
    // The older message with the deleted task's edit screen has no buttons left to press.
    expect((await chat.messages()).find((m) => m.id === edit.id)?.buttons()).toEqual([]);
    await chat.expectNoMessage(300);
    expect(
      await tasks.get(userId, (await tasks.list(userId, { view: 'today' })).items[0]?.id ?? ''),
    ).toMatchObject({
      title: 'Today 2',
    });
    expect((await tasks.list(userId, { view: 'today' })).total).toBe(2);
  });

  it('ru: the list and card speak Russian; a card in an older message goes stale', async () => {
    const { user, userId } = await person(t, 'rita', 'ru', 'Europe/Moscow');
    const { userId: otherId } = await person(t, 'sergey', 'ru', 'Europe/Moscow');
    const foreign = await tasks.create(otherId, { title: 'Чужая', dueAt: at('2037-03-02T15:00:00Z') });
    await tasks.create(userId, { title: 'Купить хлеб', dueAt: at('2037-03-02T15:00:00Z'), priority: 'high' });
    const chat = user.privateChat();
    await user.send('/tasks');
    const list = await chat.nextMessage(/Задачи — Сегодня/);
    expect(list.text).toContain('Купить хлеб ❗ — пн 2 мар., 18:00');
    await list.click('1. Купить хлеб');
    const card = await chat.waitForEdit(list, /Приоритет: Высокий/);
    expect(card.buttons()).toEqual(
      expect.arrayContaining([
        '✅ Готово',
        '✏️ Изменить',
        '⏩ Срок +1 ч',
        '⏩ Срок: завтра 9:00',
        '⏩ Срок +1 неделя',
        '🗑 Удалить',
      ]),
    );
    // The same task in a second message: completing it there makes the first card's buttons stale.
    await user.send('/tasks');
    const second = await chat.nextMessage(/Задачи — Сегодня/);
    await second.click('1. Купить хлеб');
    const secondCard = await chat.waitForEdit(second, /Приоритет: Высокий/);
    await secondCard.click('✅ Готово');
    await chat.waitForEdit(secondCard, /Статус: готово/);
    expect((await card.click('⏩ Срок +1 ч')).answer?.text).toBe('Эта кнопка устарела.');
    expect((await card.click('🗑 Удалить')).answer?.text).toBe('Эта кнопка устарела.');
    const [row] = (await tasks.list(userId, { view: 'done' })).items;
    expect(row).toMatchObject({ title: 'Купить хлеб', dueAt: at('2037-03-02T15:00:00Z'), version: 2 });
    expect((await tasks.get(otherId, foreign.id))?.status).toBe('todo');
  });
});
