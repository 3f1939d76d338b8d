import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import type { SandboxChat, SandboxMessage } from '../../../sandbox/client.ts';
import { createNotesModule } from '../index.ts';

let h: CapabilityHarness;

beforeAll(async () => {
  h = await startCapabilityHarness([createNotesModule()]);
}, 180_000);
afterAll(async () => {
  await h.close();
});

const TOPICS = {
  en: [
    { name: 'Travel', description: 'Trips, flights, hotels', keywords: ['flight', 'hotel', 'trip'] },
    { name: 'Work', description: 'Job, meetings, clients', keywords: ['meeting', 'client', 'report'] },
  ],
  ru: [
    { name: 'Поездки', description: 'Путешествия, билеты, отели', keywords: ['отель', 'поездка', 'перелёт'] },
    { name: 'Работа', description: 'Работа, встречи, клиенты', keywords: ['встреча', 'клиент', 'отчёт'] },
  ],
};
const SAY = {
  en: { trip: 'Hotel and trip photos', work: 'Client meeting report slides', filed: /Filed to/ },
  ru: { trip: 'Фото отеля из поездки', work: 'Слайды отчёта для клиента', filed: /В теме/ },
};
const FILES = { en: /📎 3 files/, ru: /📎 3 файла/ };

/** A distinct tiny JPEG-ish payload per item, so every item is its own file. */
const jpeg = (n: number) => new Uint8Array([255, 216, 255, 224, n]);
const photoId = (m: SandboxMessage) => m.data.photo?.at(-1)?.file_id;

interface ApiNote {
  id: string;
  text: string;
  kind: string;
  topic_id: string | null;
  file_ids: string[];
}
async function notesOf(auth: Record<string, string>): Promise<ApiNote[]> {
  const res = await h.request('/api/v1/notes', { headers: auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: ApiNote[] }).items;
}

/** The card as it is now, or its next edit until it matches (items are handled one at a time). */
async function settled(chat: SandboxChat, card: SandboxMessage, matcher: RegExp) {
  const now = (await chat.messages()).find((m) => m.id === card.id);
  if (now && matcher.test(now.text)) return now;
  return chat.waitForEdit(now ?? card, (m) => matcher.test(m.text), { timeoutMs: 15_000 });
}

async function withTopics(lang: 'en' | 'ru', name: string) {
  const me = await h.person(name, { language: lang });
  const ids: string[] = [];
  for (const topic of TOPICS[lang]) {
    const res = await h.request('/api/v1/notes/topics', {
      method: 'POST',
      headers: me.auth,
      body: JSON.stringify(topic),
    });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return { me, ids };
}

describe.each(['en', 'ru'] as const)('notes albums (%s)', (lang) => {
  it('an album of 3 photos is one note with one card; two albums back to back stay two notes', async () => {
    const s = SAY[lang];
    const { me, ids } = await withTopics(lang, `Album${lang}`);
    await me.chat.markRead();
    // Two albums sent back to back: six updates, handled one at a time in order.
    const trip = await me.user.sendMediaGroup([
      { type: 'photo', data: jpeg(1), caption: s.trip },
      { type: 'photo', data: jpeg(2) },
      { type: 'photo', data: jpeg(3) },
    ]);
    const work = await me.user.sendMediaGroup([
      { type: 'photo', data: jpeg(4), caption: s.work },
      { type: 'photo', data: jpeg(5) },
      { type: 'photo', data: jpeg(6) },
    ]);
    const tripCard = await me.chat.nextMessage(s.filed, { timeoutMs: 15_000 });
    const workCard = await me.chat.nextMessage(s.filed, { timeoutMs: 15_000 });
    expect(tripCard.data.reply_to_message?.message_id).toBe(trip[0]?.id);
    expect(workCard.data.reply_to_message?.message_id).toBe(work[0]?.id);
    // The later items edited each card's count; the last item of the second album is handled last.
    const workDone = await settled(me.chat, workCard, FILES[lang]);
    const tripDone = await settled(me.chat, tripCard, FILES[lang]);
    expect(tripDone.text).toContain(TOPICS[lang][0]?.name);
    expect(workDone.text).toContain(TOPICS[lang][1]?.name);
    expect(tripDone.buttons()).toHaveLength(2);
    expect(workDone.buttons()).toHaveLength(2);
    // One card per album and no other reply.
    const fromBot = (await me.chat.messages()).filter(
      (m) => m.data.from?.is_bot && m.id > (trip[0]?.id ?? 0),
    );
    expect(fromBot.map((m) => m.id)).toEqual([tripCard.id, workCard.id]);

    const notes = await notesOf(me.auth);
    expect(notes).toHaveLength(2);
    const byText = (text: string) => notes.find((n) => n.text === text);
    expect(byText(s.trip)).toMatchObject({ kind: 'photo', topic_id: ids[0], file_ids: trip.map(photoId) });
    expect(byText(s.work)).toMatchObject({ kind: 'photo', topic_id: ids[1], file_ids: work.map(photoId) });
  }, 60_000);
});

describe('album durability', () => {
  it('an album survives a restart between its items and never joins another chat’s album', async () => {
    const { me } = await withTopics('en', 'AlbumRestart');
    const group = 'album-across-restart';
    const first = await me.user.sendPhoto(jpeg(7), { caption: SAY.en.trip, mediaGroupId: group });
    const card = await me.chat.nextMessage(SAY.en.filed, { timeoutMs: 15_000 });
    expect(card.text).not.toMatch(/📎/);

    await h.t.restart();
    await h.t.sb.limits(false); // the restarted sandbox starts with Telegram's limits on again
    const second = await me.user.sendPhoto(jpeg(8), { mediaGroupId: group });
    const third = await me.user.sendPhoto(jpeg(9), { mediaGroupId: group });
    await settled(me.chat, card, FILES.en);

    // Someone else's chat with the same media_group_id gets a note of its own.
    const other = await withTopics('en', 'AlbumOther');
    const theirs = await other.me.user.sendPhoto(jpeg(10), { caption: SAY.en.trip, mediaGroupId: group });
    const theirCard = await other.me.chat.nextMessage(SAY.en.filed, { timeoutMs: 15_000 });
    expect(theirCard.text).not.toMatch(/📎/);

    const mine = await notesOf(me.auth);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.file_ids).toEqual([first, second, third].map(photoId));
    const their = await notesOf(other.me.auth);
    expect(their).toHaveLength(1);
    expect(their[0]?.file_ids).toEqual([photoId(theirs)]);
    const fromBot = (await me.chat.messages()).filter((m) => m.data.from?.is_bot && m.id > first.id);
    expect(fromBot.map((m) => m.id)).toEqual([card.id]);
  }, 120_000);
});
