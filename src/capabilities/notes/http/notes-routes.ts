import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  jsonContent,
  pageOf,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import { type FilingService, firstUrl } from '../filing-service.ts';
import type { NotesPreferencesStore } from '../notes-settings.ts';
import type { TopicService } from '../topic-service.ts';
import {
  IdParam,
  MoveSchema,
  NoteCreateSchema,
  NoteListQuery,
  NoteSchema,
  NotesSettingsPatch,
  NotesSettingsSchema,
  noteDto,
  TopicCreateSchema,
  TopicPatchSchema,
  TopicSchema,
  topicDto,
} from './notes-schemas.ts';

const tags = ['notes'];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in') };
const missing = { 404: problem('No such note or topic of yours') };
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  ...jsonContent(schema),
});
const body = <T extends z.ZodType>(schema: T) => ({ required: true, ...jsonContent(schema) });
// Every topic of yours in one page (`next_cursor` null).
const TopicList = pageOf(
  TopicSchema.extend({ note_count: z.number().int().openapi({ description: 'Filed notes in it' }) }),
);
const NoteList = z.object({ items: NoteSchema.array() });

const r = {
  topics: createRoute({
    method: 'get',
    operationId: 'listNoteTopics',
    path: '/topics',
    tags,
    security,
    summary: 'Your topics (Inbox first) with how many notes each holds',
    responses: { 200: json(TopicList, 'Topics'), ...errors },
  }),
  createTopic: createRoute({
    method: 'post',
    operationId: 'createNoteTopic',
    path: '/topics',
    tags,
    security,
    summary: 'Create a topic',
    request: { body: body(TopicCreateSchema) },
    responses: {
      201: json(TopicSchema, 'Created'),
      ...errors,
      409: problem('A topic with that name exists'),
    },
  }),
  patchTopic: createRoute({
    method: 'patch',
    operationId: 'updateNoteTopic',
    path: '/topics/{id}',
    tags,
    security,
    summary: 'Change a topic',
    request: { params: IdParam, body: body(TopicPatchSchema) },
    responses: { 200: json(TopicSchema, 'Updated'), ...errors, ...missing, 409: problem('Name taken') },
  }),
  deleteTopic: createRoute({
    method: 'delete',
    operationId: 'deleteNoteTopic',
    path: '/topics/{id}',
    tags,
    security,
    summary: 'Delete a topic (its notes stay, unfiled)',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errors, ...missing },
  }),
  pendings: createRoute({
    method: 'get',
    operationId: 'listPendingNotes',
    path: '/pendings',
    tags,
    security,
    summary: 'Notes waiting for a topic',
    responses: { 200: json(NoteList, 'Pending notes'), ...errors },
  }),
  getSettings: createRoute({
    method: 'get',
    operationId: 'getNoteSettings',
    path: '/settings',
    tags,
    security,
    summary: 'Default topic and template (threshold, TTL, style, forum posting: /api/v1/settings/notes.*)',
    responses: { 200: json(NotesSettingsSchema, 'Settings'), ...errors },
  }),
  putSettings: createRoute({
    method: 'put',
    operationId: 'updateNoteSettings',
    path: '/settings',
    tags,
    security,
    summary: 'Change the default topic or the template',
    request: { body: body(NotesSettingsPatch) },
    responses: { 200: json(NotesSettingsSchema, 'Settings'), ...errors, ...missing },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createNote',
    path: '/',
    tags,
    security,
    summary: 'File a note (or hold it as pending)',
    request: { body: body(NoteCreateSchema) },
    responses: { 201: json(NoteSchema, 'Filed or pending'), ...errors },
  }),
  list: createRoute({
    method: 'get',
    operationId: 'listNotes',
    path: '/',
    tags,
    security,
    summary: 'List or search notes',
    request: { query: NoteListQuery },
    responses: { 200: json(NoteList, 'Notes'), ...errors },
  }),
  get: createRoute({
    method: 'get',
    operationId: 'getNote',
    path: '/{id}',
    tags,
    security,
    summary: 'One note',
    request: { params: IdParam },
    responses: { 200: json(NoteSchema, 'The note'), ...errors, ...missing },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteNote',
    path: '/{id}',
    tags,
    security,
    summary: 'Delete a note',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errors, ...missing },
  }),
  move: createRoute({
    method: 'patch',
    operationId: 'moveNote',
    path: '/{id}',
    tags,
    security,
    summary: 'Move a note to a topic (kept as a correction)',
    request: { params: IdParam, body: body(MoveSchema) },
    responses: { 200: json(NoteSchema, 'Moved'), ...errors, ...missing },
  }),
  // The old address, kept one release: `/notes/{id}/move` and `/notes/topics/{id}` matched the same URL.
  moveOld: createRoute({
    method: 'post',
    operationId: 'moveNoteDeprecated',
    path: '/{id}/move',
    tags,
    security,
    deprecated: true,
    summary: 'Move a note to a topic: deprecated, use PATCH /api/v1/notes/{id}',
    request: { params: IdParam, body: body(MoveSchema) },
    responses: { 200: json(NoteSchema, 'Moved'), ...errors, ...missing },
  }),
};

