import { DateTime } from 'luxon';
import { DomainError } from '../../../platform/errors/domain-error.ts';

// Pure slot arithmetic. Times of day are minutes from local midnight in the location's zone;
// instants are epoch milliseconds. Nothing here reads a clock or a database.

export const GRID_MINUTES = 15;
const MINUTE = 60_000;
const GRID = GRID_MINUTES * MINUTE;

export interface Interval {
  from: number;
  to: number;
}
export interface MinuteRange {
  start: number;
  end: number;
}
export interface WeeklyHours extends MinuteRange {
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
  breaks: MinuteRange[];
}
export type DayException = { kind: 'day_off' } | { kind: 'extra'; start: number; end: number };
export interface ServiceRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxDaysAhead: number;
}

interface DayFrame {
  weekday: number;
  midnight: number;
  /** True when the zone's offset is the same all day (no DST change): minutes map linearly. */
  linear: boolean;
  zone: string;
  day: string;
}

const frames = new Map<string, DayFrame>();

/** Midnight and weekday of a local day, memoized (zones and days repeat across specialists). */
export function dayFrame(day: string, zone: string): DayFrame {
  const key = `${zone}|${day}`;
  const hit = frames.get(key);
  if (hit) return hit;
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  if (!start.isValid) throw new Error(`invalid day ${day} in ${zone}`);
  const next = start.plus({ days: 1 });
  const frame: DayFrame = {
    weekday: start.weekday,
    midnight: start.toMillis(),
    linear: next.toMillis() - start.toMillis() === 1440 * MINUTE && start.offset === next.offset,
    zone,
    day,
  };
  if (frames.size > 20_000) frames.clear();
  frames.set(key, frame);
  return frame;
}

/** The instant of a local minute of the day; a minute inside a spring-forward gap moves past it. */
export function localInstant(frame: DayFrame, minute: number): number {
  if (frame.linear) return frame.midnight + minute * MINUTE;
  if (minute >= 1440)
    return DateTime.fromMillis(frame.midnight, { zone: frame.zone }).plus({ days: 1 }).toMillis();
  const [y, m, d] = frame.day.split('-').map(Number) as [number, number, number];
  const hour = Math.floor(minute / 60);
  return DateTime.fromObject(
    { year: y, month: m, day: d, hour, minute: minute % 60 },
    { zone: frame.zone },
  ).toMillis();
}

/** Removes `cuts` from `ranges` (both sorted or not); returns sorted, non-empty pieces. */
export function subtract<T extends { from: number; to: number }>(ranges: Interval[], cuts: T[]): Interval[] {
  let pieces = [...ranges].sort((a, b) => a.from - b.from);
  for (const cut of cuts) {
    const next: Interval[] = [];
    for (const p of pieces) {
      if (cut.to <= p.from || cut.from >= p.to) next.push(p);
      else {
        if (cut.from > p.from) next.push({ from: p.from, to: cut.from });
        if (cut.to < p.to) next.push({ from: cut.to, to: p.to });
      }
    }
    pieces = next;
  }
  return pieces;
}

/**
 * Working windows of one specialist at one location on a local day: the weekly hours of that
 * weekday minus their breaks, replaced by nothing on a day off, plus any extra hours.
 */
export function openWindows(
  day: string,
  zone: string,
  hours: WeeklyHours[],
  exceptions: DayException[],
): Interval[] {
  const frame = dayFrame(day, zone);
  const at = (minute: number) => localInstant(frame, minute);
  const dayOff = exceptions.some((e) => e.kind === 'day_off');
  const windows: Interval[] = [];
  if (!dayOff) {
    for (const h of hours) {
      if (h.weekday !== frame.weekday) continue;
      const breaks = h.breaks.map((b) => ({ from: at(b.start), to: at(b.end) }));
      windows.push(...subtract([{ from: at(h.start), to: at(h.end) }], breaks));
    }
  }
  for (const e of exceptions) if (e.kind === 'extra') windows.push({ from: at(e.start), to: at(e.end) });
  return subtract(windows, []);
}

/**
 * Start instants on the 15-minute grid where the visit fits inside a window, the visit with its
 * buffers overlaps no busy range, the start respects the minimum notice, and the day is not
 * further ahead than allowed. `today` is the location's local date of `now`.
 */
export function freeStarts(input: {
  day: string;
  today: string;
  windows: Interval[];
  busy: Interval[];
  rules: ServiceRules;
  now: number;
}): number[] {
  const { rules, busy } = input;
  if (input.day < input.today || daysBetween(input.today, input.day) > input.rules.maxDaysAhead) return [];
  const duration = rules.durationMinutes * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const earliest = input.now + rules.minNoticeMinutes * MINUTE;
  const starts: number[] = [];
  for (const w of input.windows) {
    // Windows begin on local quarter-hours (hours are validated to the grid) and zone offsets move
    // in whole quarters, so stepping in absolute time stays on the local grid across a DST change.
    for (let s = w.from; s + duration <= w.to; s += GRID) {
      if (s < earliest) continue;
      const from = s - before;
      const to = s + duration + after;
      if (busy.some((b) => b.from < to && b.to > from)) continue;
      starts.push(s);
    }
  }
  return starts.sort((a, b) => a - b);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The longest range of days one slot search covers (a booking page shows a few weeks). */
export const MAX_RANGE_DAYS = 62;

/**
 * Local dates from `from` to `to` inclusive (YYYY-MM-DD). The span is checked by arithmetic
 * before a single day is built: 0000-01-01…9999-12-31 would be 3.6 million strings.
 */
export function daysInRange(from: string, to: string, maxDays = MAX_RANGE_DAYS): string[] {
  const span = daysBetween(from, to) + 1;
  if (!(span >= 1))
    throw new DomainError('invalid', 'booking_range_invalid', 'from must be a date not after to');
  if (span > maxDays)
    throw new DomainError(
      'unprocessable',
      'booking_range_too_long',
      `The range is at most ${maxDays} days, not ${span}`,
      { maxDays },
    );
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** "Any specialist": one slot per start, taken by the first specialist (in the given order) free then. */
export function mergeAny(perSpecialist: Array<{ specialistId: string; starts: number[] }>) {
  const byStart = new Map<number, string>();
  for (const s of perSpecialist)
    for (const start of s.starts) if (!byStart.has(start)) byStart.set(start, s.specialistId);
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, specialistId]) => ({ start, specialistId }));
}
