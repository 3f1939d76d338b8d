import { Composer } from 'grammy';
import type { BotContext } from '../../bot/bot-context.ts';
import type { BotFeature } from '../../bot/bot-feature.ts';
import { type FlowDefinition, startFlow } from '../../bot/flows/flow-router.ts';
import type { Ai } from '../../platform/ai/index.ts';
import type { InboxTargetRegistry } from '../../platform/capability/inbox-targets.ts';
import type { Db } from '../../platform/db/database.ts';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import {
  CARD_ACTIONS,
  CARD_CALLBACKS,
  contentFor,
  isPast,
  nextSensible,
  renderCard,
  renderSaved,
} from './card.ts';
import type { DraftStore } from './draft-store.ts';
import { understandLine } from './understand-line.ts';

const EDIT_FLOW = 'smart-inbox-edit';
const TITLE_FLOW = 'smart-inbox-title';
const LOCALES = new URL('./locales', import.meta.url).pathname;

/** The smart inbox: a free-text message becomes a card showing what was understood, with buttons to confirm or change it. */
export function createInboxFeature(deps: {
  db: Db;
  drafts: DraftStore;
  targets: InboxTargetRegistry;
  ai: Ai;
}): BotFeature {
  const { drafts } = deps;
  const composer = new Composer<BotContext>();
  const understand = (ctx: BotContext, text: string) =>
    understandLine(
      text,
      {
        timezone: ctx.user.timezone,
        language: ctx.user.language,
        now: ctx.services.now(),
        userId: ctx.user.id,
      },
      deps.ai,
      deps.targets,
    );

  /** The card for a line (false when no target claims it); a line with only a time asks for its title first. */
  async function offer(ctx: BotContext, text: string, replyTo: number): Promise<'none' | 'card' | 'asked'> {
    if (!ctx.chat) return 'none';
    let understood = await understand(ctx, text);
    if (understood.invalidTime) {
      await ctx.reply(ctx.t('inbox-bad-time', { time: understood.invalidTime }));
      return 'card';
    }
    // A target with a card of its own (bookings: free times to tap) answers, or passes the line on.
    const passed = new Set<string>();
    for (let t = understood.kind ? deps.targets.get(understood.kind) : undefined; t?.respond; ) {
      if (await t.respond(ctx, { text, parsed: understood.parsed })) return 'card';
      passed.add(t.kind);
      t = deps.targets.choose(understood.parsed, understood.model, passed) ?? undefined;
      understood = { ...understood, kind: t?.kind ?? null };
    }
    if (!understood.kind) return 'none';
    if (understood.untitled) {
      await startFlow(ctx, TITLE_FLOW, 'title', { text: text.slice(0, 500), replyTo });
      await ctx.reply(ctx.t('inbox-ask-title', { text }), {
        reply_parameters: { message_id: replyTo, allow_sending_without_reply: true },
      });
      return 'asked';
    }
    const draft = await drafts.create({
      userId: ctx.user.id,
      chatId: ctx.chat.id,
      sourceText: text,
      kind: understood.kind,
      parsed: understood.content,
    });
    const card = renderCard(ctx, draft, deps.targets);
    const sent = await ctx.reply(card.text, {
      parse_mode: 'HTML',
      reply_markup: card.keyboard,
      reply_parameters: { message_id: replyTo, allow_sending_without_reply: true },
    });
    await drafts.attachMessage(draft.id, sent.message_id);
    return 'card';
  }

  composer.chatType('private').on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (ctx.message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) || text.length > 1000) {
      return next();
    }
    if ((await offer(ctx, text, ctx.message.message_id)) === 'none') return next();
  });

  composer.callbackQuery(CARD_CALLBACKS.pattern, async (ctx) => {
    const [action, id, ...rest] = CARD_CALLBACKS.unpack(ctx.callbackQuery.data) ?? [];
    const valid = !rest.length && CARD_ACTIONS.test(action ?? '') && /^[0-9a-f-]{36}$/.test(id ?? '');
    const draft = valid && id ? await drafts.get(ctx.user.id, id) : null;
    if (draft?.status !== 'pending' || draft.messageId !== ctx.callbackQuery.message?.message_id) {
      await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
      return;
    }
    if (action === 'cancel') {
      await drafts.finish(draft.id);
      await ctx.editMessageText(ctx.t('inbox-cancelled'));
      await ctx.answerCallbackQuery();
      return;
    }
    if (action === 'swap') {
      const kind = deps.targets.next(draft.kind)?.kind ?? draft.kind;
      await drafts.update(draft.id, { kind });
      const card = renderCard(ctx, { ...draft, kind }, deps.targets);
      await ctx.editMessageText(card.text, { parse_mode: 'HTML', reply_markup: card.keyboard });
      await ctx.answerCallbackQuery();
      return;
    }
    if ((action === 'next' && draft.parsed.dueAt) || action === 'nocourse') {
      const parsed =
        action === 'next' && draft.parsed.dueAt
          ? { ...draft.parsed, dueAt: nextSensible(ctx, draft.parsed.dueAt) }
          : { ...draft.parsed, course: null };
      await drafts.update(draft.id, { parsed });
      const card = renderCard(ctx, { ...draft, parsed }, deps.targets);
      await ctx.editMessageText(card.text, { parse_mode: 'HTML', reply_markup: card.keyboard });
      await ctx.answerCallbackQuery({
        text: ctx.t(action === 'next' ? 'inbox-moved' : 'inbox-course-dropped'),
      });
      return;
    }
    if (action === 'edit') {
      await startFlow(ctx, EDIT_FLOW, 'text', { draftId: draft.id });
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t('inbox-edit-prompt', { text: draft.sourceText }));
      return;
    }
    if (deps.targets.get(draft.kind)?.needsTime && !draft.parsed.dueAt) {
      await ctx.answerCallbackQuery({ text: ctx.t('inbox-reminder-needs-time'), show_alert: true });
      return;
    }
    if (deps.targets.get(draft.kind)?.needsTime && isPast(ctx, draft)) {
      await ctx.answerCallbackQuery({ text: ctx.t('inbox-past'), show_alert: true });
      return;
    }
    // Save: the draft's state and the new object commit together, so a re-run after a crash saves once.
    let saved: { id: string } | null;
    try {
      saved = await deps.db.transaction(async (tx) => {
        const target = deps.targets.get(draft.kind);
        if (!target) return null;
        const object = await target.save(ctx.user.id, contentFor(target, draft), tx);
        return (await drafts.finish(draft.id, tx)) ? object : null;
      });
    } catch (error) {
      // A rule of the target (a time gone by, a text too long) is an answer, never a crash.
      if (!isDomainError(error) || error.kind !== 'invalid') throw error;
      const text = error.code === 'due_in_past' ? ctx.t('inbox-past') : ctx.t('inbox-save-invalid');
      await ctx.answerCallbackQuery({ text, show_alert: true });
      return;
    }
    if (!saved) {
      await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
      return;
    }
    await ctx.editMessageText(renderSaved(ctx, draft, deps.targets), { parse_mode: 'HTML' });
    await ctx.answerCallbackQuery({ text: ctx.t('inbox-saved-toast') });
  });

  const flows: Record<string, FlowDefinition> = {
    // The answer to "what is it called?" goes in front of the time it was said with.
    [TITLE_FLOW]: {
      async title(ctx, data) {
        const title = ctx.message?.text?.trim() ?? '';
        if (!title || title.length > 200) {
          await ctx.reply(ctx.t('inbox-ask-title-again'));
          return { step: 'title', data };
        }
        // A whole new line with its own time ("buy milk tomorrow") is a message of its own.
        const alone = await understand(ctx, title);
        if (alone.kind && alone.content.dueAt && !alone.untitled) return 'pass';
        const line = `${title} ${String(data.text)}`;
        const replyTo = typeof data.replyTo === 'number' ? data.replyTo : (ctx.message?.message_id ?? 0);
        const answer = await offer(ctx, line, replyTo);
        if (answer === 'asked') return { step: 'title', data: { text: line, replyTo } };
        if (answer === 'none') await ctx.reply(ctx.t('inbox-ask-title-again'));
        return null;
      },
    },
    [EDIT_FLOW]: {
      async text(ctx, data) {
        const draft = await drafts.get(ctx.user.id, String(data.draftId));
        const text = ctx.message?.text;
        if (draft?.status !== 'pending' || !draft.messageId || !text) return null;
        const understood = await understand(ctx, text);
        // The card stays one that saves: a target answering with its own card is not switched to here.
        const claimed = understood.kind ? deps.targets.get(understood.kind) : undefined;
        const kind = claimed && !claimed.respond ? claimed.kind : draft.kind;
        await drafts.update(draft.id, { kind, parsed: understood.content, sourceText: text });
        const card = renderCard(
          ctx,
          { ...draft, kind, parsed: understood.content, sourceText: text },
          deps.targets,
        );
        await ctx.api.editMessageText(draft.chatId, draft.messageId, card.text, {
          parse_mode: 'HTML',
          reply_markup: card.keyboard,
        });
        await ctx.reply(ctx.t('inbox-edited'));
        return null;
      },
    },
  };
  return { name: 'smart-inbox', composer, flows, localesDir: LOCALES, callbacks: [CARD_CALLBACKS] };
}
