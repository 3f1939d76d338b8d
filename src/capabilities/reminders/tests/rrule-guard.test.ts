import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { checkRrule } from '../../../platform/recurrence/rrule-guard.ts';
import { createOccurrenceScheduler } from '../occurrence-scheduler.ts';
import { createFireHandler } from '../reminder-firing.ts';
import { normalizeRrule, occurrenceAfter, occurrencesBetween } from '../reminder-schedule.ts';
import { type FireJob, REMINDER_FIRE_QUEUE } from '../reminder-types.ts';
import { type ReminderHarness, startReminderHarness } from './reminder-harness.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (isDomainError(error)) return `${error.code}/${error.kind}`;
    throw error;
  }
};

describe('checkRrule', () => {
  it.each([
    'FREQ=DAILY;INTERVAL=-1',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=HOURLY;INTERVAL=100000',
    'FREQ=DAILY;COUNT=-1',
    'FREQ=DAILY;COUNT=0',
    'FREQ=DAILY;BYHOUR=25',
    'FREQ=DAILY;BYMINUTE=60',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=MONTHLY;BYDAY=6MO',
    'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0',
    'FREQ=MONTHLY;BYSETPOS=1',
    'FREQ=WEEKLY;BYWEEKNO=54',
    'FREQ=YEARLY;BYWEEKNO=54',
    'FREQ=YEARLY;BYMONTHDAY=32',
    'FREQ=YEARLY;BYMONTH=13',
    'FREQ=YEARLY;BYYEARDAY=367',
    'FREQ=DAILY;UNTIL=00000101',
    'FREQ=DAILY;UNTIL=20260230',
    'FREQ=DAILY;COUNT=3;UNTIL=20300101',
    'FREQ=MINUTELY',
    'FREQ=DAILY;FREQ=DAILY',
    'FREQ=DAILY;X-NAME=1',
    'INTERVAL=2',
    `FREQ=DAILY;BYMINUTE=${'1,'.repeat(300)}1`,
  ])('refuses %s with a 422 naming the problem', (rule) => {
    expect(code(() => checkRrule(rule))).toBe('rrule_invalid/unprocessable');
  });

  it.each([
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
    'RRULE:FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=DAILY;UNTIL=20301231T235959Z',
    'freq=daily;interval=2',
  ])('accepts %s', (rule) => {
    expect(code(() => checkRrule(rule))).toBe('accepted');
  });
});

describe('a rule given by the user', () => {
  it.each([
    'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2,4,6,9,11',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31',
    'FREQ=DAILY;BYMONTH=4;BYMONTHDAY=-31',
  ])('refuses %s: no listed month has that day', (rule) => {
    expect(code(() => normalizeRrule(rule))).toBe('rrule_never/unprocessable');
  });

  it.each([
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYMONTH=1,2;BYMONTHDAY=31',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=30,31',
  ])('accepts %s', (rule) => {
    expect(code(() => normalizeRrule(rule))).toBe('accepted');
  });
});

describe('bounded evaluation', () => {
  const series = (rrule: string) => ({
    rrule,
    startsAt: new Date('2026-03-02T06:00:00Z'),
    timezone: 'Europe/Moscow',
  });
  const from = new Date('2026-03-02T00:00:00Z');
  it.each([
    'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31',
    'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6',
    'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=10',
    'FREQ=DAILY;INTERVAL=7;BYDAY=TU',
    'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29',
  ])('finds no occurrence of the impossible %s, quickly', (rule) => {
    const timed = () => {
      const started = performance.now();
      expect(occurrenceAfter(series(rule), from)).toBeNull();
      expect(occurrencesBetween(series(rule), from, new Date('2036-01-01T00:00:00Z'))).toEqual([]);
      return performance.now() - started;
    };
    // Issue #9 bounds a rejection at 200 ms. Best of three: a shared machine adds noise to any one
    // run, while a search that really costs (seconds, as before the bounds) is slow every time.
    expect(Math.min(timed(), timed(), timed())).toBeLessThan(200);
  });

  it('refuses an hourly step that never reaches its BYHOUR instead of looping forever', () => {
    expect(code(() => occurrenceAfter(series('FREQ=HOURLY;INTERVAL=2;BYHOUR=4'), from))).toBe(
      'rrule_never/unprocessable',
    );
    expect(occurrenceAfter(series('FREQ=HOURLY;INTERVAL=2;BYHOUR=5,9'), from)?.toISOString()).toBe(
      '2026-03-02T06:00:00.000Z',
    );
  });

  it('keeps exact results on the moved calendar: leap days, week 53, the last Friday', () => {
    const next = (rule: string, at = from) => occurrenceAfter(series(rule), at)?.toISOString();
    expect(next('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=9;BYMINUTE=0')).toBe('2028-02-29T06:00:00.000Z');
    expect(next('FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO;BYHOUR=9;BYMINUTE=0')).toBe('2026-12-28T06:00:00.000Z');
    expect(next('FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=9;BYMINUTE=0')).toBe('2026-03-27T06:00:00.000Z');
    expect(next('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9;BYMINUTE=0')).toBe('2026-03-03T06:00:00.000Z');
  });
});

describe('a stored rule the guard refuses, in the worker', () => {
  let h: ReminderHarness;
  beforeAll(async () => {
    h = await startReminderHarness('2026-03-02T05:00:00Z');
  });
  afterAll(() => h.close());

  it('fails the fire job at once with the reason (pg-boss retries, then parks it in reminders.fire.dead)', async () => {
    const user = await h.users.upsertFromTelegram({ id: 881, first_name: 'Vera', language_code: 'en' });
    const reminder = await h.reminders.create(user.id, {
      text: 'Stretch',
      dueAt: null,
      rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0',
    });
    await h.testDb.database.raw.query(`UPDATE reminders SET rrule = 'FREQ=DAILY;INTERVAL=-1' WHERE id = $1`, [
      reminder.id,
    ]);
    const [pending] = await h.runtime.jobs.pending<FireJob>(REMINDER_FIRE_QUEUE);
    if (!pending) throw new Error('no pending fire job');
    h.clock.tick(4 * 3600_000);
    const fire = createFireHandler({
      db: h.testDb.database.db,
      users: h.users,
      scheduler: createOccurrenceScheduler({ jobs: h.runtime.jobs }),
      notify: async () => 'job',
      now: () => new Date(h.clock.now()),
      t: (_l, key) => key,
    });
    const started = performance.now();
    const job = {
      id: pending.id,
      queue: REMINDER_FIRE_QUEUE,
      data: pending.data,
      retryCount: 0,
      signal: new AbortController().signal,
    };
    await expect(fire(job)).rejects.toMatchObject({ code: 'rrule_invalid' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
