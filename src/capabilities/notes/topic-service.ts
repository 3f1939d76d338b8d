import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { noteCorrections, notes, noteTopics } from './note-tables.ts';

export type NoteTopic = typeof noteTopics.$inferSelect;
export interface TopicInput {
  name: string;
  description?: string | null;
  keywords?: string[];
  emoji?: string | null;
}

/** Corrections a classification sees as examples (the latest; older ones age out). */
export const EXAMPLES_PER_CLASSIFICATION = 100;

const notFound = (id: string) => new DomainError('not_found', 'topic_not_found', `No topic ${id}`, { id });
const topicExists = (name: string) =>
  new DomainError('conflict', 'topic_exists', `A topic named "${name}" exists`, { name });

/** A user's topics (one Inbox each, created on first use) and their correction examples. */
export function createTopicService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const service = {
    async list(userId: string, q: Queryable = db): Promise<NoteTopic[]> {
      return q
        .select()
        .from(noteTopics)
        .where(eq(noteTopics.userId, userId))
        .orderBy(desc(noteTopics.isInbox), asc(noteTopics.createdAt), asc(noteTopics.id));
    },
    /** How many notes each topic holds, by topic id (topics without notes are absent). */
    async noteCounts(userId: string, q: Queryable = db): Promise<Map<string, number>> {
      const rows = await q
        .select({ topicId: notes.topicId, count: sql<number>`count(*)::int` })
        .from(notes)
        .where(and(eq(notes.userId, userId), eq(notes.status, 'filed')))
        .groupBy(notes.topicId);
      return new Map(rows.flatMap((r) => (r.topicId ? [[r.topicId, Number(r.count)] as const] : [])));
    },
    async get(userId: string, id: string, q: Queryable = db): Promise<NoteTopic> {
      const [row] = await q
        .select()
        .from(noteTopics)
        .where(and(eq(noteTopics.userId, userId), eq(noteTopics.id, id)));
      if (!row) throw notFound(id);
      return row;
    },
    /** The Inbox topic; created once (a concurrent first use finds the other's row). */
    async inbox(userId: string, q: Queryable = db): Promise<NoteTopic> {
      const at = now();
      await q
        .insert(noteTopics)
        .values({
          id: uuidv7(),
          userId,
          name: 'Inbox',
          keywords: [],
          emoji: '📥',
          isInbox: true,
          closed: false,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing();
      const [row] = await q
        .select()
        .from(noteTopics)
        .where(and(eq(noteTopics.userId, userId), eq(noteTopics.isInbox, true)));
      return row as NoteTopic;
    },
    async create(userId: string, input: TopicInput, q: Queryable = db): Promise<NoteTopic> {
      await service.inbox(userId, q);
      const at = now();
      const rows = await q
        .insert(noteTopics)
        .values({
          id: uuidv7(),
          userId,
          name: input.name.trim(),
          description: input.description ?? null,
          keywords: input.keywords ?? [],
          emoji: input.emoji ?? null,
          isInbox: false,
          closed: false,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing()
        .returning();
      if (!rows[0]) throw topicExists(input.name);
      return rows[0];
    },
    async update(
      userId: string,
      id: string,
      patch: Partial<TopicInput> & { threadId?: number | null; closed?: boolean },
      q: Queryable = db,
    ): Promise<NoteTopic> {
      const rows = await q
        .update(noteTopics)
        .set({ ...patch, ...(patch.name ? { name: patch.name.trim() } : {}), updatedAt: now() })
        .where(and(eq(noteTopics.userId, userId), eq(noteTopics.id, id)))
        .returning()
        .catch((error: unknown) => {
          throw patch.name && isUniqueViolation(error) ? topicExists(patch.name) : error;
        });
      if (!rows[0]) throw notFound(id);
      return rows[0];
    },
    async remove(userId: string, id: string): Promise<void> {
      const topic = await service.get(userId, id);
      if (topic.isInbox)
        throw new DomainError('invalid', 'topic_inbox', 'The Inbox cannot be deleted', { id });
      await db.delete(noteTopics).where(eq(noteTopics.id, id));
    },
    async byThread(userId: string, threadId: number): Promise<NoteTopic | null> {
      const [row] = await db
        .select()
        .from(noteTopics)
        .where(and(eq(noteTopics.userId, userId), eq(noteTopics.threadId, threadId)));
      return row ?? null;
    },
    async byName(userId: string, name: string): Promise<NoteTopic | null> {
      const [row] = await db
        .select()
        .from(noteTopics)
        .where(and(eq(noteTopics.userId, userId), sql`lower(${noteTopics.name}) = lower(${name.trim()})`));
      return row ?? null;
    },
    /** A Move or a pending choice: the note's text becomes an example of the chosen topic. */
    async addExample(userId: string, topicId: string, example: string, noteId: string | null, q: Queryable) {
      if (!example.trim()) return;
      await q
        .insert(noteCorrections)
        .values({ id: uuidv7(), userId, noteId, topicId, example: example.slice(0, 2000), createdAt: now() });
    },
    async examples(userId: string, q: Queryable = db) {
      return q
        .select({ text: noteCorrections.example, topicId: noteCorrections.topicId })
        .from(noteCorrections)
        .where(eq(noteCorrections.userId, userId))
        .orderBy(desc(noteCorrections.createdAt))
        .limit(EXAMPLES_PER_CLASSIFICATION);
    },
  };
  return service;
}
export type TopicService = ReturnType<typeof createTopicService>;
