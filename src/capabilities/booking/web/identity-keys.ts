import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { and, eq, isNotNull, isNull, not, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { bookingClients } from '../booking-tables.ts';

/**
 * Keyed hashes of what identifies a web client (a phone number or e-mail) and of the address a
 * login code was asked from: the database can find and count them but not read them. Each hash
 * is `<key id>:<HMAC-SHA256 hex>` under a subkey of ENCRYPTION_KEY, so after a key rotation the
 * rows hashed under the old key are known and re-hashed from their sealed copy (`upgradeClients`).
 */
export interface IdentityKeys {
  /** The lookup hash of a normalized identity. */
  identity(normalized: string): string;
  /** The hash of a requesting address: an IPv4 address, or the /64 an IPv6 address is in. */
  address(ip: string): string;
  /** The HMAC key for login codes (each code is stored as a hash of identity hash + code). */
  codeKey: Buffer;
  /** The id of the key the hashes are made with. */
  keyId: string;
}

export function createIdentityKeys(deriveKey: (purpose: string) => Buffer): IdentityKeys {
  const identityKey = deriveKey('booking-identity-hash');
  const addressKey = deriveKey('booking-address-hash');
  const keyId = deriveKey('booking-identity-hash-id').subarray(0, 4).toString('hex');
  const mac = (key: Buffer, value: string) =>
    `${keyId}:${createHmac('sha256', key).update(value).digest('hex')}`;
  return {
    identity: (normalized) => mac(identityKey, normalized),
    address: (ip) => mac(addressKey, addressBucket(ip)),
    codeKey: deriveKey('booking-login-code'),
    keyId,
  };
}

/**
 * What one requester is, for limits: an IPv4 address, or an IPv6 /64 (one customer's network: a
 * host picks any of its 2^64 addresses at will, so per-address limits would not limit it).
 */
export function addressBucket(ip: string): string {
  const bare = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const [head = '', tail] = bare.split('::');
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) fills the last 32 bits: two groups, outside the /64.
  const left = part(head);
  const right = part(tail).flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Brings web clients' identities to the current key: rows written before identities were hashed
 * (migration 0026) or hashed under a rotated-out key get the current hash, and their identity is
 * re-sealed on the way. Idempotent and safe to run from several processes (a row is only changed
 * while its hash is still what was read). Returns how many rows it changed.
 */
export async function upgradeClients(db: Db, keys: IdentityKeys): Promise<number> {
  const stale = await db
    .select({ id: bookingClients.id, identity: bookingClients.identity, hash: bookingClients.identityHash })
    .from(bookingClients)
    .where(
      and(
        isNotNull(bookingClients.identity),
        or(
          isNull(bookingClients.identityHash),
          not(sql`${bookingClients.identityHash} LIKE ${`${keys.keyId}:%`}`),
        ),
      ),
    );
  let changed = 0;
  for (const row of stale) {
    const identity = row.identity as string;
    const updated = await db
      .update(bookingClients)
      .set({ identity, identityHash: keys.identity(identity) })
      .where(
        and(
          eq(bookingClients.id, row.id),
          row.hash === null ? isNull(bookingClients.identityHash) : eq(bookingClients.identityHash, row.hash),
        ),
      )
      .returning({ id: bookingClients.id });
    changed += updated.length;
  }
  return changed;
}
