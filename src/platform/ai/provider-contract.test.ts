import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AiEnv, aiConfigSchema } from './ai-config.ts';
import { createAi } from './create-ai.ts';
import {
  type FakeProvider,
  type FakeProviderKind,
  startFakeProvider,
} from './testing/fake-provider-server.ts';
import { createRecordingLogger, type RecordingLogger } from './testing/recording-logger.ts';
import { createMemoryUsageStore, type UsageStore } from './usage-store.ts';

const MODELS: Record<Exclude<FakeProviderKind, 'stt'>, string> = {
  openai: 'gpt-4o-mini',
  google: 'gemini-2.5-flash',
  anthropic: 'claude-haiku-4-5',
  'openai-compatible': 'llama3.1',
};
const NOW = new Date('2026-03-02T09:00:00Z');
const topics = [
  { id: 'work', name: 'Work', keywords: ['meeting'] },
  { id: 'health', name: 'Health', keywords: ['doctor'] },
];
const note = { note: { text: 'Book the dentist for next week' }, topics };
const good = JSON.stringify({
  topicId: 'health',
  confidence: 0.93,
  title: 'Dentist',
  tags: ['dentist'],
  alternatives: [{ topicId: 'health', confidence: 0.93 }],
});

function setup(
  kind: Exclude<FakeProviderKind, 'stt'>,
  server: FakeProvider,
  env: Partial<Record<keyof AiEnv, string>> = {},
) {
  const config = aiConfigSchema.parse({
    AI_PROVIDER: kind,
    AI_MODEL: MODELS[kind],
    AI_API_KEY: 'test-key',
    AI_BASE_URL: server.url,
    AI_TIMEOUT_MS: '300',
    AI_MAX_RETRIES: '2',
    AI_RETRY_BASE_MS: '5',
    AI_MAX_RETRY_DELAY_MS: '3000',
    AI_BREAKER_FAILURES: '50',
    ...env,
  });
  const usageStore: UsageStore = createMemoryUsageStore();
  const logger: RecordingLogger = createRecordingLogger();
  return { ai: createAi({ config, usageStore, clock: { now: () => NOW }, logger }), usageStore, logger };
}

