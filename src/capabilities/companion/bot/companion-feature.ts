import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { BotFeature } from '../../../bot/bot-feature.ts';
import { unpackId } from '../../../bot/callback-data.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import { hasRole } from '../../../bot/role-filter.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { isAboutOneself, isAcknowledgment } from '../../../platform/nl/index.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import type { AgendaSource } from '../agenda.ts';
import type { BroadcastService } from '../broadcast-service.ts';
import { COMPANION_CALLBACKS } from '../companion-callbacks.ts';
import type { ConversationService } from '../conversation-service.ts';
import type { ProfileService } from '../profile-service.ts';
import { splitReply } from '../split-reply.ts';
import { createBroadcastFlow } from './broadcast-flow.ts';

export const COMPANION_LOCALES = new URL('../locales', import.meta.url).pathname;
const EDIT_FLOW = 'companion-profile';

export interface CompanionBotDeps {
  conversation: ConversationService;
  profiles: ProfileService;
  agenda: AgendaSource;
  broadcasts: BroadcastService;
  /** Erases the user everywhere (/forget, after the confirmation). */
  eraseUser(user: { id: string; language: string }): Promise<void>;
  /** What other capabilities will do on /forget (bookings ahead cancelled …), said before confirming. */
  forgetPreview(user: { id: string; language: string }): Promise<string[]>;
  optOut(userId: string): Promise<void>;
  enrol(userId: string): Promise<void>;
  /** Whether a language model is configured (offline, /reset says what it can and cannot do). */
  modelConfigured?: () => boolean;
  /** The person wrote to the companion or pressed a check-in button (engagement: answered). */
  answered?(userId: string): Promise<void>;
  /** The admin's persona: its name appears in the texts that introduce the assistant. */
  persona?(): Promise<{ name: string }>;
}

const isCommand = (ctx: BotContext) =>
  ctx.message?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false;

/** Today's agenda as the offline answer (and the "what's on today" quick reply). */
async function renderAgenda(
  ctx: BotContext,
  agenda: AgendaSource,
  intro: false | 'companion-offline' | 'companion-offline-paused' | 'companion-offline-feeling',
) {
  const today = await agenda.today(ctx.user.id, ctx.user.timezone);
  const when = (at: Date) =>
    formatWhen(at, { timezone: ctx.user.timezone, language: ctx.user.language, now: ctx.services.now() });
  const lines = [
    ...today.tasks.map((t) =>
      ctx.t('companion-offline-task', { title: t.title, when: t.dueAt ? ` — ${when(t.dueAt)}` : '' }),
    ),
    ...today.reminders.map((r) => ctx.t('companion-offline-reminder', { text: r.text, when: when(r.at) })),
  ];
  const body = lines.length
    ? `${ctx.t('companion-offline-agenda')}\n${lines.join('\n')}`
    : ctx.t('companion-offline-empty');
  return intro ? `${ctx.t(intro)}\n\n${body}` : body;
}

