import type { ChatFullInfo, ChatMember } from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import { botAdministrator, chatForBot, chatMember } from '../core/chats.ts';
import { findMessage } from '../core/messages.ts';
import type { ChatRecord } from '../core/store.ts';
import { createTopic, deleteTopic, editTopic, findTopic, setTopicClosed } from '../core/topics.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import type { Params } from './params.ts';
import { botAsUser } from './send-common.ts';

function fullInfo(record: ChatRecord): ChatFullInfo {
  const pinnedId = record.pinned.at(-1);
  const pinned = pinnedId === undefined ? undefined : findMessage(record, pinnedId)?.message;
  return {
    ...record.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
    ...(pinned ? { pinned_message: pinned } : {}),
  } as ChatFullInfo;
}

function forumAdminTopic(p: Params, env: MethodEnv) {
  const record = chatForBot(env.ctx, p.raw.chat_id);
  if (!record.chat.is_forum) throw badRequest('the chat is not a forum');
  if (record.botStatus !== 'administrator') throw badRequest('not enough rights to manage topics');
  const topic = findTopic(record, p.int('message_thread_id'));
  if (!topic) throw badRequest('TOPIC_ID_INVALID');
  return { record, topic };
}

export function createChatMethods(): MethodTable {
  return {
    getchat: (p, env) => fullInfo(chatForBot(env.ctx, p.raw.chat_id)),
    getchatmember(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      const userId = p.int('user_id');
      if (userId === undefined) throw badRequest('user_id is empty');
      if (userId !== env.ctx.bot.id && !env.ctx.store.users.has(userId))
        throw badRequest('PARTICIPANT_ID_INVALID');
      return chatMember(env.ctx, record, userId);
    },
    getchatadministrators(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      if (record.chat.type === 'private') throw badRequest('there are no administrators in the private chat');
      const admins: ChatMember[] = record.adminIds
        .filter((id) => env.ctx.store.users.has(id))
        .map((id) => {
          const member = chatMember(env.ctx, record, id);
          return member.status === 'creator'
            ? member
            : ({ ...botAdministrator(env.ctx), user: member.user } as ChatMember);
        });
      if (record.botStatus === 'administrator') admins.push(botAdministrator(env.ctx));
      return admins;
    },
    getchatmembercount(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      return (
        record.memberIds.length +
        (record.botStatus === 'member' || record.botStatus === 'administrator' ? 1 : 0)
      );
    },
    leavechat(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      if (record.chat.type === 'private')
        throw badRequest('chat member status is not valid for private chats');
      record.botStatus = 'left';
      env.ctx.changed();
      return true;
    },
    createforumtopic(p, env) {
      const record = chatForBot(env.ctx, p.raw.chat_id);
      if (!record.chat.is_forum) throw badRequest('the chat is not a forum');
      if (record.botStatus !== 'administrator') throw badRequest('not enough rights to create a topic');
      const { topic } = createTopic(env.ctx, record, {
        name: p.str('name') ?? '',
        from: botAsUser(env.ctx),
        icon_color: p.int('icon_color'),
        icon_custom_emoji_id: p.str('icon_custom_emoji_id'),
      });
      return topic.topic;
    },
    editforumtopic(p, env) {
      const { record, topic } = forumAdminTopic(p, env);
      editTopic(env.ctx, record, topic, botAsUser(env.ctx), p.str('name'));
      return true;
    },
    closeforumtopic(p, env) {
      const { record, topic } = forumAdminTopic(p, env);
      setTopicClosed(env.ctx, record, topic, botAsUser(env.ctx), true);
      return true;
    },
    reopenforumtopic(p, env) {
      const { record, topic } = forumAdminTopic(p, env);
      setTopicClosed(env.ctx, record, topic, botAsUser(env.ctx), false);
      return true;
    },
    deleteforumtopic(p, env) {
      const { record, topic } = forumAdminTopic(p, env);
      deleteTopic(env.ctx, record, topic);
      return true;
    },
  };
}
