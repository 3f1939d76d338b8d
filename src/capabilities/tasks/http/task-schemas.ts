import { z } from '@hono/zod-openapi';
import { problemResponse } from '../../../platform/http/openapi-parts.ts';
import { safeDateTime, safeText } from '../../../platform/http/safe-input.ts';
import { PRIORITIES, STATUSES, TOPIC_STATUSES } from '../task-tables.ts';
import type { Category, Course, Task, Topic } from '../task-types.ts';

const dateTime = z.string().datetime({ offset: true });
const id = z.string().uuid();
const inputDateTime = safeDateTime();

export const TaskSchema = z
  .object({
    id,
    title: z.string(),
    description: z.string().nullable(),
    due_at: dateTime.nullable(),
    priority: z.enum(PRIORITIES),
    status: z.enum(STATUSES),
    category_id: id.nullable(),
    course_id: id.nullable(),
    topic_id: id.nullable(),
    version: z.number().int(),
    created_at: dateTime,
    updated_at: dateTime,
    completed_at: dateTime.nullable(),
  })
  .openapi('Task');

const taskFields = {
  title: safeText({ min: 1, max: 200 }),
  description: safeText({ max: 4000 }).nullable().optional(),
  due_at: inputDateTime.nullable().optional().openapi({ description: 'Deadline, ISO 8601 with offset' }),
  priority: z.enum(PRIORITIES).optional(),
  status: z.enum(STATUSES).optional(),
  category_id: id.nullable().optional(),
  course_id: id.nullable().optional(),
  topic_id: id.nullable().optional().openapi({ description: 'A topic of the course (sets the course too)' }),
};

export const TaskCreateSchema = z
  .object({
    ...taskFields,
    category: safeText({ min: 1, max: 60 })
      .optional()
      .openapi({ description: 'Category by name (created if new)' }),
    course: safeText({ min: 1, max: 100 })
      .optional()
      .openapi({ description: 'Course by name (created if new)' }),
  })
  .strict()
  .openapi('TaskCreate');

export const TaskPatchSchema = z
  .object({
    ...taskFields,
    title: taskFields.title.optional(),
    version: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Apply only if the task is still at this version (409 otherwise)' }),
  })
  .strict()
  .openapi('TaskPatch');

export const TaskListQuery = z.object({
  view: z.enum(['today', 'upcoming', 'overdue', 'done']).optional().openapi({
    description: "today / upcoming / overdue in the user's timezone (open tasks); done: newest first",
  }),
  status: z
    .string()
    .regex(/^(todo|in_progress|done|cancelled)(,(todo|in_progress|done|cancelled))*$/)
    .optional()
    .openapi({ description: 'Comma-separated statuses' }),
  due_from: inputDateTime.optional(),
  due_to: inputDateTime.optional().openapi({ description: 'Exclusive' }),
  category_id: id.optional(),
  course_id: id.optional(),
  topic_id: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

export const TaskPageSchema = z
  .object({ items: z.array(TaskSchema), next_cursor: z.string().nullable(), total: z.number().int() })
  .openapi('TaskPage');

export const SettingsSchema = z
  .object({
    deadline_offsets: z
      .array(z.number().int().min(1).max(43_200))
      .max(5)
      .openapi({ description: 'Minutes before a deadline to notify (default [1440, 60])' }),
  })
  .openapi('TaskSettings');

export const CategorySchema = z.object({ id, name: z.string(), created_at: dateTime }).openapi('Category');

export const TopicSchema = z
  .object({
    id,
    course_id: id,
    title: z.string(),
    position: z.number().int(),
    status: z.enum(TOPIC_STATUSES),
    version: z.number().int(),
  })
  .openapi('Topic');

export const CourseSchema = z
  .object({
    id,
    name: z.string(),
    description: z.string().nullable(),
    created_at: dateTime,
    topics: z.array(TopicSchema),
    progress: z.object({
      learned: z.number().int(),
      in_progress: z.number().int(),
      total: z.number().int(),
      percent: z.number().int(),
    }),
  })
  .openapi('Course');

export const IdParam = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export const problem = problemResponse;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const taskDto = (t: Task): z.infer<typeof TaskSchema> => ({
  id: t.id,
  title: t.title,
  description: t.description,
  due_at: iso(t.dueAt),
  priority: t.priority,
  status: t.status,
  category_id: t.categoryId,
  course_id: t.courseId,
  topic_id: t.topicId,
  version: t.version,
  created_at: t.createdAt.toISOString(),
  updated_at: t.updatedAt.toISOString(),
  completed_at: iso(t.completedAt),
});

export const categoryDto = (c: Category) => ({
  id: c.id,
  name: c.name,
  created_at: c.createdAt.toISOString(),
});

export const topicDto = (t: Topic) => ({
  id: t.id,
  course_id: t.courseId,
  title: t.title,
  position: t.position,
  status: t.status,
  version: t.version,
});

export const courseDto = (c: Course): z.infer<typeof CourseSchema> => ({
  id: c.id,
  name: c.name,
  description: c.description,
  created_at: c.createdAt.toISOString(),
  topics: c.topics.map(topicDto),
  progress: {
    learned: c.progress.learned,
    in_progress: c.progress.inProgress,
    total: c.progress.total,
    percent: c.progress.percent,
  },
});
