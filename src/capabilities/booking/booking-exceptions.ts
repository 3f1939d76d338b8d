import { and, asc, eq, gte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { bookingExceptions, bookingSpecialistLocations } from './booking-tables.ts';
import type { SlotService } from './slots/slot-service.ts';

export interface ExceptionInput {
  specialistId: string;
  locationId: string;
  /** The location's local date, YYYY-MM-DD. */
  day: string;
  /** With start and end (minutes from midnight): extra hours that day; without: a day off. */
  start?: number;
  end?: number;
}

export type ExceptionRow = typeof bookingExceptions.$inferSelect;

/** Date exceptions (day off, extra hours): the API and the bot's /admin both call these. */
export function createExceptionSetup(deps: { db: Db; slots: SlotService }) {
  const { db } = deps;
  const linked = async (specialistId: string, locationId: string) => {
    const [link] = await db
      .select()
      .from(bookingSpecialistLocations)
      .where(
        and(
          eq(bookingSpecialistLocations.specialistId, specialistId),
          eq(bookingSpecialistLocations.locationId, locationId),
        ),
      );
    if (!link)
      throw new DomainError('not_found', 'booking_specialist_missing', 'No such specialist at this location');
  };
  return {
    async addException(input: ExceptionInput): Promise<ExceptionRow> {
      if (!DateTime.fromISO(input.day).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(input.day))
        throw new DomainError('invalid', 'booking_day_invalid', `Not a date: ${input.day}`);
      const extra = input.start !== undefined && input.end !== undefined;
      if ((input.start === undefined) !== (input.end === undefined))
        throw new DomainError('invalid', 'booking_hours_invalid', 'Extra hours need both a start and an end');
      if (extra && (input.end as number) <= (input.start as number))
        throw new DomainError('invalid', 'booking_hours_invalid', 'The end must follow the start');
      await linked(input.specialistId, input.locationId);
      const [row] = await db
        .insert(bookingExceptions)
        .values({
          id: uuidv7(),
          specialistId: input.specialistId,
          locationId: input.locationId,
          day: input.day,
          kind: extra ? 'extra' : 'day_off',
          startMinute: input.start ?? null,
          endMinute: input.end ?? null,
        })
        .returning();
      deps.slots.invalidate(input.specialistId);
      return row as ExceptionRow;
    },

    /** A specialist's exceptions from `fromDay` on (all when omitted), by day. */
    listExceptions(specialistId: string, fromDay?: string): Promise<ExceptionRow[]> {
      return db
        .select()
        .from(bookingExceptions)
        .where(
          and(
            eq(bookingExceptions.specialistId, specialistId),
            fromDay ? gte(bookingExceptions.day, fromDay) : undefined,
          ),
        )
        .orderBy(asc(bookingExceptions.day), asc(bookingExceptions.startMinute));
    },

    async removeException(specialistId: string, exceptionId: string): Promise<void> {
      const gone = await db
        .delete(bookingExceptions)
        .where(and(eq(bookingExceptions.id, exceptionId), eq(bookingExceptions.specialistId, specialistId)))
        .returning({ id: bookingExceptions.id });
      if (gone.length === 0)
        throw new DomainError(
          'not_found',
          'booking_exception_missing',
          'No such exception for this specialist',
        );
      deps.slots.invalidate(specialistId);
    },

    /** The locations a specialist works at. */
    async locationsOf(specialistId: string): Promise<string[]> {
      const rows = await db
        .select({ id: bookingSpecialistLocations.locationId })
        .from(bookingSpecialistLocations)
        .where(eq(bookingSpecialistLocations.specialistId, specialistId));
      return rows.map((r) => r.id);
    },
  };
}
