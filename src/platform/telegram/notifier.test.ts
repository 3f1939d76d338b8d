import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settled } from '../../../test/support/settled.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createSandboxClient, type SandboxClient } from '../../sandbox/client.ts';
import { type SandboxServer, startSandboxServer } from '../../sandbox/standalone.ts';
import { createJobRuntime, type JobRuntime } from '../jobs/job-queue.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { createNotifier, type Notifier } from './notifier.ts';
import { notifyQueues } from './notify-queue.ts';
import { createTelegramApi } from './telegram-api.ts';

const TOKEN = '515151:notify-test-token';
let testDb: TestDatabase;
let server: SandboxServer;
let sandbox: SandboxClient;
let runtime: JobRuntime;
let notifier: Notifier;
const metrics = createMetrics({ defaultMetrics: false });
const logger = createLogger({ level: 'silent', pretty: false });
let nextUser = 7_000_000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await startSandboxServer({ port: 0, token: TOKEN });
  sandbox = createSandboxClient(server.url);
  // Telegram's limits scaled up 10× on both sides, so the suite runs in seconds.
  await sandbox.limits({ enabled: true, per_chat_per_second: 10, per_chat_burst: 3, global_per_second: 300 });
  await boot();
});

/** Builds the client, job runtime and notifier as a process would at startup. */
async function boot() {
  const api = createTelegramApi({
    token: TOKEN,
    apiRoot: server.url,
    database: testDb.database,
    logger,
    metrics,
    limits: { perChatPerSecond: 10, perChatBurst: 3, perGroupPerMinute: 200, globalPerSecond: 300 },
  });
  runtime = createJobRuntime({
    database: testDb.database,
    logger,
    metrics,
    queues: notifyQueues({ retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 2 }),
  });
  await runtime.start();
  notifier = createNotifier({
    jobs: runtime.jobs,
    api,
    database: testDb.database,
    logger,
    metrics,
    policy: { maxAttempts: 2, maxWaitSeconds: 3, maxRetryAfterSeconds: 0, baseDelayMs: 50, maxDelayMs: 100 },
  });
  await notifier.registerNotifyWorker({ concurrency: 8 });
}
afterAll(async () => {
  await runtime?.stop(5000);
  await server?.close();
  await testDb?.close();
});
beforeEach(async () => {
  await sandbox.faults.clear();
  await sandbox.clearCalls();
});

async function user(name: string): Promise<number> {
  const id = ++nextUser;
  await sandbox.user(name, { id });
  await testDb.database.raw.query(
    'INSERT INTO users (id, telegram_id, first_name) VALUES (gen_random_uuid(), $1, $2)',
    [id, name],
  );
  return id;
}

