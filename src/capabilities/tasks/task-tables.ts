import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';

// Mirrors migrations/0005_tasks.sql (the SQL is the source of truth); text people write is
// encrypted at rest (0008_security.sql marks those columns).
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const TOPIC_STATUSES = ['not_started', 'in_progress', 'learned'] as const;
export type Priority = (typeof PRIORITIES)[number];
export type TaskStatus = (typeof STATUSES)[number];
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const taskCategories = pgTable('task_categories', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  createdAt: tstz('created_at').notNull(),
});

export const courses = pgTable('courses', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  description: encryptedText('description'),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const courseTopics = pgTable('course_topics', {
  id: uuid('id').primaryKey(),
  courseId: uuid('course_id').notNull(),
  userId: uuid('user_id').notNull(),
  title: encryptedText('title').notNull(),
  position: integer('position').notNull(),
  status: text('status').$type<TopicStatus>().notNull(),
  version: integer('version').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  title: encryptedText('title').notNull(),
  description: encryptedText('description'),
  dueAt: tstz('due_at'),
  priority: text('priority').$type<Priority>().notNull(),
  status: text('status').$type<TaskStatus>().notNull(),
  categoryId: uuid('category_id'),
  courseId: uuid('course_id'),
  topicId: uuid('topic_id'),
  version: integer('version').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
  completedAt: tstz('completed_at'),
});

export const taskSettings = pgTable('task_settings', {
  userId: uuid('user_id').primaryKey(),
  deadlineOffsets: integer('deadline_offsets').array().notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const taskDeadlineJobs = pgTable(
  'task_deadline_jobs',
  {
    taskId: uuid('task_id').notNull(),
    offsetMinutes: integer('offset_minutes').notNull(),
    jobId: uuid('job_id').notNull(),
    notifyAt: tstz('notify_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.offsetMinutes] })],
);

export type TaskRow = typeof tasks.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type TopicRow = typeof courseTopics.$inferSelect;
export type CategoryRow = typeof taskCategories.$inferSelect;
