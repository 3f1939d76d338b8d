import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { companionMessages, companionSummaries } from './companion-tables.ts';

export interface StoredMessage {
  role: 'user' | 'assistant';
  text: string;
  createdAt: Date;
}

/**
 * The only reader and writer of conversation text (sealed at rest by the column type, see
 * companion-tables.ts): it selects and orders by user and time, never by the text.
 */
export interface ConversationStore {
  append(userId: string, role: 'user' | 'assistant', text: string, at: Date): Promise<void>;
  /** Messages after the summary's cut-off, oldest first. */
  unsummarised(userId: string, after: Date | null): Promise<StoredMessage[]>;
  summary(userId: string): Promise<{ text: string; until: Date } | null>;
  saveSummary(userId: string, text: string, until: Date, at: Date): Promise<void>;
  lastAt(userId: string): Promise<Date | null>;
  /** /reset: forgets the whole conversation of one user. */
  clear(userId: string): Promise<void>;
  deleteOlderThan(cutoff: Date): Promise<number>;
}

export function createConversationStore(db: Db): ConversationStore {
  return {
    async append(userId, role, text, at) {
      await db.insert(companionMessages).values({ id: uuidv7(), userId, role, text, createdAt: at });
    },
    async unsummarised(userId, after) {
      const where = after
        ? and(eq(companionMessages.userId, userId), gt(companionMessages.createdAt, after))
        : eq(companionMessages.userId, userId);
      return db
        .select({
          role: companionMessages.role,
          text: companionMessages.text,
          createdAt: companionMessages.createdAt,
        })
        .from(companionMessages)
        .where(where)
        .orderBy(asc(companionMessages.createdAt), asc(companionMessages.id));
    },
    async summary(userId) {
      const [row] = await db.select().from(companionSummaries).where(eq(companionSummaries.userId, userId));
      return row ? { text: row.text, until: row.summarisedUntil } : null;
    },
    async saveSummary(userId, text, until, at) {
      const values = { text, summarisedUntil: until, updatedAt: at };
      await db
        .insert(companionSummaries)
        .values({ id: uuidv7(), userId, ...values })
        .onConflictDoUpdate({ target: companionSummaries.userId, set: values });
    },
    async lastAt(userId) {
      const [row] = await db
        .select({ at: companionMessages.createdAt })
        .from(companionMessages)
        .where(eq(companionMessages.userId, userId))
        .orderBy(desc(companionMessages.createdAt))
        .limit(1);
      return row?.at ?? null;
    },
    async clear(userId) {
      await db.transaction(async (tx) => {
        await tx.delete(companionMessages).where(eq(companionMessages.userId, userId));
        await tx.delete(companionSummaries).where(eq(companionSummaries.userId, userId));
      });
    },
    async deleteOlderThan(cutoff) {
      const gone = await db
        .delete(companionMessages)
        .where(lt(companionMessages.createdAt, cutoff))
        .returning({ id: companionMessages.id });
      return gone.length;
    },
  };
}
