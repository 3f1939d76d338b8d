import type { Update } from '@grammyjs/types';
import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { encryptedJson } from '../crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../db/columns.ts';

export const telegramUpdates = pgTable('telegram_updates', {
  updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
  chatId: bigint('chat_id', { mode: 'number' }),
  fromId: bigint('from_id', { mode: 'number' }),
  kind: text('kind').notNull(),
  /** The update as received, sealed: it carries what the person wrote. */
  payload: encryptedJson('payload').$type<Update>().notNull(),
  receivedAt: tstz('received_at').notNull().defaultNow(),
  status: text('status').$type<'pending' | 'done' | 'failed' | 'ignored'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  processedAt: tstz('processed_at'),
  error: text('error'),
  traceId: text('trace_id'),
  claimedBy: text('claimed_by'),
  claimJobId: uuid('claim_job_id'),
  claimExpiresAt: tstz('claim_expires_at'),
  failures: integer('failures').notNull().default(0),
});

export const updateReplies = pgTable(
  'update_replies',
  {
    updateId: bigint('update_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    method: text('method').notNull(),
    /** Telegram's answer, sealed (a sent message echoes its text); null while in flight. */
    result: encryptedJson('result'),
    sentAt: tstz('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.seq] })],
);
