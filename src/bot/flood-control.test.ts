import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { createFloodControl, type FloodLimits, type FloodVerdict, floodStep } from './flood-control.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.close();
});

const LIMITS: FloodLimits = { maxUpdates: 3, windowSeconds: 10, muteSeconds: 60 };

describe('flood control in one statement', () => {
  it('gives the pure rule’s verdicts for a burst, the mute, its end and a new window', async () => {
    const flood = createFloodControl(testDb.database.db, LIMITS);
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    // Offsets in seconds: 5 within the window (the 4th warns, the 5th is ignored), more while muted,
    // then after the mute, then a new window.
    const offsets = [0, 1, 2, 3, 4, 30, 59.9, 63.5, 64, 65, 66, 80, 95, 126.5, 127];
    let state: Parameters<typeof floodStep>[0] = null;
    const expected: FloodVerdict[] = [];
    const got: FloodVerdict[] = [];
    for (const offset of offsets) {
      const at = new Date(t0 + offset * 1000);
      const step = floodStep(state, at, LIMITS);
      state = step.next;
      expected.push(step.verdict);
      got.push(await flood.hit(4242, at));
    }
    expect(expected).toEqual([
      'ok',
      'ok',
      'ok',
      'warn',
      'ignore',
      'ignore',
      'ignore',
      'ok',
      'ok',
      'ok',
      'warn',
      'ignore',
      'ignore',
      'ok',
      'ok',
    ]);
    expect(got).toEqual(expected);
  });

  it('counts each person on their own', async () => {
    const flood = createFloodControl(testDb.database.db, LIMITS);
    const at = new Date('2026-12-01T11:00:00Z');
    for (let i = 0; i < 3; i++) await flood.hit(1, at);
    expect(await flood.hit(1, at)).toBe('warn');
    expect(await flood.hit(2, at)).toBe('ok');
  });
});
