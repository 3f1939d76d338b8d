import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../../platform/db/database.ts';
import { calendarFeeds } from './feed-tables.ts';

/** 32 random bytes in base64url: 43 characters, 256 bits. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface FeedTokens {
  /** The user's current token, made on first use. */
  current(userId: string): Promise<string>;
  /** A new token; the old one stops working at once. */
  reset(userId: string): Promise<string>;
  /** Whose feed a token opens, or null (unknown, reset, or not a token at all). */
  owner(token: string): Promise<string | null>;
}

/**
 * Calendar-feed tokens: the URL's only credential. Looked up by hash (an index on the hash, so a
 * lookup takes the same path for any guess); the sealed copy lets the bot show the link again.
 */
export function createFeedTokens(deps: { db: Db; now: () => Date }): FeedTokens {
  const { db } = deps;
  const write = async (userId: string, replace: boolean) => {
    const token = randomBytes(32).toString('base64url');
    const values = { tokenHash: hash(token), token, createdAt: deps.now() };
    const insert = db.insert(calendarFeeds).values({ id: uuidv7(), userId, ...values });
    const rows = replace
      ? await insert.onConflictDoUpdate({ target: calendarFeeds.userId, set: values }).returning()
      : await insert.onConflictDoNothing({ target: calendarFeeds.userId }).returning();
    return rows[0]?.token ?? null;
  };
  return {
    async current(userId) {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      if (row) return row.token;
      // Two first requests at once: one insert wins, the other reads the winner's token.
      const made = await write(userId, false);
      if (made) return made;
      const [again] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      if (!again) throw new Error(`calendar feed of ${userId} vanished while being made`);
      return again.token;
    },
    async reset(userId) {
      return (await write(userId, true)) as string;
    },
    async owner(token) {
      if (!TOKEN.test(token)) return null;
      const [row] = await db
        .select({ userId: calendarFeeds.userId })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.tokenHash, hash(token)));
      return row?.userId ?? null;
    },
  };
}
