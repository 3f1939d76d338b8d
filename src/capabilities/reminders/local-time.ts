import { DateTime } from 'luxon';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The next moment strictly after `after` at local "HH:MM" in the timezone. */
export function nextLocalTime(timezone: string, hhmm: string, after: Date): Date {
  const minutes = minutesOf(hhmm);
  const local = DateTime.fromJSDate(after, { zone: timezone });
  let candidate = local.startOf('day').set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  while (candidate.toMillis() <= after.getTime()) {
    candidate = candidate
      .plus({ days: 1 })
      .startOf('day')
      .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  }
  return candidate.toJSDate();
}

/** The local calendar day around `at`: [start, end). */
export function localDay(timezone: string, at: Date): { from: Date; to: Date; isoDate: string } {
  const start = DateTime.fromJSDate(at, { zone: timezone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate(), isoDate: start.toISODate() ?? '' };
}

/** Tomorrow at hour:minute local. */
export function tomorrowAt(timezone: string, now: Date, hour: number, minute = 0): Date {
  return DateTime.fromJSDate(now, { zone: timezone })
    .startOf('day')
    .plus({ days: 1 })
    .set({ hour, minute })
    .toJSDate();
}

/** "HH:MM" of an instant in the timezone, and a short local date-time for messages. */
export function formatLocal(at: Date, timezone: string, language: string, withDate = true): string {
  const local = DateTime.fromJSDate(at, { zone: timezone }).setLocale(language);
  return withDate ? local.toFormat('d MMM HH:mm') : local.toFormat('HH:mm');
}
