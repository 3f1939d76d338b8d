import { eq, sql } from 'drizzle-orm';
import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz as tstz } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/database.ts';

export const botMenus = pgTable('bot_menus', {
  chatId: bigint('chat_id', { mode: 'number' }).primaryKey(),
  messageId: bigint('message_id', { mode: 'number' }).notNull(),
  nonce: text('nonce').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** The one live inline menu of a chat: its message and a nonce every button of it carries. */
export interface MenuStore {
  current(chatId: number): Promise<{ messageId: number; nonce: string } | null>;
  /**
   * The nonce for a menu sent while handling this update. Derived from the update id, so handling
   * the same update again (at-least-once) yields the same nonce as the buttons already sent.
   */
  nonceFor(updateId: number): string;
  save(chatId: number, messageId: number, nonce: string): Promise<void>;
}

export function createMenuStore(db: Db): MenuStore {
  return {
    async current(chatId) {
      const [row] = await db.select().from(botMenus).where(eq(botMenus.chatId, chatId)).limit(1);
      return row ? { messageId: row.messageId, nonce: row.nonce } : null;
    },
    nonceFor: (updateId) => updateId.toString(36),
    async save(chatId, messageId, nonce) {
      await db
        .insert(botMenus)
        .values({ chatId, messageId, nonce })
        .onConflictDoUpdate({ target: botMenus.chatId, set: { messageId, nonce, updatedAt: sql`now()` } });
    },
  };
}
