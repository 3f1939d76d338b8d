import type { BotContext } from '../bot-context.ts';
import { type FlowDefinition, startFlow } from '../flows/flow-router.ts';

/** "22", "22:00", "22.00", "7:30" → "HH:MM"; null when it is not a time of day. */
export function parseClockTime(text: string): string | null {
  const match = /^\s*([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*$/.exec(text);
  if (!match) return null;
  return `${(match[1] as string).padStart(2, '0')}:${match[2] ?? '00'}`;
}

export const OFF_WORDS = new Set(['off', 'no', 'none', 'выкл', 'выключить', 'нет', 'откл']);

/** A two-step flow: from when, until when. */
export const quietHoursFlow: FlowDefinition = {
  async start(ctx) {
    const text = ctx.message?.text?.trim().toLowerCase() ?? '';
    if (OFF_WORDS.has(text)) {
      ctx.user = await ctx.services.users.updateSettings(ctx.user.id, { quietHours: null });
      await ctx.reply(ctx.t('quiet-off'));
      return null;
    }
    const start = parseClockTime(text);
    if (!start) {
      await ctx.reply(ctx.t('quiet-bad-time'));
      return { step: 'start' };
    }
    await ctx.reply(ctx.t('quiet-ask-end'));
    return { step: 'end', data: { start } };
  },
  async end(ctx, data) {
    const end = parseClockTime(ctx.message?.text ?? '');
    const start = String(data.start);
    if (!end) {
      await ctx.reply(ctx.t('quiet-bad-time'));
      return { step: 'end' };
    }
    if (end === start) {
      await ctx.reply(ctx.t('quiet-same'));
      return { step: 'end' };
    }
    ctx.user = await ctx.services.users.updateSettings(ctx.user.id, { quietHours: { start, end } });
    await ctx.reply(ctx.t('quiet-set', { start, end }));
    return null;
  },
};

export async function askQuietHours(ctx: BotContext) {
  await startFlow(ctx, 'quiet', 'start');
  await ctx.reply(ctx.t('quiet-ask-start'));
}
