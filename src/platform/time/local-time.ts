import { DateTime } from 'luxon';

/** The one timezone check: an IANA name the runtime knows ("Europe/Berlin"; not "CET+1"). */
export function isTimezone(timezone: string): boolean {
  if (!timezone) return false;
  if (knownZones.has(timezone)) return true;
  try {
    // Building a formatter costs about 0.1 ms, and every update checks its person's zone.
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    knownZones.add(timezone);
    return true;
  } catch {
    return false;
  }
}
/** Zones found valid (a few hundred at most exist; names that are not zones are not kept). */
const knownZones = new Set<string>();

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of "HH:MM[:SS]". */
export const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The next moment strictly after `after` at local "HH:MM" in the timezone, on one of `weekdays`
 * (ISO 1 = Monday … 7 = Sunday; empty = any day). A time skipped by DST moves forward like a wall clock.
 */
export function nextLocalTime(
  timezone: string,
  hhmm: string,
  after: Date,
  weekdays: readonly number[] = [],
): Date {
  const minutes = minutesOf(hhmm);
  const at = (day: DateTime) =>
    day.startOf('day').set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  let candidate = at(DateTime.fromJSDate(after, { zone: timezone }));
  for (let i = 0; i < 8 * 2; i++) {
    if (
      candidate.toMillis() > after.getTime() &&
      (weekdays.length === 0 || weekdays.includes(candidate.weekday))
    )
      return candidate.toJSDate();
    candidate = at(candidate.plus({ days: 1 }));
  }
  throw new Error(`no local time ${hhmm} on weekdays ${weekdays.join(',')}`);
}

/** The local calendar day around `at`: [start, end). */
export function localDay(timezone: string, at: Date): { from: Date; to: Date; isoDate: string } {
  const start = DateTime.fromJSDate(at, { zone: timezone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate(), isoDate: start.toISODate() ?? '' };
}

/** A wall-clock moment in the timezone: `days` after today's local date at hour:minute. */
export function localAt(timezone: string, now: Date, days: number, hour: number, minute = 0): Date {
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

/** The same local time of day as `at`, on the first day whose moment is still after `now` (a passed time moved on). */
export function sameTimeNextFree(timezone: string, at: Date, now: Date): Date {
  let moment = DateTime.fromJSDate(at, { zone: timezone });
  while (moment.toJSDate() <= now) moment = moment.plus({ days: 1 });
  return moment.toJSDate();
}
