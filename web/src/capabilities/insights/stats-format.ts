// The Stats page's dense bits, kept free of React so they are unit-tested on their own.
import type { Language } from '../../api.ts';

const locale = (language: Language) => (language === 'ru' ? 'ru-RU' : 'en-GB');
/** A local date "2026-12-01" as an instant that reads as that date in UTC. */
const utcNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "30 Nov – 6 Dec" (a local date range; the dates are already in the user's timezone). */
export function formatRange(from: string, to: string, language: Language): string {
  const f = new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return from === to ? f.format(utcNoon(from)) : `${f.format(utcNoon(from))} – ${f.format(utcNoon(to))}`;
}

/** An ISO weekday (1 = Monday) in words: "Tuesday" / "вторник". */
export function weekdayName(isoWeekday: number, language: Language): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoWeekday, 12));
  return new Intl.DateTimeFormat(locale(language), { weekday: 'long', timeZone: 'UTC' }).format(date);
}

export interface Bar {
  date: string;
  completed: number;
  /** Height in percent of the tallest bar; a day with any completion shows at least a sliver. */
  height: number;
  /** Under the bar: a short weekday for a week, the day of the month for longer periods (every few). */
  label: string;
}

/** Completions per day as bars scaled to the busiest day. */
export function dayBars(
  perDay: ReadonlyArray<{ date: string; completed: number }>,
  language: Language,
): Bar[] {
  const max = Math.max(0, ...perDay.map((d) => d.completed));
  const short = perDay.length <= 7;
  const weekday = new Intl.DateTimeFormat(locale(language), { weekday: 'short', timeZone: 'UTC' });
  // About seven labels fit under the bars at 360 px.
  const step = Math.max(1, Math.ceil(perDay.length / 7));
  return perDay.map((d, i) => ({
    date: d.date,
    completed: d.completed,
    height: max === 0 ? 0 : Math.max(d.completed > 0 ? 4 : 0, Math.round((d.completed / max) * 100)),
    label: short
      ? weekday.format(utcNoon(d.date))
      : i % step === 0 || i === perDay.length - 1
        ? String(Number(d.date.slice(8, 10)))
        : '',
  }));
}

/** A percentage, or a dash when there was nothing to measure. */
export const percent = (value: number | null) => (value === null ? '—' : `${value}%`);
