import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../platform/db/database.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import { occurrenceAfter } from './reminder-schedule.ts';
import { type OccurrenceRow, type ReminderRow, reminderOccurrences, reminders } from './reminder-tables.ts';
import { type FireJob, REMINDER_FIRE_QUEUE } from './reminder-types.ts';

/**
 * The write side of occurrences, always inside the caller's transaction: every change to an
 * occurrence and the job that fires it commit (or roll back) together. Each (re)schedule gets a
 * fresh job id, recorded on the row; a job whose id is not the row's is stale and does nothing.
 */
export function createOccurrenceScheduler(deps: { jobs: JobPort }) {
  const { jobs } = deps;

  async function enqueue(tx: Tx, occurrenceId: string, fireAt: Date): Promise<string> {
    const jobId = uuidv7();
    await jobs.send<FireJob>(REMINDER_FIRE_QUEUE, { occurrenceId }, { startAfter: fireAt, tx, id: jobId });
    return jobId;
  }

  async function schedule(
    tx: Tx,
    reminder: ReminderRow,
    dueAt: Date,
    fireAt: Date,
    now: Date,
  ): Promise<OccurrenceRow> {
    const id = uuidv7();
    const jobId = await enqueue(tx, id, fireAt);
    const [row] = await tx
      .insert(reminderOccurrences)
      .values({
        id,
        reminderId: reminder.id,
        userId: reminder.userId,
        dueAt,
        fireAt,
        status: 'scheduled',
        jobId,
        sends: 0,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('occurrence insert returned no row');
    return row;
  }

  /**
   * Puts an occurrence (scheduled or sent) back to scheduled at `fireAt`, cancelling its old job
   * unless that job is the one running now (`fromItsJob`).
   */
  async function move(
    tx: Tx,
    occurrence: OccurrenceRow,
    fireAt: Date,
    fromItsJob = false,
  ): Promise<OccurrenceRow> {
    if (!fromItsJob && occurrence.status === 'scheduled' && occurrence.jobId)
      await jobs.cancel(REMINDER_FIRE_QUEUE, occurrence.jobId, { tx });
    const jobId = await enqueue(tx, occurrence.id, fireAt);
    const [row] = await tx
      .update(reminderOccurrences)
      .set({ fireAt, status: 'scheduled', jobId })
      .where(eq(reminderOccurrences.id, occurrence.id))
      .returning();
    if (!row) throw new Error('occurrence update returned no row');
    return row;
  }

  /** Cancels every occurrence of the series still waiting to fire (and their jobs). */
  async function cancelPending(tx: Tx, reminderId: string): Promise<void> {
    const pending = await tx
      .select()
      .from(reminderOccurrences)
      .where(and(eq(reminderOccurrences.reminderId, reminderId), eq(reminderOccurrences.status, 'scheduled')))
      .for('update');
    for (const occurrence of pending) {
      if (occurrence.jobId) await jobs.cancel(REMINDER_FIRE_QUEUE, occurrence.jobId, { tx });
    }
    if (pending.length) {
      await tx
        .update(reminderOccurrences)
        .set({ status: 'cancelled' })
        .where(
          inArray(
            reminderOccurrences.id,
            pending.map((o) => o.id),
          ),
        );
    }
  }

  /**
   * Materializes the series' next occurrence after `after` (never in the past: missed ones while
   * the system was down are not replayed) and makes it current; ends the series when none is left.
   */
  async function advance(tx: Tx, reminder: ReminderRow, after: Date, now: Date): Promise<ReminderRow> {
    const series = { rrule: reminder.rrule, startsAt: reminder.startsAt, timezone: reminder.timezone };
    const from = after.getTime() > now.getTime() ? after : now;
    const next = reminder.rrule ? occurrenceAfter(series, from) : null;
    const occurrence = next ? await schedule(tx, reminder, next, next, now) : null;
    const [row] = await tx
      .update(reminders)
      .set({
        currentOccurrenceId: occurrence?.id ?? null,
        status: occurrence ? reminder.status : 'ended',
        updatedAt: now,
      })
      .where(eq(reminders.id, reminder.id))
      .returning();
    if (!row) throw new Error('reminder update returned no row');
    return row;
  }

  /** Starts (or restarts) a series: its first occurrence at or after `notBefore`. */
  async function start(tx: Tx, reminder: ReminderRow, notBefore: Date, now: Date): Promise<ReminderRow> {
    const series = { rrule: reminder.rrule, startsAt: reminder.startsAt, timezone: reminder.timezone };
    // A one-off whose time already passed (resumed late) fires at once rather than never.
    const first = reminder.rrule
      ? occurrenceAfter(series, notBefore, true)
      : reminder.startsAt.getTime() < now.getTime()
        ? now
        : reminder.startsAt;
    const occurrence = first
      ? await schedule(tx, reminder, reminder.rrule ? first : reminder.startsAt, first, now)
      : null;
    const [row] = await tx
      .update(reminders)
      .set({
        currentOccurrenceId: occurrence?.id ?? null,
        status: occurrence ? 'active' : 'ended',
        updatedAt: now,
      })
      .where(eq(reminders.id, reminder.id))
      .returning();
    if (!row) throw new Error('reminder update returned no row');
    return row;
  }

  return { schedule, move, cancelPending, advance, start };
}

export type OccurrenceScheduler = ReturnType<typeof createOccurrenceScheduler>;