/** Texts of the bot's messages in a private chat, in the order the chat shows them. */
async function botTexts(chatId: number): Promise<string[]> {
  const messages = await sandbox.chat(chatId).messages();
  return messages.filter((m) => m.fromBot).map((m) => m.text);
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const counter = async (outcome: string) => {
  const text = await metrics.registry.getSingleMetricAsString('notifications_total');
  const match = new RegExp(`notifications_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text);
  return Number(match?.[1] ?? 0);
};

describe('notifications', () => {
  it('delivers every notification, in order per chat, through 429s (short and long) and 502s', async () => {
    const chats = [await user('Anna'), await user('Ivan'), await user('Maria')];
    await sandbox.faults.add({ method: 'sendMessage', status: 429, retry_after: 1, count: 3 });
    await sandbox.faults.add({ method: 'sendMessage', status: 502, count: 5 });
    // Longer than the job may wait: the job is rescheduled rather than sleeping.
    await sandbox.faults.add({ method: 'sendMessage', status: 429, retry_after: 4, count: 1 });
    await sandbox.faults.add({ method: 'sendMessage', status: 502, count: 3 });
    const expected = new Map(chats.map((id) => [id, Array.from({ length: 20 }, (_, i) => `${id}#${i}`)]));
    for (let i = 0; i < 20; i++) {
      for (const id of chats) await notifier.notify({ chatId: id, text: `${id}#${i}` });
    }
    for (const id of chats) {
      const texts = await until(async () => {
        const got = await botTexts(id);
        return got.length >= 20 ? got : undefined;
      }, 60_000);
      expect(texts).toEqual(expected.get(id));
    }
    const calls = await sandbox.calls('sendMessage');
    expect(calls.filter((c) => c.error_code === 429).length).toBeGreaterThanOrEqual(4);
    expect(calls.filter((c) => c.error_code === 502).length).toBe(8);
    expect(await counter('deferred')).toBeGreaterThanOrEqual(1);
    expect(await notifier.listDeadLetters()).toEqual([]);
  }, 90_000);

  it('parks a notification that keeps failing in notify.dead; the chat moves on; replay delivers it', async () => {
    const id = await user('Denis');
    await sandbox.faults.add({ method: 'sendMessage', status: 502, count: 1000 });
    await notifier.notify({ chatId: id, text: 'doomed until replay' });
    const [dead] = await until(async () => {
      const found = await notifier.listDeadLetters();
      return found.length > 0 ? found : undefined;
    });
    expect(dead?.message.text).toBe('doomed until replay');
    expect(dead?.error).toMatch(/502/);
    // 1 try + 3 retries, each making JOB_POLICY's 2 attempts.
    expect((await sandbox.calls('sendMessage')).filter((c) => c.error_code === 502)).toHaveLength(8);

    await sandbox.faults.clear();
    await notifier.notify({ chatId: id, text: 'next one' });
    await until(async () => ((await botTexts(id)).includes('next one') ? true : undefined));

    expect(await notifier.replayDeadLetters()).toBe(1);
    await until(async () => ((await botTexts(id)).length === 2 ? true : undefined));
    expect(await botTexts(id)).toEqual(['next one', 'doomed until replay']);
    expect(await notifier.listDeadLetters()).toEqual([]);
  }, 60_000);

  it('dead-letters a permanent error (a group chat not found) at once, without retries', async () => {
    await notifier.notify({ chatId: -100_999_000_111, text: 'to nowhere' });
    const [dead] = await until(async () => {
      const found = (await notifier.listDeadLetters()).filter((d) => d.message.chatId === -100_999_000_111);
      return found.length > 0 ? found : undefined;
    });
    expect(dead?.error).toMatch(/chat not found/);
    const calls = (await sandbox.calls('sendMessage')).filter((c) => c.params.chat_id === -100_999_000_111);
    expect(calls).toHaveLength(1);
  });

  it('a person who never opened the bot is no failure: sent once, not parked, someone told instead', async () => {
    const owner = await user('Olga');
    await notifier.notify({
      chatId: 999_000_111,
      text: 'to nowhere',
      ifNeverStarted: [
        { chatId: owner, text: 'Sam has not opened the bot: {bot_link}', dedupeKey: 'instead:1' },
      ],
    });
    const told = await until(async () => {
      const texts = await botTexts(owner);
      return texts.length > 0 ? texts : undefined;
    });
    expect(told).toEqual([expect.stringMatching(/^Sam has not opened the bot: https:\/\/t\.me\/\w+$/)]);
    expect((await notifier.listDeadLetters()).filter((d) => d.message.chatId === 999_000_111)).toEqual([]);
    const calls = (await sandbox.calls('sendMessage')).filter((c) => c.params.chat_id === 999_000_111);
    expect(calls).toHaveLength(1);
  });

  it('never sends a notification enqueued in a rolled-back transaction', async () => {
    const id = await user('Tanya');
    await expect(
      testDb.database.db.transaction(async (tx) => {
        await notifier.notify({ chatId: id, text: 'rolled back' }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await testDb.database.db.transaction(async (tx) => {
      await notifier.notify({ chatId: id, text: 'committed' }, { tx });
    });
    await until(async () => ((await botTexts(id)).includes('committed') ? true : undefined));
    await settled(testDb.database.raw);
    expect(await botTexts(id)).toEqual(['committed']);
  });

  it('marks a user who blocked the bot, does not retry, and skips their later notifications', async () => {
    const id = await user('Kirill');
    await sandbox.transport.request('POST', `/users/${id}/block`);
    const skippedBefore = await counter('skipped_blocked');
    await notifier.notify({ chatId: id, text: 'first' });
    const blockedAt = await until(async () => {
      const [row] = await testDb.database.raw.query<{ blocked_bot_at: Date | null }>(
        'SELECT blocked_bot_at FROM users WHERE telegram_id = $1',
        [id],
      );
      return row?.blocked_bot_at ?? undefined;
    });
    expect(blockedAt).toBeInstanceOf(Date);
    await notifier.notify({ chatId: id, text: 'second' });
    await notifier.notify({ chatId: id, text: 'third' });
    await until(async () => ((await counter('skipped_blocked')) >= skippedBefore + 2 ? true : undefined));
    const calls = (await sandbox.calls('sendMessage')).filter((c) => c.params.chat_id === id);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.error_code).toBe(403);
    expect((await notifier.listDeadLetters()).filter((d) => d.message.chatId === id)).toEqual([]);
  });

  it('sends a dedupe key once', async () => {
    const id = await user('Vera');
    await notifier.notify({ chatId: id, text: 'once', dedupeKey: `reminder:${id}:1` });
    await until(async () => ((await botTexts(id)).includes('once') ? true : undefined));
    await notifier.notify({ chatId: id, text: 'once', dedupeKey: `reminder:${id}:1` });
    await notifier.notify({ chatId: id, text: 'after' });
    await until(async () => ((await botTexts(id)).includes('after') ? true : undefined));
    expect(await botTexts(id)).toEqual(['once', 'after']);
    const rows = await testDb.database.raw.query('SELECT * FROM telegram_deliveries WHERE dedupe_key = $1', [
      `reminder:${id}:1`,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('keeps a 429 wait across a restart: the notification goes out after retry_after, in order', async () => {
    const id = await user('Lev');
    await sandbox.faults.add({ method: 'sendMessage', status: 429, retry_after: 4, count: 1 });
    const deferredBefore = await counter('deferred');
    const started = Date.now();
    await notifier.notify({ chatId: id, text: 'survives restarts' });
    await notifier.notify({ chatId: id, text: 'and keeps its place' });
    await until(async () => ((await counter('deferred')) > deferredBefore ? true : undefined));
    await runtime.stop(5000);
    expect(await botTexts(id)).toEqual([]);

    await boot();
    const texts = await until(async () => {
      const got = await botTexts(id);
      return got.length >= 2 ? got : undefined;
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    expect(texts).toEqual(['survives restarts', 'and keeps its place']);
    const calls = (await sandbox.calls('sendMessage')).filter((c) => c.params.chat_id === id);
    expect(calls.map((c) => c.error_code ?? 200)).toEqual([429, 200, 200]);
  }, 30_000);

  it('sends files with a notification: one photo with its caption; files then text, each part once across retries', async () => {
    const id = await user('Olga');
    const person = sandbox.chat(id);
    // Files Telegram already has: what the person sent the bot.
    const olga = await sandbox.user('Olga', { id });
    const jpeg = (n: number) => new Uint8Array([255, 216, 255, 224, n]);
    const photos = [await olga.sendPhoto(jpeg(1)), await olga.sendPhoto(jpeg(2))].map(
      (m) => m.data.photo?.at(-1)?.file_id as string,
    );
    await notifier.notify({
      chatId: id,
      text: 'Receipt',
      media: [{ kind: 'photo', fileId: photos[0] as string }],
    });
    const single = await until(async () => {
      const bot = (await person.messages()).filter((m) => m.fromBot);
      return bot.length >= 1 ? bot : undefined;
    });
    expect(single).toHaveLength(1);
    expect(single[0]?.text).toBe('Receipt');
    expect(single[0]?.data.photo?.at(-1)?.file_id).toBe(photos[0]);

    // Both attempts of the text fail once: the job's retry must not send the photos again.
    await sandbox.faults.add({ method: 'sendMessage', status: 502, count: 2 });
    const long = `Trip album. ${'x'.repeat(1100)}`;
    await notifier.notify({
      chatId: id,
      text: long,
      media: photos.map((fileId) => ({ kind: 'photo' as const, fileId })),
      dedupeKey: `album-test:${id}`,
    });
    const all = await until(async () => {
      const bot = (await person.messages()).filter((m) => m.fromBot);
      return bot.length >= 4 ? bot : undefined;
    });
    await settled(testDb.database.raw); // a duplicate would be sent by now
    const after = (await person.messages()).filter((m) => m.fromBot).slice(1);
    expect(after.map((m) => m.data.photo?.at(-1)?.file_id ?? m.text.slice(0, 11))).toEqual([
      photos[0],
      photos[1],
      'Trip album.',
    ]);
    expect(all.length).toBe(4);
    const texts = (await sandbox.calls('sendMessage')).filter((c) => c.params.chat_id === id);
    expect(texts.map((c) => c.error_code ?? 200)).toEqual([502, 502, 200]);
    expect((await sandbox.calls('sendPhoto')).filter((c) => c.params.chat_id === id)).toHaveLength(3);
  }, 30_000);
});
