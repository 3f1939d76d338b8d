import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../../platform/db/columns.ts';

// Mirrors migrations/0019_calendar_feed.sql.
export const calendarFeeds = pgTable('insights_calendar_feeds', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().unique(),
  tokenHash: text('token_hash').notNull().unique(),
  token: encryptedText('token').notNull(),
  createdAt: tstz('created_at').notNull(),
});
