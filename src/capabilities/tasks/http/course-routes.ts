import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { safeText } from '../../../platform/http/safe-input.ts';
import { notFound } from '../owned.ts';
import { TOPIC_STATUSES } from '../task-tables.ts';
import type { CourseService } from '../task-types.ts';
import {
  body,
  CategorySchema,
  CourseSchema,
  categoryDto,
  courseDto,
  IdParam,
  json,
  problem,
  TopicSchema,
  topicDto,
} from './task-schemas.ts';

const security = [{ bearer: [] }];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in') };
const missing = { 404: problem('No such object of yours') };
const conflict = { 409: problem('The name is taken') };
const TopicParams = IdParam.extend({
  topicId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'topicId', in: 'path' } }),
});
const CourseInput = z
  .object({
    name: safeText({ min: 1, max: 100 }),
    description: safeText({ max: 2000 }).nullable().optional(),
    topics: z
      .array(safeText({ min: 1, max: 200 }))
      .max(200)
      .optional()
      .openapi({ description: 'Topic titles in order' }),
  })
  .strict();
const TopicInput = z
  .object({
    title: safeText({ min: 1, max: 200 }),
    status: z.enum(TOPIC_STATUSES).optional(),
    position: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .openapi({ description: '0-based place in the course' }),
  })
  .strict();
const NameInput = z.object({ name: safeText({ min: 1, max: 60 }) }).strict();

const route = <T extends Parameters<typeof createRoute>[0]>(tag: string, def: T) =>
  createRoute({ ...def, tags: [tag], security });

/** /categories: flat labels for tasks. */
export function createCategoryRoutes(service: CourseService): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const list = route('categories', {
    method: 'get',
    operationId: 'listCategories',
    path: '/',
    summary: 'Your categories',
    responses: { 200: json(z.array(CategorySchema), 'Categories'), ...errors },
  });
  const create = route('categories', {
    method: 'post',
    operationId: 'createCategory',
    path: '/',
    summary: 'Create a category',
    request: { body: body(NameInput) },
    responses: { 201: json(CategorySchema, 'Created'), ...errors, ...conflict },
  });
  const patch = route('categories', {
    method: 'patch',
    operationId: 'updateCategory',
    path: '/{id}',
    summary: 'Rename a category',
    request: { params: IdParam, body: body(NameInput) },
    responses: { 200: json(CategorySchema, 'Renamed'), ...errors, ...missing, ...conflict },
  });
  const remove = route('categories', {
    method: 'delete',
    operationId: 'deleteCategory',
    path: '/{id}',
    summary: 'Delete a category (its tasks keep existing, uncategorized)',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errors, ...missing },
  });
  app.openapi(list, async (c) =>
    c.json((await service.listCategories(c.get('user').id)).map(categoryDto), 200),
  );
  app.openapi(create, async (c) =>
    c.json(categoryDto(await service.createCategory(c.get('user').id, c.req.valid('json').name)), 201),
  );
  app.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      categoryDto(await service.renameCategory(c.get('user').id, id, c.req.valid('json').name)),
      200,
    );
  });
  app.openapi(remove, async (c) => {
    await service.removeCategory(c.get('user').id, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}

/** /courses and /courses/{id}/topics: study courses with ordered topics and progress. */
export function createCourseRoutes(service: CourseService): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const r = {
    list: route('courses', {
      method: 'get',
      operationId: 'listCourses',
      path: '/',
      summary: 'Your courses with topics and progress',
      responses: { 200: json(z.array(CourseSchema), 'Courses'), ...errors },
    }),
    create: route('courses', {
      method: 'post',
      operationId: 'createCourse',
      path: '/',
      summary: 'Create a course (optionally with topics)',
      request: { body: body(CourseInput) },
      responses: { 201: json(CourseSchema, 'Created'), ...errors, ...conflict },
    }),
    get: route('courses', {
      method: 'get',
      operationId: 'getCourse',
      path: '/{id}',
      summary: 'One course',
      request: { params: IdParam },
      responses: { 200: json(CourseSchema, 'The course'), ...errors, ...missing },
    }),
    patch: route('courses', {
      method: 'patch',
      operationId: 'updateCourse',
      path: '/{id}',
      summary: 'Rename or describe a course',
      request: { params: IdParam, body: body(CourseInput.omit({ topics: true }).partial()) },
      responses: { 200: json(CourseSchema, 'Updated'), ...errors, ...missing, ...conflict },
    }),
    remove: route('courses', {
      method: 'delete',
      operationId: 'deleteCourse',
      path: '/{id}',
      summary: 'Delete a course and its topics (tasks stay, unlinked)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors, ...missing },
    }),
    topics: route('courses', {
      method: 'get',
      operationId: 'listCourseTopics',
      path: '/{id}/topics',
      summary: 'Topics of a course, in order',
      request: { params: IdParam },
      responses: { 200: json(z.array(TopicSchema), 'Topics'), ...errors, ...missing },
    }),
    addTopic: route('courses', {
      method: 'post',
      operationId: 'createCourseTopic',
      path: '/{id}/topics',
      summary: 'Add a topic (at the end, or at `position`)',
      request: { params: IdParam, body: body(TopicInput.omit({ status: true })) },
      responses: { 201: json(TopicSchema, 'Created'), ...errors, ...missing },
    }),
    patchTopic: route('courses', {
      method: 'patch',
      operationId: 'updateCourseTopic',
      path: '/{id}/topics/{topicId}',
      summary: 'Rename, move or set the status of a topic',
      request: { params: TopicParams, body: body(TopicInput.partial()) },
      responses: { 200: json(TopicSchema, 'Updated'), ...errors, ...missing },
    }),
    removeTopic: route('courses', {
      method: 'delete',
      operationId: 'deleteCourseTopic',
      path: '/{id}/topics/{topicId}',
      summary: 'Delete a topic',
      request: { params: TopicParams },
      responses: { 204: { description: 'Deleted' }, ...errors, ...missing },
    }),
  };
  const user = (c: { get(key: 'user'): { id: string } }) => c.get('user').id;
  app.openapi(r.list, async (c) => c.json((await service.list(user(c))).map(courseDto), 200));
  app.openapi(r.create, async (c) =>
    c.json(courseDto(await service.create(user(c), c.req.valid('json'))), 201),
  );
  app.openapi(r.get, async (c) => {
    const { id } = c.req.valid('param');
    const course = await service.get(user(c), id);
    if (!course) throw notFound('course', id);
    return c.json(courseDto(course), 200);
  });
  app.openapi(r.patch, async (c) =>
    c.json(courseDto(await service.update(user(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(r.remove, async (c) => {
    await service.remove(user(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(r.topics, async (c) => {
    const { id } = c.req.valid('param');
    const course = await service.get(user(c), id);
    if (!course) throw notFound('course', id);
    return c.json(course.topics.map(topicDto), 200);
  });
  app.openapi(r.addTopic, async (c) => {
    const { title, position } = c.req.valid('json');
    return c.json(topicDto(await service.addTopic(user(c), c.req.valid('param').id, title, position)), 201);
  });
  app.openapi(r.patchTopic, async (c) => {
    const { id, topicId } = c.req.valid('param');
    return c.json(topicDto(await service.updateTopic(user(c), id, topicId, c.req.valid('json'))), 200);
  });
  app.openapi(r.removeTopic, async (c) => {
    const { id, topicId } = c.req.valid('param');
    await service.removeTopic(user(c), id, topicId);
    return c.body(null, 204);
  });
  return app;
}
