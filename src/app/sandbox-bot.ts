import { Bot } from 'grammy';
import type { Logger } from '../platform/observability/logger.ts';

/** Until the bot core lands: a bot that long-polls the in-process sandbox and answers /start. */
export async function startSandboxBot(deps: { token: string; apiRoot: string; logger: Logger }) {
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot } });
  bot.command('start', (ctx) =>
    ctx.reply(
      ctx.from?.language_code?.startsWith('ru')
        ? 'Привет! Я Secretary — ваш помощник. Скоро я научусь задачам, напоминаниям и заметкам.'
        : "Hi! I'm Secretary, your assistant. Tasks, reminders and notes are coming soon.",
    ),
  );
  bot.catch((error) => deps.logger.error({ err: error.error }, 'bot handler failed'));
  await bot.init();
  void bot
    .start({ drop_pending_updates: false })
    .catch((error) => deps.logger.error({ err: error }, 'bot polling stopped'));
  return { stop: () => bot.stop() };
}
