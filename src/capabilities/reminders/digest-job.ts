import { eq } from 'drizzle-orm';
import type { Translate, TranslateIn } from '../../bot/i18n.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobContext, JobPort } from '../../platform/jobs/job-queue.ts';
import { formatWhen, localDateAt, localDay, nextLocalTime } from '../../platform/time/index.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import type { NotifyFn } from '../capability.ts';
import { scheduleDigest } from './digest-service.ts';
import { reminderDigests } from './reminder-tables.ts';
import type { DigestJob, OccurrenceInWindow, ReminderService, TaskLister } from './reminder-types.ts';

type Task = Awaited<ReturnType<TaskLister['listDueBetween']>>[number];

/** ONE message with the day's tasks and reminders; null when the day has neither. */
export function renderDigest(
  t: Translate,
  day: { isoDate: string },
  tasks: Task[],
  reminders: OccurrenceInWindow[],
  user: { timezone: string; language: string },
): string | null {
  if (!tasks.length && !reminders.length) return null;
  const time = (at: Date | null) => (at ? formatWhen(at, { ...user, now: at }, { part: 'time' }) : '—');
  const noon = localDateAt(user.timezone, day.isoDate, 12, 0);
  const date = noon ? formatWhen(noon, { ...user, now: noon }, { part: 'day' }) : day.isoDate;
  const lines = [t('reminders-digest-title', { date })];
  if (tasks.length) {
    lines.push('', t('reminders-digest-tasks', { count: tasks.length }));
    for (const task of tasks) {
      const mark = task.priority === 'high' || task.priority === 'urgent' ? '❗ ' : '';
      lines.push(`• ${time(task.dueAt)} ${mark}${task.title}`);
    }
  }
  if (reminders.length) {
    lines.push('', t('reminders-digest-reminders', { count: reminders.length }));
    for (const r of reminders) lines.push(`• ${time(r.at)} ${r.text}${r.status === 'done' ? ' ✅' : ''}`);
  }
  return lines.join('\n');
}

/**
 * The handler of a `reminders.digest` job: gathers the local day's tasks and reminders (outside the
 * transaction: other services use their own connections), then in one transaction claims the job,
 * schedules tomorrow's and enqueues the message. An empty day sends nothing.
 */
export function createDigestHandler(deps: {
  db: Db;
  users: UserService;
  jobs: JobPort;
  notify: NotifyFn;
  now: () => Date;
  t: TranslateIn;
  reminders: ReminderService;
  tasks: TaskLister;
}) {
  const { db, now } = deps;
  return async (job: JobContext<DigestJob>): Promise<object> => {
    const { userId } = job.data;
    const [row] = await db.select().from(reminderDigests).where(eq(reminderDigests.userId, userId));
    const user = await deps.users.getById(userId);
    if (!row || !user || row.jobId !== job.id) return { outcome: 'stale' };
    const day = localDay(user.timezone, row.nextAt);
    const [tasks, reminders] = await Promise.all([
      deps.tasks.listDueBetween(userId, day.from, day.to),
      deps.reminders.listBetween(userId, day.from, day.to),
    ]);
    const t = (key: string, variables?: Record<string, string | number>) =>
      deps.t(user.language, key, variables);
    const text = renderDigest(t, day, tasks, reminders, user);
    return db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(reminderDigests)
        .where(eq(reminderDigests.userId, userId))
        .for('update');
      if (!locked || locked.jobId !== job.id) return { outcome: 'stale' };
      const at = now();
      const after = locked.nextAt.getTime() > at.getTime() ? locked.nextAt : at;
      const next = await scheduleDigest(
        tx,
        deps.jobs,
        userId,
        nextLocalTime(user.timezone, locked.localTime, after),
      );
      await tx
        .update(reminderDigests)
        .set({ nextAt: next.at, jobId: next.jobId, updatedAt: at })
        .where(eq(reminderDigests.userId, userId));
      if (!text || user.telegramId === null) return { outcome: 'empty', next_at: next.at.toISOString() };
      await deps.notify(
        { chatId: user.telegramId, text, dedupeKey: `digest:${userId}:${day.isoDate}` },
        { tx },
      );
      return { outcome: 'sent', items: tasks.length + reminders.length };
    });
  };
}
