import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import type { JobContext } from '../../platform/jobs/job-queue.ts';
import { quietHoursEnd } from '../../platform/time/quiet-hours.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import type { NotifyFn } from '../capability.ts';
import { lockOccurrence } from './occurrence-actions.ts';
import type { OccurrenceScheduler } from './occurrence-scheduler.ts';
import { occurrenceKeyboard, occurrenceText, type TranslateIn } from './reminder-messages.ts';
import { reminderOccurrences } from './reminder-tables.ts';
import type { FireJob } from './reminder-types.ts';

/**
 * The handler of a `reminders.fire` job. In one transaction: checks the job is still the one the
 * occurrence waits for (a snoozed, settled, paused or deleted occurrence makes it stale), moves the
 * series on to its next occurrence, then either defers this one past quiet hours or marks it sent
 * and enqueues the Telegram message. A re-run after a crash finds the occurrence no longer
 * scheduled and does nothing; the message's dedupe key covers retries of the send itself.
 */
export function createFireHandler(deps: {
  db: Db;
  users: UserService;
  scheduler: OccurrenceScheduler;
  notify: NotifyFn;
  now: () => Date;
  t: TranslateIn;
}) {
  const { db, scheduler, now } = deps;
  return async (job: JobContext<FireJob>): Promise<object> =>
    db.transaction(async (tx) => {
      const { occurrence, reminder } = await lockOccurrence(tx, job.data.occurrenceId).catch((error) => {
        if (isDomainError(error)) return { occurrence: undefined, reminder: undefined };
        throw error;
      });
      if (occurrence?.status !== 'scheduled' || occurrence.jobId !== job.id) return { outcome: 'stale' };
      const user = await deps.users.getById(occurrence.userId, { tx });
      if (!reminder || !user) return { outcome: 'stale' };
      const at = now();
      if (reminder.currentOccurrenceId === occurrence.id)
        await scheduler.advance(tx, reminder, occurrence.dueAt, at);

      const quiet = reminder.urgent
        ? null
        : quietHoursEnd(
            { start: user.quietHoursStart, end: user.quietHoursEnd, timezone: user.timezone },
            at,
          );
      if (quiet) {
        await scheduler.move(tx, occurrence, quiet, true);
        return { outcome: 'deferred', until: quiet.toISOString() };
      }

      const sends = occurrence.sends + 1;
      await tx
        .update(reminderOccurrences)
        .set({ status: 'sent', sends, sentAt: at })
        .where(eq(reminderOccurrences.id, occurrence.id));
      if (user.telegramId === null) return { outcome: 'no_chat' };
      const t = (key: string, variables?: Record<string, string | number>) =>
        deps.t(user.language, key, variables);
      await deps.notify(
        {
          chatId: user.telegramId,
          text: occurrenceText(
            t,
            { text: reminder.text, dueAt: occurrence.dueAt, fireAt: occurrence.fireAt },
            user,
          ),
          replyMarkup: occurrenceKeyboard(t, occurrence.id, sends),
          dedupeKey: `reminder:${occurrence.id}:${sends}`,
          // Notifications switched off: the reminder still arrives, silently.
          ...(user.notificationsEnabled ? {} : { disableNotification: true }),
        },
        { tx },
      );
      return { outcome: 'sent', lateness_ms: at.getTime() - occurrence.fireAt.getTime() };
    });
}
