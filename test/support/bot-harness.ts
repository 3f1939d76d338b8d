import type { Update, UserFromGetMe } from '@grammyjs/types';
import type { Transformer } from 'grammy';
import type { BotFeature } from '../../src/bot/bot-feature.ts';
import type { BotShell } from '../../src/bot/bot-shell.ts';
import { createBot } from '../../src/bot/create-bot.ts';
import { createFloodControl } from '../../src/bot/flood-control.ts';
import { createFlowStore } from '../../src/bot/flows/flow-store.ts';
import { createMenuStore } from '../../src/bot/menus/menu-store.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createUserService, type UserService } from '../../src/platform/users/user-service.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface BotHarness {
  testDb: TestDatabase;
  users: UserService;
  /** Every Bot API call the bot made, in order. */
  calls: RecordedCall[];
  /** Texts the bot sent or edited since `from` (an index into `calls`). */
  texts(from?: number): string[];
  send(
    text: string,
    options?: { fromId?: number; chat?: { id: number; type: 'private' | 'supergroup' }; threadId?: number },
  ): Promise<void>;
  press(data: string, messageId: number, options?: { fromId?: number }): Promise<void>;
  close(): Promise<void>;
}

const BOT: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'Secretary',
  username: 'secretary_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/**
 * The bot alone on a test database: updates go straight into `handleUpdate`, and a transformer
 * records each outgoing call and answers it like Telegram would (no network, no job queue).
 * For unit tests of bot features; end-to-end scenarios use the sandbox (test-system.ts).
 */
export async function startBotHarness(
  options: { features?: readonly BotFeature[]; shell?: BotShell; now?: () => Date } = {},
): Promise<BotHarness> {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const now = options.now ?? (() => new Date('2037-03-02T08:00:00Z'));
  const users = createUserService({ db });
  const calls: RecordedCall[] = [];
  let nextMessageId = 1000;
  let nextUpdateId = 1;
  const recorder: Transformer = async (_prev, method, payload) => {
    const body = payload as Record<string, unknown>;
    calls.push({ method, payload: body });
    const result = method.startsWith('send')
      ? {
          message_id: ++nextMessageId,
          date: Math.floor(now().getTime() / 1000),
          chat: { id: body.chat_id, type: 'private' },
          text: body.text,
        }
      : true;
    // biome-ignore lint/suspicious/noExplicitAny: a transformer answers any method's result type.
    return { ok: true, result } as any;
  };
  const bot = createBot({
    token: '1:test',
    apiRoot: 'http://127.0.0.1:9',
    botInfo: BOT,
    services: {
      users,
      flows: createFlowStore(db),
      menus: createMenuStore(db),
      flood: createFloodControl(db, { maxUpdates: 100_000, windowSeconds: 10, muteSeconds: 1 }),
      now,
    },
    logger: createLogger({ level: 'silent', pretty: false }),
    transformers: [recorder],
    features: options.features ?? [],
    ...(options.shell ? { shell: options.shell } : {}),
  });
  const from = (id: number) => ({ id, is_bot: false, first_name: `user ${id}`, language_code: 'en' });
  return {
    testDb,
    users,
    calls,
    texts: (start = 0) =>
      calls.slice(start).flatMap((c) => (typeof c.payload.text === 'string' ? [c.payload.text] : [])),
    async send(text, { fromId = 42, chat, threadId } = {}) {
      const entities = text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]?.length ?? 1 }]
        : undefined;
      await bot.handleUpdate({
        update_id: nextUpdateId++,
        message: {
          message_id: ++nextMessageId,
          date: Math.floor(now().getTime() / 1000),
          chat: chat ?? { id: fromId, type: 'private', first_name: `user ${fromId}` },
          from: from(fromId),
          text,
          ...(entities ? { entities } : {}),
          ...(threadId ? { message_thread_id: threadId, is_topic_message: true } : {}),
        },
      } as Update);
    },
    async press(data, messageId, { fromId = 42 } = {}) {
      await bot.handleUpdate({
        update_id: nextUpdateId++,
        callback_query: {
          id: String(nextUpdateId),
          from: from(fromId),
          chat_instance: 'test',
          data,
          message: {
            message_id: messageId,
            date: Math.floor(now().getTime() / 1000),
            chat: { id: fromId, type: 'private', first_name: `user ${fromId}` },
            text: '',
          },
        },
      } as Update);
    },
    close: () => testDb.close(),
  };
}
