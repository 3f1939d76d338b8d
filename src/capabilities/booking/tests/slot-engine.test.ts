import { describe, expect, it } from 'vitest';
import {
  type DayException,
  daysInRange,
  freeStarts,
  type Interval,
  mergeAny,
  openWindows,
  type ServiceRules,
  type WeeklyHours,
} from '../slots/slot-engine.ts';

const hm = (h: string) => Number(h.slice(0, 2)) * 60 + Number(h.slice(3, 5));
const hours = (
  weekday: number,
  start: string,
  end: string,
  breaks: Array<[string, string]> = [],
): WeeklyHours => ({
  weekday,
  start: hm(start),
  end: hm(end),
  breaks: breaks.map(([s, e]) => ({ start: hm(s), end: hm(e) })),
});
const rules = (over: Partial<ServiceRules> = {}): ServiceRules => ({
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  maxDaysAhead: 60,
  ...over,
});
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().slice(11, 16);

interface Case {
  name: string;
  day: string;
  zone: string;
  hours: WeeklyHours[];
  exceptions?: DayException[];
  busy?: Array<[string, string]>;
  rules?: Partial<ServiceRules>;
  now?: string;
  today?: string;
  /** Expected starts as UTC HH:MM. */
  expected: string[];
}

// 2026-06-01 is a Monday. UTC keeps the expectations readable except in the DST rows.
const cases: Case[] = [
  {
    name: 'plain hours on the 15-minute grid',
    day: '2026-06-01',
    zone: 'UTC',
    hours: [hours(1, '09:00', '11:00')],
    expected: ['09:00', '09:15', '09:30', '09:45', '10:00'],
  },
  {
    name: 'other weekdays have no hours',
    day: '2026-06-02',
    zone: 'UTC',
    hours: [hours(1, '09:00', '11:00')],
    expected: [],
  },
  {
    name: 'a break cuts the visit out of it',
    day: '2026-06-01',
    zone: 'UTC',
    hours: [hours(1, '09:00', '12:00', [['10:00', '10:30']])],
    expected: ['09:00', '10:30', '10:45', '11:00'],
  },
  {
    name: 'buffers keep clear of an existing booking on both sides',
    day: '2026-06-01',
    zone: 'UTC',
    hours: [hours(1, '09:00', '12:00')],
    busy: [['10:00', '11:00']],
    rules: { durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 },
    expected: ['09:00', '09:15', '11:15', '11:30'],
  },
  {
    name: 'minimum notice hides the next hour',
    day: '2026-06-01',
    zone: 'UTC',
    hours: [hours(1, '09:00', '12:00')],
    rules: { minNoticeMinutes: 60 },
    now: '2026-06-01T09:40:00Z',
    expected: ['10:45', '11:00'],
  },
  {
    name: 'a day off removes the weekly hours',
    day: '2026-06-01',
    zone: 'UTC',
    hours: [hours(1, '09:00', '12:00')],
    exceptions: [{ kind: 'day_off' }],
    expected: [],
  },
  {
    name: 'extra hours on a day without weekly hours',
    day: '2026-06-02',
    zone: 'UTC',
    hours: [hours(1, '09:00', '12:00')],
    exceptions: [{ kind: 'extra', start: hm('14:00'), end: hm('15:30') }],
    expected: ['14:00', '14:15', '14:30'],
  },
  {
    name: 'beyond max days ahead nothing is offered',
    day: '2026-06-01',
    zone: 'UTC',
    hours: [hours(1, '09:00', '12:00')],
    rules: { maxDaysAhead: 3 },
    today: '2026-05-28',
    now: '2026-05-28T00:00:00Z',
    expected: [],
  },
  {
    name: 'Berlin, spring forward (29 Mar 2026): 00:00–06:00 local is 5 hours, 09:00 is 07:00Z',
    day: '2026-03-29',
    zone: 'Europe/Berlin',
    hours: [hours(7, '00:00', '03:30'), hours(7, '09:00', '10:00')],
    now: '2026-03-28T00:00:00Z',
    today: '2026-03-28',
    // 00:00 CET = 23:00Z; 03:30 CEST = 01:30Z: 2.5 hours, a 60-minute visit fits 7 starts
    expected: ['23:00', '23:15', '23:30', '23:45', '00:00', '00:15', '00:30', '07:00'],
  },
  {
    name: 'New York, fall back (1 Nov 2026): 00:00–02:00 local is 3 hours, 09:00 is 14:00Z',
    day: '2026-11-01',
    zone: 'America/New_York',
    hours: [hours(7, '00:00', '02:00'), hours(7, '09:00', '10:00')],
    now: '2026-10-31T00:00:00Z',
    today: '2026-10-31',
    rules: { durationMinutes: 120 },
    // 00:00 EDT = 04:00Z; 02:00 EST = 07:00Z
    expected: ['04:00', '04:15', '04:30', '04:45', '05:00'],
  },
];

describe('slot engine', () => {
  it.each(cases)('$name', (c) => {
    const windows = openWindows(c.day, c.zone, c.hours, c.exceptions ?? []);
    const busy: Interval[] = (c.busy ?? []).map(([f, t]) => ({
      from: at(`${c.day}T${f}:00Z`),
      to: at(`${c.day}T${t}:00Z`),
    }));
    const starts = freeStarts({
      day: c.day,
      today: c.today ?? c.day,
      windows,
      busy,
      rules: rules(c.rules),
      now: at(c.now ?? `${c.day}T00:00:00Z`),
    });
    expect(starts.map(iso)).toEqual(c.expected);
  });

  it('"any specialist" offers each start once, from the first specialist free then', () => {
    const merged = mergeAny([
      { specialistId: 'a', starts: [at('2026-06-01T09:00:00Z'), at('2026-06-01T10:00:00Z')] },
      { specialistId: 'b', starts: [at('2026-06-01T09:00:00Z'), at('2026-06-01T09:30:00Z')] },
    ]);
    expect(merged.map((s) => [iso(s.start), s.specialistId])).toEqual([
      ['09:00', 'a'],
      ['09:30', 'b'],
      ['10:00', 'a'],
    ]);
  });
});

describe('daysInRange', () => {
  it('lists the days of a range, both ends included', () => {
    expect(daysInRange('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('refuses a reversed, malformed or too long range before building a day', () => {
    const codeOf = (from: string, to: string) => {
      try {
        daysInRange(from, to);
        return 'accepted';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(codeOf('2026-03-02', '2026-03-01')).toBe('booking_range_invalid');
    expect(codeOf('fuzz', '2026-03-01')).toBe('booking_range_invalid');
    expect(codeOf('2026-01-01', '2026-03-04')).toBe('booking_range_too_long'); // 63 days
    expect(codeOf('2026-01-01', '2026-03-03')).toBe('accepted'); // 62 days
    // The request: 3.65 million days were built before the old check counted them.
    expect(codeOf('0000-01-01', '9999-12-31')).toBe('booking_range_too_long');
  });
});
