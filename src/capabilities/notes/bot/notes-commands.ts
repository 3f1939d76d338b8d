import type { Composer } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import { renderNote } from '../notes-jobs.ts';
import { noteGist, topicLabel } from './note-cards.ts';
import type { NotesBotDeps } from './notes-feature.ts';

const SAMPLE = {
  ru: 'Купить билеты на концерт в пятницу #досуг',
  en: 'Buy concert tickets for Friday #leisure',
};

/** The /menu entry: the topics with how many notes each holds, and where to go from there. */
export async function showNotesOverview(ctx: BotContext, deps: Pick<NotesBotDeps, 'topics'>): Promise<void> {
  const [list, counts] = await Promise.all([
    deps.topics.list(ctx.user.id),
    deps.topics.noteCounts(ctx.user.id),
  ]);
  const lines = list.map((topic) =>
    ctx.t(topic.closed ? 'notes-overview-topic-closed' : 'notes-overview-topic', {
      emoji: topic.emoji ?? '🗂',
      name: escapeHtml(topic.isInbox ? ctx.t('notes-inbox-name') : topic.name),
      n: counts.get(topic.id) ?? 0,
    }),
  );
  const body = lines.length ? lines.join('\n') : ctx.t('notes-overview-empty');
  await ctx.reply(`${ctx.t('notes-overview-title')}\n${body}\n\n${ctx.t('notes-overview-hint')}`, {
    parse_mode: 'HTML',
  });
}

/** /find, /notes (settings with a template preview), /connect and the forum's topic events. */
export function registerNotesCommands(composer: Composer<BotContext>, deps: NotesBotDeps) {
  const { filing, topics, forum } = deps;

  composer.chatType('private').command('find', async (ctx) => {
    const q = ctx.match.trim().slice(0, 200);
    if (!q) return void (await ctx.reply(ctx.t('notes-find-usage')));
    const found = await filing.list(ctx.user.id, { q, limit: 10 });
    if (!found.length)
      return void (await ctx.reply(ctx.t('notes-find-none', { q: escapeHtml(q) }), { parse_mode: 'HTML' }));
    const names = new Map((await topics.list(ctx.user.id)).map((t) => [t.id, topicLabel(ctx.t, t)]));
    const viewer = { timezone: ctx.user.timezone, language: ctx.user.language, now: ctx.services.now() };
    const lines = found.map(
      (n) =>
        `• ${escapeHtml(noteGist(ctx.t, n).slice(0, 120))} — <i>${escapeHtml(names.get(n.topicId ?? '') ?? '…')}, ${formatWhen(n.createdAt, viewer)}</i>`,
    );
    await ctx.reply(
      `${ctx.t('notes-find-title', { q: escapeHtml(q), n: found.length })}\n${lines.join('\n')}`,
      { parse_mode: 'HTML' },
    );
  });

  composer.chatType('private').command('notes', async (ctx) => {
    const p = await filing.preferences(ctx.user.id);
    const fallback = p.defaultTopicId
      ? (await topics.get(ctx.user.id, p.defaultTopicId).catch(() => null))?.name
      : null;
    const connected = await forum.of(ctx.user.id);
    const sample = { text: SAMPLE[ctx.user.language], transcript: null, link: null, source: null } as never;
    const preview = await renderNote(deps.ai, sample, ctx.t('notes-inbox-name'), p);
    await ctx.reply(
      `${ctx.t('notes-settings', {
        threshold: Math.round(p.threshold * 100),
        ttl: Math.round(p.ttlMs / 3_600_000),
        style: p.style,
        forum: connected
          ? escapeHtml(connected.title ?? String(connected.chatId))
          : ctx.t('notes-forum-none'),
        post: p.postToForum ? '✅' : '—',
        fallback: escapeHtml(fallback ?? ctx.t('notes-inbox-name')),
      })}\n\n${ctx.t('notes-preview')}\n${preview}`,
      { parse_mode: 'HTML' },
    );
  });

  const group = composer.chatType('supergroup');
  group.command('connect', async (ctx) => {
    if (!ctx.chat.is_forum) return void (await ctx.reply(ctx.t('notes-connect-not-forum')));
    const me = await ctx.getChatMember(ctx.me.id);
    if (me.status !== 'administrator' || !me.can_manage_topics)
      return void (await ctx.reply(ctx.t('notes-connect-not-admin')));
    const member = await ctx.getChatMember(ctx.from.id);
    if (member.status !== 'creator' && member.status !== 'administrator')
      return void (await ctx.reply(ctx.t('notes-connect-not-owner')));
    const result = await forum.connect(ctx.user.id, ctx.chat.id, ctx.chat.title ?? null);
    await ctx.reply(ctx.t('notes-connected', { created: result.created, mapped: result.mapped }));
  });
  group.on(['message:forum_topic_created', 'message:forum_topic_edited'], async (ctx) => {
    const threadId = ctx.message.message_thread_id;
    const name = ctx.message.forum_topic_created?.name ?? ctx.message.forum_topic_edited?.name;
    // Our own createForumTopic comes back as a service message too; the registry already has it.
    if (threadId && name && ctx.from?.id !== ctx.me.id) await forum.threadSeen(ctx.chat.id, threadId, name);
  });
  group.on(['message:forum_topic_closed', 'message:forum_topic_reopened'], async (ctx) => {
    const threadId = ctx.message.message_thread_id;
    if (threadId) await forum.threadClosed(ctx.chat.id, threadId, Boolean(ctx.message.forum_topic_closed));
  });
}
