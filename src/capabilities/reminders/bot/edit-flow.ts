import { InlineKeyboard } from 'grammy';
import { DateTime } from 'luxon';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import type { ParsedText, ParseOptions } from '../../../platform/nl/parsed-text.ts';
import { formatWhen, sameTimeNextFree } from '../../../platform/time/index.ts';
import type { ReminderService, UpcomingReminder, UpdateReminderInput } from '../reminder-types.ts';
import { loadCard } from './card-actions.ts';
import { describeRule } from './describe-rule.ts';
import { listData, packMinute } from './list-data.ts';
import { reminderCardKeyboard, reminderCardText } from './reminder-card.ts';

type Parse = (text: string, options: ParseOptions) => ParsedText;
type StepResult = { step: string; data?: Record<string, unknown> } | null;
/** Patches of the time step that carry a repetition the person typed (not the old one retimed). */
const typedRules = new WeakSet<UpdateReminderInput>();

/**
 * A new time for a series keeps its repetition and moves its clock time: "every day at 09:00"
 * told "tomorrow at 10" becomes "every day at 10:00" from tomorrow. A rule without a clock time
 * ("every 2 hours") is anchored by the new start alone.
 */
export function retimeRule(rrule: string, at: Date, timezone: string): string {
  if (!/BYHOUR=/.test(rrule)) return rrule;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const timed = rrule.replace(/BYHOUR=[^;]*/, `BYHOUR=${local.hour}`).replace(/;?BYSECOND=[^;]*/, '');
  return /BYMINUTE=/.test(timed)
    ? timed.replace(/BYMINUTE=[^;]*/, `BYMINUTE=${local.minute}`)
    : `${timed};BYMINUTE=${local.minute}`;
}

/** `reminders-edit`: the text, time or repetition of one reminder, typed as a message. */
export function createEditFlow(deps: { reminders: ReminderService; parse: Parse }): FlowDefinition {
  const { reminders } = deps;

  async function apply(
    ctx: BotContext,
    data: Record<string, unknown>,
    step: string,
    patchOf: (text: string, r: UpcomingReminder) => UpdateReminderInput | null,
  ): Promise<StepResult> {
    const page = Number(data.page) || 0;
    const r = await loadCard(reminders, ctx, String(data.id));
    if (!r) {
      await ctx.reply(ctx.t('reminders-gone'));
      return null;
    }
    const text = (ctx.message?.text ?? '').trim();
    const patch = text ? patchOf(text, r) : null;
    if (!patch) {
      await ctx.reply(ctx.t(`reminders-edit-bad-${step}`));
      return { step, data };
    }
    try {
      await reminders.update(ctx.user.id, r.id, patch);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.kind === 'not_found') {
        await ctx.reply(ctx.t('reminders-gone'));
        return null;
      }
      if (error.code === 'due_in_past' && patch.dueAt) {
        // Said at 05:17, "today at 4" means a moment gone: offer the same time on the next day.
        const next = sameTimeNextFree(ctx.user.timezone, patch.dueAt, ctx.services.now());
        const when = formatWhen(next, { ...ctx.user, now: ctx.services.now() });
        await ctx.reply(ctx.t('reminders-edit-past', { when }), {
          reply_markup: new InlineKeyboard()
            .text(ctx.t('reminders-btn-move-to', { when }), listData('mv', page, r.id, packMinute(next)))
            .text(ctx.t('reminders-btn-cancel'), listData('x', page, r.id)),
        });
        return { step, data };
      }
      await ctx.reply(ctx.t(`reminders-edit-bad-${step}`));
      return { step, data };
    }
    const fresh = await loadCard(reminders, ctx, r.id);
    // A repetition typed where a time was asked ("every day at 8") replaces the old one: say so.
    const rule = (x: UpcomingReminder) => describeRule(ctx.t.bind(ctx), x, ctx.user.language);
    const replaced = typedRules.has(patch) && fresh && r.rrule && rule(r) !== rule(fresh);
    const header = replaced
      ? ctx.t('reminders-edit-saved-rule', { rule: rule(fresh) ?? '', was: rule(r) ?? '' })
      : ctx.t('reminders-edit-saved');
    if (fresh)
      await ctx.reply(reminderCardText(ctx, fresh, header), {
        reply_markup: reminderCardKeyboard(ctx, fresh, page),
      });
    return null;
  }

  const read = (ctx: BotContext, text: string) =>
    deps.parse(text, { timezone: ctx.user.timezone, now: ctx.services.now(), language: ctx.user.language });

  return {
    text: (ctx, data) => apply(ctx, data, 'text', (text) => ({ text })),
    time: (ctx, data) =>
      apply(ctx, data, 'time', (text, r) => {
        const parsed = read(ctx, text);
        if (parsed.rrule && parsed.dueAt) {
          const patch = { rrule: parsed.rrule, dueAt: parsed.dueAt };
          typedRules.add(patch);
          return patch;
        }
        if (!parsed.dueAt) return null;
        if (!r.rrule) return { dueAt: parsed.dueAt };
        // "tomorrow at 11" on a Mon/Wed series names the clock time, not the days: the days stay,
        // and the series goes on from that moment (its next day on the rule may come later).
        return { dueAt: parsed.dueAt, rrule: retimeRule(r.rrule, parsed.dueAt, r.timezone) };
      }),
    repeat: (ctx, data) =>
      apply(ctx, data, 'repeat', (text) => {
        const parsed = read(ctx, text);
        return parsed.rrule ? { rrule: parsed.rrule, dueAt: parsed.dueAt } : null;
      }),
  };
}
