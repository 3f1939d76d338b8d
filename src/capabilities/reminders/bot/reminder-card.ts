import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import type { UpcomingReminder } from '../reminder-types.ts';
import { describeRule } from './describe-rule.ts';
import { listData } from './list-data.ts';

const at = (ctx: BotContext, when: Date) => formatWhen(when, { ...ctx.user, now: ctx.services.now() });

/** One reminder: its text, next run in the person's zone, the repetition in words, its state. */
export function reminderCardText(ctx: BotContext, r: UpcomingReminder, note?: string): string {
  const lines = [ctx.t('reminders-card-title', { text: r.text })];
  if (r.status === 'paused') lines.push(ctx.t('reminders-card-paused'));
  else if (r.snoozedUntil && r.runAt && r.snoozedUntil.getTime() === r.runAt.getTime())
    lines.push(ctx.t('reminders-card-snoozed', { when: at(ctx, r.snoozedUntil) }));
  else if (r.runAt) lines.push(ctx.t('reminders-card-next', { when: at(ctx, r.runAt) }));
  else lines.push(ctx.t('reminders-card-ended'));
  const rule = describeRule(ctx.t.bind(ctx), r, ctx.user.language);
  lines.push(rule ? ctx.t('reminders-card-repeat', { rule }) : ctx.t('reminders-card-once'));
  const body = lines.join('\n');
  return note ? `${note}\n\n${body}` : body;
}

export function reminderCardKeyboard(ctx: BotContext, r: UpcomingReminder, page: number): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('reminders-btn-edit-text'), listData('t', page, r.id))
    .text(ctx.t('reminders-btn-edit-time'), listData('w', page, r.id))
    .text(ctx.t('reminders-btn-edit-repeat'), listData('r', page, r.id))
    .row();
  if (r.status === 'paused') keyboard.text(ctx.t('reminders-btn-resume'), listData('re', page, r.id));
  // A fired one-off waiting only for its snooze has no series left to pause.
  else if (r.status === 'active') keyboard.text(ctx.t('reminders-btn-pause'), listData('pa', page, r.id));
  return keyboard
    .text(ctx.t('reminders-btn-delete'), listData('de', page, r.id))
    .row()
    .text(ctx.t('reminders-btn-back-list'), listData('p', page));
}

/** The "when" of a list line: the repetition in words and the next run, a snooze, or the pause. */
export function listWhen(ctx: BotContext, r: UpcomingReminder): string {
  const rule = describeRule(ctx.t.bind(ctx), r, ctx.user.language);
  const snoozed = r.snoozedUntil && r.runAt && r.snoozedUntil.getTime() === r.runAt.getTime();
  const state =
    r.status === 'paused'
      ? ctx.t('reminders-list-paused')
      : snoozed && r.snoozedUntil
        ? ctx.t('reminders-list-snoozed', { time: at(ctx, r.snoozedUntil) })
        : r.runAt
          ? at(ctx, r.runAt)
          : ctx.t('reminders-list-ended');
  return rule ? `${rule} (${state})` : state;
}