export function createNotesRoutes(deps: {
  filing: FilingService;
  topics: TopicService;
  prefs: NotesPreferencesStore;
}) {
  const { filing, topics, prefs } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const uid = (c: { get(k: 'user'): { id: string } }) => c.get('user').id;
  app.openapi(r.topics, async (c) => {
    await topics.inbox(uid(c));
    const counts = await topics.noteCounts(uid(c));
    const items = (await topics.list(uid(c))).map((t) => ({
      ...topicDto(t),
      note_count: counts.get(t.id) ?? 0,
    }));
    return c.json({ items, next_cursor: null }, 200);
  });
  app.openapi(r.createTopic, async (c) =>
    c.json(topicDto(await topics.create(uid(c), c.req.valid('json'))), 201),
  );
  app.openapi(r.patchTopic, async (c) =>
    c.json(topicDto(await topics.update(uid(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(r.deleteTopic, async (c) => {
    await topics.remove(uid(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(r.pendings, async (c) =>
    c.json({ items: (await filing.list(uid(c), { status: 'pending' })).map(noteDto) }, 200),
  );
  const settingsDto = async (userId: string) => {
    const p = await prefs.get(userId);
    return { default_topic_id: p.defaultTopicId, template: p.template };
  };
  app.openapi(r.getSettings, async (c) => c.json(await settingsDto(uid(c)), 200));
  app.openapi(r.putSettings, async (c) => {
    const b = c.req.valid('json');
    if (b.default_topic_id) await topics.get(uid(c), b.default_topic_id);
    await prefs.setOwn(uid(c), {
      ...(b.default_topic_id !== undefined ? { defaultTopicId: b.default_topic_id } : {}),
      ...(b.template !== undefined ? { template: b.template } : {}),
    });
    return c.json(await settingsDto(uid(c)), 200);
  });
  app.openapi(r.create, async (c) => {
    const { text } = c.req.valid('json');
    const url = firstUrl(text);
    const filed = await filing.capture(uid(c), { text, kind: url ? 'link' : 'text', linkUrl: url });
    return c.json(noteDto(filed.note), 201);
  });
  app.openapi(r.list, async (c) => {
    const q = c.req.valid('query');
    const items = await filing.list(uid(c), {
      ...(q.q ? { q: q.q } : {}),
      ...(q.topic_id ? { topicId: q.topic_id } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.limit ? { limit: q.limit } : {}),
    });
    return c.json({ items: items.map(noteDto) }, 200);
  });
  app.openapi(r.get, async (c) => c.json(noteDto(await filing.get(uid(c), c.req.valid('param').id)), 200));
  app.openapi(r.remove, async (c) => {
    await filing.remove(uid(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  for (const route of [r.move, r.moveOld])
    app.openapi(route, async (c) => {
      const note = await filing.move(uid(c), c.req.valid('param').id, c.req.valid('json').topic_id);
      return c.json(noteDto(note), 200);
    });
  return app;
}
