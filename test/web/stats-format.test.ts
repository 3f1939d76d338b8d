// The Stats page's bars and dates: scaled to the busiest day, labelled so they fit 360 px.
import { describe, expect, it } from 'vitest';
import {
  dayBars,
  formatRange,
  percent,
  weekdayName,
} from '../../web/src/capabilities/insights/stats-format.ts';

const days = (counts: number[], start = '2026-11-30') =>
  counts.map((completed, i) => {
    const date = new Date(`${start}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    return { date: date.toISOString().slice(0, 10), completed };
  });

describe('stats bars', () => {
  it('scales a week to its busiest day and labels each day with its weekday', () => {
    const bars = dayBars(days([0, 1, 4, 2, 0, 0, 8]), 'en');
    expect(bars.map((b) => b.height)).toEqual([0, 13, 50, 25, 0, 0, 100]);
    expect(bars.map((b) => b.label)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(dayBars(days([2, 1]), 'ru').map((b) => [b.height, b.label])).toEqual([
      [100, 'пн'],
      [50, 'вт'],
    ]);
  });

  it('gives a day with one completion a visible sliver and an empty period no bars above zero', () => {
    expect(dayBars(days([1, 0, 200]), 'en').map((b) => b.height)).toEqual([4, 0, 100]);
    expect(dayBars(days([0, 0, 0]), 'en').map((b) => b.height)).toEqual([0, 0, 0]);
  });

  it('labels a month with every fifth day of the month and its last day', () => {
    const bars = dayBars(days(Array(31).fill(1), '2026-12-01'), 'en');
    expect(bars.filter((b) => b.label).map((b) => b.label)).toEqual(['1', '6', '11', '16', '21', '26', '31']);
  });
});

describe('stats words', () => {
  it('reads local dates, weekdays and rates in both languages', () => {
    expect(formatRange('2026-11-30', '2026-12-06', 'en')).toBe('30 Nov – 6 Dec');
    expect(formatRange('2026-11-30', '2026-12-06', 'ru')).toBe('30 нояб. – 6 дек.');
    expect(formatRange('2026-12-01', '2026-12-01', 'en')).toBe('1 Dec');
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'ru')).toBe('воскресенье');
    expect(percent(null)).toBe('—');
    expect(percent(75)).toBe('75%');
  });
});
