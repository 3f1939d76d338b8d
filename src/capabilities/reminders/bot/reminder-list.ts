import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import { LIST_CALLBACKS } from '../reminder-messages.ts';
import type { Reminder, ReminderService } from '../reminder-types.ts';
import { describeRule } from './describe-rule.ts';

const PAGE = 5;
/** Enough for a personal list; the API pages through any number. */
const MAX_LISTED = 500;

/** Callback data of the list: `rl:<action>:<page>[:<reminder id>]`. */
const listData = (action: string, page: number, id?: string) =>
  id ? LIST_CALLBACKS.pack(action, page, id) : LIST_CALLBACKS.pack(action, page);
const LIST_DATA = /^rl:(p|pa|re|de|dy|dn):(\d{1,4})(?::([0-9a-f-]{36}))?$/;

async function liveReminders(reminders: ReminderService, userId: string): Promise<Reminder[]> {
  const all: Reminder[] = [];
  let cursor: string | null = null;
  do {
    const page = await reminders.list(userId, { live: true, limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < MAX_LISTED);
  return all;
}

function when(ctx: BotContext, r: Reminder): string {
  if (r.status === 'paused') return ctx.t('reminders-list-paused');
  const rule = describeRule(ctx.t.bind(ctx), r, ctx.user.language);
  const next = r.nextAt
    ? formatWhen(r.nextAt, { ...ctx.user, now: ctx.services.now() })
    : ctx.t('reminders-list-ended');
  return rule ? `${rule} (${next})` : next;
}

function render(ctx: BotContext, items: Reminder[], page: number) {
  if (!items.length) return { text: ctx.t('reminders-list-empty'), keyboard: new InlineKeyboard() };
  const last = Math.max(0, Math.ceil(items.length / PAGE) - 1);
  const current = Math.min(page, last);
  const shown = items.slice(current * PAGE, current * PAGE + PAGE);
  const lines = [ctx.t('reminders-list-title', { count: items.length })];
  const keyboard = new InlineKeyboard();
  shown.forEach((r, i) => {
    const n = current * PAGE + i + 1;
    lines.push(ctx.t('reminders-list-item', { n, text: r.text, when: when(ctx, r) }));
    const toggle =
      r.status === 'paused'
        ? InlineKeyboard.text(ctx.t('reminders-btn-resume', { n }), listData('re', current, r.id))
        : InlineKeyboard.text(ctx.t('reminders-btn-pause', { n }), listData('pa', current, r.id));
    keyboard
      .add(toggle, InlineKeyboard.text(ctx.t('reminders-btn-delete', { n }), listData('de', current, r.id)))
      .row();
  });
  if (current > 0) keyboard.text(ctx.t('reminders-btn-prev'), listData('p', current - 1));
  if (current < last) keyboard.text(ctx.t('reminders-btn-next'), listData('p', current + 1));
  return { text: lines.join('\n'), keyboard };
}

/** /reminders: one message, edited in place by its buttons. */
export async function showReminderList(ctx: BotContext, reminders: ReminderService, page = 0): Promise<void> {
  const { text, keyboard } = render(ctx, await liveReminders(reminders, ctx.user.id), page);
  if (ctx.callbackQuery) {
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch((error: Error) => {
      if (!/message is not modified/.test(error.message)) throw error;
    });
  } else {
    await ctx.reply(text, { reply_markup: keyboard });
  }
}

export async function handleListButton(ctx: BotContext, reminders: ReminderService): Promise<void> {
  const match = LIST_DATA.exec(ctx.callbackQuery?.data ?? '');
  if (!match) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
  const [, action, pageText, id] = match;
  const page = Number(pageText);
  const userId = ctx.user.id;
  try {
    if (action === 'de' && id) {
      const reminder = await reminders.get(userId, id);
      const keyboard = new InlineKeyboard()
        .text(ctx.t('reminders-btn-delete-yes'), listData('dy', page, id))
        .text(ctx.t('reminders-btn-delete-no'), listData('dn', page));
      await ctx.editMessageText(ctx.t('reminders-confirm-delete', { text: reminder.text }), {
        reply_markup: keyboard,
      });
      return void (await ctx.answerCallbackQuery());
    }
    let toast: string | undefined;
    if (action === 'pa' && id) {
      await reminders.pause(userId, id);
      toast = ctx.t('reminders-paused');
    } else if (action === 're' && id) {
      await reminders.resume(userId, id);
      toast = ctx.t('reminders-resumed');
    } else if (action === 'dy' && id) {
      await reminders.remove(userId, id);
      toast = ctx.t('reminders-deleted');
    }
    await showReminderList(ctx, reminders, page);
    await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await showReminderList(ctx, reminders, page);
    await ctx.answerCallbackQuery({ text: ctx.t('reminders-gone') });
  }
}
