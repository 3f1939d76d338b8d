// "call the bank today" said in the afternoon (issue 37, item 4): a day without a time is a
// day-only task — due by the end of that day, so the card does not say the time has passed, and
// it is not overdue (in /stats or the API) the moment it is saved. Through the sandbox, ru and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../../../../test/support/mini-app-browser.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { startClockedSystem } from '../../reminders/tests/e2e-support.ts';

// Monday 2 March 2037, 14:00 in Berlin: the parser's 09:00 default is five hours gone.
let t: TestSystem;
beforeAll(async () => {
  ({ t } = await startClockedSystem('2037-03-02T13:00:00Z'));
});
afterAll(() => t?.close());

const WORDS = {
  en: {
    line: 'call the bank today',
    card: '📝 Task: Call the bank\n🗓 Mon 2 Mar',
    save: '💾 Save',
    saved: '✅ Task saved: “Call the bank” · due Mon 2 Mar',
    stats: /✅ Completed/,
  },
  ru: {
    line: 'позвонить в банк сегодня',
    card: '📝 Задача: Позвонить в банк\n🗓 пн 2 мар.',
    save: '💾 Сохранить',
    saved: '✅ Задача сохранена: «Позвонить в банк» · срок пн 2 мар.',
    stats: /✅ Выполнено/,
  },
} as const;

describe.each(['en', 'ru'] as const)('%s: a task for today without a time', (language) => {
  const w = WORDS[language];

  it('is due by the end of the day: no "time has passed", not overdue', async () => {
    const { user, chat } = await registeredPerson(t, `Bank_${language}`, language, 'Europe/Berlin');
    await user.send(w.line);
    const card = await chat.nextMessage((m) => m.text.startsWith('📝'));
    expect(card.text).toBe(w.card);
    expect(card.buttons()[0]).toBe(w.save);
    await card.click(w.save);
    const saved = await chat.waitForEdit(card, (m) => m.text.startsWith('✅'));
    expect(saved.text).toBe(w.saved);

    const call = await callAs(t, user);
    const due = await call<{ items: Array<{ title: string; due_at: string }> }>('GET', '/tasks?view=today');
    // 23:59 in Berlin (UTC+1 in March).
    expect(due.body.items.map((i) => i.due_at)).toEqual(['2037-03-02T22:59:00.000Z']);
    expect((await call<{ items: unknown[] }>('GET', '/tasks?view=overdue')).body.items).toEqual([]);

    await user.send('/stats');
    const stats = await chat.nextMessage(w.stats);
    expect(stats.text).not.toContain('⚠️');
  });
});
