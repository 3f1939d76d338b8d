import type { RawSql } from '../db/database.ts';

/** Whether a notification with this dedupe key was already delivered. */
export async function wasDelivered(raw: RawSql, dedupeKey: string): Promise<boolean> {
  const rows = await raw.query('SELECT 1 FROM telegram_deliveries WHERE dedupe_key = $1', [dedupeKey]);
  return rows.length > 0;
}

/**
 * Records a delivery after Telegram accepted it. A crash between the send and this insert loses
 * the record, and the job's retry then delivers once more: Telegram sends have no idempotency key,
 * so this window can be narrowed but not closed.
 */
export async function recordDelivery(
  raw: RawSql,
  delivery: { dedupeKey: string; chatId: number | string; messageId: number },
): Promise<void> {
  await raw.query(
    `INSERT INTO telegram_deliveries (dedupe_key, chat_id, message_id)
     VALUES ($1, $2, $3) ON CONFLICT (dedupe_key) DO NOTHING`,
    [delivery.dedupeKey, Number(delivery.chatId), delivery.messageId],
  );
}
