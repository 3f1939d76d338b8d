import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OP,
  type ScriptedModel,
  scriptedModelEnv,
  startScriptedModel,
} from '../../../../test/support/scripted-model.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';

// A free-text line routed by the model's intent: the rule-based parser reads the dates either way,
// the model decides what the line is and may tidy its title. Offline, both lines below are tasks.
let model: ScriptedModel;
let t: TestSystem;

const understood = (intent: string, title: string) => ({
  json: {
    intent,
    title,
    dueLocal: null,
    allDay: false,
    rrule: null,
    priority: null,
    category: null,
    confidence: 0.9,
  },
});

beforeAll(async () => {
  model = await startScriptedModel({
    rules: [
      { when: 'Submit the essay by Friday 18:00', reply: understood('reminder', 'Submit the essay') },
      { when: 'сдать эссе к пятнице 18:00', reply: understood('reminder', 'Сдать эссе') },
      { when: 'pick up parcel at 5pm tomorrow', reply: understood('note', 'Parcel pickup') },
      { when: 'забрать посылку завтра в 17:00', reply: understood('note', 'Посылка') },
    ],
  });
  t = await startTestSystem(scriptedModelEnv(model));
  await t.sb.limits(false);
}, 300_000);
afterAll(async () => {
  await t?.close();
  await model?.close();
});

const SAY = {
  en: {
    reminderLine: 'Submit the essay by Friday 18:00',
    reminderCard: /^⏰ Reminder: Submit the essay\n/,
    noteLine: 'pick up parcel at 5pm tomorrow',
    noteCard: /^🗒 Note: pick up parcel/,
    timezone: 'Europe/Berlin',
  },
  ru: {
    reminderLine: 'сдать эссе к пятнице 18:00',
    reminderCard: /^⏰ Напоминание: Сдать эссе\n/,
    noteLine: 'забрать посылку завтра в 17:00',
    noteCard: /^🗒 Заметка: забрать посылку/,
    timezone: 'Europe/Moscow',
  },
};

describe.each(['en', 'ru'] as const)('the smart inbox with a model (%s)', (lang) => {
  it("makes the card the model's intent says, with its title and the parser's time", async () => {
    const s = SAY[lang];
    const person = await registeredPerson(t, `Inbox ${lang}`, lang, s.timezone);

    await person.user.send(s.reminderLine);
    const reminder = await person.chat.nextMessage(s.reminderCard);
    expect(reminder.text).toMatch(/18:00/);
    const asked = await model.waitFor(
      (r) => r.text.startsWith(OP.understand) && r.text.includes(s.reminderLine),
    );
    // The model is told the person's local time and zone, to read "Friday" as they mean it.
    expect(asked.text).toContain(`(${s.timezone})`);
    expect(asked.structured).toBe(true);

    // Dated, so a task offline; the model says it is a note (a note card keeps the person's words).
    await person.user.send(s.noteLine);
    await person.chat.nextMessage(s.noteCard);
  }, 120_000);
});
