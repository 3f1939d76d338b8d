import { DateTime } from 'luxon';

/** A local calendar date and time of day, as a person in some timezone would read it on a wall clock. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export { isTimezone } from '../time/local-time.ts';

/** The wall clock in `timezone` at `instant`. */
export function wallTimeAt(instant: Date, timezone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: timezone });
}

/**
 * The instant a wall-clock time happens in `timezone`. A time skipped by a spring-forward change
 * (02:30 in New York on the March change) moves forward by the gap, the way a wall clock does; an
 * ambiguous autumn time (01:30 in New York on the November change) takes the first, summer-time, one.
 */
export function instantOf(wall: WallTime, timezone: string): Date {
  const dt = DateTime.fromObject(wall, { zone: timezone });
  // luxon resolves an ambiguous time to the later (standard-time) instant; a reminder wants the first.
  const earlier = dt.minus({ hours: 1 });
  const sameWall = earlier.toFormat('yyyy-MM-dd HH:mm') === dt.toFormat('yyyy-MM-dd HH:mm');
  return (sameWall ? earlier : dt).toJSDate();
}

/**
 * chrono-node and rrule compute in one fixed offset. Giving them the wall clock as if it were UTC
 * ("floating" time) keeps their calendar arithmetic in local days; luxon then maps the result back
 * into the real zone, which is what makes DST transitions come out right.
 */
export function floating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, 0, 0));
}

export function wallOfFloating(date: Date): WallTime {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

/** ISO 8601 with the zone's offset at that instant, e.g. "2026-11-27T18:00:00+01:00". */
export function isoInZone(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '';
}
