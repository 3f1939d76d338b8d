import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { bookingServices, bookingSpecialistServices, bookingSpecialists } from './booking-tables.ts';
import type { SlotService } from './slots/slot-service.ts';

/**
 * Which specialist provides which service. A specialist is linked to the services that exist when
 * they are added; a service added later needs these, or nobody can ever be booked for it.
 */
export function createSpecialistServices(deps: { db: Db; slots: SlotService }) {
  const { db } = deps;
  const missing = (what: string) =>
    new DomainError('not_found', 'booking_reference_missing', `Unknown ${what}`);

  return {
    /** The ids of the services this specialist provides. */
    async servicesOf(specialistId: string): Promise<string[]> {
      const rows = await db
        .select({ id: bookingSpecialistServices.serviceId })
        .from(bookingSpecialistServices)
        .where(eq(bookingSpecialistServices.specialistId, specialistId));
      return rows.map((r) => r.id);
    },

    /** The ids of the specialists who provide this service. */
    async specialistsOf(serviceId: string): Promise<string[]> {
      const rows = await db
        .select({ id: bookingSpecialistServices.specialistId })
        .from(bookingSpecialistServices)
        .where(eq(bookingSpecialistServices.serviceId, serviceId));
      return rows.map((r) => r.id);
    },

    /** Replaces the services a specialist provides (bookings already made stay as they are). */
    async setServicesOf(specialistId: string, serviceIds: readonly string[]): Promise<string[]> {
      const wanted = [...new Set(serviceIds)];
      await db.transaction(async (tx) => {
        const [specialist] = await tx
          .select({ id: bookingSpecialists.id })
          .from(bookingSpecialists)
          .where(eq(bookingSpecialists.id, specialistId));
        if (!specialist)
          throw new DomainError('not_found', 'booking_specialist_missing', 'No such specialist');
        const known = wanted.length
          ? await tx
              .select({ id: bookingServices.id })
              .from(bookingServices)
              .where(inArray(bookingServices.id, wanted))
          : [];
        if (known.length !== wanted.length) throw missing('service');
        await tx
          .delete(bookingSpecialistServices)
          .where(eq(bookingSpecialistServices.specialistId, specialistId));
        if (wanted.length)
          await tx
            .insert(bookingSpecialistServices)
            .values(wanted.map((serviceId) => ({ specialistId, serviceId })));
      });
      deps.slots.invalidate(specialistId);
      return wanted;
    },

    /** Links or unlinks one specialist and one service (the bot's tick boxes); answers the new state. */
    async toggle(serviceId: string, specialistId: string): Promise<boolean> {
      const linked = await db.transaction(async (tx) => {
        const where = and(
          eq(bookingSpecialistServices.specialistId, specialistId),
          eq(bookingSpecialistServices.serviceId, serviceId),
        );
        const removed = await tx.delete(bookingSpecialistServices).where(where).returning();
        if (removed.length) return false;
        const [service] = await tx
          .select({ id: bookingServices.id })
          .from(bookingServices)
          .where(eq(bookingServices.id, serviceId));
        const [specialist] = await tx
          .select({ id: bookingSpecialists.id })
          .from(bookingSpecialists)
          .where(eq(bookingSpecialists.id, specialistId));
        if (!service || !specialist) throw missing('service or specialist');
        await tx.insert(bookingSpecialistServices).values({ specialistId, serviceId });
        return true;
      });
      deps.slots.invalidate(specialistId);
      return linked;
    },

    /** Links a service to every specialist there is; answers how many. */
    async linkToAll(serviceId: string): Promise<number> {
      const specialists = await db.select({ id: bookingSpecialists.id }).from(bookingSpecialists);
      if (specialists.length)
        await db
          .insert(bookingSpecialistServices)
          .values(specialists.map((s) => ({ specialistId: s.id, serviceId })))
          .onConflictDoNothing();
      for (const s of specialists) deps.slots.invalidate(s.id);
      return specialists.length;
    },
  };
}

export type SpecialistServices = ReturnType<typeof createSpecialistServices>;