describe.each(Object.keys(MODELS) as Exclude<FakeProviderKind, 'stt'>[])('%s adapter', (kind) => {
  let server: FakeProvider;
  beforeAll(async () => {
    server = await startFakeProvider(kind);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('returns the model answer and accounts its tokens', async () => {
    const { ai, usageStore } = setup(kind, server);
    server.enqueue({ text: good, inputTokens: 1200, outputTokens: 80 });
    const result = await ai.classifyNote(note, { userId: 'u1' });
    expect(result.source).toBe('model');
    expect(result.value).toMatchObject({
      topicId: 'health',
      confidence: 0.93,
      title: 'Dentist',
      tags: ['dentist'],
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toContain('Book the dentist');
    expect(server.requests[0]?.body).not.toContain('test-key');
    const usage = await usageStore.get('u1', '2026-03-02');
    expect(usage).toMatchObject({ requests: 1, inputTokens: 1200, outputTokens: 80 });
    if (kind === 'openai-compatible') expect(usage?.costMicroUsd).toBe(0);
    else expect(usage?.costMicroUsd).toBeGreaterThan(0);
  });

  it('retries once on malformed output, then succeeds', async () => {
    const { ai } = setup(kind, server);
    server.enqueue({ text: '{"topicId": "health", "confid' }, { text: good });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('model');
    expect(server.requests).toHaveLength(2);
  });

  it('falls back to the offline classifier when the output stays malformed', async () => {
    const { ai, logger } = setup(kind, server);
    server.enqueue({ text: 'Sure! The topic is health.' }, { text: '{"topicId": 42}' });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('offline');
    expect(result.value.topicId).toBe('health');
    expect(server.requests).toHaveLength(2);
    expect(logger.messages('warn').some((m) => m.includes('fallback to templates'))).toBe(true);
  });

  it('rejects a topic id the user does not have, like malformed output', async () => {
    const { ai } = setup(kind, server);
    const unknown = good.replace('"health"', '"finance"');
    server.enqueue({ text: unknown }, { text: unknown });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('offline');
  });

  it('waits as long as a 429 retry-after asks, then succeeds', async () => {
    const { ai } = setup(kind, server);
    server.enqueue({ status: 429, headers: { 'retry-after': '1' } }, { text: good });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('model');
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('retries a 500 with backoff and succeeds', async () => {
    const { ai } = setup(kind, server);
    server.enqueue({ status: 500 }, { status: 503 }, { text: good });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('model');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the retries and answers offline', async () => {
    const { ai } = setup(kind, server);
    server.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('offline');
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    const { ai } = setup(kind, server);
    server.enqueue({ status: 400 });
    const result = await ai.classifyNote(note);
    expect(result.source).toBe('offline');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a slow answer, retries, and falls back', async () => {
    const { ai } = setup(kind, server, { AI_TIMEOUT_MS: '100', AI_MAX_RETRIES: '1' });
    // Answers 30× slower than the timeout: finishing well before even one of them proves the cut.
    server.enqueue({ text: good, delayMs: 3000 }, { text: good, delayMs: 3000 });
    const started = Date.now();
    const result = await ai.understand({
      text: 'call mom tomorrow at 10',
      now: NOW,
      timezone: 'Europe/Moscow',
    });
    expect(result.source).toBe('offline');
    // A call at a clock time is a reminder for the shared parser (platform/nl), not a deadline.
    expect(result.value.intent).toBe('reminder');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('opens the circuit after repeated failures and stops calling the provider', async () => {
    const { ai, logger } = setup(kind, server, { AI_MAX_RETRIES: '0', AI_BREAKER_FAILURES: '2' });
    server.enqueue({ status: 500 }, { status: 500 });
    await ai.classifyNote(note);
    await ai.classifyNote(note);
    const third = await ai.classifyNote(note);
    expect(third.source).toBe('offline');
    expect(server.requests).toHaveLength(2);
    expect(logger.messages('warn').some((m) => m.includes('circuit opened'))).toBe(true);
  });

  it('writes chat replies and insights as plain text', async () => {
    const { ai } = setup(kind, server);
    server.enqueue({ text: 'Hello! How can I help?' }, { text: 'You did well this week.' });
    const chat = await ai.chat({ history: [{ role: 'user', content: 'hi' }], profile: { language: 'en' } });
    expect(chat).toMatchObject({ source: 'model', value: { reply: 'Hello! How can I help?' } });
    const insight = await ai.writeInsight({
      language: 'en',
      tasksCreated: 10,
      tasksCompleted: 7,
      completionRate: 0.7,
      overdueCount: 1,
      streakDays: 3,
    });
    expect(insight).toMatchObject({ source: 'model', value: { text: 'You did well this week.' } });
  });

  it('understands with dates in the user timezone', async () => {
    const { ai } = setup(kind, server);
    const answer = {
      intent: 'reminder',
      title: 'Call mom',
      dueLocal: '2026-03-03T10:00',
      allDay: false,
      rrule: null,
      priority: 'normal',
      category: null,
      confidence: 0.9,
    };
    server.enqueue({ text: JSON.stringify(answer) });
    const result = await ai.understand({
      text: 'remind me to call mom tomorrow at 10',
      now: NOW,
      timezone: 'Europe/Moscow',
    });
    expect(result.source).toBe('model');
    expect(result.value).toMatchObject({
      intent: 'reminder',
      dueAt: '2026-03-03T10:00:00+03:00',
      language: 'en',
    });
  });
});

describe('STT over an OpenAI-compatible /audio/transcriptions', () => {
  let server: FakeProvider;
  beforeAll(async () => {
    server = await startFakeProvider('stt');
  });
  afterAll(() => server.close());

  const sttAi = (env: Record<string, string> = {}) =>
    createAi({
      config: aiConfigSchema.parse({
        STT_PROVIDER: 'openai-compatible',
        STT_BASE_URL: server.url,
        STT_MODEL: 'whisper-large-v3',
        AI_RETRY_BASE_MS: '5',
        AI_TIMEOUT_MS: '300',
        ...env,
      }),
      usageStore: createMemoryUsageStore(),
      clock: { now: () => NOW },
      logger: createRecordingLogger(),
    });
  const audio = new Uint8Array([79, 103, 103, 83, 0, 1, 2, 3]);

  it('transcribes audio, retrying a 500', async () => {
    server.requests.length = 0;
    server.enqueue({ status: 500 }, { text: ' buy milk tomorrow ' });
    const result = await sttAi().transcribe({ audio, mimeType: 'audio/ogg' });
    expect(result.value.text).toBe('buy milk tomorrow');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.path).toBe('/v1/audio/transcriptions');
    expect(server.requests[1]?.body).toContain('whisper-large-v3');
  });

  it('honours retry-after on 429 and reports a coded error when it keeps failing', async () => {
    server.requests.length = 0;
    server.enqueue({ status: 429, headers: { 'retry-after': '1' } }, { status: 500 }, { status: 500 });
    await expect(sttAi().transcribe({ audio })).rejects.toMatchObject({ code: 'stt_failed' });
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('times out a slow server', async () => {
    server.requests.length = 0;
    server.enqueue({ text: 'late', delayMs: 500 });
    await expect(
      sttAi({ AI_MAX_RETRIES: '0', AI_TIMEOUT_MS: '100' }).transcribe({ audio }),
    ).rejects.toMatchObject({
      code: 'stt_failed',
    });
  });

  it('says clearly when speech-to-text is not configured', async () => {
    const ai = createAi({
      config: aiConfigSchema.parse({}),
      usageStore: createMemoryUsageStore(),
      clock: { now: () => NOW },
      logger: createRecordingLogger(),
    });
    await expect(ai.transcribe({ audio })).rejects.toMatchObject({ code: 'stt_not_configured' });
  });
});
