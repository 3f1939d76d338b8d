import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { chatRules, DEFAULT_TELEGRAM_LIMITS, type TelegramLimits } from './rate-limit-rules.ts';
import {
  createDbRateLimitStore,
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimitStore,
} from './rate-limiter.ts';

const T0 = Date.parse('2025-01-01T00:00:00Z');

function fakeClock(start = T0) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    ms: () => now,
  };
}

/** Reserves `n` slots of the chat at the clock's current time; returns their waits. */
async function offsets(
  limiter: ReturnType<typeof createRateLimiter>,
  chatId: number,
  n: number,
): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < n; i++) result.push(Math.round((await limiter.reserveChat(chatId)).waitMs));
  return result;
}

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.close();
});

const stores: Array<[string, () => RateLimitStore]> = [
  ['memory', () => createMemoryRateLimitStore()],
  ['database', () => createDbRateLimitStore(testDb.database)],
];

describe.each(stores)('rate limiter (%s store)', (_name, makeStore) => {
  let chat = 1000;
  // Fresh chat ids per test: the database store is shared by the file.
  const nextChat = () => ++chat;

  it('lets a private chat burst, then spaces sends one second apart', async () => {
    const clock = fakeClock(T0 + chat * 100_000);
    const limiter = createRateLimiter({ store: makeStore(), limits: DEFAULT_TELEGRAM_LIMITS, clock });
    const id = nextChat();
    expect(await offsets(limiter, id, 5)).toEqual([0, 0, 0, 1000, 2000]);
    // Ten idle seconds refill the burst.
    clock.advance(10_000);
    expect(await offsets(limiter, id, 4)).toEqual([0, 0, 0, 1000]);
  });

  it('keeps a group to 20 a minute after its burst', async () => {
    const clock = fakeClock(T0 + chat * 100_000);
    const limiter = createRateLimiter({ store: makeStore(), limits: DEFAULT_TELEGRAM_LIMITS, clock });
    const group = -nextChat();
    const waits = await offsets(limiter, group, 5);
    expect(waits).toEqual([0, 0, 0, 3000, 6000]);
  });

  it('spreads a bulk send over many chats at the global rate', async () => {
    const clock = fakeClock(T0 + chat * 100_000);
    const limits: TelegramLimits = { ...DEFAULT_TELEGRAM_LIMITS, globalPerSecond: 10 };
    const limiter = createRateLimiter({ store: makeStore(), limits, clock });
    const waits: number[] = [];
    for (let i = 0; i < 25; i++) {
      expect((await limiter.reserveChat(nextChat())).waitMs).toBe(0);
      waits.push(Math.round((await limiter.reserveGlobal()).waitMs));
    }
    // Half a second's worth goes at once, then one every 100 ms.
    expect(waits.slice(0, 5)).toEqual(Array(5).fill(0));
    expect(waits.slice(5, 8)).toEqual([100, 200, 300]);
    expect(waits[24]).toBe(2000);
  });

  it('holds a paused chat until the pause ends without holding up other chats', async () => {
    const clock = fakeClock(T0 + chat * 100_000);
    const limiter = createRateLimiter({ store: makeStore(), limits: DEFAULT_TELEGRAM_LIMITS, clock });
    const paused = nextChat();
    await limiter.pause(paused, clock.ms() + 5000);
    expect((await limiter.reserveChat(paused)).waitMs).toBe(5000);
    // Another chat neither waits for its own slot nor for a global one.
    const other = nextChat();
    expect((await limiter.reserveChat(other)).waitMs).toBe(0);
    expect((await limiter.reserveGlobal()).waitMs).toBe(0);
    clock.advance(5000);
    // The slot taken during the pause counts; the burst allows the next one right away.
    expect((await limiter.reserveChat(paused)).waitMs).toBe(0);
  });

  it('a pause without a chat holds every send at the global slot', async () => {
    const clock = fakeClock(T0 + chat * 100_000);
    const limiter = createRateLimiter({ store: makeStore(), limits: DEFAULT_TELEGRAM_LIMITS, clock });
    await limiter.pause(null, clock.ms() + 2000);
    expect((await limiter.reserveChat(nextChat())).waitMs).toBe(0);
    expect((await limiter.reserveGlobal()).waitMs).toBe(2000);
    clock.advance(2000);
    expect((await limiter.reserveGlobal()).waitMs).toBe(0);
  });

  it("with limits 'off' never waits", async () => {
    const clock = fakeClock(T0 + chat * 100_000);
    const limiter = createRateLimiter({ store: makeStore(), limits: 'off', clock });
    expect(await offsets(limiter, nextChat(), 50)).toEqual(Array(50).fill(0));
    for (let i = 0; i < 50; i++) expect((await limiter.reserveGlobal()).waitMs).toBe(0);
    expect(limiter.enabled).toBe(false);
  });
});

describe('database store', () => {
  it('shares slots between limiters (as between processes)', async () => {
    const clock = fakeClock(T0 + 900_000_000);
    const a = createRateLimiter({
      store: createDbRateLimitStore(testDb.database),
      limits: DEFAULT_TELEGRAM_LIMITS,
      clock,
    });
    const b = createRateLimiter({
      store: createDbRateLimitStore(testDb.database),
      limits: DEFAULT_TELEGRAM_LIMITS,
      clock,
    });
    const waits = await Promise.all([a, b, a, b, a, b].map((limiter) => limiter.reserveChat(777)));
    expect(waits.map((w) => Math.round(w.waitMs)).sort((x, y) => x - y)).toEqual([0, 0, 0, 1000, 2000, 3000]);
  });

  it('prunes idle slots', async () => {
    const store = createDbRateLimitStore(testDb.database);
    const rule = chatRules(9999, DEFAULT_TELEGRAM_LIMITS)[0]!;
    await store.reserve(rule, 1000, 1000);
    expect(await store.prune(10_000)).toBeGreaterThanOrEqual(1);
    const rows = await testDb.database.raw.query(
      "SELECT 1 FROM telegram_rate_limits WHERE key = 'chat:9999'",
    );
    expect(rows).toHaveLength(0);
  });
});
