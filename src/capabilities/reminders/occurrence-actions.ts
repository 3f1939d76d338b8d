import { and, eq, gt } from 'drizzle-orm';
import type { ActivityPort } from '../../platform/capability/activity.ts';
import type { Db, Queryable, Tx } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import type { OccurrenceScheduler } from './occurrence-scheduler.ts';
import { type OccurrenceRow, reminderOccurrences, reminders } from './reminder-tables.ts';
import { type Occurrence, REMINDER_FIRE_QUEUE, type ReminderService } from './reminder-types.ts';

const notFound = (id: string) =>
  new DomainError('not_found', 'occurrence_not_found', `No reminder occurrence ${id}`, { id });

async function toOccurrence(q: Queryable, row: OccurrenceRow, text: string): Promise<Occurrence> {
  const [later] = await q
    .select({ id: reminderOccurrences.id })
    .from(reminderOccurrences)
    .where(
      and(
        eq(reminderOccurrences.reminderId, row.reminderId),
        gt(reminderOccurrences.dueAt, row.dueAt),
        gt(reminderOccurrences.sends, 0),
      ),
    )
    .limit(1);
  return {
    id: row.id,
    reminderId: row.reminderId,
    text,
    dueAt: row.dueAt,
    fireAt: row.fireAt,
    status: row.status,
    sends: row.sends,
    superseded: later !== undefined,
  };
}

/**
 * Locks the series, then the occurrence (the order every writer uses, so two of them never wait
 * on each other crosswise) and checks it is still open.
 */
export async function lockOccurrence(tx: Tx, occurrenceId: string, userId?: string) {
  if (!isUuid(occurrenceId)) throw notFound(occurrenceId);
  const owned = userId
    ? and(eq(reminderOccurrences.id, occurrenceId), eq(reminderOccurrences.userId, userId))
    : eq(reminderOccurrences.id, occurrenceId);
  const [found] = await tx
    .select({ reminderId: reminderOccurrences.reminderId })
    .from(reminderOccurrences)
    .where(owned);
  if (!found) throw notFound(occurrenceId);
  const [reminder] = await tx
    .select()
    .from(reminders)
    .where(eq(reminders.id, found.reminderId))
    .for('update');
  const [occurrence] = await tx
    .select()
    .from(reminderOccurrences)
    .where(eq(reminderOccurrences.id, occurrenceId))
    .for('update');
  if (!reminder || !occurrence) throw notFound(occurrenceId);
  return { occurrence, reminder };
}

function assertOpen(occurrence: OccurrenceRow) {
  if (occurrence.status !== 'scheduled' && occurrence.status !== 'sent') {
    throw new DomainError('conflict', 'occurrence_closed', `The occurrence is already ${occurrence.status}`, {
      status: occurrence.status,
    });
  }
}

/** getOccurrence, snooze and settle of the reminder service. */
export function createOccurrenceActions(deps: {
  db: Db;
  jobs: JobPort;
  now: () => Date;
  scheduler: OccurrenceScheduler;
  activity?: ActivityPort | undefined;
}): Pick<ReminderService, 'getOccurrence' | 'snooze' | 'settle'> {
  const { db, now, scheduler } = deps;

  /** A pending occurrence acted on early stops being current: the series moves on first. */
  async function detach(tx: Tx, occurrenceId: string, userId: string, at: Date) {
    const { occurrence, reminder } = await lockOccurrence(tx, occurrenceId, userId);
    assertOpen(occurrence);
    if (reminder.currentOccurrenceId === occurrence.id)
      await scheduler.advance(tx, reminder, occurrence.dueAt, at);
    return { occurrence, reminder };
  }

  return {
    async getOccurrence(userId, occurrenceId) {
      if (!isUuid(occurrenceId)) return null;
      const [row] = await db
        .select({ occurrence: reminderOccurrences, text: reminders.text })
        .from(reminderOccurrences)
        .innerJoin(reminders, eq(reminders.id, reminderOccurrences.reminderId))
        .where(and(eq(reminderOccurrences.id, occurrenceId), eq(reminderOccurrences.userId, userId)));
      return row ? toOccurrence(db, row.occurrence, row.text) : null;
    },

    async snooze(userId, occurrenceId, until) {
      const at = now();
      if (until.getTime() <= at.getTime())
        throw new DomainError('invalid', 'snooze_in_past', 'Snooze until a moment in the future');
      return db.transaction(async (tx) => {
        const { occurrence, reminder } = await detach(tx, occurrenceId, userId, at);
        const moved = await scheduler.move(tx, occurrence, until);
        await deps.activity?.record(userId, 'reminder.snoozed', { reminderId: reminder.id }, { tx });
        return toOccurrence(tx, moved, reminder.text);
      });
    },

    async settle(userId, occurrenceId, outcome) {
      const at = now();
      return db.transaction(async (tx) => {
        const { occurrence, reminder } = await detach(tx, occurrenceId, userId, at);
        if (occurrence.status === 'scheduled' && occurrence.jobId)
          await deps.jobs.cancel(REMINDER_FIRE_QUEUE, occurrence.jobId, { tx });
        const [row] = await tx
          .update(reminderOccurrences)
          .set({ status: outcome, actedAt: at })
          .where(eq(reminderOccurrences.id, occurrenceId))
          .returning();
        await deps.activity?.record(userId, `reminder.${outcome}`, { reminderId: reminder.id }, { tx });
        return toOccurrence(tx, row ?? occurrence, reminder.text);
      });
    },
  };
}
