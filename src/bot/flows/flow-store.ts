import { and, eq, sql } from 'drizzle-orm';
import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { encryptedJson } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/database.ts';

export const botFlows = pgTable(
  'bot_flows',
  {
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    flow: text('flow').notNull(),
    step: text('step').notNull(),
    /** What the flow collected so far (a task's title, a reminder's text): sealed at rest. */
    data: encryptedJson('data').$type<Record<string, unknown>>().notNull(),
    promptMessageId: bigint('prompt_message_id', { mode: 'number' }),
    startedAt: tstz('started_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.userId] })],
);

export interface ActiveFlow {
  flow: string;
  step: string;
  data: Record<string, unknown>;
  expired: boolean;
}

/** One multi-step conversation per (chat, person), kept in the database so it survives restarts. */
export interface FlowStore {
  get(chatId: number, userId: number, now: Date): Promise<ActiveFlow | null>;
  set(chatId: number, userId: number, flow: Omit<ActiveFlow, 'expired'>, now: Date): Promise<void>;
  clear(chatId: number, userId: number): Promise<boolean>;
}

export function createFlowStore(db: Db, ttlMinutes = 30): FlowStore {
  return {
    async get(chatId, userId, now) {
      const [row] = await db
        .select()
        .from(botFlows)
        .where(and(eq(botFlows.chatId, chatId), eq(botFlows.userId, userId)))
        .limit(1);
      if (!row) return null;
      return { flow: row.flow, step: row.step, data: row.data, expired: row.expiresAt <= now };
    },
    async set(chatId, userId, flow, now) {
      const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
      await db
        .insert(botFlows)
        .values({ chatId, userId, flow: flow.flow, step: flow.step, data: flow.data, expiresAt })
        .onConflictDoUpdate({
          target: [botFlows.chatId, botFlows.userId],
          set: { flow: flow.flow, step: flow.step, data: flow.data, expiresAt, startedAt: sql`now()` },
        });
    },
    async clear(chatId, userId) {
      const removed = await db
        .delete(botFlows)
        .where(and(eq(botFlows.chatId, chatId), eq(botFlows.userId, userId)))
        .returning({ flow: botFlows.flow });
      return removed.length > 0;
    },
  };
}
