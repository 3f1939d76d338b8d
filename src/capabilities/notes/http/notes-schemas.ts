import { z } from '@hono/zod-openapi';
import type { Note } from '../note-repository.ts';
import { NOTE_KINDS } from '../note-tables.ts';
import type { NoteTopic } from '../topic-service.ts';

const id = z.string().uuid();
const dateTime = z.string().datetime({ offset: true });
export const IdParam = z.object({ id });

export const TopicSchema = z
  .object({
    id,
    name: z.string(),
    description: z.string().nullable(),
    keywords: z.array(z.string()),
    emoji: z.string().nullable(),
    is_inbox: z.boolean(),
    thread_id: z.number().int().nullable(),
    closed: z.boolean(),
  })
  .openapi('NoteTopic');
export const TopicCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).optional(),
  keywords: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  emoji: z.string().max(8).optional(),
});
export const TopicPatchSchema = TopicCreateSchema.partial()
  .extend({
    closed: z
      .boolean()
      .optional()
      .openapi({ description: 'A closed topic takes no new notes; false reopens it' }),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

const Alternative = z.object({ topic_id: id, confidence: z.number() });
export const NoteSchema = z
  .object({
    id,
    status: z.enum(['filed', 'pending']),
    topic_id: id.nullable(),
    confidence: z.number(),
    alternatives: z.array(Alternative),
    kind: z.enum(NOTE_KINDS),
    text: z.string(),
    transcript: z.string().nullable(),
    source: z.string().nullable(),
    link: z
      .object({
        url: z.string(),
        title: z.string().nullable(),
        description: z.string().nullable(),
        site: z.string().nullable(),
      })
      .nullable(),
    /** Telegram file ids of the note's photos and documents (an album has several). */
    file_ids: z.array(z.string()),
    expires_at: dateTime.nullable(),
    created_at: dateTime,
  })
  .openapi('Note');
export const NoteCreateSchema = z.object({ text: z.string().trim().min(1).max(4000) });
export const MoveSchema = z.object({ topic_id: id });
export const NoteListQuery = z.object({
  q: z.string().max(200).optional(),
  topic_id: id.optional(),
  status: z.enum(['filed', 'pending']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const NotesSettingsSchema = z
  .object({
    default_topic_id: id.nullable(),
    template: z.string().max(2000).nullable(),
  })
  .openapi('NotesSettings');
export const NotesSettingsPatch = NotesSettingsSchema.partial();

export const topicDto = (t: NoteTopic) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  keywords: t.keywords,
  emoji: t.emoji,
  is_inbox: t.isInbox,
  thread_id: t.threadId,
  closed: t.closed,
});
export const noteDto = (n: Note) => ({
  id: n.id,
  status: n.status,
  topic_id: n.topicId,
  confidence: n.confidence,
  alternatives: n.alternatives.map((a) => ({ topic_id: a.topicId, confidence: a.confidence })),
  kind: n.kind,
  text: n.text,
  transcript: n.transcript,
  source: n.source,
  link: n.link,
  file_ids: n.fileIds,
  expires_at: n.expiresAt?.toISOString() ?? null,
  created_at: n.createdAt.toISOString(),
});
