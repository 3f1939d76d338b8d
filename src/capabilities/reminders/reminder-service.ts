import { and, asc, eq, gt, ne, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ActivityPort } from '../../platform/capability/activity.ts';
import type { Db, Queryable, Tx } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import { SEARCH_YEARS } from '../../platform/recurrence/bounded-rrule.ts';
import { isTimezone } from '../../platform/time/index.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import { createOccurrenceActions } from './occurrence-actions.ts';
import { createOccurrenceScheduler } from './occurrence-scheduler.ts';
import { listOccurrencesBetween } from './occurrence-window.ts';
import { remindersInRange } from './reminder-calendar.ts';
import { normalizeRrule, occurrenceAfter, type Series } from './reminder-schedule.ts';
import { type ReminderRow, reminderOccurrences, reminders } from './reminder-tables.ts';
import type { Reminder, ReminderService } from './reminder-types.ts';
import { listUpcoming } from './reminder-upcoming.ts';

const MAX_TEXT = 1000;

const notFound = (id: string) =>
  new DomainError('not_found', 'reminder_not_found', `No reminder ${id}`, { id });

export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id))
    throw new DomainError('unprocessable', 'cursor_invalid', 'The cursor is not one we gave out');
  return id;
}

function cleanText(text: string): string {
  const clean = text.trim();
  if (!clean || clean.length > MAX_TEXT)
    throw new DomainError('invalid', 'text_invalid', `Reminder text must be 1–${MAX_TEXT} characters`);
  return clean;
}

export interface ReminderServiceDeps {
  db: Db;
  users: UserService;
  jobs: JobPort;
  now: () => Date;
  /** Where `reminder.done` / `reminder.skipped` / `reminder.snoozed` are reported. */
  activity?: ActivityPort;
}

