import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { encryptedJson, encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';

// Mirrors migrations/0016_companion.sql (the SQL is the source of truth).

/**
 * Conversation text: what people wrote and what was said back, sealed at rest (the migration marks
 * these columns `secretary:encrypted`). Only the app can read it, so SQL never filters on it.
 */
const conversationText = (name: string) => encryptedText(name);

export const companionMessages = pgTable('companion_messages', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  role: text('role').$type<'user' | 'assistant'>().notNull(),
  text: conversationText('text').notNull(),
  createdAt: tstz('created_at').notNull(),
});

export const companionSummaries = pgTable('companion_summaries', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().unique(),
  text: conversationText('text').notNull(),
  summarisedUntil: tstz('summarised_until').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const companionActivity = pgTable('companion_activity', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  at: tstz('at').notNull(),
});

export const companionProfiles = pgTable('companion_profiles', {
  userId: uuid('user_id').primaryKey(),
  // What the person wrote about themselves, or what the model gathered from the conversation: sealed.
  summary: encryptedText('summary').notNull(),
  interests: encryptedJson('interests').$type<string[]>().notNull(),
  goals: encryptedJson('goals').$type<string[]>().notNull(),
  preferredTimes: text('preferred_times').notNull(),
  stage: text('stage').notNull(),
  stageChangedAt: tstz('stage_changed_at'),
  editedByUser: boolean('edited_by_user').notNull(),
  checkinsEnabled: boolean('checkins_enabled').notNull().default(true),
  refreshedAt: tstz('refreshed_at'),
  updatedAt: tstz('updated_at').notNull(),
  // The journey (0028): how far along the current stage, and why — the model's words, sealed.
  progress: integer('progress').notNull().default(0),
  progressReason: encryptedText('progress_reason').notNull().default(''),
  stageSource: text('stage_source').$type<'model' | 'rules'>().notNull().default('rules'),
});

export const companionStageHistory = pgTable('companion_stage_history', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  stage: text('stage').notNull(),
  at: tstz('at').notNull(),
});

export const companionOptOuts = pgTable('companion_opt_outs', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  at: tstz('at').notNull(),
});

export const companionSettings = pgTable('companion_settings', {
  id: smallint('id').primaryKey(),
  personaName: encryptedText('persona_name').notNull(),
  personaTone: encryptedText('persona_tone').notNull(),
  perDay: integer('per_day').notNull(),
  windowStart: text('window_start').notNull(),
  windowEnd: text('window_end').notNull(),
  cooldownHours: jsonb('cooldown_hours').$type<Record<string, number>>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: tstz('updated_at').notNull(),
});

export const companionRecommendations = pgTable('companion_recommendations', {
  id: uuid('id').primaryKey(),
  title: encryptedText('title').notNull(),
  url: encryptedText('url').notNull(),
  stages: jsonb('stages').$type<string[]>().notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const companionRecommendationSends = pgTable(
  'companion_recommendation_sends',
  {
    userId: uuid('user_id').notNull(),
    recommendationId: uuid('recommendation_id').notNull(),
    sentAt: tstz('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.recommendationId] })],
);

export const companionProactiveLog = pgTable('companion_proactive_log', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  trigger: text('trig').notNull(),
  decision: text('decision').$type<'sent' | 'skipped'>().notNull(),
  reason: text('reason').notNull(),
  localDate: date('local_date', { mode: 'string' }).notNull(),
  text: conversationText('text'),
  at: tstz('at').notNull(),
  answeredAt: tstz('answered_at'),
});

export type BroadcastStatus = 'draft' | 'running' | 'paused' | 'done' | 'cancelled';
export type RecipientState = 'pending' | 'sent' | 'failed' | 'blocked';

export const companionBroadcasts = pgTable('companion_broadcasts', {
  id: uuid('id').primaryKey(),
  createdBy: uuid('created_by'),
  text: text('text').notNull(),
  buttons: jsonb('buttons').$type<Array<{ text: string; url: string }>>().notNull(),
  segment: jsonb('segment').$type<Record<string, unknown>>().notNull(),
  status: text('status').$type<BroadcastStatus>().notNull(),
  total: integer('total').notNull(),
  sent: integer('sent').notNull(),
  failed: integer('failed').notNull(),
  blocked: integer('blocked').notNull(),
  progressChatId: bigint('progress_chat_id', { mode: 'number' }),
  progressMessageId: integer('progress_message_id'),
  progressEditedAt: tstz('progress_edited_at'),
  startedAt: tstz('started_at'),
  finishedAt: tstz('finished_at'),
  createdAt: tstz('created_at').notNull(),
});

export const companionBroadcastRecipients = pgTable(
  'companion_broadcast_recipients',
  {
    broadcastId: uuid('broadcast_id').notNull(),
    userId: uuid('user_id').notNull(),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    state: text('state').$type<RecipientState>().notNull(),
    error: text('error'),
    doneAt: tstz('done_at'),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.userId] })],
);
