import { and, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../db/database.ts';
import { aiUsage } from './ai-usage-table.ts';
import type { DailyUsage, UsageStore } from './usage-store.ts';

type Row = typeof aiUsage.$inferSelect;
const toUsage = (r: Row): DailyUsage => ({
  userId: r.userId,
  day: r.day,
  requests: r.requests,
  inputTokens: Number(r.inputTokens),
  outputTokens: Number(r.outputTokens),
  costMicroUsd: Number(r.costMicroUsd),
});

/** UsageStore over the ai_usage table; increments are single upserts, safe across processes. */
export function createDrizzleUsageStore(db: Queryable): UsageStore {
  const where = (userId: string | null, day: string) =>
    and(userId === null ? isNull(aiUsage.userId) : eq(aiUsage.userId, userId), eq(aiUsage.day, day));
  return {
    async record(inc) {
      const [row] = await db
        .insert(aiUsage)
        .values({
          id: uuidv7(),
          userId: inc.userId,
          day: inc.day,
          requests: 1,
          inputTokens: inc.inputTokens,
          outputTokens: inc.outputTokens,
          costMicroUsd: inc.costMicroUsd,
        })
        .onConflictDoUpdate({
          target: [aiUsage.userId, aiUsage.day],
          set: {
            requests: sql`${aiUsage.requests} + 1`,
            inputTokens: sql`${aiUsage.inputTokens} + ${inc.inputTokens}`,
            outputTokens: sql`${aiUsage.outputTokens} + ${inc.outputTokens}`,
            costMicroUsd: sql`${aiUsage.costMicroUsd} + ${inc.costMicroUsd}`,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      if (!row) throw new Error('ai_usage upsert returned no row');
      return toUsage(row);
    },
    async get(userId, day) {
      const [row] = await db.select().from(aiUsage).where(where(userId, day)).limit(1);
      return row ? toUsage(row) : null;
    },
    async claimCapNotice(userId, day) {
      await db
        .insert(aiUsage)
        .values({ id: uuidv7(), userId, day })
        .onConflictDoNothing({ target: [aiUsage.userId, aiUsage.day] });
      const claimed = await db
        .update(aiUsage)
        .set({ capNotifiedAt: sql`now()` })
        .where(and(where(userId, day), isNull(aiUsage.capNotifiedAt)))
        .returning({ id: aiUsage.id });
      return claimed.length > 0;
    },
  };
}
