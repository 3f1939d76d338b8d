import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type ReminderRow, reminderOccurrences, reminders } from './reminder-tables.ts';
import type { Reminder, UpcomingReminder } from './reminder-types.ts';

/** Enough for a personal list; the API pages through any number. */
const MAX_UPCOMING = 500;

const byRun = (a: UpcomingReminder, b: UpcomingReminder) => {
  const rank = (r: UpcomingReminder) => (r.status === 'paused' ? 2 : r.runAt ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    (a.runAt?.getTime() ?? 0) - (b.runAt?.getTime() ?? 0) ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
};

/**
 * The person's reminders still to come, soonest run first, paused ones last. A snoozed occurrence
 * is waiting apart from its series (a fired one-off has even ended): it counts as the next run,
 * so a snoozed one-off stays in the list with its snoozed time. With `id`, just that reminder.
 */
export async function listUpcoming(
  db: Db,
  toReminder: (row: ReminderRow, nextAt: Date | null) => Reminder,
  userId: string,
  id?: string,
): Promise<UpcomingReminder[]> {
  const scheduled = await db
    .select({
      reminderId: reminderOccurrences.reminderId,
      id: reminderOccurrences.id,
      fireAt: reminderOccurrences.fireAt,
    })
    .from(reminderOccurrences)
    .where(
      and(
        eq(reminderOccurrences.userId, userId),
        eq(reminderOccurrences.status, 'scheduled'),
        ...(id ? [eq(reminderOccurrences.reminderId, id)] : []),
      ),
    );
  const where: SQL[] = [eq(reminders.userId, userId)];
  if (id) where.push(eq(reminders.id, id));
  else {
    const waiting = [...new Set(scheduled.map((s) => s.reminderId))];
    const live = ne(reminders.status, 'ended');
    where.push(waiting.length ? (or(live, inArray(reminders.id, waiting)) as SQL) : live);
  }
  const rows = await db
    .select({ reminder: reminders, nextAt: reminderOccurrences.dueAt })
    .from(reminders)
    .leftJoin(reminderOccurrences, eq(reminderOccurrences.id, reminders.currentOccurrenceId))
    .where(and(...where))
    .limit(MAX_UPCOMING);
  return rows
    .map(({ reminder, nextAt }) => {
      const base = toReminder(reminder, nextAt);
      let snoozedUntil: Date | null = null;
      for (const s of scheduled) {
        if (s.reminderId !== reminder.id || s.id === reminder.currentOccurrenceId) continue;
        if (!snoozedUntil || s.fireAt < snoozedUntil) snoozedUntil = s.fireAt;
      }
      const runs = [base.nextAt, snoozedUntil].filter((d): d is Date => d !== null);
      const runAt = runs.length ? new Date(Math.min(...runs.map((d) => d.getTime()))) : null;
      return { ...base, runAt, snoozedUntil };
    })
    .sort(byRun);
}
