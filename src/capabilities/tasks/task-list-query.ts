import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../../platform/db/ids.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isSupportedDate } from '../../platform/http/safe-input.ts';
import { tasks } from './task-tables.ts';
import type { TaskFilter, TaskStatus } from './task-types.ts';
import { viewRange } from './task-views.ts';

const OPEN: TaskStatus[] = ['todo', 'in_progress'];

interface Cursor {
  /** Sort key (ms) of the last item, null when it had none. */
  k: number | null;
  i: string;
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    // A key must be a date the database can compare with (1970–9999), the id a real UUID.
    const validKey = value.k === null || (typeof value.k === 'number' && isSupportedDate(new Date(value.k)));
    if (validKey && typeof value.i === 'string' && isUuid(value.i)) {
      return { k: value.k ?? null, i: value.i };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new DomainError('unprocessable', 'cursor_invalid', 'The cursor is not one this API returned');
}

/**
 * The WHERE clause, order and keyset condition of a task list. Open views sort by deadline
 * (none last) then id; the done view by completion time, newest first. Ids are UUIDv7, so the
 * order is total and stable across pages.
 */
export function listQuery(userId: string, filter: TaskFilter, timezone: string, now: Date) {
  const conditions: SQL[] = [eq(tasks.userId, userId)];
  const view = filter.view;
  if (view) {
    conditions.push(inArray(tasks.status, view === 'done' ? ['done'] : OPEN));
    const range = viewRange(view, timezone, now);
    // Upcoming also holds the tasks without a deadline: otherwise no tab would show them.
    if (range.from) {
      const from = gte(tasks.dueAt, range.from);
      conditions.push(view === 'upcoming' ? (or(from, isNull(tasks.dueAt)) as SQL) : from);
    }
    if (range.to) conditions.push(lt(tasks.dueAt, range.to));
  }
  if (filter.status?.length) conditions.push(inArray(tasks.status, filter.status));
  if (filter.dueFrom) conditions.push(gte(tasks.dueAt, filter.dueFrom));
  if (filter.dueTo) conditions.push(lt(tasks.dueAt, filter.dueTo));
  if (filter.categoryId) conditions.push(eq(tasks.categoryId, filter.categoryId));
  if (filter.courseId) conditions.push(eq(tasks.courseId, filter.courseId));
  if (filter.topicId) conditions.push(eq(tasks.topicId, filter.topicId));
  const where = and(...conditions) as SQL;

  const byCompletion = view === 'done';
  const column = byCompletion ? tasks.completedAt : tasks.dueAt;
  const orderBy = byCompletion
    ? [sql`${tasks.completedAt} DESC NULLS LAST`, desc(tasks.id)]
    : [sql`${tasks.dueAt} ASC NULLS LAST`, asc(tasks.id)];

  let after: SQL | undefined;
  if (filter.cursor) {
    const { k, i } = decodeCursor(filter.cursor);
    const beyond = byCompletion ? lt : gt;
    after =
      k === null
        ? and(isNull(column), beyond(tasks.id, i))
        : or(beyond(column, new Date(k)), and(eq(column, new Date(k)), beyond(tasks.id, i)), isNull(column));
  }
  const cursorOf = (row: { id: string; dueAt: Date | null; completedAt: Date | null }) =>
    encodeCursor({ k: (byCompletion ? row.completedAt : row.dueAt)?.getTime() ?? null, i: row.id });
  return { where, pageWhere: after ? (and(where, after) as SQL) : where, orderBy, cursorOf };
}