/** /profile and its /menu entry: what the companion keeps about this person, with edit and erase. */
export async function showProfile(ctx: BotContext, profiles: ProfileService) {
  const p = await profiles.get(ctx.user.id);
  const none = ctx.t('companion-profile-none');
  const text = ctx.t('companion-profile-show', {
    // The stage's id ("newcomer") is a code: the person reads its name in their language.
    stage: ctx.t('companion-stage-name', { stage: p.stage }),
    progress: p.progress,
    bar: progressBar(p.progress),
    reason: escapeHtml(p.progressReason) || ctx.t('companion-progress-none'),
    summary: p.summary || ctx.t('companion-profile-empty'),
    interests: p.interests.join(', ') || none,
    goals: p.goals.join(', ') || none,
    times: p.preferredTimes || none,
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('companion-profile-edit'), COMPANION_CALLBACKS.pack('p', 'edit'))
    .text(ctx.t('companion-profile-erase'), COMPANION_CALLBACKS.pack('p', 'erase'));
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
}

/** Ten blocks for 0–100 %: "▰▰▰▱▱▱▱▱▱▱". */
export const progressBar = (progress: number) => {
  const full = Math.max(0, Math.min(10, Math.round(progress / 10)));
  return '▰'.repeat(full) + '▱'.repeat(10 - full);
};

/** The companion in the bot: chat for free text nothing else claimed, /reset, /profile, /forget, /broadcast. */
export function createCompanionFeature(deps: CompanionBotDeps): BotFeature {
  const composer = new Composer<BotContext>();
  const broadcast = createBroadcastFlow(deps.broadcasts);
  const enrolled = new Set<string>();
  // Whoever reaches the companion gets the daily profile and check-ins (the hourly job catches the rest).
  // Before `chatType`: grammY places its filter where it is called, so handlers on `dm` would
  // otherwise answer first and this would never run for a private message.
  composer.use(async (ctx, next) => {
    if (ctx.user && !enrolled.has(ctx.user.id)) {
      await deps.enrol(ctx.user.id);
      enrolled.add(ctx.user.id);
    }
    await next();
  });
  const dm = composer.chatType('private');

  dm.command('reset', async (ctx) => {
    await deps.conversation.reset(ctx.user.id);
    const online = deps.modelConfigured?.() ?? true;
    await ctx.reply(ctx.t(online ? 'companion-reset-done' : 'companion-reset-done-offline'));
  });
  dm.command('profile', (ctx) => showProfile(ctx, deps.profiles));
  dm.command('forget', async (ctx) => {
    const keyboard = new InlineKeyboard()
      .text(ctx.t('companion-forget-yes'), COMPANION_CALLBACKS.pack('f', 'yes'))
      .text(ctx.t('companion-forget-no'), COMPANION_CALLBACKS.pack('f', 'no'));
    // What else happens (bookings ahead cancelled, the salon told) is said before the person decides.
    const also = await deps.forgetPreview(ctx.user);
    const text = [ctx.t('companion-forget-confirm'), ...also].join('\n\n');
    await ctx.reply(text, { reply_markup: keyboard });
  });
  dm.filter(hasRole('admin')).command('broadcast', broadcast.start);

  composer.callbackQuery(COMPANION_CALLBACKS.pattern, async (ctx) => {
    const [kind, action, extra] = COMPANION_CALLBACKS.unpack(ctx.callbackQuery.data) ?? [];
    if (kind === 'f') {
      if (action === 'yes') await deps.eraseUser(ctx.user);
      await ctx.editMessageText(ctx.t(action === 'yes' ? 'companion-forget-done' : 'companion-forget-kept'));
    } else if (kind === 'p' && action === 'erase') {
      await deps.profiles.erase(ctx.user.id);
      await ctx.editMessageText(ctx.t('companion-profile-erased'));
    } else if (kind === 'p' && action === 'edit') {
      await startFlow(ctx, EDIT_FLOW, 'text');
      await ctx.reply(ctx.t('companion-profile-edit-prompt'));
    } else if (kind === 'q') {
      await deps.answered?.(ctx.user.id);
      if (action === 'stop') await deps.optOut(ctx.user.id);
      const reply =
        action === 'today'
          ? await renderAgenda(ctx, deps.agenda, false)
          : ctx.t(
              `companion-quick-${action === 'tour' ? 'tour-text' : action === 'stop' ? 'stop-done' : 'later-done'}`,
              { persona: (await deps.persona?.())?.name ?? 'Secretary' },
            );
      await ctx.reply(reply);
    } else if ((kind === 'b' || kind === 's') && hasRole('admin')(ctx)) {
      try {
        await broadcast.press(ctx, kind, action ?? '', unpackId(extra) ?? '');
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await ctx.answerCallbackQuery({ text: ctx.t('companion-broadcast-state') });
        return;
      }
    } else {
      await ctx.answerCallbackQuery({ text: ctx.t('stale-button') });
      return;
    }
    await ctx.answerCallbackQuery();
  });

  // Free text that no flow and no other feature (the smart inbox first) claimed: conversation.
  dm.on('message:text', async (ctx, next) => {
    if (isCommand(ctx)) return next();
    await ctx.replyWithChatAction('typing');
    await deps.answered?.(ctx.user.id);
    const answer = await deps.conversation.reply(ctx.user, ctx.message.text);
    // With no model it says so; with one that is failing or capped, the AI notice explains why.
    // Someone saying how they feel is heard first, whatever the model's state.
    const intro = isAboutOneself(ctx.message.text)
      ? 'companion-offline-feeling'
      : answer.kind === 'offline' && answer.reason === 'no_model'
        ? 'companion-offline'
        : 'companion-offline-paused';
    // "👍" after the offline paragraph asks for nothing: a brief answer, not the paragraph again.
    const brief = answer.kind === 'offline' && isAcknowledgment(ctx.message.text);
    const text =
      answer.kind === 'model'
        ? answer.text
        : brief
          ? ctx.t('companion-offline-ack')
          : await renderAgenda(ctx, deps.agenda, intro);
    for (const part of splitReply(text)) await ctx.reply(part);
  });

  return {
    name: 'companion',
    composer,
    flows: {
      [EDIT_FLOW]: {
        async text(ctx) {
          const summary = ctx.message?.text?.trim().slice(0, 1000);
          if (!summary) return { step: 'text' };
          await deps.profiles.edit(ctx.user.id, { summary });
          await ctx.reply(ctx.t('companion-profile-edited'));
          return null;
        },
      },
      ...broadcast.flows,
    },
    commands: [
      { command: 'profile', descriptionKey: 'companion-cmd-profile' },
      { command: 'reset', descriptionKey: 'companion-cmd-reset' },
      { command: 'forget', descriptionKey: 'companion-cmd-forget' },
    ],
    localesDir: COMPANION_LOCALES,
    callbacks: [COMPANION_CALLBACKS],
  };
}
