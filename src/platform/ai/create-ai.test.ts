import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiConfigSchema, offlineAiConfig } from './ai-config.ts';
import { createAi } from './create-ai.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider-server.ts';
import { createRecordingLogger } from './testing/recording-logger.ts';
import { createMemoryUsageStore } from './usage-store.ts';

const topics = [{ id: 'health', name: 'Health' }];
const answer = JSON.stringify({ topicId: 'health', confidence: 0.9, title: 'T', tags: [], alternatives: [] });

describe('createAi', () => {
  let server: FakeProvider;
  beforeAll(async () => {
    server = await startFakeProvider('openai-compatible');
  });
  afterAll(() => server.close());

  it('works fully offline by default and sends nothing anywhere', async () => {
    const logger = createRecordingLogger();
    const ai = createAi({
      config: offlineAiConfig,
      usageStore: createMemoryUsageStore(),
      clock: { now: () => new Date() },
      logger,
    });
    const r = await ai.classifyNote({ note: { text: 'see the doctor' }, topics });
    expect(r).toMatchObject({ source: 'offline', capNotice: false, value: { topicId: 'health' } });
    expect(ai.describe()).toEqual({ llm: 'none', model: null, stt: 'none', sttModel: null });
    expect(logger.lines).toHaveLength(0);
  });

  it('serves a user offline once over the daily cap, tells them once, and resets the next day', async () => {
    let now = new Date('2026-03-02T20:30:00Z');
    const logger = createRecordingLogger();
    const told: string[] = [];
    const ai = createAi({
      config: aiConfigSchema.parse({
        AI_PROVIDER: 'openai-compatible',
        AI_MODEL: 'llama3.1',
        AI_BASE_URL: server.url,
        AI_DAILY_TOKEN_CAP_PER_USER: '150',
      }),
      usageStore: createMemoryUsageStore(),
      clock: { now: () => now },
      logger,
      notices: { tell: async (userId, kind, day) => void told.push(`${userId} ${kind} ${day}`) },
    });
    const call = (userId: string, tellUser = true) =>
      ai.classifyNote({ note: { text: 'doctor' }, topics }, { userId, timezone: 'Europe/Moscow', tellUser });
    server.enqueue({ text: answer, inputTokens: 100, outputTokens: 60 }, { text: answer }, { text: answer });
    expect(await call('u1')).toMatchObject({ source: 'model', capNotice: false });
    // A background call over the cap is served offline but does not use up the day's notice.
    expect(await call('u1', false)).toMatchObject({ source: 'offline', capNotice: false });
    expect(await call('u1')).toMatchObject({
      source: 'offline',
      capNotice: true,
      offlineReason: 'daily_cap',
    });
    expect(await call('u1')).toMatchObject({ source: 'offline', capNotice: false });
    expect(told).toEqual(['u1 daily_cap 2026-03-02']);
    expect(await call('u2')).toMatchObject({ source: 'model' });
    expect(logger.messages('info')).toContain('ai: daily token cap reached, serving offline');
    now = new Date('2026-03-02T21:30:00Z'); // past midnight in Moscow
    expect(await call('u1')).toMatchObject({ source: 'model' });
  });

  it('tells a waiting person once a day that the model is not answering, and never a background job', async () => {
    const told: string[] = [];
    const ai = createAi({
      config: aiConfigSchema.parse({
        AI_PROVIDER: 'openai-compatible',
        AI_MODEL: 'llama3.1',
        AI_BASE_URL: server.url,
        AI_MAX_RETRIES: '0',
        AI_BREAKER_FAILURES: '50',
      }),
      usageStore: createMemoryUsageStore(),
      clock: { now: () => new Date('2026-03-02T12:00:00Z') },
      logger: createRecordingLogger(),
      notices: { tell: async (userId, kind) => void told.push(`${userId} ${kind}`) },
    });
    const call = (userId: string, tellUser: boolean) =>
      ai.classifyNote({ note: { text: 'doctor' }, topics }, { userId, tellUser });
    server.enqueue({ status: 500 }, { status: 429 }, { status: 503 });
    expect(await call('u1', false)).toMatchObject({ source: 'offline', offlineReason: 'unavailable' });
    expect(told).toEqual([]);
    await call('u1', true);
    await call('u1', true);
    expect(told).toEqual(['u1 unavailable']);
  });

  it('logs what it sends at debug level only', async () => {
    const logger = createRecordingLogger();
    const ai = createAi({
      config: aiConfigSchema.parse({
        AI_PROVIDER: 'openai-compatible',
        AI_MODEL: 'm',
        AI_BASE_URL: server.url,
      }),
      usageStore: createMemoryUsageStore(),
      clock: { now: () => new Date() },
      logger,
    });
    server.enqueue({ text: answer });
    await ai.classifyNote({ note: { text: 'my secret diary entry' }, topics });
    const withText = logger.lines.filter((l) => JSON.stringify(l.obj).includes('secret diary'));
    expect(withText.length).toBeGreaterThan(0);
    expect(withText.every((l) => l.level === 'debug')).toBe(true);
  });

  it('rejects invalid input with a coded error', async () => {
    const ai = createAi({
      config: offlineAiConfig,
      usageStore: createMemoryUsageStore(),
      clock: { now: () => new Date() },
      logger: createRecordingLogger(),
    });
    // @ts-expect-error: deliberately wrong shape
    await expect(ai.classifyNote({ note: 'text', topics })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
