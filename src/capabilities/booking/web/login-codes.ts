import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { timestamptz as tstz } from '../../../platform/db/columns.ts';
import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { bookingClients } from '../booking-tables.ts';

const loginCodes = pgTable('booking_login_codes', {
  id: uuid('id').primaryKey(),
  identity: text('identity').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: tstz('created_at').notNull(),
});

const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const MAX_CODES_PER_WINDOW = 3;
const WINDOW_MS = 15 * 60_000;

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
export function createLoginCodes(deps: {
  db: Db;
  now: () => Date;
  secret: string;
  deliver: (identity: string, code: string) => Promise<void>;
}) {
  const hash = (identity: string, code: string) =>
    createHmac('sha256', deps.secret).update(`${identity}:${code}`).digest('hex');
  const invalid = () =>
    new DomainError('invalid', 'booking_identity_invalid', 'Give a phone number or an e-mail address');

  return {
    async request(raw: string): Promise<void> {
      const identity = normalizeIdentity(raw);
      if (!identity) throw invalid();
      const now = deps.now();
      const [recent] = await deps.db
        .select({ n: sql<number>`count(*)::int` })
        .from(loginCodes)
        .where(
          and(
            eq(loginCodes.identity, identity),
            gt(loginCodes.createdAt, new Date(now.getTime() - WINDOW_MS)),
          ),
        );
      if ((recent?.n ?? 0) >= MAX_CODES_PER_WINDOW) {
        throw new DomainError(
          'rate_limited',
          'booking_code_rate_limited',
          'Too many codes; try again in a few minutes',
        );
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await deps.db.insert(loginCodes).values({
        id: uuidv7(),
        identity,
        codeHash: hash(identity, code),
        attempts: 0,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        createdAt: now,
      });
      await deps.deliver(identity, code);
    },

    /** Checks the latest open code; on success returns the web client (created on first login). */
    async verify(raw: string, code: string) {
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
            .from(loginCodes)
            .where(and(eq(loginCodes.identity, identity), isNull(loginCodes.usedAt)))
            .orderBy(desc(loginCodes.createdAt))
            .limit(1)
            .for('update');
          if (!open || open.expiresAt <= now || open.attempts >= MAX_ATTEMPTS) throw wrong;
          const given = Buffer.from(hash(identity, code.trim()));
          if (given.length !== open.codeHash.length || !timingSafeEqual(given, Buffer.from(open.codeHash))) {
            await tx
              .update(loginCodes)
              .set({ attempts: open.attempts + 1 })
              .where(eq(loginCodes.id, open.id));
            return null;
          }
          await tx.update(loginCodes).set({ usedAt: now }).where(eq(loginCodes.id, open.id));
          const [existing] = await tx
            .select()
            .from(bookingClients)
            .where(eq(bookingClients.identity, identity));
          if (existing) return existing;
          const [created] = await tx
            .insert(bookingClients)
            .values({ id: uuidv7(), identity, name: identity, language: 'en' })
            .returning();
          return created ?? null;
        })
        .then((client) => {
          if (!client) throw wrong;
          return client;
        });
    },
  };
}
