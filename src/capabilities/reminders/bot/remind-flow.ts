import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import type { ParsedText, ParseOptions } from '../../../platform/nl/parsed-text.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import type { ReminderService } from '../reminder-types.ts';
import { describeRule } from './describe-rule.ts';

interface Deps {
  reminders: ReminderService;
  parse: (text: string, options: ParseOptions) => ParsedText;
}

type StepResult = { step: string; data?: Record<string, unknown> } | null;

/**
 * Creates a reminder from free text. `title` is known when the flow asked "what" first; then the
 * text is only the "when". Returns the `remind` flow step still needed, or null when done.
 */
export async function remindFromText(
  ctx: BotContext,
  deps: Deps,
  text: string,
  title: string | null,
): Promise<StepResult> {
  const { timezone, language } = ctx.user;
  const parsed = deps.parse(text, { timezone, now: ctx.services.now(), language });
  const what = title ?? parsed.title.trim();
  if (!parsed.dueAt && !parsed.rrule) {
    if (title) {
      await ctx.reply(ctx.t('reminders-bad-when'));
      return { step: 'when', data: { title } };
    }
    await ctx.reply(ctx.t('reminders-ask-when'));
    return { step: 'when', data: { title: what || text } };
  }
  if (!what) {
    await ctx.reply(ctx.t('reminders-ask-what'));
    return { step: 'what', data: { dueAt: parsed.dueAt?.toISOString() ?? null, rrule: parsed.rrule } };
  }
  return createAndConfirm(ctx, deps, what, parsed.dueAt, parsed.rrule, parsed.priority === 'urgent');
}

async function createAndConfirm(
  ctx: BotContext,
  deps: Deps,
  text: string,
  dueAt: Date | null,
  rrule: string | null,
  urgent: boolean,
): Promise<StepResult> {
  try {
    const reminder = await deps.reminders.create(ctx.user.id, { text, dueAt, rrule, urgent });
    const { timezone, language } = ctx.user;
    const when = reminder.nextAt
      ? formatWhen(reminder.nextAt, { timezone, language, now: ctx.services.now() })
      : ctx.t('reminders-list-ended');
    const rule = describeRule(ctx.t.bind(ctx), reminder, language);
    await ctx.reply(
      rule
        ? ctx.t('reminders-created-repeat', { text: reminder.text, rule, when })
        : ctx.t('reminders-created', { text: reminder.text, when }),
    );
    return null;
  } catch (error) {
    if (!isDomainError(error) || error.kind !== 'invalid') throw error;
    if (error.code === 'due_in_past') {
      await ctx.reply(ctx.t('reminders-in-past'));
      return { step: 'when', data: { title: text } };
    }
    await ctx.reply(ctx.t('reminders-error', { reason: error.message }));
    return null;
  }
}

/** `/remind` without text: what → when. */
export function createRemindFlow(deps: Deps): FlowDefinition {
  return {
    async what(ctx, data) {
      const text = ctx.message?.text?.trim() ?? '';
      if (!text) {
        await ctx.reply(ctx.t('reminders-ask-what'));
        return { step: 'what', data };
      }
      // The time came first ("/remind tomorrow at 9"): this message is the what.
      if (data.dueAt || data.rrule) {
        const dueAt = typeof data.dueAt === 'string' ? new Date(data.dueAt) : null;
        const rrule = typeof data.rrule === 'string' ? data.rrule : null;
        return createAndConfirm(ctx, deps, text, dueAt, rrule, false);
      }
      const parsed = deps.parse(text, {
        timezone: ctx.user.timezone,
        now: ctx.services.now(),
        language: ctx.user.language,
      });
      // Said it all at once ("call mom tomorrow at 9").
      if ((parsed.dueAt || parsed.rrule) && parsed.title.trim())
        return createAndConfirm(
          ctx,
          deps,
          parsed.title.trim(),
          parsed.dueAt,
          parsed.rrule,
          parsed.priority === 'urgent',
        );
      await ctx.reply(ctx.t('reminders-ask-when'));
      return { step: 'when', data: { title: text } };
    },
    async when(ctx, data) {
      const title = typeof data.title === 'string' ? data.title : '';
      return remindFromText(ctx, deps, ctx.message?.text ?? '', title || null);
    },
  };
}
