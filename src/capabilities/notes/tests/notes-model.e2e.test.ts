import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import {
  OP,
  type ScriptedModel,
  type ScriptedRequest,
  scriptedModelEnv,
  startScriptedModel,
} from '../../../../test/support/scripted-model.ts';
import { createNotesModule } from '../index.ts';

// Notes against the scripted model: it classifies (filed when sure, a pending card when not),
// renders what the forum gets, learns from the person's corrections (they reach it as examples),
// and a voice note goes through the transcription endpoint first.
let h: CapabilityHarness;
let model: ScriptedModel;

const line = (r: ScriptedRequest, prefix: string) =>
  r.text
    .split('\n')
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length) ?? '[]';
const noteOf = (r: ScriptedRequest) => (JSON.parse(line(r, 'Note: ')) as { text: string }).text;
const topicId = (r: ScriptedRequest, name: string) =>
  (JSON.parse(line(r, 'Topics: ')) as { id: string; name: string }[]).find((t) => t.name === name)?.id;
/** The model's classification: this topic with this confidence. */
const filedAs = (name: string, confidence: number) => (r: ScriptedRequest) => {
  const id = topicId(r, name) ?? null;
  return {
    json: {
      topicId: id,
      confidence,
      title: noteOf(r).slice(0, 40),
      tags: ['scripted'],
      alternatives: id ? [{ topicId: id, confidence }] : [],
    },
  };
};
const about = (words: string) => (r: ScriptedRequest) =>
  r.text.startsWith(OP.classify) && noteOf(r).includes(words);

const SAY = {
  en: {
    topics: ['Work', 'Music', 'Health'],
    sure: 'Quarterly figures for the client',
    unsure: 'Pavel and the saxophone',
    again: 'Pavel and the saxophone again',
    voice: 'Dentist on Monday',
    filed: /Filed to/,
    which: /Which topic/,
  },
  ru: {
    topics: ['Работа', 'Музыка', 'Здоровье'],
    sure: 'Квартальные цифры для клиента',
    unsure: 'Павел и саксофон',
    again: 'Павел и саксофон снова',
    voice: 'Стоматолог в понедельник',
    filed: /В теме/,
    which: /В какую тему/,
  },
};

beforeAll(async () => {
  model = await startScriptedModel({
    rules: [
      {
        endpoint: 'transcription',
        reply: (r) => ({ text: r.form?.language === 'ru' ? SAY.ru.voice : SAY.en.voice }),
      },
      {
        when: OP.render,
        reply: (r) => ({ json: { title: 'Tidied', tags: [], body: `Tidied: ${noteOf(r)}` } }),
      },
      { when: about(SAY.en.sure), reply: filedAs('Work', 0.95) },
      { when: about(SAY.ru.sure), reply: filedAs('Работа', 0.95) },
      { when: about(SAY.en.again), reply: filedAs('Music', 0.9) },
      { when: about(SAY.ru.again), reply: filedAs('Музыка', 0.9) },
      { when: about(SAY.en.unsure), reply: filedAs('Work', 0.3) },
      { when: about(SAY.ru.unsure), reply: filedAs('Работа', 0.3) },
      { when: about(SAY.en.voice), reply: filedAs('Health', 0.9) },
      { when: about(SAY.ru.voice), reply: filedAs('Здоровье', 0.9) },
    ],
  });
  h = await startCapabilityHarness([createNotesModule()], { env: scriptedModelEnv(model) });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await model?.close();
});

describe.each(['en', 'ru'] as const)('notes with a model (%s)', (lang) => {
  it('files what it is sure of, asks when unsure, learns from the correction, transcribes a voice note', async () => {
    const s = SAY[lang];
    const me = await h.person(`Model notes ${lang}`, { language: lang });
    for (const name of s.topics)
      await h.call(me.auth, 'POST', '/api/v1/notes/topics', { name, keywords: [] });
    const forum = await h.t.sb.group({
      title: `Notes ${lang}`,
      members: [me.user],
      forum: true,
      botIsAdmin: true,
    });
    await me.user.send('/connect', { chat: forum.id });
    await forum.nextMessage(/4/);

    // Sure: filed to Work, and the forum gets the model's rendering of it.
    const since = await lastId(forum);
    await me.user.send(s.sure);
    expect((await me.chat.nextMessage(s.filed)).text).toContain(s.topics[0]);
    const post = await waitMessage(h.clock, forum, /Tidied:/, since);
    expect(post.text).toContain(`Tidied: ${s.sure}`);

    // Unsure (0.3): a pending card; the person picks Music, and the next request carries that choice as an example.
    await me.user.send(s.unsure);
    const card = await me.chat.nextMessage(s.which);
    const music = card.buttons().find((b) => b.includes(s.topics[1] as string));
    await card.click(music as string);
    await me.chat.waitForEdit(card, (m) => s.filed.test(m.text));
    await me.user.send(s.again);
    expect((await me.chat.nextMessage(s.filed)).text).toContain(s.topics[1]);
    const asked = await model.waitFor(about(s.again));
    const examples = JSON.parse(line(asked, 'Past filed notes: ')) as { topicId: string; text: string }[];
    expect(examples).toContainEqual({ topicId: topicId(asked, s.topics[1] as string), text: s.unsure });

    // Voice: transcribed in the person's language, then classified like text.
    await me.user.sendVoice(new Uint8Array([79, 103, 103, 83, 1, 2, 3]), { duration: 2 });
    const voice = await me.chat.nextMessage(s.filed);
    expect(voice.text).toContain(s.voice);
    expect(voice.text).toContain(s.topics[2]);
    const heard = await model.waitFor((r) => r.endpoint === 'transcription' && r.form?.language === lang);
    expect(heard.form?.model).toBe('whisper-scripted');
  }, 180_000);
});
