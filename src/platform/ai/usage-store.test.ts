import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createDrizzleUsageStore } from './drizzle-usage-store.ts';
import { createMemoryUsageStore, type UsageStore } from './usage-store.ts';

let testDb: TestDatabase;
const userA = uuidv7();
const userB = uuidv7();

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const [id, tg] of [
    [userA, 1001],
    [userB, 1002],
  ] as const) {
    await testDb.database.raw.query('INSERT INTO users (id, telegram_id, first_name) VALUES ($1, $2, $3)', [
      id,
      tg,
      'T',
    ]);
  }
});
afterAll(() => testDb.close());

describe.each([
  ['drizzle', () => createDrizzleUsageStore(testDb.database.db)],
  ['memory', () => createMemoryUsageStore()],
] as const)('%s usage store', (_name, make: () => UsageStore) => {
  it('adds up tokens and cost per user per day', async () => {
    const store = make();
    const day = `2026-01-0${_name === 'drizzle' ? 1 : 2}`;
    await store.record({ userId: userA, day, inputTokens: 100, outputTokens: 10, costMicroUsd: 21 });
    const total = await store.record({
      userId: userA,
      day,
      inputTokens: 50,
      outputTokens: 5,
      costMicroUsd: 9,
    });
    expect(total).toEqual({
      userId: userA,
      day,
      requests: 2,
      inputTokens: 150,
      outputTokens: 15,
      costMicroUsd: 30,
    });
    expect(await store.get(userA, day)).toEqual(total);
    expect(await store.get(userB, day)).toBeNull();
    expect(await store.get(userA, '2026-01-09')).toBeNull();
  });

  it('keeps one row per day for work done on nobody’s behalf', async () => {
    const store = make();
    await store.record({ userId: null, day: '2026-01-03', inputTokens: 1, outputTokens: 1, costMicroUsd: 0 });
    await store.record({ userId: null, day: '2026-01-03', inputTokens: 1, outputTokens: 1, costMicroUsd: 0 });
    expect(await store.get(null, '2026-01-03')).toMatchObject({ requests: 2, inputTokens: 2 });
  });

  it('gives the cap notice once per user per day, even to concurrent callers', async () => {
    const store = make();
    const day = _name === 'drizzle' ? '2026-01-04' : '2026-01-05';
    const claims = await Promise.all([1, 2, 3, 4].map(() => store.claimCapNotice(userB, day)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimCapNotice(userB, '2026-01-06')).toBe(true);
  });

  it('counts concurrent increments exactly', async () => {
    const store = make();
    const day = _name === 'drizzle' ? '2026-01-07' : '2026-01-08';
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.record({ userId: userB, day, inputTokens: 7, outputTokens: 3, costMicroUsd: 2 }),
      ),
    );
    expect(await store.get(userB, day)).toMatchObject({
      requests: 10,
      inputTokens: 70,
      outputTokens: 30,
      costMicroUsd: 20,
    });
  });
});
