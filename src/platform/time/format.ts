import { DateTime } from 'luxon';

/**
 * THE date/time formatter for what users read (one per language, so a chat never mixes styles):
 * "Fri 7 Mar, 18:00" / "пт 7 мар., 18:00"; the year only when it is not this year; no time for an
 * all-day date; `time` alone gives "18:00"; `day` is a heading for a whole day ("Tuesday 16 March").
 */
export function formatWhen(
  at: Date,
  viewer: { timezone: string; language: string; now: Date },
  options: { allDay?: boolean; part?: 'date-time' | 'time' | 'day' } = {},
): string {
  const local = DateTime.fromJSDate(at, { zone: viewer.timezone }).setLocale(viewer.language);
  if (options.part === 'time') return local.toFormat('HH:mm');
  if (options.part === 'day') return local.toFormat('cccc d MMMM');
  const sameYear = local.year === DateTime.fromJSDate(viewer.now, { zone: viewer.timezone }).year;
  const date = sameYear ? 'ccc d MMM' : 'ccc d MMM yyyy';
  return local.toFormat(options.allDay ? date : `${date}, HH:mm`);
}
