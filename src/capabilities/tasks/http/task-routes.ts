import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { notFound } from '../owned.ts';
import type { TaskService, TaskStatus } from '../task-types.ts';
import {
  body,
  IdParam,
  json,
  problem,
  SettingsSchema,
  TaskCreateSchema,
  TaskListQuery,
  TaskPageSchema,
  TaskPatchSchema,
  TaskSchema,
  taskDto,
} from './task-schemas.ts';

const tags = ['tasks'];
const security = [{ bearer: [] }];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in') };
const missing = { 404: problem('No such task of yours') };
const date = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

const routes = {
  getSettings: createRoute({
    method: 'get',
    operationId: 'getTaskSettings',
    path: '/settings',
    tags,
    security,
    summary: 'Deadline notification offsets',
    responses: { 200: json(SettingsSchema, 'Settings'), ...errors },
  }),
  putSettings: createRoute({
    method: 'put',
    operationId: 'updateTaskSettings',
    path: '/settings',
    tags,
    security,
    summary: 'Replace the deadline notification offsets (reschedules open tasks)',
    request: { body: body(SettingsSchema) },
    responses: { 200: json(SettingsSchema, 'Settings'), ...errors },
  }),
  list: createRoute({
    method: 'get',
    operationId: 'listTasks',
    path: '/',
    tags,
    security,
    summary: 'List tasks (filters, views, cursor pagination)',
    request: { query: TaskListQuery },
    responses: { 200: json(TaskPageSchema, 'One page'), ...errors },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createTask',
    path: '/',
    tags,
    security,
    summary: 'Create a task',
    request: { body: body(TaskCreateSchema) },
    responses: { 201: json(TaskSchema, 'Created'), ...errors, 404: problem('Unknown category/course/topic') },
  }),
  get: createRoute({
    method: 'get',
    operationId: 'getTask',
    path: '/{id}',
    tags,
    security,
    summary: 'One task',
    request: { params: IdParam },
    responses: { 200: json(TaskSchema, 'The task'), ...errors, ...missing },
  }),
  patch: createRoute({
    method: 'patch',
    operationId: 'updateTask',
    path: '/{id}',
    tags,
    security,
    summary: 'Change a task (moving the deadline reschedules its notifications)',
    request: { params: IdParam, body: body(TaskPatchSchema) },
    responses: {
      200: json(TaskSchema, 'Updated'),
      ...errors,
      ...missing,
      409: problem('The task changed since `version`'),
    },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteTask',
    path: '/{id}',
    tags,
    security,
    summary: 'Delete a task (and its pending notifications)',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errors, ...missing },
  }),
};

export function createTaskRoutes(service: TaskService): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(routes.getSettings, async (c) => {
    const settings = await service.getSettings(c.get('user').id);
    return c.json({ deadline_offsets: settings.deadlineOffsets }, 200);
  });
  app.openapi(routes.putSettings, async (c) => {
    const { deadline_offsets } = c.req.valid('json');
    const saved = await service.updateSettings(c.get('user').id, { deadlineOffsets: deadline_offsets });
    return c.json({ deadline_offsets: saved.deadlineOffsets }, 200);
  });
  app.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const page = await service.list(c.get('user').id, {
      ...(q.view ? { view: q.view } : {}),
      ...(q.status ? { status: q.status.split(',') as TaskStatus[] } : {}),
      ...(q.due_from ? { dueFrom: new Date(q.due_from) } : {}),
      ...(q.due_to ? { dueTo: new Date(q.due_to) } : {}),
      ...(q.category_id ? { categoryId: q.category_id } : {}),
      ...(q.course_id ? { courseId: q.course_id } : {}),
      ...(q.topic_id ? { topicId: q.topic_id } : {}),
      ...(q.limit ? { limit: q.limit } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return c.json({ items: page.items.map(taskDto), next_cursor: page.nextCursor, total: page.total }, 200);
  });
  app.openapi(routes.create, async (c) => {
    const b = c.req.valid('json');
    const task = await service.create(c.get('user').id, {
      title: b.title,
      description: b.description,
      dueAt: date(b.due_at),
      priority: b.priority,
      status: b.status,
      categoryId: b.category_id,
      category: b.category,
      courseId: b.course_id,
      course: b.course,
      topicId: b.topic_id,
    });
    return c.json(taskDto(task), 201);
  });
  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid('param');
    const task = await service.get(c.get('user').id, id);
    if (!task) throw notFound('task', id);
    return c.json(taskDto(task), 200);
  });
  app.openapi(routes.patch, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const task = await service.update(c.get('user').id, id, {
      title: b.title,
      description: b.description,
      dueAt: date(b.due_at),
      priority: b.priority,
      status: b.status,
      categoryId: b.category_id,
      courseId: b.course_id,
      topicId: b.topic_id,
      expectVersion: b.version,
    });
    return c.json(taskDto(task), 200);
  });
  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid('param');
    await service.remove(c.get('user').id, id);
    return c.body(null, 204);
  });
  return app;
}
