import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { TelegramActions } from '../../platform/telegram/telegram-actions.ts';
import { noteForums } from './note-tables.ts';
import type { NoteTopic, TopicService } from './topic-service.ts';

export type NoteForum = typeof noteForums.$inferSelect;

/** The user's forum supergroup: its threads map to topics both ways. */
export function createForumService(deps: {
  db: Db;
  topics: TopicService;
  telegram: TelegramActions;
  now: () => Date;
}) {
  const { db, topics, telegram } = deps;
  const service = {
    async of(userId: string): Promise<NoteForum | null> {
      const [row] = await db.select().from(noteForums).where(eq(noteForums.userId, userId));
      return row ?? null;
    },
    async ownerOf(chatId: number): Promise<string | null> {
      const [row] = await db
        .select({ userId: noteForums.userId })
        .from(noteForums)
        .where(eq(noteForums.chatId, chatId));
      return row?.userId ?? null;
    },
    /** Connects (or re-connects) the group and creates a thread for every topic that lacks one. */
    async connect(
      userId: string,
      chatId: number,
      title: string | null,
    ): Promise<{ created: number; mapped: number }> {
      await db.delete(noteForums).where(eq(noteForums.chatId, chatId));
      await db
        .insert(noteForums)
        .values({ userId, chatId, title, connectedAt: deps.now() })
        .onConflictDoUpdate({ target: noteForums.userId, set: { chatId, title, connectedAt: deps.now() } });
      await topics.inbox(userId);
      let created = 0;
      for (const topic of await topics.list(userId)) {
        if (topic.threadId) continue;
        await service.ensureThread(userId, chatId, topic);
        created++;
      }
      return { created, mapped: (await topics.list(userId)).length - created };
    },
    async ensureThread(userId: string, chatId: number, topic: NoteTopic): Promise<number> {
      if (topic.threadId) return topic.threadId;
      const name = `${topic.emoji ? `${topic.emoji} ` : ''}${topic.name}`.slice(0, 128);
      const { threadId } = await telegram.createForumTopic(chatId, name);
      await topics.update(userId, topic.id, { threadId });
      return threadId;
    },
    /** A thread created or renamed in the group: the registry follows (a new name → a new topic). */
    async threadSeen(chatId: number, threadId: number, name: string): Promise<NoteTopic | null> {
      const userId = await service.ownerOf(chatId);
      if (!userId) return null;
      const clean = name.replace(/^\p{Extended_Pictographic}\uFE0F?\s*/u, '').trim() || name;
      const known = await topics.byThread(userId, threadId);
      if (known) return known.name === clean ? known : topics.update(userId, known.id, { name: clean });
      const named = await topics.byName(userId, clean);
      if (named) return topics.update(userId, named.id, { threadId });
      const topic = await topics.create(userId, { name: clean });
      return topics.update(userId, topic.id, { threadId });
    },
    async threadClosed(chatId: number, threadId: number, closed: boolean): Promise<void> {
      const userId = await service.ownerOf(chatId);
      const known = userId ? await topics.byThread(userId, threadId) : null;
      if (userId && known) await topics.update(userId, known.id, { closed });
    },
  };
  return service;
}
export type ForumService = ReturnType<typeof createForumService>;
