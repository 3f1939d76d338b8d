import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { createNotesModule } from '../index.ts';

// Without a model: a note the classifier files wrongly, corrected once with Move, teaches it —
// the next near-identical note goes to the corrected topic on its own.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([createNotesModule()]);
}, 180_000);
afterAll(async () => {
  await h.close();
});

const CASE = {
  en: {
    topics: [
      { name: 'Work', description: 'Job, meetings, clients', keywords: ['meeting', 'report', 'client'] },
      { name: 'Music', description: 'My band' },
    ],
    first: 'Report from the band meeting: new setlist and the drummer',
    next: 'Report from the band meeting: setlist and the drummer again',
    filed: (topic: string) => new RegExp(`Filed to ${topic}`),
    move: '↪️ Move',
  },
  ru: {
    topics: [
      { name: 'Работа', description: 'Работа, встречи, клиенты', keywords: ['встреча', 'отчёт', 'клиент'] },
      { name: 'Музыка', description: 'Моя группа' },
    ],
    first: 'Отчёт со встречи группы: новый сетлист и барабанщик',
    next: 'Отчёт со встречи группы: сетлист и барабанщик снова',
    filed: (topic: string) => new RegExp(`В теме ${topic}`),
    move: '↪️ Перенести',
  },
};

describe.each(['en', 'ru'] as const)('offline filing learns from a correction (%s)', (lang) => {
  it('files the next near-identical note to the corrected topic', async () => {
    const c = CASE[lang];
    const me = await h.person(`Learner${lang}`, { language: lang });
    for (const topic of c.topics) {
      const res = await h.request('/api/v1/notes/topics', {
        method: 'POST',
        headers: me.auth,
        body: JSON.stringify(topic),
      });
      expect(res.status).toBe(201);
    }
    const [work, music] = c.topics.map((t) => t.name) as [string, string];

    // Its words say Work: filed there with confidence.
    await me.user.send(c.first);
    const card = await me.chat.nextMessage(c.filed(work));
    await card.click(c.move);
    const chooser = await me.chat.waitForEdit(card, (m) => m.buttons().some((b) => b.includes(music)));
    await chooser.click(chooser.buttons().find((b) => b.includes(music)) ?? music);
    await me.chat.waitForEdit(card, (m) => c.filed(music).test(m.text));

    // The same kind of note again: Music, without asking.
    await me.user.send(c.next);
    const next = await me.chat.nextMessage(/📁|\?/);
    expect(next.text).toMatch(c.filed(music));
  }, 120_000);
});
