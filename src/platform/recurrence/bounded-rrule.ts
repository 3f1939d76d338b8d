import rrulePackage, { type Options } from 'rrule';
import { DomainError } from '../errors/domain-error.ts';

// rrule ships CommonJS under "main": Node's ESM loader sees one default export, not named ones.
const { RRule } = rrulePackage;

/** How far ahead any search looks: a rule with nothing in this window counts as never occurring. */
export const SEARCH_YEARS = 5;
/** The most occurrences one listing may walk through. */
export const MAX_ITERATIONS = 5_000;
const LAST_YEAR = 9999; // rrule stops by itself after this year

/**
 * `rrule` cannot be interrupted: its iteration only checks UNTIL or a callback when it finds a
 * candidate, so a rule whose filters never match (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) walks day
 * by day to the year 9999 — seconds to minutes on the event loop. What does stop it is that year.
 * So every evaluation runs on a calendar moved forward by whole calendar-identical years (same
 * leap years, same weekday of 1 January, hence the same weeks), chosen so the year 9999 falls
 * shortly after the search window; results are moved back. The work is then bounded by the span
 * from the series' start to the window's end plus less than 28 years, whatever the rule.
 */
function calendarKey(year: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return new Date(Date.UTC(year, 0, 1)).getUTCDay() * 2 + (leap ? 1 : 0);
}

const shiftCache = new Map<string, number>();
function shiftYears(firstYear: number, lastYear: number): number {
  const key = `${firstYear}:${lastYear}`;
  const cached = shiftCache.get(key);
  if (cached !== undefined) return cached;
  let found = Math.floor((LAST_YEAR - lastYear) / 400) * 400; // always exact, possibly a long way off
  for (let s = LAST_YEAR - lastYear; s > found; s--) {
    let same = true;
    for (let y = firstYear; y <= LAST_YEAR - s && same; y++) same = calendarKey(y) === calendarKey(y + s);
    if (same) {
      found = s;
      break;
    }
  }
  if (shiftCache.size > 1000) shiftCache.clear();
  shiftCache.set(key, found);
  return found;
}

function moved(date: Date, years: number): Date {
  const copy = new Date(date.getTime());
  copy.setUTCFullYear(copy.getUTCFullYear() + years);
  return copy;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const asList = <T>(v: T | T[] | null | undefined): T[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];

/** A rule (options without DTSTART, already checked by checkRrule) anchored at a floating start. */
export interface AnchoredRule {
  options: Partial<Options>;
  dtstart: Date;
}

const never = (why: string) => new DomainError('unprocessable', 'rrule_never', why);

function prepare(
  rule: AnchoredRule,
  until: Date,
): { shifted: InstanceType<typeof RRule>; years: number } | null {
  const { options, dtstart } = rule;
  if (options.interval !== undefined && (options.interval ?? 1) < 1)
    throw never('INTERVAL must be at least 1');
  // rrule's hour stepping loops forever when INTERVAL never lands on a BYHOUR value (dateutil does too).
  if (options.freq === RRule.HOURLY) {
    const step = gcd(options.interval ?? 1, 24);
    const hours = asList(options.byhour);
    if (hours.length > 0 && !hours.some((h) => (((h - dtstart.getUTCHours()) % step) + step) % step === 0))
      throw never(`every ${options.interval} hours from ${dtstart.getUTCHours()}:00 never reaches BYHOUR`);
  }
  // Every step of a daily rule with INTERVAL a multiple of 7 lands on DTSTART's weekday.
  if (options.freq === RRule.DAILY && (options.interval ?? 1) % 7 === 0) {
    const days = asList(options.byweekday as unknown as Array<number | { weekday: number }> | null);
    const weekday = (dtstart.getUTCDay() + 6) % 7; // rrule counts from Monday
    if (days.length > 0 && !days.some((d) => (typeof d === 'number' ? d : d.weekday) === weekday))
      return null;
  }
  const years = shiftYears(dtstart.getUTCFullYear(), until.getUTCFullYear());
  if (!daysExist(options, dtstart, until, years)) return null;
  const shifted = new RRule({
    ...options,
    dtstart: moved(dtstart, years),
    ...(options.until ? { until: moved(options.until, years) } : {}),
    tzid: null,
  });
  return { shifted, years };
}

const DAY_FILTERS = ['bymonth', 'bymonthday', 'byyearday', 'byweekno'] as const;
const EVERY_WEEKDAY = [0, 1, 2, 3, 4, 5, 6];
/**
 * Daily and hourly rules walk day by day, so filters that no day matches (BYMONTH=2;BYMONTHDAY=30)
 * cost `rrule` tens of milliseconds per year searched. The same day filters as a YEARLY rule
 * walk a year per step: if no day of the window passes them, the rule has nothing to offer.
 */
function daysExist(options: Partial<Options>, dtstart: Date, until: Date, years: number): boolean {
  if (options.freq !== RRule.DAILY && options.freq !== RRule.HOURLY) return true;
  if (!DAY_FILTERS.some((k) => asList(options[k] as number | number[] | null).length > 0)) return true;
  const day = moved(
    new Date(Date.UTC(dtstart.getUTCFullYear(), dtstart.getUTCMonth(), dtstart.getUTCDate())),
    years,
  );
  const probe = new RRule({
    freq: RRule.YEARLY,
    dtstart: day,
    ...Object.fromEntries(DAY_FILTERS.map((k) => [k, options[k] ?? null])),
    // An explicit weekday list stops rrule from filling a missing BYMONTHDAY in from DTSTART.
    byweekday: options.byweekday ?? EVERY_WEEKDAY,
    byhour: 0,
    byminute: 0,
    bysecond: 0,
    tzid: null,
  });
  return probe.between(day, moved(until, years), true, (_, i) => i < 1).length > 0;
}

/** The first occurrence after `cursor` (or at it when inclusive) within SEARCH_YEARS, or null. */
export function boundedAfter(rule: AnchoredRule, cursor: Date, inclusive = false): Date | null {
  const before = cursor.getTime() < rule.dtstart.getTime();
  const from = before ? rule.dtstart : cursor;
  const end = moved(from, SEARCH_YEARS);
  const prepared = prepare(rule, end);
  if (!prepared) return null;
  const { shifted, years } = prepared;
  const found = shifted.between(moved(from, years), moved(end, years), before || inclusive, (_, i) => i < 1);
  const first = found[0];
  return first ? moved(first, -years) : null;
}

/** Occurrences in [from, to] (at most `limit`, and never a window longer than SEARCH_YEARS). */
export function boundedBetween(rule: AnchoredRule, from: Date, to: Date, limit: number): Date[] {
  const end = new Date(Math.min(to.getTime(), moved(from, SEARCH_YEARS).getTime()));
  if (end.getTime() < from.getTime()) return [];
  const prepared = prepare(rule, end);
  if (!prepared) return [];
  const { shifted, years } = prepared;
  const cap = Math.min(limit, MAX_ITERATIONS);
  return shifted
    .between(moved(from, years), moved(end, years), true, (_, i) => i < cap)
    .map((d) => moved(d, -years));
}
