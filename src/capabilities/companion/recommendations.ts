import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { companionRecommendationSends, companionRecommendations } from './companion-tables.ts';

export interface Recommendation {
  id: string;
  title: string;
  url: string;
  stages: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type RecommendationInput = Pick<Recommendation, 'title' | 'url' | 'stages'>;

/**
 * The admin's catalogue of things worth reading or doing, tagged with journey stages. A check-in
 * carries at most one: matching the person's stage, never one they already got (recorded).
 */
export function createRecommendations(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const notFound = (id: string) =>
    new DomainError('not_found', 'recommendation_not_found', `No recommendation ${id}`);
  // Titles and links are sealed, so SQL cannot filter on them; the catalogue is small.
  const all = () =>
    db.select().from(companionRecommendations).orderBy(asc(companionRecommendations.createdAt));
  return {
    list: all,
    async create(input: RecommendationInput): Promise<Recommendation> {
      const at = now();
      const [row] = await db
        .insert(companionRecommendations)
        .values({ id: uuidv7(), ...input, createdAt: at, updatedAt: at })
        .returning();
      return row as Recommendation;
    },
    async update(id: string, patch: Partial<RecommendationInput>): Promise<Recommendation> {
      const [row] = await db
        .update(companionRecommendations)
        .set({ ...patch, updatedAt: now() })
        .where(eq(companionRecommendations.id, id))
        .returning();
      if (!row) throw notFound(id);
      return row;
    },
    async remove(id: string): Promise<void> {
      const gone = await db
        .delete(companionRecommendations)
        .where(eq(companionRecommendations.id, id))
        .returning({ id: companionRecommendations.id });
      if (gone.length === 0) throw notFound(id);
    },
    /** The oldest recommendation for this stage the person has not had yet, or null. */
    async pick(userId: string, stage: string, tx?: Queryable): Promise<Recommendation | null> {
      const q = tx ?? db;
      const had = new Set(
        (
          await q
            .select({ id: companionRecommendationSends.recommendationId })
            .from(companionRecommendationSends)
            .where(eq(companionRecommendationSends.userId, userId))
        ).map((r) => r.id),
      );
      const rows = await q
        .select()
        .from(companionRecommendations)
        .orderBy(asc(companionRecommendations.createdAt));
      return rows.find((r) => r.stages.includes(stage) && !had.has(r.id)) ?? null;
    },
    /** Records that the person got it; false when they already had (a concurrent run). */
    async record(userId: string, recommendationId: string, tx?: Queryable): Promise<boolean> {
      const inserted = await (tx ?? db)
        .insert(companionRecommendationSends)
        .values({ userId, recommendationId, sentAt: now() })
        .onConflictDoNothing()
        .returning({ id: companionRecommendationSends.recommendationId });
      return inserted.length > 0;
    },
  };
}

export type Recommendations = ReturnType<typeof createRecommendations>;
