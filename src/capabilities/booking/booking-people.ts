import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Queryable, Tx } from '../../platform/db/database.ts';
import { type Language, users } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { User } from '../../platform/users/user-service.ts';
import {
  type ActorRole,
  type BookingRow,
  bookingClients,
  bookingSpecialists,
  type ClientRow,
} from './booking-tables.ts';
import { maskIdentity, normalizeIdentity } from './web/web-client-user.ts';

// Who is who for a booking: the one place that maps people to booking roles (admin from the
// platform's roles, specialist by Telegram id, client by their client row). Platform v2 will own
// role checks; this file is what changes then.

export interface Person {
  userId: string | null;
  telegramId: number | null;
  language: Language;
  name: string;
}

export const isAdmin = (user: Pick<User, 'roles'>) => user.roles.includes('admin');

/** Admins who can be messaged (they have written to the bot or were granted by Telegram id). */
export async function admins(db: Queryable): Promise<Person[]> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`'admin' = any(${users.roles}) and ${users.telegramId} is not null`)
    .orderBy(users.createdAt);
  return rows.map((u) => ({
    userId: u.id,
    telegramId: u.telegramId,
    language: u.language,
    name: u.firstName,
  }));
}

async function personByTelegram(db: Queryable, telegramId: number, name: string): Promise<Person> {
  const [u] = await db.select().from(users).where(eq(users.telegramId, telegramId));
  return { userId: u?.id ?? null, telegramId, language: u?.language ?? 'en', name };
}

export async function specialistPerson(db: Queryable, specialistId: string): Promise<Person> {
  const [s] = await db.select().from(bookingSpecialists).where(eq(bookingSpecialists.id, specialistId));
  if (!s) throw new Error(`specialist ${specialistId} vanished`);
  return personByTelegram(db, s.telegramId, s.name);
}

export async function clientPerson(db: Queryable, clientId: string): Promise<Person & { clientId: string }> {
  const [c] = await db.select().from(bookingClients).where(eq(bookingClients.id, clientId));
  if (!c) throw new Error(`client ${clientId} vanished`);
  const [u] = c.userId ? await db.select().from(users).where(eq(users.id, c.userId)) : [];
  return {
    clientId: c.id,
    userId: c.userId,
    telegramId: u?.telegramId ?? null,
    language: (u?.language ?? c.language) as Language,
    name: c.name,
  };
}

/** Every role the user holds toward this booking. */
export async function rolesFor(db: Queryable, user: User, booking: BookingRow): Promise<ActorRole[]> {
  const held: ActorRole[] = [];
  if (isAdmin(user)) held.push('admin');
  if (user.telegramId !== null) {
    const [s] = await db
      .select()
      .from(bookingSpecialists)
      .where(eq(bookingSpecialists.id, booking.specialistId));
    if (s && s.telegramId === user.telegramId) held.push('specialist');
  }
  const [c] = await db.select().from(bookingClients).where(eq(bookingClients.id, booking.clientId));
  if (c?.userId === user.id) held.push('client');
  return held;
}

/** The specialist record of this user, if they are one. */
export async function specialistOf(db: Queryable, user: User) {
  if (user.telegramId === null) return null;
  const [s] = await db
    .select()
    .from(bookingSpecialists)
    .where(eq(bookingSpecialists.telegramId, user.telegramId));
  return s ?? null;
}

/** A phone number as staff type it ("+44 20 7946 0958", "8 (916) 123-45-67"), normalized; null otherwise. */
export function phoneOf(raw: string): string | null {
  const normalized = normalizeIdentity(raw);
  return normalized && !normalized.includes('@') ? normalized : null;
}

/**
 * The client row of a walk-in booked by staff: found by their phone's keyed hash (the same person
 * again, or a web client who signed in with that phone), else made. Name and phone are sealed.
 */
export async function walkInClient(
  tx: Tx,
  walkIn: { name: string; phone: string },
  language: Language,
  identityHash: (normalized: string) => string,
): Promise<ClientRow> {
  const phone = phoneOf(walkIn.phone);
  if (!phone)
    throw new DomainError(
      'invalid',
      'booking_phone_invalid',
      'Not a phone number: give 7 to 15 digits, optionally with + (for example +44 20 7946 0958)',
    );
  const name = walkIn.name.trim();
  const hash = identityHash(phone);
  const [found] = await tx.select().from(bookingClients).where(eq(bookingClients.identityHash, hash));
  if (found) {
    if (found.givenName === name) return found;
    const [renamed] = await tx
      .update(bookingClients)
      .set({ givenName: name })
      .where(eq(bookingClients.id, found.id))
      .returning();
    return renamed as ClientRow;
  }
  const [row] = await tx
    .insert(bookingClients)
    .values({
      id: uuidv7(),
      userId: null,
      identity: phone,
      identityHash: hash,
      name: maskIdentity(phone),
      givenName: name,
      language,
    })
    .returning();
  return row as ClientRow;
}
