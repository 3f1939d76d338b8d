import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ServiceHarness } from '../../tasks/tests/service-harness.ts';

/** Seeds through the tasks service (the real write path) at the instants given, moving the clock. */
export async function seedTask(
  h: ServiceHarness,
  userId: string,
  spec: { createdAt: string; dueAt?: string; completedAt?: string; courseId?: string },
) {
  h.clock.now = new Date(spec.createdAt);
  const task = await h.service.create(userId, {
    title: `task ${spec.createdAt}`,
    dueAt: spec.dueAt ? new Date(spec.dueAt) : null,
    ...(spec.courseId ? { courseId: spec.courseId } : {}),
  });
  if (spec.completedAt) {
    h.clock.now = new Date(spec.completedAt);
    await h.service.complete(userId, task.id);
  }
  return task;
}

/**
 * Reminder occurrences are seeded as rows (the reminders' own firing path needs the job workers and
 * a running bot); the outcome columns are exactly what its settle/snooze write.
 */
export async function seedOccurrences(
  h: ServiceHarness,
  userId: string,
  list: Array<{ dueAt: string; fireAt?: string; status: 'done' | 'skipped' | 'sent' | 'cancelled' }>,
) {
  const reminderId = uuidv7();
  await h.testDb.database.db.execute(
    sql`INSERT INTO reminders (id, user_id, text, timezone, starts_at) VALUES (${reminderId}::uuid, ${userId}::uuid, 'r', 'UTC', now())`,
  );
  for (const o of list) {
    await h.testDb.database.db.execute(
      sql`INSERT INTO reminder_occurrences (id, reminder_id, user_id, due_at, fire_at, status)
          VALUES (${uuidv7()}::uuid, ${reminderId}::uuid, ${userId}::uuid, ${o.dueAt}::timestamptz,
                  ${o.fireAt ?? o.dueAt}::timestamptz, ${o.status})`,
    );
  }
}
