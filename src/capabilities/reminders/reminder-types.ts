import type { Tx } from '../../platform/db/database.ts';
import type { OccurrenceStatus, ReminderStatus } from './reminder-tables.ts';

export type { OccurrenceStatus, ReminderStatus };

export const REMINDER_FIRE_QUEUE = 'reminders.fire';
export const REMINDER_DIGEST_QUEUE = 'reminders.digest';

export interface Reminder {
  id: string;
  text: string;
  /** RRULE without DTSTART in local wall-clock time of `timezone`; null for a one-off. */
  rrule: string | null;
  timezone: string;
  startsAt: Date;
  urgent: boolean;
  status: ReminderStatus;
  /** When the series is next due (null when paused or ended). */
  nextAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A reminder as the bot lists it: when it next runs, counting an occurrence snoozed apart from the series. */
export interface UpcomingReminder extends Reminder {
  /** The earliest of nextAt and snoozedUntil; null when paused or nothing is left. */
  runAt: Date | null;
  /** An occurrence moved later (snoozed, or waiting out quiet hours), still to fire. */
  snoozedUntil: Date | null;
}

export interface Occurrence {
  id: string;
  reminderId: string;
  text: string;
  dueAt: Date;
  /** When it fires (later than dueAt once snoozed or deferred by quiet hours). */
  fireAt: Date;
  status: OccurrenceStatus;
  /** Times it was sent; buttons carry it so those of an earlier send go stale. */
  sends: number;
  /** A later occurrence of the series was sent already: this one's buttons are out of date. */
  superseded: boolean;
}

export interface CreateReminderInput {
  text: string;
  /** First due moment; null with an rrule means "from now on". */
  dueAt: Date | null;
  rrule: string | null;
  /** Urgent reminders ignore quiet hours. */
  urgent?: boolean;
  /** IANA timezone the rrule is read in; defaults to the user's. */
  timezone?: string;
}

export type UpdateReminderInput = Partial<CreateReminderInput>;

/** An occurrence in a time window: materialized (occurrenceId) or computed from the series. */
export interface OccurrenceInWindow {
  reminderId: string;
  occurrenceId: string | null;
  text: string;
  at: Date;
  status: OccurrenceStatus;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ListOptions {
  limit?: number;
  /** Opaque cursor from the previous page's nextCursor. */
  cursor?: string | null;
  status?: ReminderStatus;
  /** Only active and paused ones (the bot's list). */
  live?: boolean;
}

import type { ReminderMoment } from './reminder-calendar.ts';

export interface ReminderService {
  create(userId: string, input: CreateReminderInput, options?: { tx?: Tx }): Promise<Reminder>;
  get(userId: string, id: string): Promise<Reminder>;
  list(userId: string, options?: ListOptions): Promise<Page<Reminder>>;
  /** Still to come, soonest run first, paused ones last (with `id`: that one reminder, whatever its state). */
  upcoming(userId: string, options?: { id?: string }): Promise<UpcomingReminder[]>;
  /** When the person's reminders go off in [from, to) (the calendar's view: repeats expanded). */
  inRange(userId: string, from: Date, to: Date): Promise<ReminderMoment[]>;
  update(userId: string, id: string, patch: UpdateReminderInput): Promise<Reminder>;
  pause(userId: string, id: string): Promise<Reminder>;
  resume(userId: string, id: string): Promise<Reminder>;
  remove(userId: string, id: string): Promise<void>;
  getOccurrence(userId: string, occurrenceId: string): Promise<Occurrence | null>;
  /** Moves that one occurrence to `until`; the series keeps its schedule. */
  snooze(userId: string, occurrenceId: string, until: Date): Promise<Occurrence>;
  /** Marks an occurrence done or skipped. */
  settle(userId: string, occurrenceId: string, outcome: 'done' | 'skipped'): Promise<Occurrence>;
  /** Occurrences (sent, pending or still to come from the series) in [from, to), by time. */
  listBetween(userId: string, from: Date, to: Date): Promise<OccurrenceInWindow[]>;
}

/** What the digest needs from the tasks capability (its TaskService satisfies it). */
export interface TaskLister {
  listDueBetween(
    userId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ id: string; title: string; dueAt: Date | null; priority: string }>>;
}

export interface FireJob {
  occurrenceId: string;
}

export interface DigestJob {
  userId: string;
}
