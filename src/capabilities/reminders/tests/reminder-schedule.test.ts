import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextLocalTime } from '../../../platform/time/index.ts';
import { quietHoursEnd } from '../../../platform/time/quiet-hours.ts';
import { normalizeRrule, occurrenceAfter, occurrencesBetween, type Series } from '../reminder-schedule.ts';

const local = (d: Date | null, tz: string) =>
  d ? DateTime.fromJSDate(d, { zone: tz }).toFormat('ccc yyyy-MM-dd HH:mm') : null;

/** The next `n` occurrences after `from`, as local wall-clock strings. */
function next(series: Series, from: Date, n: number): string[] {
  const out: string[] = [];
  let cursor = from;
  for (let i = 0; i < n; i++) {
    const at = occurrenceAfter(series, cursor);
    if (!at) break;
    out.push(local(at, series.timezone) as string);
    cursor = at;
  }
  return out;
}

describe('occurrences across DST', () => {
  const ny = 'America/New_York';
  it('a daily 08:30 stays 08:30 local across the March change', () => {
    const series = {
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=30',
      startsAt: new Date('2026-03-06T13:30:00Z'),
      timezone: ny,
    };
    expect(next(series, new Date('2026-03-06T00:00:00Z'), 4)).toEqual([
      'Fri 2026-03-06 08:30',
      'Sat 2026-03-07 08:30',
      'Sun 2026-03-08 08:30',
      'Mon 2026-03-09 08:30',
    ]);
    // …which is a different UTC hour before and after the change.
    expect(occurrenceAfter(series, new Date('2026-03-07T14:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T12:30:00.000Z',
    );
  });

  it('a daily 08:30 stays 08:30 local across the November change', () => {
    const series = {
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=30',
      startsAt: new Date('2026-10-30T12:30:00Z'),
      timezone: ny,
    };
    expect(next(series, new Date('2026-10-31T00:00:00Z'), 3)).toEqual([
      'Sat 2026-10-31 08:30',
      'Sun 2026-11-01 08:30',
      'Mon 2026-11-02 08:30',
    ]);
    expect(occurrenceAfter(series, new Date('2026-10-31T13:00:00Z'))?.toISOString()).toBe(
      '2026-11-01T13:30:00.000Z',
    );
  });

  it('a time skipped by spring-forward moves an hour later that day only', () => {
    const series = {
      rrule: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30',
      startsAt: new Date('2026-03-07T07:30:00Z'),
      timezone: ny,
    };
    expect(next(series, new Date('2026-03-07T00:00:00Z'), 3)).toEqual([
      'Sat 2026-03-07 02:30',
      'Sun 2026-03-08 03:30',
      'Mon 2026-03-09 02:30',
    ]);
  });

  it('a time repeated by fall-back fires once', () => {
    const series = {
      rrule: 'FREQ=DAILY;BYHOUR=1;BYMINUTE=30',
      startsAt: new Date('2026-10-31T05:30:00Z'),
      timezone: ny,
    };
    const times = occurrencesBetween(
      series,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(times).toHaveLength(1);
    // Stepping from the first 01:30 (EDT) lands on the next day, not on the repeated 01:30 (EST).
    const first = times[0] as Date;
    expect(local(occurrenceAfter(series, first), ny)).toBe('Mon 2026-11-02 01:30');
    // Asked from inside the repeated hour, it does not return the earlier instant again.
    const during = new Date(first.getTime() + 45 * 60_000);
    expect((occurrenceAfter(series, during) as Date).getTime()).toBeGreaterThan(during.getTime());
  });
});

describe('recurrence shapes', () => {
  const tz = 'Europe/Moscow';
  it('monthly on the 31st falls on the last day of shorter months', () => {
    const series = {
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;BYHOUR=9;BYMINUTE=0',
      startsAt: new Date('2026-01-31T06:00:00Z'),
      timezone: tz,
    };
    expect(next(series, new Date('2026-01-30T00:00:00Z'), 5)).toEqual([
      'Sat 2026-01-31 09:00',
      'Sat 2026-02-28 09:00',
      'Tue 2026-03-31 09:00',
      'Thu 2026-04-30 09:00',
      'Sun 2026-05-31 09:00',
    ]);
  });

  it('monthly without BYMONTHDAY keeps the day of the start, clamped too', () => {
    const series = { rrule: 'FREQ=MONTHLY', startsAt: new Date('2028-01-30T06:00:00Z'), timezone: tz };
    expect(next(series, new Date('2028-01-29T00:00:00Z'), 3)).toEqual([
      'Sun 2028-01-30 09:00',
      'Tue 2028-02-29 09:00',
      'Thu 2028-03-30 09:00',
    ]);
  });

  it('every 2 weeks on Monday', () => {
    const series = {
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=10;BYMINUTE=0',
      startsAt: new Date('2026-03-02T07:00:00Z'),
      timezone: tz,
    };
    expect(next(series, new Date('2026-03-01T00:00:00Z'), 3)).toEqual([
      'Mon 2026-03-02 10:00',
      'Mon 2026-03-16 10:00',
      'Mon 2026-03-30 10:00',
    ]);
  });

  it('every 3 days', () => {
    const series = {
      rrule: 'FREQ=DAILY;INTERVAL=3',
      startsAt: new Date('2026-03-02T07:00:00Z'),
      timezone: tz,
    };
    expect(next(series, new Date('2026-03-01T00:00:00Z'), 3)).toEqual([
      'Mon 2026-03-02 10:00',
      'Thu 2026-03-05 10:00',
      'Sun 2026-03-08 10:00',
    ]);
  });

  it('weekdays skip the weekend', () => {
    const series = {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
      startsAt: new Date('2026-03-05T05:30:00Z'),
      timezone: tz,
    };
    expect(next(series, new Date('2026-03-05T06:00:00Z'), 3)).toEqual([
      'Fri 2026-03-06 08:30',
      'Mon 2026-03-09 08:30',
      'Tue 2026-03-10 08:30',
    ]);
  });

  it('COUNT ends the series', () => {
    const series = { rrule: 'FREQ=DAILY;COUNT=2', startsAt: new Date('2026-03-02T07:00:00Z'), timezone: tz };
    expect(next(series, new Date('2026-03-01T00:00:00Z'), 5)).toHaveLength(2);
  });

  it('a one-off occurs once', () => {
    const series = { rrule: null, startsAt: new Date('2026-03-02T07:00:00Z'), timezone: tz };
    expect(occurrenceAfter(series, new Date('2026-03-02T06:00:00Z'))).toEqual(series.startsAt);
    expect(occurrenceAfter(series, series.startsAt)).toBeNull();
    expect(occurrenceAfter(series, series.startsAt, true)).toEqual(series.startsAt);
  });
});

describe('normalizeRrule', () => {
  it('accepts an RRULE: prefix and lower case, returns canonical text', () => {
    expect(normalizeRrule('rrule:freq=weekly;byday=mo,we;byhour=8;byminute=30')).toBe(
      'FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=8;BYMINUTE=30',
    );
  });
  it.each([
    ['DTSTART=20260101T000000Z;FREQ=DAILY', 'not allowed'],
    ['FREQ=MINUTELY', 'FREQ must be'],
    ['BYHOUR=8', 'FREQ is required'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'twice'],
    ['nonsense', 'not allowed'],
  ])('rejects %s', (rule, why) => {
    expect(() => normalizeRrule(rule)).toThrow(why);
  });
});

describe('local times', () => {
  it('quiet hours across midnight end the next morning', () => {
    const quiet = { start: '22:00:00', end: '07:00:00', timezone: 'Europe/Moscow' };
    expect(quietHoursEnd(quiet, new Date('2026-03-02T20:30:00Z'))?.toISOString()).toBe(
      '2026-03-03T04:00:00.000Z',
    );
    expect(quietHoursEnd(quiet, new Date('2026-03-02T02:00:00Z'))?.toISOString()).toBe(
      '2026-03-02T04:00:00.000Z',
    );
    expect(quietHoursEnd(quiet, new Date('2026-03-02T12:00:00Z'))).toBeNull();
    expect(quietHoursEnd({ ...quiet, start: null }, new Date('2026-03-02T20:30:00Z'))).toBeNull();
  });
  it('the next local 08:00 follows DST', () => {
    const ny = 'America/New_York';
    expect(nextLocalTime(ny, '08:00', new Date('2026-03-07T14:00:00Z')).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(nextLocalTime(ny, '08:00', new Date('2026-03-08T11:00:00Z')).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });
});
