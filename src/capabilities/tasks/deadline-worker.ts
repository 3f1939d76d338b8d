import { eq } from 'drizzle-orm';
import type { NotifyFn } from '../../capabilities/capability.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobContext, JobPort } from '../../platform/jobs/job-queue.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { quietHoursEnd } from '../../platform/time/quiet-hours.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import { DEADLINE_QUEUE_NAME, type DeadlineJob } from './deadline-schedule.ts';
import { taskDeadlineJobs, tasks } from './task-tables.ts';
import type { Task } from './task-types.ts';

export interface DeadlineWorkerDeps {
  db: Db;
  jobs: JobPort;
  users: Pick<UserService, 'getById'>;
  notify: NotifyFn;
  now: () => Date;
  logger: Logger;
  /** The localized notification (text and the task card's buttons). */
  render(
    task: Task,
    offsetMinutes: number,
    user: { language: string; timezone: string },
  ): Promise<{
    text: string;
    replyMarkup: NonNullable<Parameters<NotifyFn>[0]['replyMarkup']>;
  }>;
}

type Outcome = { outcome: 'sent' | 'obsolete' | 'deferred' };

/**
 * Handles one deadline job. The job is current only while its row in task_deadline_jobs names it:
 * a moved deadline, a completed or deleted task replaced or removed that row in the same
 * transaction. Removing the row and enqueuing the Telegram message commit together, so a retry
 * of this job (or a duplicate) finds no row and sends nothing; the dedupe key guards the rest.
 */
export function createDeadlineHandler(deps: DeadlineWorkerDeps) {
  const { db, jobs, now } = deps;
  return async (job: JobContext<DeadlineJob>): Promise<Outcome> => {
    const { taskId, offsetMinutes } = job.data;
    // Reads outside the transaction: on PGlite's single connection a query through `db` while a
    // transaction is open would wait for that very transaction.
    const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId)).limit(1);
    const user = task ? await deps.users.getById(task.userId) : null;
    const current =
      task &&
      (task.status === 'todo' || task.status === 'in_progress') &&
      task.dueAt?.toISOString() === job.data.dueAt;
    const quietEnd =
      user && task?.priority !== 'urgent'
        ? quietHoursEnd(
            { start: user.quietHoursStart, end: user.quietHoursEnd, timezone: user.timezone },
            now(),
          )
        : null;
    const message = current && user?.telegramId ? await deps.render(task, offsetMinutes, user) : null;

    return db.transaction(async (tx): Promise<Outcome> => {
      const [row] = await tx
        .select()
        .from(taskDeadlineJobs)
        .where(eq(taskDeadlineJobs.jobId, job.id))
        .for('update');
      if (!row) return { outcome: 'obsolete' };
      if (!current || !user?.telegramId || !message) {
        await tx.delete(taskDeadlineJobs).where(eq(taskDeadlineJobs.jobId, job.id));
        return { outcome: 'obsolete' };
      }
      if (quietEnd) {
        // Waits out the quiet hours as a new job; the row keeps the intended moment.
        const next = await jobs.send(DEADLINE_QUEUE_NAME, job.data, { startAfter: quietEnd, tx });
        if (!next) throw new Error('deferred deadline job was not created');
        await tx.update(taskDeadlineJobs).set({ jobId: next }).where(eq(taskDeadlineJobs.jobId, job.id));
        return { outcome: 'deferred' };
      }
      await tx.delete(taskDeadlineJobs).where(eq(taskDeadlineJobs.jobId, job.id));
      // Notifications off means silent, not dropped: the same rule as reminders (see /settings).
      await deps.notify(
        {
          chatId: user.telegramId,
          text: message.text,
          parseMode: 'HTML',
          replyMarkup: message.replyMarkup,
          dedupeKey: `task-deadline:${taskId}:${job.data.dueAt}:${offsetMinutes}`,
          ...(user.notificationsEnabled ? {} : { disableNotification: true }),
        },
        { tx },
      );
      return { outcome: 'sent' };
    });
  };
}
