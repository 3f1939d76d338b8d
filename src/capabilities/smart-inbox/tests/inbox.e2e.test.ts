import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxUser } from '../../../sandbox/client.ts';

// Monday 2 March 2037, 10:00 in Berlin. (On PostgreSQL a pg-boss TestClock must not be behind real time.)
const clock = new TestClock('2037-03-02T09:00:00Z');
let t: TestSystem;

beforeAll(async () => {
  t = await startTestSystem({}, { clock });
  await t.sb.limits(false);
});
afterAll(() => t.close());

async function registered(name: string, language: 'ru' | 'en', city: string): Promise<SandboxUser> {
  const user = await t.sb.user(name, { first_name: name, language_code: language });
  await user.send('/start');
  await user.privateChat().nextMessage(language === 'ru' ? /Привет/ : /Hi,/);
  await user.send(city);
  await user.privateChat().nextMessage(language === 'ru' ? /Готово/ : /All set/);
  return user;
}

async function apiFor(user: SandboxUser) {
  const { init_data } = await user.webApp();
  const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  const { token } = (await login.json()) as { token: string };
  return (path: string) =>
    fetch(`${t.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
}

describe('smart inbox', () => {
  it('en: a line with a deadline becomes a task card; Save stores it once', async () => {
    const ann = await registered('Ann', 'en', 'Berlin');
    const chat = ann.privateChat();
    await ann.send('Submit essay on history by Friday 18:00 !high #study');
    const card = await chat.nextMessage(/Task/);
    expect(card.text).toBe('📝 Task: Submit essay on history\n🗓 Fri 6 Mar, 18:00 · ❗ high · #study');
    expect(card.buttons()).toEqual(['💾 Save', '✏️ Edit', "⏰ It's a reminder", '✖️ Cancel']);
    await card.click('💾 Save');
    const saved = await chat.waitForEdit(card, (m) => m.text.startsWith('✅'));
    expect(saved.text).toBe('✅ Task saved: “Submit essay on history” · due Fri 6 Mar, 18:00');
    expect(saved.buttons()).toEqual([]);

    const api = await apiFor(ann);
    const tasks = (await api('/tasks')) as {
      items: Array<{ title: string; due_at: string; priority: string }>;
    };
    expect(tasks.items).toEqual([
      expect.objectContaining({
        title: 'Submit essay on history',
        due_at: '2037-03-06T17:00:00.000Z',
        priority: 'high',
      }),
    ]);
  });

  it('ru: a reminder card can be turned into a task, edited; a statement becomes a note, a question is conversation', async () => {
    const boris = await registered('Борис', 'ru', 'Москва');
    const chat = boris.privateChat();
    await boris.send('напомни завтра в 9 позвонить маме');
    const card = await chat.nextMessage(/Напоминание/);
    expect(card.text).toBe('⏰ Напоминание: Позвонить маме\n🗓 вт 3 мар., 09:00');
    // With the notes capability the "it's a …" button cycles reminder → note → task.
    await card.click('🗒 Это заметка');
    const asNote = await chat.waitForEdit(card, (m) => m.text.startsWith('🗒'));
    await asNote.click('📝 Это задача');
    const asTask = await chat.waitForEdit(card, (m) => m.text.startsWith('📝'));
    expect(asTask.buttons()).toContain('⏰ Это напоминание');

    await asTask.click('✏️ Изменить');
    await chat.nextMessage(/Пришлите исправленный текст/);
    await boris.send('позвонить маме в пятницу !срочно');
    await chat.nextMessage(/Карточка выше обновлена/);
    const edited = await chat.waitForEdit(card, (m) => /пт 6 мар/.test(m.text));
    expect(edited.text).toContain('‼️ срочно');
    await edited.click('💾 Сохранить');
    await chat.waitForEdit(card, (m) => m.text.startsWith('✅ Задача сохранена'));

    // A statement that is neither a task nor a reminder is kept as a note (no "didn't understand").
    await boris.send('идея для подарка маме — книга про сад');
    await chat.nextMessage(/В теме/);
    // A short question is conversation: the companion answers (offline: it says so honestly).
    await boris.send('как дела?');
    await chat.nextMessage(/Свободно поговорить сейчас не получится/);
    await boris.send('/notanything');
    await chat.nextMessage(/Не понял|Неизвестная команда|\/help/);
  });

  it('a saved reminder fires at its time; Cancel stores nothing', async () => {
    const cat = await registered('Cat', 'en', 'London');
    const chat = cat.privateChat();
    await cat.send('remind me at 14:30 to water the plants');
    const card = await chat.nextMessage(/Reminder/);
    await card.click('💾 Save');
    await chat.waitForEdit(card, (m) => m.text.startsWith('✅ Reminder set'));
    await cat.send('buy a new kettle');
    const other = await chat.nextMessage(/Task: Buy a new kettle/);
    await other.click('✖️ Cancel');
    await chat.waitForEdit(other, (m) => m.text === 'Dropped. Nothing was saved.');

    // Jump to 14:30:01 London (UTC in March), then let the workers poll on the test clock.
    await clock.setTime('2037-03-02T14:30:01Z');
    let fired: Awaited<ReturnType<typeof chat.nextMessage>> | undefined;
    for (let i = 0; i < 40 && !fired; i++) {
      await clock.tick(250);
      fired = await chat.nextMessage(/water the plants/i, { timeoutMs: 200 }).catch(() => undefined);
    }
    if (!fired) throw new Error('the reminder did not fire');
    expect(fired.buttons().length).toBeGreaterThan(0);
    const api = await apiFor(cat);
    const tasks = (await api('/tasks')) as { items: unknown[] };
    expect(tasks).toMatchObject({ items: [] });
  });
});
