import type { ForumTopic, Message, User } from '@grammyjs/types';
import { badRequest } from './api-error.ts';
import type { SandboxContext } from './context.ts';
import { appendMessage, deleteMessage } from './messages.ts';
import type { ChatRecord, TopicRecord } from './store.ts';

export const TOPIC_COLORS = [7322096, 16766590, 13338331, 9367192, 16749490, 16478047];

function announce(ctx: SandboxContext, record: ChatRecord, topic: TopicRecord): void {
  ctx.events.emit({
    type: 'topic',
    data: { chat_id: record.chat.id, topic: { ...topic.topic, closed: topic.closed } },
  });
}

export function findTopic(record: ChatRecord, threadId: number | undefined): TopicRecord | undefined {
  return record.topics.find((t) => t.topic.message_thread_id === threadId);
}

/** Creates a forum topic; returns the topic and its forum_topic_created service message. */
export function createTopic(
  ctx: SandboxContext,
  record: ChatRecord,
  input: {
    name: string;
    from: User;
    icon_color?: number | undefined;
    icon_custom_emoji_id?: string | undefined;
  },
): { topic: TopicRecord; message: Message } {
  if (!record.chat.is_forum) throw badRequest('the chat is not a forum');
  if (input.name.length < 1 || input.name.length > 128) throw badRequest('TOPIC_TITLE_EMPTY');
  const color =
    input.icon_color ?? TOPIC_COLORS[record.topics.length % TOPIC_COLORS.length] ?? TOPIC_COLORS[0]!;
  if (!TOPIC_COLORS.includes(color)) throw badRequest('TOPIC_ICON_COLOR_INVALID');
  const threadId = record.nextMessageId;
  const created = {
    name: input.name,
    icon_color: color,
    ...(input.icon_custom_emoji_id ? { icon_custom_emoji_id: input.icon_custom_emoji_id } : {}),
  };
  const stored = appendMessage(ctx, record, {
    message_thread_id: threadId,
    from: input.from,
    is_topic_message: true,
    forum_topic_created: created,
  } as never);
  const topic: TopicRecord = {
    topic: { message_thread_id: threadId, ...created } as ForumTopic,
    closed: false,
  };
  record.topics.push(topic);
  announce(ctx, record, topic);
  return { topic, message: stored.message };
}

function serviceMessage(
  ctx: SandboxContext,
  record: ChatRecord,
  topic: TopicRecord,
  from: User,
  fields: object,
): void {
  appendMessage(ctx, record, {
    message_thread_id: topic.topic.message_thread_id,
    from,
    is_topic_message: true,
    ...fields,
  } as never);
}

export function editTopic(
  ctx: SandboxContext,
  record: ChatRecord,
  topic: TopicRecord,
  from: User,
  name?: string,
): void {
  if (name === undefined || name === topic.topic.name) throw badRequest('TOPIC_NOT_MODIFIED');
  if (name.length > 128) throw badRequest('TOPIC_TITLE_EMPTY');
  topic.topic = { ...topic.topic, name };
  serviceMessage(ctx, record, topic, from, { forum_topic_edited: { name } });
  announce(ctx, record, topic);
}

export function setTopicClosed(
  ctx: SandboxContext,
  record: ChatRecord,
  topic: TopicRecord,
  from: User,
  closed: boolean,
): void {
  if (topic.closed === closed) throw badRequest('TOPIC_NOT_MODIFIED');
  topic.closed = closed;
  serviceMessage(
    ctx,
    record,
    topic,
    from,
    closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} },
  );
  announce(ctx, record, topic);
}

export function deleteTopic(ctx: SandboxContext, record: ChatRecord, topic: TopicRecord): void {
  const threadId = topic.topic.message_thread_id;
  record.topics = record.topics.filter((t) => t !== topic);
  for (const stored of record.messages) {
    if (stored && !stored.deleted && stored.message.message_thread_id === threadId)
      deleteMessage(ctx, stored);
  }
  ctx.changed();
}
