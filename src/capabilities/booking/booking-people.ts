import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { type Language, users } from '../../platform/db/schema.ts';
import type { User } from '../../platform/users/user-service.ts';
import { type ActorRole, type BookingRow, bookingClients, bookingSpecialists } from './booking-tables.ts';

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
