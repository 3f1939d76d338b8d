import { and, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isTimezone } from '../../platform/nl/zoned-clock.ts';
import {
  bookingAssignments,
  bookingBusiness,
  bookingClients,
  bookingLocations,
  bookingServices,
  bookingSpecialistLocations,
  bookingSpecialists,
  bookings,
  type ConfirmationRule,
  type LocationRow,
  type ServiceRow,
  type SpecialistRow,
} from './booking-tables.ts';
import type { SlotService } from './slots/slot-service.ts';

export type SetupKind = 'location' | 'service' | 'specialist';

export interface LocationPatch {
  name?: string | undefined;
  timezone?: string | undefined;
  address?: string | null | undefined;
}

export interface ServicePatch {
  name?: string | undefined;
  durationMinutes?: number | undefined;
  priceCents?: number | null | undefined;
  bufferBeforeMinutes?: number | undefined;
  bufferAfterMinutes?: number | undefined;
  minNoticeMinutes?: number | undefined;
  maxDaysAhead?: number | undefined;
  requiresConfirmation?: ConfirmationRule | undefined;
  confirmationNoticeMinutes?: number | undefined;
  cancelCutoffMinutes?: number | undefined;
}

export interface SpecialistPatch {
  name?: string | undefined;
  telegramId?: number | undefined;
}

/** What removing a setup row did: deleted outright, or archived (future bookings, or history that names it). */
export type Removal = { kind: 'deleted' } | { kind: 'archived'; futureBookings: number };

const TABLES = {
  location: { table: bookingLocations, ref: bookings.locationId },
  service: { table: bookingServices, ref: bookings.serviceId },
  specialist: { table: bookingSpecialists, ref: bookings.specialistId },
} as const;

const gone = (kind: SetupKind) =>
  new DomainError('not_found', `booking_${kind}_missing`, `No such ${kind} (or it was removed)`);

/** Without undefined keys: a PATCH changes only what it names. */
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Currency codes this runtime can format (ISO 4217 as ICU knows them). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A currency code as typed ("eur", " RUB ") → "EUR", or null when it is not one. */
export function currencyOf(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CURRENCIES.has(code) ? code : null;
}

/**
 * Editing and removing the setup (issue 31), and the business's settings. Callers check the admin
 * role. A row with bookings is archived, never deleted: the bookings keep naming it.
 */
