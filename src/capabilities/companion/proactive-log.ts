import { and, desc, eq, gte, isNull, lte, max } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { companionProactiveLog } from './companion-tables.ts';
import type { Trigger } from './proactive-gate.ts';

export interface Decision {
  userId: string;
  trigger: Trigger;
  decision: 'sent' | 'skipped';
  /** `sent`, a gate reason (`daily_cap`, …), `model_skip: <why>`, `blocked`. */
  reason: string;
  localDate: string;
  text: string | null;
  at: Date;
}

/** A check-in is answered by a word or a button press within this long. */
export const ANSWER_WINDOW_MS = 24 * 3_600_000;

/** Every proactive decision, kept for the admin and counted by the gate. */
export function createProactiveLog(db: Db) {
  return {
    async write(decision: Decision, tx?: Queryable) {
      await (tx ?? db).insert(companionProactiveLog).values({ id: uuidv7(), ...decision });
    },
    async sentOn(userId: string, localDate: string, tx?: Queryable): Promise<number> {
      const rows = await (tx ?? db)
        .select({ id: companionProactiveLog.id })
        .from(companionProactiveLog)
        .where(
          and(
            eq(companionProactiveLog.userId, userId),
            eq(companionProactiveLog.localDate, localDate),
            eq(companionProactiveLog.decision, 'sent'),
          ),
        );
      return rows.length;
    },
    async lastSent(userId: string, trigger: Trigger): Promise<Date | null> {
      const [row] = await db
        .select({ at: max(companionProactiveLog.at) })
        .from(companionProactiveLog)
        .where(
          and(
            eq(companionProactiveLog.userId, userId),
            eq(companionProactiveLog.trigger, trigger),
            eq(companionProactiveLog.decision, 'sent'),
          ),
        );
      return row?.at ? new Date(row.at) : null;
    },
    /** Any decision (sent or skipped) about a trigger since a moment — e.g. a stage change already handled. */
    async decidedSince(userId: string, trigger: Trigger, since: Date): Promise<boolean> {
      const rows = await db
        .select({ id: companionProactiveLog.id })
        .from(companionProactiveLog)
        .where(
          and(
            eq(companionProactiveLog.userId, userId),
            eq(companionProactiveLog.trigger, trigger),
            gte(companionProactiveLog.at, since),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
    /**
     * The person wrote to the companion or pressed a check-in's button: the check-ins sent to them
     * in the 24 hours before count as answered (engagement).
     */
    async markAnswered(userId: string, at: Date): Promise<void> {
      await db
        .update(companionProactiveLog)
        .set({ answeredAt: at })
        .where(
          and(
            eq(companionProactiveLog.userId, userId),
            eq(companionProactiveLog.decision, 'sent'),
            isNull(companionProactiveLog.answeredAt),
            gte(companionProactiveLog.at, new Date(at.getTime() - ANSWER_WINDOW_MS)),
            lte(companionProactiveLog.at, at),
          ),
        );
    },
    async list(filter: { userId?: string; limit?: number }) {
      return db
        .select()
        .from(companionProactiveLog)
        .where(filter.userId ? eq(companionProactiveLog.userId, filter.userId) : undefined)
        .orderBy(desc(companionProactiveLog.at))
        .limit(filter.limit ?? 100);
    },
  };
}

export type ProactiveLog = ReturnType<typeof createProactiveLog>;
