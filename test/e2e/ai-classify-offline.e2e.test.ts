import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabelledNotes } from '../fixtures/notes/labelled-notes.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// POST /api/v1/ai/classify with no model ranks topics with the notes capability's classifier (the
// one filing uses), handed to the AI port by the composition root: notes the platform's own rules
// found nothing for get their topic, and the request's examples teach it a topic of its own.
let t: TestSystem;
const tokens: Record<'en' | 'ru', string> = { en: '', ru: '' };
const { topics } = loadLabelledNotes();

beforeAll(async () => {
  t = await startTestSystem();
  for (const [lang, name] of [
    ['en', 'Ada'],
    ['ru', 'Борис'],
  ] as const) {
    const person = await registeredPerson(t, name, lang, lang === 'en' ? 'Europe/London' : 'Europe/Moscow');
    const { init_data } = await person.user.webApp();
    const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init_data }),
    });
    tokens[lang] = ((await login.json()) as { token: string }).token;
  }
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function classify(lang: 'en' | 'ru', body: unknown) {
  const res = await fetch(`${t.url}/api/v1/ai/classify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[lang]}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { topic_id: string | null; confidence: number; source: string; title: string };
}

const SAY = {
  en: {
    note: "Smart mirror that shows the day's schedule",
    topic: 'ideas',
    own: {
      text: 'Saxophone lesson with Pavel on Thursday',
      example: 'Pavel: saxophone scales, practise daily',
    },
  },
  ru: {
    note: 'Узнать расписание парома на Валаам',
    topic: 'travel',
    own: {
      text: 'Урок саксофона с Павлом в четверг',
      example: 'Павел: гаммы на саксофоне, играть каждый день',
    },
  },
};

describe.each(['en', 'ru'] as const)('POST /api/v1/ai/classify offline (%s)', (lang) => {
  it('files with the notes classifier: a note the platform rules had no topic for', async () => {
    const s = SAY[lang];
    const body = await classify(lang, { text: s.note, topics });
    expect(body).toMatchObject({ topic_id: s.topic, source: 'offline', title: s.note });
    expect(body.confidence).toBeGreaterThan(0);
  });

  it('learns a topic with no built-in words from the examples in the request', async () => {
    const s = SAY[lang].own;
    const music = [...topics, { id: 'music', name: lang === 'en' ? 'Music' : 'Музыка' }];
    expect((await classify(lang, { text: s.text, topics: music })).topic_id).not.toBe('music');
    const taught = await classify(lang, {
      text: s.text,
      topics: music,
      examples: [{ text: s.example, topic_id: 'music' }],
    });
    expect(taught).toMatchObject({ topic_id: 'music', source: 'offline' });
  });
});
