import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { BotFeature } from '../../../bot/bot-feature.ts';
import { callbackCodec } from '../../../bot/callback-data.ts';
import { chartPng } from '../chart.ts';
import type { PeriodKind } from '../insight-types.ts';
import type { InsightsService } from '../insights-service.ts';
import { chartLabels, INSIGHTS_LOCALES_DIR, summaryText } from '../insights-texts.ts';

const codec = callbackCodec('ins');
const PERIODS: Array<[PeriodKind, string]> = [
  ['week', 'insights-btn-week'],
  ['last-week', 'insights-btn-last-week'],
  ['month', 'insights-btn-month'],
];

/** /stats: the short text with the chart as one photo, and buttons to switch the period. */
export function createStatsFeature(service: InsightsService): {
  feature: BotFeature;
  show: (ctx: BotContext) => Promise<void>;
} {
  async function show(ctx: BotContext, kind: PeriodKind = 'week') {
    const user = ctx.user;
    const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
    const figures = await service.figures(user.id, kind);
    const png = chartPng(figures, chartLabels(t, user.language, figures));
    const keyboard = new InlineKeyboard();
    for (const [k, label] of PERIODS) keyboard.text(`${k === kind ? '• ' : ''}${t(label)}`, codec.pack(k));
    await ctx.replyWithPhoto(new InputFile(png, 'stats.png'), {
      caption: summaryText(t, user.language, figures),
      reply_markup: keyboard,
    });
  }
  const composer = new Composer<BotContext>();
  composer.command('stats', (ctx) => show(ctx));
  composer.callbackQuery(codec.pattern, async (ctx) => {
    const [kind] = codec.unpack(ctx.callbackQuery.data) ?? [];
    await ctx.answerCallbackQuery();
    if (PERIODS.some(([k]) => k === kind)) await show(ctx, kind as PeriodKind);
  });
  return {
    show: (ctx) => show(ctx),
    feature: {
      name: 'insights',
      composer,
      localesDir: INSIGHTS_LOCALES_DIR,
      callbacks: [codec],
      commands: [{ command: 'stats', descriptionKey: 'insights-cmd-stats' }],
    },
  };
}
