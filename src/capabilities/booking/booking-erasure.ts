import { and, eq, gt, inArray } from 'drizzle-orm';
import type { ErasureStep } from '../../platform/capability/erasure.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type BookingCore, recordEvent, updateBooking } from './booking-core.ts';
import { bookingClients, bookings } from './booking-tables.ts';
import type { Translate } from './notices/notice-sender.ts';

/**
 * A client erasing themselves (/forget, issue 37 item 13): their bookings ahead are cancelled and
 * the specialist and the owner told — of "a client", since the name is erased first — and the
 * client row keeps no name or contact (past bookings stay as the business's history, nameless).
 */
export function createBookingErasure(core: BookingCore, t: Translate): ErasureStep {
  async function ahead(db: Queryable, userId: string) {
    const [client] = await db.select().from(bookingClients).where(eq(bookingClients.userId, userId));
    if (!client) return { client: null, rows: [] };
    const rows = await db
      .select()
      .from(bookings)
      .where(
        and(
          eq(bookings.clientId, client.id),
          inArray(bookings.status, ['pending', 'confirmed']),
          gt(bookings.startAt, core.now()),
        ),
      );
    return { client, rows };
  }

  return {
    async preview(person) {
      const { rows } = await ahead(core.db, person.userId);
      return rows.length ? t(person.language, 'booking-forget-preview', { n: rows.length }) : null;
    },
    async erase(person, tx) {
      const { client, rows } = await ahead(tx, person.userId);
      if (!client) return;
      await tx
        .update(bookingClients)
        .set({ name: '', givenName: null, identity: null, identityHash: null })
        .where(eq(bookingClients.id, client.id));
      const now = core.now();
      for (const booking of rows) {
        // No cut-off: the person is leaving; the salon hears at once rather than finding a stranger's slot.
        const row = await updateBooking(tx, booking, { status: 'cancelled', cancelReason: 'cancel' }, now);
        await recordEvent(tx, {
          booking: row,
          kind: 'cancel',
          from: booking.status,
          initiator: 'client',
          userId: null,
          at: now,
          details: { reason: 'forget' },
        });
        await core.sendNotices(tx, {
          event: 'booking_cancelled',
          initiator: 'client',
          initiatorUserId: null,
          booking: row,
        });
        core.slots.invalidate(row.specialistId);
      }
    },
  };
}
