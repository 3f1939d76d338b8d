import { and, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Queryable } from '../../../platform/db/database.ts';
import {
  bookingAssignments,
  bookingExceptions,
  bookingHours,
  bookingSpecialists,
  bookings,
  type LocationRow,
  type ServiceRow,
} from '../booking-tables.ts';
import {
  type DayException,
  daysInRange,
  freeStarts,
  type Interval,
  mergeAny,
  openWindows,
  type WeeklyHours,
} from './slot-engine.ts';

export interface Slot {
  start: Date;
  end: Date;
  specialistId: string;
}

interface DayEntry {
  windows: Interval[];
  busy: Interval[];
  at: number;
  /** Free starts per service shape, before the notice cut (which depends on "now"). */
  starts: Map<string, number[]>;
}

/** Entries live this long even without a local write: other processes' writes reach us by expiry. */
const TTL_MS = 30_000;

/**
 * Availability with a cache per (specialist, location, day) of that day's working windows and
 * taken ranges. Every write that changes them calls `invalidate(specialistId)` in this process;
 * the database's exclusion constraint stays the guard against a stale view elsewhere.
 */
export function createSlotService(deps: { now: () => Date }) {
  const cache = new Map<string, Map<string, DayEntry>>();

  async function loadDays(
    db: Queryable,
    location: LocationRow,
    specialistIds: string[],
    days: string[],
  ): Promise<void> {
    const zone = location.timezone;
    const first = days[0] as string;
    const last = days.at(-1) as string;
    const rangeFrom = DateTime.fromISO(first, { zone }).minus({ days: 1 }).toJSDate();
    const rangeTo = DateTime.fromISO(last, { zone }).plus({ days: 2 }).toJSDate();
    const [hours, exceptions, taken] = await Promise.all([
      db
        .select()
        .from(bookingHours)
        .where(
          and(inArray(bookingHours.specialistId, specialistIds), eq(bookingHours.locationId, location.id)),
        ),
      db
        .select()
        .from(bookingExceptions)
        .where(
          and(
            inArray(bookingExceptions.specialistId, specialistIds),
            eq(bookingExceptions.locationId, location.id),
            gte(bookingExceptions.day, first),
            lte(bookingExceptions.day, last),
          ),
        ),
      // A specialist's bookings at any location take their time.
      db
        .select({ specialistId: bookings.specialistId, from: bookings.blockedFrom, to: bookings.blockedTo })
        .from(bookings)
        .where(
          and(
            inArray(bookings.specialistId, specialistIds),
            ne(bookings.status, 'cancelled'),
            sql`${bookings.blockedTo} > ${rangeFrom} and ${bookings.blockedFrom} < ${rangeTo}`,
          ),
        ),
    ]);
    const at = deps.now().getTime();
    for (const specialistId of specialistIds) {
      const weekly: WeeklyHours[] = hours
        .filter((h) => h.specialistId === specialistId)
        .map((h) => ({ weekday: h.weekday, start: h.startMinute, end: h.endMinute, breaks: h.breaks }));
      const busy = taken
        .filter((b) => b.specialistId === specialistId)
        .map((b) => ({ from: b.from.getTime(), to: b.to.getTime() }));
      const perDay = cache.get(specialistId) ?? new Map<string, DayEntry>();
      cache.set(specialistId, perDay);
      for (const day of days) {
        const dayExceptions: DayException[] = exceptions
          .filter((e) => e.specialistId === specialistId && e.day === day)
          .map((e) =>
            e.kind === 'day_off'
              ? { kind: 'day_off' }
              : { kind: 'extra', start: e.startMinute ?? 0, end: e.endMinute ?? 0 },
          );
        const windows = openWindows(day, zone, weekly, dayExceptions);
        const lo = windows[0]?.from ?? 0;
        const hi = windows.at(-1)?.to ?? 0;
        // Keep only the taken ranges near this day's windows (buffers reach at most 4 h out).
        const near = busy.filter((b) => b.to > lo - 4 * 3_600_000 && b.from < hi + 4 * 3_600_000);
        perDay.set(`${location.id}|${day}`, { windows, busy: near, at, starts: new Map() });
      }
    }
  }

  return {
    /** Specialists who offer the service at the location (optionally just one), in a stable order. */
    async candidates(
      db: Queryable,
      serviceId: string,
      locationId: string,
      specialistId?: string,
    ): Promise<string[]> {
      const rows = await db
        .select({ id: bookingSpecialists.id })
        .from(bookingSpecialists)
        .innerJoin(bookingAssignments, eq(bookingAssignments.specialistId, bookingSpecialists.id))
        .where(
          and(
            eq(bookingSpecialists.active, true),
            isNull(bookingSpecialists.archivedAt),
            eq(bookingAssignments.serviceId, serviceId),
            eq(bookingAssignments.locationId, locationId),
            specialistId ? eq(bookingSpecialists.id, specialistId) : undefined,
          ),
        )
        .orderBy(bookingSpecialists.createdAt, bookingSpecialists.id);
      return rows.map((r) => r.id);
    },

    /** Free slots from `from` to `to` (local dates, inclusive); with several specialists, merged ("any"). */
    async slots(
      db: Queryable,
      input: {
        location: LocationRow;
        service: ServiceRow;
        specialistIds: string[];
        from: string;
        to: string;
        merge: boolean;
        /** A booking being moved: its own time does not count as taken. */
        ignore?: { blockedFrom: Date; blockedTo: Date } | undefined;
      },
    ): Promise<Slot[]> {
      const days = daysInRange(input.from, input.to);
      if (input.specialistIds.length === 0) return [];
      const nowMs = deps.now().getTime();
      const zone = input.location.timezone;
      const fresh = nowMs - TTL_MS;
      const missing = input.specialistIds.filter((id) =>
        days.some((d) => {
          const e = cache.get(id)?.get(`${input.location.id}|${d}`);
          return !e || e.at < fresh;
        }),
      );
      if (missing.length) await loadDays(db, input.location, missing, days);
      const today = DateTime.fromMillis(nowMs, { zone }).toISODate() as string;
      const rules = input.service;
      const duration = rules.durationMinutes * 60_000;
      const shape = `${rules.durationMinutes}|${rules.bufferBeforeMinutes}|${rules.bufferAfterMinutes}|${rules.maxDaysAhead}|${today}`;
      const earliest = nowMs + rules.minNoticeMinutes * 60_000;
      const ig = input.ignore;
      const per = input.specialistIds.map((specialistId) => {
        const starts: number[] = [];
        for (const day of days) {
          const e = cache.get(specialistId)?.get(`${input.location.id}|${day}`) as DayEntry;
          let free = ig ? undefined : e.starts.get(shape);
          if (!free) {
            const busy = ig
              ? e.busy.filter((b) => b.from !== ig.blockedFrom.getTime() || b.to !== ig.blockedTo.getTime())
              : e.busy;
            free = freeStarts({
              day,
              today,
              windows: e.windows,
              busy,
              rules: { ...rules, minNoticeMinutes: 0 },
              now: -Infinity,
            });
            if (!ig) e.starts.set(shape, free);
          }
          for (const start of free) if (start >= earliest) starts.push(start);
        }
        return { specialistId, starts };
      });
      const merged = input.merge
        ? mergeAny(per)
        : per
            .flatMap((p) => p.starts.map((start) => ({ start, specialistId: p.specialistId })))
            .sort((a, b) => a.start - b.start);
      return merged.map((s) => ({
        start: new Date(s.start),
        end: new Date(s.start + duration),
        specialistId: s.specialistId,
      }));
    },

    /** Drops every cached day of a specialist (a booking, hours or exception of theirs changed). */
    invalidate(specialistId: string): void {
      cache.delete(specialistId);
    },
  };
}

export type SlotService = ReturnType<typeof createSlotService>;
export type { ServiceRow };
