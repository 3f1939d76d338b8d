import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';
import { timestamptz as tstz } from '../platform/db/columns.ts';
import type { Db } from '../platform/db/database.ts';

export const floodControl = pgTable('flood_control', {
  telegramId: bigint('telegram_id', { mode: 'number' }).primaryKey(),
  windowStart: tstz('window_start').notNull(),
  count: integer('count').notNull(),
  mutedUntil: tstz('muted_until'),
});

export type FloodVerdict = 'ok' | 'warn' | 'ignore';

export interface FloodControl {
  /** Counts one update from this person; says whether to handle it, warn once, or ignore it. */
  hit(telegramId: number, at: Date): Promise<FloodVerdict>;
}

export interface FloodLimits {
  maxUpdates: number;
  windowSeconds: number;
  muteSeconds: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { maxUpdates: 20, windowSeconds: 10, muteSeconds: 60 };

/** Pure rule: a fixed window per person; going over the limit mutes them once (one warning). */
export function floodStep(
  state: { windowStart: Date; count: number; mutedUntil: Date | null } | null,
  at: Date,
  limits: FloodLimits,
): { next: { windowStart: Date; count: number; mutedUntil: Date | null }; verdict: FloodVerdict } {
  if (state?.mutedUntil && state.mutedUntil > at) return { next: state, verdict: 'ignore' };
  const fresh = !state || at.getTime() - state.windowStart.getTime() >= limits.windowSeconds * 1000;
  const windowStart = fresh ? at : state.windowStart;
  const count = fresh ? 1 : state.count + 1;
  if (count > limits.maxUpdates) {
    return {
      next: { windowStart, count: 0, mutedUntil: new Date(at.getTime() + limits.muteSeconds * 1000) },
      verdict: 'warn',
    };
  }
  return { next: { windowStart, count, mutedUntil: null }, verdict: 'ok' };
}

/**
 * The window lives in the database, so every worker process counts the same updates. One statement
 * (an upsert that computes `floodStep` on the row it locks) instead of a transaction of four round
 * trips: it runs on every update. An ignored hit stores count -1 so that the returned row tells the
 * three verdicts apart (ok: not muted; warn: count 0 and muted just now; ignore: count -1).
 */
export function createFloodControl(db: Db, limits: FloodLimits = DEFAULT_FLOOD_LIMITS): FloodControl {
  const window = `${limits.windowSeconds} seconds`;
  const mute = `${limits.muteSeconds} seconds`;
  return {
    async hit(telegramId, at) {
      const f = floodControl;
      const muted = sql`${f.mutedUntil} > ${at}`;
      const fresh = sql`${at}::timestamptz - ${f.windowStart} >= ${window}::interval`;
      const next = sql`(CASE WHEN ${fresh} THEN 1 ELSE greatest(${f.count}, 0) + 1 END)`;
      const [row] = await db
        .insert(f)
        .values({ telegramId, windowStart: at, count: 1, mutedUntil: null })
        .onConflictDoUpdate({
          target: f.telegramId,
          set: {
            windowStart: sql`CASE WHEN ${muted} OR NOT ${fresh} THEN ${f.windowStart} ELSE ${at}::timestamptz END`,
            count: sql`CASE WHEN ${muted} THEN -1 WHEN ${next} > ${limits.maxUpdates} THEN 0 ELSE ${next} END`,
            mutedUntil: sql`CASE WHEN ${muted} THEN ${f.mutedUntil}
              WHEN ${next} > ${limits.maxUpdates} THEN ${at}::timestamptz + ${mute}::interval END`,
          },
        })
        .returning({ count: f.count, mutedUntil: f.mutedUntil });
      if (!row?.mutedUntil) return 'ok';
      return row.count === -1 ? 'ignore' : 'warn';
    },
  };
}
