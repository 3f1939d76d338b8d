import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import type { ReminderService, UpcomingReminder } from '../reminder-types.ts';
import { type ListButton, listData, parseListData, unpackMinute } from './list-data.ts';
import { reminderCardKeyboard, reminderCardText } from './reminder-card.ts';
import { showReminderList, showScreen } from './reminder-list.ts';

export const EDIT_FLOW = 'reminders-edit';

/** The person's reminder as the card shows it, or null when it is gone (deleted, or not theirs). */
export async function loadCard(
  reminders: ReminderService,
  ctx: BotContext,
  id: string,
): Promise<UpcomingReminder | null> {
  const [found] = await reminders.upcoming(ctx.user.id, { id });
  return found ?? null;
}

export async function showCard(ctx: BotContext, r: UpcomingReminder, page: number, note?: string) {
  await showScreen(ctx, reminderCardText(ctx, r, note), reminderCardKeyboard(ctx, r, page));
}

/** A prompt of an edit step, with a Cancel button. */
export async function askEdit(ctx: BotContext, key: string, r: UpcomingReminder, page: number) {
  const keyboard = new InlineKeyboard();
  if (key === 'reminders-edit-ask-repeat' && r.rrule)
    keyboard.text(ctx.t('reminders-btn-once'), listData('r1', page, r.id));
  keyboard.text(ctx.t('reminders-btn-cancel'), listData('x', page, r.id));
  await ctx.reply(ctx.t(key, { text: r.text }), { reply_markup: keyboard });
}

const gone = async (ctx: BotContext, reminders: ReminderService, page: number) => {
  if (ctx.callbackQuery?.message) await showReminderList(ctx, reminders, page);
  await ctx.answerCallbackQuery({ text: ctx.t('reminders-gone'), show_alert: true });
};

/** Every `rl:` button: the list, the card and its edits. Stale or foreign data always gets an answer. */
export async function handleListButton(ctx: BotContext, reminders: ReminderService): Promise<void> {
  const button = parseListData(ctx.callbackQuery?.data ?? '');
  if (!button) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale-button') }));
  if (button.action === 'p' || !button.id) {
    await showReminderList(ctx, reminders, button.page);
    return void (await ctx.answerCallbackQuery());
  }
  const r = await loadCard(reminders, ctx, button.id);
  if (!r) return gone(ctx, reminders, button.page);
  try {
    const toast = await act(ctx, reminders, button, r);
    await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.kind === 'not_found') return gone(ctx, reminders, button.page);
    const fresh = await loadCard(reminders, ctx, r.id);
    if (fresh && ctx.callbackQuery?.message) await showCard(ctx, fresh, button.page);
    const key = error.code === 'reminder_ended' ? 'reminders-nothing-to-pause' : 'stale-button';
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
  }
}

/** Runs one button on a reminder that exists; returns the toast, if any. */
async function act(
  ctx: BotContext,
  reminders: ReminderService,
  { action, page, extra }: ListButton,
  r: UpcomingReminder,
): Promise<string | undefined> {
  const userId = ctx.user.id;
  const reopen = async (note?: string) => {
    const fresh = await loadCard(reminders, ctx, r.id);
    if (fresh) await showCard(ctx, fresh, page, note);
  };
  switch (action) {
    case 'o':
      await showCard(ctx, r, page);
      return undefined;
    case 'pa':
      await reminders.pause(userId, r.id);
      await reopen();
      return ctx.t('reminders-paused');
    case 're':
      await reminders.resume(userId, r.id);
      await reopen();
      return ctx.t('reminders-resumed');
    case 'de':
      await showScreen(
        ctx,
        ctx.t('reminders-confirm-delete', { text: r.text }),
        new InlineKeyboard()
          .text(ctx.t('reminders-btn-delete-yes'), listData('dy', page, r.id))
          .text(ctx.t('reminders-btn-delete-no'), listData('o', page, r.id)),
      );
      return undefined;
    case 'dy':
      await reminders.remove(userId, r.id);
      await showReminderList(ctx, reminders, page);
      return ctx.t('reminders-deleted-named', { text: r.text });
    case 't':
    case 'w':
    case 'r': {
      const step = { t: 'text', w: 'time', r: 'repeat' }[action];
      await startFlow(ctx, EDIT_FLOW, step, { id: r.id, page });
      await askEdit(ctx, `reminders-edit-ask-${step}`, r, page);
      return undefined;
    }
    case 'r1': {
      const keep = r.runAt ?? r.nextAt;
      if (!keep) return ctx.t('reminders-once-needs-time');
      await clearFlow(ctx);
      await reminders.update(userId, r.id, { rrule: null, dueAt: keep });
      await reopen(ctx.t('reminders-edit-saved'));
      return ctx.t('reminders-edit-saved');
    }
    case 'mv': {
      const dueAt = unpackMinute(extra ?? '');
      await clearFlow(ctx);
      await reminders.update(userId, r.id, { dueAt });
      await reopen(ctx.t('reminders-edit-saved'));
      return ctx.t('reminders-moved-to', {
        when: formatWhen(dueAt, { ...ctx.user, now: ctx.services.now() }),
      });
    }
    case 'x':
      await clearFlow(ctx);
      await showScreen(ctx, ctx.t('reminders-edit-cancelled'), new InlineKeyboard());
      return ctx.t('reminders-edit-cancelled');
    default:
      return undefined;
  }
}

async function clearFlow(ctx: BotContext) {
  if (ctx.chat && ctx.from) await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
}
