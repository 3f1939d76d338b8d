import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { authLoginLinks } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';

export const LOGIN_LINK_TTL_SECONDS = 600;

/** One-time, short-lived sign-in links (`/web` in the bot) for the Mini App outside Telegram. */
export interface LoginLinks {
  /** A fresh token for this user; only its hash is stored. */
  issue(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The user the token was issued to, once; a used, expired or unknown token is a 401 naming which. */
  redeem(token: string): Promise<string>;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const refused = (code: string, why: string) =>
  new DomainError('unauthorized', code, `This sign-in link ${why}: send /web to the bot for a new one`);

export function createLoginLinks(deps: { db: Db; now: () => Date }): LoginLinks {
  const { db } = deps;
  return {
    async issue(userId) {
      const token = randomBytes(32).toString('base64url');
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + LOGIN_LINK_TTL_SECONDS * 1000);
      await db.transaction(async (tx) => {
        // Expired links are kept a day (so a late click says "expired", not "unknown"), then go.
        await tx
          .delete(authLoginLinks)
          .where(lt(authLoginLinks.expiresAt, new Date(now.getTime() - 86_400_000)));
        await tx.insert(authLoginLinks).values({ tokenHash: hash(token), userId, expiresAt });
      });
      return { token, expiresAt };
    },
    async redeem(token) {
      const tokenHash = hash(token);
      const now = deps.now();
      // Claimed by one conditional update: two clicks at once cannot both sign in.
      const [claimed] = await db
        .update(authLoginLinks)
        .set({ usedAt: now })
        .where(
          and(
            eq(authLoginLinks.tokenHash, tokenHash),
            isNull(authLoginLinks.usedAt),
            gt(authLoginLinks.expiresAt, now),
          ),
        )
        .returning({ userId: authLoginLinks.userId });
      if (claimed) return claimed.userId;
      const [row] = await db.select().from(authLoginLinks).where(eq(authLoginLinks.tokenHash, tokenHash));
      if (!row) throw refused('login_link_invalid', 'is not valid (mistyped or cut off?)');
      if (row.expiresAt <= now)
        throw refused(
          'login_link_expired',
          `expired (links work for ${LOGIN_LINK_TTL_SECONDS / 60} minutes)`,
        );
      throw refused('login_link_used', 'was used already (each link signs in once)');
    },
  };
}
