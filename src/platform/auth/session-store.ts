import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { authInitDataUses, authRevokedTokens, users } from '../db/schema.ts';

/** Server-side memory of signed-out tokens and used Mini App initData (both expire on their own). */
export interface SessionStore {
  /** Signs out one token: its id is refused until it would have expired anyway. */
  revokeToken(token: { jti: string; userId: string; expiresAt: Date }): Promise<void>;
  /** Signs a user out everywhere: every token minted before now stops working. */
  revokeAllTokens(userId: string): Promise<void>;
  /** True the first time this initData hash is seen within its validity; false on a replay. */
  claimInitData(hash: string, validUntil: Date): Promise<boolean>;
}

export function createSessionStore(deps: { db: Db; now: () => Date }): SessionStore {
  const { db } = deps;
  return {
    async revokeToken(token) {
      await db.transaction(async (tx) => {
        await tx.delete(authRevokedTokens).where(lt(authRevokedTokens.expiresAt, deps.now()));
        await tx
          .insert(authRevokedTokens)
          .values({ jti: token.jti, userId: token.userId, expiresAt: token.expiresAt })
          .onConflictDoNothing();
      });
    },
    async revokeAllTokens(userId) {
      await db
        .update(users)
        .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
        .where(eq(users.id, userId));
    },
    async claimInitData(hash, validUntil) {
      return db.transaction(async (tx) => {
        await tx.delete(authInitDataUses).where(lt(authInitDataUses.expiresAt, deps.now()));
        const inserted = await tx
          .insert(authInitDataUses)
          .values({ hash: hash.toLowerCase(), expiresAt: validUntil })
          .onConflictDoNothing()
          .returning({ hash: authInitDataUses.hash });
        return inserted.length === 1;
      });
    },
  };
}
