import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { notesModule } from '../index.ts';

let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([notesModule]);
}, 180_000);
afterAll(() => h.close());

const TOPICS = [
  {
    name: 'Work',
    description: 'Job, meetings, clients',
    keywords: ['meeting', 'client', 'report', 'созвон'],
  },
  { name: 'Health', description: 'Doctors, sport, sleep', keywords: ['doctor', 'gym', 'врач'] },
  { name: 'Travel', description: 'Trips, flights, hotels', keywords: ['flight', 'hotel', 'билеты'] },
];

describe('notes API', () => {
  it('creates topics, files confident notes, holds ambiguous ones, learns from a move, searches', async () => {
    const { auth } = await h.person('Nina');
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await h.request(`/api/v1/notes${path}`, {
        method,
        headers: auth,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    };
    const ids: Record<string, string> = {};
    for (const topic of TOPICS) {
      const created = await call('POST', '/topics', topic);
      expect(created.status).toBe(201);
      ids[topic.name] = created.body.id;
    }
    expect((await call('POST', '/topics', { name: 'work' })).status).toBe(409);
    expect((await call('POST', '/topics', { name: '' })).status).toBe(400);
    const listed = await call('GET', '/topics');
    expect(listed.body.items.map((t: { name: string }) => t.name)).toEqual([
      'Inbox',
      'Work',
      'Health',
      'Travel',
    ]);

    const filed = await call('POST', '', { text: 'Prepare the quarterly report for the client meeting' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'filed', topic_id: ids.Work });
    expect(filed.body.confidence).toBeGreaterThanOrEqual(0.5);
    expect(filed.body.alternatives[0]).toEqual({ topic_id: ids.Work, confidence: filed.body.confidence });
    // The topic list counts filed notes per topic (the Mini App's Notes page shows them).
    const counted = (await call('GET', '/topics')).body.items as Array<{ name: string; note_count: number }>;
    expect(counted.map((t) => [t.name, t.note_count])).toEqual([
      ['Inbox', 0],
      ['Work', 1],
      ['Health', 0],
      ['Travel', 0],
    ]);

    // Nothing in common with any topic: it waits for the person.
    const vague = await call('POST', '', { text: 'Ask Pavel about the saxophone lessons' });
    expect(vague.body).toMatchObject({ status: 'pending', topic_id: null });
    expect((await call('GET', '/pendings')).body.items.map((n: { id: string }) => n.id)).toEqual([
      vague.body.id,
    ]);

    // The person puts it into Health; the next similar note follows the correction.
    const moved = await call('POST', `/${vague.body.id}/move`, { topic_id: ids.Health });
    expect(moved).toMatchObject({ status: 200, body: { status: 'filed', topic_id: ids.Health } });
    const next = await call('POST', '', { text: 'Saxophone lessons with Pavel on Saturday' });
    expect(next.body).toMatchObject({ status: 'filed', topic_id: ids.Health });

    const found = await call('GET', `?q=${encodeURIComponent('saxophone')}`);
    expect(found.body.items.map((n: { id: string }) => n.id).sort()).toEqual(
      [vague.body.id, next.body.id].sort(),
    );
    const byTopic = await call('GET', `?topic_id=${ids.Work}`);
    expect(byTopic.body.items.map((n: { id: string }) => n.id)).toEqual([filed.body.id]);

    expect(
      (await call('POST', `/${filed.body.id}/move`, { topic_id: '00000000-0000-4000-8000-000000000000' }))
        .status,
    ).toBe(404);
    expect((await call('DELETE', `/${filed.body.id}`)).status).toBe(204);
    expect((await call('GET', `/${filed.body.id}`)).status).toBe(404);
  });

  it('russian notes are searchable by any word form; another person sees none of them', async () => {
    const { auth } = await h.person('Oleg', { language: 'ru' });
    const post = (path: string, body: unknown) =>
      h.request(`/api/v1/notes${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    await post('/topics', { name: 'Здоровье', keywords: ['врач', 'анализы'] });
    expect((await post('', { text: 'Записаться к врачу и сдать анализы крови' })).status).toBe(201);
    const found = await h.request(`/api/v1/notes?q=${encodeURIComponent('анализ врач')}`, { headers: auth });
    expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(1);
    // At rest the database holds ciphertext only; search found it by decrypting in the process.
    const stored = await h.t.testDb.database.raw.query<{ body: string }>('SELECT body FROM notes');
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row.body).not.toMatch(/врач|saxophone|report/i);
    const other = await h.person('Eve');
    const theirs = await h.request(`/api/v1/notes?q=${encodeURIComponent('врач')}`, { headers: other.auth });
    expect(((await theirs.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
