import type { Update } from '@grammyjs/types';
import { Hono } from 'hono';
import { z } from 'zod';
import { ControlError } from '../core/api-error.ts';
import { botAdministrator, chatsOfUser, createGroup, privateChat } from '../core/chats.ts';
import { unixSeconds } from '../core/clock.ts';
import { type StoredMessage, toView } from '../core/message-view.ts';
import type { ChatRecord } from '../core/store.ts';
import { createTopic } from '../core/topics.ts';
import { asControlError, requireChat, requireUser } from '../core/user-actions.ts';
import { type ControlDeps, intParam, readJson, requireIntParam } from './control-deps.ts';

const groupSchema = z.strictObject({
  type: z.enum(['group', 'supergroup']),
  title: z.string().trim().min(1).max(128),
  is_forum: z.boolean().optional(),
  member_ids: z.array(z.number().int()).min(1),
  bot_is_admin: z.boolean().optional(),
});

const topicSchema = z.strictObject({
  name: z.string().trim().min(1).max(128),
  from: z.number().int(),
  icon_color: z.number().int().optional(),
});

const MAX_WAIT_MS = 60_000;

function lastMessage(record: ChatRecord) {
  for (let i = record.messages.length - 1; i >= 0; i--) {
    const stored = record.messages[i];
    if (stored && !stored.deleted) return toView(stored);
  }
  return undefined;
}

export function createChatsRoutes(deps: ControlDeps): Hono {
  const { ctx } = deps;
  const app = new Hono();

  app.post('/chats', async (c) => {
    const input = await readJson(c, groupSchema);
    if (input.is_forum && input.type !== 'supergroup')
      throw new ControlError(400, 'is_forum requires type "supergroup"');
    const unknown = input.member_ids.filter((id) => !ctx.store.users.has(id));
    if (unknown.length) throw new ControlError(400, `unknown member_ids: ${unknown.join(', ')}`);
    const record = createGroup(ctx, input);
    const creator = requireUser(ctx, input.member_ids[0]!);
    const update: Omit<Update, 'update_id'> = {
      my_chat_member: {
        chat: record.chat,
        from: creator,
        date: unixSeconds(ctx.clock),
        old_chat_member: { status: 'left', user: ctx.bot },
        new_chat_member: input.bot_is_admin ? botAdministrator(ctx) : { status: 'member', user: ctx.bot },
      },
    };
    ctx.updates.push(update);
    return c.json({ chat: record.chat }, 201);
  });

  app.get('/chats', (c) => {
    const userId = intParam(c.req.query('user_id'), 'user_id');
    let records: ChatRecord[];
    if (userId === undefined) {
      const privates = [...ctx.store.users.values()].map((user) => privateChat(ctx, user));
      records = [...privates, ...[...ctx.store.chats.values()].filter((r) => r.chat.type !== 'private')];
    } else {
      requireUser(ctx, userId);
      records = chatsOfUser(ctx, userId);
    }
    const chats = records.map((record) => {
      const last = lastMessage(record);
      return { chat: record.chat, ...(last ? { last_message: last } : {}) };
    });
    return c.json({ chats });
  });

  app.get('/chats/:chat_id', (c) => {
    const record = requireChat(ctx, requireIntParam(c.req.param('chat_id'), 'chat_id'));
    return c.json({
      chat: record.chat,
      member_ids: record.memberIds,
      bot_status: record.botStatus,
      pinned_message_ids: record.pinned,
    });
  });

  app.post('/chats/:chat_id/topics', async (c) => {
    const record = requireChat(ctx, requireIntParam(c.req.param('chat_id'), 'chat_id'));
    const input = await readJson(c, topicSchema);
    const from = requireUser(ctx, input.from);
    if (!record.memberIds.includes(from.id))
      throw new ControlError(400, `user ${from.id} is not a member of this chat`);
    const { topic, message } = asControlError(() =>
      createTopic(ctx, record, { name: input.name, from, icon_color: input.icon_color }),
    );
    ctx.updates.push({ message } as Omit<Update, 'update_id'>);
    return c.json({ topic: { ...topic.topic, closed: topic.closed } }, 201);
  });

  app.get('/chats/:chat_id/topics', (c) => {
    const record = requireChat(ctx, requireIntParam(c.req.param('chat_id'), 'chat_id'));
    return c.json({ topics: record.topics.map((t) => ({ ...t.topic, closed: t.closed })) });
  });

  /**
   * Messages of a chat, both sides. Cursors: `after_message_id` (ids greater than it) and/or
   * `since_version` (anything created, edited or deleted after that version — returned as `version`).
   * With neither, all messages are returned. Deleted messages are listed (flagged) only when
   * `since_version` or `include_deleted=true` is given. `wait_ms` long-polls until something matches.
   */
  app.get('/chats/:chat_id/messages', async (c) => {
    const record = requireChat(ctx, requireIntParam(c.req.param('chat_id'), 'chat_id'));
    const after = intParam(c.req.query('after_message_id'), 'after_message_id');
    const since = intParam(c.req.query('since_version'), 'since_version');
    const threadId = intParam(c.req.query('thread_id'), 'thread_id');
    const waitMs = Math.min(MAX_WAIT_MS, Math.max(0, intParam(c.req.query('wait_ms'), 'wait_ms') ?? 0));
    const limit = Math.max(1, intParam(c.req.query('limit'), 'limit') ?? 1000);
    const withDeleted = since !== undefined || c.req.query('include_deleted') === 'true';
    const matches = (s: StoredMessage | undefined): s is StoredMessage => {
      if (!s || (s.deleted && !withDeleted)) return false;
      if (threadId !== undefined && (s.message.message_thread_id ?? 1) !== threadId) return false;
      if (after === undefined && since === undefined) return true;
      return (
        (after !== undefined && s.message.message_id > after) || (since !== undefined && s.version > since)
      );
    };
    const select = () => record.messages.filter(matches).slice(-limit);
    let found = select();
    const deadline = Date.now() + waitMs;
    while (found.length === 0 && Date.now() < deadline) {
      const chatId = record.chat.id;
      await ctx.events.waitFor(
        (e) =>
          (e.type === 'message' || e.type === 'edited' || e.type === 'deleted') && e.data.chat_id === chatId,
        deadline - Date.now(),
        c.req.raw.signal,
      );
      if (c.req.raw.signal.aborted) break;
      found = select();
    }
    return c.json({ messages: found.map(toView), version: ctx.store.version });
  });
  return app;
}
