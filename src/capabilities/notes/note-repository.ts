import { and, desc, eq, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { stems } from '../../platform/ai/text-tokens.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type Alternative, type NoteKind, type NoteStatus, notes } from './note-tables.ts';

/** A note as the domain sees it: bodies already readable (decrypted, once encryption at rest lands). */
export interface Note {
  id: string;
  userId: string;
  topicId: string | null;
  status: NoteStatus;
  kind: NoteKind;
  text: string;
  transcript: string | null;
  source: string | null;
  link: { url: string; title: string | null; description: string | null; site: string | null } | null;
  fileIds: string[];
  confidence: number;
  alternatives: Alternative[];
  chatId: number | null;
  messageId: number | null;
  cardMessageId: number | null;
  /** Telegram's media_group_id when the note is an album. */
  mediaGroupId: string | null;
  expiresAt: Date | null;
  createdAt: Date;
}

export type NewNote = Pick<Note, 'userId' | 'kind' | 'text' | 'status' | 'topicId' | 'confidence'> &
  Partial<
    Pick<
      Note,
      | 'transcript'
      | 'source'
      | 'fileIds'
      | 'alternatives'
      | 'chatId'
      | 'messageId'
      | 'mediaGroupId'
      | 'expiresAt'
    >
  > & {
    linkUrl?: string | null;
  };

// The body columns are encryptedText (sealed by the column codec): the database holds only
// ciphertext, so nothing here filters on them in SQL — search decrypts and filters in the process.

type Row = typeof notes.$inferSelect;
function toNote(row: Row): Note {
  return {
    id: row.id,
    userId: row.userId,
    topicId: row.topicId,
    status: row.status,
    kind: row.kind,
    text: row.body,
    transcript: row.transcript,
    source: row.source,
    link: row.linkUrl
      ? { url: row.linkUrl, title: row.linkTitle, description: row.linkDescription, site: row.linkSite }
      : null,
    fileIds: row.fileIds,
    confidence: row.confidence,
    alternatives: row.alternatives,
    chatId: row.chatId,
    messageId: row.messageId,
    cardMessageId: row.cardMessageId,
    mediaGroupId: row.mediaGroupId,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

/** How many of a user's latest notes a search reads; search decrypts and filters in the process. */
export const SEARCH_WINDOW = 5000;

export function createNoteRepository(now: () => Date) {
  return {
    async insert(db: Queryable, input: NewNote): Promise<Note> {
      const at = now();
      const [row] = await db
        .insert(notes)
        .values({
          id: uuidv7(),
          userId: input.userId,
          topicId: input.topicId,
          status: input.status,
          kind: input.kind,
          body: input.text,
          transcript: input.transcript ?? null,
          source: input.source ?? null,
          linkUrl: input.linkUrl ?? null,
          fileIds: input.fileIds ?? [],
          confidence: input.confidence,
          alternatives: input.alternatives ?? [],
          chatId: input.chatId ?? null,
          messageId: input.messageId ?? null,
          mediaGroupId: input.mediaGroupId ?? null,
          expiresAt: input.expiresAt ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      return toNote(row as Row);
    },
    async get(db: Queryable, userId: string, id: string): Promise<Note | null> {
      const [row] = await db
        .select()
        .from(notes)
        .where(and(eq(notes.userId, userId), eq(notes.id, id)));
      return row ? toNote(row) : null;
    },
    /** For jobs, which carry only the note's id. */
    async byId(db: Queryable, id: string): Promise<Note | null> {
      const [row] = await db.select().from(notes).where(eq(notes.id, id));
      return row ? toNote(row) : null;
    },
    async findBy(db: Queryable, userId: string, where: SQL): Promise<Note | null> {
      const [row] = await db
        .select()
        .from(notes)
        .where(and(eq(notes.userId, userId), where))
        .limit(1);
      return row ? toNote(row) : null;
    },
    async update(
      db: Queryable,
      id: string,
      patch: Partial<
        Pick<
          Note,
          | 'topicId'
          | 'status'
          | 'confidence'
          | 'expiresAt'
          | 'cardMessageId'
          | 'text'
          | 'transcript'
          | 'fileIds'
        >
      > & {
        link?: { title: string | null; description: string | null; site: string | null };
        forumMessageId?: number;
      },
    ): Promise<void> {
      const { text, transcript, link, ...rest } = patch;
      await db
        .update(notes)
        .set({
          ...rest,
          ...(text !== undefined ? { body: text } : {}),
          ...(transcript !== undefined ? { transcript } : {}),
          ...(link ? { linkTitle: link.title, linkDescription: link.description, linkSite: link.site } : {}),
          updatedAt: now(),
        })
        .where(eq(notes.id, id));
    },
    async remove(db: Queryable, userId: string, id: string): Promise<boolean> {
      const gone = await db
        .delete(notes)
        .where(and(eq(notes.userId, userId), eq(notes.id, id)))
        .returning({ id: notes.id });
      return gone.length > 0;
    },
    /**
     * Latest first. With `q`: every query stem must occur in the note's text, transcript or link
     * title (ru and en stemming), matched here after decryption — the database never sees plain text.
     */
    async list(
      db: Queryable,
      userId: string,
      filter: { q?: string; topicId?: string; status?: NoteStatus; limit: number },
    ): Promise<Note[]> {
      const conditions = [eq(notes.userId, userId)];
      if (filter.topicId) conditions.push(eq(notes.topicId, filter.topicId));
      if (filter.status) conditions.push(eq(notes.status, filter.status));
      const query = filter.q ? stems(filter.q) : [];
      const rows = await db
        .select()
        .from(notes)
        .where(and(...conditions))
        .orderBy(desc(notes.createdAt), desc(notes.id))
        .limit(query.length ? SEARCH_WINDOW : filter.limit);
      const all = rows.map(toNote);
      if (!query.length) return all;
      return all
        .filter((n) => {
          const have = new Set(stems([n.text, n.transcript, n.link?.title, n.link?.description].join(' ')));
          return query.every((s) => have.has(s));
        })
        .slice(0, filter.limit);
    },
  };
}
export type NoteRepository = ReturnType<typeof createNoteRepository>;