export function createBookingAdmin(deps: { db: Db; slots: SlotService; now: () => Date }) {
  const { db } = deps;

  /** Drops cached availability of everyone working at a location (its zone or existence changed). */
  async function invalidateLocation(locationId: string) {
    const rows = await db
      .select({ id: bookingSpecialistLocations.specialistId })
      .from(bookingSpecialistLocations)
      .where(eq(bookingSpecialistLocations.locationId, locationId));
    for (const r of rows) deps.slots.invalidate(r.id);
  }

  async function current<K extends SetupKind>(kind: K, id: string) {
    const { table } = TABLES[kind];
    const [row] = await db
      .select()
      .from(table)
      .where(and(eq(table.id, id), isNull(table.archivedAt)));
    if (!row) throw gone(kind);
    return row as K extends 'location' ? LocationRow : K extends 'service' ? ServiceRow : SpecialistRow;
  }

  return {
    async updateLocation(id: string, patch: LocationPatch): Promise<LocationRow> {
      await current('location', id);
      if (patch.timezone !== undefined && !isTimezone(patch.timezone))
        throw new DomainError('invalid', 'booking_timezone_invalid', `Unknown timezone: ${patch.timezone}`);
      const set = defined(patch);
      const [row] = Object.keys(set).length
        ? await db.update(bookingLocations).set(set).where(eq(bookingLocations.id, id)).returning()
        : [await current('location', id)];
      await invalidateLocation(id);
      return row as LocationRow;
    },

    async updateService(id: string, patch: ServicePatch): Promise<ServiceRow> {
      await current('service', id);
      if (patch.durationMinutes !== undefined && patch.durationMinutes % 15 !== 0)
        throw new DomainError(
          'invalid',
          'booking_duration_invalid',
          'Duration must be a multiple of 15 minutes',
        );
      const set = defined(patch);
      const [row] = Object.keys(set).length
        ? await db.update(bookingServices).set(set).where(eq(bookingServices.id, id)).returning()
        : [await current('service', id)];
      return row as ServiceRow;
    },

    /** Renames a specialist or moves them to another Telegram account; answers the row before and after. */
    // `actorUserId`: the admin doing it (the module's role bookkeeping audits it).
    async updateSpecialist(id: string, patch: SpecialistPatch, _actorUserId?: string) {
      const before = await current('specialist', id);
      if (patch.telegramId !== undefined && patch.telegramId !== before.telegramId) {
        const [taken] = await db
          .select({ id: bookingSpecialists.id })
          .from(bookingSpecialists)
          .where(eq(bookingSpecialists.telegramId, patch.telegramId));
        if (taken)
          throw new DomainError(
            'conflict',
            'booking_specialist_exists',
            'This person is already a specialist',
          );
      }
      const set = defined(patch);
      const [row] = Object.keys(set).length
        ? await db.update(bookingSpecialists).set(set).where(eq(bookingSpecialists.id, id)).returning()
        : [before];
      deps.slots.invalidate(id);
      return { before, after: row as SpecialistRow };
    },

    /**
     * Removes a location, service or specialist. With bookings still to come it is archived (they
     * stay and are kept); with past bookings only it is archived too, since their history names it;
     * with no booking at all it is deleted (its hours, exceptions and assignments with it).
     */
    async remove(
      kind: SetupKind,
      id: string,
      _actorUserId?: string,
    ): Promise<Removal & { row: LocationRow | ServiceRow | SpecialistRow }> {
      const row = await current(kind, id);
      const { table, ref } = TABLES[kind];
      const live: SQL = or(eq(bookings.status, 'pending'), eq(bookings.status, 'confirmed')) as SQL;
      const future = await db
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(eq(ref, id), live, gt(bookings.endAt, deps.now())));
      const [any] = await db.select({ id: bookings.id }).from(bookings).where(eq(ref, id)).limit(1);
      if (kind === 'location') await invalidateLocation(id);
      const affected =
        kind === 'specialist'
          ? [id]
          : (
              await db
                .selectDistinct({ id: bookingAssignments.specialistId })
                .from(bookingAssignments)
                .where(
                  eq(kind === 'service' ? bookingAssignments.serviceId : bookingAssignments.locationId, id),
                )
            ).map((r) => r.id);
      if (any) {
        await db.update(table).set({ archivedAt: deps.now() }).where(eq(table.id, id));
      } else {
        await db.delete(table).where(eq(table.id, id));
      }
      for (const s of affected) deps.slots.invalidate(s);
      return any ? { kind: 'archived', futureBookings: future.length, row } : { kind: 'deleted', row };
    },

    /** What a staff card shows of a booking: its service, place, specialist and client (archived ones too). */
    async bookingCard(bookingId: string) {
      const [row] = await db
        .select({
          booking: bookings,
          service: bookingServices,
          location: bookingLocations,
          specialist: bookingSpecialists,
          clientName: bookingClients.name,
          givenName: bookingClients.givenName,
          noShows: bookingClients.noShowCount,
        })
        .from(bookings)
        .innerJoin(bookingServices, eq(bookingServices.id, bookings.serviceId))
        .innerJoin(bookingLocations, eq(bookingLocations.id, bookings.locationId))
        .innerJoin(bookingSpecialists, eq(bookingSpecialists.id, bookings.specialistId))
        .innerJoin(bookingClients, eq(bookingClients.id, bookings.clientId))
        .where(eq(bookings.id, bookingId));
      if (!row) return null;
      const { givenName, ...rest } = row;
      return { ...rest, clientName: givenName ?? row.clientName };
    },

    async business(): Promise<{ currency: string | null }> {
      const [row] = await db.select().from(bookingBusiness);
      return { currency: row?.currency ?? null };
    },

    async setCurrency(raw: string): Promise<{ currency: string }> {
      const currency = currencyOf(raw);
      if (!currency)
        throw new DomainError(
          'invalid',
          'booking_currency_invalid',
          `Not an ISO 4217 currency code: ${raw.slice(0, 10)} (for example EUR, USD, RUB)`,
        );
      await db
        .insert(bookingBusiness)
        .values({ id: true, currency, updatedAt: deps.now() })
        .onConflictDoUpdate({ target: bookingBusiness.id, set: { currency, updatedAt: deps.now() } });
      return { currency };
    },
  };
}

export type BookingAdmin = ReturnType<typeof createBookingAdmin>;
