import { and, eq, lt, sql } from 'drizzle-orm';
import { bigint, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { InboxContent } from '../../platform/capability/inbox-targets.ts';
import { encryptedJson, encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';
import type { Db, Queryable } from '../../platform/db/database.ts';

export type { InboxContent as DraftContent } from '../../platform/capability/inbox-targets.ts';

export const inboxDrafts = pgTable('inbox_drafts', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  chatId: bigint('chat_id', { mode: 'number' }).notNull(),
  messageId: bigint('message_id', { mode: 'number' }),
  // The line as typed and what was read from it: sealed at rest like the task it becomes.
  sourceText: encryptedText('source_text').notNull(),
  // the kind of an inbox target (task, reminder, note…), contributed by capabilities
  kind: text('kind').notNull(),
  parsed: encryptedJson('parsed').$type<InboxContent>().notNull(),
  status: text('status').$type<'pending' | 'saved' | 'cancelled'>().notNull().default('pending'),
  savedId: uuid('saved_id'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export type Draft = typeof inboxDrafts.$inferSelect;

export function createDraftStore(db: Db) {
  return {
    async create(input: {
      userId: string;
      chatId: number;
      sourceText: string;
      kind: string;
      parsed: InboxContent;
    }) {
      const [row] = await db
        .insert(inboxDrafts)
        .values({ id: uuidv7(), ...input })
        .returning();
      if (!row) throw new Error('draft insert returned nothing');
      return row;
    },
    async get(userId: string, id: string): Promise<Draft | null> {
      const [row] = await db
        .select()
        .from(inboxDrafts)
        .where(and(eq(inboxDrafts.id, id), eq(inboxDrafts.userId, userId)))
        .limit(1);
      return row ?? null;
    },
    async attachMessage(id: string, messageId: number) {
      await db.update(inboxDrafts).set({ messageId }).where(eq(inboxDrafts.id, id));
    },
    async update(id: string, patch: Partial<Pick<Draft, 'kind' | 'parsed' | 'sourceText'>>) {
      await db
        .update(inboxDrafts)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(and(eq(inboxDrafts.id, id), eq(inboxDrafts.status, 'pending')));
    },
    /**
     * Resolves a pending draft (saved or cancelled): it is deleted, so the text typed into it does
     * not outlive the task; its card's buttons then answer "stale". False if it was not pending any
     * more (a double tap).
     */
    async finish(id: string, tx: Queryable = db): Promise<boolean> {
      const rows = await tx
        .delete(inboxDrafts)
        .where(and(eq(inboxDrafts.id, id), eq(inboxDrafts.status, 'pending')))
        .returning({ id: inboxDrafts.id });
      return rows.length > 0;
    },
    /** Drafts nobody confirmed or cancelled since `before`: gone, their cards stale. */
    async pruneUntouchedSince(before: Date): Promise<number> {
      const rows = await db
        .delete(inboxDrafts)
        .where(lt(inboxDrafts.updatedAt, before))
        .returning({ id: inboxDrafts.id });
      return rows.length;
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
