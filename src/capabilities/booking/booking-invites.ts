import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { BookingSetup } from './booking-setup.ts';

/** One-time links that make whoever opens them a specialist (issue 37, item 10). */
export const bookingSpecialistInvites = pgTable('booking_specialist_invites', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  name: encryptedText('name').notNull(),
  serviceIds: uuid('service_ids').array(),
  locationIds: uuid('location_ids').array(),
  createdBy: uuid('created_by'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  specialistId: uuid('specialist_id'),
});

/** The `/start` payload of an invite: `spi_` and 32 base64url characters (Telegram allows 64). */
export const INVITE_PAYLOAD = /^spi_([A-Za-z0-9_-]{32})$/;
/** How long a link works. */
export const INVITE_TTL_HOURS = 72;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const unusable = () =>
  new DomainError('not_found', 'booking_invite_invalid', 'This invite link was used already or has expired');

export function createSpecialistInvites(deps: {
  db: Db;
  now: () => Date;
  setup: BookingSetup;
  /** Tells the admin who made the link that someone used it. */
  joined?: (input: { inviteId: string; invitedBy: string; name: string }) => Promise<void>;
}) {
  const { db } = deps;
  return {
    /** A new link's payload and expiry; only the token's hash is stored. */
    async create(input: {
      name: string;
      createdBy: string | null;
      serviceIds?: string[] | undefined;
      locationIds?: string[] | undefined;
    }): Promise<{ payload: string; expiresAt: Date }> {
      const name = input.name.trim();
      if (name.length === 0 || name.length > 100)
        throw new DomainError('invalid', 'booking_name_invalid', 'A name is 1 to 100 characters');
      const token = randomBytes(24).toString('base64url');
      const expiresAt = new Date(deps.now().getTime() + INVITE_TTL_HOURS * 3_600_000);
      await db.insert(bookingSpecialistInvites).values({
        id: uuidv7(),
        tokenHash: hashOf(token),
        name,
        serviceIds: input.serviceIds ?? null,
        locationIds: input.locationIds ?? null,
        createdBy: input.createdBy,
        createdAt: deps.now(),
        expiresAt,
      });
      return { payload: `spi_${token}`, expiresAt };
    },

    /**
     * The person who opened the link becomes the specialist it names. The link is taken first (so
     * two people opening it at once cannot both use it) and given back if becoming one fails.
     */
    async accept(telegramId: number, token: string) {
      const now = deps.now();
      const [invite] = await db
        .update(bookingSpecialistInvites)
        .set({ usedAt: now })
        .where(
          and(
            eq(bookingSpecialistInvites.tokenHash, hashOf(token)),
            isNull(bookingSpecialistInvites.usedAt),
            gt(bookingSpecialistInvites.expiresAt, now),
          ),
        )
        .returning();
      if (!invite) throw unusable();
      try {
        const serviceIds = invite.serviceIds ?? (await deps.setup.listServices()).map((s) => s.id);
        const locationIds = invite.locationIds ?? (await deps.setup.listLocations()).map((l) => l.id);
        const specialist = await deps.setup.createSpecialist({
          telegramId,
          name: invite.name,
          serviceIds,
          locationIds,
        });
        await db
          .update(bookingSpecialistInvites)
          .set({ specialistId: specialist.id })
          .where(eq(bookingSpecialistInvites.id, invite.id));
        if (invite.createdBy && deps.joined)
          await deps.joined({ inviteId: invite.id, invitedBy: invite.createdBy, name: specialist.name });
        return { specialist, invitedBy: invite.createdBy };
      } catch (error) {
        await db
          .update(bookingSpecialistInvites)
          .set({ usedAt: null })
          .where(eq(bookingSpecialistInvites.id, invite.id));
        throw error;
      }
    },
  };
}

export type SpecialistInvites = ReturnType<typeof createSpecialistInvites>;
