import { pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';

// Mirrors migrations/0023_insights_weekly.sql.
export const weeklyReports = pgTable('insights_weekly_reports', {
  userId: uuid('user_id').primaryKey(),
  weekday: smallint('weekday').notNull(),
  localTime: text('local_time').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});
