import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  bookingAssignments,
  bookingLocations,
  bookingServices,
  bookingSpecialistLocations,
  bookingSpecialists,
} from './booking-tables.ts';
import type { SlotService } from './slots/slot-service.ts';

export interface Assignment {
  serviceId: string;
  locationId: string;
}

/**
 * Which specialist offers which service where (booking_assignments). A service added after a
 * specialist is bookable only once it is assigned to them somewhere (issue 37 item 2).
 */
export function createSpecialistServices(deps: { db: Db; slots: SlotService }) {
  const { db } = deps;
  const missing = (what: string) =>
    new DomainError('not_found', 'booking_reference_missing', `Unknown ${what}`);

  async function specialistOrThrow(tx: Db | Tx, specialistId: string) {
    const [row] = await tx
      .select({ id: bookingSpecialists.id })
      .from(bookingSpecialists)
      .where(eq(bookingSpecialists.id, specialistId));
    if (!row) throw new DomainError('not_found', 'booking_specialist_missing', 'No such specialist');
  }

  const locationsOf = async (tx: Db | Tx, specialistId: string) =>
    (
      await tx
        .select({ id: bookingSpecialistLocations.locationId })
        .from(bookingSpecialistLocations)
        .where(eq(bookingSpecialistLocations.specialistId, specialistId))
    ).map((r) => r.id);

  /** Replaces a specialist's assignments inside `tx`; every location named becomes one they work at. */
  async function replace(tx: Tx, specialistId: string, wanted: Assignment[]) {
    await tx.delete(bookingAssignments).where(eq(bookingAssignments.specialistId, specialistId));
    if (!wanted.length) return;
    await tx
      .insert(bookingAssignments)
      .values(wanted.map((a) => ({ specialistId, serviceId: a.serviceId, locationId: a.locationId })));
    await tx
      .insert(bookingSpecialistLocations)
      .values(
        [...new Set(wanted.map((a) => a.locationId))].map((locationId) => ({ specialistId, locationId })),
      )
      .onConflictDoNothing();
  }

  async function assignmentsOf(specialistId: string): Promise<Assignment[]> {
    await specialistOrThrow(db, specialistId);
    const rows = await db
      .select({ serviceId: bookingAssignments.serviceId, locationId: bookingAssignments.locationId })
      .from(bookingAssignments)
      .innerJoin(bookingServices, eq(bookingServices.id, bookingAssignments.serviceId))
      .where(and(eq(bookingAssignments.specialistId, specialistId), isNull(bookingServices.archivedAt)))
      .orderBy(bookingServices.createdAt, bookingAssignments.locationId);
    return rows;
  }

  return {
    assignmentsOf,

    /** The ids of the services this specialist offers anywhere. */
    async servicesOf(specialistId: string): Promise<string[]> {
      return [...new Set((await assignmentsOf(specialistId)).map((a) => a.serviceId))];
    },

    /** The ids of the specialists who offer this service anywhere. */
    async specialistsOf(serviceId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: bookingAssignments.specialistId })
        .from(bookingAssignments)
        .where(eq(bookingAssignments.serviceId, serviceId));
      return rows.map((r) => r.id);
    },

    /** Replaces which services a specialist offers where (bookings already made stay as they are). */
    async setAssignments(specialistId: string, list: readonly Assignment[]): Promise<Assignment[]> {
      const keyed = new Map(list.map((a) => [`${a.serviceId}|${a.locationId}`, a]));
      const wanted = [...keyed.values()];
      const serviceIds = [...new Set(wanted.map((a) => a.serviceId))];
      const locationIds = [...new Set(wanted.map((a) => a.locationId))];
      await db.transaction(async (tx) => {
        await specialistOrThrow(tx, specialistId);
        const services = serviceIds.length
          ? await tx
              .select({ id: bookingServices.id })
              .from(bookingServices)
              .where(and(inArray(bookingServices.id, serviceIds), isNull(bookingServices.archivedAt)))
          : [];
        if (services.length !== serviceIds.length) throw missing('service');
        const locations = locationIds.length
          ? await tx
              .select({ id: bookingLocations.id })
              .from(bookingLocations)
              .where(and(inArray(bookingLocations.id, locationIds), isNull(bookingLocations.archivedAt)))
          : [];
        if (locations.length !== locationIds.length) throw missing('location');
        await replace(tx, specialistId, wanted);
      });
      deps.slots.invalidate(specialistId);
      return wanted;
    },

    /** Replaces the services a specialist offers, at every location they work at (the older contract). */
    async setServicesOf(specialistId: string, serviceIds: readonly string[]): Promise<string[]> {
      const wanted = [...new Set(serviceIds)];
      await db.transaction(async (tx) => {
        await specialistOrThrow(tx, specialistId);
        const known = wanted.length
          ? await tx
              .select({ id: bookingServices.id })
              .from(bookingServices)
              .where(inArray(bookingServices.id, wanted))
          : [];
        if (known.length !== wanted.length) throw missing('service');
        const locations = await locationsOf(tx, specialistId);
        await replace(
          tx,
          specialistId,
          wanted.flatMap((serviceId) => locations.map((locationId) => ({ serviceId, locationId }))),
        );
      });
      deps.slots.invalidate(specialistId);
      return wanted;
    },

    /** Offers or withdraws one service of one specialist at one location (the bot's tick boxes). */
    async toggleAt(specialistId: string, serviceId: string, locationId: string): Promise<boolean> {
      const where = and(
        eq(bookingAssignments.specialistId, specialistId),
        eq(bookingAssignments.serviceId, serviceId),
        eq(bookingAssignments.locationId, locationId),
      );
      const linked = await db.transaction(async (tx) => {
        const removed = await tx.delete(bookingAssignments).where(where).returning();
        if (removed.length) return false;
        await specialistOrThrow(tx, specialistId);
        const [service] = await tx
          .select({ id: bookingServices.id })
          .from(bookingServices)
          .where(eq(bookingServices.id, serviceId));
        const [location] = await tx
          .select({ id: bookingLocations.id })
          .from(bookingLocations)
          .where(eq(bookingLocations.id, locationId));
        if (!service || !location) throw missing('service or location');
        await tx.insert(bookingAssignments).values({ specialistId, serviceId, locationId });
        await tx
          .insert(bookingSpecialistLocations)
          .values({ specialistId, locationId })
          .onConflictDoNothing();
        return true;
      });
      deps.slots.invalidate(specialistId);
      return linked;
    },

    /** Offers or withdraws a service of a specialist at every location they work at; answers the new state. */
    async toggle(serviceId: string, specialistId: string): Promise<boolean> {
      const linked = await db.transaction(async (tx) => {
        const where = and(
          eq(bookingAssignments.specialistId, specialistId),
          eq(bookingAssignments.serviceId, serviceId),
        );
        const removed = await tx.delete(bookingAssignments).where(where).returning();
        if (removed.length) return false;
        const [service] = await tx
          .select({ id: bookingServices.id })
          .from(bookingServices)
          .where(eq(bookingServices.id, serviceId));
        await specialistOrThrow(tx, specialistId).catch(() => {
          throw missing('service or specialist');
        });
        if (!service) throw missing('service or specialist');
        const locations = await locationsOf(tx, specialistId);
        if (locations.length)
          await tx
            .insert(bookingAssignments)
            .values(locations.map((locationId) => ({ specialistId, serviceId, locationId })));
        return true;
      });
      deps.slots.invalidate(specialistId);
      return linked;
    },

    /** Offers a service by every current specialist at every location they work at; answers how many. */
    async linkToAll(serviceId: string): Promise<number> {
      const rows = await db
        .select({
          specialistId: bookingSpecialistLocations.specialistId,
          locationId: bookingSpecialistLocations.locationId,
        })
        .from(bookingSpecialistLocations)
        .innerJoin(bookingSpecialists, eq(bookingSpecialists.id, bookingSpecialistLocations.specialistId))
        .where(isNull(bookingSpecialists.archivedAt));
      if (rows.length)
        await db
          .insert(bookingAssignments)
          .values(rows.map((r) => ({ ...r, serviceId })))
          .onConflictDoNothing();
      const specialists = new Set(rows.map((r) => r.specialistId));
      for (const id of specialists) deps.slots.invalidate(id);
      return specialists.size;
    },
  };
}

export type SpecialistServices = ReturnType<typeof createSpecialistServices>;
