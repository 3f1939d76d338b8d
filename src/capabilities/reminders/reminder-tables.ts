import { boolean, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';

// Mirrors migrations/0006_reminders.sql (the SQL is the source of truth).
export const REMINDER_STATUSES = ['active', 'paused', 'ended'] as const;
export const OCCURRENCE_STATUSES = ['scheduled', 'sent', 'done', 'skipped', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export const reminders = pgTable('reminders', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  text: encryptedText('text').notNull(),
  rrule: text('rrule'),
  timezone: text('timezone').notNull(),
  startsAt: tstz('starts_at').notNull(),
  urgent: boolean('urgent').notNull(),
  status: text('status').$type<ReminderStatus>().notNull(),
  currentOccurrenceId: uuid('current_occurrence_id'),
  version: integer('version').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const reminderOccurrences = pgTable('reminder_occurrences', {
  id: uuid('id').primaryKey(),
  reminderId: uuid('reminder_id').notNull(),
  userId: uuid('user_id').notNull(),
  dueAt: tstz('due_at').notNull(),
  fireAt: tstz('fire_at').notNull(),
  status: text('status').$type<OccurrenceStatus>().notNull(),
  jobId: uuid('job_id'),
  sends: integer('sends').notNull(),
  sentAt: tstz('sent_at'),
  actedAt: tstz('acted_at'),
  createdAt: tstz('created_at').notNull(),
});

export const reminderDigests = pgTable('reminder_digests', {
  userId: uuid('user_id').primaryKey(),
  localTime: text('local_time').notNull(),
  nextAt: tstz('next_at').notNull(),
  jobId: uuid('job_id').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export type ReminderRow = typeof reminders.$inferSelect;
export type OccurrenceRow = typeof reminderOccurrences.$inferSelect;
export type DigestRow = typeof reminderDigests.$inferSelect;
