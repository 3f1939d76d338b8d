import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { companionActivity } from './companion-tables.ts';

/** What a user did, as other capabilities report it (`task.done`, `reminder.snoozed`, `note.filed`, …). */
export interface ActivityEntry {
  kind: string;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * The activity log: the input of the profile, the journey stage and the triggers. Other
 * capabilities report through `record` (the `companion` service); v2 has no event bus yet.
 */
export interface ActivityService {
  record(
    userId: string,
    kind: string,
    details?: Record<string, unknown>,
    options?: { tx?: Queryable },
  ): Promise<void>;
  recent(userId: string, since: Date, limit?: number): Promise<ActivityEntry[]>;
  lastAt(userId: string): Promise<Date | null>;
  /** Entries per kind since a moment (for templates and the profile prompt). */
  countsSince(userId: string, since: Date): Promise<Record<string, number>>;
  /** Deletes entries older than `cutoff`; returns how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
}

const KIND = /^[a-z][a-z0-9_.-]{0,63}$/;

export function createActivityService(deps: { db: Db; now: () => Date }): ActivityService {
  const { db, now } = deps;
  return {
    async record(userId, kind, details = {}, options = {}) {
      if (!KIND.test(kind)) throw new Error(`activity kind "${kind}" is not a short dotted name`);
      await (options.tx ?? db)
        .insert(companionActivity)
        .values({ id: uuidv7(), userId, kind, details, at: now() });
    },
    async recent(userId, since, limit = 200) {
      return db
        .select({
          kind: companionActivity.kind,
          details: companionActivity.details,
          at: companionActivity.at,
        })
        .from(companionActivity)
        .where(and(eq(companionActivity.userId, userId), gte(companionActivity.at, since)))
        .orderBy(desc(companionActivity.at))
        .limit(limit);
    },
    async lastAt(userId) {
      const [row] = await db
        .select({ at: sql<Date | null>`max(${companionActivity.at})`.mapWith(companionActivity.at) })
        .from(companionActivity)
        .where(eq(companionActivity.userId, userId));
      return row?.at ?? null;
    },
    async countsSince(userId, since) {
      const rows = await db
        .select({ kind: companionActivity.kind, n: count() })
        .from(companionActivity)
        .where(and(eq(companionActivity.userId, userId), gte(companionActivity.at, since)))
        .groupBy(companionActivity.kind);
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    },
    async deleteOlderThan(cutoff) {
      const gone = await db
        .delete(companionActivity)
        .where(lt(companionActivity.at, cutoff))
        .returning({ id: companionActivity.id });
      return gone.length;
    },
  };
}
