import { bigint, boolean, jsonb, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';

// Mirrors migrations/0015_notes.sql and 0022_note_albums.sql (the SQL is the source of truth).
export const NOTE_KINDS = ['text', 'voice', 'audio', 'link', 'photo', 'document', 'forward'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type NoteStatus = 'filed' | 'pending';
export interface Alternative {
  topicId: string;
  confidence: number;
}

const id = (name: string) => bigint(name, { mode: 'number' });

export const noteTopics = pgTable('note_topics', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  keywords: text('keywords').array().notNull(),
  emoji: text('emoji'),
  isInbox: boolean('is_inbox').notNull(),
  threadId: id('thread_id'),
  closed: boolean('closed').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

/** Body, transcript, source and link URL are sealed at rest (AES-256-GCM); only note-repository.ts reads them. */
export const notes = pgTable('notes', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  topicId: uuid('topic_id'),
  status: text('status').$type<NoteStatus>().notNull(),
  kind: text('kind').$type<NoteKind>().notNull(),
  body: encryptedText('body').notNull(),
  transcript: encryptedText('transcript'),
  source: encryptedText('source'),
  linkUrl: encryptedText('link_url'),
  linkTitle: text('link_title'),
  linkDescription: text('link_description'),
  linkSite: text('link_site'),
  fileIds: text('file_ids').array().notNull(),
  confidence: real('confidence').notNull(),
  alternatives: jsonb('alternatives').$type<Alternative[]>().notNull(),
  chatId: id('chat_id'),
  messageId: id('message_id'),
  cardMessageId: id('card_message_id'),
  forumMessageId: id('forum_message_id'),
  /** Telegram's album id: every item of one album (in one chat) lands in this note (0022). */
  mediaGroupId: text('media_group_id'),
  expiresAt: tstz('expires_at'),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const noteCorrections = pgTable('note_corrections', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  noteId: uuid('note_id'),
  topicId: uuid('topic_id').notNull(),
  example: encryptedText('example').notNull(),
  createdAt: tstz('created_at').notNull(),
});

export const noteSettings = pgTable('note_settings', {
  userId: uuid('user_id').primaryKey(),
  defaultTopicId: uuid('default_topic_id'),
  template: text('template'),
  updatedAt: tstz('updated_at').notNull(),
});

export const noteForums = pgTable('note_forums', {
  userId: uuid('user_id').primaryKey(),
  chatId: id('chat_id').notNull(),
  title: text('title'),
  connectedAt: tstz('connected_at').notNull(),
});
