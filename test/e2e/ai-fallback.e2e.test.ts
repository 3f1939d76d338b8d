import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  botSaid,
  countSaid,
  noticesEnqueued,
  OP,
  type ScriptedModel,
  scriptedModelEnv,
  startScriptedModel,
} from '../support/scripted-model.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// The model failing in each way a provider fails — no answer (the per-attempt timeout), 429, 500 —
// while the person keeps writing: every line still gets its answer from the offline rules, and
// the person is told once that the model is not answering, in their language.
let model: ScriptedModel;
let t: TestSystem;

beforeAll(async () => {
  model = await startScriptedModel();
  // A short timeout keeps the hanging call brief; nothing waits on it but the app itself.
  t = await startTestSystem(scriptedModelEnv(model, { AI_TIMEOUT_MS: '1500' }));
  await t.sb.limits(false);
}, 300_000);
afterAll(async () => {
  await t?.close();
  await model?.close();
});

const SAY = {
  en: {
    lines: ['Call the bank tomorrow at 10', 'Pay the rent on Friday 9:00', 'Renew passport tomorrow 12:00'],
    card: /^(📝 Task|⏰ Reminder): /,
    question: 'are you there?',
    offline: /can't hold a free conversation right now, so I won't pretend/,
    notice: /language model is not answering right now/,
  },
  ru: {
    lines: [
      'позвонить в банк завтра в 10',
      'заплатить за квартиру в пятницу в 9:00',
      'продлить паспорт завтра в 12:00',
    ],
    card: /^(📝 Задача|⏰ Напоминание): /,
    question: 'ты тут?',
    offline: /Свободно поговорить сейчас не получится, и притворяться/,
    notice: /Языковая модель сейчас не отвечает/,
  },
};

describe.each(['en', 'ru'] as const)('a failing model (%s)', (lang) => {
  it('answers every line by the offline rules after a timeout, a 429 and a 500, and tells the person once', async () => {
    const s = SAY[lang];
    const person = await registeredPerson(t, `Fallback ${lang}`, lang, 'Europe/Berlin');
    const [hang, limited, broken] = s.lines as [string, string, string];
    model.add(
      { when: hang, reply: { hang: true } },
      { when: limited, reply: { status: 429, headers: { 'retry-after': '1' } } },
      { when: broken, reply: { status: 500 } },
      { when: s.question, reply: { status: 503 } },
    );

    for (const line of s.lines) {
      await person.user.send(line);
      const card = await person.chat.nextMessage(s.card);
      expect(card.buttons().length).toBeGreaterThan(1);
      await model.waitFor((r) => r.text.startsWith(OP.understand) && r.text.includes(line));
    }
    const notice = await botSaid(person.chat, s.notice);
    expect(notice.text).not.toMatch(lang === 'en' ? /[а-я]/ : /model/);

    // A question is conversation: the chat call fails too, the reply is honest, no second notice.
    await person.user.send(s.question);
    await person.chat.nextMessage(s.offline);
    expect(await noticesEnqueued(t, person.chat.id)).toHaveLength(1);
    expect(await countSaid(person.chat, s.notice)).toBe(1);
  }, 120_000);
});
