import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceHarness, startServiceHarness } from '../../tasks/tests/service-harness.ts';
import { createInsightsService, type InsightsService } from '../insights-service.ts';
import { referenceFigures, type SeededTask } from './figures-reference.ts';
import { seedTask } from './insights-seed.ts';

// A year of activity (Apr 2025 – Mar 2026: two European and two American DST changes) seeded
// through the tasks service on an injected clock, for a Berlin and a New York user; the SQL figures
// must equal the ones worked out in JavaScript from the same list.
const NOW = '2026-03-31T09:00:00Z';
let h: ServiceHarness;
let insights: InsightsService;
const seeded: SeededTask[] = [];
const users: Record<string, string> = {};

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function yearOfActivity(): SeededTask[] {
  const rnd = random(16);
  const list: SeededTask[] = [];
  const start = Date.parse('2025-04-01T00:00:00Z');
  for (let day = 0; day < 365; day++) {
    if (rnd() < 0.3) continue; // days off break the streaks
    const created = start + day * 86_400_000 + Math.floor(rnd() * 86_400_000);
    const due = rnd() < 0.8 ? created + Math.floor(rnd() * 3 * 86_400_000) : null;
    const done = rnd() < 0.75 ? created + Math.floor(rnd() * 4 * 86_400_000) : null;
    const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
    if (done !== null && done > Date.parse(NOW)) continue;
    list.push({
      createdAt: iso(created),
      ...(due !== null ? { dueAt: iso(due) } : {}),
      ...(done !== null ? { completedAt: iso(done) } : {}),
    });
  }
  return list;
}

beforeAll(async () => {
  h = await startServiceHarness(new Date('2025-04-01T00:00:00Z'));
  insights = createInsightsService({ db: h.testDb.database.db, users: h.users, now: () => h.clock.now });
  users['Europe/Berlin'] = (await h.signIn(11, 'Europe/Berlin')).userId;
  users['America/New_York'] = (await h.signIn(12, 'America/New_York')).userId;
  seeded.push(...yearOfActivity());
  for (const userId of Object.values(users)) for (const task of seeded) await seedTask(h, userId, task);
  h.clock.now = new Date(NOW);
}, 300_000);
afterAll(() => h?.close());

describe.each(['Europe/Berlin', 'America/New_York'])('a year of activity in %s', (timezone) => {
  const periods: Array<[string, string]> = [
    ['2025-04-01', '2026-03-31'], // the whole year
    ['2025-10-20', '2025-11-09'], // both autumn DST changes (26 Oct, 2 Nov)
    ['2026-03-01', '2026-03-31'], // both spring DST changes (8 Mar, 29 Mar)
    ['2025-07-01', '2025-07-31'],
  ];
  it.each(periods)('figures from %s to %s match the reference', async (from, to) => {
    expect(seeded.length).toBeGreaterThan(200);
    const f = await insights.figures(users[timezone] as string, 'custom', { from, to });
    const expected = referenceFigures(seeded, timezone, from, to, NOW);
    expect(f.tasks).toEqual(expected.tasks);
    expect(f.perDay.filter((d) => d.completed > 0)).toEqual(expected.perDay);
    expect(f.hours).toEqual(expected.hours);
    expect(f.weekdays).toEqual(expected.weekdays);
    expect(f.streaks).toEqual(expected.streaks);
    expect(f.streaks.best).toBeGreaterThan(2);
  });
});
