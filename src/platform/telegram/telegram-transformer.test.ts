import { HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { RawSql } from '../db/database.ts';
import { createLogger } from '../observability/logger.ts';
import { DEFAULT_TELEGRAM_LIMITS } from './rate-limit-rules.ts';
import { createMemoryRateLimitStore, createRateLimiter } from './rate-limiter.ts';
import { BotBlockedError, TelegramRetryLaterError } from './telegram-errors.ts';
import { backoff, createTelegramTransformer, INTERACTIVE_POLICY } from './telegram-transformer.ts';

type Reply =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** A transformer over a scripted Telegram, a fake clock that sleeping advances, and a recording SQL. */
function harness(script: Array<Reply | Error>, limits: typeof DEFAULT_TELEGRAM_LIMITS | 'off' = 'off') {
  let now = Date.parse('2025-03-01T10:00:00Z');
  const clock = { now: () => new Date(now) };
  const sleeps: number[] = [];
  const queries: string[] = [];
  const raw: RawSql = {
    async query(text) {
      queries.push(text);
      return [];
    },
    async exec() {},
  };
  const calls: string[] = [];
  const transformer = createTelegramTransformer({
    limiter: createRateLimiter({ store: createMemoryRateLimitStore(), limits, clock }),
    raw,
    logger: createLogger({ level: 'silent', pretty: false }),
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  const prev = async (method: string) => {
    calls.push(method);
    const next = script.shift() ?? { ok: true, result: true };
    if (next instanceof Error) throw next;
    return next;
  };
  // The transformer is generic over grammY's method table; these tests drive it with loose payloads.
  const call = (method: string, payload: object) =>
    transformer(prev as never, method as never, payload as never);
  return { call, calls, sleeps, queries };
}

describe('telegram transformer', () => {
  it('retries network errors with growing, jittered backoff', async () => {
    const network = () => new HttpError('Network request failed', new Error('ECONNRESET'));
    const t = harness([network(), network(), { ok: true, result: { message_id: 1 } }]);
    await expect(t.call('sendMessage', { chat_id: 1, text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(t.calls).toHaveLength(3);
    expect(t.sleeps[0]).toBeGreaterThanOrEqual(250);
    expect(t.sleeps[0]).toBeLessThanOrEqual(500);
    expect(t.sleeps[1]).toBeGreaterThanOrEqual(500);
    expect(t.sleeps[1]).toBeLessThanOrEqual(1000);
  });

  it('rethrows a network error once its attempts are spent', async () => {
    const t = harness(Array.from({ length: 10 }, () => new HttpError('down', new Error('ECONNREFUSED'))));
    await expect(t.call('sendMessage', { chat_id: 1, text: 'hi' })).rejects.toBeInstanceOf(HttpError);
    expect(t.calls).toHaveLength(INTERACTIVE_POLICY.maxAttempts);
  });

  it('sleeps a 429 out on a method without a send slot', async () => {
    const t = harness([
      { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 7 } },
    ]);
    await expect(t.call('answerCallbackQuery', { callback_query_id: 'q' })).resolves.toMatchObject({
      ok: true,
    });
    expect(t.sleeps).toEqual([7000]);
  });

  it("still waits out a 429 with limits 'off'", async () => {
    const t = harness([
      { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } },
    ]);
    await expect(t.call('sendMessage', { chat_id: 1, text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(t.sleeps).toEqual([2000]);
    expect(t.calls).toHaveLength(2);
  });

  it('throws TelegramRetryLaterError for a retry_after longer than the caller may wait', async () => {
    const t = harness([
      { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 120 } },
    ]);
    const error = await t.call('sendMessage', { chat_id: 1, text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramRetryLaterError);
    expect(t.sleeps).toEqual([]);
  });

  it('spaces sends to one chat by the limiter', async () => {
    const t = harness([], DEFAULT_TELEGRAM_LIMITS);
    for (let i = 0; i < 5; i++) await t.call('sendMessage', { chat_id: 1, text: `${i}` });
    // Burst of three, then one a second (the fake clock advances by each sleep).
    expect(t.sleeps).toEqual([1000, 1000]);
  });

  it('marks a private chat that blocked the bot and does not retry', async () => {
    const t = harness([
      { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    ]);
    await expect(t.call('sendMessage', { chat_id: 42, text: 'hi' })).rejects.toBeInstanceOf(BotBlockedError);
    expect(t.calls).toHaveLength(1);
    expect(t.queries.some((q) => q.includes('blocked_bot_at = now()'))).toBe(true);
  });

  it('leaves users alone when the bot was kicked from a group', async () => {
    const t = harness([
      { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' },
    ]);
    await expect(t.call('sendMessage', { chat_id: -100, text: 'hi' })).resolves.toMatchObject({
      ok: false,
      error_code: 403,
    });
    expect(t.queries).toEqual([]);
  });

  it('caps backoff at maxDelayMs', () => {
    expect(backoff(INTERACTIVE_POLICY, 20, () => 1)).toBe(INTERACTIVE_POLICY.maxDelayMs);
    expect(backoff(INTERACTIVE_POLICY, 1, () => 0)).toBe(INTERACTIVE_POLICY.baseDelayMs / 2);
  });
});
