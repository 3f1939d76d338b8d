import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { type AnchoredRule, boundedAfter, boundedBetween } from '../../platform/recurrence/bounded-rrule.ts';
import { checkRrule, refuseImpossibleDays, rruleInvalid } from '../../platform/recurrence/rrule-guard.ts';

// rrule ships CommonJS under "main": Node's ESM loader sees one default export, not named ones.
const { RRule } = rrulePackage;

/** A series as stored: RRULE without DTSTART in local wall-clock time, anchored at startsAt in timezone. */
export interface Series {
  rrule: string | null;
  startsAt: Date;
  timezone: string;
}

/**
 * Checks an RRULE as the parser and the API give it (optionally prefixed "RRULE:") and returns it
 * in canonical form. No DTSTART/TZID (the series is anchored by startsAt and the timezone), nothing
 * more frequent than hourly; every part range-checked (a 422 naming the bad part otherwise); no
 * day filter that no month can meet.
 */
export function normalizeRrule(input: string): string {
  const rule = checkRrule(input);
  refuseImpossibleDays(rule);
  try {
    return RRule.optionsToString(RRule.parseString(rule)).replace(/^RRULE:/, '');
  } catch (error) {
    throw rruleInvalid(input, (error as Error).message);
  }
}

/** The wall-clock reading of `instant` in `timezone`, as a UTC Date (how rrule computes: "floating"). */
export function toFloating(instant: Date, timezone: string): Date {
  const l = DateTime.fromJSDate(instant, { zone: timezone });
  return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond));
}

/** The instant a floating wall-clock reading stands for in `timezone` (a time skipped by DST moves forward). */
export function fromFloating(floating: Date, timezone: string): Date {
  return DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      second: floating.getUTCSeconds(),
    },
    { zone: timezone },
  ).toJSDate();
}

/** A stored rule is checked again before use: rows written before the guard existed may be anything. */
function buildRule(series: Series & { rrule: string }): AnchoredRule {
  const options = RRule.parseString(checkRrule(series.rrule));
  const dtstart = toFloating(series.startsAt, series.timezone);
  dtstart.setUTCMilliseconds(0);
  // "Monthly on the 31st" means the last day in shorter months, not skipping them (RFC 5545 would).
  if (options.freq === RRule.MONTHLY && !options.byweekday && !options.bysetpos) {
    const days = options.bymonthday ?? dtstart.getUTCDate();
    const day = Array.isArray(days) ? (days.length === 1 ? days[0] : undefined) : days;
    if (day !== undefined && day >= 29) {
      options.bymonthday = Array.from({ length: day - 27 }, (_, i) => 28 + i);
      options.bysetpos = [-1];
    }
  }
  return { options, dtstart };
}

/**
 * The first occurrence strictly after `after` (or at it, when inclusive), in real time. Works in
 * floating time and converts back, so 08:30 stays 08:30 local across DST changes.
 */
export function occurrenceAfter(series: Series, after: Date, inclusive = false): Date | null {
  const isLater = (d: Date) =>
    d.getTime() > after.getTime() || (inclusive && d.getTime() === after.getTime());
  if (!series.rrule) return isLater(series.startsAt) ? series.startsAt : null;
  const rule = buildRule({ ...series, rrule: series.rrule });
  let cursor = toFloating(after, series.timezone);
  let include = inclusive;
  // Around a fall-back change a floating time maps to an instant already passed: step on.
  for (let i = 0; i < 4; i++) {
    const next = boundedAfter(rule, cursor, include);
    if (!next) return null;
    const real = fromFloating(next, series.timezone);
    if (isLater(real)) return real;
    cursor = next;
    include = false;
  }
  return null;
}

/** Occurrences in [from, to), at most `limit`. */
export function occurrencesBetween(series: Series, from: Date, to: Date, limit = 100): Date[] {
  const inRange = (d: Date) => d.getTime() >= from.getTime() && d.getTime() < to.getTime();
  if (!series.rrule) return inRange(series.startsAt) ? [series.startsAt] : [];
  const rule = buildRule({ ...series, rrule: series.rrule });
  const day = 86_400_000;
  const floating = boundedBetween(
    rule,
    new Date(toFloating(from, series.timezone).getTime() - day),
    new Date(toFloating(to, series.timezone).getTime() + day),
    limit + 8,
  );
  return floating
    .map((d) => fromFloating(d, series.timezone))
    .filter(inRange)
    .slice(0, limit);
}

/** Whether the series has any occurrence at all from `from` on (a COUNT/UNTIL may have run out). */
export const hasOccurrenceFrom = (series: Series, from: Date) => occurrenceAfter(series, from, true) !== null;
