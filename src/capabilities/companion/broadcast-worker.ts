import { and, eq, sql } from 'drizzle-orm';
import type { Api } from 'grammy';
import type { TranslateIn } from '../../bot/i18n.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { BotBlockedError, TelegramRetryLaterError } from '../../platform/telegram/index.ts';
import type { BroadcastJob, BroadcastService } from './broadcast-service.ts';
import { BROADCAST_QUEUE } from './broadcast-service.ts';
import { progressButtons } from './companion-callbacks.ts';
import {
  companionBroadcastRecipients,
  companionBroadcasts,
  type RecipientState,
} from './companion-tables.ts';

/** Recipients per job: ~10 s at 30 msg/s; then the job hands over to the next (a crash loses nothing). */
const CHUNK = 300;
const BATCH = 60;
/** Sends in flight: enough to keep the shared limiter's slots filled while each HTTP call is under way. */
const PARALLEL = 16;
/** The live progress message is edited at most this often (edits count against the limits too). */
const EDIT_EVERY_MS = 3000;

/**
 * Delivers a broadcast through the one Telegram client, which paces every process to the global
 * limit and honours 429s. Each recipient ends sent / failed / blocked (the client marks the user
 * blocked, so the next segment skips them); a pause or cancel takes effect within one batch.
 */
export function createBroadcastWorker(deps: {
  db: Db;
  jobs: JobPort;
  broadcasts: BroadcastService;
  telegramApi: () => Api;
  t: TranslateIn;
  language: (chatId: number) => Promise<'ru' | 'en'>;
  logger: Logger;
  now: () => Date;
}) {
  const { db, broadcasts, now } = deps;

  async function progress(id: string, final: boolean) {
    const b = await broadcasts.get(id);
    if (!b.progressChatId) return;
    const language = await deps.language(b.progressChatId);
    const done = b.sent + b.failed + b.blocked;
    const elapsed = b.startedAt ? (now().getTime() - b.startedAt.getTime()) / 1000 : 0;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? Math.ceil((b.total - done) / rate / 60) : 0;
    const key = final ? `companion-broadcast-final-${b.status}` : `companion-broadcast-progress-${b.status}`;
    const text = deps.t(language, key, {
      done,
      total: b.total,
      sent: b.sent,
      failed: b.failed,
      blocked: b.blocked,
      eta,
      seconds: Math.round(elapsed),
    });
    const api = deps.telegramApi();
    const reply_markup = progressButtons(deps.t, language, id, b.status);
    if (!b.progressMessageId) {
      const message = await api.sendMessage(b.progressChatId, text, { reply_markup });
      await db
        .update(companionBroadcasts)
        .set({ progressMessageId: message.message_id, progressEditedAt: now() })
        .where(eq(companionBroadcasts.id, id));
      return;
    }
    await api
      .editMessageText(b.progressChatId, b.progressMessageId, text, { reply_markup })
      .catch((error: unknown) => {
        // Nothing changed since the last edit: Telegram refuses it, which is fine.
        if (!String((error as Error).message).includes('not modified')) throw error;
      });
    await db
      .update(companionBroadcasts)
      .set({ progressEditedAt: now() })
      .where(eq(companionBroadcasts.id, id));
  }

  async function deliver(b: Awaited<ReturnType<BroadcastService['get']>>) {
    const batch = await db
      .select()
      .from(companionBroadcastRecipients)
      .where(
        and(
          eq(companionBroadcastRecipients.broadcastId, b.id),
          eq(companionBroadcastRecipients.state, 'pending'),
        ),
      )
      .limit(BATCH);
    const outcomes: Array<{ userId: string; state: RecipientState; error: string | null }> = [];
    const markup = b.buttons.length
      ? { inline_keyboard: b.buttons.map((x) => [{ text: x.text, url: x.url }]) }
      : undefined;
    let next = 0;
    const api = deps.telegramApi();
    const runner = async () => {
      for (let r = batch[next++]; r; r = batch[next++]) {
        try {
          await api.sendMessage(r.chatId, b.text, markup ? { reply_markup: markup } : {});
          outcomes.push({ userId: r.userId, state: 'sent', error: null });
        } catch (error) {
          // A long wait goes back to the queue: the recipient stays pending for a later batch.
          if (error instanceof TelegramRetryLaterError) continue;
          const blocked = error instanceof BotBlockedError;
          outcomes.push({
            userId: r.userId,
            state: blocked ? 'blocked' : 'failed',
            error: String((error as Error).message).slice(0, 200),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, runner));
    await db.transaction(async (tx) => {
      for (const o of outcomes)
        await tx
          .update(companionBroadcastRecipients)
          .set({ state: o.state, error: o.error, doneAt: now() })
          .where(
            and(
              eq(companionBroadcastRecipients.broadcastId, b.id),
              eq(companionBroadcastRecipients.userId, o.userId),
            ),
          );
      const n = (s: RecipientState) => outcomes.filter((o) => o.state === s).length;
      await tx
        .update(companionBroadcasts)
        .set({
          sent: sql`${companionBroadcasts.sent} + ${n('sent')}`,
          failed: sql`${companionBroadcasts.failed} + ${n('failed')}`,
          blocked: sql`${companionBroadcasts.blocked} + ${n('blocked')}`,
        })
        .where(eq(companionBroadcasts.id, b.id));
    });
    return batch.length;
  }

  async function handle(job: { data: BroadcastJob }) {
    const id = job.data.broadcastId;
    let b = await broadcasts.get(id);
    if (b.status !== 'running') {
      // Cancelled while paused: nobody else will turn the progress message into the final one.
      // Paused or cancelled before this job started: the admin still gets the message saying so.
      if (b.status === 'cancelled' && b.progressMessageId) await progress(id, true);
      else if (
        (b.status === 'paused' || b.status === 'cancelled') &&
        b.progressChatId &&
        !b.progressMessageId
      )
        await progress(id, b.status === 'cancelled');
      return { skipped: b.status };
    }
    if (b.progressChatId && !b.progressMessageId) await progress(id, false);
    for (let processed = 0; processed < CHUNK; ) {
      b = await broadcasts.get(id);
      if (b.status !== 'running') {
        await progress(id, b.status === 'cancelled');
        return { stopped: b.status };
      }
      const count = await deliver(b);
      processed += count;
      if (count === 0) {
        await db
          .update(companionBroadcasts)
          .set({ status: 'done', finishedAt: now() })
          .where(and(eq(companionBroadcasts.id, id), eq(companionBroadcasts.status, 'running')));
        await progress(id, true);
        deps.logger.info({ broadcast_id: id }, 'broadcast finished');
        return { done: id };
      }
      const edited = (await broadcasts.get(id)).progressEditedAt;
      if (!edited || now().getTime() - edited.getTime() >= EDIT_EVERY_MS) await progress(id, false);
    }
    await deps.jobs.send<BroadcastJob>(BROADCAST_QUEUE, { broadcastId: id }, { group: id });
    return { continued: id };
  }

  return { handle };
}
