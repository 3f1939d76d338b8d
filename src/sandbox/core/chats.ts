import type { Chat, ChatMember, ChatMemberAdministrator, User } from '@grammyjs/types';
import { badRequest, forbidden } from './api-error.ts';
import type { SandboxContext } from './context.ts';
import { BASIC_GROUP_BASE, SUPERGROUP_BASE } from './ids.ts';
import { appendMessage, type MessageFields } from './messages.ts';
import type { ChatRecord } from './store.ts';

export interface UserInput {
  id?: number | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

/** Creates a user or updates the given fields of an existing one. */
export function upsertUser(ctx: SandboxContext, input: UserInput & { first_name: string }): User {
  const { store } = ctx;
  const id = input.id ?? nextUserId(ctx);
  const existing = store.users.get(id);
  const user: User = { ...(existing ?? { id, is_bot: false, first_name: input.first_name }) };
  user.first_name = input.first_name;
  if (input.last_name !== undefined) user.last_name = input.last_name;
  if (input.username !== undefined) user.username = input.username;
  if (input.language_code !== undefined) user.language_code = input.language_code;
  store.users.set(id, user);
  const privateChat = store.chats.get(id);
  if (privateChat) privateChat.chat = privateChatOf(user);
  ctx.events.emit({ type: 'user', data: { user } });
  ctx.changed();
  return user;
}

function nextUserId(ctx: SandboxContext): number {
  let id = 1_000_001 + ctx.store.counters.user;
  while (ctx.store.users.has(id)) id++;
  ctx.store.counters.user = id - 1_000_000;
  return id;
}

function privateChatOf(user: User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = { id: user.id, type: 'private', first_name: user.first_name };
  if (user.last_name) chat.last_name = user.last_name;
  if (user.username) chat.username = user.username;
  return chat;
}

/** The bot's private chat with a user, created on first use. */
export function privateChat(ctx: SandboxContext, user: User): ChatRecord {
  const existing = ctx.store.chats.get(user.id);
  if (existing) return existing;
  const record: ChatRecord = {
    chat: privateChatOf(user),
    memberIds: [user.id],
    adminIds: [],
    creatorId: undefined,
    botStatus: 'member',
    nextMessageId: 1,
    messages: [],
    topics: [],
    pinned: [],
  };
  ctx.store.chats.set(user.id, record);
  return record;
}

/** Resolves a Bot API `chat_id` (number, numeric string or @username) or throws "chat not found". */
export function chatForBot(ctx: SandboxContext, chatId: unknown): ChatRecord {
  if (chatId === undefined || chatId === null || chatId === '') throw badRequest('chat_id is empty');
  if (typeof chatId === 'string' && chatId.startsWith('@')) {
    const name = chatId.slice(1).toLowerCase();
    for (const record of ctx.store.chats.values()) {
      const username = (record.chat as { username?: string }).username;
      if (record.chat.type !== 'private' && username?.toLowerCase() === name) return record;
    }
    throw badRequest('chat not found');
  }
  const id = typeof chatId === 'number' ? chatId : Number(chatId);
  if (!Number.isSafeInteger(id)) throw badRequest('chat not found');
  const record = ctx.store.chats.get(id);
  if (record) return record;
  const user = ctx.store.users.get(id);
  if (user) return privateChat(ctx, user);
  throw badRequest('chat not found');
}

/** Throws Telegram's 403s when the bot cannot write to the chat. */
export function assertBotCanWrite(ctx: SandboxContext, record: ChatRecord): void {
  if (record.chat.type === 'private') {
    if (ctx.store.blocked.has(record.chat.id)) throw forbidden('bot was blocked by the user');
    return;
  }
  if (record.botStatus === 'kicked') throw forbidden(`bot was kicked from the ${kindName(record)} chat`);
  if (record.botStatus === 'left') throw forbidden(`bot is not a member of the ${kindName(record)} chat`);
}

function kindName(record: ChatRecord): string {
  return record.chat.type === 'supergroup' ? 'supergroup' : 'group';
}

export interface GroupInput {
  type: 'group' | 'supergroup';
  title: string;
  is_forum?: boolean | undefined;
  member_ids: number[];
  bot_is_admin?: boolean | undefined;
}

export function createGroup(ctx: SandboxContext, input: GroupInput): ChatRecord {
  const { counters } = ctx.store;
  const id =
    input.type === 'group'
      ? -(BASIC_GROUP_BASE + ++counters.group)
      : -(SUPERGROUP_BASE + ++counters.supergroup);
  const chat = (
    input.type === 'group'
      ? { id, type: 'group', title: input.title }
      : { id, type: 'supergroup', title: input.title, ...(input.is_forum ? { is_forum: true } : {}) }
  ) as Chat;
  const record: ChatRecord = {
    chat,
    memberIds: [...new Set(input.member_ids)],
    adminIds: input.member_ids.slice(0, 1),
    creatorId: input.member_ids[0],
    botStatus: input.bot_is_admin ? 'administrator' : 'member',
    nextMessageId: 1,
    messages: [],
    topics: [],
    pinned: [],
  };
  ctx.store.chats.set(id, record);
  ctx.events.emit({ type: 'chat', data: { chat } });
  // Message 1 is the creation service message, as in Telegram (so forum topic ids never collide with General = 1).
  const creator = input.member_ids[0] === undefined ? undefined : ctx.store.users.get(input.member_ids[0]);
  const created = input.type === 'group' ? { group_chat_created: true } : { supergroup_chat_created: true };
  appendMessage(ctx, record, { ...(creator ? { from: creator } : {}), ...created } as MessageFields);
  return record;
}

export function botAdministrator(ctx: SandboxContext): ChatMemberAdministrator {
  return {
    status: 'administrator',
    user: ctx.bot,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    can_pin_messages: true,
    can_manage_topics: true,
    can_send_welcome_messages: false,
  };
}

/** The ChatMember object for a user (or the bot) in a chat. */
export function chatMember(ctx: SandboxContext, record: ChatRecord, userId: number): ChatMember {
  if (userId === ctx.bot.id) {
    if (record.botStatus === 'administrator') return botAdministrator(ctx);
    return { status: record.botStatus, user: ctx.bot } as ChatMember;
  }
  const user = ctx.store.users.get(userId);
  if (!user) throw badRequest('user not found');
  if (record.chat.type === 'private') {
    return { status: record.chat.id === userId ? 'member' : 'left', user } as ChatMember;
  }
  if (!record.memberIds.includes(userId)) return { status: 'left', user };
  if (record.creatorId === userId) return { status: 'creator', user, is_anonymous: false };
  return { status: 'member', user };
}

export function chatsOfUser(ctx: SandboxContext, userId: number): ChatRecord[] {
  const user = ctx.store.users.get(userId);
  if (!user) return [];
  const groups = [...ctx.store.chats.values()].filter(
    (r) => r.chat.type !== 'private' && r.memberIds.includes(userId),
  );
  return [privateChat(ctx, user), ...groups];
}
