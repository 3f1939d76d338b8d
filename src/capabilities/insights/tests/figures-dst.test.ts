import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceHarness, startServiceHarness } from '../../tasks/tests/service-harness.ts';
import { createInsightsService, type InsightsService } from '../insights-service.ts';
import { seedOccurrences, seedTask } from './insights-seed.ts';

// One week holding Europe's DST change (Sun 29 Mar 2026, 01:00Z) — New York changed on 8 Mar —
// seeded with the same UTC instants for a Berlin and a New York user. Every expected value below
// is worked out by hand in the comments.
let h: ServiceHarness;
let insights: InsightsService;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startServiceHarness(new Date('2026-03-20T12:00:00Z'));
  insights = createInsightsService({ db: h.testDb.database.db, users: h.users, now: () => h.clock.now });
  ids.berlin = (await h.signIn(1, 'Europe/Berlin')).userId;
  ids.ny = (await h.signIn(2, 'America/New_York')).userId;
  for (const userId of [ids.berlin, ids.ny] as string[]) {
    const c = '2026-03-20T12:00:00Z';
    // c1: Berlin Sun 29 00:30 (CET) / NY Sat 28 19:30 — on time
    await seedTask(h, userId, {
      createdAt: c,
      dueAt: '2026-03-29T00:00:00Z',
      completedAt: '2026-03-28T23:30:00Z',
    });
    // c2: Berlin Sun 29 03:30 (CEST) / NY Sat 28 21:30 — 30 min late
    await seedTask(h, userId, {
      createdAt: c,
      dueAt: '2026-03-29T01:00:00Z',
      completedAt: '2026-03-29T01:30:00Z',
    });
    // c3: Berlin Mon 23 05:30 / NY Mon 23 00:30 — on time
    await seedTask(h, userId, {
      createdAt: c,
      dueAt: '2026-03-23T06:30:00Z',
      completedAt: '2026-03-23T04:30:00Z',
    });
    // c4: Berlin Mon 23 04:30 / NY Sun 22 23:30 (before NY's week) — 120 min late
    await seedTask(h, userId, {
      createdAt: c,
      dueAt: '2026-03-23T01:30:00Z',
      completedAt: '2026-03-23T03:30:00Z',
    });
    // c5: Berlin Mon 30 00:30 (after Berlin's week) / NY Sun 29 18:30 — 120 min late
    await seedTask(h, userId, {
      createdAt: c,
      dueAt: '2026-03-29T20:30:00Z',
      completedAt: '2026-03-29T22:30:00Z',
    });
    // c6: open, due Wed 25 — overdue now
    await seedTask(h, userId, { createdAt: c, dueAt: '2026-03-25T12:00:00Z' });
    // c7: created Berlin Mon 30 00:30 (outside) / NY Sun 29 18:30 (inside)
    await seedTask(h, userId, { createdAt: '2026-03-29T22:30:00Z' });
    await seedOccurrences(h, userId, [
      { dueAt: '2026-03-23T08:00:00Z', status: 'done' },
      { dueAt: '2026-03-24T08:00:00Z', fireAt: '2026-03-24T08:15:00Z', status: 'done' }, // snoozed, then done
      { dueAt: '2026-03-25T08:00:00Z', status: 'skipped' },
      { dueAt: '2026-03-23T03:30:00Z', status: 'skipped' }, // Berlin Mon 04:30 / NY Sun 22 23:30
    ]);
  }
  h.clock.now = new Date('2026-03-30T10:00:00Z');
}, 60_000);
afterAll(() => h?.close());

describe('figures of a week across the DST change', () => {
  it('Berlin: [Sun 22 23:00Z, Sun 29 22:00Z)', async () => {
    const f = await insights.figures(ids.berlin as string, 'last-week');
    expect(f.period).toEqual({
      kind: 'last-week',
      from: '2026-03-23',
      to: '2026-03-29',
      timezone: 'Europe/Berlin',
    });
    // c1..c4 completed inside; due inside: c1..c6 (6), done 5; with deadline 4, on time c1, c3.
    expect(f.tasks).toEqual({
      created: 0,
      completed: 4,
      due: 6,
      dueDone: 5,
      completionRate: 83,
      onTimeRate: 50,
      averageLatenessMinutes: 75, // (30 + 120) / 2
      overdueNow: 1,
    });
    expect(f.perDay.filter((d) => d.completed > 0)).toEqual([
      { date: '2026-03-23', completed: 2 },
      { date: '2026-03-29', completed: 2 },
    ]);
    expect(f.perDay).toHaveLength(7);
    expect(Object.fromEntries(f.hours.flatMap((n, hour) => (n ? [[hour, n]] : [])))).toEqual({
      0: 1,
      3: 1,
      4: 1,
      5: 1,
    });
    expect(f.weekdays).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(f.bestHour).toBe(0);
    expect(f.bestWeekday).toBe(1);
    // Days with completions: 23, 29, 30 (c5) → the run 29–30 is current.
    expect(f.streaks).toEqual({ current: 2, best: 2 });
    expect(f.reminders).toEqual({ done: 2, skipped: 2, snoozed: 1 });
  });

  it('New York: [Mon 23 04:00Z, Mon 30 04:00Z)', async () => {
    const f = await insights.figures(ids.ny as string, 'last-week');
    expect(f.period.from).toBe('2026-03-23');
    // c1, c2, c3, c5 completed inside; due inside: all but c4 (5), done 4; on time c1, c3; late 30, 120.
    expect(f.tasks).toEqual({
      created: 1,
      completed: 4,
      due: 5,
      dueDone: 4,
      completionRate: 80,
      onTimeRate: 50,
      averageLatenessMinutes: 75,
      overdueNow: 1,
    });
    expect(f.perDay.filter((d) => d.completed > 0)).toEqual([
      { date: '2026-03-23', completed: 1 },
      { date: '2026-03-28', completed: 2 },
      { date: '2026-03-29', completed: 1 },
    ]);
    expect(Object.fromEntries(f.hours.flatMap((n, hour) => (n ? [[hour, n]] : [])))).toEqual({
      0: 1,
      18: 1,
      19: 1,
      21: 1,
    });
    expect(f.weekdays).toEqual([1, 0, 0, 0, 0, 2, 1]);
    expect(f.bestWeekday).toBe(6);
    // Days: 22, 23, 28, 29 → runs of 2; the 28–29 run ends yesterday (NY today is the 30th).
    expect(f.streaks).toEqual({ current: 2, best: 2 });
    expect(f.reminders).toEqual({ done: 2, skipped: 1, snoozed: 1 });
  });

  it('a custom period with the end before the start is refused', async () => {
    await expect(
      insights.figures(ids.ny as string, 'custom', { from: '2026-03-10', to: '2026-03-01' }),
    ).rejects.toThrow(/end on or after/);
  });
});
