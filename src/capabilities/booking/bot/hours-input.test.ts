import { describe, expect, it } from 'vitest';
import { clockMinutes, parseHours } from './hours-input.ts';

const week = (
  days: number[],
  start: number,
  end: number,
  breaks: Array<{ start: number; end: number }> = [],
) => days.map((weekday) => ({ weekday, start, end, breaks }));

describe('working hours as typed', () => {
  it.each([
    ['Mon-Fri 9-18', week([1, 2, 3, 4, 5], 540, 1080)],
    ['пн-пт 9-18', week([1, 2, 3, 4, 5], 540, 1080)],
    ['9am-6pm', week([1, 2, 3, 4, 5, 6, 7], 540, 1080)],
    ['1-5 09:00-18:00 13:00-14:00', week([1, 2, 3, 4, 5], 540, 1080, [{ start: 780, end: 840 }])],
    ['Пн-Пт с 9 до 18 обед 13-14', week([1, 2, 3, 4, 5], 540, 1080, [{ start: 780, end: 840 }])],
    ['mon, wed, fri 10:30-19:00', week([1, 3, 5], 630, 1140)],
    ['Sat-Sun 10am-2pm', week([6, 7], 600, 840)],
    ['сб 10.00–15.00', week([6], 600, 900)],
  ])('%s', (typed, expected) => {
    expect(parseHours(typed)).toEqual(expected);
  });

  it('reads several rules', () => {
    expect(parseHours('Mon-Fri 9-18; Sat 10-14')).toEqual([
      ...week([1, 2, 3, 4, 5], 540, 1080),
      ...week([6], 600, 840),
    ]);
  });

  it.each([
    '',
    'whenever',
    'Mon-Fri 18-9',
    'Mon 9:10-18',
    'Mon 9-18 break 8-9',
    'Mon 9-18; Mon 10-12',
    'Funday 9-18',
    '13pm-14pm',
  ])('refuses %j', (typed) => {
    expect(parseHours(typed)).toBeNull();
  });

  it('clock times', () => {
    expect(clockMinutes('12am')).toBe(0);
    expect(clockMinutes('12pm')).toBe(720);
    expect(clockMinutes('6.30 pm')).toBe(1110);
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('25')).toBeNull();
  });
});
