import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { timestamptz as tstz } from '../../../platform/db/columns.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/db/schema.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { User } from '../../../platform/users/user-service.ts';
import { type IdentityKeys, upgradeClients } from './identity-keys.ts';
import { normalizeIdentity, webClientUser } from './web-client-user.ts';

export { maskIdentity, normalizeIdentity } from './web-client-user.ts';

export const bookingLoginCodes = pgTable('booking_login_codes', {
  id: uuid('id').primaryKey(),
  identityHash: text('identity_hash').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: tstz('created_at').notNull(),
  ipHash: text('ip_hash'),
});

const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
/** Codes one requester (address or /64) may ask for one identity per window. */
const MAX_CODES_PER_REQUESTER = 3;
/** Codes one requester may ask for, all identities together, per window. */
const MAX_CODES_PER_ADDRESS = 10;
/** Messages one person can be sent per hour, whoever asks: bounds SMS/e-mail bombing. */
const MAX_CODES_PER_IDENTITY_HOUR = 10;
/** Rows are kept as long as a limit counts them, then pruned. */
const KEEP_MS = 60 * 60_000;

/** How a code reaches its person (an SMS or e-mail gateway in production; a log in development). */
export type CodeDelivery = (identity: string, code: string, language: Language) => Promise<void>;

/**
 * One-time login codes for web clients without Telegram. Stored are only keyed hashes (of the
 * identity, the requesting address and the code); each code expires, allows a few attempts and is
 * used once. Any live code of the identity signs in, so someone asking for codes for another
 * person's address cannot void the code that person holds; the limits that count are per
 * requester, with a per-identity ceiling on messages that never stops a code already sent.
 */
export function createLoginCodes(deps: {
  db: Db;
  now: () => Date;
  keys: IdentityKeys;
  deliver: CodeDelivery;
}) {
  const { keys } = deps;
  const codeHash = (identityHash: string, code: string) =>
    createHmac('sha256', keys.codeKey).update(`${identityHash}:${code}`).digest('hex');
  const limited = () =>
    new DomainError(
      'rate_limited',
      'booking_code_rate_limited',
      'Too many codes asked for; wait 15 minutes, then ask for a new one',
    );
  const invalid = () =>
    new DomainError('invalid', 'booking_identity_invalid', 'Give a phone number or an e-mail address');
  // Clients stored before identities were hashed (or under a rotated-out key) are found only once
  // re-hashed: done once per process, before its first sign-in.
  let upgraded: Promise<number> | null = null;
  const ready = () => {
    upgraded ??= upgradeClients(deps.db, keys).catch((error: unknown) => {
      upgraded = null;
      throw error;
    });
    return upgraded;
  };
  // Count-then-insert and check-then-use are atomic per identity and per address: concurrent
  // requests for one key wait for each other (transaction-scoped, released at commit).
  const lock = async (tx: Tx, lockKeys: string[]) => {
    for (const key of [...new Set(lockKeys)].sort())
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`booking-login:${key}`}, 0))`);
  };

  return {
    async request(raw: string, from: { ip?: string | null; language?: Language } = {}): Promise<void> {
      const identity = normalizeIdentity(raw);
      if (!identity) throw invalid();
      const idHash = keys.identity(identity);
      // No address (an in-process caller): one shared requester, limited like any other.
      const ipHash = from.ip ? keys.address(from.ip) : null;
      const requester = ipHash ?? 'unknown';
      const now = deps.now();
      const since = new Date(now.getTime() - WINDOW_MS);
      const hourAgo = new Date(now.getTime() - KEEP_MS);
      await deps.db.transaction(async (tx) => {
        await lock(tx, [idHash, requester]);
        const c = bookingLoginCodes;
        const recent = sql`${c.createdAt} > ${since}`;
        const [counts] = await tx
          .select({
            identity: sql<number>`count(*) FILTER (WHERE ${c.identityHash} = ${idHash})::int`,
            pair: sql<number>`count(*) FILTER (WHERE ${c.identityHash} = ${idHash} AND coalesce(${c.ipHash}, 'unknown') = ${requester} AND ${recent})::int`,
            address: sql<number>`count(*) FILTER (WHERE ${c.ipHash} = ${ipHash} AND ${recent})::int`,
          })
          .from(c)
          .where(
            and(gt(c.createdAt, hourAgo), sql`(${c.identityHash} = ${idHash} OR ${c.ipHash} = ${ipHash})`),
          );
        if (
          (counts?.pair ?? 0) >= MAX_CODES_PER_REQUESTER ||
          (ipHash !== null && (counts?.address ?? 0) >= MAX_CODES_PER_ADDRESS) ||
          (counts?.identity ?? 0) >= MAX_CODES_PER_IDENTITY_HOUR
        )
          throw limited();
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        await tx.insert(c).values({
          id: uuidv7(),
          identityHash: idHash,
          codeHash: codeHash(idHash, code),
          attempts: 0,
          expiresAt: new Date(now.getTime() + CODE_TTL_MS),
          createdAt: now,
          ipHash,
        });
        // Stored and sent together: a code the server could not send does not count against anyone.
        await deps.deliver(identity, code, from.language ?? 'en');
      });
    },

    /**
     * Accepts any live code of the identity; on success returns the web client (created on first
     * login). A wrong code counts against every live code, so more live codes buy no more guesses.
     */
    async verify(raw: string, code: string, language: Language = 'en'): Promise<User> {
      const identity = normalizeIdentity(raw);
      if (!identity) throw invalid();
      await ready();
      const idHash = keys.identity(identity);
      const now = deps.now();
      const wrong = new DomainError(
        'unauthorized',
        'booking_code_wrong',
        'That code is wrong or has expired',
      );
      const user = await deps.db.transaction(async (tx) => {
        await lock(tx, [idHash]);
        const c = bookingLoginCodes;
        const live = await tx
          .select()
          .from(c)
          .where(
            and(
              eq(c.identityHash, idHash),
              isNull(c.usedAt),
              gt(c.expiresAt, now),
              lt(c.attempts, MAX_ATTEMPTS),
            ),
          )
          .orderBy(desc(c.createdAt))
          .limit(MAX_CODES_PER_IDENTITY_HOUR);
        const given = Buffer.from(codeHash(idHash, code.trim()));
        const match = live.find(
          (row) => row.codeHash.length === given.length && timingSafeEqual(given, Buffer.from(row.codeHash)),
        );
        if (!match) {
          if (live.length)
            await tx
              .update(c)
              .set({ attempts: sql`${c.attempts} + 1` })
              .where(
                inArray(
                  c.id,
                  live.map((row) => row.id),
                ),
              );
          return null;
        }
        await tx.update(c).set({ usedAt: now }).where(eq(c.id, match.id));
        return webClientUser(tx, { normalized: identity, hash: idHash }, language);
      });
      if (!user) throw wrong;
      return user;
    },

    /** Deletes codes no limit counts any more (used or expired, older than an hour). */
    async prune(): Promise<number> {
      const cutoff = new Date(deps.now().getTime() - KEEP_MS);
      const gone = await deps.db
        .delete(bookingLoginCodes)
        .where(lt(bookingLoginCodes.createdAt, cutoff))
        .returning({ id: bookingLoginCodes.id });
      return gone.length;
    },

    /** Re-hashes clients stored before hashing or under an older key (also run before the first sign-in). */
    upgradeClients: () => ready(),
  };
}
