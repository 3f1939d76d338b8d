import { and, eq, gte, lt, ne, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import { occurrencesBetween, type Series } from './reminder-schedule.ts';
import { reminderOccurrences, reminders } from './reminder-tables.ts';
import type { OccurrenceInWindow } from './reminder-types.ts';

/** A stored rule the guard refuses (written before it existed) is left out of a listing, not fatal to it. */
function upcoming(series: Series, from: Date, to: Date): Date[] {
  try {
    return occurrencesBetween(series, from, to);
  } catch (error) {
    if (isDomainError(error)) return [];
    throw error;
  }
}

/**
 * Occurrences of a user's reminders in [from, to): the materialized ones (sent, snoozed, pending)
 * at the time they fire, plus those the active series will still produce after their current one.
 */
export async function listOccurrencesBetween(
  db: Queryable,
  userId: string,
  from: Date,
  to: Date,
): Promise<OccurrenceInWindow[]> {
  const rows = await db
    .select({ occurrence: reminderOccurrences, text: reminders.text })
    .from(reminderOccurrences)
    .innerJoin(reminders, eq(reminders.id, reminderOccurrences.reminderId))
    .where(
      and(
        eq(reminderOccurrences.userId, userId),
        ne(reminderOccurrences.status, 'cancelled'),
        or(
          and(gte(reminderOccurrences.fireAt, from), lt(reminderOccurrences.fireAt, to)),
          and(gte(reminderOccurrences.dueAt, from), lt(reminderOccurrences.dueAt, to)),
        ),
      ),
    );
  const found: OccurrenceInWindow[] = rows.map(({ occurrence, text }) => ({
    reminderId: occurrence.reminderId,
    occurrenceId: occurrence.id,
    text,
    at: occurrence.fireAt,
    status: occurrence.status,
  }));
  const known = new Set(
    rows.map(({ occurrence }) => `${occurrence.reminderId}@${occurrence.dueAt.getTime()}`),
  );

  const series = await db
    .select({ reminder: reminders, currentDue: reminderOccurrences.dueAt })
    .from(reminders)
    .innerJoin(reminderOccurrences, eq(reminderOccurrences.id, reminders.currentOccurrenceId))
    .where(and(eq(reminders.userId, userId), eq(reminders.status, 'active')));
  for (const { reminder, currentDue } of series) {
    if (!reminder.rrule) continue;
    const window = { rrule: reminder.rrule, startsAt: reminder.startsAt, timezone: reminder.timezone };
    for (const at of upcoming(window, from, to)) {
      if (at.getTime() <= currentDue.getTime() || known.has(`${reminder.id}@${at.getTime()}`)) continue;
      found.push({
        reminderId: reminder.id,
        occurrenceId: null,
        text: reminder.text,
        at,
        status: 'scheduled',
      });
    }
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime());
}
