import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/database.ts';
import type { JobPort, QueueDefinition } from '../../platform/jobs/job-queue.ts';
import { type TaskRow, taskDeadlineJobs, taskSettings } from './task-tables.ts';

export const DEADLINE_QUEUE_NAME = 'tasks.deadline';
export const DEADLINE_QUEUE: QueueDefinition = { name: DEADLINE_QUEUE_NAME, retryLimit: 5 };
export const DEFAULT_OFFSETS = [1440, 60] as const;

/** Payload of a deadline notification job. */
export interface DeadlineJob {
  taskId: string;
  userId: string;
  offsetMinutes: number;
  /** The deadline this job was scheduled for (ISO); a moved deadline makes the job obsolete. */
  dueAt: string;
}

const isOpen = (task: Pick<TaskRow, 'status'>) => task.status === 'todo' || task.status === 'in_progress';

/** The notification moments a task implies: one per offset, only for an open task and only in the future. */
export function impliedNotifications(
  task: Pick<TaskRow, 'status' | 'dueAt'>,
  offsets: readonly number[],
  now: Date,
): Array<{ offsetMinutes: number; notifyAt: Date }> {
  if (!task.dueAt || !isOpen(task)) return [];
  const due = task.dueAt.getTime();
  return [...new Set(offsets)]
    .map((offsetMinutes) => ({ offsetMinutes, notifyAt: new Date(due - offsetMinutes * 60_000) }))
    .filter((n) => n.notifyAt.getTime() > now.getTime());
}

export async function offsetsOf(q: Queryable, userId: string): Promise<number[]> {
  const [row] = await q.select().from(taskSettings).where(eq(taskSettings.userId, userId)).limit(1);
  return row ? row.deadlineOffsets : [...DEFAULT_OFFSETS];
}

/**
 * Brings a task's pending deadline jobs in line with its state, inside the transaction that
 * changed it: obsolete jobs are cancelled, missing ones enqueued, so the jobs exist iff the change
 * commits. A job already queued for the same moment is kept (it may be waiting out quiet hours).
 */
export async function syncDeadlineJobs(
  tx: Tx,
  jobs: JobPort,
  task: Pick<TaskRow, 'id' | 'userId' | 'status' | 'dueAt'> | null,
  taskId: string,
  offsets: readonly number[],
  now: Date,
): Promise<void> {
  const existing = await tx.select().from(taskDeadlineJobs).where(eq(taskDeadlineJobs.taskId, taskId));
  const wanted = task ? impliedNotifications(task, offsets, now) : [];
  const wantedAt = new Map(wanted.map((w) => [w.offsetMinutes, w.notifyAt.getTime()]));
  const obsolete = existing.filter((row) => wantedAt.get(row.offsetMinutes) !== row.notifyAt.getTime());
  for (const row of obsolete) await jobs.cancel(DEADLINE_QUEUE_NAME, row.jobId, { tx });
  if (obsolete.length) {
    await tx.delete(taskDeadlineJobs).where(
      and(
        eq(taskDeadlineJobs.taskId, taskId),
        inArray(
          taskDeadlineJobs.offsetMinutes,
          obsolete.map((r) => r.offsetMinutes),
        ),
      ),
    );
  }
  const kept = new Set(existing.filter((r) => !obsolete.includes(r)).map((r) => r.offsetMinutes));
  for (const { offsetMinutes, notifyAt } of wanted) {
    if (kept.has(offsetMinutes) || !task?.dueAt) continue;
    const data: DeadlineJob = {
      taskId,
      userId: task.userId,
      offsetMinutes,
      dueAt: task.dueAt.toISOString(),
    };
    const jobId = await jobs.send(DEADLINE_QUEUE_NAME, data, { startAfter: notifyAt, tx });
    if (!jobId) throw new Error(`deadline job for task ${taskId} was not created`);
    await tx.insert(taskDeadlineJobs).values({ taskId, offsetMinutes, jobId, notifyAt });
  }
}
