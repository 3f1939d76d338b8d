import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { person, startBotSystem } from './bot-support.ts';

let t: TestSystem;
let clock: TestClock;
beforeAll(async () => {
  ({ t, clock } = await startBotSystem());
});
afterAll(() => t.close());

describe('/new guided flow', () => {
  it('en: title → description → date picker → time → priority → category → confirm → saved', async () => {
    const { user } = await person(t, 'nina', 'en', 'Europe/Berlin');
    const chat = user.privateChat();
    await user.send('/new');
    await chat.nextMessage(/What needs doing/);
    await user.send('Essay on history');
    const describe = await chat.nextMessage(/Add a description/);
    await user.send('Five pages about Rome');
    const picker = await chat.nextMessage(/When is it due/);
    expect(picker.buttons()).toEqual(
      expect.arrayContaining(['Today', 'Tomorrow', 'Next week', 'No deadline', 'March 2037']),
    );
    await picker.click('»');
    const april = await chat.waitForEdit(picker, (m) => m.buttons().includes('April 2037'));
    await april.click('15');
    const times = await chat.waitForEdit(picker, /Wed 15 Apr: at what time/);
    expect(times.buttons()).toEqual(expect.arrayContaining(['09:00', '18:00', '23:59', '✖️ Cancel']));
    await times.click('18:00');
    const priority = await chat.waitForEdit(picker, /How important/);
    await priority.click('High');
    const category = await chat.waitForEdit(picker, /Category\?/);
    await category.click('No category');
    const confirm = await chat.waitForEdit(picker, /Save this task/);
    expect(confirm.text).toContain('Essay on history');
    expect(confirm.text).toContain('Wed 15 Apr, 18:00');
    expect(confirm.text).toContain('Priority: High');
    await confirm.click('✅ Save');
    const saved = await chat.waitForEdit(picker, /Task saved/);
    expect(saved.buttons()).toEqual(expect.arrayContaining(['✅ Done', '✏️ Edit', '🗑 Delete']));
    expect(describe.buttons()).toEqual(['Skip', '✖️ Cancel']);
    // An old button of the finished flow is stale.
    expect((await describe.click('Skip')).answer?.text).toBe('This button is out of date.');
  });

  it('ru: description skipped, free-text deadline, a typed new category', async () => {
    const { user } = await person(t, 'oleg', 'ru', 'Europe/Moscow');
    const chat = user.privateChat();
    await user.send('/new');
    await chat.nextMessage(/Что нужно сделать/);
    await user.send('Сдать лабораторную');
    const describe = await chat.nextMessage(/Добавьте описание/);
    await describe.click('Пропустить');
    await chat.waitForEdit(describe, /Какой срок/);
    await user.send('абракадабра');
    await chat.nextMessage(/Не нашёл в этом дату/);
    await user.send('завтра в 18:00');
    const priority = await chat.nextMessage(/Насколько это важно/);
    await priority.click('Срочный');
    await chat.waitForEdit(priority, /Категория/);
    await user.send('#учёба');
    const confirm = await chat.nextMessage(/Сохранить задачу/);
    expect(confirm.text).toContain('Категория: учёба');
    expect(confirm.text).toMatch(/вт 3 мар\.?, 18:00/);
    await confirm.click('✅ Сохранить');
    await chat.waitForEdit(confirm, /Задача сохранена/);
  });

  it('/cancel leaves the flow at any step; the picker offers no past days', async () => {
    const { user } = await person(t, 'pavel', 'en', 'UTC');
    const chat = user.privateChat();
    await clock.tick(0);
    await user.send('/new');
    await chat.nextMessage(/What needs doing/);
    await user.send('Something');
    await chat.nextMessage(/Add a description/);
    await user.send('details');
    const picker = await chat.nextMessage(/When is it due/);
    expect(picker.buttons()).not.toContain('«');
    // Days gone by are dots, not numbers that do nothing; today (2 March at START) is the first number.
    expect(picker.buttons()).toContain('·');
    expect(picker.buttons()).not.toContain('1');
    expect(picker.buttons()).toContain('✖️ Cancel');
    await user.send('/cancel');
    await chat.nextMessage(/^Cancelled\.$/);
    expect((await picker.click('Tomorrow')).answer?.text).toBe('This button is out of date.');
  });
});
