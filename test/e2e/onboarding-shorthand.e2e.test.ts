import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// Issue 11, item 1: a short task typed straight after /start ("купить молоко завтра", three words
// like a city name) is a task, not a failed city search; a misspelt city still gets asked again.
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
  await t.sb.limits(false);
});
afterAll(() => t.close());

describe('the first message after /start', () => {
  it.each([
    {
      lang: 'ru',
      task: 'купить молоко завтра',
      kept: /^🕒 Оставляю/,
      card: /^📝 Задача: Купить молоко/,
      notFound: /^Не нашёл «Берлн»/,
      typo: 'Берлн',
    },
    {
      lang: 'en',
      task: 'buy milk tmrw',
      kept: /^🕒 Keeping/,
      card: /^📝 Task: Buy milk/,
      notFound: /^I couldn't find "Berln"/,
      typo: 'Berln',
    },
  ])('$lang: a three-word task with a date is kept as a task; a misspelt city is asked again', async (s) => {
    const person = await t.sb.user(`shorthand-${s.lang}`, { first_name: 'S', language_code: s.lang });
    const chat = person.privateChat();
    await person.send('/start');
    await chat.nextMessage(/\/help/);
    await person.send(s.task);
    await chat.nextMessage(s.kept);
    await chat.nextMessage(s.card);

    const other = await t.sb.user(`typo-${s.lang}`, { first_name: 'T', language_code: s.lang });
    await other.send('/start');
    await other.privateChat().nextMessage(/\/help/);
    await other.send(s.typo);
    await other.privateChat().nextMessage(s.notFound);
  });
});
