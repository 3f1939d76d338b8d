import { lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { ActivityService } from './activity-service.ts';
import { companionProactiveLog, companionSummaries } from './companion-tables.ts';
import type { ConversationStore } from './conversation-store.ts';

export const RETENTION_QUEUE = 'companion.retention';

/**
 * Deletes activity, conversation (and summaries last updated before the window) and proactive
 * decisions older than `days` (COMPANION_RETENTION_DAYS, default 90). Runs daily; idempotent.
 */
export function createRetention(deps: {
  db: Db;
  activity: ActivityService;
  conversation: ConversationStore;
  days: number;
  now: () => Date;
}) {
  return async () => {
    const cutoff = new Date(deps.now().getTime() - deps.days * 86_400_000);
    const activity = await deps.activity.deleteOlderThan(cutoff);
    const messages = await deps.conversation.deleteOlderThan(cutoff);
    const summaries = (
      await deps.db.delete(companionSummaries).where(lt(companionSummaries.updatedAt, cutoff)).returning()
    ).length;
    const decisions = (
      await deps.db.delete(companionProactiveLog).where(lt(companionProactiveLog.at, cutoff)).returning()
    ).length;
    return { cutoff: cutoff.toISOString(), activity, messages, summaries, decisions };
  };
}
