import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../../platform/db/database.ts';
import { type Language, users } from '../../../platform/db/schema.ts';
import type { User } from '../../../platform/users/user-service.ts';
import { bookingClients } from '../booking-tables.ts';

/** A phone number (digits, optional +) or an e-mail, normalized; null when it is neither. */
export function normalizeIdentity(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (/^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/.test(s)) return s;
  const phone = s.replace(/[\s()-]/g, '');
  return /^\+?\d{7,15}$/.test(phone) ? phone : null;
}

/**
 * The platform user behind a web client: a `users` row without a Telegram id, linked from the
 * booking client row (made on first login, found again by the identity's keyed hash). Platform
 * tokens, rate limits and `/bookings?scope=mine` then work for web clients as for Telegram people.
 */
export async function webClientUser(
  tx: Tx,
  identity: { normalized: string; hash: string },
  language: Language,
): Promise<User> {
  const [client] = await tx
    .select()
    .from(bookingClients)
    .where(eq(bookingClients.identityHash, identity.hash));
  if (client?.userId) {
    const [user] = await tx.select().from(users).where(eq(users.id, client.userId));
    if (user) return user;
  }
  const masked = maskIdentity(identity.normalized);
  const [user] = await tx
    .insert(users)
    .values({ id: uuidv7(), telegramId: null, firstName: masked, language, roles: ['user'] })
    .returning();
  const created = user as User;
  if (client)
    await tx.update(bookingClients).set({ userId: created.id }).where(eq(bookingClients.id, client.id));
  else
    await tx.insert(bookingClients).values({
      id: uuidv7(),
      userId: created.id,
      identity: identity.normalized,
      identityHash: identity.hash,
      name: masked,
      language,
    });
  return created;
}

/** What staff see of a web client: enough to recognise them, not the whole address ("an…@example.com"). */
export function maskIdentity(identity: string): string {
  const at = identity.indexOf('@');
  if (at > 0) return `${identity.slice(0, Math.min(2, at))}…${identity.slice(at)}`;
  return `${identity.slice(0, 3)}…${identity.slice(-3)}`;
}
