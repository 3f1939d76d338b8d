import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  botSaid,
  chatIntent,
  countSaid,
  noticesEnqueued,
  OP,
  type ScriptedModel,
  scriptedModelEnv,
  startScriptedModel,
} from '../support/scripted-model.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// AI_DAILY_TOKEN_CAP_PER_USER through the whole system: a free-text line costs an intent call
// (20 tokens) and a chat call (200). The first line fits under the cap of 150; after it the
// person is over: told once, in their language, then answered by the offline rules.
let model: ScriptedModel;
let t: TestSystem;

beforeAll(async () => {
  model = await startScriptedModel({
    rules: [
      { when: OP.understand, reply: (r) => ({ ...chatIntent(r.text), inputTokens: 10, outputTokens: 10 }) },
      {
        when: OP.chat,
        reply: (r) => ({
          text: r.text.includes('Russian') ? 'Привет! Я модель.' : 'Hi! I am the model.',
          inputTokens: 100,
          outputTokens: 100,
        }),
      },
    ],
  });
  t = await startTestSystem(scriptedModelEnv(model, { AI_DAILY_TOKEN_CAP_PER_USER: '150' }));
  // The local Telegram's own pacing (1 msg/s per chat) would defer replies and re-run turns.
  await t.sb.limits(false);
}, 300_000);
afterAll(async () => {
  await t?.close();
  await model?.close();
});

const SAY = {
  en: {
    lines: ['hello there', 'how are you?', 'still there?'],
    model: /I am the model/,
    notice: /used today's AI allowance/,
    offline: /can't hold a free conversation right now, so I won't pretend/,
  },
  ru: {
    lines: ['привет', 'как дела?', 'ты тут?'],
    model: /Я модель/,
    notice: /Дневной лимит ИИ на сегодня исчерпан/,
    offline: /Свободно поговорить сейчас не получится, и притворяться/,
  },
};

describe.each(['en', 'ru'] as const)('the daily token cap (%s)', (lang) => {
  it('answers with the model until the cap, then tells the person once and answers offline', async () => {
    const s = SAY[lang];
    const person = await registeredPerson(t, `Cap ${lang}`, lang, 'Europe/Berlin');
    const [first, second, third] = s.lines as [string, string, string];

    await person.user.send(first);
    await person.chat.nextMessage(s.model);
    const asked = model.requests.length;

    await person.user.send(second);
    await person.chat.nextMessage(s.offline);
    const notice = await botSaid(person.chat, s.notice);
    expect(notice.text).not.toMatch(lang === 'en' ? /[а-я]/ : /allowance/);

    await person.user.send(third);
    await person.chat.nextMessage(s.offline);
    // Over the cap nothing more reaches the model, and the notice was asked for exactly once.
    expect(model.requests.length).toBe(asked);
    expect(await noticesEnqueued(t, person.chat.id)).toHaveLength(1);
    expect(await countSaid(person.chat, s.notice)).toBe(1);
  }, 120_000);
});
