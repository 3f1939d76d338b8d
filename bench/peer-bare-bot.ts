// The reference for bench/peer.ts: a bare grammY bot (long polling, no storage) that answers
// /start the way Secretary greets a new person. Run by peer.ts as its own process.
import { Bot } from 'grammy';

const token = process.env.TELEGRAM_BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) throw new Error('TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT are required');
const bot = new Bot(token, { client: { apiRoot } });
bot.command('start', (ctx) => ctx.reply(`Hi, ${ctx.from?.first_name ?? 'there'}!`));
process.once('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
await bot.start({ onStart: () => console.log('bare bot polling') });
