import { type Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { callbackCodec, packId, unpackId } from '../../../bot/callback-data.ts';
import { type FlowDefinition, startFlow } from '../../../bot/flows/flow-router.ts';
import { answerStale } from '../../../bot/stale-button.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import type { ForumService } from '../forum-service.ts';
import type { TopicService } from '../topic-service.ts';
import { topicLabel } from './note-cards.ts';

export const TOPIC_CALLBACKS = callbackCodec('ntp');
export const RENAME_FLOW = 'notes-topic-rename';
const MAX_NAME = 100;

/** /topics: the person's note topics with how many notes each holds, and a ✏️ button to rename each. */
export async function showTopics(ctx: BotContext, topics: TopicService): Promise<void> {
  const [list, counts] = await Promise.all([topics.list(ctx.user.id), topics.noteCounts(ctx.user.id)]);
  const lines = list.map((topic, i) =>
    ctx.t('notes-topics-line', {
      i: i + 1,
      name: escapeHtml(topicLabel(ctx.t, topic)),
      n: counts.get(topic.id) ?? 0,
      closed: topic.closed ? 1 : 0,
    }),
  );
  const keyboard = new InlineKeyboard();
  // The Inbox keeps its name (it is named in each person's language).
  for (const topic of list.filter((x) => !x.isInbox).slice(0, 20))
    keyboard
      .text(
        ctx.t('notes-topics-rename', { name: topicLabel(ctx.t, topic) }),
        TOPIC_CALLBACKS.pack('r', packId(topic.id)),
      )
      .row();
  const body = lines.length ? lines.join('\n') : ctx.t('notes-overview-empty');
  await ctx.reply(`${ctx.t('notes-topics-title')}\n${body}\n\n${ctx.t('notes-topics-hint')}`, {
    parse_mode: 'HTML',
    ...(list.some((x) => !x.isInbox) ? { reply_markup: keyboard } : {}),
  });
}

/** /topics, its rename buttons and the flow that reads the new name (the forum thread follows). */
export function registerTopicsCommand(
  composer: Composer<BotContext>,
  deps: { topics: TopicService; forum: ForumService },
): Record<string, FlowDefinition> {
  const { topics, forum } = deps;
  composer.chatType('private').command('topics', (ctx) => showTopics(ctx, topics));
  composer.callbackQuery(TOPIC_CALLBACKS.pattern, async (ctx) => {
    const [action, packed] = TOPIC_CALLBACKS.unpack(ctx.callbackQuery.data) ?? [];
    const id = unpackId(packed);
    const topic = action === 'r' && id ? await topics.get(ctx.user.id, id).catch(() => null) : null;
    if (!topic || topic.isInbox) return answerStale(ctx);
    await startFlow(ctx, RENAME_FLOW, 'name', { topicId: topic.id });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('notes-topics-ask', { name: topic.name }));
  });

  return {
    [RENAME_FLOW]: {
      async name(ctx, data) {
        const name = (ctx.message?.text ?? '').trim();
        if (!name || name.length > MAX_NAME) {
          await ctx.reply(ctx.t('notes-topics-bad-name', { max: MAX_NAME }));
          return { step: 'name', data };
        }
        const before = await topics.get(ctx.user.id, String(data.topicId)).catch(() => null);
        if (!before) {
          await ctx.reply(ctx.t('notes-topics-gone'));
          return null;
        }
        let renamed: Awaited<ReturnType<TopicService['update']>>;
        try {
          renamed = await topics.update(ctx.user.id, before.id, { name });
        } catch (error) {
          if (!isDomainError(error) || error.kind !== 'conflict') throw error;
          await ctx.reply(ctx.t('notes-topics-taken', { name }));
          return { step: 'name', data };
        }
        // The forum thread carries the topic's name too: rename it there (best effort).
        const group = await forum.of(ctx.user.id);
        if (group && renamed.threadId) {
          const label = `${renamed.emoji ? `${renamed.emoji} ` : ''}${renamed.name}`.slice(0, 128);
          await ctx.api
            .editForumTopic(group.chatId, renamed.threadId, { name: label })
            .catch(() => undefined);
        }
        await ctx.reply(ctx.t('notes-topics-renamed', { before: before.name, after: renamed.name }));
        return null;
      },
    },
  };
}
