import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { type FakeProvider, startFakeProvider } from '../../../platform/ai/testing/fake-provider-server.ts';
import type { SandboxChat, SandboxMessage } from '../../../sandbox/client.ts';
import { createNotesModule } from '../index.ts';

let h: CapabilityHarness;
let stt: FakeProvider;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  stt = await startFakeProvider('stt');
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      '<title>Cheap flights to Lisbon</title><meta name="description" content="Airline tickets and hotel deals">',
    );
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const { port } = site.address() as AddressInfo;
  siteUrl = `http://127.0.0.1:${port}/deals`;
  const notes = createNotesModule({ link: { allowPrivate: [`127.0.0.1:${port}`] } });
  h = await startCapabilityHarness([notes], {
    env: { STT_PROVIDER: 'openai-compatible', STT_BASE_URL: stt.url, STT_MODEL: 'whisper-test' },
  });
}, 180_000);
afterAll(async () => {
  await h.close();
  await stt.close();
  await new Promise<void>((r) => site.close(() => r()));
});

/** The bot's posts in a forum thread after `since`, waiting on the clock (posts are jobs). */
async function threadPost(forum: SandboxChat, threadId: number, matcher: RegExp, since: number) {
  const found = await waitMessage(h.clock, forum, matcher, since);
  expect(found.data.message_thread_id).toBe(threadId);
  return found;
}

const TOPICS = {
  en: [
    { name: 'Work', description: 'Job, meetings, clients', keywords: ['meeting', 'client', 'report'] },
    {
      name: 'Travel',
      description: 'Trips, flights, hotels',
      keywords: ['flight', 'hotel', 'tickets', 'airline'],
    },
    { name: 'Health', description: 'Doctors, sport', keywords: ['doctor', 'gym', 'dentist'] },
  ],
  ru: [
    { name: 'Работа', description: 'Работа, встречи, клиенты', keywords: ['встреча', 'клиент', 'отчёт'] },
    {
      name: 'Поездки',
      description: 'Путешествия, билеты, отели',
      keywords: ['билеты', 'отель', 'перелёт', 'airline', 'flights'],
    },
    { name: 'Здоровье', description: 'Врачи, спорт', keywords: ['врач', 'зал', 'стоматолог'] },
  ],
};
const SAY = {
  en: {
    work: 'Client meeting report: revenue up 5%',
    vague: 'Pavel and the saxophone',
    follow: 'Pavel and the saxophone lessons',
    filed: /Filed to/,
    which: /Which topic/,
    stt: 'Dentist appointment notes',
    photo: 'Hotel receipt from the trip',
    expired: /No answer/,
  },
  ru: {
    work: 'Отчёт для клиента по итогам встречи',
    vague: 'Павел и саксофон',
    follow: 'Павел и уроки саксофона',
    filed: /В теме/,
    which: /В какую тему/,
    stt: 'Запись к стоматологу',
    photo: 'Чек из отеля с поездки',
    expired: /Ответа не было/,
  },
};

