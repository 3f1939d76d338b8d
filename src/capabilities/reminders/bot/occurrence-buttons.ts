import type { BotContext } from '../../../bot/bot-context.ts';
import { answerStale } from '../../../bot/stale-button.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { formatWhen, localAt } from '../../../platform/time/index.ts';
import { parseOccurrenceData } from '../reminder-messages.ts';
import type { ReminderService } from '../reminder-types.ts';

/**
 * Done / Skip / Snooze on a reminder message. Only the latest send of a still-open occurrence
 * counts; anything older (acted on, re-sent after a snooze, or followed by the series' next
 * occurrence) answers that the button is out of date. The message is edited to say what happened.
 */
export async function handleOccurrenceButton(ctx: BotContext, reminders: ReminderService): Promise<void> {
  const parsed = parseOccurrenceData(ctx.callbackQuery?.data ?? '');
  const stale = () => answerStale(ctx);
  if (!parsed) return void (await stale());
  const occurrence = await reminders.getOccurrence(ctx.user.id, parsed.occurrenceId);
  if (occurrence?.status !== 'sent' || occurrence.sends !== parsed.sends || occurrence.superseded)
    return void (await stale());
  const { timezone, language } = ctx.user;
  const now = ctx.services.now();
  let state: string;
  try {
    switch (parsed.action) {
      case 'd':
        await reminders.settle(ctx.user.id, occurrence.id, 'done');
        state = ctx.t('reminders-state-done');
        break;
      case 'k':
        await reminders.settle(ctx.user.id, occurrence.id, 'skipped');
        state = ctx.t('reminders-state-skipped');
        break;
      default: {
        const until =
          parsed.action === 'tm'
            ? localAt(timezone, now, 1, 9)
            : new Date(now.getTime() + (parsed.action === 's15' ? 15 : 60) * 60_000);
        await reminders.snooze(ctx.user.id, occurrence.id, until);
        state = ctx.t('reminders-state-snoozed', { time: formatWhen(until, { timezone, language, now }) });
      }
    }
  } catch (error) {
    // Pressed twice at once: the other press won and closed the occurrence.
    if (isDomainError(error) && (error.kind === 'conflict' || error.kind === 'not_found'))
      return void (await stale());
    throw error;
  }
  const original = ctx.callbackQuery?.message?.text ?? ctx.t('reminders-fired', { text: occurrence.text });
  await ctx.editMessageText(`${original}\n\n${state}`, { reply_markup: { inline_keyboard: [] } });
  await ctx.answerCallbackQuery({ text: state });
}
