import { and, asc, eq, max, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { createCategoryService } from './category-service.ts';
import { cleanText, inTx, invalid, isUuid, notFound } from './owned.ts';
import { type CourseRow, courses, courseTopics, TOPIC_STATUSES, type TopicRow } from './task-tables.ts';
import type { Course, CourseService, Topic } from './task-types.ts';

const toTopic = (r: TopicRow): Topic => ({
  id: r.id,
  courseId: r.courseId,
  title: r.title,
  position: r.position,
  status: r.status,
  version: r.version,
});

export function toCourse(row: CourseRow, topicRows: TopicRow[]): Course {
  const topics = topicRows.map(toTopic);
  const learned = topics.filter((t) => t.status === 'learned').length;
  const inProgress = topics.filter((t) => t.status === 'in_progress').length;
  const total = topics.length;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    topics,
    progress: { learned, inProgress, total, percent: total ? Math.round((learned / total) * 100) : 0 },
  };
}

export function createCourseService(deps: { db: Db; now: () => Date }): CourseService {
  const { db, now } = deps;

  async function loadCourse(q: Queryable, userId: string, id: string): Promise<Course | null> {
    if (!isUuid(id)) return null;
    const [row] = await q
      .select()
      .from(courses)
      .where(and(eq(courses.id, id), eq(courses.userId, userId)))
      .limit(1);
    if (!row) return null;
    const topics = await q
      .select()
      .from(courseTopics)
      .where(eq(courseTopics.courseId, id))
      .orderBy(asc(courseTopics.position), asc(courseTopics.id));
    return toCourse(row, topics);
  }

  async function mustCourse(q: Queryable, userId: string, id: string): Promise<Course> {
    const course = await loadCourse(q, userId, id);
    if (!course) throw notFound('course', id);
    return course;
  }

  async function nameTaken(q: Queryable, userId: string, name: string, exceptId?: string) {
    const [row] = await q
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.userId, userId), sql`lower(${courses.name}) = lower(${name})`))
      .limit(1);
    return row !== undefined && row.id !== exceptId;
  }

  const service: CourseService = {
    ...createCategoryService({ db, now }),
    async list(userId) {
      const rows = await db
        .select()
        .from(courses)
        .where(eq(courses.userId, userId))
        .orderBy(asc(courses.name));
      const topics = rows.length
        ? await db
            .select()
            .from(courseTopics)
            .where(eq(courseTopics.userId, userId))
            .orderBy(asc(courseTopics.position), asc(courseTopics.id))
        : [];
      return rows.map((r) =>
        toCourse(
          r,
          topics.filter((t) => t.courseId === r.id),
        ),
      );
    },
    get: (userId, id) => loadCourse(db, userId, id),
    async create(userId, input) {
      const name = cleanText(input.name, 'name', 100);
      const titles = (input.topics ?? []).map((t) => cleanText(t, 'topic', 200));
      return db
        .transaction(async (tx) => {
          if (await nameTaken(tx, userId, name)) throw conflictName(name);
          const id = uuidv7();
          const at = now();
          await tx.insert(courses).values({
            id,
            userId,
            name,
            description: input.description?.trim() || null,
            createdAt: at,
            updatedAt: at,
          });
          for (const [position, title] of titles.entries()) {
            await tx.insert(courseTopics).values(newTopic(userId, id, title, position, at));
          }
          return mustCourse(tx, userId, id);
        })
        .catch(nameRace(name));
    },
    async ensure(userId, rawName, options = {}) {
      const name = cleanText(rawName, 'course', 100);
      return inTx(db, options.tx, async (tx) => {
        const [found] = await tx
          .select()
          .from(courses)
          .where(and(eq(courses.userId, userId), sql`lower(${courses.name}) = lower(${name})`))
          .limit(1);
        if (found) return mustCourse(tx, userId, found.id);
        const id = uuidv7();
        await tx.insert(courses).values({ id, userId, name, createdAt: now(), updatedAt: now() });
        return mustCourse(tx, userId, id);
      });
    },
    async update(userId, id, patch) {
      const name = patch.name !== undefined ? cleanText(patch.name, 'name', 100) : undefined;
      return db
        .transaction(async (tx) => {
          await mustCourse(tx, userId, id);
          if (name && (await nameTaken(tx, userId, name, id))) throw conflictName(name);
          await tx
            .update(courses)
            .set({
              ...(name ? { name } : {}),
              ...(patch.description !== undefined ? { description: patch.description?.trim() || null } : {}),
              updatedAt: now(),
            })
            .where(eq(courses.id, id));
          return mustCourse(tx, userId, id);
        })
        .catch(nameRace(name));
    },
    async remove(userId, id) {
      await mustCourse(db, userId, id);
      await db.delete(courses).where(eq(courses.id, id));
    },
    async addTopic(userId, courseId, rawTitle, position) {
      const title = cleanText(rawTitle, 'title', 200);
      return db.transaction(async (tx) => {
        const course = await mustCourse(tx, userId, courseId);
        const [last] = await tx
          .select({ value: max(courseTopics.position) })
          .from(courseTopics)
          .where(eq(courseTopics.courseId, courseId));
        const end = (last?.value ?? -1) + 1;
        const at = position === undefined ? end : Math.max(0, Math.min(position, end));
        if (at < end) await shift(tx, course, at, 1);
        const row = newTopic(userId, courseId, title, at, now());
        await tx.insert(courseTopics).values(row);
        return toTopic(row);
      });
    },
    async updateTopic(userId, courseId, topicId, patch) {
      return db.transaction(async (tx) => {
        const course = await mustCourse(tx, userId, courseId);
        const topic = course.topics.find((t) => t.id === topicId);
        if (!topic) throw notFound('topic', topicId);
        if (patch.expectVersion !== undefined && patch.expectVersion !== topic.version) {
          throw invalid('topic_changed', 'The topic changed meanwhile');
        }
        if (patch.status !== undefined && !TOPIC_STATUSES.includes(patch.status)) {
          throw invalid('status_invalid', `status must be one of ${TOPIC_STATUSES.join(', ')}`);
        }
        let position = topic.position;
        if (patch.position !== undefined && patch.position !== topic.position) {
          const others = course.topics.filter((t) => t.id !== topicId);
          const target = Math.max(0, Math.min(patch.position, others.length));
          others.splice(target, 0, topic);
          for (const [index, t] of others.entries()) {
            if (t.position !== index)
              await tx.update(courseTopics).set({ position: index }).where(eq(courseTopics.id, t.id));
          }
          position = target;
        }
        const [row] = await tx
          .update(courseTopics)
          .set({
            ...(patch.title !== undefined ? { title: cleanText(patch.title, 'title', 200) } : {}),
            ...(patch.status !== undefined ? { status: patch.status } : {}),
            position,
            version: topic.version + 1,
            updatedAt: now(),
          })
          .where(eq(courseTopics.id, topicId))
          .returning();
        return toTopic(row as TopicRow);
      });
    },
    async removeTopic(userId, courseId, topicId) {
      await db.transaction(async (tx) => {
        const course = await mustCourse(tx, userId, courseId);
        const topic = course.topics.find((t) => t.id === topicId);
        if (!topic) throw notFound('topic', topicId);
        await tx.delete(courseTopics).where(eq(courseTopics.id, topicId));
        await shift(tx, course, topic.position + 1, -1);
      });
    },
    async findTopic(userId, topicId) {
      if (!isUuid(topicId)) return null;
      const [row] = await db
        .select()
        .from(courseTopics)
        .where(and(eq(courseTopics.id, topicId), eq(courseTopics.userId, userId)))
        .limit(1);
      return row ? toTopic(row) : null;
    },
  };
  return service;
}

async function shift(q: Queryable, course: Course, from: number, by: number) {
  for (const t of course.topics) {
    if (t.position >= from) {
      await q
        .update(courseTopics)
        .set({ position: t.position + by })
        .where(eq(courseTopics.id, t.id));
    }
  }
}

function newTopic(userId: string, courseId: string, title: string, position: number, at: Date): TopicRow {
  return {
    id: uuidv7(),
    courseId,
    userId,
    title,
    position,
    status: 'not_started',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

const conflictName = (name: string) =>
  new DomainError('conflict', 'course_exists', `A course named "${name}" exists`);
/** A concurrent twin passed the name check too; the unique index caught it. */
const nameRace =
  (name: string | undefined) =>
  (error: unknown): never => {
    throw name && isUniqueViolation(error) ? conflictName(name) : error;
  };
