import { jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as tstz } from '../db/columns.ts';

// Mirrors migrations/0010_platform_v2.sql.

export const userSettings = pgTable(
  'user_settings',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<unknown>().notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const userSchedules = pgTable(
  'user_schedules',
  {
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    localTime: text('local_time').notNull(),
    weekdays: smallint('weekdays').array().$type<number[]>().notNull().default([]),
    nextAt: tstz('next_at').notNull(),
    jobId: uuid('job_id').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.name] })],
);
