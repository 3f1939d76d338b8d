import { DateTime } from 'luxon';
import type { TaskView } from './task-types.ts';

/** The half-open range [from, to) of deadlines a list view covers, in the user's timezone. */
export function viewRange(view: TaskView, timezone: string, now: Date): { from?: Date; to?: Date } {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const today = local.startOf('day');
  switch (view) {
    case 'today':
      return { from: today.toJSDate(), to: today.plus({ days: 1 }).toJSDate() };
    case 'upcoming':
      return { from: today.plus({ days: 1 }).toJSDate() };
    case 'overdue':
      return { to: now };
    case 'done':
      return {};
  }
}

/** A wall-clock moment in the timezone: `days` after today's local date at hour:minute. */
export function localAt(timezone: string, now: Date, days: number, hour: number, minute: number): Date {
  return DateTime.fromJSDate(now, { zone: timezone })
    .startOf('day')
    .plus({ days })
    .set({ hour, minute })
    .toJSDate();
}

/** A local calendar date ("2026-03-07") at hour:minute in the timezone; null if it is not a date. */
export function localDateAt(timezone: string, isoDate: string, hour: number, minute: number): Date | null {
  const day = DateTime.fromISO(isoDate, { zone: timezone });
  if (!day.isValid) return null;
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

export function localIsoDate(timezone: string, at: Date): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? '';
}

/** "Fri 7 Mar, 18:00" / "пт, 7 мар., 18:00" in the user's timezone (year shown when not this year). */
export function formatDue(at: Date, timezone: string, language: string, now: Date): string {
  const local = DateTime.fromJSDate(at, { zone: timezone }).setLocale(language);
  const sameYear = local.year === DateTime.fromJSDate(now, { zone: timezone }).year;
  return local.toFormat(sameYear ? 'ccc d MMM, HH:mm' : 'ccc d MMM yyyy, HH:mm');
}
