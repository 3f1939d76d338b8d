import { bigint, date, integer, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Mirrors migrations/0002_ai_usage.sql. */
export const aiUsage = pgTable(
  'ai_usage',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id'),
    day: date('day', { mode: 'string' }).notNull(),
    requests: integer('requests').notNull().default(0),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
    costMicroUsd: bigint('cost_micro_usd', { mode: 'number' }).notNull().default(0),
    capNotifiedAt: timestamp('cap_notified_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('ai_usage_user_day_key').on(t.userId, t.day).nullsNotDistinct()],
);
