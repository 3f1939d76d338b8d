import { eq } from 'drizzle-orm';
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

/** The window lives in the database (row-locked), so every worker process counts the same updates. */
export function createFloodControl(db: Db, limits: FloodLimits = DEFAULT_FLOOD_LIMITS): FloodControl {
  return {
    hit(telegramId, at) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(floodControl)
          .where(eq(floodControl.telegramId, telegramId))
          .for('update');
        const { next, verdict } = floodStep(row ?? null, at, limits);
        await tx
          .insert(floodControl)
          .values({ telegramId, ...next })
          .onConflictDoUpdate({ target: floodControl.telegramId, set: next });
        return verdict;
      });
    },
  };
}
