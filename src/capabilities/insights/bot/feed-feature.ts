import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { callbackCodec } from '../../../bot/callback-data.ts';
import { isBlockedAddress } from '../../../platform/outbound/safe-fetch.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { ExportService } from '../export/export-service.ts';

const codec = callbackCodec('icf');
/** Names the link a reset button was shown with: a repeated press (or a redelivered update) resets once. */
const fingerprint = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 12);

/**
 * Google and Apple fetch a subscribed feed from their own servers: a loopback, private or
 * single-label address (the sandbox's 127.0.0.1) is a link they can never open.
 */
export function unreachableFromOutside(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  if (isIP(host)) return isBlockedAddress(host);
  return !host.includes('.') || /\.(?:local|localhost|internal|lan|home|test)$/.test(host);
}

async function collect(pieces: AsyncGenerator<string>): Promise<Buffer> {
  const parts: string[] = [];
  for await (const piece of pieces) parts.push(piece);
  return Buffer.from(parts.join(''), 'utf8');
}

/** /calendar (the private feed link, with a reset button) and /export (JSON + tasks CSV files). */
export function createFeedCommands(deps: {
  calendar: CalendarService;
  exporter: ExportService;
  now: () => Date;
}) {
  const { calendar, exporter } = deps;
  const resetButton = (ctx: BotContext, url: string) =>
    new InlineKeyboard().text(ctx.t('insights-calendar-reset'), codec.pack(fingerprint(url)));

  const showCalendar = async (ctx: BotContext) => {
    const url = await calendar.url(ctx.user.id);
    const text = ctx.t('insights-calendar-link', { url });
    const hint = unreachableFromOutside(url) ? `\n\n${ctx.t('insights-calendar-private')}` : '';
    await ctx.reply(text + hint, {
      reply_markup: resetButton(ctx, url),
      link_preview_options: { is_disabled: true },
    });
  };

  const sendExport = async (ctx: BotContext) => {
    const date = deps.now().toISOString().slice(0, 10);
    const json = await collect(exporter.json(ctx.user.id));
    const csv = await collect(exporter.csv(ctx.user.id));
    await ctx.replyWithDocument(new InputFile(json, `secretary-export-${date}.json`), {
      caption: ctx.t('insights-export-caption'),
    });
    await ctx.replyWithDocument(new InputFile(csv, `secretary-tasks-${date}.csv`));
  };

  const composer = new Composer<BotContext>();
  composer.command('calendar', showCalendar);
  composer.command('export', sendExport);
  composer.callbackQuery(codec.pattern, async (ctx) => {
    const [shown] = codec.unpack(ctx.callbackQuery.data) ?? [];
    await ctx.answerCallbackQuery();
    const current = await calendar.url(ctx.user.id);
    // Only the link the button was shown with is reset; a stale button shows the current one.
    const url = shown === fingerprint(current) ? await calendar.reset(ctx.user.id) : current;
    const hint = unreachableFromOutside(url) ? `\n\n${ctx.t('insights-calendar-private')}` : '';
    await ctx.reply(ctx.t('insights-calendar-was-reset', { url }) + hint, {
      reply_markup: resetButton(ctx, url),
      link_preview_options: { is_disabled: true },
    });
  });
  return {
    composer,
    callbacks: [codec],
    commands: [
      { command: 'calendar', descriptionKey: 'insights-cmd-calendar' },
      { command: 'export', descriptionKey: 'insights-cmd-export' },
    ],
    showCalendar,
    sendExport,
  };
}
