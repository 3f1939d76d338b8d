import { eq } from 'drizzle-orm';
import type { Queryable, RawSql } from '../db/database.ts';
import { users } from '../db/schema.ts';

/** Marks the user with this Telegram id as having blocked the bot (keeps the first moment). */
export async function markBlocked(raw: RawSql, telegramId: number): Promise<void> {
  await raw.query(
    'UPDATE users SET blocked_bot_at = now() WHERE telegram_id = $1 AND blocked_bot_at IS NULL',
    [telegramId],
  );
}

/** Clears the mark: call it when an update from the user arrives (they unblocked the bot). */
export async function clearBlocked(db: Queryable, telegramId: number): Promise<void> {
  await db.update(users).set({ blockedBotAt: null }).where(eq(users.telegramId, telegramId));
}

/** Whether a private chat's user is marked as having blocked the bot. Groups never are. */
export async function isBlocked(raw: RawSql, chatId: number | string): Promise<boolean> {
  const id = Number(chatId);
  if (!Number.isSafeInteger(id) || id <= 0) return false;
  const rows = await raw.query<{ blocked: boolean }>(
    'SELECT blocked_bot_at IS NOT NULL AS blocked FROM users WHERE telegram_id = $1',
    [id],
  );
  return rows[0]?.blocked === true;
}
