import { and, eq, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isTimezone } from '../../platform/nl/zoned-clock.ts';
import { createBookingAdmin } from './booking-admin.ts';
import { createExceptionSetup } from './booking-exceptions.ts';
import {
  bookingAssignments,
  bookingHours,
  bookingLocations,
  bookingServices,
  bookingSpecialistLocations,
  bookingSpecialists,
  type ConfirmationRule,
} from './booking-tables.ts';
import type { SlotService } from './slots/slot-service.ts';
import { createSpecialistServices } from './specialist-services.ts';

export interface ServiceInput {
  name: string;
  durationMinutes: number;
  priceCents?: number | undefined;
  bufferBeforeMinutes?: number | undefined;
  bufferAfterMinutes?: number | undefined;
  minNoticeMinutes?: number | undefined;
  maxDaysAhead?: number | undefined;
  requiresConfirmation?: ConfirmationRule | undefined;
  cancelCutoffMinutes?: number | undefined;
}

export interface DayHours {
  weekday: number;
  start: number;
  end: number;
  breaks: Array<{ start: number; end: number }>;
}

const invalid = (code: string, message: string) => new DomainError('invalid', code, message);

/** The admin's setup: locations, services, specialists, hours and exceptions. Callers check the admin role. */
export function createBookingSetup(deps: { db: Db; slots: SlotService; now: () => Date }) {
  const { db } = deps;
  return {
    async createLocation(input: { name: string; timezone: string; address?: string | undefined }) {
      if (!isTimezone(input.timezone))
        throw invalid('booking_timezone_invalid', `Unknown timezone: ${input.timezone}`);
      const [row] = await db
        .insert(bookingLocations)
        .values({ id: uuidv7(), name: input.name, timezone: input.timezone, address: input.address ?? null })
        .returning();
      return row as NonNullable<typeof row>;
    },

    async createService(input: ServiceInput) {
      if (input.durationMinutes % 15 !== 0)
        throw invalid('booking_duration_invalid', 'Duration must be a multiple of 15 minutes');
      const [row] = await db
        .insert(bookingServices)
        .values({
          id: uuidv7(),
          name: input.name,
          durationMinutes: input.durationMinutes,
          priceCents: input.priceCents ?? null,
          bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
          bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
          minNoticeMinutes: input.minNoticeMinutes ?? 60,
          maxDaysAhead: input.maxDaysAhead ?? 60,
          requiresConfirmation: input.requiresConfirmation ?? 'never',
          confirmationNoticeMinutes: 1440,
          cancelCutoffMinutes: input.cancelCutoffMinutes ?? 120,
        })
        .returning();
      return row as NonNullable<typeof row>;
    },

    async createSpecialist(input: {
      telegramId: number;
      name: string;
      serviceIds: string[];
      locationIds: string[];
    }) {
      return db.transaction(async (tx) => {
        const services = input.serviceIds.length
          ? await tx
              .select({ id: bookingServices.id })
              .from(bookingServices)
              .where(inArray(bookingServices.id, input.serviceIds))
          : [];
        const locations = input.locationIds.length
          ? await tx
              .select({ id: bookingLocations.id })
              .from(bookingLocations)
              .where(inArray(bookingLocations.id, input.locationIds))
          : [];
        if (
          services.length !== new Set(input.serviceIds).size ||
          locations.length !== new Set(input.locationIds).size
        ) {
          throw new DomainError('not_found', 'booking_reference_missing', 'Unknown service or location');
        }
        const [existing] = await tx
          .select()
          .from(bookingSpecialists)
          .where(eq(bookingSpecialists.telegramId, input.telegramId));
        if (existing)
          throw new DomainError(
            'conflict',
            'booking_specialist_exists',
            'This person is already a specialist',
          );
        const id = uuidv7();
        const [row] = await tx
          .insert(bookingSpecialists)
          .values({ id, telegramId: input.telegramId, name: input.name })
          .returning();
        for (const locationId of new Set(input.locationIds)) {
          await tx.insert(bookingSpecialistLocations).values({ specialistId: id, locationId });
          for (const serviceId of new Set(input.serviceIds))
            await tx.insert(bookingAssignments).values({ specialistId: id, serviceId, locationId });
        }
        return row as NonNullable<typeof row>;
      });
    },

    /** A specialist's weekly hours at one location, by weekday and start (404 when not there). */
    async hours(specialistId: string, locationId: string): Promise<DayHours[]> {
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
        throw new DomainError(
          'not_found',
          'booking_specialist_missing',
          'No such specialist at this location',
        );
      const rows = await db
        .select()
        .from(bookingHours)
        .where(and(eq(bookingHours.specialistId, specialistId), eq(bookingHours.locationId, locationId)));
      return rows
        .map((r) => ({ weekday: r.weekday, start: r.startMinute, end: r.endMinute, breaks: r.breaks ?? [] }))
        .sort((a, b) => a.weekday - b.weekday || a.start - b.start);
    },

    /** Replaces a specialist's weekly hours at one location. */
    async setHours(specialistId: string, locationId: string, weekly: DayHours[]) {
      for (const day of weekly) {
        const ok =
          day.end > day.start &&
          day.breaks.every((b) => b.end > b.start && b.start >= day.start && b.end <= day.end);
        if (!ok)
          throw invalid(
            'booking_hours_invalid',
            `Weekday ${day.weekday}: the end must follow the start and breaks lie inside the hours`,
          );
      }
      await db.transaction(async (tx) => {
        const [link] = await tx
          .select()
          .from(bookingSpecialistLocations)
          .where(
            and(
              eq(bookingSpecialistLocations.specialistId, specialistId),
              eq(bookingSpecialistLocations.locationId, locationId),
            ),
          );
        if (!link)
          throw new DomainError(
            'not_found',
            'booking_specialist_missing',
            'No such specialist at this location',
          );
        await tx
          .delete(bookingHours)
          .where(and(eq(bookingHours.specialistId, specialistId), eq(bookingHours.locationId, locationId)));
        for (const day of weekly) {
          await tx.insert(bookingHours).values({
            id: uuidv7(),
            specialistId,
            locationId,
            weekday: day.weekday,
            startMinute: day.start,
            endMinute: day.end,
            breaks: day.breaks,
          });
        }
      });
      deps.slots.invalidate(specialistId);
    },

    ...createExceptionSetup(deps),
    ...createSpecialistServices(deps),
    ...createBookingAdmin(deps),

    // Archived rows stay for the bookings that name them but are offered to nobody (issue 31).
    listLocations: () =>
      db
        .select()
        .from(bookingLocations)
        .where(isNull(bookingLocations.archivedAt))
        .orderBy(bookingLocations.createdAt),
    listServices: () =>
      db
        .select()
        .from(bookingServices)
        .where(isNull(bookingServices.archivedAt))
        .orderBy(bookingServices.createdAt),
    /** Every specialist, or with a service and a location: those who offer it there (as "any" tries them). */
    async listSpecialists(offering?: { serviceId: string; locationId: string }) {
      const rows = await db
        .select()
        .from(bookingSpecialists)
        .where(isNull(bookingSpecialists.archivedAt))
        .orderBy(bookingSpecialists.createdAt);
      if (!offering) return rows;
      const ids = new Set(await deps.slots.candidates(db, offering.serviceId, offering.locationId));
      return rows.filter((r) => ids.has(r.id));
    },
  };
}

export type BookingSetup = ReturnType<typeof createBookingSetup>;
