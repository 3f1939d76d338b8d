import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { packId } from '../../../bot/callback-data.ts';
import type { FlowDefinition } from '../../../bot/flows/flow-router.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import type { Segment } from '../broadcast-segment.ts';
import type { BroadcastService } from '../broadcast-service.ts';
import { COMPANION_CALLBACKS } from '../companion-callbacks.ts';

const FLOW = 'companion-broadcast';
const SEGMENTS: Record<string, Segment> = {
  all: { kind: 'all' },
  active: { kind: 'active', days: 7 },
  ru: { kind: 'language', language: 'ru' },
  en: { kind: 'language', language: 'en' },
};

/**
 * The admin's broadcast in the bot: segment (buttons) → text → a preview exactly as recipients
 * will see it, with the count → send or discard. Delivery then reports in one live message.
 */
export function createBroadcastFlow(broadcasts: BroadcastService) {
  const flows: Record<string, FlowDefinition> = {
    [FLOW]: {
      async text(ctx, data) {
        const text = ctx.message?.text?.trim();
        const segment = SEGMENTS[String(data.segment)];
        if (!text || !segment || !ctx.chat) return { step: 'text', data };
        const draft = await broadcasts.create({
          text,
          segment,
          createdBy: ctx.user.id,
          progressChatId: ctx.chat.id,
          draft: true,
        });
        await ctx.reply(text);
        const id = packId(draft.id);
        const keyboard = new InlineKeyboard()
          .text(ctx.t('companion-broadcast-send'), COMPANION_CALLBACKS.pack('b', 'go', id))
          .text(ctx.t('companion-broadcast-discard'), COMPANION_CALLBACKS.pack('b', 'cancel', id));
        await ctx.reply(ctx.t('companion-broadcast-preview', { total: draft.total }), {
          reply_markup: keyboard,
        });
        return null;
      },
    },
  };

  return {
    flows,
    async start(ctx: BotContext) {
      const keyboard = new InlineKeyboard();
      for (const key of Object.keys(SEGMENTS))
        keyboard.text(ctx.t(`companion-segment-${key}`), COMPANION_CALLBACKS.pack('s', key)).row();
      await ctx.reply(ctx.t('companion-broadcast-segment'), { reply_markup: keyboard });
    },
    /** Buttons: `s:<segment>` (then the text), `b:go|pause|resume|cancel:<id>`. */
    async press(ctx: BotContext, kind: string, action: string, id: string) {
      if (kind === 's') {
        if (!SEGMENTS[action]) return;
        await startFlow(ctx, FLOW, 'text', { segment: action });
        await ctx.editMessageText(ctx.t('companion-broadcast-prompt'));
        return;
      }
      if (action === 'go') {
        await broadcasts.start(id);
        await ctx.editMessageReplyMarkup();
      } else if (action === 'pause') await broadcasts.pause(id);
      else if (action === 'resume') await broadcasts.resume(id);
      else if (action === 'cancel') {
        const b = await broadcasts.cancel(id);
        if (!b.progressMessageId) await ctx.editMessageText(ctx.t('companion-broadcast-discarded'));
      }
    },
  };
}
