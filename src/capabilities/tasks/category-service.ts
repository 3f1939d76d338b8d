import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { cleanText, isUuid, notFound } from './owned.ts';
import { taskCategories } from './task-tables.ts';
import type { Category, CourseService } from './task-types.ts';

const toCategory = (r: { id: string; name: string; createdAt: Date }): Category => ({
  id: r.id,
  name: r.name,
  createdAt: r.createdAt,
});

/** The user's category with this name (case-insensitive), created if missing. */
export async function ensureCategory(q: Queryable, userId: string, rawName: string, now: Date) {
  const name = cleanText(rawName.replace(/^#/, ''), 'category', 60);
  const [found] = await q
    .select()
    .from(taskCategories)
    .where(and(eq(taskCategories.userId, userId), sql`lower(${taskCategories.name}) = lower(${name})`))
    .limit(1);
  if (found) return toCategory(found);
  const row = { id: uuidv7(), userId, name, createdAt: now };
  await q.insert(taskCategories).values(row);
  return toCategory(row);
}

type CategoryFunctions = Pick<
  CourseService,
  'listCategories' | 'createCategory' | 'renameCategory' | 'removeCategory'
>;

export function createCategoryService(deps: { db: Db; now: () => Date }): CategoryFunctions {
  const { db, now } = deps;
  async function mustOwn(userId: string, id: string) {
    if (!isUuid(id)) throw notFound('category', id);
    const [row] = await db
      .select()
      .from(taskCategories)
      .where(and(eq(taskCategories.id, id), eq(taskCategories.userId, userId)));
    if (!row) throw notFound('category', id);
    return row;
  }
  const exists = (name: string) =>
    new DomainError('conflict', 'category_exists', `A category named "${name}" exists`);
  return {
    async listCategories(userId) {
      const rows = await db
        .select()
        .from(taskCategories)
        .where(eq(taskCategories.userId, userId))
        .orderBy(asc(taskCategories.name));
      return rows.map(toCategory);
    },
    async createCategory(userId, rawName) {
      const name = cleanText(rawName.replace(/^#/, ''), 'name', 60);
      const [row] = await db
        .insert(taskCategories)
        .values({ id: uuidv7(), userId, name, createdAt: now() })
        .onConflictDoNothing()
        .returning();
      if (!row) throw exists(name);
      return toCategory(row);
    },
    async renameCategory(userId, id, rawName) {
      await mustOwn(userId, id);
      const name = cleanText(rawName.replace(/^#/, ''), 'name', 60);
      const [row] = await db
        .update(taskCategories)
        .set({ name })
        .where(eq(taskCategories.id, id))
        .returning()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? exists(name) : error;
        });
      if (!row) throw notFound('category', id);
      return toCategory(row);
    },
    async removeCategory(userId, id) {
      await mustOwn(userId, id);
      await db.delete(taskCategories).where(eq(taskCategories.id, id));
    },
  };
}
