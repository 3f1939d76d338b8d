import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { offlineAiConfig } from './ai-config.ts';
import type { OfflineTopicRanker } from './ai-port.ts';
import { type AiRoutesEnv, createAiRoutes } from './ai-routes.ts';
import { createAi } from './create-ai.ts';
import { createRecordingLogger } from './testing/recording-logger.ts';
import { createMemoryUsageStore } from './usage-store.ts';

const NOW = new Date('2026-03-01T18:00:00Z'); // a Sunday
const ai = createAi({
  config: offlineAiConfig,
  usageStore: createMemoryUsageStore(),
  clock: { now: () => NOW },
  logger: createRecordingLogger(),
});
const app = new Hono<AiRoutesEnv>();
app.use(async (c, next) => {
  c.set('user', { id: 'u1', language: 'ru', timezone: 'Europe/Moscow' });
  await next();
});
app.route('/api/v1/ai', createAiRoutes({ ai, clock: { now: () => NOW } }));
const post = (path: string, body: unknown) =>
  app.request(`/api/v1/ai${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /classify', () => {
  const topics = [
    { id: 't-work', name: 'Работа', keywords: ['созвон'] },
    { id: 't-health', name: 'Здоровье', description: 'врачи и спорт' },
  ];
  it('returns the best topic with a confidence in 0..1', async () => {
    const res = await post('/classify', { text: 'Записаться к стоматологу на четверг', topics });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ topic_id: 't-health', source: 'offline' });
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.title).toBe('Записаться к стоматологу на четверг');
  });

  it('learns from examples given as topic_id', async () => {
    const examples = [{ text: 'Купить корм коту и наполнитель', topic_id: 't-work' }];
    const res = await post('/classify', { text: 'корм коту', topics, examples });
    expect((await res.json()).topic_id).toBe('t-work');
  });

  it('answers null when nothing matches', async () => {
    const res = await post('/classify', { text: 'qwerty zxcv', topics });
    expect(await res.json()).toMatchObject({ topic_id: null, confidence: 0 });
  });

  it('rejects an invalid body with problem+json', async () => {
    const res = await post('/classify', { text: '', topics: 'nope' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ status: 400, code: 'validation_failed', title: 'Bad Request' });
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['text', 'topics']),
    );
  });
});

describe('POST /classify with an offline topic ranker provided (the notes capability, in the app)', () => {
  const topics = [
    { id: 't-work', name: 'Работа', keywords: ['созвон'] },
    { id: 't-health', name: 'Здоровье', description: 'врачи и спорт' },
  ];
  const seen: Array<{ text: string; examples: number }> = [];
  let ranker: OfflineTopicRanker | undefined;
  const withRanker = createAi({
    config: offlineAiConfig,
    usageStore: createMemoryUsageStore(),
    clock: { now: () => NOW },
    logger: createRecordingLogger(),
    // Read at each call: the composition root fills it once capabilities are built.
    offlineTopicRanker: () => ranker,
  });
  const routed = new Hono<AiRoutesEnv>();
  routed.use(async (c, next) => {
    c.set('user', { id: 'u1', language: 'en', timezone: 'UTC' });
    await next();
  });
  routed.route('/api/v1/ai', createAiRoutes({ ai: withRanker, clock: { now: () => NOW } }));
  const classify = async (body: unknown) =>
    (
      await routed.request('/api/v1/ai/classify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json();

  it('ranks with the provided ranker once it is there; title, tags and the contract stay the platform’s', async () => {
    const text = 'Записаться к стоматологу на четверг';
    expect(await classify({ text, topics })).toMatchObject({ topic_id: 't-health' });
    ranker = {
      rank(note, ts, examples) {
        seen.push({ text: note, examples: examples.length });
        return ts.map((t, i) => ({ topicId: t.id, score: i === 0 ? 3 : 0, confidence: i === 0 ? 0.8 : 0 }));
      },
    };
    const body = await classify({ text, topics, examples: [{ text: 'созвон', topic_id: 't-work' }] });
    expect(body).toEqual({
      topic_id: 't-work',
      confidence: 0.8,
      title: text,
      tags: expect.any(Array),
      alternatives: [{ topic_id: 't-work', confidence: 0.8 }],
      source: 'offline',
    });
    expect(seen).toEqual([{ text, examples: 1 }]);
  });
});

describe('POST /understand', () => {
  it("reads a reminder in the user's timezone by default", async () => {
    const res = await post('/understand', { text: 'Напомни завтра в 10 позвонить маме' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      intent: 'reminder',
      title: 'Позвонить маме',
      due_at: '2026-03-02T10:00:00+03:00',
      all_day: false,
      rrule: null,
      priority: 'normal',
      source: 'offline',
    });
  });

  it('takes timezone and now from the body', async () => {
    const res = await post('/understand', {
      text: 'submit the report on friday at 5pm',
      timezone: 'America/New_York',
      now: '2026-03-02T12:00:00Z',
    });
    expect(await res.json()).toMatchObject({
      intent: 'task',
      due_at: '2026-03-06T17:00:00-05:00',
      language: 'en',
    });
  });

  it('rejects an unknown timezone', async () => {
    const res = await post('/understand', { text: 'call mom', timezone: 'Mars/Olympus' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('rejects a missing text', async () => {
    const res = await post('/understand', { now: 'yesterday' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.length).toBeGreaterThanOrEqual(2);
  });
});