describe.each(['en', 'ru'] as const)('notes end to end (%s)', (lang) => {
  it('forum, capture of text/link/voice/photo, pending card, learning, expiry into Inbox', async () => {
    const s = SAY[lang];
    const me = await h.person(`Notes${lang}`, { language: lang });
    const ids: string[] = [];
    for (const topic of TOPICS[lang]) {
      const res = await h.request('/api/v1/notes/topics', {
        method: 'POST',
        headers: me.auth,
        body: JSON.stringify(topic),
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    // Connect the forum: the bot is an admin that may manage topics; missing threads get created.
    const forum = await h.t.sb.group({
      title: `Notes ${lang}`,
      members: [me.user],
      forum: true,
      botIsAdmin: true,
    });
    await me.user.send('/connect', { chat: forum.id });
    await forum.nextMessage(/4/);
    const threads = new Map(
      (await forum.topics()).map((t) => [t.name.replace(/^📥 /, ''), t.message_thread_id]),
    );
    expect([...threads.keys()].sort()).toEqual(['Inbox', ...TOPICS[lang].map((t) => t.name)].sort());
    const thread = (i: number) => threads.get(TOPICS[lang][i]?.name ?? '') ?? -1;
    let since = await lastId(forum);

    // Text: confident → filed, posted in the Work thread.
    await me.user.send(s.work);
    expect((await me.chat.nextMessage(s.filed)).buttons()).toHaveLength(2);
    await threadPost(forum, thread(0), /report|отчёт/i, since);

    // A link to the local test server: filed to Travel, posted with the fetched title.
    since = await lastId(forum);
    await me.user.send(`${siteUrl} airline tickets`);
    await me.chat.nextMessage(s.filed);
    await threadPost(forum, thread(1), /Cheap flights to Lisbon/, since);

    // Voice → the local STT server → transcript filed to Health.
    stt.enqueue({ text: s.stt });
    since = await lastId(forum);
    await me.user.sendVoice(new Uint8Array([79, 103, 103, 83, 1, 2, 3]), { duration: 2 });
    const voice = await me.chat.nextMessage(s.filed);
    expect(voice.text).toContain(s.stt);
    expect(stt.requests).toHaveLength(lang === 'en' ? 1 : 2);
    // The thread gets the voice itself with the transcript as its caption, not a text about it.
    const voicePost = await threadPost(forum, thread(2), new RegExp(s.stt), since);
    expect(voicePost.data.voice?.file_id).toBeTruthy();

    // A photo with a caption.
    since = await lastId(forum);
    await me.user.sendPhoto(new Uint8Array([255, 216, 255, 224]), { caption: s.photo });
    await me.chat.nextMessage(s.filed);
    const photoPost = await threadPost(forum, thread(1), new RegExp(s.photo.split(' ')[0] ?? ''), since);
    expect(photoPost.data.photo?.length).toBeGreaterThan(0);

    // Ambiguous → pending card with New topic / Inbox / Cancel; choosing Health teaches it.
    await me.user.send(s.vague);
    const card = await me.chat.nextMessage(s.which);
    expect(card.buttons()).toEqual(
      expect.arrayContaining([`➕ ${lang === 'en' ? 'New topic' : 'Новая тема'}`]),
    );
    await card.click(await choose(card, TOPICS[lang][2]?.name ?? ''));
    await me.chat.waitForEdit(card, (m) => s.filed.test(m.text));
    await me.user.send(s.follow);
    const learned = await me.chat.nextMessage(s.filed);
    expect(learned.text).toContain(TOPICS[lang][2]?.name);

    // Another ambiguous note nobody answers: after the TTL (24 h) it lands in Inbox, the card says so.
    await me.user.send(lang === 'en' ? 'Zebra crossing paint colours' : 'Цвета краски для зебры');
    const waiting = await me.chat.nextMessage(s.which);
    await h.clock.setTime(new Date(new Date(h.clock.now()).getTime() + 24 * 3_600_000 + 1000));
    since = await lastId(forum);
    await editedOnClock(me.chat, waiting, s.expired);
    await threadPost(forum, threads.get('Inbox') ?? -1, /ebra|зебр/, since);
  }, 120_000);
});

/** Ticks the clock until the card is edited to match (the expiry is a delayed job). */
async function editedOnClock(chat: SandboxChat, card: SandboxMessage, matcher: RegExp) {
  for (let i = 0; i < 80; i++) {
    const now = (await chat.messages()).find((m) => m.id === card.id);
    if (now && matcher.test(now.text)) return now;
    await h.clock.tick(250);
  }
  throw new Error(`card ${card.id} never matched ${matcher}`);
}

async function choose(card: { buttons(): string[] }, name: string) {
  const label = card.buttons().find((b) => b.includes(name));
  if (!label) throw new Error(`no button for ${name}: ${card.buttons().join(', ')}`);
  return label;
}
