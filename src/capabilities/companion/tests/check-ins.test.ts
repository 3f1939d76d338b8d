import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider, startFakeProvider } from '../../../platform/ai/testing/fake-provider-server.ts';
import { gate } from '../proactive-gate.ts';
import { companionFixture } from './companion-fixture.ts';

// Berlin is UTC+1 in early March 2037: 07:00Z is 08:00 local.
const START = '2037-03-02T08:00:00Z';

describe('the proactive gate', () => {
  const base = {
    trigger: 'inactivity' as const,
    timezone: 'Europe/Berlin',
    quiet: { start: null, end: null },
    optedOut: false,
    sentToday: 0,
    lastSentOfTrigger: null,
  };
  it('opens at 08:00 local and closes at 22:00, never earlier or later', () => {
    expect(gate({ ...base, at: new Date('2037-03-05T06:59:59Z') })).toBe('outside_hours');
    expect(gate({ ...base, at: new Date('2037-03-05T07:00:00Z') })).toBeNull();
    expect(gate({ ...base, at: new Date('2037-03-05T20:59:59Z') })).toBeNull();
    expect(gate({ ...base, at: new Date('2037-03-05T21:00:00Z') })).toBe('outside_hours');
  });
  it('stops at two a day, honours opt-out, quiet hours and the per-trigger cooldown', () => {
    const at = new Date('2037-03-05T09:00:00Z');
    expect(gate({ ...base, at, sentToday: 2 })).toBe('daily_cap');
    expect(gate({ ...base, at, optedOut: true })).toBe('opted_out');
    expect(gate({ ...base, at, quiet: { start: '09:30', end: '11:00' } })).toBe('quiet_hours');
    expect(gate({ ...base, at, lastSentOfTrigger: new Date('2037-03-04T12:00:00Z') })).toBe('cooldown');
  });
});

describe('check-ins (offline templates)', () => {
  let f: Awaited<ReturnType<typeof companionFixture>>;
  beforeAll(async () => {
    f = await companionFixture({ start: START });
  });
  afterAll(() => f.close());

  it('writes to a person inactive for 3 days once, and never a third time in their day', async () => {
    const userId = await f.person(1001);
    f.clock.set('2037-03-04T07:00:00Z'); // two days: nothing to say
    expect(await f.checkIns.run(userId, 'morning')).toEqual([]);
    f.clock.set('2037-03-05T07:00:00Z');
    const [first] = await f.checkIns.run(userId, 'morning');
    expect(first).toMatchObject({ trigger: 'inactivity', decision: 'sent' });
    expect(f.sent.at(-1)?.text).toMatch(/3 days/);
    expect(f.sent.at(-1)?.replyMarkup?.inline_keyboard[0]?.length).toBeGreaterThan(0);
    // Same day: the inactivity trigger is cooling down; a deadline is a second, allowed message…
    f.dueSoon.push({ title: 'Essay', dueAt: new Date('2037-03-05T17:00:00Z') });
    f.clock.set('2037-03-05T10:00:00Z');
    const second = await f.checkIns.run(userId, 'morning');
    expect(second.map((d) => [d.trigger, d.decision, d.reason])).toEqual([
      ['inactivity', 'skipped', 'cooldown'],
      ['deadline', 'sent', 'sent'],
    ]);
    // …and a third candidate is stopped by the daily cap.
    await f.profiles.refresh(userId);
    f.clock.set('2037-03-05T18:00:00Z');
    const third = await f.checkIns.run(userId, 'evening');
    expect(third.every((d) => d.decision === 'skipped')).toBe(true);
    expect(third.map((d) => d.reason)).toContain('daily_cap');
    expect(f.sent).toHaveLength(2);
  });

  it('sends nothing to a person who opted out, and logs why', async () => {
    f.dueSoon.length = 0;
    const userId = await f.person(1002);
    await f.profiles.setCheckins(userId, false);
    f.clock.set('2037-03-08T07:30:00Z');
    const before = f.sent.length;
    const decisions = await f.checkIns.run(userId, 'morning');
    expect(decisions).toEqual([expect.objectContaining({ decision: 'skipped', reason: 'opted_out' })]);
    expect(f.sent.length).toBe(before);
    const logged = await f.log.list({ userId });
    expect(logged.map((l) => l.reason)).toEqual(['opted_out']);
  });

  it('keeps to the admin’s number a day: with one, the second candidate of the day waits', async () => {
    f.dueSoon.length = 0;
    f.clock.set('2037-03-09T08:00:00Z');
    const userId = await f.person(1003);
    const defaults = await f.settings.get();
    await f.settings.put({ ...defaults, limits: { ...defaults.limits, per_day: 1 } }, null);
    f.clock.set('2037-03-12T07:00:00Z');
    expect(await f.checkIns.run(userId, 'morning')).toEqual([
      expect.objectContaining({ trigger: 'inactivity', decision: 'sent' }),
    ]);
    f.dueSoon.push({ title: 'Essay', dueAt: new Date('2037-03-12T17:00:00Z') });
    f.clock.set('2037-03-12T10:00:00Z');
    const second = await f.checkIns.run(userId, 'morning');
    expect(second.map((d) => [d.trigger, d.reason])).toEqual([
      ['inactivity', 'daily_cap'],
      ['deadline', 'daily_cap'],
    ]);
    await f.settings.put(defaults, null);
    f.dueSoon.length = 0;
  });
});

describe('check-ins with a model', () => {
  let server: FakeProvider;
  let f: Awaited<ReturnType<typeof companionFixture>>;
  beforeAll(async () => {
    server = await startFakeProvider('openai-compatible');
    f = await companionFixture({ start: START, aiUrl: server.url });
  });
  afterAll(async () => {
    await f.close();
    await server.close();
  });

  it('sends nothing when the model says skip, and logs its reason', async () => {
    const userId = await f.person(2001);
    f.clock.set('2037-03-05T08:00:00Z');
    server.enqueue({
      text: JSON.stringify({ action: 'skip', text: '', reason: 'they said they are on holiday' }),
    });
    const decisions = await f.checkIns.run(userId, 'morning');
    expect(decisions).toEqual([
      expect.objectContaining({ decision: 'skipped', reason: 'model_skip: they said they are on holiday' }),
    ]);
    expect(f.sent).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it("sends the model's words when it decides to write", async () => {
    const userId = await f.person(2002);
    f.clock.set('2037-03-09T08:00:00Z');
    server.enqueue({
      text: JSON.stringify({ action: 'send', text: 'Morning! Coffee and one small task?', reason: 'quiet' }),
    });
    const [decision] = await f.checkIns.run(userId, 'morning');
    expect(decision).toMatchObject({ decision: 'sent', text: 'Morning! Coffee and one small task?' });
    expect(f.sent.at(-1)?.text).toBe('Morning! Coffee and one small task?');
  });
});
