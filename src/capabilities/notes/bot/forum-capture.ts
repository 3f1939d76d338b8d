import type { Composer } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { isCommand } from '../../../bot/flows/flow-router.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { readMessage } from './capture.ts';
import { topicLabel } from './note-cards.ts';
import type { NotesBotDeps } from './notes-feature.ts';

/**
 * The owner writing inside a topic's thread of their connected forum files a note into that
 * topic (text, link, voice, photo, document); it is answered in the thread, never ignored.
 * Other members' messages, the General thread and threads we do not know stay conversation.
 */
export function registerForumCapture(composer: Composer<BotContext>, deps: NotesBotDeps) {
  const { filing, topics, forum } = deps;
  composer
    .chatType('supergroup')
    .on(
      ['message:text', 'message:voice', 'message:audio', 'message:photo', 'message:document'],
      async (ctx, next) => {
        const threadId = ctx.message.message_thread_id;
        if (!ctx.chat.is_forum || !ctx.message.is_topic_message || !threadId || isCommand(ctx)) return next();
        if (ctx.from.is_bot) return next();
        const owner = await forum.ownerOf(ctx.chat.id);
        if (!owner || owner !== ctx.user.id) return next();
        const topic = await topics.byThread(owner, threadId);
        if (!topic || topic.closed) return next();
        const input = await readMessage(ctx, deps.ai, deps.telegram);
        if (!input) return next();
        await filing.captureInto(owner, input, topic.id);
        await ctx.reply(ctx.t('notes-thread-filed', { topic: escapeHtml(topicLabel(ctx.t, topic)) }), {
          parse_mode: 'HTML',
          message_thread_id: threadId,
          reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
          disable_notification: true,
        });
      },
    );
}
