import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';

// The whole shipped build (tasks, reminders, smart inbox, companion) offline: AI_PROVIDER=none.
const clock = new TestClock('2037-03-02T09:00:00Z');
let t: TestSystem;

beforeAll(async () => {
  t = await startTestSystem({}, { clock });
  await t.sb.limits(false);
}, 300_000);
afterAll(() => t.close());

describe('conversation with the companion', () => {
  it('offline: says honestly it cannot chat, shows typing, and points at today; /reset answers', async () => {
    const ann = await registeredPerson(t, 'Ann', 'en', 'Europe/Berlin');
    const chat = ann.chat;
    await t.sb.clearCalls();
    await ann.user.send('hello, how are you?');
    const answer = await chat.nextMessage(/can't hold a free conversation/);
    expect(answer.text).toMatch(/Nothing due today|Today for you/);
    const actions = await t.sb.calls('sendChatAction');
    expect(actions.some((c) => c.params.action === 'typing')).toBe(true);
    // A line with a deadline is still the smart inbox's, not chat.
    await ann.user.send('buy milk tomorrow 10:00');
    await chat.nextMessage(/Task: Buy milk/);
    await ann.user.send('/reset');
    await chat.nextMessage(/forgotten our conversation/);
  });

  it('/profile shows, edits and erases; /forget erases the person after a confirmation', async () => {
    const bo = await registeredPerson(t, 'Bo', 'ru', 'Europe/Moscow');
    const chat = bo.chat;
    await bo.user.send('/profile');
    const card = await chat.nextMessage(/Ваш профиль/);
    await card.click('✏️ Изменить');
    await chat.nextMessage(/Пришлите текст для профиля/);
    await bo.user.send('Учусь на втором курсе, люблю бег');
    await chat.nextMessage(/Сохранил/);
    await bo.user.send('/profile');
    const shown = await chat.nextMessage(/Ваш профиль/);
    expect(shown.text).toContain('люблю бег');
    await shown.click('🗑 Стереть');
    await chat.waitForEdit(shown, (m) => /Профиль стёрт/.test(m.text));

    await bo.user.send('/forget');
    const confirm = await chat.nextMessage(/Уверены/);
    await confirm.click('Нет, оставить');
    await chat.waitForEdit(confirm, (m) => /Ничего не стёрто/.test(m.text));
    expect(await t.system.users.getById(bo.userId)).not.toBeNull();
    await bo.user.send('/forget');
    const again = await chat.nextMessage(/Уверены/);
    await again.click('Да, стереть всё');
    await chat.waitForEdit(again, (m) => /Всё стёрто/.test(m.text));
    expect(await t.system.users.getById(bo.userId)).toBeNull();
  });
});
