import { GrammyError } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createSandboxClient, type SandboxClient } from '../../sandbox/client.ts';
import { type SandboxServer, startSandboxServer } from '../../sandbox/standalone.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { clearBlocked } from './blocked-users.ts';
import { DEFAULT_TELEGRAM_LIMITS } from './rate-limit-rules.ts';
import { createTelegramApi } from './telegram-api.ts';
import { BotBlockedError, TelegramRetryLaterError } from './telegram-errors.ts';
import { withSendPolicy } from './telegram-transformer.ts';

const TOKEN = '424242:api-test-token';
let testDb: TestDatabase;
let server: SandboxServer;
let sandbox: SandboxClient;
const metrics = createMetrics({ defaultMetrics: false });
const logger = createLogger({ level: 'silent', pretty: false });
let api: ReturnType<typeof createTelegramApi>;
let nextUser = 5_000_000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await startSandboxServer({ port: 0, token: TOKEN });
  sandbox = createSandboxClient(server.url);
  api = createTelegramApi({
    token: TOKEN,
    apiRoot: server.url,
    database: testDb.database,
    logger,
    metrics,
    limits: DEFAULT_TELEGRAM_LIMITS,
    policy: { baseDelayMs: 50, maxDelayMs: 200 },
  });
});
afterAll(async () => {
  await server?.close();
  await testDb?.close();
});
beforeEach(async () => {
  await sandbox.faults.clear();
  await sandbox.clearCalls();
});

/** A sandbox user who is also a row in `users`. */
async function user(name: string) {
  const id = ++nextUser;
  await sandbox.user(name, { id });
  await testDb.database.raw.query(
    'INSERT INTO users (id, telegram_id, first_name) VALUES (gen_random_uuid(), $1, $2)',
    [id, name],
  );
  return id;
}

const blockedAt = async (telegramId: number) =>
  (
    await testDb.database.raw.query<{ blocked_bot_at: Date | null }>(
      'SELECT blocked_bot_at FROM users WHERE telegram_id = $1',
      [telegramId],
    )
  )[0]?.blocked_bot_at ?? null;

describe('telegram client', () => {
  it('waits out 429 retry_after and delivers, pausing the chat for everyone', async () => {
    const id = await user('Rita');
    await sandbox.faults.add({ method: 'sendMessage', status: 429, retry_after: 1, count: 2 });
    const started = Date.now();
    const sent = await api.sendMessage(id, 'after the flood');
    expect(sent.text).toBe('after the flood');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    const calls = await sandbox.calls('sendMessage');
    expect(calls.map((c) => c.error_code ?? 200)).toEqual([429, 429, 200]);
    const [pause] = await testDb.database.raw.query<{ paused_until_ms: number }>(
      'SELECT paused_until_ms FROM telegram_rate_limits WHERE key = $1',
      [`chat:${id}`],
    );
    expect(pause?.paused_until_ms).toBeGreaterThan(started);
  });

  it('retries 502s and network-level failures with backoff', async () => {
    const id = await user('Boris');
    await sandbox.faults.add({ method: 'sendMessage', status: 502, count: 2 });
    await expect(api.sendMessage(id, 'eventually')).resolves.toMatchObject({ text: 'eventually' });
    expect((await sandbox.calls('sendMessage')).map((c) => c.error_code ?? 200)).toEqual([502, 502, 200]);
  });

  it('gives up on a persistent 5xx after its attempts, with the GrammyError', async () => {
    const id = await user('Gleb');
    await sandbox.faults.add({ method: 'sendMessage', status: 503, count: 10 });
    const error = await withSendPolicy(
      { maxAttempts: 3, maxWaitSeconds: 5, maxRetryAfterSeconds: 5, baseDelayMs: 10, maxDelayMs: 20 },
      () => api.sendMessage(id, 'never').catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(503);
    expect(await sandbox.calls('sendMessage')).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    const error = await api.sendMessage(987_654_321, 'nobody').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).description).toMatch(/chat not found/);
    expect(await sandbox.calls('sendMessage')).toHaveLength(1);
  });

  it('marks a user who blocked the bot, once, without retrying; clearBlocked unmarks', async () => {
    const id = await user('Olga');
    await sandbox.transport.request('POST', `/users/${id}/block`);
    const error = await api.sendMessage(id, 'hello?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotBlockedError);
    expect(await sandbox.calls('sendMessage')).toHaveLength(1);
    expect(await blockedAt(id)).toBeInstanceOf(Date);
    await clearBlocked(testDb.database.db, id);
    expect(await blockedAt(id)).toBeNull();
  });

  it('hands a long retry_after back to a caller that may not wait, and holds the chat for it', async () => {
    const id = await user('Petr');
    await sandbox.faults.add({ method: 'sendMessage', status: 429, retry_after: 30, count: 1 });
    const policy = {
      maxAttempts: 3,
      maxWaitSeconds: 2,
      maxRetryAfterSeconds: 2,
      baseDelayMs: 10,
      maxDelayMs: 20,
    };
    const first = await withSendPolicy(policy, () => api.sendMessage(id, 'x').catch((e: unknown) => e));
    expect(first).toBeInstanceOf(TelegramRetryLaterError);
    const retryAt = (first as TelegramRetryLaterError).retryAt.getTime();
    expect(retryAt - Date.now()).toBeGreaterThan(25_000);
    // The pause is stored: the next call fails fast without bothering Telegram.
    const second = await withSendPolicy(policy, () => api.sendMessage(id, 'y').catch((e: unknown) => e));
    expect(second).toBeInstanceOf(TelegramRetryLaterError);
    expect(await sandbox.calls('sendMessage')).toHaveLength(1);
  });

  it('sends a bulk of 60 private messages at about the global rate with no 429 reaching the caller', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(await user(`Bulk${i}`));
    await sandbox.clearCalls();
    const started = Date.now();
    const results = await Promise.allSettled(ids.map((id) => api.sendMessage(id, `news for ${id}`)));
    const seconds = (Date.now() - started) / 1000;
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const calls = await sandbox.calls('sendMessage');
    const limited = calls.filter((c) => c.error_code === 429).length;
    console.info(
      `bulk: 60 messages in ${seconds.toFixed(2)} s (${(60 / seconds).toFixed(1)} msg/s), ${limited} 429s absorbed`,
    );
    // 15 go at once (half a second of burst), the other 45 at 30/s: about 1.5 s in all.
    expect(seconds).toBeGreaterThan(1.2);
    expect(seconds).toBeLessThan(10);
    expect(await metrics.registry.getSingleMetricAsString('telegram_requests_total')).toMatch(
      /telegram_requests_total\{method="sendMessage",outcome="ok"\} \d+/,
    );
  });
});
