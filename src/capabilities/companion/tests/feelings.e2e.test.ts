import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../../../../test/support/mini-app-browser.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { startClockedSystem } from '../../reminders/tests/e2e-support.ts';

// Issue 37, item 6: how someone feels ("мне грустно, экзамены скоро", "I feel tired today") is
// neither a note nor a task: offline it reaches the companion, which acknowledges it first.
// Monday 2 March 2037, 10:00 in Berlin.
let t: TestSystem;
beforeAll(async () => {
  ({ t } = await startClockedSystem('2037-03-02T09:00:00Z'));
});
afterAll(() => t?.close());

const WORDS = {
  en: {
    lines: ['I feel tired today', "I'm so stressed about the exams"],
    heard: /^Thank you for telling me — that sounds like a lot\./,
    task: 'call the bank today',
    card: /^📝 Task: Call the bank/,
  },
  ru: {
    lines: ['мне грустно, экзамены скоро', 'я так устала сегодня'],
    heard: /^Спасибо, что поделились — звучит непросто\./,
    task: 'позвонить в банк сегодня',
    card: /^📝 Задача: Позвонить в банк/,
  },
} as const;

describe.each(['en', 'ru'] as const)('%s: a feeling is heard, not filed', (language) => {
  const w = WORDS[language];

  it('reaches the companion, makes no note, task or reminder; a plain task line still makes a card', async () => {
    const { user, chat } = await registeredPerson(t, `Feels_${language}`, language, 'Europe/Berlin');
    for (const line of w.lines) {
      await user.send(line);
      const answer = await chat.nextMessage((m) => m.data.from?.is_bot === true);
      expect({ line, answer: answer.text }).toEqual({ line, answer: expect.stringMatching(w.heard) });
      expect(answer.buttons()).toEqual([]);
    }
    const call = await callAs(t, user);
    expect((await call<{ items: unknown[] }>('GET', '/notes')).body.items).toEqual([]);
    expect((await call<{ items: unknown[] }>('GET', '/tasks')).body.items).toEqual([]);
    expect((await call<{ items: unknown[] }>('GET', '/reminders')).body.items).toEqual([]);

    await user.send(w.task);
    await chat.nextMessage(w.card);
  });
});
