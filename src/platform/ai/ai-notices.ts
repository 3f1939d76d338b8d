import { I18n } from '@grammyjs/i18n';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { users } from '../db/schema.ts';
import type { AiNoticeKind, AiNotices } from './ai-port.ts';

export const AI_LOCALES_DIR = new URL('./locales', import.meta.url).pathname;

/** The one message this needs from the Telegram side: a text to a chat, sent at most once per key. */
export type NoticeSend = (message: { chatId: number; text: string; dedupeKey: string }) => Promise<unknown>;

/**
 * Notices in the person's language through the app's durable sender. The dedupe key (person, kind,
 * day) makes "once a day" hold across processes and retries.
 */
export function createAiNotices(deps: { db: Queryable; send: NoticeSend }): AiNotices {
  const i18n = new I18n({ defaultLocale: 'en', fluentBundleOptions: { useIsolating: false } });
  for (const language of ['en', 'ru'])
    i18n.loadLocaleSync(language, { filePath: `${AI_LOCALES_DIR}/${language}.ftl` });
  return {
    async tell(userId: string, kind: AiNoticeKind, day: string) {
      const [user] = await deps.db
        .select({ telegramId: users.telegramId, language: users.language, blockedBotAt: users.blockedBotAt })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      if (!user?.telegramId || user.blockedBotAt) return;
      await deps.send({
        chatId: user.telegramId,
        text: i18n.t(user.language, `ai-notice-${kind.replace('_', '-')}`),
        dedupeKey: `ai-notice:${kind}:${userId}:${day}`,
      });
    },
  };
}
