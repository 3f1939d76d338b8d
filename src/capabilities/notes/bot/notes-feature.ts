import { Composer, GrammyError } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { BotFeature } from '../../../bot/bot-feature.ts';
import { unpackId } from '../../../bot/callback-data.ts';
import { type FlowDefinition, startFlow } from '../../../bot/flows/flow-router.ts';
import { answerStale } from '../../../bot/stale-button.ts';
import type { Ai } from '../../../platform/ai/index.ts';
import { parseText } from '../../../platform/nl/index.ts';
import type { TelegramActions } from '../../../platform/telegram/telegram-actions.ts';
import type { Filing, FilingService } from '../filing-service.ts';
import type { ForumService } from '../forum-service.ts';
import { looksLikeNote } from '../looks-like-note.ts';
import type { TopicService } from '../topic-service.ts';
import { readMessage } from './capture.ts';
import { registerForumCapture } from './forum-capture.ts';
import { filedCard, NOTE_CALLBACKS, pendingCard, topicChooser } from './note-cards.ts';
import { registerNotesCommands } from './notes-commands.ts';
import { registerTopicsCommand, TOPIC_CALLBACKS } from './topics-command.ts';

const LOCALES = new URL('../locales', import.meta.url).pathname;
const NEW_TOPIC_FLOW = 'notes-new-topic';
const isCommand = (ctx: BotContext) =>
  ctx.message?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0);
const viewer = (ctx: BotContext) => ({
  timezone: ctx.user.timezone,
  language: ctx.user.language,
  now: ctx.services.now(),
});

export interface NotesBotDeps {
  filing: FilingService;
  topics: TopicService;
  forum: ForumService;
  ai: Ai;
  telegram: TelegramActions;
}

