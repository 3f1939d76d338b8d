import type { InlineKeyboardButton } from 'grammy/types';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import type { ActorRole } from '../booking-tables.ts';
import { NOTICE_EVENTS, type NoticeEvent } from '../notices/notice-matrix.ts';
import type { NoticeChannel } from '../notices/notice-settings.ts';
import { SETUP_FLOW } from './admin-setup.ts';
import { bookingCallback as cb } from './booking-callbacks.ts';
import { type BookingBotDeps, errorText, show } from './bot-support.ts';

// A cell travels in a button as two letters: recipient (c/s/a) and channel (t = Telegram, p = Web Push).
const ROLES: Record<string, ActorRole> = { c: 'client', s: 'specialist', a: 'admin' };
const CHANNELS: Record<string, NoticeChannel> = { t: 'telegram', p: 'web_push' };
const code = (role: ActorRole, channel: NoticeChannel) => `${role[0]}${channel === 'web_push' ? 'p' : 't'}`;
const eventKey = (event: NoticeEvent) => `booking-ntf-${event.slice(8)}`;

/** /admin → 🔔: the matrix as toggle buttons (a row per event) and an ad footer per event. */
export function createNoticeScreens(deps: BookingBotDeps) {
  const { notices } = deps;

  async function screen(ctx: BotContext, fresh = false) {
    const cells = await notices.matrix();
    const footers = await notices.footers();
    const rows: InlineKeyboardButton[][] = [];
    NOTICE_EVENTS.forEach((event, i) => {
      const label = `${ctx.t(eventKey(event))}${footers.has(event) ? ' 📣' : ''}`;
      rows.push([{ text: label, callback_data: cb('na', i) }]);
      rows.push(
        cells
          .filter((c) => c.event === event)
          .map((c) => ({
            text: `${c.enabled ? '✅' : '⛔'} ${ctx.t(`booking-ntf-role-${c.role}`)}${
              c.channel === 'web_push' ? ` ${ctx.t('booking-ntf-push')}` : ''
            }`,
            callback_data: cb('nt', i, code(c.role, c.channel)),
          })),
      );
    });
    const text = [
      ctx.t('booking-ntf-title'),
      ...[...footers].map(([event, footer]) => `📣 ${ctx.t(eventKey(event))}: ${footer}`),
    ].join('\n');
    if (fresh) await ctx.reply(text, { reply_markup: { inline_keyboard: rows } });
    else await show(ctx, text, rows);
  }

  async function askFooter(ctx: BotContext, event: NoticeEvent) {
    await startFlow(ctx, SETUP_FLOW, 'ad-text', { event });
    const now = (await notices.footers()).get(event);
    await show(ctx, ctx.t('booking-ntf-ask-footer', { event: ctx.t(eventKey(event)), now: now ?? '—' }), [
      ...(now
        ? [
            [
              {
                text: ctx.t('booking-ntf-clear-footer'),
                callback_data: cb('nc', NOTICE_EVENTS.indexOf(event)),
              },
            ],
          ]
        : []),
      [{ text: ctx.t('booking-back'), callback_data: cb('nb') }],
    ]);
  }

  const steps: FlowDefinition = {
    'ad-text': async (ctx, data) => {
      const text = (ctx.message?.text ?? '').trim();
      try {
        await notices.setEventFooter(data.event as NoticeEvent, text);
      } catch (error) {
        await ctx.reply(errorText(ctx, error));
        return { step: 'ad-text', data };
      }
      await ctx.reply(ctx.t('booking-ntf-footer-saved'));
      await screen(ctx, true);
      return null;
    },
  };

  /** Buttons `bk:nt|na|nc|nb`; false when the action is not one of these. */
  async function onButton(ctx: BotContext, action: string, args: string[]): Promise<boolean> {
    if (action === 'nb') {
      if (ctx.chat && ctx.from) await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
      await screen(ctx);
      return true;
    }
    if (!['nt', 'na', 'nc'].includes(action)) return false;
    const event = NOTICE_EVENTS[Number(args[0])];
    if (!event || !/^\d$/.test(args[0] ?? '')) return true;
    try {
      if (action === 'na') {
        await askFooter(ctx, event);
        return true;
      }
      if (action === 'nc') {
        await notices.setEventFooter(event, null);
        if (ctx.chat && ctx.from) await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
      } else {
        const [role, channel] = [ROLES[args[1]?.[0] ?? ''], CHANNELS[args[1]?.[1] ?? '']];
        if (!role || !channel) return true;
        await notices.toggle({ event, role, channel });
      }
    } catch (error) {
      await ctx.answerCallbackQuery({ text: errorText(ctx, error), show_alert: true });
      return true;
    }
    await screen(ctx);
    return true;
  }

  return { steps, onButton, screen };
}
