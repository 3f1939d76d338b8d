import { describe, expect, it } from 'vitest';
import { aiConfigSchema } from './ai-config.ts';
import { priceFor } from './price-table.ts';
import { retryAfterMs } from './resilience.ts';

describe('aiConfigSchema', () => {
  it('is offline when nothing is set', () => {
    const c = aiConfigSchema.parse({});
    expect(c.llm).toEqual({ provider: 'none' });
    expect(c.stt).toEqual({ provider: 'none' });
    expect(c.dailyTokenCapPerUser).toBeNull();
  });

  it('fills provider defaults and reuses the OpenAI key for OpenAI speech-to-text', () => {
    const c = aiConfigSchema.parse({
      AI_PROVIDER: 'openai',
      AI_API_KEY: 'sk-1',
      STT_PROVIDER: 'openai',
      AI_DAILY_TOKEN_CAP_PER_USER: '5000',
    });
    expect(c.llm).toEqual({ provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-1' });
    expect(c.stt).toEqual({ provider: 'openai', model: 'whisper-1', apiKey: 'sk-1' });
    expect(c.dailyTokenCapPerUser).toBe(5000);
  });

  it('names every missing variable', () => {
    const r = aiConfigSchema.safeParse({
      AI_PROVIDER: 'openai-compatible',
      STT_PROVIDER: 'openai-compatible',
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['AI_BASE_URL', 'AI_MODEL', 'STT_BASE_URL']));
    expect(aiConfigSchema.safeParse({ AI_PROVIDER: 'anthropic' }).error?.issues[0]?.path).toEqual([
      'AI_API_KEY',
    ]);
    expect(aiConfigSchema.safeParse({ AI_PROVIDER: 'gpt' }).success).toBe(false);
  });
});

describe('priceFor', () => {
  it('matches the longest model prefix, honours an override, and prices unknown models at 0', () => {
    expect(priceFor('openai', 'gpt-4o-mini-2024-07-18', null)).toEqual({
      inputPerMTok: 0.15,
      outputPerMTok: 0.6,
    });
    expect(priceFor('openai', 'gpt-4o', null).inputPerMTok).toBe(2.5);
    expect(priceFor('openai-compatible', 'llama3.1', null)).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(priceFor('openai', 'x', { inputPerMTok: 1, outputPerMTok: 2 })).toEqual({
      inputPerMTok: 1,
      outputPerMTok: 2,
    });
  });
});

describe('retryAfterMs', () => {
  it('reads milliseconds, seconds and HTTP dates', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs({ 'Retry-After': '3' })).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