export function createReminderService(deps: ReminderServiceDeps): ReminderService {
  const { db, now } = deps;
  const scheduler = createOccurrenceScheduler(deps);

  const toReminder = (row: ReminderRow, nextAt: Date | null): Reminder => ({
    id: row.id,
    text: row.text,
    rrule: row.rrule,
    timezone: row.timezone,
    startsAt: row.startsAt,
    urgent: row.urgent,
    status: row.status,
    nextAt: row.status === 'active' ? nextAt : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  async function view(q: Queryable, row: ReminderRow): Promise<Reminder> {
    if (!row.currentOccurrenceId) return toReminder(row, null);
    const [current] = await q
      .select({ dueAt: reminderOccurrences.dueAt })
      .from(reminderOccurrences)
      .where(eq(reminderOccurrences.id, row.currentOccurrenceId));
    return toReminder(row, current?.dueAt ?? null);
  }

  /** The user's reminder, locked for the rest of the transaction. */
  async function lockOwned(tx: Tx, userId: string, id: string): Promise<ReminderRow> {
    if (!isUuid(id)) throw notFound(id);
    const [row] = await tx
      .select()
      .from(reminders)
      .where(and(eq(reminders.id, id), eq(reminders.userId, userId)))
      .for('update');
    if (!row) throw notFound(id);
    return row;
  }

  /** A recurring rule must produce an occurrence soon enough to be worth storing (422 otherwise). */
  function checkOccurs(series: Series) {
    if (series.rrule && !occurrenceAfter(series, series.startsAt, true))
      throw new DomainError(
        'unprocessable',
        'rrule_empty',
        `The recurrence has no occurrence in the ${SEARCH_YEARS} years after its start`,
        { rrule: series.rrule },
      );
  }

  function checkTiming(input: { dueAt: Date | null; rrule: string | null }, at: Date) {
    if (!input.dueAt && !input.rrule)
      throw new DomainError(
        'invalid',
        'due_required',
        'A reminder needs a time (dueAt) or a recurrence (rrule)',
      );
    // A minute of slack: "now" typed by a person is already a little in the past when it arrives.
    if (!input.rrule && input.dueAt && input.dueAt.getTime() < at.getTime() - 60_000)
      throw new DomainError('invalid', 'due_in_past', 'The reminder time is in the past', {
        dueAt: input.dueAt.toISOString(),
      });
  }

  return {
    async create(userId, input, options = {}) {
      const text = cleanText(input.text);
      const rrule = input.rrule ? normalizeRrule(input.rrule) : null;
      const at = now();
      checkTiming({ dueAt: input.dueAt, rrule }, at);
      const run = async (tx: Tx) => {
        const user = await deps.users.getById(userId, { tx });
        if (!user) throw new DomainError('not_found', 'user_not_found', `No user ${userId}`);
        const timezone = input.timezone ?? user.timezone;
        if (!isTimezone(timezone))
          throw new DomainError('invalid', 'timezone_invalid', `Unknown timezone ${timezone}`);
        const startsAt = input.dueAt ?? new Date(Math.floor(at.getTime() / 60_000) * 60_000);
        checkOccurs({ rrule, startsAt, timezone });
        const [row] = await tx
          .insert(reminders)
          .values({
            id: uuidv7(),
            userId,
            text,
            rrule,
            timezone,
            startsAt,
            urgent: input.urgent ?? false,
            status: 'active',
            version: 1,
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        if (!row) throw new Error('reminder insert returned no row');
        const started = await scheduler.start(tx, row, startsAt.getTime() > at.getTime() ? startsAt : at, at);
        await deps.activity?.record(userId, 'reminder.created', { reminderId: row.id }, { tx });
        return view(tx, started);
      };
      return options.tx ? run(options.tx) : db.transaction(run);
    },

    async get(userId, id) {
      if (!isUuid(id)) throw notFound(id);
      const [row] = await db
        .select()
        .from(reminders)
        .where(and(eq(reminders.id, id), eq(reminders.userId, userId)));
      if (!row) throw notFound(id);
      return view(db, row);
    },

    async list(userId, options = {}) {
      const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
      const where: SQL[] = [eq(reminders.userId, userId)];
      if (options.cursor) where.push(gt(reminders.id, decodeCursor(options.cursor)));
      if (options.status) where.push(eq(reminders.status, options.status));
      if (options.live) where.push(ne(reminders.status, 'ended'));
      const rows = await db
        .select({ reminder: reminders, nextAt: reminderOccurrences.dueAt })
        .from(reminders)
        .leftJoin(reminderOccurrences, eq(reminderOccurrences.id, reminders.currentOccurrenceId))
        .where(and(...where))
        .orderBy(asc(reminders.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => toReminder(r.reminder, r.nextAt)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.reminder.id) : null,
      };
    },

    async upcoming(userId, options = {}) {
      if (options.id !== undefined && !isUuid(options.id)) return [];
      return listUpcoming(db, toReminder, userId, options.id);
    },

    async inRange(userId, from, to) {
      return remindersInRange(await listUpcoming(db, toReminder, userId), from, to);
    },

    async update(userId, id, patch) {
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockOwned(tx, userId, id);
        const timing = patch.dueAt !== undefined || patch.rrule !== undefined || patch.timezone !== undefined;
        const rrule =
          patch.rrule === undefined ? row.rrule : patch.rrule ? normalizeRrule(patch.rrule) : null;
        const dueAt = patch.dueAt === undefined ? row.startsAt : patch.dueAt;
        if (timing) checkTiming({ dueAt, rrule }, at);
        if (patch.timezone !== undefined && !isTimezone(patch.timezone))
          throw new DomainError('invalid', 'timezone_invalid', `Unknown timezone ${patch.timezone}`);
        if (timing) checkOccurs({ rrule, startsAt: dueAt ?? at, timezone: patch.timezone ?? row.timezone });
        const [updated] = await tx
          .update(reminders)
          .set({
            ...(patch.text !== undefined ? { text: cleanText(patch.text) } : {}),
            ...(patch.urgent !== undefined ? { urgent: patch.urgent } : {}),
            ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
            rrule,
            startsAt: dueAt ?? new Date(Math.floor(at.getTime() / 60_000) * 60_000),
            version: row.version + 1,
            updatedAt: at,
          })
          .where(eq(reminders.id, id))
          .returning();
        if (!updated) throw notFound(id);
        if (!timing || row.status === 'paused') return view(tx, updated);
        await scheduler.cancelPending(tx, id);
        const from = updated.startsAt.getTime() > at.getTime() ? updated.startsAt : at;
        return view(tx, await scheduler.start(tx, updated, from, at));
      });
    },

    async pause(userId, id) {
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockOwned(tx, userId, id);
        if (row.status === 'ended')
          throw new DomainError(
            'conflict',
            'reminder_ended',
            'The reminder has no occurrences left to pause',
          );
        if (row.status === 'paused') return view(tx, row);
        await scheduler.cancelPending(tx, id);
        const [paused] = await tx
          .update(reminders)
          .set({ status: 'paused', currentOccurrenceId: null, version: row.version + 1, updatedAt: at })
          .where(eq(reminders.id, id))
          .returning();
        return toReminder(paused ?? row, null);
      });
    },

    async resume(userId, id) {
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockOwned(tx, userId, id);
        if (row.status !== 'paused') return view(tx, row);
        const from = row.startsAt.getTime() > at.getTime() ? row.startsAt : at;
        return view(tx, await scheduler.start(tx, { ...row, version: row.version + 1 }, from, at));
      });
    },

    async remove(userId, id) {
      await db.transaction(async (tx) => {
        await lockOwned(tx, userId, id);
        await scheduler.cancelPending(tx, id);
        await tx.delete(reminders).where(eq(reminders.id, id));
      });
    },

    ...createOccurrenceActions({ ...deps, scheduler }),
    listBetween: (userId, from, to) => listOccurrencesBetween(db, userId, from, to),
  };
}
