import { describe, expect, it } from 'vitest';
import { formatWhen } from './format.ts';
import { isTimezone, nextLocalTime } from './local-time.ts';

describe('time kit', () => {
  it('knows IANA names only', () => {
    expect(isTimezone('Europe/Berlin')).toBe(true);
    expect(isTimezone('Mars/Olympus')).toBe(false);
    expect(isTimezone('')).toBe(false);
  });

  it('finds the next local time on given weekdays, across a DST change', () => {
    // Sunday 19:00 in Berlin: on 29 March 2026 clocks go forward (UTC+1 → UTC+2).
    const after = new Date('2026-03-23T12:00:00Z'); // a Monday
    expect(nextLocalTime('Europe/Berlin', '19:00', after, [7]).toISOString()).toBe(
      '2026-03-29T17:00:00.000Z',
    );
    expect(nextLocalTime('Europe/Berlin', '19:00', new Date('2026-03-29T17:00:00Z'), [7]).toISOString()).toBe(
      '2026-04-05T17:00:00.000Z',
    );
    expect(nextLocalTime('Asia/Tokyo', '08:00', after).toISOString()).toBe('2026-03-23T23:00:00.000Z');
  });

  it('formats one way per language, with the year only when it is not this year', () => {
    const viewer = { timezone: 'Europe/Moscow', now: new Date('2026-11-30T10:00:00Z') };
    const at = new Date('2026-11-30T20:13:00Z');
    expect(formatWhen(at, { ...viewer, language: 'en' })).toBe('Mon 30 Nov, 23:13');
    expect(formatWhen(at, { ...viewer, language: 'ru' })).toBe('пн 30 нояб., 23:13');
    expect(formatWhen(at, { ...viewer, language: 'en' }, { allDay: true })).toBe('Mon 30 Nov');
    expect(formatWhen(new Date('2027-01-04T09:00:00Z'), { ...viewer, language: 'en' })).toBe(
      'Mon 4 Jan 2027, 12:00',
    );
    expect(formatWhen(at, { ...viewer, language: 'en' }, { part: 'time' })).toBe('23:13');
  });
});
