import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ActivityPort } from '../../platform/capability/activity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import { ensureCategory } from './category-service.ts';
import { createCourseService } from './course-service.ts';
import { offsetsOf, syncDeadlineJobs } from './deadline-schedule.ts';
import { cleanText, inTx, invalid, isUuid, notFound } from './owned.ts';
import { listQuery } from './task-list-query.ts';
import { validateOffsets } from './task-settings.ts';
import {
  courses,
  courseTopics,
  PRIORITIES,
  STATUSES,
  type TaskRow,
  taskCategories,
  taskSettings,
  tasks,
} from './task-tables.ts';
import type { Task, TaskInput, TaskPatch, TaskService } from './task-types.ts';

export interface TaskServiceDeps {
  db: Db;
  jobs: JobPort;
  users: Pick<UserService, 'getById'>;
  now: () => Date;
  /** Where `task.created` / `task.done` are reported (the companion's activity log listens). */
  activity?: ActivityPort;
}

const toTask = (row: TaskRow): Task => ({ ...row });
const isOpen = (status: string) => status === 'todo' || status === 'in_progress';

export function createTaskService(deps: TaskServiceDeps): TaskService {
  const { db, jobs, now } = deps;
  const courseService = createCourseService({ db, now });

  async function lockTask(tx: Tx, userId: string, id: string): Promise<TaskRow> {
    if (!isUuid(id)) throw notFound('task', id);
    const [row] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
      .for('update');
    if (!row) throw notFound('task', id);
    return row;
  }

  function checkVersion(row: TaskRow, expected: number | undefined) {
    if (expected !== undefined && expected !== row.version) {
      throw new DomainError('conflict', 'task_changed', `Task ${row.id} changed meanwhile`, {
        version: row.version,
      });
    }
  }

  /** Category, course and topic references must be the user's own; a topic implies its course. */
  async function resolveLinks(tx: Tx, userId: string, input: Partial<TaskInput>) {
    const links: Partial<Pick<TaskRow, 'categoryId' | 'courseId' | 'topicId'>> = {};
    if (input.category) links.categoryId = (await ensureCategory(tx, userId, input.category, now())).id;
    else if (input.categoryId !== undefined) {
      if (input.categoryId !== null) await owns(tx, taskCategories, 'category', userId, input.categoryId);
      links.categoryId = input.categoryId;
    }
    if (input.course) links.courseId = (await courseService.ensure(userId, input.course, { tx })).id;
    else if (input.courseId !== undefined) {
      if (input.courseId !== null) await owns(tx, courses, 'course', userId, input.courseId);
      links.courseId = input.courseId;
    }
    if (input.topicId !== undefined) {
      links.topicId = input.topicId;
      if (input.topicId !== null) {
        const topic = await owns(tx, courseTopics, 'topic', userId, input.topicId);
        const course = (topic as { courseId: string }).courseId;
        if (links.courseId && links.courseId !== course) {
          throw invalid('topic_course_mismatch', 'The topic belongs to another course');
        }
        links.courseId = course;
      }
    } else if (input.courseId !== undefined || input.course) {
      links.topicId = null;
    }
    return links;
  }

  function validate(input: TaskPatch) {
    if (input.priority !== undefined && !PRIORITIES.includes(input.priority)) {
      throw invalid('priority_invalid', `priority must be one of ${PRIORITIES.join(', ')}`);
    }
    if (input.status !== undefined && !STATUSES.includes(input.status)) {
      throw invalid('status_invalid', `status must be one of ${STATUSES.join(', ')}`);
    }
    if (input.dueAt && Number.isNaN(input.dueAt.getTime())) throw invalid('due_at_invalid', 'Bad deadline');
  }

  const description = (value: string | null | undefined) => {
    const text = value?.trim();
    if (text && text.length > 4000)
      throw invalid('description_too_long', 'description is over 4000 characters');
    return text || null;
  };

  async function reschedule(tx: Tx, row: TaskRow | null, taskId: string, userId: string) {
    await syncDeadlineJobs(tx, jobs, row, taskId, await offsetsOf(tx, userId), now());
  }

  const service: TaskService = {
    courses: courseService,
    async create(userId, input, options = {}) {
      validate(input);
      const title = cleanText(input.title ?? '', 'title', 200);
      return inTx(db, options.tx, async (tx) => {
        const at = now();
        const status = input.status ?? 'todo';
        const row: TaskRow = {
          id: uuidv7(),
          userId,
          title,
          description: description(input.description),
          dueAt: input.dueAt ?? null,
          priority: input.priority ?? 'normal',
          status,
          categoryId: null,
          courseId: null,
          topicId: null,
          ...(await resolveLinks(tx, userId, input)),
          version: 1,
          createdAt: at,
          updatedAt: at,
          completedAt: status === 'done' ? at : null,
        };
        await tx.insert(tasks).values(row);
        await reschedule(tx, row, row.id, userId);
        await deps.activity?.record(userId, 'task.created', { taskId: row.id }, { tx });
        if (status === 'done') await deps.activity?.record(userId, 'task.done', { taskId: row.id }, { tx });
        return toTask(row);
      });
    },
    async get(userId, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
        .limit(1);
      return row ? toTask(row) : null;
    },
    async list(userId, filter = {}) {
      const limit = Math.max(1, Math.min(filter.limit ?? 20, 100));
      const user = await deps.users.getById(userId);
      const q = listQuery(userId, filter, user?.timezone ?? 'UTC', now());
      const rows = await db
        .select()
        .from(tasks)
        .where(q.pageWhere)
        .orderBy(...q.orderBy)
        .limit(limit + 1)
        .offset(filter.cursor ? 0 : Math.max(0, filter.offset ?? 0));
      const [total] = await db.select({ n: count() }).from(tasks).where(q.where);
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(toTask),
        nextCursor: rows.length > limit && last ? q.cursorOf(last) : null,
        total: Number(total?.n ?? 0),
      };
    },
    async update(userId, id, patch, options = {}) {
      validate(patch);
      return inTx(db, options.tx, async (tx) => {
        const row = await lockTask(tx, userId, id);
        checkVersion(row, patch.expectVersion);
        const status = patch.status ?? row.status;
        const next: TaskRow = {
          ...row,
          ...(patch.title !== undefined ? { title: cleanText(patch.title, 'title', 200) } : {}),
          ...(patch.description !== undefined ? { description: description(patch.description) } : {}),
          ...(patch.dueAt !== undefined ? { dueAt: patch.dueAt } : {}),
          ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
          ...(await resolveLinks(tx, userId, patch)),
          status,
          completedAt: status === 'done' ? (row.status === 'done' ? row.completedAt : now()) : null,
          version: row.version + 1,
          updatedAt: now(),
        };
        const { id: _id, userId: _user, createdAt: _created, ...changes } = next;
        await tx.update(tasks).set(changes).where(eq(tasks.id, id));
        if (next.dueAt?.getTime() !== row.dueAt?.getTime() || isOpen(next.status) !== isOpen(row.status)) {
          await reschedule(tx, next, id, userId);
        }
        if (next.status === 'done' && row.status !== 'done') {
          const onTime = row.dueAt ? (next.completedAt as Date) <= row.dueAt : null;
          await deps.activity?.record(userId, 'task.done', { taskId: id, onTime }, { tx });
        }
        return toTask(next);
      });
    },
    complete(userId, id, options = {}) {
      return service.update(userId, id, { status: 'done', expectVersion: options.expectVersion }, options);
    },
    async remove(userId, id, options = {}) {
      await inTx(db, options.tx, async (tx) => {
        const row = await lockTask(tx, userId, id);
        checkVersion(row, options.expectVersion);
        await reschedule(tx, null, id, userId);
        await tx.delete(tasks).where(eq(tasks.id, id));
      });
    },
    async listDueBetween(userId, from, to) {
      const rows = await db
        .select()
        .from(tasks)
        .where(
          and(
            eq(tasks.userId, userId),
            inArray(tasks.status, ['todo', 'in_progress']),
            gte(tasks.dueAt, from),
            lt(tasks.dueAt, to),
          ),
        )
        .orderBy(asc(tasks.dueAt), asc(tasks.id));
      return rows.map(toTask);
    },
    async getSettings(userId) {
      return { deadlineOffsets: await offsetsOf(db, userId) };
    },
    async updateSettings(userId, settings) {
      const deadlineOffsets = validateOffsets(settings.deadlineOffsets);
      await db.transaction(async (tx) => {
        const at = now();
        await tx
          .insert(taskSettings)
          .values({ userId, deadlineOffsets, updatedAt: at })
          .onConflictDoUpdate({ target: taskSettings.userId, set: { deadlineOffsets, updatedAt: at } });
        const open = await tx
          .select()
          .from(tasks)
          .where(
            and(
              eq(tasks.userId, userId),
              inArray(tasks.status, ['todo', 'in_progress']),
              gte(tasks.dueAt, at),
            ),
          )
          .for('update');
        for (const row of open) await syncDeadlineJobs(tx, jobs, row, row.id, deadlineOffsets, at);
      });
      return { deadlineOffsets };
    },
  };
  return service;
}

// biome-ignore lint/suspicious/noExplicitAny: any of the three owned tables (all have id and user_id).
async function owns(tx: Tx, table: any, what: string, userId: string, id: string): Promise<unknown> {
  if (!isUuid(id)) throw notFound(what, id);
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.userId, userId)))
    .limit(1);
  if (!row) throw notFound(what, id);
  return row;
}
