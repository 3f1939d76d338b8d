import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { timestamptz as tstz } from '../../../platform/db/columns.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { type Language, users } from '../../../platform/db/schema.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { User } from '../../../platform/users/user-service.ts';
import { bookingClients } from '../booking-tables.ts';

export const bookingLoginCodes = pgTable('booking_login_codes', {
  id: uuid('id').primaryKey(),
  identity: text('identity').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: tstz('created_at').notNull(),
  requestedIp: text('requested_ip'),
});

const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const MAX_CODES_PER_WINDOW = 3;
const MAX_CODES_PER_IP = 10;
const WINDOW_MS = 15 * 60_000;

/** How a code reaches its person (an SMS or e-mail gateway in production; a log in development). */
export type CodeDelivery = (identity: string, code: string, language: Language) => Promise<void>;

/** A phone number (digits, optional +) or an e-mail, normalized; null when it is neither. */
export function normalizeIdentity(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (/^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/.test(s)) return s;
  const phone = s.replace(/[\s()-]/g, '');
  return /^\+?\d{7,15}$/.test(phone) ? phone : null;
}

/**
 * One-time login codes for web clients without Telegram: only an HMAC of the code is stored (keyed
 * with the server's secret), each code expires, allows a few attempts and is used once; an identity
 * gets a few codes per window. `deliver` sends the code (SMS or e-mail gateway; a port).
 */
export function createLoginCodes(deps: { db: Db; now: () => Date; secret: string; deliver: CodeDelivery }) {
  const hash = (identity: string, code: string) =>
    createHmac('sha256', deps.secret).update(`${identity}:${code}`).digest('hex');
  const limited = () =>
    new DomainError(
      'rate_limited',
      'booking_code_rate_limited',
      'Too many codes asked for; wait 15 minutes, then ask for a new one',
    );
  const invalid = () =>
    new DomainError('invalid', 'booking_identity_invalid', 'Give a phone number or an e-mail address');

  return {
    async request(raw: string, from: { ip?: string | null; language?: Language } = {}): Promise<void> {
      const identity = normalizeIdentity(raw);
      if (!identity) throw invalid();
      const now = deps.now();
      const since = new Date(now.getTime() - WINDOW_MS);
      if (from.ip) {
        const [byIp] = await deps.db
          .select({ n: sql<number>`count(*)::int` })
          .from(bookingLoginCodes)
          .where(and(eq(bookingLoginCodes.requestedIp, from.ip), gt(bookingLoginCodes.createdAt, since)));
        if ((byIp?.n ?? 0) >= MAX_CODES_PER_IP) throw limited();
      }
      const [recent] = await deps.db
        .select({ n: sql<number>`count(*)::int` })
        .from(bookingLoginCodes)
        .where(
          and(
            eq(bookingLoginCodes.identity, identity),
            gt(bookingLoginCodes.createdAt, new Date(now.getTime() - WINDOW_MS)),
          ),
        );
      if ((recent?.n ?? 0) >= MAX_CODES_PER_WINDOW) throw limited();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      // Stored and sent together: a code the server could not send does not count against anyone.
      await deps.db.transaction(async (tx) => {
        await tx.insert(bookingLoginCodes).values({
          id: uuidv7(),
          identity,
          codeHash: hash(identity, code),
          attempts: 0,
          expiresAt: new Date(now.getTime() + CODE_TTL_MS),
          createdAt: now,
          requestedIp: from.ip ?? null,
        });
        await deps.deliver(identity, code, from.language ?? 'en');
      });
    },

    /** Checks the latest open code; on success returns the web client (created on first login). */
    async verify(raw: string, code: string, language: Language = 'en'): Promise<User> {
      const identity = normalizeIdentity(raw);
      if (!identity) throw invalid();
      const now = deps.now();
      const wrong = new DomainError(
        'unauthorized',
        'booking_code_wrong',
        'That code is wrong or has expired',
      );
      return deps.db
        .transaction(async (tx) => {
          const [open] = await tx
            .select()
            .from(bookingLoginCodes)
            .where(and(eq(bookingLoginCodes.identity, identity), isNull(bookingLoginCodes.usedAt)))
            .orderBy(desc(bookingLoginCodes.createdAt))
            .limit(1)
            .for('update');
          if (!open || open.expiresAt <= now || open.attempts >= MAX_ATTEMPTS) throw wrong;
          const given = Buffer.from(hash(identity, code.trim()));
          if (given.length !== open.codeHash.length || !timingSafeEqual(given, Buffer.from(open.codeHash))) {
            await tx
              .update(bookingLoginCodes)
              .set({ attempts: open.attempts + 1 })
              .where(eq(bookingLoginCodes.id, open.id));
            return null;
          }
          await tx.update(bookingLoginCodes).set({ usedAt: now }).where(eq(bookingLoginCodes.id, open.id));
          return webClientUser(tx, identity, language);
        })
        .then((user) => {
          if (!user) throw wrong;
          return user;
        });
    },
  };
}

/**
 * The platform user behind a web client: a `users` row without a Telegram id, linked from the
 * booking client row (made on first login). Platform tokens, rate limits and `/bookings?scope=mine`
 * then work for web clients exactly as for Telegram people.
 */
async function webClientUser(tx: Tx, identity: string, language: Language): Promise<User> {
  const [client] = await tx.select().from(bookingClients).where(eq(bookingClients.identity, identity));
  if (client?.userId) {
    const [user] = await tx.select().from(users).where(eq(users.id, client.userId));
    if (user) return user;
  }
  const [user] = await tx
    .insert(users)
    .values({ id: uuidv7(), telegramId: null, firstName: maskIdentity(identity), language, roles: ['user'] })
    .returning();
  const created = user as User;
  if (client)
    await tx.update(bookingClients).set({ userId: created.id }).where(eq(bookingClients.id, client.id));
  else
    await tx
      .insert(bookingClients)
      .values({ id: uuidv7(), userId: created.id, identity, name: maskIdentity(identity), language });
  return created;
}

/** What staff see of a web client: enough to recognise them, not the whole address ("an…@example.com"). */
export function maskIdentity(identity: string): string {
  const at = identity.indexOf('@');
  if (at > 0) return `${identity.slice(0, Math.min(2, at))}…${identity.slice(at)}`;
  return `${identity.slice(0, 3)}…${identity.slice(-3)}`;
}