/** Capture in the private chat, the filed/pending cards, /find, /notes and /connect. */
export function createNotesFeature(deps: NotesBotDeps): BotFeature {
  const { filing, topics } = deps;
  const composer = new Composer<BotContext>();
  registerNotesCommands(composer, deps);
  const topicFlows = registerTopicsCommand(composer, deps);
  registerForumCapture(composer, deps);
  const priv = composer.chatType('private');

  // A reply to a filed note adds to it.
  priv.on('message', async (ctx, next) => {
    const replied = ctx.message.reply_to_message;
    if (!replied || isCommand(ctx)) return next();
    const note = await filing.byMessage(ctx.user.id, ctx.chat.id, replied.message_id);
    const text = ctx.message.text ?? ctx.message.caption;
    if (!note || !text) return next();
    await filing.append(ctx.user.id, note.id, text);
    await ctx.reply(ctx.t('notes-appended'));
  });

  priv.on(
    ['message:text', 'message:voice', 'message:audio', 'message:photo', 'message:document'],
    async (ctx, next) => {
      if (isCommand(ctx)) return next();
      const m = ctx.message;
      // Plain text with a time in it (a deadline, a reminder, a repeat) is for tasks and reminders
      // (the smart inbox asks); a short question or a greeting is conversation; the rest is a note.
      if (m.text && !m.forward_origin && !/https?:\/\//i.test(m.text)) {
        const parsed = parseText(m.text, {
          timezone: ctx.user.timezone,
          now: ctx.services.now(),
          language: ctx.user.language,
        });
        // A line with an impossible clock time ("meeting at 25:00") meant a time: the inbox explains it.
        if (parsed.intent !== 'unknown' || parsed.invalidTime || !looksLikeNote(m.text)) return next();
      }
      const input = await readMessage(ctx, deps.ai, deps.telegram);
      if (!input) return next();
      // A later item of an album (updates of a chat arrive one at a time, in order): it joins the
      // note the first item created and the card is edited, instead of a note and a card per item.
      const album = input.mediaGroupId
        ? await filing.albumNote(ctx.user.id, ctx.chat.id, input.mediaGroupId)
        : null;
      if (album) {
        const joined = await filing.addToAlbum(ctx.user.id, album.id, {
          fileIds: input.fileIds ?? [],
          caption: m.caption ?? '',
        });
        if (joined.added || !joined.note.cardMessageId)
          await showCard(ctx, await filing.filingOf(joined.note), album.messageId ?? m.message_id);
        return;
      }
      if (input.sttMissing) await ctx.reply(ctx.t('notes-no-stt'));
      if (input.sttFailed) await ctx.reply(ctx.t('notes-stt-failed'));
      await showCard(ctx, await filing.capture(ctx.user.id, input), m.message_id);
    },
  );

  /** Sends the note's filing card (replying to its message) or, when it has one, redraws it. */
  async function showCard(ctx: BotContext, filed: Filing, replyTo: number) {
    if (!ctx.chat) return;
    const card = filed.topic
      ? filedCard(ctx.t, filed.note, filed.topic)
      : pendingCard(ctx.t, filed, viewer(ctx), ctx.message?.voice?.duration ?? ctx.message?.audio?.duration);
    const cardId = filed.note.cardMessageId;
    if (cardId) {
      await ctx.api
        .editMessageText(ctx.chat.id, cardId, card.text, { parse_mode: 'HTML', reply_markup: card.keyboard })
        .catch((error: unknown) => {
          // The same text again (an item delivered twice) is not an error; anything else is.
          if (!(error instanceof GrammyError && /not modified/i.test(error.description))) throw error;
        });
      return;
    }
    const sent = await ctx.reply(card.text, {
      parse_mode: 'HTML',
      reply_markup: card.keyboard,
      reply_parameters: { message_id: replyTo, allow_sending_without_reply: true },
    });
    await filing.attachCard(filed.note.id, sent.message_id);
  }

  composer.callbackQuery(NOTE_CALLBACKS.pattern, async (ctx) => {
    const [action, packed, packedTopic] = NOTE_CALLBACKS.unpack(ctx.callbackQuery.data) ?? [];
    const noteId = unpackId(packed);
    const note = noteId ? await filing.get(ctx.user.id, noteId).catch(() => null) : null;
    if (!note) {
      await answerStale(ctx);
      return;
    }
    const edit = (text: string, keyboard?: ReturnType<typeof filedCard>['keyboard']) =>
      ctx.editMessageText(text, { parse_mode: 'HTML', ...(keyboard ? { reply_markup: keyboard } : {}) });
    if (action === 'u' || action === 'x') {
      await filing.remove(ctx.user.id, note.id);
      await edit(ctx.t(action === 'u' ? 'notes-undone' : 'notes-cancelled'));
    } else if (action === 'k') {
      // "Cancel" in the Move picker: the note stays where it is, its card comes back.
      const topic = note.topicId ? await topics.get(ctx.user.id, note.topicId).catch(() => null) : null;
      if (topic) {
        const card = filedCard(ctx.t, note, topic);
        await edit(card.text, card.keyboard);
      } else {
        const card = pendingCard(ctx.t, await filing.filingOf(note), viewer(ctx));
        await edit(card.text, card.keyboard);
      }
    } else if (action === 'm') {
      const chooser = topicChooser(ctx.t, note, await topics.list(ctx.user.id));
      await edit(chooser.text, chooser.keyboard);
    } else if (action === 'n') {
      await startFlow(ctx, NEW_TOPIC_FLOW, 'name', {
        noteId: note.id,
        cardId: ctx.callbackQuery.message?.message_id,
      });
      await ctx.reply(ctx.t('notes-new-topic-prompt'));
    } else if (action === 'c' || action === 'i') {
      const topicId = action === 'i' ? (await topics.inbox(ctx.user.id)).id : unpackId(packedTopic);
      const topic = topicId ? await topics.get(ctx.user.id, topicId).catch(() => null) : null;
      if (!topic) {
        await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
        return;
      }
      const moved = await filing.move(ctx.user.id, note.id, topic.id);
      const card = filedCard(ctx.t, moved, topic);
      await edit(card.text, card.keyboard);
    }
    await ctx.answerCallbackQuery();
  });

  const flows: Record<string, FlowDefinition> = {
    ...topicFlows,
    [NEW_TOPIC_FLOW]: {
      async name(ctx, data) {
        const name = ctx.message?.text?.trim();
        if (!name || name.length > 100) {
          await ctx.reply(ctx.t('notes-new-topic-prompt'));
          return { step: 'name', data };
        }
        const topic =
          (await topics.byName(ctx.user.id, name)) ?? (await topics.create(ctx.user.id, { name }));
        const moved = await filing.move(ctx.user.id, String(data.noteId), topic.id);
        const card = filedCard(ctx.t, moved, topic);
        if (ctx.chat && typeof data.cardId === 'number')
          await ctx.api.editMessageText(ctx.chat.id, data.cardId, card.text, {
            parse_mode: 'HTML',
            reply_markup: card.keyboard,
          });
        else await ctx.reply(card.text, { parse_mode: 'HTML', reply_markup: card.keyboard });
        // The card above changed out of sight: say so where the person is looking.
        await ctx.reply(ctx.t('notes-new-topic-done', { topic: topic.name }));
        return null;
      },
    },
  };
  return {
    name: 'notes',
    composer,
    flows,
    localesDir: LOCALES,
    callbacks: [NOTE_CALLBACKS, TOPIC_CALLBACKS],
    commands: [
      { command: 'find', descriptionKey: 'notes-cmd-find' },
      { command: 'notes', descriptionKey: 'notes-cmd-notes' },
      { command: 'topics', descriptionKey: 'notes-cmd-topics' },
    ],
  };
}
