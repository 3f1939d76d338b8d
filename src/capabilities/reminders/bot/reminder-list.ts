import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { ReminderService, UpcomingReminder } from '../reminder-types.ts';
import { listData } from './list-data.ts';
import { listWhen } from './reminder-card.ts';

const PAGE = 5;
const LABEL = 32;

const short = (text: string) => (text.length > LABEL ? `${text.slice(0, LABEL - 1)}…` : text);

function render(ctx: BotContext, items: UpcomingReminder[], page: number) {
  if (!items.length) return { text: ctx.t('reminders-list-empty'), keyboard: new InlineKeyboard() };
  const last = Math.max(0, Math.ceil(items.length / PAGE) - 1);
  const current = Math.min(page, last);
  const shown = items.slice(current * PAGE, current * PAGE + PAGE);
  const lines = [ctx.t('reminders-list-title', { count: items.length })];
  const keyboard = new InlineKeyboard();
  shown.forEach((r, i) => {
    const n = current * PAGE + i + 1;
    lines.push(ctx.t('reminders-list-item', { n, text: r.text, when: listWhen(ctx, r) }));
    const key = r.status === 'paused' ? 'reminders-btn-open-paused' : 'reminders-btn-open';
    keyboard.text(ctx.t(key, { n, text: short(r.text) }), listData('o', current, r.id)).row();
  });
  if (current > 0) keyboard.text(ctx.t('reminders-btn-prev'), listData('p', current - 1));
  if (current < last) keyboard.text(ctx.t('reminders-btn-next'), listData('p', current + 1));
  lines.push('', ctx.t('reminders-list-hint'));
  return { text: lines.join('\n'), keyboard };
}

/** Shows a screen in the message the button is on (or a new message for a command). */
export async function showScreen(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch((error: Error) => {
      if (!/message is not modified/.test(error.message)) throw error;
    });
  } else {
    await ctx.reply(text, { reply_markup: keyboard });
  }
}

/** /reminders: soonest first, paused ones last; one button per reminder opens its card. */
export async function showReminderList(ctx: BotContext, reminders: ReminderService, page = 0): Promise<void> {
  const { text, keyboard } = render(ctx, await reminders.upcoming(ctx.user.id), page);
  await showScreen(ctx, text, keyboard);
}
